// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

namespace nnplay {

/// What range a layer's outputs have when it ends a network, and so how a class and its
/// probability follow from them (OutputReading applies the rule).
enum class OutputKind {
    /// Any real number (dense, relu, linear): trained on 0/1 targets; a value clipped to
    /// [0, 1] reads as a probability.
    Unbounded,
    /// In (0, 1), the logistic sigmoid of the layer's input: the value is the probability.
    Probability,
    /// In (-1, 1) (tanh): one output is trained on -1/+1 targets and (y + 1) / 2 is the
    /// probability of class 1, so the decision threshold is 0.
    Symmetric,
    /// A distribution over the units (softmax): each column sums to 1, a unit's value is the
    /// probability of its class.
    Distribution,
};

}  // namespace nnplay
