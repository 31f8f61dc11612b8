// SPDX-License-Identifier: GPL-3.0-or-later
#include "document/DocumentEdits.h"

#include <QCoreApplication>
#include <algorithm>
#include <cmath>

#include "data/Features.h"
#include "data/PlaneGenerators.h"
#include "document/EditDataCommand.h"
#include "document/EditNetworkCommand.h"
#include "document/EditTrainingCommand.h"
#include "document/ProjectDocument.h"
#include "layers/LayerRegistry.h"

namespace nnplay::ui {

namespace {

QString tr(const char* text) { return QCoreApplication::translate("DocumentEdits", text); }

QString displayName(const std::string& type) {
    const nnplay::LayerInfo* info = nnplay::LayerRegistry::builtin().find(type);
    return QString::fromStdString(info ? info->displayName : type);
}

/// A layer's output shape and parameter count for an input shape; nullopt when it throws.
struct LayerFootprint {
    nnplay::Shape output;
    long long params = 0;
    bool operator==(const LayerFootprint&) const = default;
};

std::optional<LayerFootprint> footprint(const nnplay::LayerInfo& info,
                                        const nnplay::LayerSpec& layer,
                                        const nnplay::Shape& input) {
    try {
        return LayerFootprint{info.outputShape(layer, input), info.paramCount(layer, input)};
    } catch (const std::exception&) {
        return std::nullopt;
    }
}

}  // namespace

bool editTraining(ProjectDocument& document, const nnplay::TrainingSpec& after, const QString& text,
                  int mergeId) {
    const nnplay::TrainingSpec& before = document.project().training;
    if (after == before) return false;
    document.undoStack()->push(new EditTrainingCommand(&document, before, after, text, mergeId));
    return true;
}

bool editData(ProjectDocument& document, const nnplay::DataSpec& after, nnplay::Task task,
              const QString& text, int mergeId) {
    const nnplay::Project& project = document.project();
    if (after == project.data && task == project.task) return false;
    document.undoStack()->push(
        new EditDataCommand(&document, project.data, after, project.task, task, text, mergeId));
    return true;
}

bool editData(ProjectDocument& document, const nnplay::DataSpec& after, const QString& text,
              int mergeId) {
    return editData(document, after, document.project().task, text, mergeId);
}

bool editNetwork(ProjectDocument& document, const nnplay::NetworkSpec& after, const QString& text,
                 int mergeId) {
    const nnplay::NetworkSpec& before = document.project().network();
    if (after == before) return false;
    const bool structural =
        isStructuralChange(before, after, inputShapeFromSpec(document.project()));
    document.undoStack()->push(
        new EditNetworkCommand(&document, before, after, text, structural, mergeId));
    return true;
}

bool isStructuralChange(const nnplay::NetworkSpec& before, const nnplay::NetworkSpec& after,
                        const std::optional<nnplay::Shape>& input) {
    if (before.layers.size() != after.layers.size()) return true;
    for (std::size_t i = 0; i < before.layers.size(); ++i) {
        if (before.layers[i].id != after.layers[i].id) return true;
        if (before.layers[i].type != after.layers[i].type) return true;
    }
    if (before.hasParams() && !after.hasParams()) return true;

    const auto& registry = nnplay::LayerRegistry::builtin();
    std::optional<nnplay::Shape> shape = input.value_or(nnplay::Shape::flat(16));
    for (std::size_t i = 0; i < before.layers.size(); ++i) {
        const nnplay::LayerSpec& a = before.layers[i];
        const nnplay::LayerSpec& b = after.layers[i];
        const nnplay::LayerInfo* info = registry.find(a.type);
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
        shape = fa ? std::optional<nnplay::Shape>(fa->output) : std::nullopt;
    }
    return false;
}

std::optional<nnplay::Shape> inputShapeFromSpec(const nnplay::Project& project) {
    if (!nnplay::isPlaneSource(project.data.source)) return std::nullopt;
    return nnplay::Shape::flat(static_cast<int>(project.data.features.size()));
}

int insertLayer(ProjectDocument& document, int index, const std::string& type) {
    if (!nnplay::LayerRegistry::builtin().find(type)) return -1;
    nnplay::NetworkSpec after = document.project().network();
    const int count = static_cast<int>(after.layers.size());
    index = std::clamp(index, 0, count);
    nnplay::LayerSpec layer;
    layer.id = document.project().freshLayerId();
    layer.type = type;
    after.layers.insert(after.layers.begin() + index, layer);
    editNetwork(document, after, tr("Add %1").arg(displayName(type)));
    return layer.id;
}

bool removeLayer(ProjectDocument& document, int layerId) {
    nnplay::NetworkSpec after = document.project().network();
    const int index = after.indexOf(layerId);
    if (index < 0) return false;
    const QString name = displayName(after.layers[static_cast<std::size_t>(index)].type);
    after.layers.erase(after.layers.begin() + index);
    return editNetwork(document, after, tr("Remove %1").arg(name));
}

bool moveLayer(ProjectDocument& document, int layerId, int gapIndex) {
    nnplay::NetworkSpec after = document.project().network();
    const int from = after.indexOf(layerId);
    const int count = static_cast<int>(after.layers.size());
    if (from < 0) return false;
    gapIndex = std::clamp(gapIndex, 0, count);
    if (gapIndex == from || gapIndex == from + 1) return false;
    nnplay::LayerSpec layer = after.layers[static_cast<std::size_t>(from)];
    after.layers.erase(after.layers.begin() + from);
    const int to = gapIndex > from ? gapIndex - 1 : gapIndex;
    after.layers.insert(after.layers.begin() + to, layer);
    return editNetwork(document, after, tr("Move %1").arg(displayName(layer.type)));
}

bool setLayerSetting(ProjectDocument& document, int layerId, const std::string& key, double value,
                     int mergeId) {
    nnplay::NetworkSpec after = document.project().network();
    const int index = after.indexOf(layerId);
    if (index < 0) return false;
    nnplay::LayerSpec& layer = after.layers[static_cast<std::size_t>(index)];
    const nnplay::LayerInfo* info = nnplay::LayerRegistry::builtin().find(layer.type);
    const nnplay::SettingInfo* setting = info ? info->findSetting(key) : nullptr;
    if (!setting || !std::isfinite(value)) return false;
    value = std::clamp(value, setting->minimum, setting->maximum);
    if (setting->integer) value = std::round(value);
    if (layer.setting(key) == value) return false;
    layer.settings[key] = value;
    return editNetwork(
        document, after,
        tr("Change %1 of %2").arg(QString::fromStdString(setting->label), displayName(layer.type)),
        mergeId);
}

bool togglePlaneFeature(ProjectDocument& document, const std::string& feature) {
    const auto& names = nnplay::planeFeatureNames();
    if (std::find(names.begin(), names.end(), feature) == names.end()) return false;
    nnplay::DataSpec after = document.project().data;
    const auto& current = after.features;
    const bool on = std::find(current.begin(), current.end(), feature) != current.end();
    if (on && current.size() <= 1) return false;
    std::vector<std::string> features;
    for (const auto& name : names) {
        const bool selected =
            name == feature ? !on
                            : std::find(current.begin(), current.end(), name) != current.end();
        if (selected) features.push_back(name);
    }
    after.features = features;
    const QString text = on ? tr("Turn off input %1") : tr("Turn on input %1");
    return editData(document, after, text.arg(QString::fromStdString(feature)));
}

}  // namespace nnplay::ui
