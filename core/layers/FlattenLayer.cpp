// SPDX-License-Identifier: GPL-3.0-or-later
#include "layers/FlattenLayer.h"

namespace nnplay {

ConstMatrixRef FlattenLayer::forward(const ConstMatrixRef& input, Mode) { return input; }

ConstMatrixRef FlattenLayer::backward(const ConstMatrixRef& gradOutput) { return gradOutput; }

Shape FlattenLayer::outputShape(const LayerSpec&, const Shape& input) {
    return Shape::flat(input.size());
}

}  // namespace nnplay
