// SPDX-License-Identifier: GPL-3.0-or-later
#include "train/RunRecord.h"

#include <algorithm>

namespace nnplay {

std::string uniqueRunName(const std::vector<RunRecord>& runs, const std::string& name) {
    auto taken = [&](const std::string& candidate) {
        return std::any_of(runs.begin(), runs.end(),
                           [&](const RunRecord& run) { return run.name == candidate; });
    };
    std::string out = name;
    for (int n = 2; taken(out); ++n) out = name + " (" + std::to_string(n) + ")";
    return out;
}

}  // namespace nnplay
