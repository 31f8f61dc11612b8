// SPDX-License-Identifier: GPL-3.0-or-later
#include "train/GanMeasures.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace nnplay::GanMeasures {

void histogram(const ConstMatrixRef& points, float extent, int bins, std::vector<double>& shares) {
    const auto cells = static_cast<std::size_t>(bins) * static_cast<std::size_t>(bins);
    if (shares.size() != cells) shares.resize(cells);
    std::fill(shares.begin(), shares.end(), 0.0);
    const Eigen::Index n = points.cols();
    if (n == 0) return;
    const float perCell = static_cast<float>(bins) / (2.0f * extent);
    // Clamped while still a float: a value far outside the area does not fit in an int.
    const auto lastCell = static_cast<float>(bins - 1);
    auto cell = [&](float v) {
        return static_cast<int>(std::clamp(std::floor((v + extent) * perCell), 0.0f, lastCell));
    };
    const double weight = 1.0 / static_cast<double>(n);
    for (Eigen::Index i = 0; i < n; ++i) {
        const float x = points(0, i), y = points(1, i);
        if (!std::isfinite(x) || !std::isfinite(y)) continue;
        const auto index = static_cast<std::size_t>(cell(y) * bins + cell(x));
        shares[index] += weight;
    }
}

double klDivergence(const std::vector<double>& p, const std::vector<double>& q, double floor) {
    double sum = 0.0;
    for (std::size_t i = 0; i < p.size(); ++i)
        if (p[i] > 0.0) sum += p[i] * std::log(p[i] / std::max(q[i], floor));
    return sum;
}

double jsDivergence(const std::vector<double>& p, const std::vector<double>& q) {
    double sum = 0.0;
    for (std::size_t i = 0; i < p.size(); ++i) {
        const double m = 0.5 * (p[i] + q[i]);
        if (p[i] > 0.0) sum += 0.5 * p[i] * std::log(p[i] / m);
        if (q[i] > 0.0) sum += 0.5 * q[i] * std::log(q[i] / m);
    }
    return std::max(sum, 0.0);
}

int modesCovered(const ConstMatrixRef& points, const std::vector<GanMode>& modes,
                 std::vector<int>& counts) {
    if (counts.size() != modes.size()) counts.resize(modes.size());
    std::fill(counts.begin(), counts.end(), 0);
    if (modes.empty()) return 0;
    for (Eigen::Index i = 0; i < points.cols(); ++i) {
        float best = std::numeric_limits<float>::infinity();
        std::size_t nearest = 0;
        for (std::size_t k = 0; k < modes.size(); ++k) {
            const float dx = points(0, i) - modes[k].x;
            const float dy = points(1, i) - modes[k].y;
            const float d = dx * dx + dy * dy;
            if (d < best) {
                best = d;
                nearest = k;
            }
        }
        const float radius = kModeRadius * modes[nearest].sigma;
        if (best <= radius * radius) ++counts[nearest];
    }
    const double needed =
        kFairShareFraction * static_cast<double>(points.cols()) / static_cast<double>(modes.size());
    return static_cast<int>(std::count_if(counts.begin(), counts.end(), [&](int c) {
        return c > 0 && static_cast<double>(c) >= needed;
    }));
}

}  // namespace nnplay::GanMeasures
