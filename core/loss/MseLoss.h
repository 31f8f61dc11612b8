// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "loss/Loss.h"

namespace nnplay {

/// Mean squared error, averaged over every value of the batch (PyTorch's MSELoss).
class MseLoss : public Loss {
public:
    float compute(const ConstMatrixRef& prediction, const ConstMatrixRef& target,
                  bool withGradient) override;
};

}  // namespace nnplay
