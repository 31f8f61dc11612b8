// SPDX-License-Identifier: GPL-3.0-or-later
#include "train/Metrics.h"

#include <algorithm>
#include <cmath>

namespace nnplay {

ClassificationMetrics classificationMetrics(const std::vector<int>& truth,
                                            const std::vector<int>& predicted, int classCount) {
    ClassificationMetrics m;
    const std::size_t k = static_cast<std::size_t>(classCount);
    m.confusion.assign(k, std::vector<int>(k, 0));
    std::size_t correct = 0;
    for (std::size_t i = 0; i < truth.size(); ++i) {
        ++m.confusion[truth[i]][predicted[i]];
        correct += truth[i] == predicted[i];
    }
    m.accuracy = truth.empty() ? NAN : static_cast<double>(correct) / truth.size();
    m.precision.assign(k, 0.0);
    m.recall.assign(k, 0.0);
    m.f1.assign(k, 0.0);
    m.support.assign(k, 0);
    for (std::size_t c = 0; c < k; ++c) {
        long long tp = m.confusion[c][c], predictedC = 0, actualC = 0;
        for (std::size_t o = 0; o < k; ++o) {
            predictedC += m.confusion[o][c];
            actualC += m.confusion[c][o];
        }
        m.support[c] = static_cast<int>(actualC);
        m.precision[c] = predictedC ? static_cast<double>(tp) / predictedC : 0.0;
        m.recall[c] = actualC ? static_cast<double>(tp) / actualC : 0.0;
        const double sum = m.precision[c] + m.recall[c];
        m.f1[c] = sum > 0 ? 2 * m.precision[c] * m.recall[c] / sum : 0.0;
        m.macroPrecision += m.precision[c] / k;
        m.macroRecall += m.recall[c] / k;
        m.macroF1 += m.f1[c] / k;
    }
    return m;
}

double ClassificationMetrics::headlinePrecision() const {
    return precision.size() == 2 ? precision[1] : macroPrecision;
}

double ClassificationMetrics::headlineRecall() const {
    return recall.size() == 2 ? recall[1] : macroRecall;
}

double ClassificationMetrics::headlineF1() const { return f1.size() == 2 ? f1[1] : macroF1; }

std::vector<double> groupAccuracies(const std::vector<int>& truth,
                                    const std::vector<int>& predicted,
                                    const std::vector<int>& groups, int groupCount) {
    const auto k = static_cast<std::size_t>(std::max(0, groupCount));
    std::vector<int> right(k, 0), total(k, 0);
    for (std::size_t i = 0; i < groups.size() && i < truth.size() && i < predicted.size(); ++i) {
        const auto g = static_cast<std::size_t>(groups[i]);
        if (g >= k) continue;
        ++total[g];
        right[g] += truth[i] == predicted[i];
    }
    std::vector<double> accuracy(k, NAN);
    for (std::size_t g = 0; g < k; ++g)
        if (total[g] > 0) accuracy[g] = static_cast<double>(right[g]) / total[g];
    return accuracy;
}

double groupGap(const std::vector<double>& accuracies) {
    double best = -INFINITY, worst = INFINITY;
    int measured = 0;
    for (double a : accuracies) {
        if (std::isnan(a)) continue;
        best = std::max(best, a);
        worst = std::min(worst, a);
        ++measured;
    }
    return measured >= 2 ? best - worst : NAN;
}

RegressionMetrics regressionMetrics(const ConstMatrixRef& prediction,
                                    const ConstMatrixRef& target) {
    RegressionMetrics m;
    if (target.size() == 0) return {NAN, NAN, NAN};
    const double ssRes = (prediction - target).cast<double>().squaredNorm();
    m.mse = ssRes / target.size();
    m.mae = (prediction - target).cast<double>().cwiseAbs().sum() / target.size();
    double ssTot = 0.0;
    for (Eigen::Index r = 0; r < target.rows(); ++r) {
        const double mean = target.row(r).cast<double>().mean();
        ssTot += (target.row(r).cast<double>().array() - mean).square().sum();
    }
    m.r2 = ssTot > 0 ? 1.0 - ssRes / ssTot : NAN;
    return m;
}

}  // namespace nnplay
