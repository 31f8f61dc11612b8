// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <vector>

#include "Shape.h"
#include "train/SessionViews.h"

namespace nnplay {

/// One value of a convolution's output map worked out term by term, to explain it: the input
/// under each tap of the kernel (0 in the padding), its products with the filter's weights, the
/// sum per input channel, the bias and the total, which is the value the layer gave.
struct ConvolutionStep {
    int channels = 0;
    int kernel = 0;
    /// Top-left input row and column under the kernel (negative in the padding).
    int top = 0;
    int left = 0;
    /// C*k*k, channel by channel, row by row.
    std::vector<float> inputs;
    std::vector<bool> inside;  ///< whether each tap lies in the image (else padding)
    std::vector<float> weights;
    std::vector<float> products;
    std::vector<float> channelSums;  ///< C
    float bias = 0.0f;
    float total = 0.0f;

    /// Filter `filter` of a traced convolution `trace` at output (row, col), reading `input`:
    /// the layer's input for the sample, of shape `inputShape` (C x H x W, channel-major).
    static ConvolutionStep at(const SessionViews::LayerTrace& trace, const Shape& inputShape,
                              const std::vector<float>& input, int filter, int row, int col);
};

}  // namespace nnplay
