// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

class QCheckBox;
class QComboBox;
class QCustomPlot;
class QLabel;
class QSlider;

namespace nnplay::ui {

class ProjectDocument;
class RunArchive;
class RunList;

/// The runs of a RunArchive on one plot: one measure per epoch, a curve per run in its own
/// colour, named in the legend, the current run drawn thicker; beside it the RunList (which
/// runs are drawn, names, deleting, their differing settings). Curves can be smoothed as
/// TensorBoard smooths them (nnplay::smoothCurve; the raw curve stays faint behind) and losses
/// drawn on a log scale. For comparing a lesson's variants, a sweep's values, or any two ways
/// of training.
class RunComparisonView : public QWidget {
    Q_OBJECT
public:
    /// What the curves show, in the order of the measure box.
    enum class Measure {
        TrainLoss,
        ValidationLoss,
        TestLoss,
        TrainAccuracy,
        ValidationAccuracy,
        TestAccuracy
    };

    /// Neither is owned; both must outlive the view.
    RunComparisonView(const RunArchive* runs, ProjectDocument* document, QWidget* parent = nullptr);

    void setMeasure(Measure measure);
    Measure measure() const;
    /// The smoothing weight, 0 (none) .. 0.99.
    void setSmoothing(double weight);
    double smoothing() const;
    /// Losses on a log scale (accuracies are always linear).
    void setLogScale(bool log);
    QCustomPlot* plot() const { return m_plot; }
    RunList* list() const { return m_list; }
    /// The curves' names, in order: finished runs, then the current one (those drawn).
    QStringList curveNames() const;

protected:
    void changeEvent(QEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    void showEvent(QShowEvent* event) override;

private:
    void redraw();
    void redrawWhenVisible();

    const RunArchive* m_runs;
    QComboBox* m_measure;
    QSlider* m_smoothing;
    QLabel* m_smoothingValue;
    QCheckBox* m_log;
    QLabel* m_hint;
    QCustomPlot* m_plot;
    RunList* m_list;
    bool m_stale = false;
};

}  // namespace nnplay::ui
