// SPDX-License-Identifier: GPL-3.0-or-later
#include "train/SettingsCheck.h"

#include <cmath>

#include "MessageText.h"
#include "data/DataLoader.h"
#include "layers/LayerRegistry.h"

namespace nnplay {

namespace {

void require(bool ok, const std::string& what, const std::string& rule, double value) {
    if (!ok) throw InputError(what + " must be " + rule + ", not " + numberForMessage(value));
}

}  // namespace

void checkTrainingSpec(const TrainingSpec& t) {
    require(t.batchSize >= 1, "the batch size (training.batch_size)", "at least 1", t.batchSize);
    require(t.epochs >= 0, "the number of epochs (training.epochs)", "zero or more", t.epochs);
    require(t.patience >= 0, "the early-stopping patience (training.early_stopping.patience)",
            "zero or more", t.patience);
    const OptimizerSettings& o = t.optimizer;
    require(o.learningRate > 0.0f && std::isfinite(o.learningRate),
            "the learning rate (training.learning_rate)", "a positive number", o.learningRate);
    require(t.l1 >= 0.0f && std::isfinite(t.l1), "the L1 rate (training.l1)", "zero or positive",
            t.l1);
    require(t.l2 >= 0.0f && std::isfinite(t.l2), "the L2 rate (training.l2)", "zero or positive",
            t.l2);
    const auto unit = [](float v) { return v >= 0.0f && v < 1.0f; };
    require(unit(o.momentum), "the momentum (training.momentum)", "at least 0 and below 1",
            o.momentum);
    require(unit(o.beta1), "beta1 (training.beta1)", "at least 0 and below 1", o.beta1);
    require(unit(o.beta2), "beta2 (training.beta2)", "at least 0 and below 1", o.beta2);
    require(unit(o.rho), "rho (training.rho)", "at least 0 and below 1", o.rho);
    require(o.epsilon > 0.0f && std::isfinite(o.epsilon), "epsilon (training.epsilon)",
            "a positive number", o.epsilon);
}

void checkLayerSettings(const NetworkSpec& network) {
    const LayerRegistry& registry = LayerRegistry::builtin();
    for (std::size_t i = 0; i < network.layers.size(); ++i) {
        const LayerSpec& layer = network.layers[i];
        const LayerInfo& info = registry.get(layer.type);
        for (const auto& [key, value] : layer.settings) {
            const SettingInfo* s = info.findSetting(key);
            const std::string what = "layer " + std::to_string(i + 1) + " (" + info.displayName +
                                     "): " + (s ? s->label : key) + " (\"" + key + "\")";
            if (s == nullptr) throw InputError(what + " is not a setting of this kind of layer");
            require(value >= s->minimum && value <= s->maximum, what,
                    "from " + numberForMessage(s->minimum) + " to " + numberForMessage(s->maximum),
                    value);
            require(!s->integer || value == std::floor(value), what, "a whole number", value);
        }
    }
}

void checkProjectSettings(const Project& project) {
    checkTrainingSpec(project.training);
    for (const NamedNetwork& n : project.networks) checkLayerSettings(n.spec);
    checkDataBalance(project.data);
}

}  // namespace nnplay
