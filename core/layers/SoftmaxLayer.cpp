// SPDX-License-Identifier: GPL-3.0-or-later
#include "layers/SoftmaxLayer.h"

namespace nnplay {

void SoftmaxLayer::apply(const ConstMatrixRef& logits, MatrixBlock out) {
    for (Eigen::Index c = 0; c < logits.cols(); ++c) {
        const float peak = logits.col(c).maxCoeff();
        out.col(c) = (logits.col(c).array() - peak).exp();
        out.col(c) /= out.col(c).sum();
    }
}

ConstMatrixRef SoftmaxLayer::forward(const ConstMatrixRef& input, Mode) {
    m_rows = input.rows();
    m_cols = input.cols();
    auto out = m_output.view(m_rows, m_cols);
    apply(input, out);
    return out;
}

ConstMatrixRef SoftmaxLayer::backward(const ConstMatrixRef& gradOutput) {
    // dL/dx = y * (g - sum(g * y)) per column.
    auto y = m_output.view(m_rows, m_cols);
    auto grad = m_gradInput.view(m_rows, m_cols);
    for (Eigen::Index c = 0; c < m_cols; ++c) {
        const float dot = gradOutput.col(c).dot(y.col(c));
        grad.col(c) = y.col(c).array() * (gradOutput.col(c).array() - dot);
    }
    return grad;
}

}  // namespace nnplay
