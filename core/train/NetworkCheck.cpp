// SPDX-License-Identifier: GPL-3.0-or-later
#include "train/NetworkCheck.h"

#include "layers/LayerRegistry.h"

namespace nnplay {

namespace {

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
    const int outputs = report.layers[last].output.size();
    const OutputKind kind = registry.outputKind(spec);
    if (data.task == Task::Regression) {
        if (outputs != data.targetCount)
            fail(sizing, "gives " + plural(outputs, "output") + " but the data has " +
                             plural(data.targetCount, "target"));
        else if (loss != LossKind::Mse)
            fail(last, "ends a regression network, which needs the mean squared error loss");
        return report;
    }
    const int classes = data.classCount();
    if (loss == LossKind::Bce) {
        if (outputs != 1)
            fail(sizing, "gives " + plural(outputs, "output") +
                             " but binary cross-entropy needs 1 (the probability of class " +
                             (classes > 1 ? data.classNames[1] : std::string("1")) + ")");
        else if (classes != 2)
            fail(sizing, "gives 1 output, but the data has " + plural(classes, "class") +
                             ": use Softmax with categorical cross-entropy");
        else if (kind != OutputKind::Probability)
            fail(last, "ends the network, but binary cross-entropy needs a Sigmoid at the end");
    } else if (loss == LossKind::Cce) {
        if (outputs != classes)
            fail(sizing, "gives " + plural(outputs, "output") + " but the data has " +
                             plural(classes, "class") + " (one output per class)");
        else if (kind != OutputKind::Distribution)
            fail(last, "ends the network, but categorical cross-entropy needs a Softmax at "
                       "the end");
    } else if (outputs != classes && !(classes == 2 && outputs == 1)) {
        fail(sizing, "gives " + plural(outputs, "output") + " but the data has " +
                         plural(classes, "class") + " (one output, or one per class)");
    }
    return report;
}

}  // namespace nnplay
