// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <algorithm>
#include <cmath>
#include <functional>

#include "Types.h"

namespace nnplay::test {

/// Largest relative error |a - n| / max(|a|, |n|) between an analytic gradient and central
/// differences of `f` with respect to every entry of `x` (which is restored). Entries where
/// both are tiny (< floor) are compared absolutely instead.
inline double maxRelativeError(Matrix& x, const Matrix& analytic, const std::function<double()>& f,
                               double h = 1e-2, double floor = 1e-4) {
    double worst = 0.0;
    for (Eigen::Index i = 0; i < x.size(); ++i) {
        const float saved = x.data()[i];
        x.data()[i] = saved + static_cast<float>(h);
        const double up = f();
        x.data()[i] = saved - static_cast<float>(h);
        const double down = f();
        x.data()[i] = saved;
        const double numeric = (up - down) / (2 * h);
        const double a = analytic.data()[i];
        const double scale = std::max({std::abs(a), std::abs(numeric), floor});
        worst = std::max(worst, std::abs(a - numeric) / scale);
    }
    return worst;
}

}  // namespace nnplay::test
