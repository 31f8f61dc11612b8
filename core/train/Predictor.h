// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cmath>
#include <vector>

#include "Types.h"
#include "data/Dataset.h"
#include "train/Metrics.h"
#include "train/OutputReading.h"

namespace nnplay {

/// Loss and accuracy (NaN for regression) of a data set from one pass over it.
struct PartScore {
    double loss = NAN;
    double accuracy = NAN;
};

/// The outputs of a trained supervised model, one network (TrainingSession) or the average of
/// an ensemble's (EnsembleSession): what evaluation, the output views and exported predictions
/// read.
class Predictor {
public:
    virtual ~Predictor() = default;

    /// The data the model was trained on (its split, standardisation and class names).
    virtual const DataSplit& data() const = 0;
    /// Outputs after the output activation (probabilities for classifiers), for inputs
    /// (features x n). `out` is resized only when its size changes.
    virtual void predict(const ConstMatrixRef& inputs, Matrix& out) = 0;
    /// How classes and probabilities follow from predict()'s outputs.
    virtual const OutputReading& outputReading() const = 0;
    /// Mean loss (without penalties) and accuracy of a set; NaN when it is empty.
    virtual PartScore score(const Dataset& set) = 0;
    virtual ClassificationMetrics classificationMetrics(const Dataset& set) = 0;
    virtual RegressionMetrics regressionMetrics(const Dataset& set) = 0;

    /// Class index per column of predictions (outputReading()'s rule).
    std::vector<int> classify(const ConstMatrixRef& predictions) const;
};

}  // namespace nnplay
