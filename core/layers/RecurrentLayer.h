// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <utility>
#include <vector>

#include "NetworkSpec.h"
#include "layers/Layer.h"

namespace nnplay {

/// What the recurrent kinds share: a sequence input (steps x features, step-major in each
/// column), `gates` blocks of `units` rows in PyTorch's layout (weight_ih gates*units x
/// features, weight_hh gates*units x units, bias_ih and bias_hh gates*units), one product of
/// weight_ih with every step at once, and backpropagation through time in buffers that grow
/// once per batch size. A subclass runs the cell over the steps (runSteps, backSteps).
class RecurrentLayer : public Layer {
public:
    /// `gates`: 1 for the Elman cell, 4 for LSTM (i, f, g, o), 3 for GRU (r, z, n).
    RecurrentLayer(int units, bool returnSequences, int gates);

    void build(const Shape& input, InitScheme scheme, const std::string& nextActivation,
               Random& rng) override;
    /// input: steps*features x batch. Returns steps*units x batch with return_sequences,
    /// else units x batch (the last step's hidden state).
    ConstMatrixRef forward(const ConstMatrixRef& input, Mode mode) override;
    /// gradOutput: the shape forward() returned. Returns steps*features x batch.
    ConstMatrixRef backward(const ConstMatrixRef& gradOutput) override;
    /// weight_ih, weight_hh, bias_ih, bias_hh (paramInfo() order).
    std::vector<Param> params() override;

    /// The hidden state of every step of the last forward: steps*units x batch, step-major.
    ConstMatrixRef stepStates() override { return hidden(); }
    int units() const { return m_units; }
    int steps() const { return m_steps; }

    /// The four tensors and how the file stores them (the weights are penalised).
    static std::vector<ParamInfo> paramInfo();
    /// A sequence of `units` per step with return_sequences, else a flat vector of `units`.
    /// Throws InputError when `input` is not a sequence of flat steps.
    static Shape outputShape(const LayerSpec& spec, const Shape& input);
    /// (gates*units, features), (gates*units, units), (gates*units, 1) twice.
    static std::vector<std::pair<int, int>> paramShapes(const LayerSpec& spec, const Shape& input,
                                                        int gates);

protected:
    /// Runs the cell over steps 0..T-1. On entry pre() holds weight_ih x_t + bias_ih for every
    /// step (T*G*H x n); the cell may overwrite it with what its backward needs (its gates).
    /// It writes h_t into hidden() and calls carry(t), and uses
    /// hiddenProduct() for weight_hh h_{t-1} + bias_hh.
    virtual void runSteps() = 0;
    /// Walks the steps backwards. `gradOutput` is dLoss/dOutput (see addOutputGradient). Fills
    /// gradPre() with dLoss/d(weight_ih x_t + bias_ih) and gradHiddenProduct() with
    /// dLoss/d(weight_hh h_{t-1} + bias_hh) for every step; the base turns them into the
    /// parameter and input gradients.
    virtual void backSteps(const ConstMatrixRef& gradOutput) = 0;
    /// Whether the hidden product's gradient differs from gradPre() (GRU's reset gate scales
    /// the candidate's part); otherwise backSteps writes gradPre() only.
    virtual bool separateHiddenGradient() const { return false; }

    /// Block of step t of a steps*rows x n buffer (rows per step).
    static auto stepBlock(MatrixBlock buffer, int t, int rows) {
        return buffer.middleRows(static_cast<Eigen::Index>(t) * rows, rows);
    }
    // The batch's buffers, sized for the current batch (they grow once per batch size):
    /// steps*G*H x n: weight_ih x_t + bias_ih, then whatever the cell keeps there.
    MatrixBlock pre() { return m_preStore.view(m_steps * gateRows(), m_batch); }
    /// steps*H x n: h_t; and h_{t-1} (zero for t = 0).
    MatrixBlock hidden() { return m_hiddenStore.view(m_steps * m_units, m_batch); }
    MatrixBlock hiddenPrev() { return m_hiddenPrevStore.view(m_steps * m_units, m_batch); }
    /// G*H x n: weight_hh h_{t-1} + bias_hh of the step hiddenProduct() ran for.
    MatrixBlock hh() { return m_hhStore.view(gateRows(), m_batch); }
    /// steps*G*H x n: dLoss/d(weight_ih x_t + bias_ih) and dLoss/d(weight_hh h_{t-1} + bias_hh).
    MatrixBlock gradPre() { return m_gradPreStore.view(m_steps * gateRows(), m_batch); }
    MatrixBlock gradHiddenProduct() {
        return separateHiddenGradient() ? m_gradHhStore.view(m_steps * gateRows(), m_batch)
                                        : gradPre();
    }
    /// H x n: the running dLoss/dh while walking back, and weight_hh^T times a step's gradient.
    MatrixBlock gradH() { return m_gradHStore.view(m_units, m_batch); }
    MatrixBlock gradPrev() { return m_gradPrevStore.view(m_units, m_batch); }
    int gateRows() const { return m_gates * m_units; }

    /// Copies step t of hidden() into step t+1 of hiddenPrev() (the next step's h_{t-1}).
    void carry(int t);
    /// hh() = weight_hh h_{t-1} + bias_hh for step t.
    void hiddenProduct(int t);
    /// gradPrev() = weight_hh^T times step t of gradHiddenProduct().
    void hiddenGradient(int t);
    /// gradH() += dLoss/dh_t from gradOutput: every step with return_sequences, the last one
    /// otherwise.
    void addOutputGradient(const ConstMatrixRef& gradOutput, int t);

    int m_units;
    bool m_returnSequences;
    int m_gates;
    int m_steps = 1, m_features = 1;
    Eigen::Index m_batch = 0;
    Matrix m_weightIh, m_weightHh, m_biasIh, m_biasHh;
    Matrix m_weightIhGrad, m_weightHhGrad, m_biasIhGrad, m_biasHhGrad;

private:
    Matrix m_weightIhT, m_weightHhT;  // transposed copies for the input and hidden gradients
    ConstMatrixMap m_input{nullptr, 0, 0};
    BatchBuffer m_preStore, m_hiddenStore, m_hiddenPrevStore, m_hhStore;
    BatchBuffer m_gradPreStore, m_gradHhStore, m_gradHStore, m_gradPrevStore;
    BatchBuffer m_last, m_gradInput;
};

}  // namespace nnplay
