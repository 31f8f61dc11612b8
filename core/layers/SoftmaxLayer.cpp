// SPDX-License-Identifier: GPL-3.0-or-later
#include "layers/SoftmaxLayer.h"

namespace nnplay {

void SoftmaxLayer::apply(const ConstMatrixRef& logits, Eigen::Ref<Matrix> out) {
    for (Eigen::Index c = 0; c < logits.cols(); ++c) {
        const float peak = logits.col(c).maxCoeff();
        out.col(c) = (logits.col(c).array() - peak).exp();
        out.col(c) /= out.col(c).sum();
    }
}

Shape SoftmaxLayer::outputShape(const LayerSpec&, const Shape& input) {
    if (input.isSequence() && input.isFlat()) return input;
    return Shape::flat(input.size());
}

void SoftmaxLayer::build(const Shape& input, InitScheme, const std::string&, Random&) {
    m_steps = input.isSequence() && input.isFlat() ? input.steps : 1;
}

ConstMatrixRef SoftmaxLayer::forward(const ConstMatrixRef& input, Mode) {
    // A sequence's steps lie one after another in each column: read them as the columns of
    // a step size x (steps*n) matrix.
    m_rows = input.rows() / m_steps;
    m_cols = input.cols() * m_steps;
    auto out = m_output.view(input.rows(), input.cols());
    apply(ConstMatrixMap(contiguous(input).data(), m_rows, m_cols),
          Eigen::Map<Matrix>(out.data(), m_rows, m_cols));
    return out;
}

ConstMatrixRef SoftmaxLayer::backward(const ConstMatrixRef& gradOutput) {
    // dL/dx = y * (g - sum(g * y)) per column.
    auto yStore = m_output.view(m_rows * m_steps, m_cols / m_steps);
    auto gradStore = m_gradInput.view(m_rows * m_steps, m_cols / m_steps);
    const ConstMatrixMap y(yStore.data(), m_rows, m_cols);
    const ConstMatrixMap gradOut(contiguous(gradOutput).data(), m_rows, m_cols);
    Eigen::Map<Matrix> grad(gradStore.data(), m_rows, m_cols);
    for (Eigen::Index c = 0; c < m_cols; ++c) {
        const float dot = gradOut.col(c).dot(y.col(c));
        grad.col(c) = y.col(c).array() * (gradOut.col(c).array() - dot);
    }
    return gradStore;
}

}  // namespace nnplay
