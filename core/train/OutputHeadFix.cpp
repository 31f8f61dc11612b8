// SPDX-License-Identifier: GPL-3.0-or-later
#include "train/OutputHeadFix.h"

#include <algorithm>

#include "layers/LayerRegistry.h"
#include "train/NetworkCheck.h"

namespace nnplay {

namespace {

/// The head a task needs: units of the last sized layer, the activation after it ("" for
/// none) and the loss.
struct Head {
    int units;
    std::string activation;
    LossKind loss;
};

Head neededHead(const DataInfo& data, LossKind loss) {
    if (data.task == Task::Regression) return {data.targetCount, "", LossKind::Mse};
    const int classes = data.classCount();
    if (classes == 2 && loss != LossKind::Cce) return {1, "sigmoid", LossKind::Bce};
    return {classes, "softmax", LossKind::Cce};
}

std::string units(int n) { return std::to_string(n) + (n == 1 ? " unit" : " units"); }

}  // namespace

std::string outputHeadNeed(const DataInfo& data, LossKind loss) {
    const Head head = neededHead(data, loss);
    if (data.task == Task::Regression) {
        const std::string targets = head.units == 1
                                        ? "A number to predict needs"
                                        : std::to_string(head.units) + " numbers to predict need";
        return targets + " a Dense layer of " + units(head.units) +
               " with no activation after it, and the mean squared error loss";
    }
    const std::string activation = head.activation == "sigmoid" ? "Sigmoid" : "Softmax";
    const std::string lossName =
        head.loss == LossKind::Bce ? "binary cross-entropy" : "categorical cross-entropy";
    return std::to_string(data.classCount()) + " classes need a Dense layer of " +
           units(head.units) + " with " + activation + ", and the " + lossName + " loss";
}

std::optional<OutputFix> proposeOutputFix(const Project& project, const DataInfo& data) {
    const NetworkSpec& spec = project.network();
    // A GAN's two heads are fixed by its data and its verdict (checkGanNetworks says so).
    if (project.task == Task::Gan) return std::nullopt;
    if (spec.layers.empty() || (data.task == Task::Classification && data.classCount() < 2)) {
        return std::nullopt;
    }
    if (checkNetwork(spec, data, project.training.loss).ok()) return std::nullopt;
    const LayerRegistry& registry = LayerRegistry::builtin();
    const Head head = neededHead(data, project.training.loss);

    NetworkSpec fixed = spec;
    int nextId = project.freshLayerId();
    // The layer that sizes the output: the last one with a "units" setting, else a new Dense.
    auto& layers = fixed.layers;
    int sizing = -1;
    for (int i = static_cast<int>(layers.size()) - 1; i >= 0 && sizing < 0; --i) {
        const LayerInfo* info = registry.find(layers[static_cast<std::size_t>(i)].type);
        if (info && info->findSetting("units")) sizing = i;
        if (info && !info->isActivation && !info->findSetting("units")) break;  // e.g. dropout
    }
    if (sizing < 0) {
        LayerSpec dense;
        dense.id = nextId++;
        dense.type = "dense";
        layers.push_back(dense);
        sizing = static_cast<int>(layers.size()) - 1;
    }
    LayerSpec& sized = layers[static_cast<std::size_t>(sizing)];
    if (sized.setting("units") != head.units) {
        sized.settings["units"] = head.units;
        sized.params.clear();
    }
    // After it, only the activation the task needs: keep one of that kind (and its id).
    std::optional<LayerSpec> activation;
    for (auto i = static_cast<std::size_t>(sizing) + 1; i < layers.size(); ++i) {
        if (!activation && layers[i].type == head.activation) activation = layers[i];
    }
    layers.erase(layers.begin() + sizing + 1, layers.end());
    if (!head.activation.empty()) {
        if (!activation) {
            activation = LayerSpec{};
            activation->id = nextId++;
            activation->type = head.activation;
        }
        layers.push_back(*activation);
    }
    if (!checkNetwork(fixed, data, head.loss).ok()) return std::nullopt;
    return OutputFix{std::move(fixed), head.loss, outputHeadNeed(data, project.training.loss)};
}

}  // namespace nnplay
