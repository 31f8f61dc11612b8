// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "NetworkSpec.h"
#include "layers/Layer.h"

namespace nnplay {

/// An element-wise activation: relu, leaky_relu, sigmoid, tanh or linear. Shape preserving,
/// no parameters; the derivative is computed from the output it produced.
class ActivationLayer : public Layer {
public:
    enum class Kind { Relu, LeakyRelu, Sigmoid, Tanh, Linear };

    /// `alpha` is leaky_relu's slope for negative inputs.
    explicit ActivationLayer(Kind kind, float alpha = 0.01f) : m_kind(kind), m_alpha(alpha) {}

    std::string type() const override;
    ConstMatrixRef forward(const ConstMatrixRef& input, Mode mode) override;
    ConstMatrixRef backward(const ConstMatrixRef& gradOutput) override;
    /// The input shape: values change one by one.
    static Shape outputShape(const LayerSpec&, const Shape& input) { return input; }

private:
    /// y = f(x) for n values.
    void activate(const float* x, float* y, Eigen::Index n) const;
    /// d = g * f'(x), from y = f(x), for n values.
    void differentiate(const float* y, const float* g, float* d, Eigen::Index n) const;

    Kind m_kind;
    float m_alpha;
    BatchBuffer m_output, m_gradInput;
    Eigen::Index m_rows = 0, m_cols = 0;
};

}  // namespace nnplay
