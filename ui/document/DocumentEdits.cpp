// SPDX-License-Identifier: GPL-3.0-or-later
#include "document/DocumentEdits.h"

#include <QCoreApplication>
#include <QUndoStack>
#include <algorithm>
#include <cmath>

#include "data/DataLoader.h"
#include "data/Features.h"
#include "data/GanTargets.h"
#include "document/EditDataCommand.h"
#include "document/EditSettingsCommand.h"
#include "document/EditNetworkCommand.h"
#include "document/EditParameterCommand.h"
#include "document/MergeIds.h"
#include "document/ProjectDocument.h"
#include "layers/LayerRegistry.h"
#include "train/NetworkCheck.h"

namespace nnplay::ui {

namespace {

QString tr(const char* text) { return QCoreApplication::translate("DocumentEdits", text); }

QString displayName(const std::string& type) {
    const nnplay::LayerInfo* info = nnplay::LayerRegistry::builtin().find(type);
    return QString::fromStdString(info ? info->displayName : type);
}

/// `named`, or when it is empty the name of the network holding the layer (ids are unique
/// across the project's networks).
std::string networkFor(const ProjectDocument& document, int layerId, const std::string& named) {
    if (!named.empty()) return named;
    const nnplay::NamedNetwork* holding = document.networkHolding(layerId);
    return holding ? holding->name : std::string();
}

}  // namespace

bool editTraining(ProjectDocument& document, const nnplay::TrainingSpec& after, const QString& text,
                  int mergeId) {
    const nnplay::TrainingSpec& before = document.project().training;
    if (after == before) return false;
    document.undoStack()->push(new EditTrainingCommand(&document, before, after, text, mergeId));
    return true;
}

bool editGan(ProjectDocument& document, const nnplay::GanSpec& after, const QString& text,
             int mergeId) {
    const nnplay::GanSpec& before = document.project().gan;
    if (after == before) return false;
    document.undoStack()->push(new EditGanCommand(&document, before, after, text, mergeId));
    return true;
}

bool editData(ProjectDocument& document, const nnplay::DataSpec& edited, nnplay::Task task,
              const QString& text, int mergeId) {
    const nnplay::Project& project = document.project();
    // A switch of source drops the balance settings the new source does not take.
    nnplay::DataSpec after = edited;
    nnplay::dropForeignBalance(after);
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
                 int mergeId, const std::string& network) {
    const nnplay::NetworkSpec* before = document.network(network);
    if (!before || after == *before) return false;
    const std::optional<nnplay::DataInfo>& data = document.dataInfo();
    const nnplay::Project& project = document.project();
    const std::string& name = network.empty() ? project.networks.front().name : network;
    const std::optional<nnplay::Shape> input =
        data ? std::optional<nnplay::Shape>(
                   nnplay::networkInputShape(project, name, data->inputShape))
             : std::nullopt;
    document.undoStack()->push(
        new EditNetworkCommand(&document, network, *before, after, text, input, mergeId));
    return true;
}

bool importLayers(ProjectDocument& document, const nnplay::NetworkSpec& after, const QString& text,
                  const std::string& network) {
    const nnplay::NetworkSpec* before = document.network(network);
    if (!before || after == *before) return false;
    document.undoStack()->push(new EditNetworkCommand(&document, network, *before, after, text,
                                                      std::nullopt, kMergeNone, true));
    return true;
}

bool setLayerFrozen(ProjectDocument& document, int layerId, bool frozen, const std::string& named) {
    const std::string network = networkFor(document, layerId, named);
    const nnplay::NetworkSpec* before = document.network(network);
    if (!before) return false;
    nnplay::NetworkSpec after = *before;
    const int index = after.indexOf(layerId);
    if (index < 0) return false;
    nnplay::LayerSpec& layer = after.layers[static_cast<std::size_t>(index)];
    const nnplay::LayerInfo* info = nnplay::LayerRegistry::builtin().find(layer.type);
    if (!info || !info->hasWeights() || layer.trainable == !frozen) return false;
    layer.trainable = !frozen;
    const QString name = displayName(layer.type);
    return editNetwork(document, after,
                       frozen ? tr("Freeze %1").arg(name) : tr("Unfreeze %1").arg(name), kMergeNone,
                       network);
}

bool applyOutputFix(ProjectDocument& document, const nnplay::OutputFix& fix) {
    nnplay::TrainingSpec training = document.project().training;
    training.loss = fix.loss;
    const bool networkChanges = fix.network != document.project().network();
    const bool lossChanges = training != document.project().training;
    if (!networkChanges && !lossChanges) return false;
    QUndoStack* undo = document.undoStack();
    undo->beginMacro(tr("Fix the output"));
    editNetwork(document, fix.network, tr("Fix the output layers"));
    editTraining(document, training, tr("Fix the loss"));
    undo->endMacro();
    return true;
}

int insertLayer(ProjectDocument& document, int index, const std::string& type,
                const std::string& network) {
    const nnplay::NetworkSpec* before = document.network(network);
    if (!before || !nnplay::LayerRegistry::builtin().find(type)) return -1;
    nnplay::NetworkSpec after = *before;
    const int count = static_cast<int>(after.layers.size());
    index = std::clamp(index, 0, count);
    nnplay::LayerSpec layer;
    layer.id = document.project().freshLayerId();
    layer.type = type;
    after.layers.insert(after.layers.begin() + index, layer);
    editNetwork(document, after, tr("Add %1").arg(displayName(type)), kMergeNone, network);
    return layer.id;
}

bool removeLayer(ProjectDocument& document, int layerId, const std::string& named) {
    const std::string network = networkFor(document, layerId, named);
    const nnplay::NetworkSpec* before = document.network(network);
    if (!before) return false;
    nnplay::NetworkSpec after = *before;
    const int index = after.indexOf(layerId);
    if (index < 0) return false;
    const QString name = displayName(after.layers[static_cast<std::size_t>(index)].type);
    after.layers.erase(after.layers.begin() + index);
    return editNetwork(document, after, tr("Remove %1").arg(name), kMergeNone, network);
}

bool moveLayer(ProjectDocument& document, int layerId, int gapIndex, const std::string& named) {
    const std::string network = networkFor(document, layerId, named);
    const nnplay::NetworkSpec* before = document.network(network);
    if (!before) return false;
    nnplay::NetworkSpec after = *before;
    const int from = after.indexOf(layerId);
    const int count = static_cast<int>(after.layers.size());
    if (from < 0) return false;
    gapIndex = std::clamp(gapIndex, 0, count);
    if (gapIndex == from || gapIndex == from + 1) return false;
    nnplay::LayerSpec layer = after.layers[static_cast<std::size_t>(from)];
    after.layers.erase(after.layers.begin() + from);
    const int to = gapIndex > from ? gapIndex - 1 : gapIndex;
    after.layers.insert(after.layers.begin() + to, layer);
    return editNetwork(document, after, tr("Move %1").arg(displayName(layer.type)), kMergeNone,
                       network);
}

bool setLayerSetting(ProjectDocument& document, int layerId, const std::string& key, double value,
                     int mergeId, const std::string& named) {
    const std::string network = networkFor(document, layerId, named);
    const nnplay::NetworkSpec* before = document.network(network);
    if (!before) return false;
    nnplay::NetworkSpec after = *before;
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
        mergeId, network);
}

