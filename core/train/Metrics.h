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
    double macroPrecision = 0, macroRecall = 0, macroF1 = 0;
    /// confusion[t][p]: samples of true class t predicted as p.
    std::vector<std::vector<int>> confusion;
};

/// Scores of a regression.
struct RegressionMetrics {
    double mse = 0;
    /// 1 - SS_res / SS_tot over all targets; NaN when the targets are constant.
    double r2 = 0;
};

ClassificationMetrics classificationMetrics(const std::vector<int>& truth,
                                            const std::vector<int>& predicted, int classCount);
/// prediction and target: outputs x samples.
RegressionMetrics regressionMetrics(const ConstMatrixRef& prediction,
                                    const ConstMatrixRef& target);

}  // namespace nnplay
