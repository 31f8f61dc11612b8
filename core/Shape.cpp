// SPDX-License-Identifier: GPL-3.0-or-later
#include "Shape.h"

namespace nnplay {

std::string Shape::toString() const {
    if (isFlat()) return std::to_string(channels);
    return std::to_string(channels) + "x" + std::to_string(height) + "x" + std::to_string(width);
}

}  // namespace nnplay
