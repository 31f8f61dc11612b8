// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "NetworkSpec.h"
#include "layers/Layer.h"

namespace nnplay {

/// Softmax over the features of each sample (each column sums to 1); on a sequence, over the
/// features of each step (each step of each column sums to 1).
class SoftmaxLayer : public Layer {
public:
    std::string type() const override { return "softmax"; }
    void build(const Shape& input, InitScheme scheme, const std::string& nextActivation,
               Random& rng) override;
    ConstMatrixRef forward(const ConstMatrixRef& input, Mode mode) override;
    ConstMatrixRef backward(const ConstMatrixRef& gradOutput) override;
    /// One probability per input value: a flat vector, or a sequence of flat steps.
    static Shape outputShape(const LayerSpec&, const Shape& input);

    /// Writes the softmax of each column of `logits` into `out` (same shape); stable for
    /// large logits.
    static void apply(const ConstMatrixRef& logits, Eigen::Ref<Matrix> out);

private:
    BatchBuffer m_output, m_gradInput;
    Eigen::Index m_rows = 0, m_cols = 0;  // of the per-step view: step size x (steps*n)
    int m_steps = 1;
};

}  // namespace nnplay
