// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <vector>

#include "NetworkSpec.h"
#include "Types.h"
#include "layers/OutputKind.h"

namespace nnplay {

/// The one rule that turns a classifier's outputs (after the output activation) into classes
/// and class probabilities, and labels into training targets. One output stands for class 1
/// of two; otherwise there is one output per class. A sequence output (steps*outputs rows)
/// is read at its last step; TrainingSession reads every step through stepColumns.
class OutputReading {
public:
    OutputReading() = default;
    OutputReading(OutputKind kind, int outputs) : m_kind(kind), m_outputs(outputs) {}
    /// The reading of a network with `outputs` values per sample (its last layer's kind).
    static OutputReading of(const NetworkSpec& network, int outputs);

    OutputKind kind() const { return m_kind; }
    int outputs() const { return m_outputs; }

    /// The target of an absent class: -1 for a single tanh output, else 0 (present: 1).
    float absentTarget() const;
    /// The probability of the class an output unit stands for (class 1 for a single output,
    /// unit k's class otherwise), in [0, 1]: (y + 1) / 2 for a single tanh output, y clipped
    /// to [0, 1] otherwise.
    float unitProbability(float y) const;
    /// The probability of class `klass` for column `sample` of `outputs` (outputs x n).
    float probability(const ConstMatrixRef& outputs, Eigen::Index sample, int klass) const;
    /// Class of column `sample`: class 1 when a single output's probability is at least 0.5,
    /// else the unit with the largest value.
    int classOf(const ConstMatrixRef& outputs, Eigen::Index sample) const;
    /// classOf for every column; `classes` is resized to outputs.cols().
    void classify(const ConstMatrixRef& outputs, std::vector<int>& classes) const;
    /// An output as a value in [-1, 1] centred on the decision point (2p - 1), for diverging
    /// colour maps; an unbounded output is returned as it is.
    float centred(float y) const;

private:
    OutputKind m_kind = OutputKind::Unbounded;
    int m_outputs = 1;
};

}  // namespace nnplay
