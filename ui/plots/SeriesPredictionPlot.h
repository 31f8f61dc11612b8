// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

#include "train/SessionViews.h"

class QCustomPlot;
class QCPGraph;
class QCPItemRect;
class QCPItemText;

namespace nnplay::ui {

/// A series task's predictions on one plot (SessionViews::SequenceViews): the true wave, the
/// network's one-step-ahead predictions (each read from the true values before it) and its
/// free-running continuation (each read from its own earlier predictions), after a shaded
/// band over the primed window that both start from. A legend row above names the three.
class SeriesPredictionPlot : public QWidget {
    Q_OBJECT
public:
    explicit SeriesPredictionPlot(QWidget* parent = nullptr);

    /// Draws `sequence` (a series: isText() false).
    void setSeries(const nnplay::SessionViews::SequenceViews& sequence);

    QCustomPlot* plot() const { return m_plot; }
    QCPGraph* truthGraph() const { return m_truth; }
    QCPGraph* oneStepGraph() const { return m_oneStep; }
    QCPGraph* freeRunningGraph() const { return m_freeRunning; }
    /// The line under the plot: how far each prediction is off on average.
    QString summaryText() const;

protected:
    void changeEvent(QEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;

private:
    /// Legend columns and value labels that fit the plot's size.
    void fitToSize();
    void applyStyle();

    QCustomPlot* m_plot;
    QCPGraph* m_truth;
    QCPGraph* m_oneStep;
    QCPGraph* m_freeRunning;
    QCPItemRect* m_primedBand;
    QCPItemText* m_primedText;
    QString m_summary;
};

}  // namespace nnplay::ui
