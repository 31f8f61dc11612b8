// SPDX-License-Identifier: GPL-3.0-or-later
#include "layers/DenseLayer.h"

#include <cmath>
#include <new>

namespace nnplay {

void DenseLayer::build(const Shape& input, InitScheme scheme, const std::string& nextActivation,
                       Random& rng) {
    const int fanIn = input.size();
    m_weights.resize(m_units, fanIn);
    m_bias.resize(m_units, 1);
    float limit = 0.0f;
    float biasValue = 0.0f;
    switch (scheme) {
        case InitScheme::Playground:
            limit = 0.5f;
            biasValue = 0.1f;
            break;
        case InitScheme::PyTorch:
            limit = 1.0f / std::sqrt(static_cast<float>(fanIn));
            break;
        case InitScheme::Auto:
            // He for rectifiers, Glorot otherwise; both in their uniform form.
            if (nextActivation == "relu" || nextActivation == "leaky_relu")
                limit = std::sqrt(6.0f / static_cast<float>(fanIn));
            else
                limit = std::sqrt(6.0f / static_cast<float>(fanIn + m_units));
            break;
    }
    for (Eigen::Index i = 0; i < m_weights.size(); ++i)
        m_weights.data()[i] = static_cast<float>(rng.uniform(-limit, limit));
    if (scheme == InitScheme::PyTorch) {
        for (Eigen::Index i = 0; i < m_bias.size(); ++i) m_bias(i) = static_cast<float>(rng.uniform(-limit, limit));
    } else {
        m_bias.setConstant(biasValue);
    }
    m_weightsGrad.setZero(m_units, fanIn);
    m_biasGrad.setZero(m_units, 1);
}

namespace {

/// Below this many multiply-adds per call, plain loops beat Eigen's product dispatch several
/// times over (Playground-sized layers spend their time in per-call overhead, not arithmetic).
constexpr Eigen::Index kSmallProduct = 4096;

/// out = weights * input + bias, column by column, for tiny layers.
void smallAffine(const Matrix& weights, const Matrix& bias, const ConstMatrixMap& input,
                 MatrixBlock out) {
    const Eigen::Index units = weights.rows(), inputs = weights.cols();
    const float* w = weights.data();
    for (Eigen::Index b = 0; b < input.cols(); ++b) {
        float* o = out.data() + b * units;
        const float* x = input.data() + b * inputs;
        for (Eigen::Index k = 0; k < units; ++k) o[k] = bias.data()[k];
        for (Eigen::Index j = 0; j < inputs; ++j) {
            const float xj = x[j];
            const float* wj = w + j * units;
            for (Eigen::Index k = 0; k < units; ++k) o[k] += wj[k] * xj;
        }
    }
}

}  // namespace

ConstMatrixRef DenseLayer::forward(const ConstMatrixRef& input, Mode) {
    new (&m_input) ConstMatrixMap(contiguous(input));
    auto out = m_output.view(m_units, input.cols());
    if (m_weights.size() * input.cols() <= kSmallProduct) {
        smallAffine(m_weights, m_bias, m_input, out);
    } else {
        out.noalias() = m_weights * m_input;
        out.colwise() += m_bias.col(0);
    }
    return out;
}

ConstMatrixRef DenseLayer::backward(const ConstMatrixRef& gradOutput) {
    const ConstMatrixMap g = contiguous(gradOutput);
    m_weightsGrad.noalias() = g * m_input.transpose();
    m_biasGrad.noalias() = g.rowwise().sum();
    if (!m_inputGradientNeeded) return g;  // nobody reads it; skip the product
    auto gradInput = m_gradInput.view(m_weights.cols(), g.cols());
    gradInput.noalias() = m_weights.transpose() * g;
    return gradInput;
}

std::vector<ParamInfo> DenseLayer::paramInfo() {
    return {{"weights", ParamStorage::Matrix, true, true}, {"bias", ParamStorage::List, true, false}};
}

Shape DenseLayer::outputShape(const LayerSpec& spec, const Shape&) {
    return Shape::flat(static_cast<int>(spec.setting("units")));
}

std::vector<std::pair<int, int>> DenseLayer::paramShapes(const LayerSpec& spec, const Shape& input) {
    const int units = static_cast<int>(spec.setting("units"));
    return {{units, input.size()}, {units, 1}};
}

std::vector<Param> DenseLayer::params() {
    static const std::vector<ParamInfo> info = paramInfo();
    return {param(m_weights, m_weightsGrad, info[0]), param(m_bias, m_biasGrad, info[1])};
}

}  // namespace nnplay
