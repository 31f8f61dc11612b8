// SPDX-License-Identifier: GPL-3.0-or-later
#include "layers/DenseLayer.h"

#include <cmath>
#include <new>

#include "layers/DenseKernels.h"

namespace nnplay {

void DenseLayer::build(const Shape& input, InitScheme scheme, const std::string& nextActivation,
                       Random& rng) {
    const bool perStep = input.isSequence() && input.isFlat();
    m_steps = perStep ? input.steps : 1;
    const int fanIn = perStep ? input.stepSize() : input.size();
    m_weights.resize(m_units, fanIn);
    m_bias.resize(m_units, 1);
    initializeWeights(m_weights, m_bias, scheme, fanIn, m_units, nextActivation, rng);
    m_weightsGrad.setZero(m_units, fanIn);
    m_biasGrad.setZero(m_units, 1);
}

ConstMatrixRef DenseLayer::forward(const ConstMatrixRef& input, Mode) {
    new (&m_input) ConstMatrixMap(contiguous(input));
    const Eigen::Index inputs = m_weights.cols(), n = input.cols() * m_steps;
    auto out = m_output.view(m_units * m_steps, input.cols());
    kernels::multiply(m_units, n, inputs, m_weights.data(), m_units, {m_input.data(), 1, inputs},
                      out.data(), m_units, m_bias.data());
    return out;
}

ConstMatrixRef DenseLayer::backward(const ConstMatrixRef& gradOutput) {
    const ConstMatrixMap g = contiguous(gradOutput);
    const Eigen::Index inputs = m_weights.cols(), n = g.cols() * m_steps;
    // dW = g * input^T: input^T is the input read with its strides swapped.
    kernels::multiply(m_units, inputs, n, g.data(), m_units, {m_input.data(), inputs, 1},
                      m_weightsGrad.data(), m_units, nullptr);
    kernels::rowSums(m_units, n, g.data(), m_biasGrad.data());
    if (!m_inputGradientNeeded) return g;  // nobody reads it; skip the product
    // dInput = W^T * g, from a transposed copy so the kernel reads contiguous columns.
    if (m_weightsT.rows() != inputs || m_weightsT.cols() != m_units)
        m_weightsT.resize(inputs, m_units);
    kernels::transpose(m_units, inputs, m_weights.data(), m_weightsT.data());
    auto gradInput = m_gradInput.view(inputs * m_steps, g.cols());
    kernels::multiply(inputs, n, m_units, m_weightsT.data(), inputs, {g.data(), 1, m_units},
                      gradInput.data(), inputs, nullptr);
    return gradInput;
}

std::vector<ParamInfo> DenseLayer::paramInfo() {
    return {{"weights", ParamStorage::Matrix, true, true},
            {"bias", ParamStorage::List, true, false}};
}

Shape DenseLayer::outputShape(const LayerSpec& spec, const Shape& input) {
    const int units = static_cast<int>(spec.setting("units"));
    if (input.isSequence() && input.isFlat()) return Shape::sequence(input.steps, units);
    return Shape::flat(units);
}

std::vector<std::pair<int, int>> DenseLayer::paramShapes(const LayerSpec& spec,
                                                         const Shape& input) {
    const int units = static_cast<int>(spec.setting("units"));
    const bool perStep = input.isSequence() && input.isFlat();
    return {{units, perStep ? input.stepSize() : input.size()}, {units, 1}};
}

std::vector<Param> DenseLayer::params() {
    static const std::vector<ParamInfo> info = paramInfo();
    return {param(m_weights, m_weightsGrad, info[0]), param(m_bias, m_biasGrad, info[1])};
}

}  // namespace nnplay
