// SPDX-License-Identifier: GPL-3.0-or-later
#include "optim/AdamOptimizer.h"

#include <cmath>

namespace nnplay {

void AdamOptimizer::step(const std::vector<Param>& params) {
    if (m_first.size() != params.size()) {
        m_first.clear();
        m_second.clear();
        for (const Param& p : params) {
            m_first.push_back(Matrix::Zero(p.value->rows(), p.value->cols()));
            m_second.push_back(Matrix::Zero(p.value->rows(), p.value->cols()));
        }
        m_step = 0;
    }
    ++m_step;
    const float b1 = m_settings.beta1;
    const float b2 = m_settings.beta2;
    const float correction1 = 1.0f - static_cast<float>(std::pow(b1, m_step));
    const float correction2 = 1.0f - static_cast<float>(std::pow(b2, m_step));
    const float stepSize = m_settings.learningRate / correction1;
    const float sqrtCorrection2 = std::sqrt(correction2);
    const float eps = m_settings.epsilon;
    for (std::size_t i = 0; i < params.size(); ++i) {
        if (!params[i].trainable) continue;
        auto g = params[i].grad->array();
        auto m = m_first[i].array();
        auto v = m_second[i].array();
        m = b1 * m + (1.0f - b1) * g;
        v = b2 * v + (1.0f - b2) * g.square();
        params[i].value->array() -= stepSize * m / (v.sqrt() / sqrtCorrection2 + eps);
    }
}

}  // namespace nnplay
