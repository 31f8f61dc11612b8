// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <string>
#include <vector>

#include "Types.h"
#include "data/Dataset.h"
#include "layers/OutputKind.h"
#include "train/SessionViews.h"

namespace nnplay::ui {

/// What the views show of the data of one session: built once by the worker when it builds a
/// session and shared read-only by every snapshot of that session (never modified after).
struct DataPreview {
    /// How many test samples the sample views show at most.
    static constexpr int kSampleCount = nnplay::SessionViews::kSampleCount;

    nnplay::DataInfo info;
    /// The range of the network's outputs: with the number of outputs, an OutputReading tells
    /// the views the classes and probabilities they stand for.
    nnplay::OutputKind outputKind = nnplay::OutputKind::Unbounded;
    /// 2-D data only: raw (x1, x2) coordinates, 2 x samples, of the training and test parts.
    nnplay::Matrix trainPoints, testPoints;
    /// Classification: class index per sample.
    std::vector<int> trainLabels, testLabels;
    /// Data of groups of people: the group index per sample (info.groupNames); else empty.
    std::vector<int> trainGroups, testGroups;
    /// Regression: targets x samples.
    nnplay::Matrix trainTargets, testTargets;

    /// The first kSampleCount test samples as the user knows them (standardisation undone):
    /// features x n. For images, one picture per column (imageShape, row by row).
    nnplay::Matrix sampleInputs;
    /// Classification: their true classes; regression: their targets (targets x n).
    std::vector<int> sampleLabels;
    nnplay::Matrix sampleTargets;

    /// Image data only: the first kAugmentedCount training samples' inputs (one picture per
    /// column), which the augmentation preview shows changed as a batch would change them.
    static constexpr int kAugmentedCount = 4;
    nnplay::Matrix trainSampleInputs;

    int sampleCount() const { return static_cast<int>(sampleInputs.cols()); }
};

}  // namespace nnplay::ui
