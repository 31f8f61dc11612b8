// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The edits the rest of the UI makes to a ProjectDocument. Each pushes exactly one undo command
// when the value really changes and nothing when it does not, and returns whether it pushed.
// Network edits name the network they change; an empty name means the first.

#include <QString>
#include <array>
#include <string>
#include <vector>

#include "NetworkSpec.h"
#include "Project.h"
#include "train/OutputHeadFix.h"

namespace nnplay::ui {

class ProjectDocument;

/// Replaces the training settings.
bool editTraining(ProjectDocument& document, const nnplay::TrainingSpec& after, const QString& text,
                  int mergeId = -1);

/// Replaces a GAN project's noise and training settings (Project::gan).
bool editGan(ProjectDocument& document, const nnplay::GanSpec& after, const QString& text,
             int mergeId = -1);

/// Replaces the data settings and the task (drops trained weights, see EditDataCommand); the
/// balance settings the source does not take are dropped (nnplay::dropForeignBalance).
bool editData(ProjectDocument& document, const nnplay::DataSpec& after, nnplay::Task task,
              const QString& text, int mergeId = -1);
/// Replaces the data settings, keeping the task.
bool editData(ProjectDocument& document, const nnplay::DataSpec& after, const QString& text,
              int mergeId = -1);

/// Replaces a network; whether its trained weights survive is decided by
/// nnplay::networkEditNeedsFreshWeights() against the data's input shape. False (nothing
/// pushed) for an unknown network name.
bool editNetwork(ProjectDocument& document, const nnplay::NetworkSpec& after, const QString& text,
                 int mergeId = -1, const std::string& network = {});

/// Inserts a new layer of a registry type (its settings at their defaults, an id unique in the
/// project) before the layer at `index` (0..layer count; clamped). Returns the new layer's id,
/// or -1 for an unknown type or network.
int insertLayer(ProjectDocument& document, int index, const std::string& type,
                const std::string& network = {});
/// Removes the layer with this id. In these functions that take a layer id, an empty network
/// name means the network holding that layer.
bool removeLayer(ProjectDocument& document, int layerId, const std::string& network = {});
/// Moves the layer with this id into the gap `gapIndex` (0..layer count) of the current order,
/// i.e. before the layer now at gapIndex. The gaps right before and after it change nothing.
bool moveLayer(ProjectDocument& document, int layerId, int gapIndex,
               const std::string& network = {});
/// Sets one setting of a layer, clamped to the registry's range (rounded when integer).
/// Consecutive calls with the same mergeId (layerSettingMergeId()) become one undo step.
bool setLayerSetting(ProjectDocument& document, int layerId, const std::string& key, double value,
                     int mergeId = -1, const std::string& network = {});
/// Sets entry (row, col) of parameter tensor `tensor` (0 weights, units x inputs; 1 biases)
/// of the first network's layer at spec index `layerIndex` to `value`, keeping the layers and
/// the session (EditParameterCommand). `before` is the value it had (the document may not hold
/// weights while a session trains). Calls with the same non-negative `drag` number on the same
/// entry become one undo step. False for a value that is not finite or does not change.
bool setParameter(ProjectDocument& document, int layerIndex, int tensor, int row, int col,
                  float before, float value, int drag = -1);
/// Freezes a layer with weights (training leaves them as they are, gradients still pass) or
/// unfreezes it. Keeps the trained weights and the session's progress (by the EditRules the
/// layers are the same, so the session is rebuilt from its own weights). False for a layer
/// without weights or when nothing changes.
bool setLayerFrozen(ProjectDocument& document, int layerId, bool frozen,
                    const std::string& network = {});
/// Replaces a network by `after`, the result of nnplay::transferLayers, keeping the weights it
/// brings (the imported layers'), as one undo step named `text`; the weights the network had and
/// the history go, and undo brings them back. False for an unknown network or no change.
bool importLayers(ProjectDocument& document, const nnplay::NetworkSpec& after, const QString& text,
                  const std::string& network = {});
/// Gives the main network the output head and the loss of `fix` (nnplay::proposeOutputFix),
/// as one undo step.
bool applyOutputFix(ProjectDocument& document, const nnplay::OutputFix& fix);
/// Turns a 2-D input feature ("x1", "sin(x2)", ...) on or off, keeping the canonical order of
/// planeFeatureNames(). Refuses (returns false) to turn off the last selected feature.
bool togglePlaneFeature(ProjectDocument& document, const std::string& feature);
/// A GAN's target drawn by hand (data source "points"): adds `points` (x1, x2) to it as one
/// undo step. False (nothing pushed) for another source, no points, or a drawing that would
/// exceed nnplay::kGanMaxSamples; points outside the plane are left out.
bool addDrawnPoints(ProjectDocument& document, const std::vector<std::array<float, 2>>& points);

/// Deletes the kept runs at these indices of Project::runs (out-of-range ones are ignored) as
/// one undo step. False when none of them exists.
bool deleteRuns(ProjectDocument& document, const std::vector<int>& indices);
/// Renames the kept run at `index`. False for no such run, an empty name or the same name.
bool renameRun(ProjectDocument& document, int index, const std::string& name);

}  // namespace nnplay::ui
