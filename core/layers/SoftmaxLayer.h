// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "NetworkSpec.h"
#include "layers/Layer.h"

namespace nnplay {

/// Softmax over the features of each sample (each column sums to 1).
class SoftmaxLayer : public Layer {
public:
    std::string type() const override { return "softmax"; }
    ConstMatrixRef forward(const ConstMatrixRef& input, Mode mode) override;
    ConstMatrixRef backward(const ConstMatrixRef& gradOutput) override;
    /// One probability per input value, as a flat vector.
    static Shape outputShape(const LayerSpec&, const Shape& input) { return Shape::flat(input.size()); }

    /// Writes the softmax of each column of `logits` into `out` (same shape); stable for
    /// large logits.
    static void apply(const ConstMatrixRef& logits, MatrixBlock out);

private:
    BatchBuffer m_output, m_gradInput;
    Eigen::Index m_rows = 0, m_cols = 0;
};

}  // namespace nnplay
