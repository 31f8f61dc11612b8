// SPDX-License-Identifier: GPL-3.0-or-later
#include "data/TrainTestSplit.h"

#include <algorithm>
#include <cmath>
#include <numeric>

#include "Random.h"

namespace nnplay {

namespace {

/// Copies the columns at `indices` of `from` (empty stays empty).
template <typename M>
M selectColumns(const M& from, const std::vector<int>& indices) {
    if (from.size() == 0) return M();
    M to(from.rows(), static_cast<Eigen::Index>(indices.size()));
    for (std::size_t i = 0; i < indices.size(); ++i) {
        to.col(static_cast<Eigen::Index>(i)) = from.col(indices[i]);
    }
    return to;
}

}  // namespace

int trainSampleCount(int samples, double trainFraction) {
    if (samples < 2) return samples;
    const int count = static_cast<int>(std::lround(samples * trainFraction));
    return std::clamp(count, 1, samples - 1);
}

Dataset selectSamples(const Dataset& all, const std::vector<int>& indices) {
    Dataset part;
    part.inputs = selectColumns(all.inputs, indices);
    part.targets = selectColumns(all.targets, indices);
    part.points = selectColumns(all.points, indices);
    part.stepLabels = selectColumns(all.stepLabels, indices);
    part.stepTargets = selectColumns(all.stepTargets, indices);
    if (!all.labels.empty()) {
        part.labels.reserve(indices.size());
        for (int i : indices) part.labels.push_back(all.labels[static_cast<std::size_t>(i)]);
    }
    if (!all.groups.empty()) {
        part.groups.reserve(indices.size());
        for (int i : indices) part.groups.push_back(all.groups[static_cast<std::size_t>(i)]);
    }
    return part;
}

void splitTrainTest(const Dataset& all, double trainFraction, std::uint32_t seed, Dataset& train,
                    Dataset& test) {
    const int samples =
        static_cast<int>(std::max({all.inputs.cols(), all.points.cols(), all.targets.cols(),
                                   static_cast<Eigen::Index>(all.labels.size())}));
    std::vector<int> order(static_cast<std::size_t>(samples));
    std::iota(order.begin(), order.end(), 0);
    Random rng(seed);
    rng.shuffle(order);
    const auto cut = order.begin() + trainSampleCount(samples, trainFraction);
    train = selectSamples(all, std::vector<int>(order.begin(), cut));
    test = selectSamples(all, std::vector<int>(cut, order.end()));
}

void splitTrainTestByGroup(const Dataset& all, const std::vector<int>& trainPerGroup,
                           std::uint32_t seed, Dataset& train, Dataset& test) {
    std::vector<std::vector<int>> members(trainPerGroup.size());
    for (std::size_t i = 0; i < all.groups.size(); ++i) {
        const auto g = static_cast<std::size_t>(all.groups[i]);
        if (g < members.size()) members[g].push_back(static_cast<int>(i));
    }
    Random rng(seed);
    std::vector<int> trainIndices, testIndices;
    for (std::size_t g = 0; g < members.size(); ++g) {
        std::vector<int>& m = members[g];
        const auto wanted = static_cast<std::size_t>(std::max(0, trainPerGroup[g]));
        if (wanted > m.size())
            throw InputError("group " + std::to_string(g + 1) + " has " + std::to_string(m.size()) +
                             " samples, fewer than the " + std::to_string(wanted) +
                             " its training part needs");
        rng.shuffle(m);
        trainIndices.insert(trainIndices.end(), m.begin(), m.begin() + wanted);
        testIndices.insert(testIndices.end(), m.begin() + wanted, m.end());
    }
    rng.shuffle(trainIndices);
    rng.shuffle(testIndices);
    train = selectSamples(all, trainIndices);
    test = selectSamples(all, testIndices);
}

}  // namespace nnplay
