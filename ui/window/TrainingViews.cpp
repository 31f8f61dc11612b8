// SPDX-License-Identifier: GPL-3.0-or-later
#include "window/TrainingViews.h"

#include <QTabWidget>

#include "plots/ConfusionMatrixView.h"
#include "plots/DecisionBoundaryView.h"
#include "plots/LossCurveView.h"
#include "plots/NetworkTraceView.h"
#include "plots/RunComparisonView.h"
#include "plots/SampleGridView.h"
#include "train/RunArchive.h"
#include "train/TrainingController.h"
#include "train/TrainingSnapshot.h"

namespace nnplay::ui {

TrainingViews::TrainingViews(TrainingController* training, QObject* parent)
    : QObject(parent),
      m_training(training),
      m_tabs(new QTabWidget),
      m_boundary(new DecisionBoundaryView),
      m_confusion(new ConfusionMatrixView),
      m_samples(new SampleGridView),
      m_trace(new NetworkTraceView),
      m_loss(new LossCurveView),
      m_runs(new RunArchive(this)),
      m_runsView(new RunComparisonView(m_runs)) {
    m_tabs->setDocumentMode(true);
    m_tabs->addTab(m_boundary, tr("Output"));
    m_tabs->addTab(m_confusion, tr("Confusion matrix"));
    m_tabs->addTab(m_samples, tr("Test samples"));
    m_tabs->addTab(m_trace, tr("Inside"));
    m_tabs->addTab(m_runsView, tr("Runs"));
    m_tabs->setTabToolTip(indexOf(View::Output),
                          tr("What the network answers at every point of the plane."));
    m_tabs->setTabToolTip(indexOf(View::ConfusionMatrix),
                          tr("Which classes the network mixes up on the test data."));
    m_tabs->setTabToolTip(indexOf(View::TestSamples),
                          tr("Test examples with the network's answers."));
    m_tabs->setTabToolTip(indexOf(View::Trace),
                          tr("One test sample followed through every layer of the network."));
    m_tabs->setTabToolTip(indexOf(View::Runs), tr("The runs so far, compared on one plot."));
    connect(m_runsView, &RunComparisonView::forgetRequested, m_runs, &RunArchive::clear);
    connect(m_tabs, &QTabWidget::currentChanged, this, &TrainingViews::updateSnapshotRequest);
    connect(m_trace, &NetworkTraceView::sampleChanged, this, &TrainingViews::updateSnapshotRequest);
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
        case View::TestSamples:
            return m_samples;
        case View::Trace:
            return m_trace;
        case View::Runs:
            return m_runsView;
    }
    return nullptr;
}

std::optional<TrainingViews::View> TrainingViews::viewNamed(const QString& name) {
    static const std::pair<const char*, View> names[] = {{"output", View::Output},
                                                         {"confusion", View::ConfusionMatrix},
                                                         {"samples", View::TestSamples},
                                                         {"inside", View::Trace},
                                                         {"runs", View::Runs}};
    for (const auto& [key, view] : names)
        if (name == QLatin1String(key)) return view;
    return std::nullopt;
}

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
    m_boundary->setSnapshot(snapshot);
    m_loss->setSnapshot(snapshot);
    m_runs->track(snapshot);
    if (isAvailable(View::ConfusionMatrix)) m_confusion->setSnapshot(snapshot);
    if (isAvailable(View::TestSamples)) m_samples->setSnapshot(snapshot);
    if (isAvailable(View::Trace)) m_trace->setSnapshot(snapshot);
}

void TrainingViews::updateTabs(const DataPreview* data) {
    const bool plane = !data || data->info.isPlane;
    const bool classification = !data || data->info.task == Task::Classification;
    m_tabs->setTabVisible(indexOf(View::Output), plane);
    m_tabs->setTabVisible(indexOf(View::ConfusionMatrix), classification && data);
    m_tabs->setTabVisible(indexOf(View::TestSamples), !plane);
    m_tabs->setTabVisible(indexOf(View::Trace), !plane);
    // A new kind of data starts on its most telling view: the plane, the pictures, or (for
    // a table of numbers) the confusion matrix.
    const bool images = data && data->info.imageShape.size() > 0;
    const View first = plane ? View::Output : images ? View::TestSamples : View::ConfusionMatrix;
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
    request.metrics = isAvailable(View::ConfusionMatrix);
    request.samples = isAvailable(View::TestSamples) || isAvailable(View::Trace);
    // One sample's trace, only while its tab is in front.
    request.traceSample = m_tabs->currentWidget() == m_trace ? m_trace->sample() : -1;
    m_training->setSnapshotRequest(request);
}

}  // namespace nnplay::ui
