// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Which edits of a project keep the trained weights and which need fresh ones, and which
// training settings need the session rebuilt. The document, its undo commands, the
// document-to-worker sync and the worker all decide by these functions.

#include <optional>
#include <vector>

#include "NetworkSpec.h"
#include "Project.h"
#include "Shape.h"
#include "Types.h"
#include "data/DataSpec.h"
#include "train/TrainingSpec.h"

namespace nnplay {

/// True when trained parameters of `before` no longer fit `after`: layers added, removed,
/// moved or retyped, parameters dropped, or a setting changed a layer's output shape or
/// parameter count (units). False for settings such as a dropout rate or a leaky alpha.
/// `input` is the sample shape when known; without it a flat probe shape is used, and a change
/// that cannot be judged counts as needing fresh weights.
bool networkEditNeedsFreshWeights(const NetworkSpec& before, const NetworkSpec& after,
                                  const std::optional<Shape>& input = std::nullopt);

/// True when weights trained on the data `before` (for task `taskBefore`) do not belong to the
/// data `after`: any change of the data settings or the task.
bool dataEditNeedsFreshWeights(const DataSpec& before, Task taskBefore, const DataSpec& after,
                               Task taskAfter);

/// True when a running session cannot take `after` on the fly and must be rebuilt (keeping
/// its weights): the loss, the initialisation, the seed or the ensemble changed (members that
/// have no trained weights yet start from fresh ones). Learning rate, optimizer, penalties,
/// batch size, epochs, patience and augmentation apply without a rebuild.
bool trainingEditNeedsRebuild(const TrainingSpec& before, const TrainingSpec& after);

/// The same for a GAN (GanSession::updateGan): the loss, the noise, the initialisation or the
/// seed changed. Steps, batch size, d_steps, g_steps, measure_every and both optimizers apply
/// without a rebuild.
bool ganEditNeedsRebuild(const GanSpec& before, const GanSpec& after);

/// True when both specs have the same layers and settings, whatever their parameters.
bool sameLayers(const NetworkSpec& a, const NetworkSpec& b);
/// True when both hold the same networks, by name and in order, with the same layers.
bool sameLayers(const std::vector<NamedNetwork>& a, const std::vector<NamedNetwork>& b);

/// Gives each layer of `next` the parameters of the layer of `trained` with the same id and
/// type (none when there is no such layer): the weights an edit that keeps them carries over.
void carryWeights(const NetworkSpec& trained, NetworkSpec& next);
/// carryWeights for each network of `next` from the network of `trained` with its name (none
/// when `trained` has no such network).
void carryWeights(const std::vector<NamedNetwork>& trained, std::vector<NamedNetwork>& next);

}  // namespace nnplay
