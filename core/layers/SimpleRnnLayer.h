// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "layers/RecurrentLayer.h"

namespace nnplay {

/// Elman's recurrent layer (PyTorch's RNN, Keras's SimpleRNN):
/// h_t = tanh(weight_ih x_t + bias_ih + weight_hh h_{t-1} + bias_hh), h_{-1} = 0.
class SimpleRnnLayer : public RecurrentLayer {
public:
    SimpleRnnLayer(int units, bool returnSequences) : RecurrentLayer(units, returnSequences, 1) {}
    std::string type() const override { return "simple_rnn"; }

protected:
    void runSteps() override;
    void backSteps(const ConstMatrixRef& gradOutput) override;
};

}  // namespace nnplay
