// SPDX-License-Identifier: GPL-3.0-or-later
#include "plots/GanCurveView.h"

#include <qcustomplot.h>

#include <QEvent>
#include <QLabel>
#include <QVBoxLayout>
#include <algorithm>
#include <cmath>
#include <limits>

#include "plots/PlotFit.h"
#include "plots/PlotStyle.h"
#include "plots/SegmentGraph.h"
#include "style/UiScale.h"

namespace nnplay::ui {

namespace {

/// Steps the x axis spans at least.
constexpr double kMinSteps = 10.0;

QString numberText(double value) {
    return std::isfinite(value) ? QString::number(value, 'g', 3) : QStringLiteral("–");
}

double finiteOrNan(float value) { return std::isfinite(value) ? value : NAN; }

int index(GanCurveView::Curve curve) { return static_cast<int>(curve); }

}  // namespace

GanCurveView::GanCurveView(QWidget* parent)
    : QWidget(parent),
      m_summary(new QLabel(this)),
      m_lossPlot(new QCustomPlot(this)),
      m_measurePlot(new QCustomPlot(this)) {
    m_summary->setToolTip(tr("The newest measurement's numbers."));
    m_summary->setWordWrap(true);
    m_summary->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_summary);
    layout->addWidget(m_lossPlot, 1);
    layout->addWidget(m_measurePlot, 1);
    m_lossPlot->setMinimumSize(220, 120);
    m_measurePlot->setMinimumSize(220, 120);

    for (QCustomPlot* plot : {m_lossPlot, m_measurePlot}) {
        plot->xAxis->setLabel(tr("Step"));
        PlotFit::useEpochAxis(plot);  // whole steps, a step fitted by fitToSize()
        plot->xAxis->setRange(0, kMinSteps);
    }
    m_lossPlot->yAxis->setLabel(tr("Loss"));
    m_lossPlot->yAxis->setRange(0, 1);
    m_measurePlot->yAxis->setLabel(tr("nats"));
    m_measurePlot->yAxis->setRange(0, 1);
    m_measurePlot->yAxis2->setLabel(tr("Modes"));
    m_measurePlot->yAxis2->setRange(0.0, 1.0);
    m_measurePlot->yAxis2->setTicker(PlotFit::percentTicks(25));

    auto add = [&](Curve curve, QCPAxis* valueAxis, const QString& name, const QPen& pen) {
        auto* graph = new SegmentGraph(valueAxis->axisRect()->axis(QCPAxis::atBottom), valueAxis);
        graph->setName(name);
        graph->setPen(pen);
        graph->setSelectable(QCP::stNone);
        m_graphs[static_cast<std::size_t>(index(curve))] = graph;
    };
    add(Curve::DLoss, m_lossPlot->yAxis, tr("Discriminator loss"),
        QPen(PlotStyle::positiveColor(), 2));
    add(Curve::GLoss, m_lossPlot->yAxis, tr("Generator loss"), QPen(PlotStyle::classColor(4), 2));
    add(Curve::JsDivergence, m_measurePlot->yAxis, tr("JS divergence"),
        QPen(PlotStyle::negativeColor(), 2));
    add(Curve::KlDivergence, m_measurePlot->yAxis, tr("KL divergence"),
        QPen(PlotStyle::classColor(3), 1.5, Qt::DashLine));
    add(Curve::ModeCoverage, m_measurePlot->yAxis2, tr("Modes covered"),
        QPen(PlotStyle::classColor(2), 2));
    PlotFit::placeLegendAbove(m_lossPlot, font());
    PlotFit::placeLegendAbove(m_measurePlot, font());

    applyStyle();
    startOver();
}

QCPGraph* GanCurveView::graph(Curve curve) const {
    return m_graphs[static_cast<std::size_t>(index(curve))];
}

int GanCurveView::pointCount(Curve curve) const { return graph(curve)->dataCount(); }

