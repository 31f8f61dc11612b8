// SPDX-License-Identifier: GPL-3.0-or-later
#include "loss/Loss.h"

#include "loss/BceLoss.h"
#include "loss/CceLoss.h"
#include "loss/MseLoss.h"

namespace nnplay {

MatrixBlock Loss::gradientBuffer(Eigen::Index rows, Eigen::Index cols) {
    if (m_grad.rows() != rows || m_grad.cols() < cols) m_grad.resize(rows, cols);
    m_cols = cols;
    return m_grad.leftCols(cols);
}

std::string toString(LossKind kind) {
    switch (kind) {
        case LossKind::Mse: return "mse";
        case LossKind::Bce: return "bce";
        case LossKind::Cce: return "cce";
    }
    return {};
}

LossKind lossKindFromString(const std::string& name) {
    if (name == "mse") return LossKind::Mse;
    if (name == "bce") return LossKind::Bce;
    if (name == "cce") return LossKind::Cce;
    throw InputError("unknown loss '" + name + "' (expected mse, bce or cce)");
}

std::unique_ptr<Loss> makeLoss(LossKind kind, bool fused) {
    switch (kind) {
        case LossKind::Mse: return std::make_unique<MseLoss>();
        case LossKind::Bce: return std::make_unique<BceLoss>(fused);
        case LossKind::Cce: return std::make_unique<CceLoss>(fused);
    }
    return nullptr;
}

}  // namespace nnplay
