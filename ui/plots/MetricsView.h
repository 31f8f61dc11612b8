// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>
#include <memory>

#include "train/TrainingSnapshot.h"

class QCustomPlot;
class QCPGraph;
class QLabel;
class QSlider;
class QTableWidget;

namespace nnplay::ui {

/// The test part's figures, as scikit-learn computes them. Classification: precision, recall,
/// F1 and support per class with their macro average; for two classes also the ROC and
/// precision-recall curves of the probability of class 1, with a decision threshold that moves
/// a marker along both and recomputes the table (and, through thresholdChanged, the confusion
/// matrix). Regression: MSE, MAE and R², the predicted against the actual values and the
/// residuals.
class MetricsView : public QWidget {
    Q_OBJECT
public:
    explicit MetricsView(QWidget* parent = nullptr);

    void setSnapshot(const TrainingSnapshot& snapshot);
    /// The decision threshold on the probability of class 1 (0.5 unless moved).
    double threshold() const;
    void setThreshold(double threshold);

    /// For tests: the table, the headline, and the plots.
    QTableWidget* table() const { return m_table; }
    QString headline() const;
    QCustomPlot* rocPlot() const { return m_roc; }
    QCustomPlot* precisionRecallPlot() const { return m_pr; }
    QCustomPlot* scatterPlot() const { return m_scatter; }
    QCustomPlot* residualPlot() const { return m_residuals; }
    QSlider* thresholdSlider() const { return m_slider; }

signals:
    void thresholdChanged(double threshold);

protected:
    void changeEvent(QEvent* event) override;
    void showEvent(QShowEvent* event) override;

private:
    void showClassification();
    void showRegression();
    void drawCurves();
    void drawScatter();
    void applyStyle();
    void replot();

    QLabel* m_headline;
    QTableWidget* m_table;
    QWidget* m_curves;  // ROC, precision-recall and the threshold row
    QCustomPlot* m_roc;
    QCustomPlot* m_pr;
    QCPGraph* m_rocMarker;
    QCPGraph* m_prMarker;
    QSlider* m_slider;
    QLabel* m_thresholdLabel;
    QWidget* m_regression;  // predicted against actual, residuals
    QCustomPlot* m_scatter;
    QCustomPlot* m_residuals;
    nnplay::Evaluation m_test;
    std::shared_ptr<const DataPreview> m_data;
    bool m_hasTest = false;
    bool m_stale = false;  // updated while hidden, not drawn yet
};

}  // namespace nnplay::ui
