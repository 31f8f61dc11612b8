// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "optim/Optimizer.h"

namespace nnplay {

/// Adam (Kingma & Ba) as PyTorch's, with bias correction. The step counter advances once per
/// step, not once per parameter.
class AdamOptimizer : public Optimizer {
public:
    using Optimizer::Optimizer;
    void step(const std::vector<Param>& params) override;

private:
    std::vector<Matrix> m_first, m_second;  // one per parameter position
    long long m_step = 0;
};

}  // namespace nnplay
