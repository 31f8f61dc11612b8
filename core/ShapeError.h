// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <string>

#include "Types.h"

namespace nnplay {

/// A layer's input shape does not fit it. Thrown by a kind's shape arithmetic, which knows
/// what it needs but not who feeds it: inferShapes turns it into "Conv2D (layer 3) needs an
/// image (channels x height x width) but Dense gives 128: <advice>".
class ShapeError : public InputError {
public:
    /// need: what the layer needs ("an image (channels x height x width)"); advice: what the
    /// learner can do about it, may be empty.
    ShapeError(std::string need, std::string advice)
        : InputError("needs " + need + (advice.empty() ? "" : ": " + advice)),
          m_need(std::move(need)),
          m_advice(std::move(advice)) {}

    const std::string& need() const { return m_need; }
    const std::string& advice() const { return m_advice; }

private:
    std::string m_need, m_advice;
};

}  // namespace nnplay
