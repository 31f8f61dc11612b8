// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "NetworkSpec.h"
#include "layers/Layer.h"

namespace nnplay {

/// Fully connected: output = W * input + b, W units x inputs (PyTorch's Linear.weight layout).
/// On a sequence it applies to every step with the same weights (Keras's Dense): the input
/// steps*features x n is read as features x (steps*n), so it is still one product.
class DenseLayer : public Layer {
public:
    explicit DenseLayer(int units) : m_units(units) {}

    std::string type() const override { return "dense"; }
    void build(const Shape& input, InitScheme scheme, const std::string& nextActivation,
               Random& rng) override;
    ConstMatrixRef forward(const ConstMatrixRef& input, Mode mode) override;
    ConstMatrixRef backward(const ConstMatrixRef& gradOutput) override;
    std::vector<Param> params() override;

    /// The tensors in params() order: "weights" (units x inputs, penalized), "bias" (a list).
    static std::vector<ParamInfo> paramInfo();
    /// A sequence of `units` per step for a sequence of flat steps; otherwise a flat vector of
    /// `units` values, for any input shape (all its values are inputs).
    static Shape outputShape(const LayerSpec& spec, const Shape& input);
    /// (units, input size, or a step's size for a sequence) and (units, 1).
    static std::vector<std::pair<int, int>> paramShapes(const LayerSpec& spec, const Shape& input);

private:
    int m_units;
    int m_steps = 1;  // the input's steps when it is a sequence (the weights apply to each)
    Matrix m_weights, m_bias;               // units x inputs, units x 1
    Matrix m_weightsGrad, m_biasGrad;       // same shapes
    Matrix m_weightsT;                      // inputs x units, for the input gradient
    ConstMatrixMap m_input{nullptr, 0, 0};  // the last forward's input
    BatchBuffer m_output, m_gradInput;
};

}  // namespace nnplay
