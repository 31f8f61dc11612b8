// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

class QComboBox;

namespace nnplay::ui {

/// Adds the optimizers a project can name to `box` (SGD, RMSprop, Adam, each with its file name
/// "sgd", "rmsprop" or "adam" as item data) and gives the box a tooltip saying what an
/// optimizer does: the list every panel that picks an optimizer offers.
void addOptimizerChoices(QComboBox* box);

}  // namespace nnplay::ui
