// SPDX-License-Identifier: GPL-3.0-or-later
#include "layers/DropoutLayer.h"

namespace nnplay {

void DropoutLayer::build(const Shape&, InitScheme, const std::string&, Random& rng) {
    m_rng = Random(rng.below(0xffffffffu));
}

ConstMatrixRef DropoutLayer::forward(const ConstMatrixRef& input, Mode mode) {
    m_rows = input.rows();
    m_cols = input.cols();
    m_training = mode == Mode::Train && m_rate > 0.0f;
    auto out = m_output.view(m_rows, m_cols);
    if (!m_training) {
        out = input;
        return out;
    }
    auto mask = m_mask.view(m_rows, m_cols);
    const float keep = 1.0f - m_rate;
    const float scale = 1.0f / keep;
    for (Eigen::Index i = 0; i < mask.size(); ++i)
        mask.data()[i] = m_rng.uniform() < keep ? scale : 0.0f;
    out = input.cwiseProduct(mask);
    return out;
}

ConstMatrixRef DropoutLayer::backward(const ConstMatrixRef& gradOutput) {
    auto grad = m_gradInput.view(m_rows, m_cols);
    if (m_training)
        grad = gradOutput.cwiseProduct(m_mask.view(m_rows, m_cols));
    else
        grad = gradOutput;
    return grad;
}

}  // namespace nnplay
