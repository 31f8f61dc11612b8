// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "NetworkSpec.h"
#include "layers/Layer.h"

namespace nnplay {

/// Inverted dropout: while training, zeroes each value with probability `rate` and scales the
/// rest by 1/(1-rate); at inference it passes the input through unchanged.
class DropoutLayer : public Layer {
public:
    DropoutLayer(float rate, std::uint32_t seed) : m_rate(rate), m_rng(seed) {}

    std::string type() const override { return "dropout"; }
    ConstMatrixRef forward(const ConstMatrixRef& input, Mode mode) override;
    ConstMatrixRef backward(const ConstMatrixRef& gradOutput) override;
    /// The input shape: values change one by one.
    static Shape outputShape(const LayerSpec&, const Shape& input) { return input; }
    void build(const Shape& input, InitScheme scheme, const std::string& nextActivation,
               Random& rng) override;

private:
    float m_rate;
    Random m_rng;
    bool m_training = false;
    BatchBuffer m_mask, m_output, m_gradInput;
    Eigen::Index m_rows = 0, m_cols = 0;
};

}  // namespace nnplay
