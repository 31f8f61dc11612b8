// SPDX-License-Identifier: GPL-3.0-or-later
#include "train/GanStepRecord.h"

#include <cmath>

namespace nnplay {

float GanStepRecord::verdict(float value) const {
    return logits ? 0.5f * (std::tanh(0.5f * value) + 1.0f) : value;
}

}  // namespace nnplay
