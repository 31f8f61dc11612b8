// SPDX-License-Identifier: GPL-3.0-or-later
#include "layers/ActivationLayer.h"

#include "ThreadPool.h"

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

void ActivationLayer::activate(const float* in, float* o, Eigen::Index n) const {
    const Eigen::Map<const Eigen::ArrayXf> x(in, n);
    Eigen::Map<Eigen::ArrayXf> out(o, n);
    switch (m_kind) {
        case Kind::Relu:
            // std::max's order, so that a NaN passes through and divergence is seen.
            for (Eigen::Index i = 0; i < n; ++i) o[i] = in[i] < 0.0f ? 0.0f : in[i];
            break;
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
}

void ActivationLayer::differentiate(const float* yy, const float* gg, float* d,
                                    Eigen::Index n) const {
    const Eigen::Map<const Eigen::ArrayXf> y(yy, n), g(gg, n);
    Eigen::Map<Eigen::ArrayXf> grad(d, n);
    switch (m_kind) {
        case Kind::Relu:
            // A plain loop that reads both arrays unconditionally compiles to a blend; Eigen's
            // select here keeps a value on the stack from one iteration to the next.
            for (Eigen::Index i = 0; i < n; ++i) {
                const float gi = gg[i];
                d[i] = yy[i] > 0.0f ? gi : 0.0f;
            }
            break;
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
}

ConstMatrixRef ActivationLayer::forward(const ConstMatrixRef& input, Mode) {
    m_rows = input.rows();
    m_cols = input.cols();
    auto block = m_output.view(m_rows, m_cols);
    const float* x = contiguous(input).data();
    float* y = block.data();
    ThreadPool::shared().forRanges(block.size(), ThreadPool::kMinValuesToShare,
                                   [&](std::int64_t first, std::int64_t last) {
                                       activate(x + first, y + first, last - first);
                                   });
    return block;
}

ConstMatrixRef ActivationLayer::backward(const ConstMatrixRef& gradOutput) {
    const float* y = m_output.view(m_rows, m_cols).data();
    auto block = m_gradInput.view(m_rows, m_cols);
    const float* g = contiguous(gradOutput).data();
    float* d = block.data();
    ThreadPool::shared().forRanges(block.size(), ThreadPool::kMinValuesToShare,
                                   [&](std::int64_t first, std::int64_t last) {
                                       differentiate(y + first, g + first, d + first, last - first);
                                   });
    return block;
}

}  // namespace nnplay
