// SPDX-License-Identifier: GPL-3.0-or-later
#include "optim/SgdOptimizer.h"

namespace nnplay {

void SgdOptimizer::step(const std::vector<Param>& params) {
    const float lr = m_settings.learningRate;
    const float mu = m_settings.momentum;
    if (mu == 0.0f) {
        for (const Param& p : params)
            if (p.trainable) *p.value -= lr * *p.grad;
        return;
    }
    if (m_velocity.size() != params.size()) {
        m_velocity.clear();
        for (const Param& p : params) m_velocity.push_back(*p.grad);  // PyTorch: v1 = g1
        for (std::size_t i = 0; i < params.size(); ++i) {
            const Param& p = params[i];
            if (!p.trainable) continue;
            if (m_settings.nesterov)
                *p.value -= lr * (*p.grad + mu * m_velocity[i]);
            else
                *p.value -= lr * m_velocity[i];
        }
        return;
    }
    for (std::size_t i = 0; i < params.size(); ++i) {
        const Param& p = params[i];
        if (!p.trainable) continue;
        m_velocity[i] = mu * m_velocity[i] + *p.grad;
        if (m_settings.nesterov)
            *p.value -= lr * (*p.grad + mu * m_velocity[i]);
        else
            *p.value -= lr * m_velocity[i];
    }
}

}  // namespace nnplay
