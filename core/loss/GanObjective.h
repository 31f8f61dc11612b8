// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <memory>

#include "layers/Layer.h"
#include "loss/Loss.h"
#include "train/GanSpec.h"

namespace nnplay {

/// The two losses of a GAN (GanLoss says which) on the values the discriminator gives: its
/// logit for minimax and non-saturating (computed as binary cross-entropy on logits, which is
/// stable), its output for least squares (a squared error). Each loss is a mean over the batch,
/// so gradient() carries the 1/batch factor; buffers grow once per batch size and are reused.
class GanObjective {
public:
    explicit GanObjective(GanLoss kind);

    /// Whether the values are the discriminator's logit (minimax, non-saturating) rather than
    /// its output (least squares).
    bool readsLogit() const { return m_kind != GanLoss::LeastSquares; }

    /// The discriminator's loss on values 1 x 2n: the first n columns for real samples, the
    /// other n for generated ones. Minimax and non-saturating: mean -log s(real) + mean
    /// -log(1 - s(fake)) with s the sigmoid of the logit; least squares: 1/2 mean (real - 1)^2 +
    /// 1/2 mean fake^2. Fills gradient() (1 x 2n).
    float discriminatorLoss(const ConstMatrixRef& values);
    /// The generator's loss on the discriminator's values for generated samples (1 x n):
    /// minimax mean log(1 - s), non-saturating mean -log s, least squares 1/2 mean (v - 1)^2.
    /// Fills gradient() (1 x n).
    float generatorLoss(const ConstMatrixRef& values);
    /// dLoss/dValue of the last call.
    ConstMatrixRef gradient() const { return m_gradient.leftCols(m_columns); }

private:
    /// The inner loss against targets `real` for the first `realColumns` columns and `fake` for
    /// the rest; the loss and its gradient are multiplied by `scale`.
    float scaled(const ConstMatrixRef& values, Eigen::Index realColumns, float real, float fake,
                 float scale);

    GanLoss m_kind;
    std::unique_ptr<Loss> m_inner;
    BatchBuffer m_targetBuffer;
    Matrix m_gradient;  // grows to the largest batch; the first m_columns are the last gradient
    Eigen::Index m_columns = 0;
};

}  // namespace nnplay
