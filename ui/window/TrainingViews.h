// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QString>
#include <optional>

class QStackedWidget;
class QTabWidget;
class QWidget;

namespace nnplay::ui {

class ConfusionMatrixView;
class DecisionBoundaryView;
class EnsembleView;
class GanCurveView;
class GanView;
class LossCurveView;
class MetricsView;
class NetworkTraceView;
class ProjectDocument;
class RunArchive;
class RunComparisonView;
class SampleGridView;
class SequenceView;
class SweepView;
class TrainingController;
struct DataPreview;
struct TrainingSnapshot;

/// The views of training: the tabs (output over the plane, confusion matrix, metrics, test samples,
/// one sample followed through the layers, the runs so far on one plot, a sequence model writing
/// on, a GAN's samples) and the
/// curves (losses, or a GAN's losses and measures). Hands
/// every snapshot to the views that show it, shows the tabs that fit the session's data (starting a
/// new kind of data on its most telling view) and asks the worker only for what visible views need.
/// Views are addressed by View, never by tab index.
class TrainingViews : public QObject {
    Q_OBJECT
public:
    enum class View {
        Output,
        ConfusionMatrix,
        Metrics,
        TestSamples,
        Trace,
        Runs,
        Sequence,
        Gan,
        Sweep,
        Ensemble
    };

    /// `training` and `document` are not owned and must outlive this object; the widgets are
    /// created here and belong to whoever takes tabs() and lossView() into a layout.
    TrainingViews(TrainingController* training, ProjectDocument* document,
                  QObject* parent = nullptr);

    QTabWidget* tabs() const { return m_tabs; }
    /// The curves under the tabs: the loss curves, or a GAN's curves.
    QStackedWidget* curves() const { return m_curves; }
    DecisionBoundaryView* boundaryView() const { return m_boundary; }
    SampleGridView* samplesView() const { return m_samples; }
    NetworkTraceView* traceView() const { return m_trace; }
    SequenceView* sequenceView() const { return m_sequence; }
    /// The Sweep tab: the project trained once per value of one setting.
    SweepView* sweepView() const { return m_sweep; }
    LossCurveView* lossView() const { return m_loss; }
    GanView* ganView() const { return m_gan; }
    GanCurveView* ganCurveView() const { return m_ganCurves; }
    MetricsView* metricsView() const { return m_metrics; }
    ConfusionMatrixView* confusionView() const { return m_confusion; }
    RunComparisonView* runsView() const { return m_runsView; }
    EnsembleView* ensembleView() const { return m_ensemble; }
    /// Every run of this window, for comparing them.
    RunArchive* runs() const { return m_runs; }

    /// The view a command line names: output, confusion, metrics, samples, inside, runs,
    /// sequence, gan, sweep or ensemble.
    static std::optional<View> viewNamed(const QString& name);
    /// Those names, for messages: "output, confusion, ...".
    static QString viewNames();

    /// Whether the view's tab is offered for the current data.
    bool isAvailable(View view) const;
    /// The view of the tab in front, and the tab's title.
    QWidget* currentView() const;
    QString currentViewTitle() const;
    /// Brings the view's tab to the front when it is available.
    void showView(View view);

    /// Hands the snapshot to the views (those in hidden tabs draw it once shown); a new
    /// generation first updates the tabs for its data.
    void setSnapshot(const TrainingSnapshot& snapshot);

private:
    QWidget* widget(View view) const;
    int indexOf(View view) const;
    void updateTabs(const DataPreview* data);
    void updateSnapshotRequest();

    TrainingController* m_training;
    QTabWidget* m_tabs;
    DecisionBoundaryView* m_boundary;
    ConfusionMatrixView* m_confusion;
    MetricsView* m_metrics;
    SampleGridView* m_samples;
    NetworkTraceView* m_trace;
    SequenceView* m_sequence;
    LossCurveView* m_loss;
    GanView* m_gan;
    GanCurveView* m_ganCurves;
    QStackedWidget* m_curves;
    RunArchive* m_runs;
    RunComparisonView* m_runsView;
    SweepView* m_sweep;
    EnsembleView* m_ensemble;
    int m_generation = -1;
    int m_kind = -1;  // the kind of data the current tab was chosen for
    bool m_ganProject = false;
};

}  // namespace nnplay::ui
