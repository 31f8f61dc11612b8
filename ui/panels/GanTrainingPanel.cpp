// SPDX-License-Identifier: GPL-3.0-or-later
#include "panels/GanTrainingPanel.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QSignalBlocker>
#include <QSpinBox>
#include <QVBoxLayout>
#include <cmath>
#include <cstdint>
#include <limits>
#include <string>
#include <vector>

#include "Project.h"
#include "document/DocumentEdits.h"
#include "document/MergeIds.h"
#include "document/ProjectDocument.h"
#include "optim/Optimizer.h"
#include "panels/OptimizerChoices.h"
#include "panels/ShowValue.h"
#include "panels/TrainingPanel.h"
#include "train/GanSpec.h"
#include "train/SettingsCheck.h"

namespace nnplay::ui {

namespace {

/// The largest whole number a project file takes in a field such as training.steps (its
/// reader refuses anything beyond 2e9).
constexpr int kLargestFileInteger = 2'000'000'000;

OptimizerSettings& optimizerOf(GanSpec& gan, GanTrainingPanel::Network network) {
    return network == GanTrainingPanel::Network::Generator ? gan.generator : gan.discriminator;
}

const OptimizerSettings& optimizerOf(const GanSpec& gan, GanTrainingPanel::Network network) {
    return network == GanTrainingPanel::Network::Generator ? gan.generator : gan.discriminator;
}

}  // namespace

GanTrainingPanel::GanTrainingPanel(ProjectDocument* document, QWidget* parent)
    : QWidget(parent),
      m_document(document),
      m_steps(new QSpinBox(this)),
      m_batchSize(new QSpinBox(this)),
      m_dSteps(new QSpinBox(this)),
      m_gSteps(new QSpinBox(this)),
      m_loss(new QComboBox(this)),
      m_noiseDim(new QSpinBox(this)),
      m_noiseDistribution(new QComboBox(this)),
      m_measureEvery(new QSpinBox(this)),
      m_seed(new QDoubleSpinBox(this)) {
    m_steps->setRange(0, kLargestFileInteger);
    m_steps->setSingleStep(100);
    m_steps->setToolTip(
        tr("How many steps to train; each step updates the discriminator, then the generator."));
    m_batchSize->setRange(1, GanSpec::kMaxBatchSize);
    m_batchSize->setToolTip(
        tr("How many real and how many generated samples each update looks at."));
    m_dSteps->setRange(1, GanSpec::kMaxUpdatesPerStep);
    m_dSteps->setToolTip(tr("How many times the discriminator is updated in each step."));
    m_gSteps->setRange(1, GanSpec::kMaxUpdatesPerStep);
    m_gSteps->setToolTip(
        tr("How many times the generator is updated in each step, after the discriminator."));

    const auto addLoss = [this](const QString& name, GanLoss loss, const QString& tip) {
        m_loss->addItem(name, int(loss));
        m_loss->setItemData(m_loss->count() - 1, tip, Qt::ToolTipRole);
    };
    addLoss(tr("Minimax"), GanLoss::Minimax,
            tr("The original game: the generator lowers log(1 - D(fake)), which gives it "
               "almost no gradient while the discriminator easily tells its samples apart."));
    addLoss(tr("Non-saturating"), GanLoss::NonSaturating,
            tr("The generator raises log D(fake) instead, which pulls hardest exactly when the "
               "discriminator rejects its samples, so it learns from the start."));
    addLoss(tr("Least squares"), GanLoss::LeastSquares,
            tr("Squared errors push the discriminator's output to 1 for real and 0 for "
               "generated samples and the generator's towards 1, which keeps gradients "
               "alive for samples far from the data."));
    m_loss->setSizeAdjustPolicy(QComboBox::AdjustToContents);

    m_noiseDim->setRange(1, GanSpec::kMaxNoiseDim);
    m_noiseDim->setToolTip(tr("How many random numbers the generator turns into each sample."));
    m_noiseDistribution->addItem(tr("Uniform"), int(NoiseDistribution::Uniform));
    m_noiseDistribution->setItemData(0, tr("Each number drawn evenly between -1 and 1."),
                                     Qt::ToolTipRole);
    m_noiseDistribution->addItem(tr("Gaussian"), int(NoiseDistribution::Gaussian));
    m_noiseDistribution->setItemData(
        1, tr("Each number drawn from a bell curve around 0 (standard normal)."), Qt::ToolTipRole);
    m_noiseDistribution->setToolTip(tr("How the generator's random input is drawn."));
    m_measureEvery->setRange(1, kLargestFileInteger);
    m_measureEvery->setSuffix(tr(" steps"));
    m_measureEvery->setToolTip(
        tr("How often the losses and measures get a new point on the curves."));
    m_seed->setDecimals(0);
    m_seed->setRange(0.0, double(std::numeric_limits<std::uint32_t>::max()));
    m_seed->setToolTip(
        tr("Starts the random numbers of the first weights, the noise and the batches: the "
           "same seed trains the same way again."));

    auto* form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->setRowWrapPolicy(QFormLayout::WrapLongRows);
    form->addRow(tr("Steps"), m_steps);
    form->addRow(tr("Batch size"), m_batchSize);
    form->addRow(tr("D steps per step"), m_dSteps);
    form->addRow(tr("G steps per step"), m_gSteps);
    form->addRow(tr("Loss"), m_loss);
    form->addRow(tr("Noise dimension"), m_noiseDim);
    form->addRow(tr("Noise distribution"), m_noiseDistribution);
    form->addRow(tr("Measure every"), m_measureEvery);
    form->addRow(tr("Seed"), m_seed);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(buildNetworkGroup(Network::Generator));
    layout->addWidget(buildNetworkGroup(Network::Discriminator));
    layout->addStretch();

    auto edit = [this](auto change, const QString& text, int mergeId) {
        GanSpec gan = m_document->project().gan;
        change(gan);
        editGan(*m_document, gan, text, mergeId);
    };
    connect(m_steps, &QSpinBox::valueChanged, this, [edit](int v) {
        edit([v](GanSpec& g) { g.steps = v; }, tr("Change steps"), kMergeGanSteps);
    });
    connect(m_batchSize, &QSpinBox::valueChanged, this, [edit](int v) {
        edit([v](GanSpec& g) { g.batchSize = v; }, tr("Change batch size"), kMergeGanBatchSize);
    });
    connect(m_dSteps, &QSpinBox::valueChanged, this, [edit](int v) {
        edit([v](GanSpec& g) { g.dSteps = v; }, tr("Change D steps per step"), kMergeDSteps);
    });
    connect(m_gSteps, &QSpinBox::valueChanged, this, [edit](int v) {
        edit([v](GanSpec& g) { g.gSteps = v; }, tr("Change G steps per step"), kMergeGSteps);
    });
    connect(m_loss, &QComboBox::activated, this, [this, edit](int index) {
        const auto loss = static_cast<GanLoss>(m_loss->itemData(index).toInt());
        edit([loss](GanSpec& g) { g.loss = loss; }, tr("Change GAN loss"), kMergeNone);
    });
    connect(m_noiseDim, &QSpinBox::valueChanged, this, [edit](int v) {
        edit([v](GanSpec& g) { g.noise.dim = v; }, tr("Change noise dimension"), kMergeNoiseDim);
    });
    connect(m_noiseDistribution, &QComboBox::activated, this, [this, edit](int index) {
        const auto kind =
            static_cast<NoiseDistribution>(m_noiseDistribution->itemData(index).toInt());
        edit([kind](GanSpec& g) { g.noise.distribution = kind; }, tr("Change noise distribution"),
             kMergeNone);
    });
    connect(m_measureEvery, &QSpinBox::valueChanged, this, [edit](int v) {
        edit([v](GanSpec& g) { g.measureEvery = v; }, tr("Change measure interval"),
             kMergeMeasureEvery);
    });
    connect(m_seed, &QDoubleSpinBox::valueChanged, this, [edit](double v) {
        const auto seed = static_cast<std::uint32_t>(std::llround(v));
        edit([seed](GanSpec& g) { g.seed = seed; }, tr("Change seed"), kMergeGanSeed);
    });

    connect(m_document, &ProjectDocument::ganChanged, this, &GanTrainingPanel::refresh);
    connect(m_document, &ProjectDocument::projectReplaced, this, [this] {
        hideRefusals();  // they spoke of the project before
        refresh();
    });
    refresh();
}

QGroupBox* GanTrainingPanel::buildNetworkGroup(Network network) {
    const bool generator = network == Network::Generator;
    NetworkFields& f = m_networks[static_cast<std::size_t>(network)];
    f.group = new QGroupBox(generator ? tr("Generator") : tr("Discriminator"), this);
    f.optimizer = new QComboBox(f.group);
    addOptimizerChoices(f.optimizer);
    f.learningRate = new QComboBox(f.group);
    f.learningRate->setEditable(true);
    f.learningRate->setInsertPolicy(QComboBox::NoInsert);
    f.learningRate->setCompleter(nullptr);  // "150" typed must not complete to "1e-05"
    for (double rate : TrainingPanel::learningRates())
        f.learningRate->addItem(learningRateText(rate), rate);
    // No validator (as in TrainingPanel): commitLearningRate() checks and says why instead.
    f.learningRate->setToolTip(
        generator ? tr("How big a step the generator's weights take after each batch. Pick one "
                       "or type any positive number.")
                  : tr("How big a step the discriminator's weights take after each batch. Pick "
                       "one or type any positive number."));
    for (QComboBox* box : {f.optimizer, f.learningRate}) {
        box->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
        box->setMinimumContentsLength(8);
    }
    f.refusal = new QLabel(f.group);
    f.refusal->setObjectName(generator ? QStringLiteral("generatorLearningRateRefused")
                                       : QStringLiteral("discriminatorLearningRateRefused"));
    f.refusal->setWordWrap(true);
    f.refusal->setStyleSheet(QStringLiteral("QLabel { color: #c0392b; }"));
    f.refusal->hide();

    auto* form = new QFormLayout(f.group);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->setRowWrapPolicy(QFormLayout::WrapLongRows);
    form->addRow(tr("Optimizer"), f.optimizer);
    form->addRow(tr("Learning rate"), f.learningRate);
    form->addRow(f.refusal);

    connect(f.optimizer, &QComboBox::activated, this, [this, network, generator](int index) {
        GanSpec gan = m_document->project().gan;
        optimizerOf(gan, network).kind =
            fields(network).optimizer->itemData(index).toString().toStdString();
        editGan(*m_document, gan,
                generator ? tr("Change the generator's optimizer")
                          : tr("Change the discriminator's optimizer"));
    });
    connect(f.learningRate, &QComboBox::activated, this,
            [this, network] { commitLearningRate(network); });
    connect(f.learningRate->lineEdit(), &QLineEdit::editingFinished, this,
            [this, network] { commitLearningRate(network); });
    return f.group;
}

void GanTrainingPanel::commitLearningRate(Network network) {
    const NetworkFields& f = fields(network);
    GanSpec gan = m_document->project().gan;
    OptimizerSettings& optimizer = optimizerOf(gan, network);
    const TypedLearningRate typed = readLearningRate(f.learningRate, optimizer);
    if (!typed.refusal.isEmpty()) {
        f.refusal->setText(typed.refusal);
        f.refusal->show();
        refresh();  // the field shows the rate in use again
        return;
    }
    if (!typed.rate) {
        // "0.0010" typed for 0.001, or the box's own echo of the shown value after a refusal
        // (which must not hide the refusal): show it as the list does.
        refresh();
        return;
    }
    optimizer.learningRate = *typed.rate;
    f.refusal->hide();
    editGan(*m_document, gan,
            network == Network::Generator ? tr("Change the generator's learning rate")
                                          : tr("Change the discriminator's learning rate"),
            network == Network::Generator ? kMergeGeneratorLearningRate
                                          : kMergeDiscriminatorLearningRate);
}

void GanTrainingPanel::hideRefusals() {
    for (const NetworkFields& f : m_networks) f.refusal->hide();
}

void GanTrainingPanel::refresh() {
    const GanSpec& g = m_document->project().gan;
    std::vector<QObject*> controls{
        m_steps,    m_batchSize,         m_dSteps,       m_gSteps, m_loss,
        m_noiseDim, m_noiseDistribution, m_measureEvery, m_seed};
    for (const NetworkFields& f : m_networks) {
        controls.push_back(f.optimizer);
        controls.push_back(f.learningRate);
    }
    std::vector<QSignalBlocker> blockers;
    blockers.reserve(controls.size());
    for (QObject* control : controls) blockers.emplace_back(control);

    showValue(m_steps, g.steps);
    showValue(m_batchSize, g.batchSize);
    showValue(m_dSteps, g.dSteps);
    showValue(m_gSteps, g.gSteps);
    m_loss->setCurrentIndex(m_loss->findData(int(g.loss)));
    m_loss->setToolTip(m_loss->currentData(Qt::ToolTipRole).toString());
    showValue(m_noiseDim, g.noise.dim);
    m_noiseDistribution->setCurrentIndex(m_noiseDistribution->findData(int(g.noise.distribution)));
    showValue(m_measureEvery, g.measureEvery);
    showValue(m_seed, double(g.seed));
    for (Network network : {Network::Generator, Network::Discriminator}) {
        const NetworkFields& f = fields(network);
        const OptimizerSettings& o = optimizerOf(g, network);
        f.optimizer->setCurrentIndex(f.optimizer->findData(QString::fromStdString(o.kind)));
        showLearningRate(f.learningRate, o.learningRate);
    }
}

}  // namespace nnplay::ui
