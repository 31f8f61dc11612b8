// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "loss/Loss.h"

namespace nnplay {

/// Categorical cross-entropy with one-hot targets (classes x batch), averaged over the batch.
/// Fused: the prediction is the logits before softmax, the loss is logsumexp(z) - z[t] and the
/// gradient softmax(z) - t (PyTorch's CrossEntropyLoss). Unfused: on probabilities.
class CceLoss : public Loss {
public:
    explicit CceLoss(bool fused) : m_fused(fused) {}
    float compute(const ConstMatrixRef& prediction, const ConstMatrixRef& target,
                  bool withGradient) override;

private:
    bool m_fused;
};

}  // namespace nnplay
