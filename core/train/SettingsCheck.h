// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "NetworkSpec.h"
#include "Project.h"
#include "train/TrainingSpec.h"

namespace nnplay {

/// The ranges of the training settings: batch size at least 1, epochs and patience not
/// negative, a positive finite learning rate, L1/L2 zero or positive, momentum, beta1, beta2
/// and rho in [0, 1), a positive epsilon. Throws InputError naming the setting and its file
/// key. The file reader, the CLI, sessions and the window's document all use this one check.
void checkTrainingSpec(const TrainingSpec& training);

/// Every layer's settings within the registry's range (and whole where the registry says
/// so): "units": -5 is refused. Throws InputError naming the layer and the setting.
void checkLayerSettings(const NetworkSpec& network);

/// Both checks over every network of the project, and the data's balance settings
/// (checkDataBalance).
void checkProjectSettings(const Project& project);

}  // namespace nnplay
