// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <string>

#include "layers/Layer.h"
#include "optim/Optimizer.h"

namespace nnplay {

/// The loss a GAN trains with, on the discriminator's logit z (sigmoid s = D(x)) or, for least
/// squares, its output o:
/// - Minimax: D minimises -log s(real) - log(1 - s(fake)); G minimises log(1 - s(fake)).
/// - NonSaturating: D as minimax; G minimises -log s(fake) (steeper where D rejects G).
/// - LeastSquares: D minimises 1/2 (o(real) - 1)^2 + 1/2 o(fake)^2; G minimises
///   1/2 (o(fake) - 1)^2 (Mao et al.'s LSGAN with a = 0, b = c = 1).
enum class GanLoss { Minimax, NonSaturating, LeastSquares };
std::string toString(GanLoss loss);
/// Throws InputError naming training.gan_loss for anything but the three names.
GanLoss ganLossFromString(const std::string& name);

/// How noise for the generator is drawn: uniform in [-1, 1] or standard normal, per dimension.
enum class NoiseDistribution { Uniform, Gaussian };
std::string toString(NoiseDistribution distribution);
/// Throws InputError naming noise.distribution for anything but "uniform" or "gaussian".
NoiseDistribution noiseDistributionFromString(const std::string& name);

/// The generator's input: the "noise" object of a GAN project.
struct NoiseSpec {
    int dim = 2;
    NoiseDistribution distribution = NoiseDistribution::Uniform;

    bool operator==(const NoiseSpec&) const = default;
};

/// How to train a GAN: the "training" object of a GAN project (and its "noise").
struct GanSpec {
    /// The largest noise dimension a project may ask for.
    static constexpr int kMaxNoiseDim = 4096;
    /// The largest batch: a step holds 2 batches of samples and noise.dim x batch of noise.
    static constexpr int kMaxBatchSize = 65536;
    /// The most updates of one network per step (d_steps, g_steps).
    static constexpr int kMaxUpdatesPerStep = 1000;
    NoiseSpec noise;
    /// Steps to train; each trains D dSteps times, then G gSteps times, on batchSize samples.
    int steps = 3000;
    int batchSize = 64;
    int dSteps = 1;
    int gSteps = 1;
    GanLoss loss = GanLoss::NonSaturating;
    std::uint32_t seed = 1;
    /// A history row (losses and measures) every this many steps.
    int measureEvery = 100;
    InitScheme init = InitScheme::Auto;
    /// Each network's own optimizer, with the settings of a supervised project's.
    OptimizerSettings generator{.kind = "adam", .learningRate = 0.001f};
    OptimizerSettings discriminator{.kind = "adam", .learningRate = 0.001f};

    bool operator==(const GanSpec&) const = default;
};

}  // namespace nnplay
