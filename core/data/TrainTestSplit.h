// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <vector>

#include "data/Dataset.h"

namespace nnplay {

/// How many of `samples` go to training for a fraction in (0, 1): rounded, and at least one
/// sample in each part when samples >= 2.
int trainSampleCount(int samples, double trainFraction);

/// The samples at `indices`, in that order, with every per-sample part (inputs, labels,
/// targets, points) that `all` has.
Dataset selectSamples(const Dataset& all, const std::vector<int>& indices);

/// Shuffles `all` with `seed` and cuts it into a training and a test part
/// (trainSampleCount() samples for training). Deterministic for a given seed. Works before
/// features are derived too (only points and labels or targets filled).
void splitTrainTest(const Dataset& all, double trainFraction, std::uint32_t seed, Dataset& train,
                    Dataset& test);

}  // namespace nnplay
