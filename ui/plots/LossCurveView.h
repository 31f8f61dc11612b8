// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

#include "train/TrainingSnapshot.h"

class QCheckBox;
class QCustomPlot;
class QCPGraph;
class QCPItemStraightLine;
class QCPItemText;
class QCPItemTracer;
class QLabel;
class QMouseEvent;

namespace nnplay::ui {

/// Training, validation (when the run has a validation part) and test loss (left axis) and
/// accuracy (right axis, classification only) per epoch, read from the history's columns by
/// name. The band between the training and test loss shows the generalisation gap. Hovering
/// shows the exact values of the epoch under the mouse; the loss axis can be logarithmic.
class LossCurveView : public QWidget {
    Q_OBJECT
public:
    explicit LossCurveView(QWidget* parent = nullptr);

    /// Appends the snapshot's new history rows (starts over on a new generation).
    void setSnapshot(const TrainingSnapshot& snapshot);
    void setLogScale(bool log);
    bool logScale() const;

    QCustomPlot* plot() const { return m_plot; }
    /// The text of the hover read-out for `epoch` (what hovering that epoch shows).
    QString valuesText(int epoch) const;
    /// Shows the read-out for `epoch` as hovering does (-1 hides it).
    void showEpoch(int epoch);
    /// Whether the plot marks a divergence (shown until training goes on or starts over).
    bool divergenceShown() const;
    /// The epoch marked as the one whose weights early stopping restored; 0: none.
    int restoredEpochShown() const;
    /// The line of the newest epoch's numbers above the curves (losses, the gap, accuracy).
    QString summaryText() const;

protected:
    void changeEvent(QEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void showDivergence(bool diverged, int epoch);
    void showRestoredEpoch(int epoch);
    /// The history row of `epoch`, or -1.
    int rowOf(int epoch) const;
    float value(int row, const char* column) const;
    void startOver(bool classification);
    void appendRows(const nnplay::History& rows);
    void onMouseMove(QMouseEvent* event);
    void rescale();
    /// Fits what has text to the plot's size: as many legend columns as fit whole, and no
    /// more epoch, loss and accuracy ticks than their labels have room for.
    void fitToSize();
    void applyStyle();

    QCustomPlot* m_plot;
    QCheckBox* m_logBox;
    QLabel* m_summary;
    QCPGraph* m_trainLoss;
    QCPGraph* m_valLoss;
    QCPGraph* m_testLoss;
    QCPGraph* m_trainAccuracy;
    QCPGraph* m_valAccuracy;
    QCPGraph* m_testAccuracy;
    QCPItemStraightLine* m_cursor;
    QCPItemTracer* m_trainTracer;
    QCPItemTracer* m_testTracer;
    QCPItemText* m_readout;
    QCPItemStraightLine* m_divergedLine;
    QCPItemText* m_divergedNote;
    QCPItemStraightLine* m_bestLine;
    QCPItemText* m_bestNote;

    nnplay::History m_history;  // what is drawn
    bool m_hasValidation = false;
    int m_generation = -1;
    bool m_classification = true;
    int m_hoverEpoch = -1;
};

}  // namespace nnplay::ui
