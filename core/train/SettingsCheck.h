// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "NetworkSpec.h"
#include "Project.h"
#include "train/GanSpec.h"
#include "train/TrainingSpec.h"

namespace nnplay {

/// The ranges of the training settings: batch size at least 1, epochs and patience not
/// negative, a positive finite learning rate, L1/L2 zero or positive, momentum, beta1, beta2
/// and rho in [0, 1), a positive epsilon, ensemble members from 1 to
/// TrainingSpec::Ensemble::kMaxMembers. Throws InputError naming the setting and its file
/// key. The file reader, the CLI, sessions and the window's document all use this one check.
/// Includes the augmentation ranges (checkAugmentationSpec).
void checkTrainingSpec(const TrainingSpec& training);

/// The augmentation ranges: shift a whole number from 0 to AugmentationSpec::kMaxShift pixels,
/// rotation from 0 to kMaxRotation degrees, noise from 0 to kMaxNoise, jitter from 0 to
/// kMaxJitter. Throws InputError naming the key ("training.augmentation.shift").
void checkAugmentationSpec(const AugmentationSpec& augmentation);

/// Refuses augmentation settings that the data of `source` do not take (augmentedDataOf):
/// shift, rotation, noise and flip need images, jitter 2-D points; CSV tables and sequences take
/// none. The message names the key, the source and what to do. Sessions call it.
void checkAugmentationFits(const AugmentationSpec& augmentation, const std::string& source);

/// An optimizer's settings: a known kind, a positive finite learning rate, momentum, beta1,
/// beta2 and rho in [0, 1), a positive epsilon. Messages name the key under `where`
/// ("training.generator.learning_rate").
void checkOptimizerSettings(const OptimizerSettings& optimizer, const std::string& where);

/// The ranges of a GAN's settings: noise.dim from 1 to GanSpec::kMaxNoiseDim, steps not
/// negative, batch_size from 1 to GanSpec::kMaxBatchSize, d_steps and g_steps from 1 to
/// GanSpec::kMaxUpdatesPerStep, measure_every at least 1, and each network's optimizer
/// (checkOptimizerSettings). Throws InputError naming the key.
void checkGanSpec(const GanSpec& gan);

/// Every layer's settings within the registry's range (and whole where the registry says
/// so): "units": -5 is refused. Throws InputError naming the layer and the setting.
void checkLayerSettings(const NetworkSpec& network);

/// The training check of the project's task (checkTrainingSpec or checkGanSpec), the layer check
/// over every network of the project, and the data's balance settings
/// (checkDataBalance).
void checkProjectSettings(const Project& project);

}  // namespace nnplay
