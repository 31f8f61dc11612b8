// SPDX-License-Identifier: GPL-3.0-or-later
#include "train/TrainingSpec.h"

namespace nnplay {

std::string toString(InitScheme scheme) {
    switch (scheme) {
        case InitScheme::Auto:
            return "auto";
        case InitScheme::Playground:
            return "playground";
        case InitScheme::PyTorch:
            return "pytorch";
    }
    return {};
}

InitScheme initSchemeFromString(const std::string& name) {
    if (name == "auto") return InitScheme::Auto;
    if (name == "playground") return InitScheme::Playground;
    if (name == "pytorch") return InitScheme::PyTorch;
    throw InputError("unknown initialisation '" + name +
                     "' (expected auto, playground or pytorch)");
}

}  // namespace nnplay
