// SPDX-License-Identifier: GPL-3.0-or-later
#include "train/ConvolutionStep.h"

namespace nnplay {

ConvolutionStep ConvolutionStep::at(const SessionViews::LayerTrace& trace, const Shape& inputShape,
                                    const std::vector<float>& input, int filter, int row, int col) {
    const SessionViews::LayerTrace::Kernel& k = trace.kernel;
    ConvolutionStep step;
    step.channels = inputShape.channels;
    step.kernel = k.size;
    step.top = row * k.stride - k.padTop;
    step.left = col * k.stride - k.padLeft;
    const int taps = step.channels * k.size * k.size;
    step.inputs.assign(static_cast<std::size_t>(taps), 0.0f);
    step.inside.assign(static_cast<std::size_t>(taps), false);
    step.weights.resize(static_cast<std::size_t>(taps));
    step.products.resize(static_cast<std::size_t>(taps));
    step.channelSums.assign(static_cast<std::size_t>(step.channels), 0.0f);
    for (int c = 0; c < step.channels; ++c) {
        for (int ki = 0; ki < k.size; ++ki) {
            for (int kj = 0; kj < k.size; ++kj) {
                const std::size_t tap = static_cast<std::size_t>((c * k.size + ki) * k.size + kj);
                const int y = step.top + ki, x = step.left + kj;
                const bool inside =
                    y >= 0 && y < inputShape.height && x >= 0 && x < inputShape.width;
                step.inside[tap] = inside;
                if (inside) {
                    step.inputs[tap] = input[static_cast<std::size_t>(
                        (c * inputShape.height + y) * inputShape.width + x)];
                }
                step.weights[tap] = k.weights(filter, static_cast<Eigen::Index>(tap));
                step.products[tap] = step.inputs[tap] * step.weights[tap];
                step.channelSums[static_cast<std::size_t>(c)] += step.products[tap];
            }
        }
    }
    step.bias = k.bias[static_cast<std::size_t>(filter)];
    step.total = step.bias;
    for (const float s : step.channelSums) step.total += s;
    return step;
}

}  // namespace nnplay
