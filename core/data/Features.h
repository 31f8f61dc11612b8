// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <string>
#include <vector>

#include "Types.h"

namespace nnplay {

/// Names of the derived features of 2-D points, in display order:
/// x1, x2, x1^2, x2^2, x1*x2, sin(x1), sin(x2).
const std::vector<std::string>& planeFeatureNames();

/// Throws InputError when the list is empty, names an unknown feature or repeats one.
void checkPlaneFeatures(const std::vector<std::string>& features);

/// Turns points (2 x n) into features (features.size() x n). Throws InputError for an
/// unknown feature name or an empty list. `out` is resized only when its size differs.
void derivePlaneFeatures(const ConstMatrixRef& points, const std::vector<std::string>& features,
                         Matrix& out);

}  // namespace nnplay
