// SPDX-License-Identifier: GPL-3.0-or-later
#include "Types.h"

namespace nnplay {

std::string toString(Task task) {
    return task == Task::Classification ? "classification" : "regression";
}

Task taskFromString(const std::string& name) {
    if (name == "classification") return Task::Classification;
    if (name == "regression") return Task::Regression;
    throw InputError("unknown task '" + name + "' (expected \"classification\" or \"regression\")");
}

}  // namespace nnplay
