// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "NetworkSpec.h"
#include "data/Dataset.h"
#include "loss/Loss.h"

namespace nnplay {

/// Shape inference plus what the data and the loss ask of the output: the number of outputs
/// (one or one per class for two classes, one per class otherwise, one per target for
/// regression) and the output activation the loss needs (sigmoid for bce, softmax for cce).
/// The editor shows the result; a session refuses a network that fails it.
ShapeReport checkNetwork(const NetworkSpec& spec, const DataInfo& data, LossKind loss);

}  // namespace nnplay
