// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <string>
#include <vector>

#include "data/DataSpec.h"
#include "data/Dataset.h"

namespace nnplay {

/// What was learned from the training data besides the weights, stored with them (the
/// "preprocessing" section of a project file) so a trained project predicts the same answers
/// when its training CSV has changed or is gone: the input columns a prediction file needs,
/// the class names, and the standardisation of inputs and (regression) targets.
struct Preprocessing {
    /// The raw columns a prediction reads, in order ("x1", "x2" for the plane generators).
    std::vector<std::string> inputColumns;
    /// Classification: one name per class, in output order.
    std::vector<std::string> classNames;
    /// Input standardisation (inactive when the inputs are used as they are).
    Standardizer inputs;
    /// Regression with standardize_target: the targets' mean and scale (inactive otherwise).
    Standardizer target;

    bool empty() const { return inputColumns.empty(); }
    bool operator==(const Preprocessing&) const = default;

    /// What a loaded split learned from its training part.
    static Preprocessing of(const DataSplit& split);

    /// A split that describes CSV data through this preprocessing alone, with one all-zero
    /// sample in each part: enough to build a session that only predicts.
    DataSplit splitForPrediction(Task task) const;

    /// The columns a prediction file holds for samples of shape `input`: inputColumns, or for
    /// a sequence whose steps each hold inputColumns, every step's ("value[1]" .. "value[20]",
    /// step-major as the network reads them).
    std::vector<std::string> columnsFor(const Shape& input) const;
    /// Network inputs (features x n) from raw rows (inputColumns x n): the plane's derived
    /// features when `spec` is a generator, then the input standardisation.
    Matrix networkInputs(const Matrix& raw, const DataSpec& spec) const;
    /// Maps regression outputs (targets x n) back to the targets' original units, in place.
    void restoreTargets(Matrix& outputs) const;
};

}  // namespace nnplay
