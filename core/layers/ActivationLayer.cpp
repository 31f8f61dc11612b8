// SPDX-License-Identifier: GPL-3.0-or-later
#include "layers/ActivationLayer.h"

namespace nnplay {

std::string ActivationLayer::type() const {
    switch (m_kind) {
        case Kind::Relu: return "relu";
        case Kind::LeakyRelu: return "leaky_relu";
        case Kind::Sigmoid: return "sigmoid";
        case Kind::Tanh: return "tanh";
        case Kind::Linear: return "linear";
    }
    return {};
}

ConstMatrixRef ActivationLayer::forward(const ConstMatrixRef& input, Mode) {
    m_rows = input.rows();
    m_cols = input.cols();
    auto out = m_output.view(m_rows, m_cols);
    switch (m_kind) {
        case Kind::Relu: out = input.cwiseMax(0.0f); break;
        case Kind::LeakyRelu:
            out = (input.array() > 0.0f).select(input, m_alpha * input.array());
            break;
        case Kind::Sigmoid:
            // 0.5 * (1 + tanh(x / 2)) is exact and never overflows.
            out = 0.5f * ((0.5f * input.array()).tanh() + 1.0f);
            break;
        case Kind::Tanh: out = input.array().tanh(); break;
        case Kind::Linear: out = input; break;
    }
    return out;
}

ConstMatrixRef ActivationLayer::backward(const ConstMatrixRef& gradOutput) {
    auto y = m_output.view(m_rows, m_cols).array();
    auto grad = m_gradInput.view(m_rows, m_cols);
    const auto g = gradOutput.array();
    switch (m_kind) {
        case Kind::Relu: grad = (y > 0.0f).select(g, 0.0f); break;
        case Kind::LeakyRelu: grad = (y > 0.0f).select(g, m_alpha * g); break;
        case Kind::Sigmoid: grad = g * y * (1.0f - y); break;
        case Kind::Tanh: grad = g * (1.0f - y.square()); break;
        case Kind::Linear: grad = gradOutput; break;
    }
    return grad;
}

}  // namespace nnplay
