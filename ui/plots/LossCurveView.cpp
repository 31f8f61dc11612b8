// SPDX-License-Identifier: GPL-3.0-or-later
#include "plots/LossCurveView.h"

#include <qcustomplot.h>

#include <QCheckBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QVBoxLayout>
#include <algorithm>
#include <cmath>
#include <vector>

#include "plots/PlotFit.h"
#include "plots/PlotStyle.h"
#include "plots/SegmentGraph.h"
#include "style/UiScale.h"

namespace nnplay::ui {

namespace {

/// The colours of the divergence mark (red) and of the best-epoch mark (green).
const QColor kDivergedColor(0xc0, 0x39, 0x2b);
const QColor kBestColor(0x1e, 0x84, 0x49);

QString lossText(double value) {
    return std::isfinite(value) ? QString::number(value, 'g', 4) : QStringLiteral("–");
}

QString percentText(double value) {
    return std::isfinite(value) ? QString::number(100.0 * value, 'f', 1) + QLatin1Char('%')
                                : QStringLiteral("–");
}

/// A ring on a graph at the hovered epoch; attached to the graph only while it shows.
/// A note in the plot's top right corner, white on `color`, hidden until it has something to say.
QCPItemText* makeNote(QCustomPlot* plot, const QColor& color) {
    auto* note = new QCPItemText(plot);
    note->setPositionAlignment(Qt::AlignTop | Qt::AlignRight);
    note->position->setType(QCPItemPosition::ptAxisRectRatio);
    note->position->setCoords(0.98, 0.03);
    note->setColor(Qt::white);
    note->setBrush(color);
    note->setPadding(QMargins(6, 3, 6, 3));
    note->setClipToAxisRect(true);
    note->setVisible(false);
    return note;
}

QCPItemTracer* makeTracer(QCustomPlot* plot, const QCPGraph* graph) {
    auto* tracer = new QCPItemTracer(plot);
    tracer->setInterpolating(false);
    tracer->setStyle(QCPItemTracer::tsCircle);
    tracer->setPen(QPen(graph->pen().color()));  // sized by applyStyle()
    tracer->setBrush(Qt::white);
    tracer->setVisible(false);
    return tracer;
}

}  // namespace

LossCurveView::LossCurveView(QWidget* parent)
    : QWidget(parent),
      m_plot(new QCustomPlot(this)),
      m_logBox(new QCheckBox(tr("Log scale"), this)),
      m_summary(new QLabel(this)) {
    m_logBox->setToolTip(
        tr("Show the loss on a logarithmic axis, so small late improvements "
           "stay visible."));
    m_summary->setToolTip(tr("The newest epoch's numbers; hover the curves for any epoch."));
    m_summary->setWordWrap(true);
    m_summary->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    auto* options = new QHBoxLayout;
    options->addWidget(m_summary, 1);
    options->addWidget(m_logBox);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(options);
    layout->addWidget(m_plot, 1);
    m_plot->setMinimumSize(220, 140);

    m_plot->xAxis->setLabel(tr("Epoch"));
    m_plot->yAxis->setLabel(tr("Loss"));
    m_plot->yAxis2->setLabel(tr("Accuracy"));
    m_plot->yAxis2->setRange(0.0, 1.0);
    m_plot->yAxis2->setTicker(PlotFit::percentTicks(25));  // refitted by fitToSize()
    // Whole epochs, a step chosen by fitToSize() so the labels keep apart.
    PlotFit::useEpochAxis(m_plot);
    m_plot->xAxis->setRange(0, 10);
    m_plot->yAxis->setRange(0, 1);

    const QColor train = PlotStyle::positiveColor();
    const QColor validation = PlotStyle::classColor(2);
    const QColor test = PlotStyle::negativeColor();
    m_trainLoss = new SegmentGraph(m_plot->xAxis, m_plot->yAxis);
    m_trainLoss->setName(tr("Training loss"));
    m_trainLoss->setPen(QPen(train, 2));
    m_valLoss = new SegmentGraph(m_plot->xAxis, m_plot->yAxis);
    m_valLoss->setName(tr("Validation loss"));
    m_valLoss->setPen(QPen(validation, 2));
    m_testLoss = new SegmentGraph(m_plot->xAxis, m_plot->yAxis);
    m_testLoss->setName(tr("Test loss (shaded: the gap)"));
    m_testLoss->setPen(QPen(test, 2));
    QColor gap = test;
    gap.setAlpha(55);
    m_testLoss->setBrush(gap);
    m_testLoss->setChannelFillGraph(m_trainLoss);
    m_trainAccuracy = new SegmentGraph(m_plot->xAxis, m_plot->yAxis2);
    m_trainAccuracy->setName(tr("Training accuracy"));
    m_trainAccuracy->setPen(QPen(train, 1.5, Qt::DashLine));
    m_valAccuracy = new SegmentGraph(m_plot->xAxis, m_plot->yAxis2);
    m_valAccuracy->setName(tr("Validation accuracy"));
    m_valAccuracy->setPen(QPen(validation, 1.5, Qt::DashLine));
    m_testAccuracy = new SegmentGraph(m_plot->xAxis, m_plot->yAxis2);
    m_testAccuracy->setName(tr("Test accuracy"));
    m_testAccuracy->setPen(QPen(test, 1.5, Qt::DashLine));

    PlotFit::placeLegendAbove(m_plot, font());

    m_cursor = new QCPItemStraightLine(m_plot);
    m_cursor->setVisible(false);
    m_trainTracer = makeTracer(m_plot, m_trainLoss);
    m_testTracer = makeTracer(m_plot, m_testLoss);
    m_readout = new QCPItemText(m_plot);
    m_readout->setPositionAlignment(Qt::AlignTop | Qt::AlignLeft);
    m_readout->position->setType(QCPItemPosition::ptAxisRectRatio);
    m_readout->position->setCoords(0.02, 0.03);
    m_readout->setTextAlignment(Qt::AlignLeft);
    m_readout->setPadding(QMargins(6, 4, 6, 4));
    m_readout->setClipToAxisRect(true);
    m_readout->setVisible(false);

    // Divergence stays on the plot until training goes on or starts over: a red line at the
    // epoch where it happened and a note that says so.
    m_divergedLine = new QCPItemStraightLine(m_plot);
    m_divergedLine->setVisible(false);
    m_divergedNote = makeNote(m_plot, kDivergedColor);
    // Early stopping marks the epoch whose weights it restored.
    m_bestLine = new QCPItemStraightLine(m_plot);
    m_bestLine->setVisible(false);
    m_bestNote = makeNote(m_plot, kBestColor);

    connect(m_plot, &QCustomPlot::mouseMove, this, &LossCurveView::onMouseMove);
    connect(m_logBox, &QCheckBox::toggled, this, &LossCurveView::setLogScale);
    m_plot->installEventFilter(this);
    applyStyle();
    fitToSize();
}

void LossCurveView::setSnapshot(const TrainingSnapshot& snapshot) {
    using namespace nnplay::HistoryColumn;
    const bool classification =
        !snapshot.data || snapshot.data->info.task == nnplay::Task::Classification;
    if (snapshot.generation != m_generation || classification != m_classification ||
        snapshot.historyStart != m_history.size()) {
        m_generation = snapshot.generation;
        startOver(classification);
        // Rows before historyStart went to a view that was not this one: draw what came.
    }
    appendRows(snapshot.newHistory);

    if (m_history.empty()) {
        m_summary->setText(snapshot.valid ? tr("No epoch trained yet.") : QString());
    } else {
        const int last = static_cast<int>(m_history.size()) - 1;
        QString text = tr("Epoch %1   training loss %2")
                           .arg(m_history.epoch(last))
                           .arg(lossText(value(last, kTrainLoss)));
        if (m_hasValidation)
            text += tr("   validation loss %1").arg(lossText(value(last, kValLoss)));
        text += tr("   test loss %1").arg(lossText(value(last, kTestLoss)));
        const double gap = value(last, kTestLoss) - value(last, kTrainLoss);
        if (std::isfinite(gap)) text += tr("   gap %1").arg(lossText(gap));
        if (classification)
            text += tr("   test accuracy %1").arg(percentText(value(last, kTestAccuracy)));
        m_summary->setText(text);
    }
    showDivergence(snapshot.diverged, snapshot.epoch);
    showRestoredEpoch(snapshot.restoredEpoch);
    rescale();
    if (m_hoverEpoch >= 0) showEpoch(m_hoverEpoch);
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

void LossCurveView::showDivergence(bool diverged, int epoch) {
    m_divergedLine->setVisible(diverged);
    m_divergedNote->setVisible(diverged);
    if (!diverged) return;
    // The session stops inside the epoch that blew up: the line marks the end of the last
    // whole one.
    const double at = m_history.empty() ? epoch : m_history.epoch(m_history.size() - 1);
    m_divergedLine->point1->setCoords(at, 0);
    m_divergedLine->point2->setCoords(at, 1);
    m_divergedNote->setText(tr("Diverged in epoch %1").arg(at + 1));
}

bool LossCurveView::divergenceShown() const { return m_divergedNote->visible(); }

void LossCurveView::showRestoredEpoch(int epoch) {
    const bool shown = epoch > 0;
    m_bestLine->setVisible(shown);
    m_bestNote->setVisible(shown);
    if (!shown) return;
    m_bestLine->point1->setCoords(epoch, 0);
    m_bestLine->point2->setCoords(epoch, 1);
    m_bestNote->setText(tr("Best epoch %1: its weights are restored").arg(epoch));
}

QString LossCurveView::summaryText() const { return m_summary->text(); }

int LossCurveView::restoredEpochShown() const {
    return m_bestLine->visible() ? static_cast<int>(m_bestLine->point1->key()) : 0;
}

void LossCurveView::startOver(bool classification) {
    m_classification = classification;
    m_history = nnplay::History();
    m_hasValidation = false;
    for (QCPGraph* g :
         {m_trainLoss, m_valLoss, m_testLoss, m_trainAccuracy, m_valAccuracy, m_testAccuracy}) {
        g->data()->clear();
        g->setVisible(false);
        g->removeFromLegend();
    }
    for (QCPGraph* g : {m_trainLoss, m_testLoss}) {
        g->setVisible(true);
        g->addToLegend();
    }
    for (QCPGraph* g : {m_trainAccuracy, m_testAccuracy}) {
        g->setVisible(classification);
        if (classification) g->addToLegend();
    }
    m_plot->yAxis2->setVisible(classification);
    fitToSize();
    showEpoch(-1);
}

void LossCurveView::appendRows(const nnplay::History& rows) {
    using namespace nnplay::HistoryColumn;
    if (rows.empty()) return;
    if (!m_hasValidation && rows.column(kValLoss) >= 0) {
        // The validation curves join the legend after the training ones, in legend order.
        m_hasValidation = true;
        for (QCPGraph* g :
             {m_trainLoss, m_valLoss, m_testLoss, m_trainAccuracy, m_valAccuracy, m_testAccuracy})
            g->removeFromLegend();
        for (QCPGraph* g : {m_trainLoss, m_valLoss, m_testLoss}) g->addToLegend();
        m_valLoss->setVisible(true);
        if (m_classification) {
            for (QCPGraph* g : {m_trainAccuracy, m_valAccuracy, m_testAccuracy}) g->addToLegend();
            m_valAccuracy->setVisible(true);
        }
        fitToSize();
    }
    const auto n = static_cast<int>(rows.size());
    const std::pair<QCPGraph*, const char*> curves[] = {
        {m_trainLoss, kTrainLoss},     {m_valLoss, kValLoss},
        {m_testLoss, kTestLoss},       {m_trainAccuracy, kTrainAccuracy},
        {m_valAccuracy, kValAccuracy}, {m_testAccuracy, kTestAccuracy}};
    QVector<double> keys(n), values(n);
    for (int i = 0; i < n; ++i) keys[i] = rows.epoch(static_cast<std::size_t>(i));
    for (const auto& [graph, name] : curves) {
        if (!graph->visible()) continue;
        const int column = rows.column(name);
        for (int i = 0; i < n; ++i) values[i] = rows.value(static_cast<std::size_t>(i), column);
        graph->addData(keys, values, true);
    }
    m_history.append(rows);
}

float LossCurveView::value(int row, const char* column) const {
    return m_history.value(static_cast<std::size_t>(row), column);
}

void LossCurveView::setLogScale(bool log) {
    if (m_logBox->isChecked() != log) m_logBox->setChecked(log);
    m_plot->yAxis->setScaleType(log ? QCPAxis::stLogarithmic : QCPAxis::stLinear);
    if (log) {
        m_plot->yAxis->setTicker(QSharedPointer<QCPAxisTickerLog>::create());
    } else {
        m_plot->yAxis->setTicker(QSharedPointer<QCPAxisTicker>::create());
    }
    fitToSize();
    rescale();
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

bool LossCurveView::logScale() const { return m_logBox->isChecked(); }

void LossCurveView::rescale() {
    int lastEpoch = 10;
    int firstEpoch = 0;
    double low = INFINITY, high = 0.0;
    using namespace nnplay::HistoryColumn;
    for (int row = 0; row < static_cast<int>(m_history.size()); ++row) {
        for (const char* column : {kTrainLoss, kValLoss, kTestLoss}) {
            const double v = value(row, column);
            if (!std::isfinite(v)) continue;
            if (v > 0.0) low = std::min(low, v);
            high = std::max(high, v);
        }
    }
    if (!m_history.empty()) {
        firstEpoch = std::max(0, m_history.epoch(0) - 1);
        lastEpoch = std::max(m_history.lastEpoch(), firstEpoch + 10);
    }
    m_plot->xAxis->setRange(firstEpoch, lastEpoch);
    fitToSize();
    if (high <= 0.0) high = 1.0;
    if (logScale()) {
        if (!std::isfinite(low)) low = high / 10.0;
        m_plot->yAxis->setRange(low / 1.5, high * 1.5);
    } else {
        m_plot->yAxis->setRange(0.0, high * 1.08);
    }
}

int LossCurveView::rowOf(int epoch) const {
    if (m_history.empty()) return -1;
    const int row = epoch - m_history.epoch(0);
    if (row < 0 || row >= static_cast<int>(m_history.size())) return -1;
    return row;
}

QString LossCurveView::valuesText(int epoch) const {
    using namespace nnplay::HistoryColumn;
    const int row = rowOf(epoch);
    if (row < 0) return QString();
    const float train = value(row, kTrainLoss), test = value(row, kTestLoss);
    QString text = tr("Epoch %1\nTraining loss: %2").arg(m_history.epoch(row)).arg(lossText(train));
    if (m_hasValidation) text += tr("\nValidation loss: %1").arg(lossText(value(row, kValLoss)));
    text += tr("\nTest loss: %1").arg(lossText(test));
    if (std::isfinite(train) && std::isfinite(test))
        text += tr("\nGap (test − training): %1").arg(lossText(test - train));
    if (m_classification) {
        text += tr("\nTraining accuracy: %1").arg(percentText(value(row, kTrainAccuracy)));
        if (m_hasValidation)
            text += tr("\nValidation accuracy: %1").arg(percentText(value(row, kValAccuracy)));
        text += tr("\nTest accuracy: %1").arg(percentText(value(row, kTestAccuracy)));
    }
    return text;
}

void LossCurveView::showEpoch(int epoch) {
    using namespace nnplay::HistoryColumn;
    const int row = rowOf(epoch);
    const bool visible = row >= 0;
    m_hoverEpoch = visible ? epoch : -1;
    m_cursor->setVisible(visible);
    m_trainTracer->setVisible(visible && std::isfinite(value(row, kTrainLoss)));
    m_testTracer->setVisible(visible && std::isfinite(value(row, kTestLoss)));
    m_readout->setVisible(visible);
    m_trainTracer->setGraph(m_trainTracer->visible() ? m_trainLoss : nullptr);
    m_testTracer->setGraph(m_testTracer->visible() ? m_testLoss : nullptr);
    if (visible) {
        m_cursor->point1->setCoords(epoch, 0);
        m_cursor->point2->setCoords(epoch, 1);
        m_trainTracer->setGraphKey(epoch);
        m_testTracer->setGraphKey(epoch);
        m_readout->setText(valuesText(epoch));
        // Keep the read-out away from the cursor: on the side of the plot it is not on.
        const bool leftHalf = epoch < m_plot->xAxis->range().center();
        m_readout->setPositionAlignment(Qt::AlignTop | (leftHalf ? Qt::AlignRight : Qt::AlignLeft));
        m_readout->position->setCoords(leftHalf ? 0.98 : 0.02, 0.03);
    }
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

bool LossCurveView::eventFilter(QObject* watched, QEvent* event) {
    if (watched == m_plot && event->type() == QEvent::Leave && m_hoverEpoch >= 0) showEpoch(-1);
    return QWidget::eventFilter(watched, event);
}

void LossCurveView::onMouseMove(QMouseEvent* event) {
    if (m_history.empty() || !m_plot->axisRect()->rect().contains(event->pos())) {
        if (m_hoverEpoch >= 0) showEpoch(-1);
        return;
    }
    const int epoch = static_cast<int>(std::lround(m_plot->xAxis->pixelToCoord(event->pos().x())));
    const int clamped = std::clamp(epoch, m_history.epoch(0), m_history.lastEpoch());
    if (clamped != m_hoverEpoch) showEpoch(clamped);
}

void LossCurveView::fitToSize() {
    PlotFit::legendColumns(m_plot);
    PlotFit::epochTicks(m_plot);

    // Loss and accuracy labels a line and a half apart at least: in a short plot (large
    // presenter text) fewer of them.
    const QFontMetrics metrics(m_plot->xAxis->tickLabelFont());
    const QMargins axisMargins = m_plot->axisRect()->margins();
    const int axisHeight = m_plot->axisRect()->height() > 0
                               ? m_plot->axisRect()->height()
                               : m_plot->height() - axisMargins.top() - axisMargins.bottom();
    const int rows = std::max(2, static_cast<int>(axisHeight / (1.5 * metrics.height())) + 1);
    // The ticker's count is of steps between labels, and a target it may overshoot by one.
    m_plot->yAxis->ticker()->setTickCount(std::clamp(rows - 2, 1, 5));
    m_plot->yAxis2->setTicker(PlotFit::percentTicks(rows >= 5 ? 25 : 50));
}

void LossCurveView::resizeEvent(QResizeEvent* event) {
    QWidget::resizeEvent(event);
    fitToSize();
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

void LossCurveView::changeEvent(QEvent* event) {
    if (event->type() == QEvent::PaletteChange) applyStyle();
    if (event->type() == QEvent::FontChange) {
        applyStyle();
        fitToSize();  // the epoch labels' widths changed
    }
    QWidget::changeEvent(event);
}

void LossCurveView::applyStyle() {
    PlotStyle::apply(m_plot, palette());
    m_plot->legend->setIconSize(UiScale::scaled(18), UiScale::scaled(8));
    for (QCPItemTracer* tracer : {m_trainTracer, m_testTracer}) {
        tracer->setSize(UiScale::scaled(8));
        tracer->setPen(PlotStyle::pen(tracer->pen().color(), 2));
    }
    m_cursor->setPen(PlotStyle::pen(QColor(128, 128, 128), 1, Qt::DotLine));
    m_divergedLine->setPen(PlotStyle::pen(kDivergedColor, 2, Qt::DashLine));
    m_bestLine->setPen(PlotStyle::pen(kBestColor, 2, Qt::DashLine));
    QColor background = palette().color(QPalette::ToolTipBase);
    background.setAlpha(235);
    m_readout->setBrush(background);
    m_readout->setColor(palette().color(QPalette::ToolTipText));
    m_readout->setPen(QPen(palette().color(QPalette::Mid)));
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

}  // namespace nnplay::ui
