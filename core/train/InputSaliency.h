// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <vector>

#include "NetworkSpec.h"
#include "Shape.h"
#include "Types.h"
#include "train/SessionViews.h"

namespace nnplay {

class Model;
class TrainingSession;

/// Saliency: which input values a prediction depends on, as the gradient of the predicted
/// class's score (the value before the output activation, the logit) with respect to the
/// input, from one backward pass of the trained model in inference mode.
class InputSaliency {
public:
    /// Fills `out` for test sample `sample` (one of the first SessionViews::kSampleCount): its
    /// predicted class, that class's score and dScore/dInput. Leaves `out` as it was for a
    /// sample the test part does not have. Overwrites the model's parameter gradients, which
    /// nothing reads between training steps.
    static void fill(TrainingSession& session, int sample, SessionViews::Saliency& out);

    /// How many layers give the scores: all up to the one that sizes the output, without the
    /// output activations after it (LayerRegistry::sizingLayer).
    static int scoreLayers(const NetworkSpec& network);
    /// dScore/dInput for one sample (`input`: inputSize x 1), the score being `sign` times row
    /// `row` of the output of layers [0, end) run in inference mode. `gradient` gets inputSize
    /// values (the batch layout); returns the score. The model's input-gradient setting is
    /// left as it was.
    static float scoreGradient(Model& model, const ConstMatrixRef& input, int end, int row,
                               float sign, std::vector<float>& gradient);

    /// Per pixel (height x width, row-major) the largest |gradient| over the channels and the
    /// steps of an input of `shape`.
    static std::vector<float> pixelMap(const Shape& shape, const std::vector<float>& gradient);
    /// Per step the sum of |gradient| over the step's values: how much the score depends on
    /// each earlier value or character of a sequence.
    static std::vector<float> stepMap(const Shape& shape, const std::vector<float>& gradient);
};

}  // namespace nnplay
