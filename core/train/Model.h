// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <memory>
#include <vector>

#include "NetworkSpec.h"
#include "layers/Layer.h"

namespace nnplay {

/// The engine's network: the layers of a NetworkSpec, built for one input shape.
class Model {
public:
    /// Builds every layer. Parameters come from the spec when it has them, else from `scheme`
    /// seeded with `seed`. Throws InputError when the spec is invalid for `input`.
    Model(const NetworkSpec& spec, const Shape& input, InitScheme scheme, std::uint32_t seed);

    int layerCount() const { return static_cast<int>(m_layers.size()); }
    Layer& layer(int index) { return *m_layers[index]; }

    /// Runs layers [0, end) (all when end < 0); input: inputSize x batch.
    ConstMatrixRef forward(const ConstMatrixRef& input, Mode mode, int end = -1);
    /// Output of layer `index` from the last forward.
    ConstMatrixRef layerOutput(int index) const;
    /// Back-propagates dLoss/dOutput of layer end-1 (outputSize x batch) through layers
    /// [0, end), overwriting every parameter gradient. Returns dLoss/dInput (inputSize x
    /// batch, valid until the next backward) when setInputGradientNeeded(true) was called;
    /// otherwise the first layer may skip it and the returned view means nothing.
    ConstMatrixRef backward(const ConstMatrixRef& gradOutput, int end = -1);
    /// Whether backward() computes dLoss/dInput (off by default: training does not read it;
    /// a generator fed by a discriminator and saliency maps do).
    void setInputGradientNeeded(bool needed);
    bool inputGradientNeeded() const { return m_inputGradientNeeded; }

    /// Every parameter in a fixed order (the optimizer's indexing).
    const std::vector<Param>& params() const { return m_params; }
    /// Current parameter values, in params() order.
    std::vector<Matrix> paramValues() const;
    void setParamValues(const std::vector<Matrix>& values);
    /// Copies the current parameters into the matching layers of `spec`.
    void storeParams(NetworkSpec& spec) const;
    /// Position in params() of tensor `tensor` (as LayerSpec::params lists them: weights, then
    /// bias) of the layer at spec index `layerIndex`; -1 when there is none.
    int paramIndex(int layerIndex, int tensor) const;

private:
    std::vector<std::unique_ptr<Layer>> m_layers;
    bool m_inputGradientNeeded = false;
    std::vector<Param> m_params;
    std::vector<int> m_paramLayer;  // index of the layer that owns each param
    /// Where each layer's last output lives (owned by the layer); for layerOutput().
    struct OutputView {
        const float* data = nullptr;
        Eigen::Index rows = 0, cols = 0, stride = 0;
    };
    std::vector<OutputView> m_outputs;
};

}  // namespace nnplay
