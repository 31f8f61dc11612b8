// SPDX-License-Identifier: GPL-3.0-or-later
#include "plots/SeriesPredictionPlot.h"

#include <qcustomplot.h>

#include <QEvent>
#include <QVBoxLayout>
#include <algorithm>
#include <cmath>

#include "plots/PlotFit.h"
#include "plots/PlotStyle.h"
#include "style/UiScale.h"

namespace nnplay::ui {

namespace {

/// Mean absolute difference of `predicted[i]` from `truth[from + i]`.
double meanError(const std::vector<float>& predicted, const std::vector<float>& truth, int from) {
    double sum = 0.0;
    int n = 0;
    for (std::size_t i = 0; i < predicted.size() && from + i < truth.size(); ++i, ++n)
        sum += std::abs(predicted[i] - truth[from + i]);
    return n > 0 ? sum / n : 0.0;
}

}  // namespace

SeriesPredictionPlot::SeriesPredictionPlot(QWidget* parent)
    : QWidget(parent), m_plot(new QCustomPlot(this)) {
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_plot, 1);
    m_plot->setMinimumSize(220, 100);
    m_plot->setToolTip(
        tr("One step ahead: each prediction read from the true values before it. "
           "Free-running: from the grey band on, the network reads its own predictions."));
    m_plot->xAxis->setLabel(tr("Step"));
    m_plot->yAxis->setLabel(tr("Value"));
    m_plot->xAxis->grid()->setVisible(true);

    m_primedBand = new QCPItemRect(m_plot);
    m_primedBand->setLayer(QStringLiteral("background"));
    m_primedBand->topLeft->setTypeY(QCPItemPosition::ptAxisRectRatio);
    m_primedBand->bottomRight->setTypeY(QCPItemPosition::ptAxisRectRatio);
    m_primedBand->setPen(Qt::NoPen);
    m_primedText = new QCPItemText(m_plot);
    m_primedText->position->setTypeY(QCPItemPosition::ptAxisRectRatio);
    m_primedText->setPositionAlignment(Qt::AlignTop | Qt::AlignLeft);
    m_primedText->setText(tr("read first"));
    m_primedText->setClipToAxisRect(true);

    m_truth = m_plot->addGraph();
    m_truth->setName(tr("True wave"));
    m_truth->setPen(QPen(QColor(110, 110, 110), 4));
    m_oneStep = m_plot->addGraph();
    m_oneStep->setName(tr("One step ahead"));
    m_oneStep->setPen(QPen(PlotStyle::positiveColor(), 2));
    m_oneStep->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDisc, 4));
    m_freeRunning = m_plot->addGraph();
    m_freeRunning->setName(tr("Free-running"));
    m_freeRunning->setPen(QPen(PlotStyle::negativeColor(), 2.5, Qt::DashLine));
    PlotFit::placeLegendAbove(m_plot, font());
    m_plot->xAxis->setRange(0, 10);
    m_plot->yAxis->setRange(-1, 1);
    applyStyle();
}

void SeriesPredictionPlot::setSeries(const nnplay::SessionViews::SequenceViews& sequence) {
    const int primed = sequence.primed;
    const auto steps = [](int from, std::size_t count) {
        QVector<double> x(static_cast<qsizetype>(count));
        for (qsizetype i = 0; i < x.size(); ++i) x[i] = from + static_cast<double>(i);
        return x;
    };
    const auto values = [](const std::vector<float>& v) {
        return QVector<double>(v.begin(), v.end());
    };
    m_truth->setData(steps(0, sequence.truth.size()), values(sequence.truth), true);
    m_oneStep->setData(steps(primed, sequence.oneStep.size()), values(sequence.oneStep), true);
    m_freeRunning->setData(steps(primed, sequence.freeRunning.size()), values(sequence.freeRunning),
                           true);

    // The axes hold the true wave with room to spare; a continuation that runs away leaves
    // the plot rather than squeezing the wave flat.
    float low = -1.0f, high = 1.0f;
    if (!sequence.truth.empty()) {
        const auto [lo, hi] = std::minmax_element(sequence.truth.begin(), sequence.truth.end());
        low = *lo;
        high = *hi;
    }
    const double span = std::max(1e-3f, high - low);
    double top = high + 0.1 * span, bottom = low - 0.1 * span;
    for (const auto* predicted : {&sequence.oneStep, &sequence.freeRunning}) {
        for (const float v : *predicted) {
            if (!std::isfinite(v)) continue;
            top = std::max(top, std::min(double(v) + 0.05 * span, high + 0.6 * span));
            bottom = std::min(bottom, std::max(double(v) - 0.05 * span, low - 0.6 * span));
        }
    }
    m_plot->yAxis->setRange(bottom, top);
    const int last = std::max(1, static_cast<int>(sequence.truth.size()) - 1);
    m_plot->xAxis->setRange(-0.5, last + 0.5);
    m_primedBand->topLeft->setCoords(-0.5, 0.0);
    m_primedBand->bottomRight->setCoords(primed - 0.5, 1.0);
    m_primedText->position->setCoords(-0.5, 0.02);
    m_primedBand->setVisible(primed > 0);
    m_primedText->setVisible(primed > 0);

    m_summary = tr("Off by %1 on average one step ahead, by %2 free-running.")
                    .arg(meanError(sequence.oneStep, sequence.truth, primed), 0, 'f', 3)
                    .arg(meanError(sequence.freeRunning, sequence.truth, primed), 0, 'f', 3);
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

QString SeriesPredictionPlot::summaryText() const { return m_summary; }

void SeriesPredictionPlot::fitToSize() {
    PlotFit::legendColumns(m_plot);
    // Value labels a line and a half apart at least.
    const QFontMetrics metrics(m_plot->yAxis->tickLabelFont());
    const int height =
        m_plot->axisRect()->height() > 0 ? m_plot->axisRect()->height() : m_plot->height() / 2;
    m_plot->yAxis->ticker()->setTickCount(
        std::clamp(static_cast<int>(height / (1.5 * metrics.height())), 2, 5));
}

void SeriesPredictionPlot::resizeEvent(QResizeEvent* event) {
    QWidget::resizeEvent(event);
    fitToSize();
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

void SeriesPredictionPlot::changeEvent(QEvent* event) {
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::FontChange) {
        applyStyle();
        fitToSize();
    }
    QWidget::changeEvent(event);
}

void SeriesPredictionPlot::applyStyle() {
    PlotStyle::apply(m_plot, palette());
    m_plot->legend->setIconSize(UiScale::scaled(18), UiScale::scaled(8));
    QColor band = palette().color(QPalette::WindowText);
    band.setAlpha(22);
    m_primedBand->setBrush(band);
    m_primedText->setColor(palette().color(QPalette::WindowText));
    QColor behind = palette().color(QPalette::Base);
    behind.setAlpha(200);
    m_primedText->setBrush(behind);
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

}  // namespace nnplay::ui
