// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "layers/Layer.h"

namespace nnplay {

/// Settings of every optimizer; each reads the ones it needs.
struct OptimizerSettings {
    std::string kind = "adam";  ///< "sgd", "rmsprop", "adam"
    float learningRate = 0.01f;
    float momentum = 0.0f;  ///< sgd
    bool nesterov = false;  ///< sgd
    float rho = 0.9f;       ///< rmsprop: decay of the squared-gradient average
    float beta1 = 0.9f;     ///< adam
    float beta2 = 0.999f;   ///< adam
    float epsilon = 1e-8f;  ///< rmsprop, adam (PyTorch's default)

    bool operator==(const OptimizerSettings&) const = default;
};

/// Updates parameters from their gradients. State is indexed by parameter position, so the
/// same list (same order) must be passed to every step; entries that are not trainable are
/// skipped but keep their position.
class Optimizer {
public:
    explicit Optimizer(const OptimizerSettings& settings) : m_settings(settings) {}
    virtual ~Optimizer() = default;

    /// One update of every trainable parameter (the others keep their values).
    virtual void step(const std::vector<Param>& params) = 0;
    /// Takes new hyper-parameters of the same kind without losing state.
    void setSettings(const OptimizerSettings& settings) { m_settings = settings; }
    const OptimizerSettings& settings() const { return m_settings; }

protected:
    OptimizerSettings m_settings;
};

/// Throws InputError for an unknown kind or a non-positive learning rate.
std::unique_ptr<Optimizer> makeOptimizer(const OptimizerSettings& settings);

}  // namespace nnplay
