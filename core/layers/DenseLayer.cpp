// SPDX-License-Identifier: GPL-3.0-or-later
#include "layers/DenseLayer.h"

#include <cmath>
#include <new>

#include "Random.h"

namespace nnplay {

void DenseLayer::build(const Shape& input, InitScheme scheme, const std::string& nextActivation,
                       std::mt19937& rng) {
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
        m_weights.data()[i] = uniform(rng, -limit, limit);
    if (scheme == InitScheme::PyTorch) {
        for (Eigen::Index i = 0; i < m_bias.size(); ++i) m_bias(i) = uniform(rng, -limit, limit);
    } else {
        m_bias.setConstant(biasValue);
    }
    m_weightsGrad.setZero(m_units, fanIn);
    m_biasGrad.setZero(m_units, 1);
}

ConstMatrixRef DenseLayer::forward(const ConstMatrixRef& input, Mode) {
    new (&m_input) ConstMatrixMap(contiguous(input));
    auto out = m_output.view(m_units, input.cols());
    out.noalias() = m_weights * m_input;
    out.colwise() += m_bias.col(0);
    return out;
}

ConstMatrixRef DenseLayer::backward(const ConstMatrixRef& gradOutput) {
    const ConstMatrixMap g = contiguous(gradOutput);
    m_weightsGrad.noalias() = g * m_input.transpose();
    m_biasGrad.noalias() = g.rowwise().sum();
    auto gradInput = m_gradInput.view(m_weights.cols(), g.cols());
    gradInput.noalias() = m_weights.transpose() * g;
    return gradInput;
}

std::vector<Param> DenseLayer::params() {
    return {{&m_weights, &m_weightsGrad, true}, {&m_bias, &m_biasGrad, false}};
}

}  // namespace nnplay
