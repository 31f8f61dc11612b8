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

/// A sequence batch (steps*k x n, step-major in each column) read as k x (steps*n): one
/// column per sample and step, so a loss over it is a mean over samples and steps (PyTorch's
/// losses over N*T). The view must be contiguous; no copy is made.
inline ConstMatrixMap stepColumns(const ConstMatrixRef& batch, int steps) {
    return {contiguous(batch).data(), batch.rows() / steps, batch.cols() * steps};
}
/// The inverse of stepColumns: k x (steps*n) read back as steps*k x n.
inline ConstMatrixMap sampleColumns(const ConstMatrixRef& perStep, int steps) {
    return {contiguous(perStep).data(), perStep.rows() * steps, perStep.cols() / steps};
}

/// The loss kinds a project names.
enum class LossKind { Mse, Bce, Cce };
std::string toString(LossKind kind);
/// Throws InputError for an unknown name.
LossKind lossKindFromString(const std::string& name);

/// Creates a loss. With `fused`, the prediction is the logits before the output activation
/// (sigmoid for bce, softmax for cce), which is numerically stable.
std::unique_ptr<Loss> makeLoss(LossKind kind, bool fused);

}  // namespace nnplay
