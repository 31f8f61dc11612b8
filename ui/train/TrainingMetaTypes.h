// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QMetaType>

#include "NetworkSpec.h"
#include "Project.h"
#include "train/History.h"
#include "train/TrainingSpec.h"

// Engine values that cross from the UI thread to the training worker and back in queued
// signals. core/ knows nothing of Qt, so they are declared here.
Q_DECLARE_METATYPE(nnplay::Project)
Q_DECLARE_METATYPE(nnplay::NetworkSpec)
Q_DECLARE_METATYPE(nnplay::TrainingSpec)
Q_DECLARE_METATYPE(nnplay::History)

namespace nnplay::ui {

/// Registers every type the training worker's queued signals carry (idempotent; the
/// TrainingController calls it before connecting to a worker).
void registerTrainingMetaTypes();

}  // namespace nnplay::ui
