// SPDX-License-Identifier: GPL-3.0-or-later
#include "data/Preprocessing.h"

#include "data/Features.h"
#include "data/PlaneGenerators.h"

namespace nnplay {

Preprocessing Preprocessing::of(const DataSplit& split) {
    Preprocessing p;
    p.inputColumns =
        split.info.isPlane ? std::vector<std::string>{"x1", "x2"} : split.info.featureNames;
    p.classNames = split.info.classNames;
    p.inputs = split.standardizer;
    p.target = split.targetStandardizer;
    return p;
}

DataSplit Preprocessing::splitForPrediction(Task task) const {
    DataSplit split;
    DataInfo& info = split.info;
    info.task = task;
    info.inputShape = Shape::flat(static_cast<int>(inputColumns.size()));
    info.featureNames = inputColumns;
    info.classNames = classNames;
    info.targetCount = 1;
    for (Dataset* part : {&split.train, &split.test}) {
        part->inputs.setZero(info.inputShape.size(), 1);
        if (task == Task::Classification)
            part->labels = {0};
        else
            part->targets.setZero(1, 1);
    }
    split.standardizer = inputs;
    split.targetStandardizer = target;
    return split;
}

std::vector<std::string> Preprocessing::columnsFor(const Shape& input) const {
    if (!input.isSequence() || input.stepSize() != static_cast<int>(inputColumns.size()))
        return inputColumns;
    std::vector<std::string> columns;
    for (int t = 1; t <= input.steps; ++t)
        for (const std::string& name : inputColumns)
            columns.push_back(name + "[" + std::to_string(t) + "]");
    return columns;
}

Matrix Preprocessing::networkInputs(const Matrix& raw, const DataSpec& spec) const {
    Matrix out;
    if (isPlaneSource(spec.source))
        derivePlaneFeatures(raw, spec.features, out);
    else
        out = raw;
    inputs.apply(out);
    return out;
}

void Preprocessing::restoreTargets(Matrix& outputs) const { target.restore(outputs); }

}  // namespace nnplay
