// SPDX-License-Identifier: GPL-3.0-or-later
#include "layers/Layer.h"

#include <cmath>

namespace nnplay {

void initializeWeights(Matrix& weights, Matrix& bias, InitScheme scheme, int fanIn, int fanOut,
                       const std::string& nextActivation, Random& rng) {
    float limit = 0.0f;
    float biasValue = 0.0f;
    switch (scheme) {
        case InitScheme::Playground:
            limit = 0.5f;
            biasValue = 0.1f;
            break;
        case InitScheme::PyTorch:
            limit = 1.0f / std::sqrt(static_cast<float>(fanIn));
            break;
        case InitScheme::Auto:
            // He for rectifiers, Glorot otherwise; both in their uniform form.
            if (nextActivation == "relu" || nextActivation == "leaky_relu")
                limit = std::sqrt(6.0f / static_cast<float>(fanIn));
            else
                limit = std::sqrt(6.0f / static_cast<float>(fanIn + fanOut));
            break;
    }
    for (Eigen::Index i = 0; i < weights.size(); ++i)
        weights.data()[i] = static_cast<float>(rng.uniform(-limit, limit));
    if (scheme == InitScheme::PyTorch) {
        for (Eigen::Index i = 0; i < bias.size(); ++i)
            bias(i) = static_cast<float>(rng.uniform(-limit, limit));
    } else {
        bias.setConstant(biasValue);
    }
}

void Layer::build(const Shape&, InitScheme, const std::string&, Random&) {}

void appendStepGates(const ConstMatrixRef& gates, Eigen::Index column, int units, int fromStep,
                     int toStep, std::vector<std::vector<float>>& perGate) {
    const Eigen::Index gateCount = static_cast<Eigen::Index>(perGate.size());
    for (int t = fromStep; t < toStep; ++t) {
        for (Eigen::Index k = 0; k < gateCount; ++k) {
            const Eigen::Index first = (t * gateCount + k) * units;
            for (int u = 0; u < units; ++u)
                perGate[static_cast<std::size_t>(k)].push_back(gates(first + u, column));
        }
    }
}

}  // namespace nnplay
