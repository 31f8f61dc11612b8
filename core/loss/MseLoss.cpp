// SPDX-License-Identifier: GPL-3.0-or-later
#include "loss/MseLoss.h"

namespace nnplay {

float MseLoss::compute(const ConstMatrixRef& prediction, const ConstMatrixRef& target,
                       bool withGradient) {
    const float n = static_cast<float>(prediction.size());
    if (withGradient) {
        auto grad = gradientBuffer(prediction.rows(), prediction.cols());
        grad = prediction - target;
        const float loss = grad.squaredNorm() / n;
        grad *= 2.0f / n;
        return loss;
    }
    return (prediction - target).squaredNorm() / n;
}

}  // namespace nnplay
