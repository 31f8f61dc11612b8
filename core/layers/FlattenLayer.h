// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "NetworkSpec.h"
#include "layers/Layer.h"

namespace nnplay {

/// Turns an image (or a sequence) into a flat list of its values. A batch already holds each
/// sample flattened (C*H*W per column), so forward and backward hand their argument on as it
/// is; only the shape changes. A Dense layer flattens by itself; Flatten makes it visible.
class FlattenLayer : public Layer {
public:
    std::string type() const override { return "flatten"; }
    ConstMatrixRef forward(const ConstMatrixRef& input, Mode mode) override;
    ConstMatrixRef backward(const ConstMatrixRef& gradOutput) override;

    /// A flat vector of every value of the input.
    static Shape outputShape(const LayerSpec& spec, const Shape& input);
};

}  // namespace nnplay
