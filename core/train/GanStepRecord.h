// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <vector>

#include "Types.h"

namespace nnplay {

/// One GAN step recorded part by part (GanSession::stepRecorded), for showing it in slow
/// motion: the last discriminator update of the step, then its last generator update. Samples
/// are one per column in data space; "values" are the discriminator's as GanObjective reads
/// them (its logit, or its output for least squares: see `logits`). Per-layer entries are by
/// the network spec's layer index, 0 for layers without trained parameters.
struct GanStepRecord {
    /// GanSession::steps() after the recorded step; 0: nothing recorded.
    long long step = 0;
    /// Whether the values are logits (D(x) is their sigmoid) or D(x) itself.
    bool logits = true;

    // The discriminator's update; empty when the step mode trains only the generator.
    bool trainedDiscriminator = false;
    /// The batch's real samples and the noise that made its fakes (noise.dim x batch).
    Matrix real;
    Matrix dNoise;
    /// G(dNoise) with the generator as it was, the fakes D learns to reject.
    Matrix dFake;
    /// D's values on `real` then `dFake` (1 x 2 batch), before the update.
    Matrix dValues;
    float dLoss = 0.0f;
    /// Per layer, the L2 norm of dLoss_D/dParameters (all of the layer's trained tensors).
    std::vector<float> dGradientNorms;
    /// 2-D data: D(x) over the plane (SessionViews::boundary's grid) before and after the
    /// update; gridSize 0 for image data.
    int gridSize = 0;
    std::vector<float> dGridBefore;
    std::vector<float> dGridAfter;

    // The generator's update; empty when the step mode trains only the discriminator.
    bool trainedGenerator = false;
    Matrix gNoise;
    /// G(gNoise) before the update and D's values on them (1 x batch).
    Matrix gFake;
    Matrix gValues;
    float gLoss = 0.0f;
    /// dLoss_G/dx on each fake, the loss of that fake alone (times the batch, like
    /// GanSession::generatorGradients): the generator moves each fake against it.
    Matrix fakeGradients;
    /// Per layer of the generator, the L2 norm of dLoss_G/dParameters.
    std::vector<float> gGradientNorms;
    /// G(gNoise) after the update.
    Matrix gFakeAfter;

    bool empty() const { return step == 0; }
    /// D(x), the probability that a sample is real (least squares: D's output), of a value.
    float verdict(float value) const;
};

}  // namespace nnplay
