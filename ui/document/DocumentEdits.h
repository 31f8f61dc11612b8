// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The edits the rest of the UI makes to a ProjectDocument. Each pushes exactly one undo command
// when the value really changes and nothing when it does not, and returns whether it pushed.

#include <QString>
#include <optional>
#include <string>

#include "NetworkSpec.h"
#include "Project.h"

namespace nnplay::ui {

class ProjectDocument;

/// Replaces the training settings.
bool editTraining(ProjectDocument& document, const nnplay::TrainingSpec& after, const QString& text,
                  int mergeId = -1);

/// Replaces the data settings and the task (drops trained weights, see EditDataCommand).
bool editData(ProjectDocument& document, const nnplay::DataSpec& after, nnplay::Task task,
              const QString& text, int mergeId = -1);
/// Replaces the data settings, keeping the task.
bool editData(ProjectDocument& document, const nnplay::DataSpec& after, const QString& text,
              int mergeId = -1);

/// Replaces the network; whether the edit is structural is decided by isStructuralChange().
bool editNetwork(ProjectDocument& document, const nnplay::NetworkSpec& after, const QString& text,
                 int mergeId = -1);

/// True when trained parameters no longer fit `after`: layers added, removed, moved or
/// retyped, parameters dropped, or a setting changed a layer's output shape or parameter count
/// (units). False for settings such as a dropout rate or a leaky alpha. `input` is the sample
/// shape when known; without it a flat probe shape is used, and a change that cannot be
/// judged counts as structural.
bool isStructuralChange(const nnplay::NetworkSpec& before, const nnplay::NetworkSpec& after,
                        const std::optional<nnplay::Shape>& input = std::nullopt);

/// The sample shape the document's data gives when it follows from the settings alone
/// (2-D generators: one value per selected feature); nullopt when the data must be loaded.
std::optional<nnplay::Shape> inputShapeFromSpec(const nnplay::Project& project);

/// Inserts a new layer of a registry type (its settings at their defaults) before the layer at
/// `index` (0..layer count; clamped). Returns the new layer's id, or -1 for an unknown type.
int insertLayer(ProjectDocument& document, int index, const std::string& type);
/// Removes the layer with this id.
bool removeLayer(ProjectDocument& document, int layerId);
/// Moves the layer with this id into the gap `gapIndex` (0..layer count) of the current order,
/// i.e. before the layer now at gapIndex. The gaps right before and after it change nothing.
bool moveLayer(ProjectDocument& document, int layerId, int gapIndex);
/// Sets one setting of a layer, clamped to the registry's range (rounded when integer).
/// Consecutive calls with the same mergeId (layerSettingMergeId()) become one undo step.
bool setLayerSetting(ProjectDocument& document, int layerId, const std::string& key, double value,
                     int mergeId = -1);
/// Turns a 2-D input feature ("x1", "sin(x2)", ...) on or off, keeping the canonical order of
/// planeFeatureNames(). Refuses (returns false) to turn off the last selected feature.
bool togglePlaneFeature(ProjectDocument& document, const std::string& feature);

}  // namespace nnplay::ui
