// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <string>

namespace nnplay {

/// The shape of one sample: `steps` time steps of channels x height x width. Flat feature
/// vectors are n x 1 x 1; images keep their geometry so convolution layers can use it. Batches
/// store samples flattened, one per column: C*H*W rows per step, step-major (step t is rows
/// [t*F, (t+1)*F) with F = stepSize()).
struct Shape {
    int channels = 1;
    int height = 1;
    int width = 1;
    int steps = 1;

    static Shape flat(int n) { return {n, 1, 1}; }
    /// `steps` steps of `features` flat values each.
    static Shape sequence(int steps, int features) { return {features, 1, 1, steps}; }
    /// Values of one time step (C*H*W).
    int stepSize() const { return channels * height * width; }
    /// Values of the whole sample (every step).
    int size() const { return stepSize() * steps; }
    /// Each step is a flat vector (height and width 1).
    bool isFlat() const { return height == 1 && width == 1; }
    bool isSequence() const { return steps > 1; }
    /// "4" for flat shapes, "1x8x8" for images; sequences add their steps: "10 steps x 4".
    std::string toString() const;
    bool operator==(const Shape&) const = default;
};

}  // namespace nnplay
