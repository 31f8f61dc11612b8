// SPDX-License-Identifier: GPL-3.0-or-later
#include "layers/LayerRegistry.h"

#include <algorithm>
#include <cmath>

#include "layers/ActivationLayer.h"
#include "layers/ConvolutionLayers.h"
#include "layers/DenseLayer.h"
#include "layers/DropoutLayer.h"
#include "layers/RecurrentLayers.h"
#include "layers/SoftmaxLayer.h"

namespace nnplay {

SettingInfo SettingInfo::choice(std::string key, std::string label, std::string tooltip,
                                std::vector<std::string> names, const std::string& defaultName) {
    SettingInfo s{std::move(key),
                  std::move(label),
                  std::move(tooltip),
                  0,
                  0,
                  static_cast<double>(names.size()) - 1,
                  true};
    s.kind = Kind::Choice;
    s.choices = std::move(names);
    s.defaultValue = std::max(s.choiceIndex(defaultName), 0);
    return s;
}

SettingInfo SettingInfo::flag(std::string key, std::string label, std::string tooltip,
                              bool defaultValue) {
    SettingInfo s{
        std::move(key), std::move(label), std::move(tooltip), defaultValue ? 1.0 : 0.0, 0, 1, true};
    s.kind = Kind::Flag;
    return s;
}

int SettingInfo::choiceIndex(const std::string& name) const {
    const auto it = std::find(choices.begin(), choices.end(), name);
    return it == choices.end() ? -1 : static_cast<int>(it - choices.begin());
}

const SettingInfo* LayerInfo::findSetting(const std::string& key) const {
    for (const SettingInfo& s : settings)
        if (s.key == key) return &s;
    return nullptr;
}

long long LayerInfo::paramCount(const LayerSpec& spec, const Shape& input) const {
    long long total = 0;
    if (paramShapes)
        for (const auto& [rows, cols] : paramShapes(spec, input))
            total += static_cast<long long>(rows) * cols;
    return total;
}

const LayerRegistry& LayerRegistry::builtin() {
    static const LayerRegistry registry = [] {
        LayerRegistry r;
        registerBuiltinLayers(r);
        return r;
    }();
    return registry;
}

void LayerRegistry::add(LayerInfo info) { m_infos.push_back(std::move(info)); }

const LayerInfo* LayerRegistry::find(const std::string& type) const {
    for (const LayerInfo& info : m_infos)
        if (info.type == type) return &info;
    return nullptr;
}

const LayerInfo& LayerRegistry::get(const std::string& type) const {
    if (const LayerInfo* info = find(type)) return *info;
    std::string known;
    for (const LayerInfo& info : m_infos) known += (known.empty() ? "" : ", ") + info.type;
    throw InputError("unknown layer type '" + type + "' (known types: " + known + ")");
}

OutputKind LayerRegistry::outputKind(const NetworkSpec& network) const {
    if (network.layers.empty()) return OutputKind::Unbounded;
    const LayerInfo* info = find(network.layers.back().type);
    return info ? info->outputKind : OutputKind::Unbounded;
}

int LayerRegistry::sizingLayer(const NetworkSpec& network) const {
    int last = static_cast<int>(network.layers.size()) - 1;
    while (last > 0) {
        const LayerInfo* info = find(network.layers[static_cast<std::size_t>(last)].type);
        if (!info || !info->isActivation) break;
        --last;
    }
    return std::max(last, 0);
}

namespace {

LayerInfo activation(std::string type, std::string displayName, std::string description,
                     ActivationLayer::Kind kind, std::function<double(double)> curve) {
    LayerInfo info;
    info.type = std::move(type);
    info.displayName = std::move(displayName);
    info.group = "Activations";
    info.description = std::move(description);
    info.isActivation = true;
    info.glyph = LayerInfo::Glyph::Curve;
    info.glyphCurve = std::move(curve);
    info.outputShape = &ActivationLayer::outputShape;
    info.create = [kind](const LayerSpec& spec) -> std::unique_ptr<Layer> {
        const float alpha = kind == ActivationLayer::Kind::LeakyRelu
                                ? static_cast<float>(spec.setting("alpha"))
                                : 0.0f;
        return std::make_unique<ActivationLayer>(kind, alpha);
    };
    return info;
}

}  // namespace

void registerBuiltinLayers(LayerRegistry& registry) {
    LayerInfo dense;
    dense.type = "dense";
    dense.displayName = "Dense";
    dense.group = "Core";
    dense.description =
        "A fully connected layer: every unit sums all inputs with its own weights plus a bias.";
    dense.settings = {{"units", "Units", "How many neurons this layer has.", 4, 1, 4096, true}};
    dense.params = DenseLayer::paramInfo();
    dense.drawsNeurons = true;
    dense.glyph = LayerInfo::Glyph::Connections;
    dense.outputShape = &DenseLayer::outputShape;
    dense.paramShapes = &DenseLayer::paramShapes;
    dense.create = [](const LayerSpec& spec) -> std::unique_ptr<Layer> {
        return std::make_unique<DenseLayer>(static_cast<int>(spec.setting("units")));
    };
    registry.add(dense);

    LayerInfo dropout;
    dropout.type = "dropout";
    dropout.displayName = "Dropout";
    dropout.group = "Core";
    dropout.description =
        "While training, randomly switches off a fraction of the values so the network cannot "
        "rely on any single neuron; it helps against overfitting.";
    dropout.settings = {{"rate", "Rate", "Fraction of values switched off in each training step.",
                         0.5, 0, 0.95, false}};
    dropout.glyph = LayerInfo::Glyph::Dots;
    dropout.outputShape = &DropoutLayer::outputShape;
    dropout.create = [](const LayerSpec& spec) -> std::unique_ptr<Layer> {
        return std::make_unique<DropoutLayer>(static_cast<float>(spec.setting("rate")), 0);
    };
    registry.add(dropout);

    using K = ActivationLayer::Kind;
    LayerInfo relu =
        activation("relu", "ReLU", "Passes positive values and turns negative ones into zero.",
                   K::Relu, [](double x) { return std::max(0.0, x) / 3.0; });
    relu.canDie = true;
    registry.add(relu);
    // The glyph exaggerates the negative slope so it shows at icon size.
    LayerInfo leaky =
        activation("leaky_relu", "Leaky ReLU",
                   "Like ReLU, but negative values keep a small slope so neurons never go silent.",
                   K::LeakyRelu, [](double x) { return (x > 0 ? x : 0.15 * x) / 3.0; });
    leaky.settings = {
        {"alpha", "Slope", "How much of a negative value gets through.", 0.01, 0, 1, false}};
    registry.add(leaky);
    LayerInfo tanh = activation("tanh", "Tanh", "Squashes every value into the range -1 to 1.",
                                K::Tanh, [](double x) { return std::tanh(x); });
    tanh.outputKind = OutputKind::Symmetric;
    registry.add(tanh);
    LayerInfo sigmoid = activation(
        "sigmoid", "Sigmoid", "Squashes every value into 0 to 1; a probability for two classes.",
        K::Sigmoid, [](double x) { return 1.0 / (1.0 + std::exp(-1.6 * x)); });
    sigmoid.outputKind = OutputKind::Probability;
    registry.add(sigmoid);

    LayerInfo softmax;
    softmax.type = "softmax";
    softmax.displayName = "Softmax";
    softmax.group = "Activations";
    softmax.description = "Turns the values into probabilities that sum to 1, one per class.";
    softmax.isActivation = true;
    softmax.outputKind = OutputKind::Distribution;
    softmax.glyph = LayerInfo::Glyph::Bars;
    softmax.outputShape = &SoftmaxLayer::outputShape;
    softmax.create = [](const LayerSpec&) -> std::unique_ptr<Layer> {
        return std::make_unique<SoftmaxLayer>();
    };
    registry.add(softmax);

    registry.add(activation("linear", "Linear", "Leaves values unchanged (for regression outputs).",
                            K::Linear, [](double x) { return x / 3.0; }));

    registerConvolutionLayers(registry);
    registerRecurrentLayers(registry);
}

}  // namespace nnplay
