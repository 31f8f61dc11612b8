// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "optim/Optimizer.h"

namespace nnplay {

/// Stochastic gradient descent with optional momentum and Nesterov momentum, as PyTorch's SGD
/// (no dampening): v = mu*v + g; step g + mu*v (Nesterov) or v.
class SgdOptimizer : public Optimizer {
public:
    using Optimizer::Optimizer;
    void step(const std::vector<Param>& params) override;

private:
    std::vector<Matrix> m_velocity;  // one per parameter position
};

}  // namespace nnplay
