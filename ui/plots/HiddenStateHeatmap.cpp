// SPDX-License-Identifier: GPL-3.0-or-later
#include "plots/HiddenStateHeatmap.h"

#include <qcustomplot.h>

#include <QComboBox>
#include <QEvent>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QLabel>
#include <QToolTip>
#include <QVBoxLayout>
#include <algorithm>
#include <cmath>

#include "plots/PlotStyle.h"

namespace nnplay::ui {

namespace {

/// The texts a combo box offers, in order.
QStringList traceNamesOf(const QComboBox* box) {
    QStringList names;
    for (int i = 0; i < box->count(); ++i) names << box->itemText(i);
    return names;
}

/// "forget gate" -> "Forget gate".
QString capitalised(QString name) {
    if (!name.isEmpty()) name[0] = name[0].toUpper();
    return name;
}

}  // namespace

HiddenStateHeatmap::HiddenStateHeatmap(QWidget* parent)
    : QWidget(parent),
      m_title(new QLabel(this)),
      m_layerPicker(new QComboBox(this)),
      m_picker(new QComboBox(this)),
      m_plot(new QCustomPlot(this)) {
    auto* top = new QHBoxLayout;
    top->setContentsMargins(0, 0, 0, 0);
    top->addWidget(m_title, 1);
    top->addWidget(m_layerPicker);
    top->addStretch(1);
    top->addWidget(m_picker);
    m_layerPicker->setToolTip(tr("The recurrent layer to show"));
    m_layerPicker->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_layerPicker->hide();
    connect(m_layerPicker, &QComboBox::activated, this, &HiddenStateHeatmap::layerPicked);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addLayout(top);
    layout->addWidget(m_plot, 1);
    m_title->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    m_title->setWordWrap(true);
    m_picker->setToolTip(tr("Show the hidden state or one of the layer's gates"));
    m_picker->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_plot->setMinimumSize(220, 90);

    m_plot->xAxis->grid()->setVisible(false);
    m_plot->yAxis->grid()->setVisible(false);
    m_plot->yAxis->setLabel(tr("Unit"));
    m_plot->yAxis->setRangeReversed(true);  // unit 1 at the top, as the canvas lists them
    m_plot->xAxis->setTicker(QSharedPointer<QCPAxisTickerText>::create());
    auto units = QSharedPointer<QCPAxisTicker>::create();
    units->setTickCount(4);
    m_plot->yAxis->setTicker(units);
    m_plot->yAxis->setNumberFormat(QStringLiteral("f"));
    m_plot->yAxis->setNumberPrecision(0);

    m_map = new QCPColorMap(m_plot->xAxis, m_plot->yAxis);
    m_map->setInterpolate(false);
    m_map->setTightBoundary(false);
    m_scale = new QCPColorScale(m_plot);
    m_scale->setType(QCPAxis::atRight);
    m_scale->setBarWidth(10);
    m_plot->plotLayout()->addElement(0, 1, m_scale);
    m_map->setColorScale(m_scale);  // takes the scale's gradient and range: set after
    m_map->setGradient(PlotStyle::divergingGradient());
    // Fixed, so colours mean the same in every snapshot: tanh states and candidates lie in
    // -1..1, sigmoid gates in 0..1 (white when shut, blue when open).
    m_map->setDataRange(QCPRange(-1.0, 1.0));
    auto ends = QSharedPointer<QCPAxisTickerText>::create();
    ends->addTicks({{-1.0, QStringLiteral("\u22121")},
                    {0.0, QStringLiteral("0")},
                    {1.0, QStringLiteral("+1")}});
    m_scale->axis()->setTicker(ends);
    auto* margins = new QCPMarginGroup(m_plot);
    m_plot->axisRect()->setMarginGroup(QCP::msBottom | QCP::msTop, margins);
    m_scale->setMarginGroup(QCP::msBottom | QCP::msTop, margins);

    m_ownLine = new QCPItemStraightLine(m_plot);
    m_ownLine->setVisible(false);
    // On the plot's top edge, beside the line: what the layer reads from there on.
    m_ownText = new QCPItemText(m_plot);
    m_ownText->position->setTypeX(QCPItemPosition::ptPlotCoords);
    m_ownText->position->setTypeY(QCPItemPosition::ptAxisRectRatio);
    m_ownText->setPositionAlignment(Qt::AlignTop | Qt::AlignLeft);
    m_ownText->setPadding(QMargins(3, 0, 3, 1));
    m_ownText->setText(tr("its own \u2192"));
    m_ownText->setVisible(false);

    m_plot->setMouseTracking(true);
    connect(m_plot, &QCustomPlot::mouseMove, this, &HiddenStateHeatmap::onMouseMove);
    m_plot->axisRect()->setRangeDrag(Qt::Horizontal);
    // The axis rect's width is known after a layout: fit again when it is not what was fitted.
    connect(
        m_plot, &QCustomPlot::afterLayout, this,
        [this] {
            if (m_plot->axisRect()->width() == m_fittedWidth) return;
            fitToSize();
            m_plot->replot(QCustomPlot::rpQueuedReplot);
        },
        Qt::QueuedConnection);
    connect(m_plot->xAxis, qOverload<const QCPRange&>(&QCPAxis::rangeChanged), this,
            &HiddenStateHeatmap::keepInSteps);
    connect(m_picker, &QComboBox::currentIndexChanged, this, &HiddenStateHeatmap::drawPicked);
    applyStyle();
    clear(tr("No hidden state yet."));
}

void HiddenStateHeatmap::setTraces(const QString& layer, int units, int steps,
                                   std::vector<Trace> traces, const QStringList& stepLabels,
                                   int ownFrom, const QString& timeAxis,
                                   const QString& shortTimeAxis) {
    const QString picked = shownTrace();
    if (steps != m_steps) m_shownSteps = 0;  // back to the first steps
    m_layer = layer;
    m_units = units;
    m_steps = steps;
    m_traces = std::move(traces);
    m_stepLabels = stepLabels;
    m_ownFrom = ownFrom;
    m_timeAxis = timeAxis;
    m_plot->setVisible(true);
    m_shortTimeAxis = shortTimeAxis;
    {
        const QSignalBlocker block(m_picker);
        m_picker->clear();
        for (const Trace& trace : m_traces) m_picker->addItem(capitalised(trace.name));
        const int again = m_picker->findText(picked);
        m_picker->setCurrentIndex(again >= 0 ? again : 0);
    }
    m_picker->setVisible(m_traces.size() > 1);
    m_map->data()->setSize(std::max(steps, 1), std::max(units, 1));
    m_map->data()->setRange(QCPRange(0, std::max(steps - 1, 0)), QCPRange(1, std::max(units, 1)));
    m_plot->yAxis->setRange(0.5, units + 0.5);
    m_ownLine->point1->setCoords(ownFrom - 0.5, 0);
    m_ownLine->point2->setCoords(ownFrom - 0.5, 1);
    m_ownText->position->setCoords(ownFrom - 0.5, 0.0);
    m_ownLine->setVisible(ownFrom > 0 && ownFrom < steps);
    fitToSize();
    drawPicked();
}

void HiddenStateHeatmap::setLayers(const QStringList& layers, int current) {
    const QSignalBlocker block(m_layerPicker);
    if (traceNamesOf(m_layerPicker) != layers) {
        m_layerPicker->clear();
        m_layerPicker->addItems(layers);
    }
    m_layerPicker->setCurrentIndex(current);
    // One layer needs no choice: the title names it.
    const bool choice = layers.size() > 1;
    m_layerPicker->setVisible(choice);
    m_title->setVisible(!choice || m_traces.empty());
}

void HiddenStateHeatmap::clear(const QString& why) {
    m_traces.clear();
    m_units = m_steps = m_shownSteps = 0;
    m_title->setText(why);
    m_picker->clear();
    m_picker->setVisible(false);
    m_layerPicker->setVisible(false);
    m_title->setVisible(true);
    m_plot->setVisible(false);  // an empty plot would say nothing; the title says why
    m_map->data()->fill(0.0);
    m_map->setVisible(false);
    m_ownLine->setVisible(false);
    m_ownText->setVisible(false);
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

QStringList HiddenStateHeatmap::traceNames() const { return traceNamesOf(m_picker); }

QString HiddenStateHeatmap::shownTrace() const {
    return m_traces.empty() ? QString() : m_picker->currentText();
}

bool HiddenStateHeatmap::showTrace(const QString& name) {
    const int index = m_picker->findText(name);
    if (index < 0) return false;
    m_picker->setCurrentIndex(index);
    return true;
}

void HiddenStateHeatmap::drawPicked() {
    const int index = m_picker->currentIndex();
    if (index < 0 || index >= static_cast<int>(m_traces.size())) return;
    const Trace& trace = m_traces[static_cast<std::size_t>(index)];
    QCPColorMapData* data = m_map->data();
    const std::size_t cells = static_cast<std::size_t>(m_units) * static_cast<std::size_t>(m_steps);
    for (int t = 0; t < m_steps; ++t) {
        for (int u = 0; u < m_units; ++u) {
            const std::size_t at = static_cast<std::size_t>(t) * m_units + u;
            data->setCell(
                t, u,
                at < trace.values.size() && trace.values.size() >= cells ? trace.values[at] : 0.0);
        }
    }
    m_map->setVisible(true);
    m_title->setText(tr("%1:").arg(m_layer));
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

QString HiddenStateHeatmap::tickLabel(int step) const {
    const auto ticker = m_plot->xAxis->ticker().dynamicCast<QCPAxisTickerText>();
    return ticker ? ticker->ticks().value(step) : QString();
}

void HiddenStateHeatmap::fitToSize() {
    auto ticker = m_plot->xAxis->ticker().dynamicCast<QCPAxisTickerText>();
    if (!ticker) return;
    ticker->clear();
    if (m_steps <= 0) return;
    const QFontMetrics metrics(m_plot->xAxis->tickLabelFont());
    const QMargins margins = m_plot->axisRect()->margins();
    const int width = m_plot->axisRect()->width() > 0
                          ? m_plot->axisRect()->width()
                          : m_plot->width() - margins.left() - margins.right();
    m_fittedWidth = m_plot->axisRect()->width();
    // Labels of every step need a column each as wide as the widest label: as many steps as
    // fit, the rest a drag away. Step numbers label some steps only.
    const int widest = metrics.horizontalAdvance(QString::number(m_steps));
    // A character's column: a monospace cell and a little room (a wider symbol may touch).
    const int column = metrics.horizontalAdvance(QLatin1Char('M')) + 3;
    const int fit = m_stepLabels.isEmpty() ? m_steps : std::max(1, width / std::max(1, column));
    const int shown = std::min(m_steps, fit);
    const bool keep = m_shownSteps == shown;
    m_shownSteps = shown;
    const double lower = keep ? m_plot->xAxis->range().lower : -0.5;
    m_plot->xAxis->setRange(lower, lower + shown);
    keepInSteps(m_plot->xAxis->range());  // places the words by the line
    m_plot->setInteraction(QCP::iRangeDrag, shown < m_steps);
    m_plot->setCursor(shown < m_steps ? Qt::OpenHandCursor : Qt::ArrowCursor);
    // The longest label that fits: with "drag for more" when some steps are a drag away.
    const QFontMetrics labelMetrics(m_plot->xAxis->labelFont());
    QStringList labels;
    for (const QString& label : {m_timeAxis, m_shortTimeAxis}) {
        if (shown < m_steps) labels << tr("%1, drag for more").arg(label);
        labels << label;
    }
    QString label = labels.last();
    for (const QString& candidate : labels) {
        if (labelMetrics.horizontalAdvance(candidate) <= width) {
            label = candidate;
            break;
        }
    }
    m_plot->xAxis->setLabel(label);
    // Unit labels two lines apart at least.
    const int height =
        m_plot->axisRect()->height() > 0 ? m_plot->axisRect()->height() : m_plot->height() / 2;
    m_plot->yAxis->ticker()->setTickCount(std::clamp(height / (2 * metrics.height()), 2, 4));

    int stride = 1;
    if (m_stepLabels.isEmpty()) {
        // Step numbers at 1, 2, 5, 10, ... steps apart, two characters between them.
        const double perStep = std::max(1.0, static_cast<double>(width) / shown);
        const double room = widest + 2.0 * metrics.averageCharWidth();
        const int least = std::max(1, static_cast<int>(std::ceil(room / perStep)));
        for (int base = 1; stride < least; base *= 10) {
            for (int factor : {1, 2, 5}) {
                stride = base * factor;
                if (stride >= least) break;
            }
        }
    }
    for (int t = 0; t < m_steps; t += stride) {
        ticker->addTick(t, m_stepLabels.isEmpty() ? QString::number(t) : m_stepLabels.value(t));
    }
}

void HiddenStateHeatmap::keepInSteps(const QCPRange& range) {
    if (m_shownSteps <= 0) return;
    const double lower = std::clamp(range.lower, -0.5, m_steps - m_shownSteps - 0.5);
    if (lower != range.lower || range.size() != m_shownSteps) {
        m_plot->xAxis->setRange(lower, lower + m_shownSteps);
        return;  // called again with the kept range
    }
    // The words go with the line, and only where they fit.
    const double at = m_ownFrom - 0.5;
    const double room = m_plot->xAxis->coordToPixel(range.upper) - m_plot->xAxis->coordToPixel(at);
    m_ownText->setVisible(m_ownLine->visible() && at > range.lower &&
                          room >=
                              QFontMetrics(m_ownText->font()).horizontalAdvance(m_ownText->text()));
}

int HiddenStateHeatmap::firstShownStep() const {
    return static_cast<int>(std::ceil(m_plot->xAxis->range().lower));
}

int HiddenStateHeatmap::lastShownStep() const {
    return static_cast<int>(std::floor(m_plot->xAxis->range().upper));
}

QString HiddenStateHeatmap::cellText(int unit, int step) const {
    const int index = m_picker->currentIndex();
    if (index < 0 || index >= static_cast<int>(m_traces.size()) || unit < 0 || unit >= m_units ||
        step < 0 || step >= m_steps) {
        return QString();
    }
    const auto& values = m_traces[static_cast<std::size_t>(index)].values;
    const std::size_t at = static_cast<std::size_t>(step) * m_units + unit;
    if (at >= values.size()) return QString();
    const QString read =
        m_stepLabels.isEmpty()
            ? tr("step %1").arg(step)
            : tr("step %1, after reading %2").arg(QString::number(step), m_stepLabels.value(step));
    return tr("Unit %1, %2: %3%4")
        .arg(QString::number(unit + 1), read, QString::number(values[at], 'f', 3),
             step >= m_ownFrom ? tr(" (reading its own predictions)") : QString());
}

void HiddenStateHeatmap::onMouseMove(QMouseEvent* event) {
    if (m_traces.empty() || !m_plot->axisRect()->rect().contains(event->pos())) {
        QToolTip::hideText();
        return;
    }
    const int step = static_cast<int>(std::lround(m_plot->xAxis->pixelToCoord(event->pos().x())));
    const int unit =
        static_cast<int>(std::lround(m_plot->yAxis->pixelToCoord(event->pos().y()))) - 1;
    const QString text = cellText(unit, step);
    if (text.isEmpty()) {
        QToolTip::hideText();
    } else {
        QToolTip::showText(m_plot->mapToGlobal(event->pos()), text, m_plot);
    }
}

void HiddenStateHeatmap::resizeEvent(QResizeEvent* event) {
    QWidget::resizeEvent(event);
    fitToSize();
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

void HiddenStateHeatmap::changeEvent(QEvent* event) {
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::FontChange) {
        applyStyle();
        fitToSize();
    }
    QWidget::changeEvent(event);
}

void HiddenStateHeatmap::applyStyle() {
    PlotStyle::apply(m_plot, palette());
    PlotStyle::apply(m_scale, palette());
    // Characters in columns of one width, as in the text boxes.
    QFont fixed = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    fixed.setPointSizeF(m_plot->font().pointSizeF());
    fixed.setBold(m_plot->font().bold());
    m_plot->xAxis->setTickLabelFont(fixed);
    m_ownLine->setPen(PlotStyle::pen(palette().color(QPalette::WindowText), 1.5, Qt::DashLine));
    m_ownText->setColor(palette().color(QPalette::WindowText));
    QColor behind = palette().color(QPalette::Base);
    behind.setAlpha(210);
    m_ownText->setBrush(behind);
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

}  // namespace nnplay::ui
