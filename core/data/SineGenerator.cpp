// SPDX-License-Identifier: GPL-3.0-or-later
#include "data/SineGenerator.h"

#include <cmath>
#include <numbers>
#include <string>

#include "MessageText.h"
#include "Random.h"

namespace nnplay {

namespace {

constexpr int kMinSamples = 2;
constexpr int kMaxSamples = 100000;
constexpr double kMaxNoise = 0.5;
constexpr int kMinLength = 2;
constexpr int kMaxLength = 1000;
constexpr int kMaxHorizon = 100;
constexpr double kMaxFrequency = 0.5;

void checkWhole(int value, int min, int max, const std::string& what) {
    if (value < min || value > max)
        throw InputError(what + " must be from " + std::to_string(min) + " to " +
                         std::to_string(max) + ", not " + std::to_string(value));
}

/// min <= max, both within [low, high] (low itself excluded when lowOpen).
void checkRange(double min, double max, double low, double high, bool lowOpen,
                const std::string& what, const std::string& key) {
    const auto inside = [&](double v) { return (lowOpen ? v > low : v >= low) && v <= high; };
    const std::string bounds = (lowOpen ? "above " : "from ") + numberForMessage(low) +
                               (lowOpen ? " up to " : " to ") + numberForMessage(high);
    if (!inside(min))
        throw InputError("the smallest " + what + " (data." + key + "_min) must be " + bounds +
                         ", not " + numberForMessage(min));
    if (!inside(max))
        throw InputError("the largest " + what + " (data." + key + "_max) must be " + bounds +
                         ", not " + numberForMessage(max));
    if (min > max)
        throw InputError("the smallest " + what + " (data." + key + "_min, " +
                         numberForMessage(min) + ") is above the largest (data." + key + "_max, " +
                         numberForMessage(max) + ")");
}

}  // namespace

void checkSineSpec(const DataSpec& spec) {
    checkWhole(spec.samples, kMinSamples, kMaxSamples, "the number of samples (data.samples)");
    if (!(spec.noise >= 0.0 && spec.noise <= kMaxNoise))
        throw InputError("the noise (data.noise) must be from 0 to " + numberForMessage(kMaxNoise) +
                         ", not " + numberForMessage(spec.noise));
    checkWhole(spec.sequenceLength, kMinLength, kMaxLength,
               "the sequence length (data.sequence_length)");
    checkWhole(spec.horizon, 1, kMaxHorizon, "the number of values to predict (data.horizon)");
    checkRange(spec.frequencyMin, spec.frequencyMax, 0.0, kMaxFrequency, true,
               "frequency in cycles per step", "frequency");
    checkRange(spec.phaseMin, spec.phaseMax, 0.0, 1.0, false, "phase in cycles", "phase");
    const long long values =
        static_cast<long long>(spec.samples) * spec.sequenceLength * (1 + spec.horizon);
    if (values > kMaxSineValues)
        throw InputError("the sine data would hold " + std::to_string(values) +
                         " values (samples x sequence_length x (1 + horizon)), more than " +
                         std::to_string(kMaxSineValues) +
                         "; use fewer samples, shorter windows or a shorter horizon");
}

Dataset generateSineData(const DataSpec& spec) {
    const int steps = spec.sequenceLength;
    const int horizon = spec.horizon;
    Dataset data;
    data.inputs.resize(steps, spec.samples);
    data.targets.resize(horizon, spec.samples);
    data.stepTargets.resize(static_cast<Eigen::Index>(steps) * horizon, spec.samples);
    Random rng(spec.seed);
    const double variance = spec.noise * spec.noise;
    for (int s = 0; s < spec.samples; ++s) {
        const double frequency = rng.uniform(spec.frequencyMin, spec.frequencyMax);
        const double phase = rng.uniform(spec.phaseMin, spec.phaseMax);
        const auto wave = [&](int t) { return sineValue(frequency, phase, t); };
        for (int t = 0; t < steps; ++t) {
            const double noise = variance > 0.0 ? rng.normal(0.0, variance) : 0.0;
            data.inputs(t, s) = wave(t) + static_cast<float>(noise);
            for (int j = 0; j < horizon; ++j)
                data.stepTargets(t * horizon + j, s) = wave(t + 1 + j);
        }
        for (int j = 0; j < horizon; ++j) data.targets(j, s) = wave(steps + j);
    }
    return data;
}

float sineValue(double frequency, double phase, int t) {
    return static_cast<float>(std::sin(2.0 * std::numbers::pi * (frequency * t + phase)));
}

DataInfo sineDataInfo(const DataSpec& spec) {
    DataInfo info;
    info.task = Task::Regression;
    info.inputShape = Shape::sequence(spec.sequenceLength, 1);
    info.featureNames = {"value"};
    info.targetCount = spec.horizon;
    info.targetRange = std::array<float, 2>{-1.0f, 1.0f};
    return info;
}

}  // namespace nnplay
