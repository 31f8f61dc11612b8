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
/// targets, points, groups) that `all` has.
Dataset selectSamples(const Dataset& all, const std::vector<int>& indices);

/// Shuffles `all` with `seed` and cuts it into a training and a test part
/// (trainSampleCount() samples for training). Deterministic for a given seed. Works before
/// features are derived too (only points and labels or targets filled).
void splitTrainTest(const Dataset& all, double trainFraction, std::uint32_t seed, Dataset& train,
                    Dataset& test);

/// Cuts data of groups (Dataset::groups) so that exactly trainPerGroup[g] samples of group g
/// go to training and the rest to the test part: which ones is drawn with `seed`, and both
/// parts come out shuffled. Deterministic for a given seed. Throws InputError when a group has
/// fewer samples than it should give to training.
void splitTrainTestByGroup(const Dataset& all, const std::vector<int>& trainPerGroup,
                           std::uint32_t seed, Dataset& train, Dataset& test);

}  // namespace nnplay
