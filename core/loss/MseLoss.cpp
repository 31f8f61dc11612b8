// SPDX-License-Identifier: GPL-3.0-or-later
#include "loss/MseLoss.h"

namespace nnplay {

float MseLoss::compute(const ConstMatrixRef& prediction, const ConstMatrixRef& target,
                       bool withGradient) {
    const float n = static_cast<float>(prediction.size());
    if (withGradient) {
        auto grad = flat(gradientBuffer(prediction.rows(), prediction.cols()));
        grad = flat(prediction) - flat(target);
        const float loss = grad.square().sum() / n;
        grad *= 2.0f / n;
        return loss;
    }
    return (flat(prediction) - flat(target)).square().sum() / n;
}

}  // namespace nnplay
