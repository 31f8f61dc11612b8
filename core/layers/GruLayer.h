// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "layers/RecurrentLayer.h"

namespace nnplay {

/// Gated recurrent unit, PyTorch's GRU with gates in its order (r, z, n):
/// r = sigmoid(W_ir x + b_ir + W_hr h + b_hr), z = sigmoid(W_iz x + b_iz + W_hz h + b_hz),
/// n = tanh(W_in x + b_in + r (W_hn h + b_hn)), h_t = (1 - z) n + z h_{t-1}; h_{-1} = 0.
class GruLayer : public RecurrentLayer {
public:
    GruLayer(int units, bool returnSequences) : RecurrentLayer(units, returnSequences, 3) {}
    std::string type() const override { return "gru"; }
    /// The gates of every step of the last forward (r, z, n after their activations):
    /// steps*3*units x batch.
    ConstMatrixRef gates() { return pre(); }
    ConstMatrixRef stepGates() override { return gates(); }
    /// "reset gate", "update gate", "candidate" (r, z, n).
    std::vector<std::string> gateNames() const override;

protected:
    void runSteps() override;
    void backSteps(const ConstMatrixRef& gradOutput) override;
    bool separateHiddenGradient() const override { return true; }

private:
    BatchBuffer m_candidateHhStore;  // W_hn h_{t-1} + b_hn of every step
};

}  // namespace nnplay
