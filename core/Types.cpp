// SPDX-License-Identifier: GPL-3.0-or-later
#include "Types.h"

namespace nnplay {

std::string toString(Task task) {
    switch (task) {
        case Task::Classification:
            return "classification";
        case Task::Regression:
            return "regression";
        case Task::Gan:
            return "gan";
    }
    return "classification";
}

Task taskFromString(const std::string& name) {
    if (name == "classification") return Task::Classification;
    if (name == "regression") return Task::Regression;
    if (name == "gan") return Task::Gan;
    throw InputError("unknown task '" + name +
                     "' (expected \"classification\", \"regression\" or \"gan\")");
}

}  // namespace nnplay
