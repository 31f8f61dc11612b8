// SPDX-License-Identifier: GPL-3.0-or-later
#include "loss/CceLoss.h"

#include <cmath>

namespace nnplay {

namespace {
constexpr float kEpsilon = 1e-7f;
}

float CceLoss::compute(const ConstMatrixRef& prediction, const ConstMatrixRef& target,
                       bool withGradient) {
    const Eigen::Index batch = prediction.cols();
    const float n = static_cast<float>(batch);
    double total = 0.0;
    if (m_fused) {
        auto grad = gradientBuffer(prediction.rows(), batch);
        for (Eigen::Index c = 0; c < batch; ++c) {
            const auto z = prediction.col(c).array();
            const float peak = z.maxCoeff();
            grad.col(c).array() = (z - peak).exp();
            const float sum = grad.col(c).sum();
            const float logSumExp = peak + std::log(sum);
            total += (target.col(c).array() * (logSumExp - z)).sum();
            if (withGradient) grad.col(c) = (grad.col(c) / sum - target.col(c)) / n;
        }
    } else {
        const auto p = prediction.array().max(kEpsilon);
        total = -(target.array() * p.log()).cast<double>().sum();
        if (withGradient) {
            auto grad = gradientBuffer(prediction.rows(), batch);
            grad.array() = -target.array() / p / n;
        }
    }
    return static_cast<float>(total / n);
}

}  // namespace nnplay
