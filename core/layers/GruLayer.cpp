// SPDX-License-Identifier: GPL-3.0-or-later
#include "layers/GruLayer.h"

namespace nnplay {

namespace {

template <typename Derived>
auto sigmoid(const Eigen::ArrayBase<Derived>& x) {
    return 0.5f * ((0.5f * x).tanh() + 1.0f);
}

}  // namespace

std::vector<std::string> GruLayer::gateNames() const {
    return {"reset gate", "update gate", "candidate"};
}

void GruLayer::runSteps() {
    const int H = m_units;
    MatrixBlock p = pre(), h = hidden(), prev = hiddenPrev();
    MatrixBlock hn = m_candidateHhStore.view(m_steps * H, m_batch);
    for (int t = 0; t < m_steps; ++t) {
        hiddenProduct(t);
        const MatrixBlock q = hh();
        auto a = stepBlock(p, t, 3 * H);
        auto r = a.middleRows(0, H), z = a.middleRows(H, H), n = a.middleRows(2 * H, H);
        r = sigmoid(r.array() + q.middleRows(0, H).array()).matrix();
        z = sigmoid(z.array() + q.middleRows(H, H).array()).matrix();
        stepBlock(hn, t, H) = q.middleRows(2 * H, H);
        n = (n.array() + r.array() * q.middleRows(2 * H, H).array()).tanh().matrix();
        stepBlock(h, t, H) =
            ((1.0f - z.array()) * n.array() + z.array() * stepBlock(prev, t, H).array()).matrix();
        carry(t);
    }
}

void GruLayer::backSteps(const ConstMatrixRef& gradOutput) {
    const int H = m_units;
    MatrixBlock p = pre(), prev = hiddenPrev(), gp = gradPre(), gq = gradHiddenProduct();
    MatrixBlock dh = gradH();
    MatrixBlock hn = m_candidateHhStore.view(m_steps * H, m_batch);
    for (int t = m_steps - 1; t >= 0; --t) {
        addOutputGradient(gradOutput, t);
        const auto a = stepBlock(p, t, 3 * H);
        const auto r = a.middleRows(0, H).array(), z = a.middleRows(H, H).array(),
                   n = a.middleRows(2 * H, H).array();
        auto d = stepBlock(gp, t, 3 * H);
        auto dq = stepBlock(gq, t, 3 * H);
        // dLoss/d(the candidate's pre-activation), then the gates'.
        d.middleRows(2 * H, H) = (dh.array() * (1.0f - z) * (1.0f - n.square())).matrix();
        dq.middleRows(2 * H, H) = (d.middleRows(2 * H, H).array() * r).matrix();
        d.middleRows(0, H) =
            (d.middleRows(2 * H, H).array() * stepBlock(hn, t, H).array() * r * (1.0f - r))
                .matrix();
        d.middleRows(H, H) =
            (dh.array() * (stepBlock(prev, t, H).array() - n) * z * (1.0f - z)).matrix();
        dq.middleRows(0, 2 * H) = d.middleRows(0, 2 * H);
        if (t == 0) break;
        hiddenGradient(t);
        dh = (gradPrev().array() + dh.array() * z).matrix();
    }
}

}  // namespace nnplay
