// SPDX-License-Identifier: GPL-3.0-or-later
#include "train/OutputReading.h"

#include <algorithm>

#include "layers/LayerRegistry.h"

namespace nnplay {

OutputReading OutputReading::of(const NetworkSpec& network, int outputs) {
    return {LayerRegistry::builtin().outputKind(network), outputs};
}

float OutputReading::absentTarget() const {
    return m_outputs == 1 && m_kind == OutputKind::Symmetric ? -1.0f : 0.0f;
}

float OutputReading::unitProbability(float y) const {
    const float p = m_outputs == 1 && m_kind == OutputKind::Symmetric ? (y + 1.0f) / 2.0f : y;
    return std::clamp(p, 0.0f, 1.0f);
}

namespace {

/// The first row of the last step: a sequence output (steps*outputs rows) is read, per
/// sample, at its last step.
Eigen::Index lastStepRow(const ConstMatrixRef& outputs, int perStep) {
    const Eigen::Index rows = outputs.rows();
    return perStep > 0 && rows > perStep && rows % perStep == 0 ? rows - perStep : 0;
}

}  // namespace

float OutputReading::probability(const ConstMatrixRef& outputs, Eigen::Index sample,
                                 int klass) const {
    const Eigen::Index first = lastStepRow(outputs, m_outputs);
    if (outputs.rows() - first == 1) {
        const float p = unitProbability(outputs(first, sample));
        return klass == 1 ? p : 1.0f - p;
    }
    return unitProbability(outputs(first + klass, sample));
}

int OutputReading::classOf(const ConstMatrixRef& outputs, Eigen::Index sample) const {
    const Eigen::Index first = lastStepRow(outputs, m_outputs);
    const Eigen::Index rows = outputs.rows() - first;
    if (rows == 1) return unitProbability(outputs(first, sample)) >= 0.5f ? 1 : 0;
    int best = 0;
    outputs.col(sample).tail(rows).maxCoeff(&best);
    return best;
}

void OutputReading::classify(const ConstMatrixRef& outputs, std::vector<int>& classes) const {
    classes.resize(static_cast<std::size_t>(outputs.cols()));
    for (Eigen::Index i = 0; i < outputs.cols(); ++i)
        classes[static_cast<std::size_t>(i)] = classOf(outputs, i);
}

float OutputReading::centred(float y) const {
    if (m_kind == OutputKind::Unbounded) return y;
    return 2.0f * unitProbability(y) - 1.0f;
}

}  // namespace nnplay
