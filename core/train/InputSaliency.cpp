// SPDX-License-Identifier: GPL-3.0-or-later
#include "train/InputSaliency.h"

#include <algorithm>
#include <cmath>

#include "layers/LayerRegistry.h"
#include "train/Model.h"
#include "train/TrainingSession.h"

namespace nnplay {

int InputSaliency::scoreLayers(const NetworkSpec& network) {
    if (network.layers.empty()) return 0;
    return LayerRegistry::builtin().sizingLayer(network) + 1;
}

float InputSaliency::scoreGradient(Model& model, const ConstMatrixRef& input, int end, int row,
                                   float sign, std::vector<float>& gradient) {
    // Inference mode: dropout passes everything, batchnorm uses its running statistics, and
    // the backward passes of both follow that forward.
    const ConstMatrixRef scores = model.forward(input, Mode::Infer, end);
    const float score = sign * scores(row, 0);
    Matrix seed = Matrix::Zero(scores.rows(), 1);
    seed(row, 0) = sign;
    const bool needed = model.inputGradientNeeded();
    model.setInputGradientNeeded(true);
    const ConstMatrixRef dInput = model.backward(seed, end);
    gradient.assign(dInput.data(), dInput.data() + dInput.rows());
    model.setInputGradientNeeded(needed);
    return score;
}

void InputSaliency::fill(TrainingSession& session, int sample, SessionViews::Saliency& out) {
    const Dataset& test = session.data().test;
    if (sample < 0 || sample >= std::min(SessionViews::kSampleCount, test.sampleCount())) return;
    const NetworkSpec& network = session.network();
    const int end = scoreLayers(network);
    if (end == 0) return;
    Model& model = session.model();
    const auto input = test.inputs.col(sample);
    const ConstMatrixRef outputs = model.forward(input, Mode::Infer);
    const OutputReading& reading = session.outputReading();
    const bool classification = session.data().info.task == Task::Classification;
    const int klass = classification ? reading.classOf(outputs, 0) : -1;
    // The scores' rows (output activations keep the number of values): one per output, the
    // last step's of a sequence output; a single output stands for class 1, so class 0's
    // score is its negative.
    const int perStep = reading.outputs();
    const int rows = static_cast<int>(outputs.rows());
    const int first = perStep > 0 && rows > perStep && rows % perStep == 0 ? rows - perStep : 0;
    int row = first;
    float sign = 1.0f;
    if (classification && rows - first == 1)
        sign = klass == 1 ? 1.0f : -1.0f;
    else if (classification)
        row = first + klass;
    out.score = scoreGradient(model, input, end, row, sign, out.gradient);
    out.sample = sample;
    out.klass = klass;
    out.shape = session.data().info.inputShape;
    out.input.assign(input.data(), input.data() + input.rows());
}

std::vector<float> InputSaliency::pixelMap(const Shape& shape, const std::vector<float>& gradient) {
    const int pixels = shape.height * shape.width;
    std::vector<float> map(static_cast<std::size_t>(pixels), 0.0f);
    for (std::size_t i = 0; i < gradient.size(); ++i) {
        float& cell = map[i % static_cast<std::size_t>(pixels)];
        cell = std::max(cell, std::abs(gradient[i]));
    }
    return map;
}

std::vector<float> InputSaliency::stepMap(const Shape& shape, const std::vector<float>& gradient) {
    const auto perStep = static_cast<std::size_t>(shape.stepSize());
    std::vector<float> steps(static_cast<std::size_t>(shape.steps), 0.0f);
    for (std::size_t i = 0; i < gradient.size() && i / perStep < steps.size(); ++i)
        steps[i / perStep] += std::abs(gradient[i]);
    return steps;
}

}  // namespace nnplay
