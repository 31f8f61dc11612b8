// SPDX-License-Identifier: GPL-3.0-or-later
#include "train/BinaryCurves.h"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace nnplay {

BinaryCurves BinaryCurves::of(const std::vector<int>& truth, const std::vector<double>& scores) {
    BinaryCurves c;
    const std::size_t n = std::min(truth.size(), scores.size());
    std::vector<std::size_t> order(n);
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t a, std::size_t b) { return scores[a] > scores[b]; });
    // Positives and negatives called positive at each distinct score, falling.
    std::vector<double> tps, fps, thresholds;
    double tp = 0, fp = 0;
    for (std::size_t i = 0; i < n; ++i) {
        const std::size_t s = order[i];
        (truth[s] == 1 ? tp : fp) += 1;
        if (i + 1 == n || scores[order[i + 1]] != scores[s]) {
            tps.push_back(tp);
            fps.push_back(fp);
            thresholds.push_back(scores[s]);
        }
    }
    c.falsePositiveRate.push_back(0);
    c.truePositiveRate.push_back(0);
    c.rocThresholds.push_back(INFINITY);
    for (std::size_t k = 0; k < tps.size(); ++k) {
        c.falsePositiveRate.push_back(fp > 0 ? fps[k] / fp : NAN);
        c.truePositiveRate.push_back(tp > 0 ? tps[k] / tp : NAN);
        c.rocThresholds.push_back(thresholds[k]);
    }
    if (tp > 0 && fp > 0) {
        for (std::size_t k = 1; k < c.falsePositiveRate.size(); ++k)
            c.rocAuc += (c.falsePositiveRate[k] - c.falsePositiveRate[k - 1]) *
                        (c.truePositiveRate[k] + c.truePositiveRate[k - 1]) / 2;
    } else {
        c.rocAuc = NAN;
    }
    for (std::size_t k = tps.size(); k-- > 0;) {
        const double called = tps[k] + fps[k];
        c.precision.push_back(called > 0 ? tps[k] / called : 0.0);
        c.recall.push_back(tp > 0 ? tps[k] / tp : 1.0);
        c.prThresholds.push_back(thresholds[k]);
    }
    c.precision.push_back(1.0);
    c.recall.push_back(0.0);
    return c;
}

std::vector<int> classesAtThreshold(const std::vector<double>& scores, double threshold) {
    std::vector<int> classes(scores.size());
    for (std::size_t i = 0; i < scores.size(); ++i) classes[i] = scores[i] >= threshold ? 1 : 0;
    return classes;
}

}  // namespace nnplay
