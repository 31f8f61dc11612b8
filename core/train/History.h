// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cmath>
#include <vector>

namespace nnplay {

/// Losses and accuracies after one epoch. Accuracies are NaN for regression; test values are
/// NaN when there is no test part.
struct EpochRecord {
    int epoch = 0;
    double trainLoss = NAN;
    double testLoss = NAN;
    double trainAccuracy = NAN;
    double testAccuracy = NAN;

    bool operator==(const EpochRecord&) const = default;
};

using History = std::vector<EpochRecord>;

}  // namespace nnplay