bool setParameter(ProjectDocument& document, int layerIndex, int tensor, int row, int col,
                  float before, float value, int drag) {
    if (!std::isfinite(value) || value == before) return false;
    const QString text = tensor == 0 ? tr("Set a weight") : tr("Set a bias");
    document.undoStack()->push(new EditParameterCommand(&document, layerIndex, tensor, row, col,
                                                        before, value, text, drag));
    return true;
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

bool addDrawnPoints(ProjectDocument& document, const std::vector<std::array<float, 2>>& points) {
    const nnplay::Project& project = document.project();
    if (project.task != nnplay::Task::Gan || project.data.source != "points") return false;
    nnplay::DataSpec after = project.data;
    for (const auto& [x, y] : points)
        if (nnplay::insidePlane(x, y)) after.points.push_back({x, y});
    const std::size_t added = after.points.size() - project.data.points.size();
    if (added == 0 || after.points.size() > static_cast<std::size_t>(nnplay::kGanMaxSamples))
        return false;
    return editData(document, after,
                    added == 1 ? tr("Draw a point") : tr("Draw %1 points").arg(added));
}

bool deleteRuns(ProjectDocument& document, const std::vector<int>& indices) {
    const std::vector<nnplay::RunRecord>& before = document.project().runs;
    std::vector<nnplay::RunRecord> after;
    QString first;
    for (std::size_t i = 0; i < before.size(); ++i) {
        if (std::find(indices.begin(), indices.end(), static_cast<int>(i)) == indices.end())
            after.push_back(before[i]);
        else if (first.isEmpty())
            first = QString::fromStdString(before[i].name);
    }
    const std::size_t deleted = before.size() - after.size();
    if (deleted == 0) return false;
    const QString text =
        deleted == 1 ? tr("Delete run %1").arg(first) : tr("Delete %1 runs").arg(deleted);
    document.undoStack()->push(new EditRunsCommand(&document, before, std::move(after), text));
    return true;
}

bool renameRun(ProjectDocument& document, int index, const std::string& name) {
    const std::vector<nnplay::RunRecord>& before = document.project().runs;
    if (index < 0 || index >= static_cast<int>(before.size()) || name.empty()) return false;
    std::vector<nnplay::RunRecord> after = before;
    nnplay::RunRecord& run = after[static_cast<std::size_t>(index)];
    if (run.name == name) return false;
    const QString text = tr("Rename run %1").arg(QString::fromStdString(run.name));
    run.name = name;
    document.undoStack()->push(new EditRunsCommand(&document, before, std::move(after), text));
    return true;
}

}  // namespace nnplay::ui
