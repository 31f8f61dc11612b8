// SPDX-License-Identifier: GPL-3.0-or-later
#include "optim/Optimizer.h"

#include <cmath>

#include "optim/AdamOptimizer.h"
#include "optim/RmsPropOptimizer.h"
#include "optim/SgdOptimizer.h"

namespace nnplay {

std::unique_ptr<Optimizer> makeOptimizer(const OptimizerSettings& settings) {
    if (!std::isfinite(settings.learningRate) || settings.learningRate <= 0.0f)
        throw InputError("the learning rate must be a positive number");
    if (settings.kind == "sgd") return std::make_unique<SgdOptimizer>(settings);
    if (settings.kind == "rmsprop") return std::make_unique<RmsPropOptimizer>(settings);
    if (settings.kind == "adam") return std::make_unique<AdamOptimizer>(settings);
    throw InputError("unknown optimizer '" + settings.kind + "' (expected sgd, rmsprop or adam)");
}

}  // namespace nnplay
