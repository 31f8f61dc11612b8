// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <vector>

#include "Types.h"

namespace nnplay {

/// Scores of a classifier against the true labels.
struct ClassificationMetrics {
    double accuracy = 0;
    /// Per class; a class never predicted has precision 0, one never present recall 0.
    std::vector<double> precision, recall, f1;
    /// Per class: how many samples truly are of it.
    std::vector<int> support;
    double macroPrecision = 0, macroRecall = 0, macroF1 = 0;
    /// confusion[t][p]: samples of true class t predicted as p.
    std::vector<std::vector<int>> confusion;
    /// Data of groups of people (Dataset::groups): the accuracy within each group (NaN for a
    /// group without samples); empty for other data. groupAccuracies() fills it.
    std::vector<double> groupAccuracy;

    /// The figures a learner reads as "precision", "recall" and "F1": of the positive class
    /// (class 1) for two classes, the macro averages for more.
    double headlinePrecision() const;
    double headlineRecall() const;
    double headlineF1() const;
};

/// Scores of a regression.
struct RegressionMetrics {
    double mse = 0;
    /// Mean absolute error over all targets and samples.
    double mae = 0;
    /// 1 - SS_res / SS_tot over all targets; NaN when the targets are constant.
    double r2 = 0;
};

ClassificationMetrics classificationMetrics(const std::vector<int>& truth,
                                            const std::vector<int>& predicted, int classCount);
/// The share of right answers within each group (groups[i] in 0..groupCount-1 is the group of
/// sample i); NaN for a group without samples.
std::vector<double> groupAccuracies(const std::vector<int>& truth,
                                    const std::vector<int>& predicted,
                                    const std::vector<int>& groups, int groupCount);
/// The best group's accuracy minus the worst's (NaN values left out); NaN for fewer than two
/// measured groups.
double groupGap(const std::vector<double>& accuracies);
/// prediction and target: outputs x samples.
RegressionMetrics regressionMetrics(const ConstMatrixRef& prediction, const ConstMatrixRef& target);

}  // namespace nnplay
