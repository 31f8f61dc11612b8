// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <memory>
#include <string>

#include "Types.h"

namespace nnplay {

/// A loss over a batch: prediction and target are outputs x batch. The value is a mean over
/// the batch, so the gradient carries the 1/batch factor.
class Loss {
public:
    virtual ~Loss() = default;
    /// Mean loss of the batch; when `withGradient`, also computes dLoss/dPrediction.
    virtual float compute(const ConstMatrixRef& prediction, const ConstMatrixRef& target,
                          bool withGradient) = 0;
    /// dLoss/dPrediction of the last compute(..., true); outputs x batch.
    ConstMatrixRef gradient() const { return m_grad.leftCols(m_cols); }

protected:
    /// Sizes the gradient buffer without allocating when it is already large enough.
    MatrixBlock gradientBuffer(Eigen::Index rows, Eigen::Index cols);

private:
    Matrix m_grad;
    Eigen::Index m_cols = 0;
};

/// The loss kinds a project names.
enum class LossKind { Mse, Bce, Cce };
std::string toString(LossKind kind);
/// Throws InputError for an unknown name.
LossKind lossKindFromString(const std::string& name);

/// Creates a loss. With `fused`, the prediction is the logits before the output activation
/// (sigmoid for bce, softmax for cce), which is numerically stable.
std::unique_ptr<Loss> makeLoss(LossKind kind, bool fused);

}  // namespace nnplay
