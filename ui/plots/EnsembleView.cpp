// SPDX-License-Identifier: GPL-3.0-or-later
#include "plots/EnsembleView.h"

#include <qcustomplot.h>

#include <QEvent>
#include <QGridLayout>
#include <QLabel>
#include <QStackedWidget>
#include <QVBoxLayout>
#include <algorithm>
#include <cmath>

#include "plots/DecisionBoundaryView.h"
#include "plots/PlotStyle.h"

namespace nnplay::ui {

EnsembleView::EnsembleView(QWidget* parent)
    : QWidget(parent),
      m_pages(new QStackedWidget(this)),
      m_message(new QLabel(this)),
      m_planePage(new QWidget(this)),
      m_ensemble(new DecisionBoundaryView(m_planePage)),
      m_ensembleTitle(new QLabel(m_planePage)),
      m_membersHeading(nullptr),
      m_memberGrid(new QGridLayout),
      m_bars(new QCustomPlot(this)) {
    m_message->setWordWrap(true);
    m_message->setAlignment(Qt::AlignCenter);
    m_message->setMargin(24);
    QFont title = m_ensembleTitle->font();
    title.setBold(true);
    title.setPointSizeF(title.pointSizeF() * 1.15);
    m_ensembleTitle->setFont(title);
    m_ensembleTitle->setAlignment(Qt::AlignCenter);
    m_ensembleTitle->setWordWrap(true);
    // Titles never widen the window: they wrap in the width the plots leave them.
    m_ensembleTitle->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);

    auto* ensembleColumn = new QVBoxLayout;
    ensembleColumn->addWidget(m_ensembleTitle);
    ensembleColumn->addWidget(m_ensemble, 1);
    auto* membersColumn = new QVBoxLayout;
    m_membersHeading = new QLabel(m_planePage);
    QLabel* membersHeading = m_membersHeading;
    membersHeading->setFont(title);
    membersHeading->setAlignment(Qt::AlignCenter);
    membersHeading->setWordWrap(true);
    membersHeading->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    membersColumn->addWidget(membersHeading);
    membersColumn->addLayout(m_memberGrid, 1);
    auto* plane = new QHBoxLayout(m_planePage);
    plane->setContentsMargins(0, 0, 0, 0);
    plane->addLayout(ensembleColumn, 3);
    plane->addLayout(membersColumn, 2);

    m_memberBars = new QCPBars(m_bars->xAxis, m_bars->yAxis);
    m_ensembleBar = new QCPBars(m_bars->xAxis, m_bars->yAxis);
    m_memberBars->setName(tr("Members"));
    m_ensembleBar->setName(tr("Ensemble (average)"));
    m_bars->xAxis->grid()->setVisible(false);

    m_pages->addWidget(m_message);
    m_pages->addWidget(m_planePage);
    m_pages->addWidget(m_bars);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_pages);
    PlotStyle::apply(m_bars, palette());
    m_message->setText(tr("No ensemble yet."));
}

int EnsembleView::memberPlotCount() const {
    return m_pages->currentWidget() == m_planePage ? m_shownMembers : 0;
}

DecisionBoundaryView* EnsembleView::memberPlot(int index) const {
    return index >= 0 && index < m_shownMembers ? m_members[static_cast<std::size_t>(index)]
                                                : nullptr;
}

QLabel* EnsembleView::memberTitle(int index) const {
    return index >= 0 && index < m_shownMembers ? m_memberTitles[static_cast<std::size_t>(index)]
                                                : nullptr;
}

bool EnsembleView::showsMessage() const { return m_pages->currentWidget() == m_message; }

QString EnsembleView::figureText(double value, bool regression) {
    if (!std::isfinite(value)) return regression ? tr("no test MSE") : tr("no test accuracy");
    return regression ? tr("test MSE %1").arg(value, 0, 'g', 3)
                      : tr("test accuracy %1 %").arg(100.0 * value, 0, 'f', 1);
}

QString EnsembleView::shortFigureText(double value, bool regression) {
    if (!std::isfinite(value)) return tr("none");
    return regression ? QString::number(value, 'g', 3) : tr("%1 %").arg(100.0 * value, 0, 'f', 1);
}

void EnsembleView::setSnapshot(const TrainingSnapshot& snapshot) {
    const nnplay::SessionViews::EnsembleViews& ensemble = snapshot.ensemble;
    if (ensemble.empty()) {
        m_message->setText(
            snapshot.data && snapshot.data->info.task == Task::Gan
                ? tr("A GAN trains two networks against each other, not an ensemble.")
                : tr("This project trains one network. To compare several, set Ensemble in the "
                     "training panel to 2 networks or more (tick Bootstrap to give each its own "
                     "sample of the training data), then press Play: this tab then shows each "
                     "network beside their average."));
        m_pages->setCurrentWidget(m_message);
        return;
    }
    if (snapshot.data && snapshot.data->info.isPlane && !ensemble.boundaries.empty())
        showPlane(snapshot);
    else
        showBars(ensemble);
}

