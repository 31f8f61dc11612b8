// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <vector>

namespace nnplay {

/// A curve smoothed as TensorBoard does: an exponential moving average with weight `weight`
/// (0 leaves it as it is, 0.99 smooths hard) whose start is corrected for its bias towards
/// zero (each value is divided by 1 - weight^n after n finite values). Values that are not
/// finite stay as they are and do not enter the average; so does a constant curve.
std::vector<double> smoothCurve(const std::vector<double>& values, double weight);

}  // namespace nnplay
