// SPDX-License-Identifier: GPL-3.0-or-later
#include "train/Smoothing.h"

#include <algorithm>
#include <cmath>

namespace nnplay {

std::vector<double> smoothCurve(const std::vector<double>& values, double weight) {
    std::vector<double> out = values;
    const bool constant = std::all_of(values.begin(), values.end(),
                                      [&](double v) { return v == values.front(); });
    if (constant || weight <= 0.0) return out;
    double average = 0.0;
    int count = 0;
    for (double& v : out) {
        if (!std::isfinite(v)) continue;
        average = average * weight + (1.0 - weight) * v;
        ++count;
        const double debias = weight < 1.0 ? 1.0 - std::pow(weight, count) : 1.0;
        v = average / debias;
    }
    return out;
}

}  // namespace nnplay
