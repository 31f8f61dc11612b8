// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QMetaType>
#include <vector>

#include "Project.h"
#include "train/History.h"

// Engine values that the training worker's queued signals carry back to the UI thread (commands
// go by queued calls, TrainingController::send, and need no registration). core/ knows nothing
// of Qt, so they are declared here.
Q_DECLARE_METATYPE(std::vector<nnplay::NamedNetwork>)
Q_DECLARE_METATYPE(nnplay::History)

namespace nnplay::ui {

/// Registers every type the training worker's queued signals carry (idempotent; the
/// TrainingController calls it before connecting to a worker).
void registerTrainingMetaTypes();

}  // namespace nnplay::ui