void EnsembleView::showPlane(const TrainingSnapshot& snapshot) {
    const nnplay::SessionViews::EnsembleViews& ensemble = snapshot.ensemble;
    const int count = static_cast<int>(ensemble.boundaries.size());
    m_ensemble->setSnapshot(snapshot);
    m_ensembleTitle->setText(tr("Average of %1 networks: %2")
                                 .arg(count)
                                 .arg(figureText(ensemble.ensembleFigure, ensemble.regression)));
    m_membersHeading->setText(ensemble.regression ? tr("Each network: test MSE")
                                                  : tr("Each network: test accuracy"));
    // At most three rows: the tab is wider than tall, and the average needs the room.
    const int columns = std::max(1, (count + 2) / 3);
    while (static_cast<int>(m_members.size()) < count) {
        auto* cell = new QWidget(m_planePage);
        auto* title = new QLabel(cell);
        title->setAlignment(Qt::AlignCenter);
        title->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
        auto* plot = new DecisionBoundaryView(cell);
        plot->setCompact(true);
        auto* box = new QVBoxLayout(cell);
        box->setContentsMargins(0, 0, 0, 0);
        box->setSpacing(0);
        box->addWidget(title);
        box->addWidget(plot, 1);
        m_memberCells.push_back(cell);
        m_members.push_back(plot);
        m_memberTitles.push_back(title);
    }
    if (count != m_shownMembers) {
        for (QWidget* cell : m_memberCells) {
            m_memberGrid->removeWidget(cell);
            cell->hide();
        }
        for (int k = 0; k < count; ++k) {
            m_memberGrid->addWidget(m_memberCells[static_cast<std::size_t>(k)], k / columns,
                                    k % columns);
            m_memberCells[static_cast<std::size_t>(k)]->show();
        }
        m_shownMembers = count;
    }
    // Each member's plot gets a snapshot of only what DecisionBoundaryView draws.
    TrainingSnapshot member;
    member.generation = snapshot.generation;
    member.data = snapshot.data;
    member.gridSize = ensemble.gridSize;
    for (int k = 0; k < count; ++k) {
        const auto index = static_cast<std::size_t>(k);
        member.boundary = ensemble.boundaries[index];
        m_members[index]->setSnapshot(member);
        const double figure =
            index < ensemble.testFigures.size() ? ensemble.testFigures[index] : NAN;
        m_memberTitles[index]->setText(
            tr("%1: %2").arg(k + 1).arg(shortFigureText(figure, ensemble.regression)));
    }
    m_pages->setCurrentWidget(m_planePage);
}

void EnsembleView::showBars(const nnplay::SessionViews::EnsembleViews& ensemble) {
    const int count = static_cast<int>(ensemble.testFigures.size());
    QVector<double> keys, values;
    auto ticker = QSharedPointer<QCPAxisTickerText>::create();
    for (int k = 0; k < count; ++k) {
        keys << k + 1;
        values << ensemble.testFigures[static_cast<std::size_t>(k)];
        ticker->addTick(k + 1, QString::number(k + 1));
    }
    const double ensembleKey = count + 1.5;
    ticker->addTick(ensembleKey, tr("Ensemble"));
    m_memberBars->setData(keys, values, true);
    m_ensembleBar->setData({ensembleKey}, {ensemble.ensembleFigure}, true);
    m_memberBars->setWidth(0.7);
    m_ensembleBar->setWidth(0.9);
    m_memberBars->setBrush(PlotStyle::tint(PlotStyle::positiveColor(), 0.45));
    m_memberBars->setPen(PlotStyle::pen(PlotStyle::positiveColor(), 1.0));
    m_ensembleBar->setBrush(PlotStyle::negativeColor());
    m_ensembleBar->setPen(PlotStyle::pen(PlotStyle::negativeColor().darker(130), 1.0));
    m_bars->xAxis->setTicker(ticker);
    m_bars->xAxis->setLabel(tr("Member"));
    m_bars->xAxis->setRange(0.3, ensembleKey + 0.8);
    m_bars->yAxis->setLabel(ensemble.regression ? tr("Test MSE (lower is better)")
                                                : tr("Test accuracy"));
    if (ensemble.regression) {
        double top = std::isfinite(ensemble.ensembleFigure) ? ensemble.ensembleFigure : 0.0;
        for (const double v : values)
            if (std::isfinite(v)) top = std::max(top, v);
        m_bars->yAxis->setRange(0.0, top > 0.0 ? top * 1.15 : 1.0);
    } else {
        m_bars->yAxis->setRange(0.0, 1.1);
    }
    // Each bar's figure above it: the differences are often a few percent.
    for (QCPItemText* label : m_barLabels) m_bars->removeItem(label);
    m_barLabels.clear();
    keys << ensembleKey;
    values << ensemble.ensembleFigure;
    const double lift = m_bars->yAxis->range().size() * 0.02;
    for (int i = 0; i < keys.size(); ++i) {
        if (!std::isfinite(values[i])) continue;
        auto* label = new QCPItemText(m_bars);
        label->setPositionAlignment(Qt::AlignHCenter | Qt::AlignBottom);
        label->position->setCoords(keys[i], values[i] + lift);
        label->setText(shortFigureText(values[i], ensemble.regression));
        label->setColor(palette().color(QPalette::WindowText));
        m_barLabels.push_back(label);
    }
    m_pages->setCurrentWidget(m_bars);
    m_bars->replot(QCustomPlot::rpQueuedReplot);
}

void EnsembleView::changeEvent(QEvent* event) {
    if (event->type() == QEvent::PaletteChange) PlotStyle::apply(m_bars, palette());
    QWidget::changeEvent(event);
}

}  // namespace nnplay::ui
