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

void checkOptimizerSettings(const OptimizerSettings& o, const std::string& where) {
    const auto key = [&](const char* name) { return " (" + where + "." + name + ")"; };
    if (o.kind != "sgd" && o.kind != "rmsprop" && o.kind != "adam")
        throw InputError("unknown optimizer " + quoteForMessage(o.kind) + key("optimizer") +
                         " (expected sgd, rmsprop or adam)");
    require(o.learningRate > 0.0f && std::isfinite(o.learningRate),
            "the learning rate" + key("learning_rate"), "a positive number", o.learningRate);
    const auto unit = [](float v) { return v >= 0.0f && v < 1.0f; };
    require(unit(o.momentum), "the momentum" + key("momentum"), "at least 0 and below 1",
            o.momentum);
    require(unit(o.beta1), "beta1" + key("beta1"), "at least 0 and below 1", o.beta1);
    require(unit(o.beta2), "beta2" + key("beta2"), "at least 0 and below 1", o.beta2);
    require(unit(o.rho), "rho" + key("rho"), "at least 0 and below 1", o.rho);
    require(o.epsilon > 0.0f && std::isfinite(o.epsilon), "epsilon" + key("epsilon"),
            "a positive number", o.epsilon);
}

void checkTrainingSpec(const TrainingSpec& t) {
    require(t.batchSize >= 1, "the batch size (training.batch_size)", "at least 1", t.batchSize);
    require(t.epochs >= 0, "the number of epochs (training.epochs)", "zero or more", t.epochs);
    require(t.patience >= 0, "the early-stopping patience (training.early_stopping.patience)",
            "zero or more", t.patience);
    require(t.l1 >= 0.0f && std::isfinite(t.l1), "the L1 rate (training.l1)", "zero or positive",
            t.l1);
    require(t.l2 >= 0.0f && std::isfinite(t.l2), "the L2 rate (training.l2)", "zero or positive",
            t.l2);
    require(t.ensemble.members >= 1 && t.ensemble.members <= TrainingSpec::Ensemble::kMaxMembers,
            "the ensemble's members (training.ensemble.members)",
            "from 1 to " + std::to_string(TrainingSpec::Ensemble::kMaxMembers), t.ensemble.members);
    checkOptimizerSettings(t.optimizer, "training");
    checkAugmentationSpec(t.augmentation);
}

void checkAugmentationSpec(const AugmentationSpec& a) {
    using A = AugmentationSpec;
    require(a.shift >= 0 && a.shift <= A::kMaxShift, "the shift (training.augmentation.shift)",
            "a whole number of pixels from 0 to " + std::to_string(A::kMaxShift), a.shift);
    require(a.rotation >= 0.0f && a.rotation <= A::kMaxRotation,
            "the rotation (training.augmentation.rotation)",
            "from 0 to " + numberForMessage(A::kMaxRotation) + " degrees", a.rotation);
    require(a.noise >= 0.0f && a.noise <= A::kMaxNoise, "the noise (training.augmentation.noise)",
            "from 0 to " + numberForMessage(A::kMaxNoise), a.noise);
    require(a.jitter >= 0.0f && a.jitter <= A::kMaxJitter,
            "the jitter (training.augmentation.jitter)",
            "from 0 to " + numberForMessage(A::kMaxJitter), a.jitter);
}

void checkAugmentationFits(const AugmentationSpec& a, const std::string& source) {
    const AugmentedData kind = augmentedDataOf(source);
    const std::string data = quoteForMessage(source) + " data";
    if (a.changesImages() && kind != AugmentedData::Images) {
        const char* key = a.shift > 0      ? "shift"
                          : a.rotation > 0 ? "rotation"
                          : a.noise > 0    ? "noise"
                                           : "flip";
        throw InputError(std::string("augmentation ") + key + " (training.augmentation." + key +
                         ") changes images, and the " + data + " are not pictures: turn it off" +
                         (kind == AugmentedData::Points ? ", or use jitter for 2-D points" : ""));
    }
    if (a.changesPoints() && kind != AugmentedData::Points)
        throw InputError(
            "augmentation jitter (training.augmentation.jitter) moves 2-D points, and "
            "the " +
            data + " are not points in the plane: turn it off" +
            std::string(kind == AugmentedData::Images
                            ? ", or use shift, rotation or noise for images"
                            : ""));
}

void checkGanSpec(const GanSpec& g) {
    require(g.noise.dim >= 1 && g.noise.dim <= GanSpec::kMaxNoiseDim,
            "the noise dimension (noise.dim)", "from 1 to " + std::to_string(GanSpec::kMaxNoiseDim),
            g.noise.dim);
    require(g.steps >= 0, "the number of steps (training.steps)", "zero or more", g.steps);
    const auto upTo = [](int most) { return "from 1 to " + std::to_string(most); };
    require(g.batchSize >= 1 && g.batchSize <= GanSpec::kMaxBatchSize,
            "the batch size (training.batch_size)", upTo(GanSpec::kMaxBatchSize), g.batchSize);
    require(g.dSteps >= 1 && g.dSteps <= GanSpec::kMaxUpdatesPerStep,
            "the discriminator's updates per step (training.d_steps)",
            upTo(GanSpec::kMaxUpdatesPerStep), g.dSteps);
    require(g.gSteps >= 1 && g.gSteps <= GanSpec::kMaxUpdatesPerStep,
            "the generator's updates per step (training.g_steps)",
            upTo(GanSpec::kMaxUpdatesPerStep), g.gSteps);
    require(g.measureEvery >= 1, "the steps between measures (training.measure_every)",
            "at least 1", g.measureEvery);
    checkOptimizerSettings(g.generator, "training.generator");
    checkOptimizerSettings(g.discriminator, "training.discriminator");
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
    if (project.task == Task::Gan)
        checkGanSpec(project.gan);
    else
        checkTrainingSpec(project.training);
    for (const NamedNetwork& n : project.networks) checkLayerSettings(n.spec);
    checkDataBalance(project.data);
}

}  // namespace nnplay
