// SPDX-License-Identifier: GPL-3.0-or-later
#include "train/NetworkCheck.h"

#include <array>
#include <optional>

#include "MessageText.h"
#include "data/GanTargets.h"
#include "layers/LayerRegistry.h"
#include "train/OutputHeadFix.h"

namespace nnplay {

namespace {

/// The range an output of this kind cannot leave, or none for unbounded outputs.
std::optional<std::array<float, 2>> boundedRange(OutputKind kind) {
    switch (kind) {
        case OutputKind::Probability:
        case OutputKind::Distribution:
            return std::array<float, 2>{0.0f, 1.0f};
        case OutputKind::Symmetric:
            return std::array<float, 2>{-1.0f, 1.0f};
        case OutputKind::Unbounded:
            break;
    }
    return std::nullopt;
}

std::string plural(int n, const std::string& word) {
    const bool sibilant = !word.empty() && word.back() == 's';
    return std::to_string(n) + " " + word + (n == 1 ? "" : sibilant ? "es" : "s");
}

}  // namespace

ShapeReport checkNetwork(const NetworkSpec& spec, const DataInfo& data, LossKind loss) {
    ShapeReport report = inferShapes(spec, data.inputShape);
    if (!report.ok()) return report;
    const LayerRegistry& registry = LayerRegistry::builtin();
    const int last = static_cast<int>(spec.layers.size()) - 1;
    const int sizing = registry.sizingLayer(spec);
    auto fail = [&](int index, const std::string& reason) {
        report.errorLayer = index;
        report.layers[index].error = reason;
        report.error = describeLayer(spec, index) + " " + reason;
    };
    // A sequence output predicts at every step: the head's size is per step.
    const int outputs = report.layers[last].output.stepSize();
    const OutputKind kind = registry.outputKind(spec);
    // Each message says what is wrong, then what the task needs (outputHeadNeed).
    const std::string need = outputHeadNeed(data, loss);
    const std::string gives = "gives " + plural(outputs, "output") + ". ";
    if (data.task == Task::Regression) {
        if (outputs != data.targetCount) {
            fail(sizing, gives + need);
        } else if (loss != LossKind::Mse) {
            fail(last, "ends a network that predicts numbers. " + need);
        } else if (const auto range = boundedRange(kind);
                   range && data.targetRange &&
                   ((*data.targetRange)[0] < (*range)[0] || (*data.targetRange)[1] > (*range)[1])) {
            fail(last, "gives outputs between " + numberForMessage((*range)[0]) + " and " +
                           numberForMessage((*range)[1]) + " only, but the targets go from " +
                           numberForMessage((*data.targetRange)[0]) + " to " +
                           numberForMessage((*data.targetRange)[1]) + ". " + need);
        }
        return report;
    }
    const int classes = data.classCount();
    if (loss == LossKind::Bce) {
        if (outputs != 1 || classes != 2)
            fail(sizing, gives + need);
        else if (kind != OutputKind::Probability)
            fail(last, "ends the network. " + need);
    } else if (loss == LossKind::Cce) {
        if (outputs != classes)
            fail(sizing, gives + need);
        else if (kind != OutputKind::Distribution)
            fail(last, "ends the network. " + need);
    } else if (outputs != classes && !(classes == 2 && outputs == 1)) {
        fail(sizing, "gives " + plural(outputs, "output") + " but the data has " +
                         plural(classes, "class") + " (one output, or one per class)");
    }
    return report;
}

std::string GanShapeReports::error() const {
    if (!generator.ok())
        return "the generator: " + generator.error +
               " (its output is one sample of the data, so its last layer needs that many units)";
    if (!discriminator.ok())
        return "the discriminator: " + discriminator.error +
               " (it must end in 1 output: how real it finds a sample)";
    return {};
}

Shape networkInputShape(const Project& project, const std::string& name, const Shape& dataInput) {
    if (project.task == Task::Gan && name == Project::kGenerator)
        return Shape::flat(project.gan.noise.dim);
    return dataInput;
}

GanShapeReports checkGanNetworks(const Project& project) {
    const Shape sample = ganTargetShape(project.data);
    GanShapeReports out;
    const NetworkSpec* generator = project.findNetwork(Project::kGenerator);
    const NetworkSpec* discriminator = project.findNetwork(Project::kDiscriminator);
    if (generator == nullptr || discriminator == nullptr)
        throw InputError("a GAN project needs a \"generator\" and a \"discriminator\" network");
    out.generator = inferShapes(*generator, networkInputShape(project, Project::kGenerator, sample),
                                sample.size());
    out.discriminator = inferShapes(*discriminator, sample, 1);
    // The losses read the logit or its sigmoid: a softmax over one unit is always 1 and never
    // learns; a tanh bounds the logit and never reaches least squares' target 1.
    const OutputKind kind = LayerRegistry::builtin().outputKind(*discriminator);
    if (out.discriminator.ok() && kind != OutputKind::Unbounded &&
        kind != OutputKind::Probability) {
        const int last = static_cast<int>(discriminator->layers.size()) - 1;
        const std::string reason =
            "ends the network, but a discriminator ends in a dense layer of 1 unit (its logit) "
            "or in a sigmoid after it";
        out.discriminator.errorLayer = last;
        out.discriminator.layers[static_cast<std::size_t>(last)].error = reason;
        out.discriminator.error = describeLayer(*discriminator, last) + " " + reason;
    }
    return out;
}

}  // namespace nnplay
