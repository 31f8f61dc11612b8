// SPDX-License-Identifier: GPL-3.0-or-later
#include "optim/RmsPropOptimizer.h"

namespace nnplay {

void RmsPropOptimizer::step(const std::vector<Param>& params) {
    if (m_square.size() != params.size()) {
        m_square.clear();
        for (const Param& p : params) m_square.push_back(Matrix::Zero(p.value->rows(), p.value->cols()));
    }
    const float lr = m_settings.learningRate;
    const float rho = m_settings.rho;
    const float eps = m_settings.epsilon;
    for (std::size_t i = 0; i < params.size(); ++i) {
        if (!params[i].trainable) continue;
        auto g = params[i].grad->array();
        auto s = m_square[i].array();
        s = rho * s + (1.0f - rho) * g.square();
        params[i].value->array() -= lr * g / (s.sqrt() + eps);
    }
}

}  // namespace nnplay
