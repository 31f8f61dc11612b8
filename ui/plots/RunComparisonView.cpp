// SPDX-License-Identifier: GPL-3.0-or-later
#include "plots/RunComparisonView.h"

#include <qcustomplot.h>

#include <QComboBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>
#include <algorithm>
#include <cmath>

#include "plots/PlotFit.h"
#include "plots/PlotStyle.h"
#include "plots/SegmentGraph.h"
#include "train/RunArchive.h"

namespace nnplay::ui {

namespace {

const char* columnOf(RunComparisonView::Measure measure) {
    using namespace nnplay::HistoryColumn;
    switch (measure) {
        case RunComparisonView::Measure::TrainLoss:
            return kTrainLoss;
        case RunComparisonView::Measure::TestLoss:
            return kTestLoss;
        case RunComparisonView::Measure::TestAccuracy:
            return kTestAccuracy;
    }
    return kTrainLoss;
}

}  // namespace

RunComparisonView::RunComparisonView(const RunArchive* runs, QWidget* parent)
    : QWidget(parent),
      m_runs(runs),
      m_measure(new QComboBox(this)),
      m_hint(new QLabel(this)),
      m_forget(new QPushButton(tr("Forget finished runs"), this)),
      m_plot(new QCustomPlot(this)) {
    m_measure->addItems({tr("Training loss"), tr("Test loss"), tr("Test accuracy")});
    m_measure->setToolTip(tr("What the curves of the runs show."));
    m_forget->setToolTip(tr("Keep only the run that trains now."));
    m_hint->setWordWrap(true);
    m_hint->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    m_hint->setText(
        tr("Each time training starts over (another variant, new data or layers, Reset), the "
           "run so far is kept here, so runs can be compared on one plot."));
    auto* options = new QHBoxLayout;
    options->addWidget(m_measure);
    options->addWidget(m_hint, 1);
    options->addWidget(m_forget);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(options);
    layout->addWidget(m_plot, 1);
    m_plot->setMinimumSize(220, 140);

    m_plot->xAxis->setLabel(tr("Epoch"));
    PlotFit::useEpochAxis(m_plot);
    PlotFit::placeLegendAbove(m_plot, font());

    connect(m_measure, &QComboBox::currentIndexChanged, this, &RunComparisonView::redraw);
    connect(m_forget, &QPushButton::clicked, this, &RunComparisonView::forgetRequested);
    connect(m_runs, &RunArchive::changed, this, [this] {
        // A hidden view is drawn once it is shown.
        if (isVisible())
            redraw();
        else
            m_stale = true;
    });
    PlotStyle::apply(m_plot, palette());
    redraw();
}

void RunComparisonView::setMeasure(Measure measure) {
    m_measure->setCurrentIndex(static_cast<int>(measure));
}

RunComparisonView::Measure RunComparisonView::measure() const {
    return static_cast<Measure>(m_measure->currentIndex());
}

QStringList RunComparisonView::curveNames() const {
    QStringList names;
    for (int i = 0; i < m_plot->graphCount(); ++i) names << m_plot->graph(i)->name();
    return names;
}

void RunComparisonView::redraw() {
    m_stale = false;
    m_plot->clearGraphs();
    const char* column = columnOf(measure());
    const bool accuracy = measure() == Measure::TestAccuracy;
    int firstEpoch = 0, lastEpoch = 10;
    double high = 0.0;
    bool any = false;
    auto addCurve = [&](const RunArchive::Run& run, int index, bool current) {
        auto* graph = new SegmentGraph(m_plot->xAxis, m_plot->yAxis);
        graph->setName(current && !run.history.empty() ? tr("%1 (now)").arg(run.name) : run.name);
        graph->setPen(PlotStyle::pen(PlotStyle::classColor(index), current ? 3.0 : 1.8));
        const auto n = static_cast<int>(run.history.size());
        QVector<double> keys(n), values(n);
        for (int i = 0; i < n; ++i) {
            const auto row = static_cast<std::size_t>(i);
            keys[i] = run.history.epoch(row);
            values[i] = run.history.value(row, column);
            if (std::isfinite(values[i])) high = std::max(high, values[i]);
        }
        graph->setData(keys, values, true);
        if (n > 0) {
            firstEpoch =
                any ? std::min(firstEpoch, run.history.epoch(0) - 1) : run.history.epoch(0) - 1;
            lastEpoch = std::max(lastEpoch, run.history.lastEpoch());
            any = true;
        }
    };
    const auto& finished = m_runs->runs();
    for (std::size_t i = 0; i < finished.size(); ++i)
        addCurve(finished[i], static_cast<int>(i), false);
    addCurve(m_runs->current(), static_cast<int>(finished.size()), true);

    m_hint->setVisible(finished.empty());
    m_forget->setEnabled(!finished.empty());
    m_plot->xAxis->setRange(std::max(0, firstEpoch), std::max(lastEpoch, firstEpoch + 10));
    m_plot->yAxis->setLabel(m_measure->currentText());
    if (accuracy) {
        m_plot->yAxis->setTicker(PlotFit::percentTicks(25));
        m_plot->yAxis->setRange(0.0, 1.0);
    } else {
        m_plot->yAxis->setTicker(QSharedPointer<QCPAxisTicker>::create());
        m_plot->yAxis->setRange(0.0, high > 0.0 ? high * 1.08 : 1.0);
    }
    PlotFit::legendColumns(m_plot);
    PlotFit::epochTicks(m_plot);
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

void RunComparisonView::showEvent(QShowEvent* event) {
    QWidget::showEvent(event);
    if (m_stale) redraw();
}

void RunComparisonView::resizeEvent(QResizeEvent* event) {
    QWidget::resizeEvent(event);
    PlotFit::legendColumns(m_plot);
    PlotFit::epochTicks(m_plot);
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

void RunComparisonView::changeEvent(QEvent* event) {
    // Colours follow the palette; text and line widths the window's zoom.
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::FontChange) {
        PlotStyle::apply(m_plot, palette());
        redraw();
    }
    QWidget::changeEvent(event);
}

}  // namespace nnplay::ui
