// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "layers/RecurrentLayer.h"

namespace nnplay {

/// Long short-term memory, PyTorch's LSTM with gates in its order (i, f, g, o):
/// a = weight_ih x_t + bias_ih + weight_hh h_{t-1} + bias_hh; i, f, o = sigmoid, g = tanh of
/// their blocks; c_t = f c_{t-1} + i g; h_t = o tanh(c_t); h_{-1} = c_{-1} = 0.
class LstmLayer : public RecurrentLayer {
public:
    LstmLayer(int units, bool returnSequences) : RecurrentLayer(units, returnSequences, 4) {}
    std::string type() const override { return "lstm"; }
    void build(const Shape& input, InitScheme scheme, const std::string& nextActivation,
               Random& rng) override;
    /// The gates of every step of the last forward (i, f, g, o after their activations):
    /// steps*4*units x batch.
    ConstMatrixRef gates() { return pre(); }
    ConstMatrixRef stepGates() override { return gates(); }
    /// "input gate", "forget gate", "candidate", "output gate" (i, f, g, o).
    std::vector<std::string> gateNames() const override;
    /// The cell state of every step: steps*units x batch.
    ConstMatrixRef cells() { return m_cellStore.view(m_steps * m_units, m_batch); }

protected:
    void runSteps() override;
    void backSteps(const ConstMatrixRef& gradOutput) override;

private:
    BatchBuffer m_cellStore, m_cellTanhStore, m_gradCellStore;
};

}  // namespace nnplay
