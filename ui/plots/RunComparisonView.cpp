// SPDX-License-Identifier: GPL-3.0-or-later
#include "plots/RunComparisonView.h"

#include <qcustomplot.h>

#include <QCheckBox>
#include <QComboBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QSlider>
#include <QSplitter>
#include <QVBoxLayout>
#include <algorithm>
#include <cmath>

#include "panels/RunList.h"
#include "plots/PlotFit.h"
#include "plots/PlotStyle.h"
#include "plots/SegmentGraph.h"
#include "train/RunArchive.h"
#include "train/Smoothing.h"

namespace nnplay::ui {

namespace {

const char* columnOf(RunComparisonView::Measure measure) {
    using namespace nnplay::HistoryColumn;
    using M = RunComparisonView::Measure;
    switch (measure) {
        case M::TrainLoss:
            return kTrainLoss;
        case M::ValidationLoss:
            return kValLoss;
        case M::TestLoss:
            return kTestLoss;
        case M::TrainAccuracy:
            return kTrainAccuracy;
        case M::ValidationAccuracy:
            return kValAccuracy;
        case M::TestAccuracy:
            return kTestAccuracy;
    }
    return kTrainLoss;
}

bool isAccuracy(RunComparisonView::Measure measure) {
    using M = RunComparisonView::Measure;
    return measure == M::TrainAccuracy || measure == M::ValidationAccuracy ||
           measure == M::TestAccuracy;
}

/// The slider counts hundredths of the smoothing weight.
constexpr int kSmoothingSteps = 99;

}  // namespace

RunComparisonView::RunComparisonView(const RunArchive* runs, ProjectDocument* document,
                                     QWidget* parent)
    : QWidget(parent),
      m_runs(runs),
      m_measure(new QComboBox(this)),
      m_smoothing(new QSlider(Qt::Horizontal, this)),
      m_smoothingValue(new QLabel(this)),
      m_log(new QCheckBox(tr("Log scale"), this)),
      m_hint(new QLabel(this)),
      m_plot(new QCustomPlot),
      m_list(new RunList(runs, document)) {
    m_measure->addItems({tr("Training loss"), tr("Validation loss"), tr("Test loss"),
                         tr("Training accuracy"), tr("Validation accuracy"), tr("Test accuracy")});
    m_measure->setCurrentIndex(static_cast<int>(Measure::TestLoss));
    m_measure->setToolTip(tr("What the curves of the runs show."));
    m_smoothing->setRange(0, kSmoothingSteps);
    m_smoothing->setToolTip(
        tr("Smooths each curve with a moving average (as TensorBoard does); the raw curve stays "
           "faint behind it."));
    m_smoothing->setMinimumWidth(60);
    m_measure->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_measure->setMinimumContentsLength(12);
    m_log->setToolTip(tr("Losses on a logarithmic axis: small differences near zero show."));
    m_hint->setWordWrap(true);
    m_hint->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    m_hint->setText(
        tr("Each time training starts over (another variant, new data or layers, Reset), the "
           "run so far is kept here and saved with the project, so runs can be compared."));
    // Two short rows, so the tab fits the narrow view area of a 1024x768 window.
    auto* options = new QHBoxLayout;
    options->addWidget(m_measure, 1);
    options->addWidget(m_log);
    auto* smoothing = new QHBoxLayout;
    smoothing->addWidget(new QLabel(tr("Smoothing"), this));
    smoothing->addWidget(m_smoothing, 1);
    smoothing->addWidget(m_smoothingValue);
    auto* splitter = new QSplitter(Qt::Vertical, this);
    splitter->setChildrenCollapsible(false);
    splitter->addWidget(m_plot);
    splitter->addWidget(m_list);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 1);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(options);
    layout->addLayout(smoothing);
    layout->addWidget(m_hint);
    layout->addWidget(splitter, 1);
    m_plot->setMinimumSize(220, 140);
    m_list->setMinimumHeight(90);
    m_list->setMinimumWidth(0);

    // The list beside the plot names the runs in their colours: no legend over the curves.
    m_plot->xAxis->setLabel(tr("Epoch"));
    PlotFit::useEpochAxis(m_plot);
    m_plot->legend->setVisible(false);

    connect(m_measure, &QComboBox::currentIndexChanged, this, &RunComparisonView::redraw);
    connect(m_smoothing, &QSlider::valueChanged, this, &RunComparisonView::redraw);
    connect(m_log, &QCheckBox::toggled, this, &RunComparisonView::redraw);
    connect(m_list, &RunList::shownChanged, this, &RunComparisonView::redraw);
    connect(m_runs, &RunArchive::changed, this, &RunComparisonView::redrawWhenVisible);
    PlotStyle::apply(m_plot, palette());
    redraw();
}

void RunComparisonView::setMeasure(Measure measure) {
    m_measure->setCurrentIndex(static_cast<int>(measure));
}

