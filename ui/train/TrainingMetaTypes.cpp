// SPDX-License-Identifier: GPL-3.0-or-later
#include "train/TrainingMetaTypes.h"

#include "train/SnapshotRequest.h"
#include "train/TrainingSnapshot.h"

namespace nnplay::ui {

void registerTrainingMetaTypes() {
    qRegisterMetaType<nnplay::Project>();
    qRegisterMetaType<nnplay::NetworkSpec>();
    qRegisterMetaType<nnplay::TrainingSpec>();
    qRegisterMetaType<nnplay::History>();
    qRegisterMetaType<nnplay::ui::SnapshotRequest>();
    qRegisterMetaType<nnplay::ui::TrainingSnapshot>();
}

}  // namespace nnplay::ui
