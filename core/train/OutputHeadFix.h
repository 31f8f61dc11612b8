// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <optional>
#include <string>

#include "NetworkSpec.h"
#include "Project.h"
#include "data/Dataset.h"
#include "loss/Loss.h"

namespace nnplay {

/// What the end of a network and the loss must be for the task, in a learner's words:
/// "3 classes need a Dense layer of 3 units with Softmax, and the categorical cross-entropy
/// loss". For two classes trained with categorical cross-entropy, two units with Softmax;
/// otherwise one unit with Sigmoid and binary cross-entropy. Regression needs one unit per
/// target with no activation after it, and mean squared error.
std::string outputHeadNeed(const DataInfo& data, LossKind loss);

/// The network and loss outputHeadNeed() describes, made from a project whose output does
/// not fit its data.
struct OutputFix {
    NetworkSpec network;  ///< the project's network with the fitting head
    LossKind loss;
    std::string summary;  ///< "3 classes need ...": what the fix does, for its button
};

/// The smallest change that makes the project's main network fit `data`: the last layer with
/// units gets the needed number (a Dense layer is added when there is none), the activations
/// after it become the one the task needs (an existing one of that kind keeps its id), and
/// the loss is set. New layers take ids from Project::freshLayerId(). Nothing when the network
/// already passes checkNetwork, or when the problem lies elsewhere (a shape error before the
/// output) and the change would not make it pass.
std::optional<OutputFix> proposeOutputFix(const Project& project, const DataInfo& data);

}  // namespace nnplay
