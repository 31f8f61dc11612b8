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

#include "plots/PlotStyle.h"
#include "plots/SegmentGraph.h"

namespace nnplay::ui {

namespace {

QString lossText(double value) {
    return std::isfinite(value) ? QString::number(value, 'g', 4) : QStringLiteral("–");
}

QString percentText(double value) {
    return std::isfinite(value) ? QString::number(100.0 * value, 'f', 1) + QLatin1Char('%')
                                : QStringLiteral("–");
}

/// A ring on a graph at the hovered epoch; attached to the graph only while it shows.
QCPItemTracer* makeTracer(QCustomPlot* plot, const QCPGraph* graph) {
    auto* tracer = new QCPItemTracer(plot);
    tracer->setInterpolating(false);
    tracer->setStyle(QCPItemTracer::tsCircle);
    tracer->setSize(8);
    tracer->setPen(QPen(graph->pen().color(), 2));
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
    auto percent = QSharedPointer<QCPAxisTickerText>::create();
    for (int p = 0; p <= 100; p += 25) percent->addTick(p / 100.0, QStringLiteral("%1%").arg(p));
    m_plot->yAxis2->setTicker(percent);
    m_plot->xAxis->ticker()->setTickCount(6);
    m_plot->xAxis->setRange(0, 10);
    m_plot->yAxis->setRange(0, 1);

    const QColor train = PlotStyle::positiveColor();
    const QColor test = PlotStyle::negativeColor();
    m_trainLoss = new SegmentGraph(m_plot->xAxis, m_plot->yAxis);
    m_trainLoss->setName(tr("Training loss"));
    m_trainLoss->setPen(QPen(train, 2));
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
    m_testAccuracy = new SegmentGraph(m_plot->xAxis, m_plot->yAxis2);
    m_testAccuracy->setName(tr("Test accuracy"));
    m_testAccuracy->setPen(QPen(test, 1.5, Qt::DashLine));

    // The legend sits in a row of its own above the curves, where it hides nothing.
    m_plot->legend->setVisible(true);
    m_plot->legend->setFont(font());
    m_plot->legend->setIconSize(18, 8);
    m_plot->legend->setWrap(2);
    m_plot->legend->setFillOrder(QCPLayoutGrid::foColumnsFirst);
    m_plot->legend->setBorderPen(Qt::NoPen);
    m_plot->legend->setRowSpacing(0);
    m_plot->legend->setColumnSpacing(6);
    m_plot->legend->setMargins(QMargins(2, 0, 2, 0));
    m_plot->axisRect()->insetLayout()->take(m_plot->legend);
    m_plot->plotLayout()->insertRow(0);
    m_plot->plotLayout()->addElement(0, 0, m_plot->legend);
    m_plot->plotLayout()->setRowStretchFactor(0, 0.001);
    m_plot->plotLayout()->setRowSpacing(0);

    m_cursor = new QCPItemStraightLine(m_plot);
    m_cursor->setPen(QPen(QColor(128, 128, 128), 1, Qt::DotLine));
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

    connect(m_plot, &QCustomPlot::mouseMove, this, &LossCurveView::onMouseMove);
    connect(m_logBox, &QCheckBox::toggled, this, &LossCurveView::setLogScale);
    m_plot->installEventFilter(this);
    applyPalette();
}

void LossCurveView::setSnapshot(const TrainingSnapshot& snapshot) {
    const nnplay::History& history = snapshot.history;
    const bool classification =
        !snapshot.data || snapshot.data->info.task == nnplay::Task::Classification;
    if (snapshot.generation != m_generation || history.size() < m_history.size() ||
        classification != m_classification ||
        (!m_history.empty() && !history.empty() &&
         history.front().epoch != m_history.front().epoch)) {
        m_generation = snapshot.generation;
        m_classification = classification;
        m_history.clear();
        for (QCPGraph* g : {m_trainLoss, m_testLoss, m_trainAccuracy, m_testAccuracy}) {
            g->data()->clear();
        }
        m_trainAccuracy->setVisible(classification);
        m_testAccuracy->setVisible(classification);
        m_trainAccuracy->removeFromLegend();
        m_testAccuracy->removeFromLegend();
        if (classification) {
            m_trainAccuracy->addToLegend();
            m_testAccuracy->addToLegend();
        }
        m_plot->yAxis2->setVisible(classification);
        showEpoch(-1);
    }
    const std::size_t first = m_history.size();
    if (history.size() > first) {
        const auto n = static_cast<int>(history.size() - first);
        QVector<double> keys(n), trainLoss(n), testLoss(n), trainAcc(n), testAcc(n);
        for (int i = 0; i < n; ++i) {
            const EpochRecord& r = history[first + static_cast<std::size_t>(i)];
            keys[i] = r.epoch;
            trainLoss[i] = r.trainLoss;
            testLoss[i] = r.testLoss;
            trainAcc[i] = r.trainAccuracy;
            testAcc[i] = r.testAccuracy;
        }
        m_trainLoss->addData(keys, trainLoss, true);
        m_testLoss->addData(keys, testLoss, true);
        if (classification) {
            m_trainAccuracy->addData(keys, trainAcc, true);
            m_testAccuracy->addData(keys, testAcc, true);
        }
        m_history.insert(m_history.end(), history.begin() + static_cast<std::ptrdiff_t>(first),
                         history.end());
    }

    if (m_history.empty()) {
        m_summary->setText(snapshot.valid ? tr("No epoch trained yet.") : QString());
    } else {
        const EpochRecord& r = m_history.back();
        QString text = tr("Epoch %1   training loss %2   test loss %3")
                           .arg(r.epoch)
                           .arg(lossText(r.trainLoss), lossText(r.testLoss));
        if (classification) text += tr("   test accuracy %1").arg(percentText(r.testAccuracy));
        m_summary->setText(text);
    }
    rescale();
    if (m_hoverEpoch >= 0) showEpoch(m_hoverEpoch);
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

void LossCurveView::setLogScale(bool log) {
    if (m_logBox->isChecked() != log) m_logBox->setChecked(log);
    m_plot->yAxis->setScaleType(log ? QCPAxis::stLogarithmic : QCPAxis::stLinear);
    if (log) {
        m_plot->yAxis->setTicker(QSharedPointer<QCPAxisTickerLog>::create());
    } else {
        m_plot->yAxis->setTicker(QSharedPointer<QCPAxisTicker>::create());
    }
    rescale();
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

bool LossCurveView::logScale() const { return m_logBox->isChecked(); }

void LossCurveView::rescale() {
    int lastEpoch = 10;
    int firstEpoch = 0;
    double low = INFINITY, high = 0.0;
    for (const EpochRecord& r : m_history) {
        for (double v : {r.trainLoss, r.testLoss}) {
            if (!std::isfinite(v)) continue;
            if (v > 0.0) low = std::min(low, v);
            high = std::max(high, v);
        }
    }
    if (!m_history.empty()) {
        firstEpoch = std::max(0, m_history.front().epoch - 1);
        lastEpoch = std::max(m_history.back().epoch, firstEpoch + 10);
    }
    m_plot->xAxis->setRange(firstEpoch, lastEpoch);
    if (high <= 0.0) high = 1.0;
    if (logScale()) {
        if (!std::isfinite(low)) low = high / 10.0;
        m_plot->yAxis->setRange(low / 1.5, high * 1.5);
    } else {
        m_plot->yAxis->setRange(0.0, high * 1.08);
    }
}

const EpochRecord* LossCurveView::record(int epoch) const {
    if (m_history.empty()) return nullptr;
    const int index = epoch - m_history.front().epoch;
    if (index < 0 || index >= static_cast<int>(m_history.size())) return nullptr;
    return &m_history[static_cast<std::size_t>(index)];
}

QString LossCurveView::valuesText(int epoch) const {
    const EpochRecord* r = record(epoch);
    if (r == nullptr) return QString();
    QString text = tr("Epoch %1\nTraining loss: %2\nTest loss: %3")
                       .arg(r->epoch)
                       .arg(lossText(r->trainLoss), lossText(r->testLoss));
    if (std::isfinite(r->trainLoss) && std::isfinite(r->testLoss)) {
        text += tr("\nGap (test − training): %1").arg(lossText(r->testLoss - r->trainLoss));
    }
    if (m_classification) {
        text += tr("\nTraining accuracy: %1\nTest accuracy: %2")
                    .arg(percentText(r->trainAccuracy), percentText(r->testAccuracy));
    }
    return text;
}

void LossCurveView::showEpoch(int epoch) {
    const EpochRecord* r = record(epoch);
    const bool visible = r != nullptr;
    m_hoverEpoch = visible ? epoch : -1;
    m_cursor->setVisible(visible);
    m_trainTracer->setVisible(visible && std::isfinite(r->trainLoss));
    m_testTracer->setVisible(visible && std::isfinite(r->testLoss));
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
    const int clamped = std::clamp(epoch, m_history.front().epoch, m_history.back().epoch);
    if (clamped != m_hoverEpoch) showEpoch(clamped);
}

void LossCurveView::changeEvent(QEvent* event) {
    if (event->type() == QEvent::PaletteChange) applyPalette();
    QWidget::changeEvent(event);
}

void LossCurveView::applyPalette() {
    PlotStyle::apply(m_plot, palette());
    QColor background = palette().color(QPalette::ToolTipBase);
    background.setAlpha(235);
    m_readout->setBrush(background);
    m_readout->setColor(palette().color(QPalette::ToolTipText));
    m_readout->setPen(QPen(palette().color(QPalette::Mid)));
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

}  // namespace nnplay::ui