double GanCurveView::lastStep(Curve curve) const {
    const QCPGraph* g = graph(curve);
    return g->data()->isEmpty() ? NAN : (g->data()->constEnd() - 1)->key;
}

double GanCurveView::lastValue(Curve curve) const {
    const QCPGraph* g = graph(curve);
    return g->data()->isEmpty() ? NAN : (g->data()->constEnd() - 1)->value;
}

bool GanCurveView::isShown(Curve curve) const {
    switch (curve) {
        case Curve::DLoss:
        case Curve::GLoss:
            return true;
        case Curve::JsDivergence:
        case Curve::KlDivergence:
            return m_hasMeasures;
        case Curve::ModeCoverage:
            return m_hasMeasures && m_hasModes;
    }
    return false;
}

void GanCurveView::setSnapshot(const TrainingSnapshot& snapshot) {
    if (snapshot.generation != m_generation || snapshot.historyStart != m_rows) {
        // A new session, or rows that went to another view first: draw what comes from here.
        m_generation = snapshot.generation;
        startOver();
        m_rows = snapshot.historyStart;
    }
    appendRows(snapshot.newHistory);
    m_rows += snapshot.newHistory.size();
    updateSummary();
    rescale();
    m_lossPlot->replot(QCustomPlot::rpQueuedReplot);
    if (m_measurePlot->isVisible()) m_measurePlot->replot(QCustomPlot::rpQueuedReplot);
}

void GanCurveView::startOver() {
    for (QCPGraph* g : m_graphs) g->data()->clear();
    m_rows = 0;
    m_hasMeasures = false;
    m_hasModes = false;
    m_measurePlot->setVisible(false);
    graph(Curve::ModeCoverage)->setVisible(false);
    graph(Curve::ModeCoverage)->removeFromLegend();
    m_measurePlot->yAxis2->setVisible(false);
    m_summary->setText(tr("No step measured yet."));
    fitToSize();
}

void GanCurveView::appendRows(const nnplay::History& rows) {
    using namespace nnplay::HistoryColumn;
    if (rows.empty()) return;
    const int n = static_cast<int>(rows.size());
    const int stepColumn = rows.column(kStep);
    QVector<double> steps(n);
    for (int i = 0; i < n; ++i) {
        // A row without a step (a file from elsewhere) goes after the one before it.
        const double step = stepColumn >= 0
                                ? finiteOrNan(rows.value(static_cast<std::size_t>(i), stepColumn))
                                : NAN;
        steps[i] = std::isfinite(step) ? step : (i > 0 ? steps[i - 1] + 1 : double(m_rows + 1));
    }
    auto append = [&](Curve curve, auto&& valueOf) {
        QVector<double> values(n);
        for (int i = 0; i < n; ++i) values[i] = valueOf(static_cast<std::size_t>(i));
        graph(curve)->addData(steps, values, true);
    };
    const int dLoss = rows.column(kDLoss), gLoss = rows.column(kGLoss);
    const int js = rows.column(kJsDivergence), kl = rows.column(kKlDivergence);
    const int covered = rows.column(kModesCovered), total = rows.column(kModesTotal);
    auto valueIn = [&](int column) {
        return [&rows, column](std::size_t row) {
            return column >= 0 ? finiteOrNan(rows.value(row, column)) : NAN;
        };
    };
    append(Curve::DLoss, valueIn(dLoss));
    append(Curve::GLoss, valueIn(gLoss));
    if (js >= 0 || kl >= 0) {
        if (!m_hasMeasures) {
            m_hasMeasures = true;
            m_measurePlot->setVisible(true);
        }
        append(Curve::JsDivergence, valueIn(js));
        append(Curve::KlDivergence, valueIn(kl));
    }
    // The share of the modes covered, only where the row knows how many there are.
    bool anyModes = false;
    append(Curve::ModeCoverage, [&](std::size_t row) {
        const double all = total >= 0 ? finiteOrNan(rows.value(row, total)) : NAN;
        const double some = covered >= 0 ? finiteOrNan(rows.value(row, covered)) : NAN;
        if (!(all > 0.0)) return std::numeric_limits<double>::quiet_NaN();
        anyModes = true;
        return some / all;
    });
    if (anyModes && !m_hasModes && m_hasMeasures) {
        m_hasModes = true;
        graph(Curve::ModeCoverage)->setVisible(true);
        graph(Curve::ModeCoverage)->addToLegend();
        m_measurePlot->yAxis2->setVisible(true);
        fitToSize();
    }
}

