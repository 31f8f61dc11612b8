// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "NetworkSpec.h"
#include "data/DataSpec.h"
#include "train/History.h"
#include "train/TrainingSpec.h"

namespace nnplay {

/// Everything a .nnplay file holds: the document the editor edits.
struct Project {
    Task task = Task::Classification;
    DataSpec data;
    NetworkSpec network;
    TrainingSpec training;
    /// Per-epoch history of the trained weights stored in `network` (empty when untrained).
    History history;

    bool operator==(const Project&) const = default;

    /// Circle data, 2-4-2-1 tanh with a sigmoid output: what a new window opens with.
    static Project defaultProject();
};

}  // namespace nnplay
