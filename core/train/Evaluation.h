// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <optional>
#include <vector>

#include "data/Dataset.h"
#include "train/BinaryCurves.h"
#include "train/Metrics.h"

namespace nnplay {

class Predictor;

/// The scores of a trained model on labelled samples: what `nnplay-cli evaluate` prints.
struct Evaluation {
    int samples = 0;
    /// Classification: per-class and macro figures and the confusion matrix (for a sequence
    /// output one entry per sample and step).
    std::optional<ClassificationMetrics> classification;
    /// Two classes read at one output per sample: ROC and precision-recall curves of the
    /// probability of class 1, and per sample its truth (0 or 1) and that probability, from
    /// which the metrics at any threshold follow (classesAtThreshold).
    std::optional<BinaryCurves> curves;
    std::vector<int> truth;
    std::vector<double> scores;
    /// Regression: in the targets' own units (a standardised target is mapped back), and per
    /// sample the first target's predicted and true value (for one output per sample).
    std::optional<RegressionMetrics> regression;
    std::vector<float> predicted, actual;

    /// The classification metrics with class 1 called where its probability is at least
    /// `threshold`: the network's own (with any group figures) at 0.5 or without scores.
    ClassificationMetrics metricsAt(double threshold) const;
};

/// Scores `session` (one network or an ensemble) on `set` (inputs and targets as the network
/// reads them, as in a loaded split). `targetScale` is the standardisation of regression
/// targets to undo before measuring (inactive when there is none).
Evaluation evaluate(Predictor& session, const Dataset& set, const Standardizer& targetScale);

}  // namespace nnplay
