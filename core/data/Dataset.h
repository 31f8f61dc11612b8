// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <array>
#include <optional>
#include <string>
#include <vector>

#include "Shape.h"
#include "Types.h"

namespace nnplay {

/// A set of samples ready for training: inputs after feature derivation and standardisation.
struct Dataset {
    /// features x samples.
    Matrix inputs;
    /// Classification: the class index of each sample (0..classCount-1).
    std::vector<int> labels;
    /// Regression: targets x samples. Empty for classification (targets are encoded from
    /// labels by the training session, to fit the network's output).
    Matrix targets;
    /// For 2-D sources: the raw (x1, x2) coordinates, 2 x samples, for plotting. Empty otherwise.
    Matrix points;
    /// Data of groups of people (DataInfo::groupNames): the group index of each sample. Not an
    /// input of the network; it says whom a sample stands for, so accuracy can be measured per
    /// group. Empty for data without groups.
    std::vector<int> groups;
    /// Sequence sources: what each time step of a sample predicts, read instead of labels and
    /// targets when the network's output is a sequence (return_sequences). Classification (the
    /// character after each step of a text window): steps x samples class indices. Regression
    /// (the value after each step of a series): steps*targets x samples, step-major like a
    /// sequence output. Empty for other sources.
    Eigen::MatrixXi stepLabels;
    Matrix stepTargets;

    int sampleCount() const { return static_cast<int>(inputs.cols()); }
};

/// Everything a session needs to know about the data besides the samples.
struct DataInfo {
    Task task = Task::Classification;
    /// Shape of one input sample (after feature derivation).
    Shape inputShape;
    /// Names of the input features ("x1", "sin(x2)", CSV column names, "pixel 3,4").
    std::vector<std::string> featureNames;
    /// Classification: one name per class ("-1"/"+1" style for generators, CSV strings).
    std::vector<std::string> classNames;
    /// Data whose samples belong to groups of people (Dataset::groups): one name per group
    /// ("A", "B"); empty otherwise.
    std::vector<std::string> groupNames;
    /// Regression: number of target values per sample.
    int targetCount = 1;
    /// Regression: the range every target lies in (the 2-D generators' [-1, 1], a CSV label
    /// column's smallest and largest value); empty when not known (standardised targets).
    std::optional<std::array<float, 2>> targetRange;
    /// True for the 2-D generators: samples live in the plane of kPlaneExtent (PlaneGenerators.h)
    /// and can be drawn as
    /// points and a decision boundary.
    bool isPlane = false;
    /// For image data (digits): shape of the picture to draw a sample, else empty.
    Shape imageShape{0, 0, 0};

    int classCount() const { return static_cast<int>(classNames.size()); }
    int groupCount() const { return static_cast<int>(groupNames.size()); }
};

/// Per-feature standardisation (x - mean) / scale, fitted on the training part only (not on
/// the validation part).
struct Standardizer {
    Vector mean;   ///< one entry per input feature; empty when not used
    Vector scale;  ///< standard deviation, 1 where a feature is constant

    bool active() const { return mean.size() > 0; }
    /// Fits mean and scale on inputs (features x samples).
    void fit(const Matrix& inputs);
    /// Applies in place; no-op when not active.
    void apply(Matrix& inputs) const;
    /// Undoes apply() in place (values back in their own units); no-op when not active.
    void restore(Matrix& values) const;
    bool operator==(const Standardizer& other) const;
};

/// A train/validation/test split with what describes it and what was learned from its training
/// part. The validation part is empty when the data spec asks for none.
struct DataSplit {
    DataInfo info;
    Dataset train;
    Dataset validation;
    Dataset test;
    Standardizer standardizer;
    /// Regression with standardize_target: the targets' standardisation (inactive otherwise).
    Standardizer targetStandardizer;
};

}  // namespace nnplay
