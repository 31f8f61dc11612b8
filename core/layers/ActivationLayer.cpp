// SPDX-License-Identifier: GPL-3.0-or-later
#include "layers/ActivationLayer.h"

namespace nnplay {

std::string ActivationLayer::type() const {
    switch (m_kind) {
        case Kind::Relu:
            return "relu";
        case Kind::LeakyRelu:
            return "leaky_relu";
        case Kind::Sigmoid:
            return "sigmoid";
        case Kind::Tanh:
            return "tanh";
        case Kind::Linear:
            return "linear";
    }
    return {};
}

ConstMatrixRef ActivationLayer::forward(const ConstMatrixRef& input, Mode) {
    m_rows = input.rows();
    m_cols = input.cols();
    auto block = m_output.view(m_rows, m_cols);
    auto out = flat(block);
    const auto x = flat(input);
    switch (m_kind) {
        case Kind::Relu: {
            // std::max's order, so that a NaN passes through and divergence is seen.
            const float* in = x.data();
            float* o = out.data();
            for (Eigen::Index i = 0; i < x.size(); ++i) o[i] = in[i] < 0.0f ? 0.0f : in[i];
            break;
        }
        case Kind::LeakyRelu:
            out = (x > 0.0f).select(x, m_alpha * x);
            break;
        case Kind::Sigmoid:
            // 0.5 * (1 + tanh(x / 2)) is exact and never overflows.
            out = 0.5f * ((0.5f * x).tanh() + 1.0f);
            break;
        case Kind::Tanh:
            out = x.tanh();
            break;
        case Kind::Linear:
            out = x;
            break;
    }
    return block;
}

ConstMatrixRef ActivationLayer::backward(const ConstMatrixRef& gradOutput) {
    const auto y = flat(m_output.view(m_rows, m_cols));
    auto block = m_gradInput.view(m_rows, m_cols);
    auto grad = flat(block);
    const auto g = flat(gradOutput);
    switch (m_kind) {
        case Kind::Relu: {
            const float* yy = y.data();
            const float* gg = g.data();
            float* d = grad.data();
            // A plain loop that reads both arrays unconditionally compiles to a blend; Eigen's
            // select here keeps a value on the stack from one iteration to the next.
            for (Eigen::Index i = 0; i < y.size(); ++i) {
                const float gi = gg[i];
                d[i] = yy[i] > 0.0f ? gi : 0.0f;
            }
            break;
        }
        case Kind::LeakyRelu:
            grad = (y > 0.0f).select(g, m_alpha * g);
            break;
        case Kind::Sigmoid:
            grad = g * y * (1.0f - y);
            break;
        case Kind::Tanh:
            grad = g * (1.0f - y.square());
            break;
        case Kind::Linear:
            grad = g;
            break;
    }
    return block;
}

}  // namespace nnplay
