// SPDX-License-Identifier: GPL-3.0-or-later
#include "layers/RecurrentLayer.h"

#include <Eigen/QR>
#include <cmath>
#include <new>

#include "layers/DenseKernels.h"
#include "layers/LayerRegistry.h"

namespace nnplay {

namespace {

/// Fills `block` (n x n) with a random orthogonal matrix (Q of a Gaussian matrix's QR, signs
/// fixed by R's diagonal so the distribution is uniform).
void orthogonal(Eigen::Block<Matrix> block, Random& rng) {
    const Eigen::Index n = block.rows();
    Matrix gauss(n, n);
    for (Eigen::Index i = 0; i < gauss.size(); ++i)
        gauss.data()[i] = static_cast<float>(rng.normal());
    Eigen::HouseholderQR<Matrix> qr(gauss);
    Matrix q = qr.householderQ();
    const Matrix r = qr.matrixQR().triangularView<Eigen::Upper>();
    for (Eigen::Index c = 0; c < n; ++c)
        if (r(c, c) < 0) q.col(c) = -q.col(c);
    block = q;
}

void fillUniform(Matrix& m, float limit, Random& rng) {
    for (Eigen::Index i = 0; i < m.size(); ++i)
        m.data()[i] = static_cast<float>(rng.uniform(-limit, limit));
}

}  // namespace

RecurrentLayer::RecurrentLayer(int units, bool returnSequences, int gates)
    : m_units(units), m_returnSequences(returnSequences), m_gates(gates) {}

void RecurrentLayer::build(const Shape& input, InitScheme scheme, const std::string&, Random& rng) {
    m_steps = input.steps;
    m_features = input.stepSize();
    const int rows = gateRows();
    m_weightIh.resize(rows, m_features);
    m_weightHh.resize(rows, m_units);
    m_biasIh.setZero(rows, 1);
    m_biasHh.setZero(rows, 1);
    if (scheme == InitScheme::Auto) {
        // Keras's defaults: Glorot for the input weights, orthogonal recurrent weights (each
        // gate's block keeps the hidden state's norm), zero biases.
        fillUniform(m_weightIh, std::sqrt(6.0f / static_cast<float>(m_features + rows)), rng);
        for (int g = 0; g < m_gates; ++g)
            orthogonal(m_weightHh.block(g * m_units, 0, m_units, m_units), rng);
    } else {
        // PyTorch's U(+-1/sqrt(units)) for every tensor; Playground's scheme is for dense
        // layers and means the same here.
        const float limit = 1.0f / std::sqrt(static_cast<float>(m_units));
        fillUniform(m_weightIh, limit, rng);
        fillUniform(m_weightHh, limit, rng);
        fillUniform(m_biasIh, limit, rng);
        fillUniform(m_biasHh, limit, rng);
    }
    m_weightIhGrad.setZero(rows, m_features);
    m_weightHhGrad.setZero(rows, m_units);
    m_biasIhGrad.setZero(rows, 1);
    m_biasHhGrad.setZero(rows, 1);
}

ConstMatrixRef RecurrentLayer::forward(const ConstMatrixRef& input, Mode) {
    new (&m_input) ConstMatrixMap(contiguous(input));
    m_batch = input.cols();
    const Eigen::Index columns = m_batch * m_steps;  // one column per sample and step
    // weight_ih x_t + bias_ih for every step at once: the input is features x (steps*n).
    MatrixBlock preactivation = pre();
    kernels::multiply(gateRows(), columns, m_features, m_weightIh.data(), gateRows(),
                      {m_input.data(), 1, m_features}, preactivation.data(), gateRows(),
                      m_biasIh.data());
    stepBlock(hiddenPrev(), 0, m_units).setZero();
    runSteps();
    if (m_returnSequences) return hidden();
    auto last = m_last.view(m_units, m_batch);
    last = stepBlock(hidden(), m_steps - 1, m_units);
    return last;
}

void RecurrentLayer::carry(int t) {
    if (t + 1 < m_steps) stepBlock(hiddenPrev(), t + 1, m_units) = stepBlock(hidden(), t, m_units);
}

void RecurrentLayer::hiddenProduct(int t) {
    MatrixBlock out = hh();
    const Eigen::Index stride = static_cast<Eigen::Index>(m_steps) * m_units;
    kernels::multiply(gateRows(), m_batch, m_units, m_weightHh.data(), gateRows(),
                      {hiddenPrev().data() + static_cast<Eigen::Index>(t) * m_units, 1, stride},
                      out.data(), gateRows(), m_biasHh.data());
}

void RecurrentLayer::hiddenGradient(int t) {
    MatrixBlock out = gradPrev();
    const Eigen::Index stride = static_cast<Eigen::Index>(m_steps) * gateRows();
    kernels::multiply(
        m_units, m_batch, gateRows(), m_weightHhT.data(), m_units,
        {gradHiddenProduct().data() + static_cast<Eigen::Index>(t) * gateRows(), 1, stride},
        out.data(), m_units, nullptr);
}

void RecurrentLayer::addOutputGradient(const ConstMatrixRef& gradOutput, int t) {
    if (m_returnSequences)
        gradH() += gradOutput.middleRows(static_cast<Eigen::Index>(t) * m_units, m_units);
    else if (t == m_steps - 1)
        gradH() += gradOutput;
}

ConstMatrixRef RecurrentLayer::backward(const ConstMatrixRef& gradOutput) {
    const int rows = gateRows();
    const Eigen::Index columns = m_batch * m_steps;
    if (m_weightHhT.rows() != m_units || m_weightHhT.cols() != rows)
        m_weightHhT.resize(m_units, rows);
    kernels::transpose(rows, m_units, m_weightHh.data(), m_weightHhT.data());
    gradH().setZero();
    backSteps(gradOutput);

    // The parameter gradients sum over samples and steps: one product each over the
    // gate-rows x (steps*n) views.
    const MatrixBlock gPre = gradPre();
    const MatrixBlock gHh = gradHiddenProduct();
    const MatrixBlock prev = hiddenPrev();
    kernels::multiply(rows, m_features, columns, gPre.data(), rows, {m_input.data(), m_features, 1},
                      m_weightIhGrad.data(), rows, nullptr);
    kernels::rowSums(rows, columns, gPre.data(), m_biasIhGrad.data());
    kernels::multiply(rows, m_units, columns, gHh.data(), rows, {prev.data(), m_units, 1},
                      m_weightHhGrad.data(), rows, nullptr);
    kernels::rowSums(rows, columns, gHh.data(), m_biasHhGrad.data());
    if (!m_inputGradientNeeded) return gradOutput;
    if (m_weightIhT.rows() != m_features || m_weightIhT.cols() != rows)
        m_weightIhT.resize(m_features, rows);
    kernels::transpose(rows, m_features, m_weightIh.data(), m_weightIhT.data());
    auto gradInput = m_gradInput.view(static_cast<Eigen::Index>(m_steps) * m_features, m_batch);
    kernels::multiply(m_features, columns, rows, m_weightIhT.data(), m_features,
                      {gPre.data(), 1, rows}, gradInput.data(), m_features, nullptr);
    return gradInput;
}

std::vector<ParamInfo> RecurrentLayer::paramInfo() {
    return {{"weight_ih", ParamStorage::Matrix, true, true},
            {"weight_hh", ParamStorage::Matrix, true, true},
            {"bias_ih", ParamStorage::List, true, false},
            {"bias_hh", ParamStorage::List, true, false}};
}

std::vector<Param> RecurrentLayer::params() {
    static const std::vector<ParamInfo> info = paramInfo();
    return {param(m_weightIh, m_weightIhGrad, info[0]), param(m_weightHh, m_weightHhGrad, info[1]),
            param(m_biasIh, m_biasIhGrad, info[2]), param(m_biasHh, m_biasHhGrad, info[3])};
}

Shape RecurrentLayer::outputShape(const LayerSpec& spec, const Shape& input) {
    const int units = static_cast<int>(spec.setting("units"));
    if (!input.isSequence())
        throw InputError(
            "needs a sequence (steps x features) but gets " + input.toString() +
            ": recurrent layers read sequence data (sine, text), and a recurrent layer before "
            "this one must have return_sequences on");
    if (!input.isFlat())
        throw InputError("needs steps of flat features but gets " + input.toString() +
                         ": each step must be a list of numbers");
    if (spec.setting("return_sequences") != 0) return Shape::sequence(input.steps, units);
    return Shape::flat(units);
}

std::vector<std::pair<int, int>> RecurrentLayer::paramShapes(const LayerSpec& spec,
                                                             const Shape& input, int gates) {
    const int units = static_cast<int>(spec.setting("units"));
    const int rows = gates * units;
    return {{rows, input.stepSize()}, {rows, units}, {rows, 1}, {rows, 1}};
}

}  // namespace nnplay
