// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <optional>

#include "optim/Optimizer.h"

class QComboBox;

namespace nnplay::ui {

/// Adds the optimizers a project can name to `box` (SGD, RMSprop, Adam, each with its file name
/// "sgd", "rmsprop" or "adam" as item data) and gives the box a tooltip saying what an
/// optimizer does: the list every panel that picks an optimizer offers.
void addOptimizerChoices(QComboBox* box);

/// "0.001": a learning rate as the fields show it.
QString learningRateText(double rate);

/// Shows `rate` in an editable box of listed rates: its entry (the document stores floats, so
/// matched with a tolerance), else the number as text.
void showLearningRate(QComboBox* box, float rate);

/// What was typed into a learning-rate box, read against the settings in use.
struct TypedLearningRate {
    /// The new rate; nullopt when it is refused or the same as the one in use.
    std::optional<float> rate;
    /// Why it is refused, in sentences ending with the rate training still uses; empty
    /// otherwise.
    QString refusal;
};
/// Reads the box's text (in the locale's notation or with a decimal point) and checks it by
/// the file's rule (checkOptimizerSettings: positive, finite as a float).
TypedLearningRate readLearningRate(const QComboBox* box, const nnplay::OptimizerSettings& inUse);

}  // namespace nnplay::ui
