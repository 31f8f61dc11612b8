// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

class QComboBox;
class QCustomPlot;
class QLabel;
class QPushButton;

namespace nnplay::ui {

class RunArchive;

/// The runs of a RunArchive on one plot: one measure (training loss, test loss or test
/// accuracy) per epoch, a curve per run in its own colour, named in the legend, the current
/// run drawn thicker. For comparing a lesson's variants, or any two ways of training.
class RunComparisonView : public QWidget {
    Q_OBJECT
public:
    /// What the curves show, in the order of the measure box.
    enum class Measure { TrainLoss, TestLoss, TestAccuracy };

    /// `runs` is not owned and must outlive the view.
    explicit RunComparisonView(const RunArchive* runs, QWidget* parent = nullptr);

    void setMeasure(Measure measure);
    Measure measure() const;
    QCustomPlot* plot() const { return m_plot; }
    /// The legend's names, in order: finished runs, then the current one.
    QStringList curveNames() const;
    QPushButton* forgetButton() const { return m_forget; }

signals:
    /// The learner asked to forget the finished runs.
    void forgetRequested();

protected:
    void changeEvent(QEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    void showEvent(QShowEvent* event) override;

private:
    void redraw();

    const RunArchive* m_runs;
    QComboBox* m_measure;
    QLabel* m_hint;
    QPushButton* m_forget;
    QCustomPlot* m_plot;
    bool m_stale = false;
};

}  // namespace nnplay::ui
