// SPDX-License-Identifier: GPL-3.0-or-later
#include "train/Evaluation.h"

#include "train/Predictor.h"

namespace nnplay {

ClassificationMetrics Evaluation::metricsAt(double threshold) const {
    if (!classification) return {};
    if (scores.empty() || threshold == 0.5) return *classification;
    return classificationMetrics(truth, classesAtThreshold(scores, threshold), 2);
}

Evaluation evaluate(Predictor& session, const Dataset& set, const Standardizer& targetScale) {
    Evaluation out;
    out.samples = static_cast<int>(set.sampleCount());
    if (out.samples == 0) return out;
    if (session.data().info.task == Task::Regression) {
        Matrix predicted, truth = set.targets;
        session.predict(set.inputs, predicted);
        if (targetScale.active()) {
            targetScale.restore(predicted);
            targetScale.restore(truth);
            out.regression = regressionMetrics(predicted, truth);
        } else {
            out.regression = session.regressionMetrics(set);  // sequence outputs too
        }
        if (predicted.rows() == truth.rows() && truth.rows() > 0) {
            out.predicted.assign(predicted.row(0).begin(), predicted.row(0).end());
            out.actual.assign(truth.row(0).begin(), truth.row(0).end());
        }
        return out;
    }
    out.classification = session.classificationMetrics(set);
    const OutputReading& reading = session.outputReading();
    if (session.data().info.classCount() == 2) {
        Matrix outputs;
        session.predict(set.inputs, outputs);
        if (outputs.rows() == reading.outputs()) {  // not a sequence output
            out.scores.resize(static_cast<std::size_t>(outputs.cols()));
            for (Eigen::Index i = 0; i < outputs.cols(); ++i)
                out.scores[static_cast<std::size_t>(i)] = reading.probability(outputs, i, 1);
            out.truth = set.labels;
            out.curves = BinaryCurves::of(out.truth, out.scores);
        }
    }
    return out;
}

}  // namespace nnplay
