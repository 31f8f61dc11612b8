// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <vector>

#include "Types.h"
#include "data/GanTargets.h"

namespace nnplay {

/// How close a GAN's samples come to the real ones, for 2-D data. The divergences compare
/// histograms on a grid of kHistogramBins x kHistogramBins cells over the plot area
/// [-kPlaneExtent, kPlaneExtent]^2 (cells 0.5 wide: about two of the ring's standard deviations,
/// so a mode covers a few cells). A point outside the area counts in the nearest edge cell; a
/// point with a coordinate that is not a number (NaN, infinite) counts in no cell.
/// The histograms are plain shares of the samples, with no smoothing; Jensen-Shannon needs
/// none (it is at most ln 2), and KL floors the generated share at kKlFloor.
namespace GanMeasures {

inline constexpr int kHistogramBins = 24;
/// The smallest generated share KL divides by: a cell with real samples but no generated ones
/// adds p * ln(p / 1e-4) instead of infinity.
inline constexpr double kKlFloor = 1e-4;
/// A mode's samples lie within this many of its standard deviations.
inline constexpr float kModeRadius = 3.0f;
/// A mode is covered when it holds at least this share of a fair share (1/modes) of the
/// generated samples.
inline constexpr double kFairShareFraction = 0.25;

/// The share of the points (2 x n) in each cell of a bins x bins grid over
/// [-extent, extent]^2, row-major from the bottom-left cell (row = x2); the shares sum to less
/// than 1 when some points are not numbers. `shares` is resized only when its size changes; all
/// zero when there are no points.
void histogram(const ConstMatrixRef& points, float extent, int bins, std::vector<double>& shares);

/// Jensen-Shannon divergence of two distributions over the same cells, in nats (0..ln 2):
/// 1/2 KL(p || m) + 1/2 KL(q || m) with m = (p + q) / 2.
double jsDivergence(const std::vector<double>& p, const std::vector<double>& q);

/// KL(p || q) = sum p ln(p / max(q, floor)) over the cells where p > 0, in nats.
double klDivergence(const std::vector<double>& p, const std::vector<double>& q,
                    double floor = kKlFloor);

/// How many of `modes` are covered by the points (2 x n): each point belongs to its nearest
/// mode when it lies within kModeRadius standard deviations of it, and a mode is covered when
/// at least kFairShareFraction / modes.size() of all points belong to it. `counts` is scratch
/// (one per mode), resized only when the number of modes changes.
int modesCovered(const ConstMatrixRef& points, const std::vector<GanMode>& modes,
                 std::vector<int>& counts);

}  // namespace GanMeasures
}  // namespace nnplay