RunComparisonView::Measure RunComparisonView::measure() const {
    return static_cast<Measure>(m_measure->currentIndex());
}

void RunComparisonView::setSmoothing(double weight) {
    m_smoothing->setValue(static_cast<int>(std::lround(std::clamp(weight, 0.0, 0.99) * 100.0)));
}

double RunComparisonView::smoothing() const { return m_smoothing->value() / 100.0; }

void RunComparisonView::setLogScale(bool log) { m_log->setChecked(log); }

QStringList RunComparisonView::curveNames() const {
    QStringList names;
    for (int i = 0; i < m_plot->graphCount(); ++i)
        if (m_plot->graph(i)->visible() && !m_plot->graph(i)->name().isEmpty())
            names << m_plot->graph(i)->name();
    return names;
}

void RunComparisonView::redrawWhenVisible() {
    // A hidden view is drawn once it is shown.
    if (isVisible())
        redraw();
    else
        m_stale = true;
}

void RunComparisonView::redraw() {
    m_stale = false;
    m_plot->clearGraphs();
    const char* column = columnOf(measure());
    const bool accuracy = isAccuracy(measure());
    const bool log = m_log->isChecked() && !accuracy;
    const double weight = smoothing();
    m_smoothingValue->setText(QString::number(weight, 'f', 2));
    m_log->setEnabled(!accuracy);
    int firstEpoch = 0, lastEpoch = 10;
    double low = INFINITY, high = 0.0;
    bool any = false;
    auto addCurve = [&](const nnplay::History& history, const QString& name, int index,
                        bool current) {
        if (!m_list->isShown(index)) return;
        const auto n = static_cast<int>(history.size());
        QVector<double> keys(n);
        std::vector<double> values(static_cast<std::size_t>(n));
        for (int i = 0; i < n; ++i) {
            const auto row = static_cast<std::size_t>(i);
            keys[i] = history.epoch(row);
            const double v = history.value(row, column);
            values[row] = log && v <= 0.0 ? NAN : v;
            if (std::isfinite(values[row])) {
                high = std::max(high, values[row]);
                low = std::min(low, values[row]);
            }
        }
        const QColor color = PlotStyle::classColor(index);
        if (weight > 0.0) {
            // The raw curve, faint, behind the smoothed one; not in the legend.
            auto* raw = new SegmentGraph(m_plot->xAxis, m_plot->yAxis);
            raw->setPen(PlotStyle::pen(PlotStyle::tint(color, 0.65), 1.2));
            raw->setData(keys, QVector<double>(values.begin(), values.end()), true);
            raw->removeFromLegend();
            values = nnplay::smoothCurve(values, weight);
        }
        auto* graph = new SegmentGraph(m_plot->xAxis, m_plot->yAxis);
        graph->setName(current && n > 0 ? tr("%1 (now)").arg(name) : name);
        graph->setPen(PlotStyle::pen(color, current ? 3.0 : 1.8));
        graph->setData(keys, QVector<double>(values.begin(), values.end()), true);
        if (n > 0) {
            firstEpoch = any ? std::min(firstEpoch, history.epoch(0) - 1) : history.epoch(0) - 1;
            lastEpoch = std::max(lastEpoch, history.lastEpoch());
            any = true;
        }
    };
    const auto& finished = m_runs->runs();
    for (std::size_t i = 0; i < finished.size(); ++i)
        addCurve(finished[i].history, QString::fromStdString(finished[i].name),
                 static_cast<int>(i), false);
    addCurve(m_runs->current().history, m_runs->current().name,
             static_cast<int>(finished.size()), true);

    m_hint->setVisible(finished.empty());
    m_plot->xAxis->setRange(std::max(0, firstEpoch), std::max(lastEpoch, firstEpoch + 10));
    m_plot->yAxis->setLabel(m_measure->currentText());
    m_plot->yAxis->setScaleType(log ? QCPAxis::stLogarithmic : QCPAxis::stLinear);
    if (accuracy) {
        m_plot->yAxis->setTicker(PlotFit::percentTicks(25));
        m_plot->yAxis->setRange(0.0, 1.0);
    } else if (log) {
        m_plot->yAxis->setTicker(QSharedPointer<QCPAxisTickerLog>::create());
        if (std::isfinite(low) && high > 0.0)
            m_plot->yAxis->setRange(low / 1.3, high * 1.3);
        else
            m_plot->yAxis->setRange(0.01, 1.0);
    } else {
        m_plot->yAxis->setTicker(QSharedPointer<QCPAxisTicker>::create());
        m_plot->yAxis->setRange(0.0, high > 0.0 ? high * 1.08 : 1.0);
    }
    PlotFit::epochTicks(m_plot);
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

void RunComparisonView::showEvent(QShowEvent* event) {
    QWidget::showEvent(event);
    if (m_stale) redraw();
}

void RunComparisonView::resizeEvent(QResizeEvent* event) {
    QWidget::resizeEvent(event);
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
