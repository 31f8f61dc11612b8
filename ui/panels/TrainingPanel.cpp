// SPDX-License-Identifier: GPL-3.0-or-later
#include "panels/TrainingPanel.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QSignalBlocker>
#include <QSpinBox>
#include <algorithm>
#include <cmath>

#include "document/DocumentEdits.h"
#include "document/MergeIds.h"
#include "document/ProjectDocument.h"
#include "panels/AugmentationGroup.h"
#include "panels/EnsembleControls.h"
#include "panels/OptimizerChoices.h"
#include "panels/ShowValue.h"
#include "train/SettingsCheck.h"

namespace nnplay::ui {

const QList<double>& TrainingPanel::learningRates() {
    static const QList<double> rates{0.00001, 0.0001, 0.001, 0.003, 0.01, 0.03,
                                     0.1,     0.3,    1.0,   3.0,   10.0};
    return rates;
}

TrainingPanel::TrainingPanel(ProjectDocument* document, QWidget* parent)
    : QWidget(parent),
      m_document(document),
      m_form(new QFormLayout(this)),
      m_loss(new QComboBox(this)),
      m_optimizer(new QComboBox(this)),
      m_momentum(new QDoubleSpinBox(this)),
      m_momentumLabel(new QLabel(tr("Momentum"), this)),
      m_learningRate(new QComboBox(this)),
      m_learningRateRefused(new QLabel(this)),
      m_l1(new QDoubleSpinBox(this)),
      m_l2(new QDoubleSpinBox(this)),
      m_batchSize(new QSpinBox(this)),
      m_epochs(new QSpinBox(this)),
      m_patience(new QSpinBox(this)),
      m_augmentation(new AugmentationGroup(document, this)),
      m_ensemble(new EnsembleControls(document, this)) {
    m_loss->addItem(tr("Mean squared error"), int(LossKind::Mse));
    m_loss->addItem(tr("Binary cross-entropy"), int(LossKind::Bce));
    m_loss->addItem(tr("Categorical cross-entropy"), int(LossKind::Cce));
    m_loss->setToolTip(
        tr("How wrong an answer counts: cross-entropy suits class probabilities, "
           "squared error suits numbers."));
    addOptimizerChoices(m_optimizer);
    m_momentum->setRange(0.0, 0.999);
    m_momentum->setSingleStep(0.05);
    m_momentum->setDecimals(3);
    m_momentum->setToolTip(
        tr("How much of the previous step SGD keeps, which smooths and "
           "speeds up its path downhill."));
    m_learningRate->setEditable(true);
    m_learningRate->setInsertPolicy(QComboBox::NoInsert);
    m_learningRate->setCompleter(nullptr);  // "150" typed must not complete to "1e-05"
    for (double rate : learningRates()) m_learningRate->addItem(learningRateText(rate), rate);
    // No validator: it would swallow Return on a value it dislikes and leave the text
    // showing a rate that is not used. commitLearningRate() checks and says why instead.
    m_learningRate->setToolTip(
        tr("How big a step the weights take after each batch: too small "
           "learns slowly, too large jumps around. Pick one or type any positive number."));
    m_learningRateRefused->setObjectName(QStringLiteral("learningRateRefused"));
    m_learningRateRefused->setWordWrap(true);
    m_learningRateRefused->setStyleSheet(QStringLiteral("QLabel { color: #c0392b; }"));
    m_learningRateRefused->hide();
    for (QDoubleSpinBox* box : {m_l1, m_l2}) {
        box->setRange(0.0, 1.0);
        box->setDecimals(6);
        box->setSingleStep(0.001);
        box->setSpecialValueText(tr("Off"));
    }
    m_l1->setToolTip(
        tr("Pushes weights to exactly zero, so the network uses fewer "
           "connections (L1 regularization)."));
    m_l2->setToolTip(
        tr("Keeps weights small, which makes the boundary smoother and fights "
           "overfitting (L2 regularization)."));
    m_batchSize->setRange(1, 4096);
    m_batchSize->setToolTip(
        tr("How many examples the network looks at before each weight "
           "update."));
    m_epochs->setRange(1, 10000000);
    m_epochs->setToolTip(
        tr("How many passes over the training data Play makes before it "
           "pauses (press Play again to go on)."));
    m_patience->setRange(0, 10000);
    m_patience->setSpecialValueText(tr("Off"));
    m_patience->setSuffix(tr(" epochs"));

    // The loss names are long: when the dock is too narrow for them beside their label, the
    // row wraps and the box takes the dock's whole width, so no name is ever cut.
    m_loss->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    for (QComboBox* box : {m_optimizer, m_learningRate}) {
        box->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
        box->setMinimumContentsLength(8);
    }
    QFormLayout* form = m_form;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->setRowWrapPolicy(QFormLayout::WrapLongRows);
    form->addRow(tr("Loss"), m_loss);
    form->addRow(tr("Optimizer"), m_optimizer);
    form->addRow(m_momentumLabel, m_momentum);
    form->addRow(tr("Learning rate"), m_learningRate);
    form->addRow(m_learningRateRefused);
    form->addRow(tr("L1 penalty"), m_l1);
    form->addRow(tr("L2 penalty"), m_l2);
    form->addRow(tr("Batch size"), m_batchSize);
    form->addRow(tr("Epochs"), m_epochs);
    form->addRow(tr("Early stopping"), m_patience);
    form->addRow(tr("Ensemble of"), m_ensemble);
    form->addRow(m_augmentation);

    auto edit = [this](auto change, const QString& text, int mergeId) {
        TrainingSpec training = m_document->project().training;
        change(training);
        editTraining(*m_document, training, text, mergeId);
    };
    connect(m_loss, &QComboBox::activated, this, [this, edit](int index) {
        const auto kind = static_cast<LossKind>(m_loss->itemData(index).toInt());
        edit([kind](TrainingSpec& t) { t.loss = kind; }, tr("Change loss"), kMergeNone);
    });
    connect(m_optimizer, &QComboBox::activated, this, [this, edit](int index) {
        const std::string kind = m_optimizer->itemData(index).toString().toStdString();
        edit([kind](TrainingSpec& t) { t.optimizer.kind = kind; }, tr("Change optimizer"),
             kMergeNone);
    });
    connect(m_momentum, &QDoubleSpinBox::valueChanged, this, [edit](double v) {
        edit([v](TrainingSpec& t) { t.optimizer.momentum = static_cast<float>(v); },
             tr("Change momentum"), kMergeMomentum);
    });
    connect(m_learningRate, &QComboBox::activated, this, &TrainingPanel::commitLearningRate);
    connect(m_learningRate->lineEdit(), &QLineEdit::editingFinished, this,
            &TrainingPanel::commitLearningRate);
    connect(m_l1, &QDoubleSpinBox::valueChanged, this, [edit](double v) {
        edit([v](TrainingSpec& t) { t.l1 = static_cast<float>(v); }, tr("Change L1 penalty"),
             kMergeL1);
    });
    connect(m_l2, &QDoubleSpinBox::valueChanged, this, [edit](double v) {
        edit([v](TrainingSpec& t) { t.l2 = static_cast<float>(v); }, tr("Change L2 penalty"),
             kMergeL2);
    });
    connect(m_batchSize, &QSpinBox::valueChanged, this, [edit](int v) {
        edit([v](TrainingSpec& t) { t.batchSize = v; }, tr("Change batch size"), kMergeBatchSize);
    });
    connect(m_epochs, &QSpinBox::valueChanged, this, [edit](int v) {
        edit([v](TrainingSpec& t) { t.epochs = v; }, tr("Change epochs"), kMergeEpochs);
    });
    connect(m_patience, &QSpinBox::valueChanged, this, [edit](int v) {
        edit([v](TrainingSpec& t) { t.patience = v; }, tr("Change early stopping"), kMergePatience);
    });

    connect(m_document, &ProjectDocument::trainingChanged, this, &TrainingPanel::refresh);
    connect(m_document, &ProjectDocument::dataChanged, this, &TrainingPanel::refresh);  // tooltip
    connect(m_document, &ProjectDocument::projectReplaced, this, &TrainingPanel::refresh);
    refresh();
}

void TrainingPanel::commitLearningRate() {
    TrainingSpec training = m_document->project().training;
    const TypedLearningRate typed = readLearningRate(m_learningRate, training.optimizer);
    if (!typed.refusal.isEmpty()) {
        m_learningRateRefused->setText(typed.refusal);
        m_learningRateRefused->show();
        refresh();  // the field shows the rate in use again
        return;
    }
    if (!typed.rate) {
        // "0.030" typed for 0.03 (or the combo box's own echo of the shown value after a
        // refusal, which must not hide the refusal): show it as the list does.
        refresh();
        return;
    }
    m_learningRateRefused->hide();
    training.optimizer.learningRate = *typed.rate;
    editTraining(*m_document, training, tr("Change learning rate"), kMergeLearningRate);
}

void TrainingPanel::setHiddenControls(const std::vector<std::string>& names) {
    m_hidden = names;
    const auto hidden = [&names](const char* name) {
        return std::find(names.begin(), names.end(), name) != names.end();
    };
    m_form->setRowVisible(m_loss, !hidden("loss"));
    m_form->setRowVisible(m_optimizer, !hidden("optimizer"));
    m_form->setRowVisible(m_learningRate, !hidden("learning_rate"));
    if (hidden("learning_rate")) m_learningRateRefused->hide();
    m_form->setRowVisible(m_l1, !hidden("l1"));
    m_form->setRowVisible(m_l2, !hidden("l2"));
    m_form->setRowVisible(m_batchSize, !hidden("batch_size"));
    refresh();  // the momentum row goes with the optimizer's
}

bool TrainingPanel::rowShown(QWidget* field) const {
    int row = -1;
    QFormLayout::ItemRole role;
    m_form->getWidgetPosition(field, &row, &role);
    return row >= 0 && m_form->isRowVisible(row);
}

void TrainingPanel::refresh() {
    const TrainingSpec& t = m_document->project().training;
    const QSignalBlocker b1(m_loss), b2(m_optimizer), b3(m_momentum), b4(m_learningRate), b5(m_l1),
        b6(m_l2), b7(m_batchSize), b8(m_epochs), b9(m_patience);
    m_loss->setCurrentIndex(m_loss->findData(int(t.loss)));
    m_optimizer->setCurrentIndex(m_optimizer->findData(QString::fromStdString(t.optimizer.kind)));
    const bool sgd = t.optimizer.kind == "sgd";
    const bool optimizerShown =
        std::find(m_hidden.begin(), m_hidden.end(), "optimizer") == m_hidden.end();
    m_form->setRowVisible(m_momentum, sgd && optimizerShown);
    showValue(m_momentum, double(t.optimizer.momentum));
    showLearningRate(m_learningRate, t.optimizer.learningRate);
    showValue(m_l1, double(t.l1));
    showValue(m_l2, double(t.l2));
    showValue(m_batchSize, t.batchSize);
    showValue(m_epochs, t.epochs);
    showValue(m_patience, t.patience);
    m_patience->setToolTip(
        m_document->project().data.validationFraction > 0.0
            ? tr("Stop when the validation loss has not improved for this many epochs, and "
                 "keep the weights of the best epoch.")
            : tr("Stop when the test loss has not improved for this many epochs, and keep the "
                 "weights of the best epoch. Without a validation part the test set picks the "
                 "kept epoch, so the test figures flatter the network: set a validation share "
                 "in the data panel to keep the test set out of it."));
}

}  // namespace nnplay::ui
