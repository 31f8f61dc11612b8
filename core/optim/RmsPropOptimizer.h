// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "optim/Optimizer.h"

namespace nnplay {

/// RMSprop as PyTorch's: s = rho*s + (1-rho)*g^2; w -= lr * g / (sqrt(s) + eps).
class RmsPropOptimizer : public Optimizer {
public:
    using Optimizer::Optimizer;
    void step(const std::vector<Param>& params) override;

private:
    std::vector<Matrix> m_square;  // one per parameter position
};

}  // namespace nnplay
