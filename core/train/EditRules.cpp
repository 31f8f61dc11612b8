// SPDX-License-Identifier: GPL-3.0-or-later
#include "train/EditRules.h"

#include <algorithm>
#include <exception>

#include "layers/LayerRegistry.h"

namespace nnplay {

namespace {

/// A layer's output shape and parameter count for an input shape; nullopt when it throws.
struct LayerFootprint {
    Shape output;
    long long params = 0;
    bool operator==(const LayerFootprint&) const = default;
};

std::optional<LayerFootprint> footprint(const LayerInfo& info, const LayerSpec& layer,
                                        const Shape& input) {
    try {
        return LayerFootprint{info.outputShape(layer, input), info.paramCount(layer, input)};
    } catch (const std::exception&) {
        return std::nullopt;
    }
}

/// The probe shape when the data's shape is not known.
constexpr int kProbeInputs = 16;

}  // namespace

bool networkEditNeedsFreshWeights(const NetworkSpec& before, const NetworkSpec& after,
                                  const std::optional<Shape>& input) {
    if (before.layers.size() != after.layers.size()) return true;
    for (std::size_t i = 0; i < before.layers.size(); ++i) {
        if (before.layers[i].id != after.layers[i].id) return true;
        if (before.layers[i].type != after.layers[i].type) return true;
    }
    if (before.hasParams() && !after.hasParams()) return true;

    const auto& registry = LayerRegistry::builtin();
    std::optional<Shape> shape = input.value_or(Shape::flat(kProbeInputs));
    for (std::size_t i = 0; i < before.layers.size(); ++i) {
        const LayerSpec& a = before.layers[i];
        const LayerSpec& b = after.layers[i];
        const LayerInfo* info = registry.find(a.type);
        const bool settingsChanged = a.settings != b.settings;
        if (!info || !shape) {
            if (settingsChanged) return true;
            shape.reset();
            continue;
        }
        const auto fa = footprint(*info, a, *shape);
        if (settingsChanged) {
            const auto fb = footprint(*info, b, *shape);
            if (!fa || !fb || !(*fa == *fb)) return true;
        }
        shape = fa ? std::optional<Shape>(fa->output) : std::nullopt;
    }
    return false;
}

bool dataEditNeedsFreshWeights(const DataSpec& before, Task taskBefore, const DataSpec& after,
                               Task taskAfter) {
    return !(before == after) || taskBefore != taskAfter;
}

bool trainingEditNeedsRebuild(const TrainingSpec& before, const TrainingSpec& after) {
    return before.loss != after.loss || before.init != after.init || before.seed != after.seed ||
           before.ensemble != after.ensemble;
}

bool ganEditNeedsRebuild(const GanSpec& before, const GanSpec& after) {
    return before.loss != after.loss || before.noise != after.noise || before.seed != after.seed ||
           before.init != after.init;
}

bool sameLayers(const NetworkSpec& a, const NetworkSpec& b) {
    NetworkSpec x = a;
    NetworkSpec y = b;
    x.clearParams();
    y.clearParams();
    return x == y;
}

bool sameLayers(const std::vector<NamedNetwork>& a, const std::vector<NamedNetwork>& b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i) {
        if (a[i].name != b[i].name || !sameLayers(a[i].spec, b[i].spec)) return false;
    }
    return true;
}

void carryWeights(const NetworkSpec& trained, NetworkSpec& next) {
    for (LayerSpec& layer : next.layers) {
        const int index = trained.indexOf(layer.id);
        const LayerSpec* old =
            index >= 0 ? &trained.layers[static_cast<std::size_t>(index)] : nullptr;
        layer.params = old && old->type == layer.type ? old->params : std::vector<Matrix>{};
    }
}

void carryWeights(const std::vector<NamedNetwork>& trained, std::vector<NamedNetwork>& next) {
    for (NamedNetwork& network : next) {
        const auto old = std::find_if(trained.begin(), trained.end(), [&](const NamedNetwork& t) {
            return t.name == network.name;
        });
        if (old != trained.end()) {
            carryWeights(old->spec, network.spec);
        } else {
            network.spec.clearParams();
        }
    }
}

}  // namespace nnplay
