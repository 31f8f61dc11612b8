// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>
#include <vector>

#include "train/TrainingSnapshot.h"

class QCPBars;
class QCPItemText;
class QCustomPlot;
class QGridLayout;
class QLabel;
class QStackedWidget;

namespace nnplay::ui {

class DecisionBoundaryView;

/// An ensemble's members beside their average (SessionViews::ensemble). 2-D data: the
/// ensemble's output over the plane as a large DecisionBoundaryView and each member's as a
/// small one, each titled with its test accuracy (regression: test MSE). Other data: a bar per
/// member and one for the ensemble. Without an ensemble (one network) it says how to train one.
class EnsembleView : public QWidget {
    Q_OBJECT
public:
    explicit EnsembleView(QWidget* parent = nullptr);

    void setSnapshot(const TrainingSnapshot& snapshot);

    /// For tests and the screenshot: the member plots shown (one per member on 2-D data).
    int memberPlotCount() const;
    DecisionBoundaryView* memberPlot(int index) const;
    QLabel* memberTitle(int index) const;
    DecisionBoundaryView* ensemblePlot() const { return m_ensemble; }
    QLabel* ensembleTitle() const { return m_ensembleTitle; }
    /// The bar chart of other data, and the sentence shown instead of any plot.
    QCustomPlot* barChart() const { return m_bars; }
    QLabel* message() const { return m_message; }
    /// Whether the message is the page in front (no ensemble to show).
    bool showsMessage() const;

protected:
    void changeEvent(QEvent* event) override;

private:
    void showPlane(const TrainingSnapshot& snapshot);
    void showBars(const nnplay::SessionViews::EnsembleViews& ensemble);
    /// "test accuracy 88.0 %" or "test MSE 0.123".
    static QString figureText(double value, bool regression);
    /// "88.0 %" or "0.123": under a heading that names the figure.
    static QString shortFigureText(double value, bool regression);

    QStackedWidget* m_pages;
    QLabel* m_message;
    QWidget* m_planePage;
    DecisionBoundaryView* m_ensemble;
    QLabel* m_ensembleTitle;
    QLabel* m_membersHeading;
    QGridLayout* m_memberGrid;
    std::vector<QWidget*> m_memberCells;
    std::vector<DecisionBoundaryView*> m_members;
    std::vector<QLabel*> m_memberTitles;
    int m_shownMembers = 0;
    QCustomPlot* m_bars;
    QCPBars* m_memberBars;
    QCPBars* m_ensembleBar;
    std::vector<QCPItemText*> m_barLabels;
};

}  // namespace nnplay::ui
