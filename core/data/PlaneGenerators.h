// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <string>

#include "data/Dataset.h"

namespace nnplay {

/// Half the side of the plane the 2-D generators draw in: [-kPlaneExtent, kPlaneExtent]^2.
inline constexpr float kPlaneExtent = 6.0f;

/// True for the 2-D generator sources: circle, xor, gaussian, spiral, moons, plane, multigauss.
bool isPlaneSource(const std::string& source);

/// Draws the raw samples of a 2-D generator with TensorFlow Playground's definitions (moons:
/// scikit-learn's make_moons scaled into the same plane). Fills `points` (2 x samples, inside
/// [-6, 6]^2) and either `labels` (class 0 = Playground's -1, class 1 = +1) or `targets`
/// (1 x samples, in [-1, 1]); `inputs` stays empty until features are derived. noise is 0..0.5.
/// The same arguments give the same samples on every platform. Throws InputError for a source
/// that is not a 2-D generator.
Dataset generatePlaneData(const std::string& source, int samples, double noise, std::uint32_t seed);

}  // namespace nnplay
