// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <string>

namespace nnplay {

/// The shape of one sample: channels x height x width. Flat feature vectors are n x 1 x 1;
/// images keep their geometry so convolution layers can use it. Batches store samples
/// flattened (channels*height*width rows).
struct Shape {
    int channels = 1;
    int height = 1;
    int width = 1;

    static Shape flat(int n) { return {n, 1, 1}; }
    int size() const { return channels * height * width; }
    bool isFlat() const { return height == 1 && width == 1; }
    /// "4" for flat shapes, "1x8x8" for images.
    std::string toString() const;
    bool operator==(const Shape&) const = default;
};

}  // namespace nnplay
