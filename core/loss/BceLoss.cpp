// SPDX-License-Identifier: GPL-3.0-or-later
#include "loss/BceLoss.h"

#include <cmath>

namespace nnplay {

namespace {
constexpr float kEpsilon = 1e-7f;
}

float BceLoss::compute(const ConstMatrixRef& prediction, const ConstMatrixRef& target,
                       bool withGradient) {
    const float n = static_cast<float>(prediction.size());
    double total = 0.0;
    if (m_fused) {
        const auto z = flat(prediction);
        const auto t = flat(target);
        total = (z.max(0.0f) - z * t + (-z.abs()).exp().log1p()).cast<double>().sum();
        if (withGradient) {
            auto grad = flat(gradientBuffer(prediction.rows(), prediction.cols()));
            grad = (0.5f * ((0.5f * z).tanh() + 1.0f) - t) / n;
        }
    } else {
        const auto p = flat(prediction).max(kEpsilon).min(1.0f - kEpsilon);
        const auto t = flat(target);
        total = -(t * p.log() + (1.0f - t) * (1.0f - p).log()).cast<double>().sum();
        if (withGradient) {
            auto grad = flat(gradientBuffer(prediction.rows(), prediction.cols()));
            grad = (p - t) / (p * (1.0f - p)) / n;
        }
    }
    return static_cast<float>(total / n);
}

}  // namespace nnplay
