// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "train/ViewRequest.h"

namespace nnplay::ui {

/// Which parts of a TrainingSnapshot the visible views need: the session's view request,
/// sent to the worker by queued calls.
using SnapshotRequest = nnplay::ViewRequest;

}  // namespace nnplay::ui
