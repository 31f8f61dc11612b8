// SPDX-License-Identifier: GPL-3.0-or-later
#include "loss/GanObjective.h"

namespace nnplay {

GanObjective::GanObjective(GanLoss kind)
    : m_kind(kind),
      m_inner(makeLoss(kind == GanLoss::LeastSquares ? LossKind::Mse : LossKind::Bce,
                       kind != GanLoss::LeastSquares)) {}

float GanObjective::scaled(const ConstMatrixRef& values, Eigen::Index realColumns, float real,
                           float fake, float scale) {
    MatrixBlock targets = m_targetBuffer.view(values.rows(), values.cols());
    targets.leftCols(realColumns).setConstant(real);
    targets.rightCols(values.cols() - realColumns).setConstant(fake);
    const float loss = m_inner->compute(values, targets, true);
    if (m_gradient.rows() != values.rows() || m_gradient.cols() < values.cols())
        m_gradient.resize(values.rows(), values.cols());
    m_columns = values.cols();
    m_gradient.leftCols(m_columns) = scale * m_inner->gradient();
    return scale * loss;
}

float GanObjective::discriminatorLoss(const ConstMatrixRef& values) {
    // The inner loss is a mean over both halves: (mean real + mean fake) / 2. Binary
    // cross-entropy sums the two means; least squares halves them, as the inner mean does.
    const float scale = m_kind == GanLoss::LeastSquares ? 1.0f : 2.0f;
    return scaled(values, values.cols() / 2, 1.0f, 0.0f, scale);
}

float GanObjective::generatorLoss(const ConstMatrixRef& values) {
    const Eigen::Index n = values.cols();
    switch (m_kind) {
        case GanLoss::Minimax:
            // log(1 - s) is minus the cross-entropy with target 0.
            return scaled(values, n, 0.0f, 0.0f, -1.0f);
        case GanLoss::NonSaturating:
            return scaled(values, n, 1.0f, 1.0f, 1.0f);
        case GanLoss::LeastSquares:
            return scaled(values, n, 1.0f, 1.0f, 0.5f);
    }
    return 0.0f;
}

}  // namespace nnplay
