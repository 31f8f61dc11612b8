// SPDX-License-Identifier: GPL-3.0-or-later
#include "Shape.h"

namespace nnplay {

std::string Shape::toString() const {
    std::string step = isFlat() ? std::to_string(channels)
                                : std::to_string(channels) + "x" + std::to_string(height) + "x" +
                                      std::to_string(width);
    if (!isSequence()) return step;
    return std::to_string(steps) + " steps x " + step;
}

}  // namespace nnplay
