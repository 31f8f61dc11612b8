// SPDX-License-Identifier: GPL-3.0-or-later
#include "optim/AdamOptimizer.h"

#include <algorithm>
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
    // PyTorch divides the root by sqrt(correction2); multiplying by its inverse differs by at
    // most a rounding and saves a division per value.
    const float inverseRoot2 = 1.0f / std::sqrt(correction2);
    const float eps = m_settings.epsilon;
    // All four arrays in one pass, a chunk at a time, so each value is read and written once.
    constexpr Eigen::Index kChunk = 256;
    for (std::size_t i = 0; i < params.size(); ++i) {
        if (!params[i].trainable) continue;
        float* w = params[i].value->data();
        const float* g = params[i].grad->data();
        float* m = m_first[i].data();
        float* v = m_second[i].data();
        const Eigen::Index size = params[i].value->size();
        for (Eigen::Index start = 0; start < size; start += kChunk) {
            const Eigen::Index count = std::min(kChunk, size - start);
            using Chunk = Eigen::Map<Eigen::ArrayXf>;
            const Eigen::Map<const Eigen::ArrayXf> gc(g + start, count);
            Chunk mc(m + start, count), vc(v + start, count), wc(w + start, count);
            mc = b1 * mc + (1.0f - b1) * gc;
            vc = b2 * vc + (1.0f - b2) * gc.square();
            wc -= stepSize * mc / (vc.sqrt() * inverseRoot2 + eps);
        }
    }
}

}  // namespace nnplay
