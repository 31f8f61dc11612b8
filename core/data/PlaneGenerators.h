// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "data/Dataset.h"

namespace nnplay {

/// Half the side of the plane the 2-D generators draw in: samples, decision-boundary grids and
/// feature pictures cover [-kPlaneExtent, kPlaneExtent]^2.
inline constexpr float kPlaneExtent = 6.0f;

/// True for the 2-D generator sources: circle, xor, gaussian, spiral, moons, groups, plane,
/// multigauss.
bool isPlaneSource(const std::string& source);
/// True for the two-class 2-D generators whose class balance can be set (DataSpec::positiveShare):
/// circle, xor, gaussian, spiral, moons.
bool isBinaryPlaneSource(const std::string& source);

/// How many of `samples` are of class 1 for a positive share in (0, 1): rounded, and at least
/// one sample of each class when samples >= 2.
int positiveSampleCount(int samples, double positiveShare);

/// How a generator balances its samples; an empty field keeps the generator's own balance.
struct PlaneBalance {
    /// isBinaryPlaneSource() generators: exactly this many class-1 samples (0..samples).
    std::optional<int> positives;
    /// "groups": exactly this many samples of group B (0..samples); the rest are group A.
    std::optional<int> groupB;
};

/// Draws the raw samples of a 2-D generator with TensorFlow Playground's definitions (moons:
/// scikit-learn's make_moons scaled into the same plane; "groups": two groups of people, A on
/// the left half and B on the right, each with its own straight boundary). Fills `points`
/// (2 x samples, inside the plane of kPlaneExtent) and either `labels` (class 0 = Playground's
/// -1, class 1 = +1) or `targets` (1 x samples, in [-1, 1]); "groups" also fills `groups` (all
/// of group A first, then group B; half each unless `balance` says). `inputs` stays empty until
/// features are derived. noise is 0..0.5. The same arguments give the same samples on every
/// platform; without a balance, the samples every earlier version drew. Throws InputError for
/// a source that is not a 2-D generator or a count out of range.
Dataset generatePlaneData(const std::string& source, int samples, double noise, std::uint32_t seed,
                          const PlaneBalance& balance = {});

/// A size x size grid of (x1, x2) points over [-halfSide, halfSide]^2 (2 x size^2), row-major
/// from the bottom-left corner (row = x2, column = x1); cell centres sit on both edges, as a
/// heat map expects. Throws InputError for a size below 1.
void fillGridPoints(int size, float halfSide, Matrix& points);

/// The names of the groups of the "groups" source, in group index order.
const std::vector<std::string>& planeGroupNames();

}  // namespace nnplay
