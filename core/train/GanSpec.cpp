// SPDX-License-Identifier: GPL-3.0-or-later
#include "train/GanSpec.h"

#include "MessageText.h"

namespace nnplay {

std::string toString(GanLoss loss) {
    switch (loss) {
        case GanLoss::Minimax:
            return "minimax";
        case GanLoss::NonSaturating:
            return "non_saturating";
        case GanLoss::LeastSquares:
            return "least_squares";
    }
    return "non_saturating";
}

GanLoss ganLossFromString(const std::string& name) {
    for (const GanLoss loss : {GanLoss::Minimax, GanLoss::NonSaturating, GanLoss::LeastSquares})
        if (toString(loss) == name) return loss;
    throw InputError(
        "training.gan_loss must be \"minimax\", \"non_saturating\" or "
        "\"least_squares\", not " +
        quoteForMessage(name));
}

std::string toString(NoiseDistribution distribution) {
    return distribution == NoiseDistribution::Uniform ? "uniform" : "gaussian";
}

NoiseDistribution noiseDistributionFromString(const std::string& name) {
    if (name == "uniform") return NoiseDistribution::Uniform;
    if (name == "gaussian") return NoiseDistribution::Gaussian;
    throw InputError("noise.distribution must be \"uniform\" or \"gaussian\", not " +
                     quoteForMessage(name));
}

}  // namespace nnplay
