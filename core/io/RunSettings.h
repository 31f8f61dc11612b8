// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <string>
#include <vector>

#include "Project.h"

namespace nnplay::RunSettings {

/// The settings a run trains with: the project's JSON without title, weights, layer ids,
/// history, lesson, stored runs and data kept inside the file. Compact JSON text.
std::string of(const Project& project);

/// One setting two runs trained with differently.
struct Difference {
    std::string key;  ///< dotted path: "training.learning_rate", "network.layers[2].units"
    std::string first;   ///< its value in the first run, as JSON; "—" where it has none
    std::string second;  ///< likewise in the second
};

/// The settings in which `first` and `second` (texts of `of`) differ, in the order of the
/// first run's keys, then the second's. Networks of different lengths differ as a whole
/// ("network.layers": each layer's type and settings). Empty or invalid texts compare as {}.
std::vector<Difference> differences(const std::string& first, const std::string& second);

}  // namespace nnplay::RunSettings
