// SPDX-License-Identifier: GPL-3.0-or-later
#include "NetworkSpec.h"

#include <algorithm>
#include <cmath>

#include "ShapeError.h"
#include "layers/LayerRegistry.h"

namespace nnplay {

double LayerSpec::setting(const std::string& key) const {
    if (auto it = settings.find(key); it != settings.end()) return it->second;
    if (const LayerInfo* info = LayerRegistry::builtin().find(type))
        if (const SettingInfo* s = info->findSetting(key)) return s->defaultValue;
    return 0.0;
}

bool LayerSpec::operator==(const LayerSpec& other) const {
    if (id != other.id || type != other.type || settings != other.settings ||
        trainable != other.trainable || params.size() != other.params.size())
        return false;
    for (std::size_t i = 0; i < params.size(); ++i)
        if (params[i].rows() != other.params[i].rows() ||
            params[i].cols() != other.params[i].cols() || params[i] != other.params[i])
            return false;
    return true;
}

int NetworkSpec::indexOf(int id) const {
    for (std::size_t i = 0; i < layers.size(); ++i)
        if (layers[i].id == id) return static_cast<int>(i);
    return -1;
}

int freshLayerId(const std::set<int>& used) {
    if (used.empty()) return 1;
    if (*used.rbegin() < kMaxLayerId) return std::max(*used.rbegin(), 0) + 1;
    int id = 1;
    for (const int taken : used) {
        if (taken > id) break;
        if (taken == id) ++id;
    }
    return id;
}

int NetworkSpec::freshId() const {
    std::set<int> used;
    for (const LayerSpec& layer : layers) used.insert(layer.id);
    return freshLayerId(used);
}

LayerSpec& NetworkSpec::add(const std::string& type, int units) {
    LayerSpec layer;
    layer.id = freshId();
    layer.type = type;
    if (units > 0) layer.settings["units"] = units;
    layers.push_back(std::move(layer));
    return layers.back();
}

NetworkSpec NetworkSpec::multilayer(const std::vector<int>& units, const std::string& hidden,
                                    const std::string& output) {
    NetworkSpec net;
    for (std::size_t i = 0; i < units.size(); ++i) {
        net.add("dense", units[i]);
        const std::string& activation = i + 1 < units.size() ? hidden : output;
        if (!activation.empty()) net.add(activation);
    }
    return net;
}

void NetworkSpec::clearParams() {
    for (LayerSpec& layer : layers) layer.params.clear();
}

bool NetworkSpec::hasParams() const {
    return std::any_of(layers.begin(), layers.end(),
                       [](const LayerSpec& l) { return !l.params.empty(); });
}

long long ShapeReport::totalParams() const {
    long long total = 0;
    for (const LayerShapeInfo& layer : layers) total += layer.paramCount;
    return total;
}

std::string describeLayer(const NetworkSpec& spec, int index) {
    const LayerSpec& layer = spec.layers[index];
    const LayerInfo* info = LayerRegistry::builtin().find(layer.type);
    if (!info) return "Layer " + std::to_string(index + 1);
    return info->displayName + " (layer " + std::to_string(index + 1) + ")";
}

namespace {

std::string formatNumber(double v) {
    if (v == std::floor(v) && std::abs(v) < 1e9) return std::to_string(static_cast<long long>(v));
    std::string s = std::to_string(v);
    s.erase(s.find_last_not_of('0') + 1);
    return s;
}

/// The reason a layer's settings are out of range, or "".
std::string checkSettings(const LayerSpec& layer, const LayerInfo& info) {
    for (const auto& [key, value] : layer.settings) {
        const SettingInfo* s = info.findSetting(key);
        if (!s) return "has no setting '" + key + "'";
        if (!std::isfinite(value) || value < s->minimum || value > s->maximum)
            return "'" + key + "' must be between " + formatNumber(s->minimum) + " and " +
                   formatNumber(s->maximum) + ", not " + formatNumber(value);
        if (s->integer && value != std::floor(value))
            return "'" + key + "' must be a whole number, not " + formatNumber(value);
    }
    return {};
}

/// Why stored parameters do not fit the shapes the layer needs, or "".
std::string checkStoredParams(const LayerSpec& layer, const LayerInfo& info,
                              const std::vector<std::pair<int, int>>& shapes) {
    if (layer.params.size() != shapes.size())
        return "has " + std::to_string(layer.params.size()) + " stored tensors but needs " +
               std::to_string(shapes.size());
    for (std::size_t p = 0; p < shapes.size(); ++p) {
        const Matrix& m = layer.params[p];
        const auto [rows, cols] = shapes[p];
        if (m.rows() != rows || m.cols() != cols) {
            const std::string name = p < info.params.size() ? info.params[p].name : "weights";
            if (p < info.params.size() && info.params[p].storage == ParamStorage::List)
                return "has " + std::to_string(m.size()) + " stored " + name +
                       " values but needs " + std::to_string(rows);
            return "has stored " + name + " of shape " + std::to_string(m.rows()) + "x" +
                   std::to_string(m.cols()) + " but needs " + std::to_string(rows) + "x" +
                   std::to_string(cols) + " (units x inputs)";
        }
    }
    return {};
}

}  // namespace

ShapeReport inferShapes(const NetworkSpec& spec, const Shape& input, int expectedOutputs) {
    ShapeReport report;
    const LayerRegistry& registry = LayerRegistry::builtin();
    Shape shape = input;
    auto fail = [&](int index, const std::string& reason) {
        report.errorLayer = index;
        report.error = describeLayer(spec, index) + " " + reason;
        if (index < static_cast<int>(report.layers.size())) report.layers[index].error = reason;
    };
    report.layers.resize(spec.layers.size());
    if (spec.layers.empty()) {
        report.error = "The network has no layers; add at least a Dense layer";
        return report;
    }
    for (std::size_t i = 0; i < spec.layers.size(); ++i) {
        const LayerSpec& layer = spec.layers[i];
        const int index = static_cast<int>(i);
        const LayerInfo* info = registry.find(layer.type);
        if (!info) {
            fail(index, "is of unknown type '" + layer.type + "'");
            return report;
        }
        if (std::string reason = checkSettings(layer, *info); !reason.empty()) {
            fail(index, reason);
            return report;
        }
        if (info->sequenceLayer && !shape.isSequence()) {
            // Name what feeds it, and what would make that a sequence.
            const LayerInfo* before = i > 0 ? registry.find(spec.layers[i - 1].type) : nullptr;
            const std::string source = i == 0   ? "the data"
                                       : before ? before->displayName
                                                : "the layer before";
            fail(index, "needs a sequence (steps x features) but " + source + " gives " +
                            shape.toString() + ": " +
                            (before && before->sequenceLayer
                                 ? "turn on return_sequences in " + describeLayer(spec, index - 1) +
                                       " so it passes on every step"
                                 : "recurrent layers read sequence data (sine, text) and come "
                                   "before the Dense layers"));
            return report;
        }
        try {
            report.layers[i].paramCount = info->paramCount(layer, shape);
            if (!layer.params.empty()) {
                const auto shapes = info->paramShapes ? info->paramShapes(layer, shape)
                                                      : std::vector<std::pair<int, int>>{};
                std::string reason = checkStoredParams(layer, *info, shapes);
                if (!reason.empty()) {
                    fail(index, reason);
                    return report;
                }
            }
            shape = info->outputShape(layer, shape);
        } catch (const ShapeError& e) {
            // Name what feeds the layer, which its own shape arithmetic cannot know.
            const std::string source = i == 0 ? std::string("the data")
                                              : registry.get(spec.layers[i - 1].type).displayName;
            fail(index, "needs " + e.need() + " but " + source + " gives " + shape.toString() +
                            (e.advice().empty() ? "" : ": " + e.advice()));
            return report;
        } catch (const InputError& e) {
            fail(index, e.what());
            return report;
        }
        report.layers[i].output = shape;
        report.layers[i].inferred = true;
    }
    if (expectedOutputs > 0 && shape.stepSize() != expectedOutputs) {
        // Point at the last layer that decides the output size.
        fail(registry.sizingLayer(spec), "gives " + std::to_string(shape.stepSize()) + " output" +
                                             (shape.stepSize() == 1 ? "" : "s") +
                                             " but the data needs " +
                                             std::to_string(expectedOutputs));
    }
    return report;
}

}  // namespace nnplay
