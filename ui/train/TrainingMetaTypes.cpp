// SPDX-License-Identifier: GPL-3.0-or-later
#include "train/TrainingMetaTypes.h"

#include "train/TrainingSnapshot.h"

namespace nnplay::ui {

void registerTrainingMetaTypes() {
    qRegisterMetaType<std::vector<nnplay::NamedNetwork>>();
    qRegisterMetaType<nnplay::History>();
    qRegisterMetaType<nnplay::ui::TrainingSnapshot>();
}

}  // namespace nnplay::ui
