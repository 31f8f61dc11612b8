// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cmath>
#include <vector>

namespace nnplay {

/// Losses and accuracies after one epoch. Accuracies are NaN for regression; test values are
/// NaN when there is no test part. Floats, like the engine, so a saved history reads back
/// exactly.
struct EpochRecord {
    int epoch = 0;
    float trainLoss = NAN;
    float testLoss = NAN;
    float trainAccuracy = NAN;
    float testAccuracy = NAN;

    bool operator==(const EpochRecord&) const = default;
};

using History = std::vector<EpochRecord>;

}  // namespace nnplay
