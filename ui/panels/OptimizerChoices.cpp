// SPDX-License-Identifier: GPL-3.0-or-later
#include "panels/OptimizerChoices.h"

#include <QComboBox>
#include <QCoreApplication>
#include <QLocale>
#include <cmath>

#include "Types.h"
#include "train/SettingsCheck.h"

namespace nnplay::ui {

namespace {

// In the training panel's context: every panel shows the same translation of each text.
QString tr(const char* text) { return QCoreApplication::translate("TrainingPanel", text); }

/// Whether two rates are the same float within rounding ("0.0010" typed for 0.001).
bool sameRate(double a, double b) { return std::abs(a - b) <= 1e-6 * std::abs(a); }

}  // namespace

void addOptimizerChoices(QComboBox* box) {
    box->addItem(tr("SGD"), QStringLiteral("sgd"));
    box->addItem(tr("RMSprop"), QStringLiteral("rmsprop"));
    box->addItem(tr("Adam"), QStringLiteral("adam"));
    box->setToolTip(
        tr("The rule that turns gradients into weight changes; Adam adapts the step size of every "
           "weight by itself."));
}

QString learningRateText(double rate) { return QLocale().toString(rate, 'g', 6); }

void showLearningRate(QComboBox* box, float rate) {
    int match = -1;
    for (int i = 0; i < box->count(); ++i)
        if (sameRate(box->itemData(i).toDouble(), rate)) match = i;
    box->setCurrentIndex(match);
    if (match < 0) box->setEditText(learningRateText(rate));
}

TypedLearningRate readLearningRate(const QComboBox* box, const nnplay::OptimizerSettings& inUse) {
    const QString typed = box->currentText().trimmed();
    bool ok = false;
    double rate = QLocale().toDouble(typed, &ok);
    if (!ok) rate = QLocale::c().toDouble(typed, &ok);  // "0.5" also where the comma is decimal
    QString refusal;
    if (!ok) {
        refusal = tr("\"%1\" is not a number.").arg(typed.left(40));
    } else {
        nnplay::OptimizerSettings settings = inUse;
        settings.learningRate = static_cast<float>(rate);
        try {
            nnplay::checkOptimizerSettings(settings, "training");
        } catch (const nnplay::InputError&) {
            refusal = rate > 0.0 ? tr("%1 is too large for a learning rate.").arg(typed.left(40))
                                 : tr("The learning rate must be a positive number, not %1.")
                                       .arg(typed.left(40));
        }
    }
    TypedLearningRate out;
    if (!refusal.isEmpty()) {
        out.refusal =
            tr("%1 Training still uses %2.").arg(refusal, learningRateText(inUse.learningRate));
    } else if (!sameRate(rate, inUse.learningRate)) {
        out.rate = static_cast<float>(rate);
    }
    return out;
}

}  // namespace nnplay::ui
