// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <vector>

namespace nnplay {

/// The curves of a two-class classifier as its decision threshold moves, computed as
/// scikit-learn's roc_curve (with drop_intermediate=False), roc_auc_score and
/// precision_recall_curve do. A sample is called positive when its score is at least the
/// threshold; tied scores move together, so a tie of positives and negatives is a diagonal
/// step of the ROC curve (half credit in the AUC).
struct BinaryCurves {
    /// ROC points from (0, 0) to (1, 1), one per distinct score in falling order after a
    /// first point at threshold +infinity: false and true positive rates, and the threshold.
    std::vector<double> falsePositiveRate, truePositiveRate, rocThresholds;
    /// Area under the ROC curve by the trapezoidal rule; NaN when the truth holds only one
    /// class (scikit-learn raises an error there).
    double rocAuc = 0;
    /// Precision-recall points, one per distinct score in rising order, then (precision 1,
    /// recall 0) without a threshold: prThresholds has one fewer entry. Precision is 0 where
    /// nothing is called positive; recall is 1 throughout when the truth has no positive.
    std::vector<double> precision, recall, prThresholds;

    /// truth[i] is 0 or 1 (1 the positive class), scores[i] the positive class's score
    /// (probability) of sample i; both of one length.
    static BinaryCurves of(const std::vector<int>& truth, const std::vector<double>& scores);
};

/// Class 1 where the score is at least `threshold`, else class 0: the predictions whose
/// classificationMetrics() are the metrics at that decision threshold.
std::vector<int> classesAtThreshold(const std::vector<double>& scores, double threshold);

}  // namespace nnplay
