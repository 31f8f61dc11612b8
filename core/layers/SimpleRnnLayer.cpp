// SPDX-License-Identifier: GPL-3.0-or-later
#include "layers/SimpleRnnLayer.h"

namespace nnplay {

void SimpleRnnLayer::runSteps() {
    MatrixBlock p = pre(), h = hidden();
    for (int t = 0; t < m_steps; ++t) {
        hiddenProduct(t);
        stepBlock(h, t, m_units) = (stepBlock(p, t, m_units).array() + hh().array()).tanh();
        carry(t);
    }
}

void SimpleRnnLayer::backSteps(const ConstMatrixRef& gradOutput) {
    MatrixBlock h = hidden(), g = gradPre(), dh = gradH();
    for (int t = m_steps - 1; t >= 0; --t) {
        addOutputGradient(gradOutput, t);
        const auto ht = stepBlock(h, t, m_units).array();
        stepBlock(g, t, m_units) = dh.array() * (1.0f - ht.square());
        if (t == 0) break;
        hiddenGradient(t);
        dh = gradPrev();
    }
}

}  // namespace nnplay
