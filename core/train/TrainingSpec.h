// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <string>

#include "layers/Layer.h"
#include "loss/Loss.h"
#include "optim/Optimizer.h"
#include "train/AugmentationSpec.h"

namespace nnplay {

/// How to train: the "training" object of a project file.
struct TrainingSpec {
    LossKind loss = LossKind::Bce;
    OptimizerSettings optimizer;
    int batchSize = 10;
    int epochs = 200;
    bool shuffle = true;
    /// Penalty l1 * sum|w| + l2/2 * sum w^2 over weights (not biases), added to the gradient.
    float l1 = 0.0f;
    float l2 = 0.0f;
    std::uint32_t seed = 1;
    /// Stop when the test loss has not improved for this many epochs and restore the best
    /// weights; 0 turns early stopping off.
    int patience = 0;
    InitScheme init = InitScheme::Auto;
    /// Random changes to each training mini-batch; all off by default.
    AugmentationSpec augmentation;

    /// Train `members` copies of the network (seeds derived from `seed`) and average their
    /// outputs; 1 trains one network. `bootstrap` trains each member on its own sample of the
    /// training part, drawn with replacement at the part's size.
    struct Ensemble {
        static constexpr int kMaxMembers = 10;
        int members = 1;
        bool bootstrap = false;
        bool operator==(const Ensemble&) const = default;
    };
    Ensemble ensemble;

    bool operator==(const TrainingSpec&) const = default;
};

std::string toString(InitScheme scheme);
InitScheme initSchemeFromString(const std::string& name);

}  // namespace nnplay
