// SPDX-License-Identifier: GPL-3.0-or-later
#include "train/Model.h"

#include "layers/LayerRegistry.h"

namespace nnplay {

Model::Model(const NetworkSpec& spec, const Shape& input, InitScheme scheme, std::uint32_t seed) {
    const ShapeReport report = inferShapes(spec, input);
    if (!report.ok()) throw InputError(report.error);
    const LayerRegistry& registry = LayerRegistry::builtin();
    Random rng(seed);
    Shape shape = input;
    for (std::size_t i = 0; i < spec.layers.size(); ++i) {
        const LayerSpec& layerSpec = spec.layers[i];
        std::unique_ptr<Layer> layer = registry.get(layerSpec.type).create(layerSpec);
        // The activation that follows, past layers that make no new units (batchnorm, pooling).
        std::size_t after = i + 1;
        while (after < spec.layers.size() && registry.get(spec.layers[after].type).keepsUnits)
            ++after;
        const std::string next = after < spec.layers.size() ? spec.layers[after].type : "";
        layer->build(shape, scheme, next, rng);
        layer->setInputGradientNeeded(i > 0);
        layer->setTrainable(layerSpec.trainable);
        std::vector<Param> params = layer->params();
        // inferShapes checked that stored tensors have the shapes the layer needs.
        if (!layerSpec.params.empty())
            for (std::size_t p = 0; p < params.size(); ++p) *params[p].value = layerSpec.params[p];
        for (const Param& p : params) {
            m_params.push_back(p);
            m_paramLayer.push_back(static_cast<int>(i));
        }
        shape = report.layers[i].output;
        m_layers.push_back(std::move(layer));
    }
    m_outputs.resize(m_layers.size());
}

ConstMatrixRef Model::forward(const ConstMatrixRef& input, Mode mode, int end) {
    if (end < 0) end = layerCount();
    if (end == 0) return input;
    const float* data = input.data();
    Eigen::Index rows = input.rows(), cols = input.cols(), stride = input.outerStride();
    for (int i = 0; i < end; ++i) {
        using View = Eigen::Map<const Matrix, 0, Eigen::OuterStride<>>;
        ConstMatrixRef out =
            m_layers[i]->forward(View(data, rows, cols, Eigen::OuterStride<>(stride)), mode);
        data = out.data();
        rows = out.rows();
        cols = out.cols();
        stride = out.outerStride();
        m_outputs[i] = {data, rows, cols, stride};
    }
    const OutputView& last = m_outputs[end - 1];
    return Eigen::Map<const Matrix, 0, Eigen::OuterStride<>>(last.data, last.rows, last.cols,
                                                             Eigen::OuterStride<>(last.stride));
}

ConstMatrixRef Model::layerOutput(int index) const {
    const OutputView& v = m_outputs[index];
    return Eigen::Map<const Matrix, 0, Eigen::OuterStride<>>(v.data, v.rows, v.cols,
                                                             Eigen::OuterStride<>(v.stride));
}

void Model::setInputGradientNeeded(bool needed) {
    m_inputGradientNeeded = needed;
    if (!m_layers.empty()) m_layers.front()->setInputGradientNeeded(needed);
}

ConstMatrixRef Model::backward(const ConstMatrixRef& gradOutput, int end) {
    if (end < 0) end = layerCount();
    using View = Eigen::Map<const Matrix, 0, Eigen::OuterStride<>>;
    const float* data = gradOutput.data();
    Eigen::Index rows = gradOutput.rows(), cols = gradOutput.cols(),
                 stride = gradOutput.outerStride();
    for (int i = end - 1; i >= 0; --i) {
        ConstMatrixRef grad =
            m_layers[i]->backward(View(data, rows, cols, Eigen::OuterStride<>(stride)));
        data = grad.data();
        rows = grad.rows();
        cols = grad.cols();
        stride = grad.outerStride();
    }
    return View(data, rows, cols, Eigen::OuterStride<>(stride));
}

std::vector<Matrix> Model::paramValues() const {
    std::vector<Matrix> values;
    values.reserve(m_params.size());
    for (const Param& p : m_params) values.push_back(*p.value);
    return values;
}

void Model::setParamValues(const std::vector<Matrix>& values) {
    for (std::size_t i = 0; i < m_params.size() && i < values.size(); ++i)
        *m_params[i].value = values[i];
}

void Model::storeParams(NetworkSpec& spec) const {
    for (LayerSpec& layer : spec.layers) layer.params.clear();
    for (std::size_t i = 0; i < m_params.size(); ++i)
        spec.layers[m_paramLayer[i]].params.push_back(*m_params[i].value);
}

int Model::paramIndex(int layerIndex, int tensor) const {
    int seen = 0;
    for (std::size_t i = 0; i < m_paramLayer.size(); ++i) {
        if (m_paramLayer[i] != layerIndex) continue;
        if (seen++ == tensor) return static_cast<int>(i);
    }
    return -1;
}

}  // namespace nnplay