void GanCurveView::updateSummary() {
    if (graph(Curve::DLoss)->data()->isEmpty()) {
        m_summary->setText(tr("No step measured yet."));
        return;
    }
    QString text =
        tr("Step %1   D loss %2   G loss %3")
            .arg(static_cast<long long>(lastStep(Curve::DLoss)))
            .arg(numberText(lastValue(Curve::DLoss)), numberText(lastValue(Curve::GLoss)));
    if (m_hasMeasures) {
        text += tr("   JS %1   KL %2")
                    .arg(numberText(lastValue(Curve::JsDivergence)),
                         numberText(lastValue(Curve::KlDivergence)));
    }
    if (m_hasModes) {
        const double share = lastValue(Curve::ModeCoverage);
        text += tr("   modes covered %1")
                    .arg(std::isfinite(share)
                             ? QString::number(std::lround(100.0 * share)) + QLatin1Char('%')
                             : QStringLiteral("–"));
    }
    m_summary->setText(text);
}

void GanCurveView::rescale() {
    double first = 0.0, last = kMinSteps;
    const QCPGraph* losses = graph(Curve::DLoss);
    if (!losses->data()->isEmpty()) {
        first = losses->data()->constBegin()->key;
        last = std::max(lastStep(Curve::DLoss), first + kMinSteps);
    }
    // Losses may be negative (the minimax generator's): the range holds zero and every value.
    auto valueRange = [](std::initializer_list<const QCPGraph*> graphs) {
        double low = 0.0, high = 0.0;
        for (const QCPGraph* g : graphs) {
            bool found = false;
            const QCPRange range = g->getValueRange(found);
            if (!found) continue;
            low = std::min(low, range.lower);
            high = std::max(high, range.upper);
        }
        if (high <= low) high = low + 1.0;
        const double pad = 0.06 * (high - low);
        return QCPRange(low < 0.0 ? low - pad : 0.0, high + pad);
    };
    for (QCustomPlot* plot : {m_lossPlot, m_measurePlot}) plot->xAxis->setRange(first, last);
    m_lossPlot->yAxis->setRange(valueRange({graph(Curve::DLoss), graph(Curve::GLoss)}));
    m_measurePlot->yAxis->setRange(
        valueRange({graph(Curve::JsDivergence), graph(Curve::KlDivergence)}));
    fitToSize();
}

void GanCurveView::fitToSize() {
    for (QCustomPlot* plot : {m_lossPlot, m_measurePlot}) {
        PlotFit::legendColumns(plot);
        PlotFit::epochTicks(plot);
    }
}

void GanCurveView::resizeEvent(QResizeEvent* event) {
    QWidget::resizeEvent(event);
    fitToSize();
    m_lossPlot->replot(QCustomPlot::rpQueuedReplot);
    m_measurePlot->replot(QCustomPlot::rpQueuedReplot);
}

void GanCurveView::changeEvent(QEvent* event) {
    if (event->type() == QEvent::PaletteChange) applyStyle();
    if (event->type() == QEvent::FontChange) {
        applyStyle();
        fitToSize();  // the step labels' widths changed
    }
    QWidget::changeEvent(event);
}

void GanCurveView::applyStyle() {
    for (QCustomPlot* plot : {m_lossPlot, m_measurePlot}) {
        PlotStyle::apply(plot, palette());
        plot->legend->setIconSize(UiScale::scaled(18), UiScale::scaled(8));
        plot->replot(QCustomPlot::rpQueuedReplot);
    }
}

}  // namespace nnplay::ui
