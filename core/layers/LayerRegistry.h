// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "NetworkSpec.h"
#include "layers/Layer.h"

namespace nnplay {

/// A numeric setting of a layer kind, with what the properties panel needs to edit it.
struct SettingInfo {
    std::string key;      ///< "units"
    std::string label;    ///< "Units"
    std::string tooltip;  ///< one sentence a learner understands
    double defaultValue = 0;
    double minimum = 0;
    double maximum = 0;
    bool integer = false;
};

/// Everything the palette, the file format, shape inference and the engine know about a kind.
struct LayerInfo {
    std::string type;         ///< "leaky_relu"
    std::string displayName;  ///< "Leaky ReLU"
    std::string group;        ///< "Core", "Activations"
    std::string description;  ///< one sentence for tooltips
    std::vector<SettingInfo> settings;
    /// Names of the trainable tensors in the layer's params() order, as the file format
    /// stores them ("weights", "bias"); a name ending in "bias" is stored as a flat list.
    std::vector<std::string> paramNames;
    /// Element-wise activation (no parameters, shape preserved).
    bool isActivation = false;
    /// Output shape for an input shape, or an InputError with the reason.
    std::function<Shape(const LayerSpec&, const Shape&)> outputShape;
    /// Shapes (rows, cols) of the trainable tensors for an input shape, in paramNames order;
    /// empty for kinds without parameters.
    std::function<std::vector<std::pair<int, int>>(const LayerSpec&, const Shape&)> paramShapes;
    /// Creates the engine layer for a spec.
    std::function<std::unique_ptr<Layer>(const LayerSpec&)> create;

    const SettingInfo* findSetting(const std::string& key) const;
    /// Number of trainable values for an input shape.
    long long paramCount(const LayerSpec& spec, const Shape& input) const;
};

/// Maps layer names to their description and factory.
class LayerRegistry {
public:
    /// The registry with every built-in layer (filled by registerBuiltinLayers on first use).
    static const LayerRegistry& builtin();

    void add(LayerInfo info);
    /// nullptr when unknown.
    const LayerInfo* find(const std::string& type) const;
    /// Throws InputError "unknown layer type 'x'" listing the known ones.
    const LayerInfo& get(const std::string& type) const;
    const std::vector<LayerInfo>& all() const { return m_infos; }

private:
    std::vector<LayerInfo> m_infos;
};

/// Adds dense, dropout and the activations to a registry.
void registerBuiltinLayers(LayerRegistry& registry);

}  // namespace nnplay
