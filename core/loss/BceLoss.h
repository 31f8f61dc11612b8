// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "loss/Loss.h"

namespace nnplay {

/// Binary cross-entropy with targets in {0, 1}, averaged over every value of the batch.
/// Fused: the prediction is a logit z and the loss is max(z,0) - z*t + log(1 + exp(-|z|)),
/// gradient sigmoid(z) - t (PyTorch's BCEWithLogitsLoss). Unfused: on probabilities clamped
/// away from 0 and 1.
class BceLoss : public Loss {
public:
    explicit BceLoss(bool fused) : m_fused(fused) {}
    float compute(const ConstMatrixRef& prediction, const ConstMatrixRef& target,
                  bool withGradient) override;

private:
    bool m_fused;
};

}  // namespace nnplay
