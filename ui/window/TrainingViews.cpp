// SPDX-License-Identifier: GPL-3.0-or-later
#include "window/TrainingViews.h"

#include <qcustomplot.h>

#include <QStackedWidget>
#include <QStringList>
#include <QTabWidget>

#include "document/ProjectDocument.h"
#include "plots/ConfusionMatrixView.h"
#include "plots/DecisionBoundaryView.h"
#include "plots/EnsembleView.h"
#include "plots/GanCurveView.h"
#include "plots/GanView.h"
#include "plots/LossCurveView.h"
#include "plots/MetricsView.h"
#include "plots/NetworkTraceView.h"
#include "plots/PictureActions.h"
#include "plots/RunComparisonView.h"
#include "plots/SampleGridView.h"
#include "plots/SequenceView.h"
#include "plots/SweepView.h"
#include "train/RunArchive.h"
#include "train/TrainingController.h"
#include "train/TrainingSnapshot.h"

namespace nnplay::ui {

namespace {

const std::pair<const char*, TrainingViews::View> kViewNames[] = {
    {"output", TrainingViews::View::Output},
    {"confusion", TrainingViews::View::ConfusionMatrix},
    {"metrics", TrainingViews::View::Metrics},
    {"samples", TrainingViews::View::TestSamples},
    {"inside", TrainingViews::View::Trace},
    {"runs", TrainingViews::View::Runs},
    {"sequence", TrainingViews::View::Sequence},
    {"gan", TrainingViews::View::Gan},
    {"sweep", TrainingViews::View::Sweep},
    {"ensemble", TrainingViews::View::Ensemble}};

}  // namespace

TrainingViews::TrainingViews(TrainingController* training, ProjectDocument* document,
                             QObject* parent)
    : QObject(parent),
      m_training(training),
      m_tabs(new QTabWidget),
      m_boundary(new DecisionBoundaryView),
      m_confusion(new ConfusionMatrixView),
      m_metrics(new MetricsView),
      m_samples(new SampleGridView),
      m_trace(new NetworkTraceView),
      m_sequence(new SequenceView),
      m_loss(new LossCurveView),
      m_gan(new GanView),
      m_ganCurves(new GanCurveView),
      m_curves(new QStackedWidget),
      m_runs(new RunArchive(document, this)),
      m_runsView(new RunComparisonView(m_runs, document)),
      m_sweep(new SweepView),
      m_ensemble(new EnsembleView) {
    m_tabs->setDocumentMode(true);
    m_tabs->addTab(m_boundary, tr("Output"));
    m_tabs->addTab(m_confusion, tr("Confusion matrix"));
    m_tabs->addTab(m_metrics, tr("Metrics"));
    m_tabs->addTab(m_samples, tr("Test samples"));
    m_tabs->addTab(m_trace, tr("Inside"));
    m_tabs->addTab(m_runsView, tr("Runs"));
    m_tabs->addTab(m_sequence, tr("Sequence"));
    m_tabs->addTab(m_gan, tr("Samples"));
    m_tabs->addTab(m_sweep, tr("Sweep"));
    m_tabs->addTab(m_ensemble, tr("Ensemble"));
    m_curves->addWidget(m_loss);
    m_curves->addWidget(m_ganCurves);
    m_tabs->setTabToolTip(indexOf(View::Output),
                          tr("What the network answers at every point of the plane."));
    m_tabs->setTabToolTip(indexOf(View::ConfusionMatrix),
                          tr("Which classes the network mixes up on the test data."));
    m_tabs->setTabToolTip(indexOf(View::Metrics),
                          tr("Precision, recall and F1 per class, ROC and precision-recall "
                             "curves, or the errors of a regression, on the test data."));
    m_tabs->setTabToolTip(indexOf(View::TestSamples),
                          tr("Test examples with the network's answers."));
    m_tabs->setTabToolTip(indexOf(View::Trace),
                          tr("One test sample followed through every layer of the network."));
    m_tabs->setTabToolTip(indexOf(View::Runs), tr("The runs so far, compared on one plot."));
    m_tabs->setTabToolTip(indexOf(View::Sequence),
                          tr("The network continuing a sequence by itself, and its hidden state "
                             "over time."));
    m_tabs->setTabToolTip(indexOf(View::Gan),
                          tr("Real and generated samples, and what the discriminator makes of "
                             "them."));
    m_tabs->setTabToolTip(indexOf(View::Sweep),
                          tr("The project trained once per value of one setting, the results "
                             "side by side."));
    m_tabs->setTabToolTip(indexOf(View::Ensemble),
                          tr("Each network of an ensemble beside their average."));
    for (const auto& [name, view] : kViewNames)
        PictureActions::install(widget(view), QLatin1String(name));
    PictureActions::install(m_loss, QStringLiteral("curves"));
    PictureActions::install(m_ganCurves, QStringLiteral("gan-curves"));
    // A cell of the matrix shows its samples.
    connect(m_confusion, &ConfusionMatrixView::cellClicked, this, [this](int truth, int guess) {
        if (!isAvailable(View::TestSamples)) return;  // 2-D points: the Output view shows them
        m_samples->markCell(truth, guess);
        showView(View::TestSamples);
    });
    connect(m_metrics, &MetricsView::thresholdChanged, m_confusion,
            &ConfusionMatrixView::setThreshold);
    // A sweep's runs join the project's, so the Runs tab overlays their curves.
    connect(m_sweep, &SweepView::runFinished, document, &ProjectDocument::addRun);
    connect(m_tabs, &QTabWidget::currentChanged, this, &TrainingViews::updateSnapshotRequest);
    connect(m_trace, &NetworkTraceView::sampleChanged, this, &TrainingViews::updateSnapshotRequest);
    connect(m_sequence, &SequenceView::requestChanged, this, &TrainingViews::updateSnapshotRequest);
    // The point under the mouse on the plane, run through the network by the worker.
    connect(m_boundary, &DecisionBoundaryView::pointHovered, this, [this](float x1, float x2) {
        SnapshotRequest request = m_training->snapshotRequest();
        request.probe = true;
        request.probeX1 = x1;
        request.probeX2 = x2;
        m_training->setSnapshotRequest(request);
    });
    connect(m_boundary, &DecisionBoundaryView::hoverEnded, this, [this] {
        SnapshotRequest request = m_training->snapshotRequest();
        request.probe = false;
        m_training->setSnapshotRequest(request);
    });
    connect(m_samples, &SampleGridView::sampleClicked, this, [this](int sample) {
        m_trace->setSample(sample);
        showView(View::Trace);
    });
}

QWidget* TrainingViews::widget(View view) const {
    switch (view) {
        case View::Output:
            return m_boundary;
        case View::ConfusionMatrix:
            return m_confusion;
        case View::Metrics:
            return m_metrics;
        case View::TestSamples:
            return m_samples;
        case View::Trace:
            return m_trace;
        case View::Runs:
            return m_runsView;
        case View::Sequence:
            return m_sequence;
        case View::Gan:
            return m_gan;
        case View::Sweep:
            return m_sweep;
        case View::Ensemble:
            return m_ensemble;
    }
    return nullptr;
}

std::optional<TrainingViews::View> TrainingViews::viewNamed(const QString& name) {
    for (const auto& [key, view] : kViewNames)
        if (name == QLatin1String(key)) return view;
    return std::nullopt;
}

QString TrainingViews::viewNames() {
    QStringList names;
    for (const auto& entry : kViewNames) names << QLatin1String(entry.first);
    return names.join(QStringLiteral(", "));
}

QWidget* TrainingViews::currentView() const { return m_tabs->currentWidget(); }

QString TrainingViews::currentViewTitle() const { return m_tabs->tabText(m_tabs->currentIndex()); }

int TrainingViews::indexOf(View view) const { return m_tabs->indexOf(widget(view)); }

bool TrainingViews::isAvailable(View view) const { return m_tabs->isTabVisible(indexOf(view)); }

void TrainingViews::showView(View view) {
    if (isAvailable(view)) m_tabs->setCurrentWidget(widget(view));
}

void TrainingViews::setSnapshot(const TrainingSnapshot& snapshot) {
    if (snapshot.generation != m_generation) {
        m_generation = snapshot.generation;
        updateTabs(snapshot.data.get());
    }
    if (m_ganProject) {
        m_gan->setSnapshot(snapshot);
        m_ganCurves->setSnapshot(snapshot);
        return;
    }
    m_boundary->setSnapshot(snapshot);
    m_loss->setSnapshot(snapshot);
    m_runs->track(snapshot);
    if (isAvailable(View::ConfusionMatrix)) m_confusion->setSnapshot(snapshot);
    if (isAvailable(View::Metrics)) m_metrics->setSnapshot(snapshot);
    if (isAvailable(View::TestSamples)) m_samples->setSnapshot(snapshot);
    if (isAvailable(View::Trace)) m_trace->setSnapshot(snapshot);
    if (isAvailable(View::Sequence)) m_sequence->setSnapshot(snapshot);
    if (isAvailable(View::Ensemble)) m_ensemble->setSnapshot(snapshot);
}

void TrainingViews::updateTabs(const DataPreview* data) {
    // A GAN has views of its own: no test part, no classes, two networks.
    m_ganProject = data && data->info.task == Task::Gan;
    const bool supervised = !m_ganProject;
    const bool plane = !data || data->info.isPlane;
    const bool classification = !data || data->info.task == Task::Classification;
    m_tabs->setTabVisible(indexOf(View::Output), supervised && plane);
    m_tabs->setTabVisible(indexOf(View::ConfusionMatrix), supervised && classification && data);
    m_tabs->setTabVisible(indexOf(View::Metrics), supervised && data != nullptr);
    m_tabs->setTabVisible(indexOf(View::TestSamples), supervised && !plane);
    m_confusion->plot()->setToolTip(!plane ? tr("Click a cell to see its test samples.")
                                           : QString());
    m_tabs->setTabVisible(indexOf(View::Trace), supervised && !plane);
    m_tabs->setTabVisible(indexOf(View::Runs), supervised);
    const bool sequence = data && data->info.inputShape.isSequence();
    m_tabs->setTabVisible(indexOf(View::Sequence), supervised && sequence);
    m_tabs->setTabVisible(indexOf(View::Gan), m_ganProject);
    m_tabs->setTabVisible(indexOf(View::Sweep), supervised);
    m_tabs->setTabVisible(indexOf(View::Ensemble), supervised);
    m_curves->setCurrentWidget(m_ganProject ? static_cast<QWidget*>(m_ganCurves) : m_loss);
    // A new kind of data starts on its most telling view: the plane, the pictures, or (for
    // a table of numbers) the confusion matrix or a regression's errors; sequences the
    // network continuing one.
    const bool images = data && data->info.imageShape.size() > 0;
    const View first = m_ganProject ? View::Gan
                       : plane      ? View::Output
                       : sequence   ? View::Sequence
                       : images     ? View::TestSamples
                                    : (classification ? View::ConfusionMatrix : View::Metrics);
    const int kind = static_cast<int>(first);
    if (kind != m_kind) {
        m_kind = kind;
        m_tabs->setCurrentWidget(isAvailable(first) ? widget(first) : widget(View::TestSamples));
    }
    updateSnapshotRequest();
}

void TrainingViews::updateSnapshotRequest() {
    // Only what depends on the tabs; the grid sizes stay as whoever set them wants.
    SnapshotRequest request = m_training->snapshotRequest();
    request.metrics = isAvailable(View::ConfusionMatrix) || isAvailable(View::Metrics);
    // A GAN's samples (real, generated, their gradients, the manifold) are its main view.
    request.samples =
        isAvailable(View::TestSamples) || isAvailable(View::Trace) || isAvailable(View::Gan);
    // One sample's trace, only while its tab is in front.
    request.traceSample = m_tabs->currentWidget() == m_trace ? m_trace->sample() : -1;
    request.saliencySample = request.traceSample;  // shown above the trace
    // Every member's boundary and test score: only while the ensemble's tab is in front.
    request.members = m_tabs->currentWidget() == m_ensemble;
    // The sequence preview costs a few hundred forward passes: only while its tab is in front.
    m_sequence->request(request, m_tabs->currentWidget() == m_sequence);
    m_training->setSnapshotRequest(request);
}

}  // namespace nnplay::ui
