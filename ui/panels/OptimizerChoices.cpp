// SPDX-License-Identifier: GPL-3.0-or-later
#include "panels/OptimizerChoices.h"

#include <QComboBox>
#include <QCoreApplication>
#include <QString>

namespace nnplay::ui {

void addOptimizerChoices(QComboBox* box) {
    // In the training panel's context: every panel shows the same translation of each name.
    box->addItem(QCoreApplication::translate("TrainingPanel", "SGD"), QStringLiteral("sgd"));
    box->addItem(QCoreApplication::translate("TrainingPanel", "RMSprop"),
                 QStringLiteral("rmsprop"));
    box->addItem(QCoreApplication::translate("TrainingPanel", "Adam"), QStringLiteral("adam"));
    box->setToolTip(QCoreApplication::translate(
        "TrainingPanel",
        "The rule that turns gradients into weight changes; Adam adapts the step size of every "
        "weight by itself."));
}

}  // namespace nnplay::ui
