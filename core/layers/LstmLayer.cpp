// SPDX-License-Identifier: GPL-3.0-or-later
#include "layers/LstmLayer.h"

namespace nnplay {

namespace {

template <typename Derived>
auto sigmoid(const Eigen::ArrayBase<Derived>& x) {
    return 0.5f * ((0.5f * x).tanh() + 1.0f);
}

}  // namespace

void LstmLayer::build(const Shape& input, InitScheme scheme, const std::string& nextActivation,
                      Random& rng) {
    RecurrentLayer::build(input, scheme, nextActivation, rng);
    // Auto starts the forget gate open (bias 1, Keras's unit_forget_bias), so the cell
    // remembers from the first step.
    if (scheme == InitScheme::Auto) m_biasIh.middleRows(m_units, m_units).setOnes();
}

std::vector<std::string> LstmLayer::gateNames() const {
    return {"input gate", "forget gate", "candidate", "output gate"};
}

void LstmLayer::runSteps() {
    const int H = m_units;
    MatrixBlock p = pre(), h = hidden();
    MatrixBlock c = m_cellStore.view(m_steps * H, m_batch);
    MatrixBlock tc = m_cellTanhStore.view(m_steps * H, m_batch);
    for (int t = 0; t < m_steps; ++t) {
        hiddenProduct(t);
        auto a = stepBlock(p, t, 4 * H);
        a += hh();
        auto i = a.middleRows(0, H), f = a.middleRows(H, H), g = a.middleRows(2 * H, H),
             o = a.middleRows(3 * H, H);
        i = sigmoid(i.array()).matrix();
        f = sigmoid(f.array()).matrix();
        g = g.array().tanh().matrix();
        o = sigmoid(o.array()).matrix();
        auto ct = stepBlock(c, t, H);
        if (t == 0)
            ct = i.cwiseProduct(g);
        else
            ct = f.cwiseProduct(stepBlock(c, t - 1, H)) + i.cwiseProduct(g);
        auto tct = stepBlock(tc, t, H);
        tct = ct.array().tanh().matrix();
        stepBlock(h, t, H) = o.cwiseProduct(tct);
        carry(t);
    }
}

void LstmLayer::backSteps(const ConstMatrixRef& gradOutput) {
    const int H = m_units;
    MatrixBlock p = pre(), gp = gradPre(), dh = gradH();
    MatrixBlock c = m_cellStore.view(m_steps * H, m_batch);
    MatrixBlock tc = m_cellTanhStore.view(m_steps * H, m_batch);
    MatrixBlock dc = m_gradCellStore.view(H, m_batch);
    dc.setZero();
    for (int t = m_steps - 1; t >= 0; --t) {
        addOutputGradient(gradOutput, t);
        const auto a = stepBlock(p, t, 4 * H);
        const auto i = a.middleRows(0, H).array(), f = a.middleRows(H, H).array(),
                   g = a.middleRows(2 * H, H).array(), o = a.middleRows(3 * H, H).array();
        const auto tct = stepBlock(tc, t, H).array();
        auto d = stepBlock(gp, t, 4 * H);
        // dc_t collects the path through h_t and the one from c_{t+1}.
        dc.array() += dh.array() * o * (1.0f - tct.square());
        d.middleRows(3 * H, H) = (dh.array() * tct * o * (1.0f - o)).matrix();
        d.middleRows(0, H) = (dc.array() * g * i * (1.0f - i)).matrix();
        d.middleRows(2 * H, H) = (dc.array() * i * (1.0f - g.square())).matrix();
        if (t == 0) {
            d.middleRows(H, H).setZero();  // c_{-1} = 0: the forget gate changed nothing
            break;
        }
        d.middleRows(H, H) =
            (dc.array() * stepBlock(c, t - 1, H).array() * f * (1.0f - f)).matrix();
        dc.array() *= f;
        hiddenGradient(t);
        dh = gradPrev();
    }
}

}  // namespace nnplay
