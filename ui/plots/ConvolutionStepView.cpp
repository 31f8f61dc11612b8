// SPDX-License-Identifier: GPL-3.0-or-later
#include "plots/ConvolutionStepView.h"

#include <QMouseEvent>
#include <QPainter>
#include <QTimer>
#include <algorithm>
#include <cmath>

#include "editor/DivergingColorMap.h"

namespace nnplay::ui {

namespace {

constexpr int kMargin = 8;
/// Cells at least this large write their values.
constexpr int kNumberedCell = 24;

float largestMagnitude(const std::vector<float>& values) {
    float largest = 1e-6f;
    for (const float v : values) largest = std::max(largest, std::abs(v));
    return largest;
}

QColor textOn(const QColor& fill) { return fill.lightnessF() < 0.5 ? Qt::white : Qt::black; }

/// A value short enough for its cell: "0.4" or "0.43" when there is room, "12".
QString shortValue(float v, int cellWidth) {
    if (std::abs(v) >= 9.95f) return QString::number(std::lround(v));
    return QString::number(v, 'f', cellWidth >= 36 ? 2 : 1);
}

}  // namespace

ConvolutionStepView::ConvolutionStepView(QWidget* parent)
    : QWidget(parent), m_timer(new QTimer(this)) {
    m_timer->setInterval(kStepMs);
    connect(m_timer, &QTimer::timeout, this, [this] {
        const auto& shape = m_snapshot.trace[std::size_t(m_layer)].shape;
        setPosition((m_position + 1) % std::max(1, shape.height * shape.width));
    });
    setMinimumHeight(200);
}

bool ConvolutionStepView::show(const TrainingSnapshot& snapshot, int layer, int filter) {
    if (layer < 0 || layer >= static_cast<int>(snapshot.trace.size()) ||
        snapshot.trace[std::size_t(layer)].kernel.size == 0 || !snapshot.data)
        return false;
    const bool sameLayer = m_layer == layer && m_filter == filter;
    m_snapshot = snapshot;
    m_layer = layer;
    m_filter = filter;
    if (layer == 0) {
        m_inputShape = snapshot.data->info.inputShape;
        m_input = snapshot.traceInput;
    } else {
        m_inputShape = snapshot.trace[std::size_t(layer - 1)].shape;
        m_input = snapshot.trace[std::size_t(layer - 1)].values;
    }
    if (!sameLayer) m_position = 0;
    updateStep();
    return true;
}

void ConvolutionStepView::setPosition(int position) {
    m_position = position;
    updateStep();
}

void ConvolutionStepView::setPlaying(bool playing) {
    if (playing)
        m_timer->start();
    else
        m_timer->stop();
}

bool ConvolutionStepView::isPlaying() const { return m_timer->isActive(); }

void ConvolutionStepView::updateStep() {
    if (m_layer < 0) return;
    const auto& trace = m_snapshot.trace[std::size_t(m_layer)];
    const int width = trace.shape.width;
    m_position = std::clamp(m_position, 0, trace.shape.height * width - 1);
    m_step = nnplay::ConvolutionStep::at(trace, m_inputShape, m_input, m_filter, m_position / width,
                                         m_position % width);
    update();
}

QString ConvolutionStepView::sumText() const {
    if (m_layer < 0) return {};
    const std::size_t taps = std::size_t(m_step.kernel * m_step.kernel);
    QStringList terms;
    for (std::size_t i = 0; i < taps && i < m_step.products.size(); ++i)
        terms << QString::number(m_step.products[i], 'f', 2);
    QString text = tr("Channel 1: %1 = %2")
                       .arg(terms.join(QStringLiteral(" + ")))
                       .arg(m_step.channelSums[0], 0, 'f', 2);
    if (m_step.channels > 1) {
        float others = 0;
        for (std::size_t c = 1; c < m_step.channelSums.size(); ++c) others += m_step.channelSums[c];
        text +=
            tr("; the other %1 channels add %2").arg(m_step.channels - 1).arg(others, 0, 'f', 2);
    }
    return text + tr("; with the bias %1 the map gets %2.")
                      .arg(m_step.bias, 0, 'f', 2)
                      .arg(m_step.total, 0, 'f', 2);
}

ConvolutionStepView::Geometry ConvolutionStepView::geometry() const {
    Geometry g;
    if (m_layer < 0) return g;
    const auto& trace = m_snapshot.trace[std::size_t(m_layer)];
    const auto& k = trace.kernel;
    // Above: the input with its ring of padding beside the output map. Below, larger so
    // their numbers can be read: the filter, its products with the window, and the sum.
    const int inCols = m_inputShape.width + 2 * k.padLeft;
    const int inRows = m_inputShape.height + 2 * k.padTop;
    const int titleHeight = fontMetrics().height() + 4;
    const int textHeight = 3 * fontMetrics().height() + 8;
    const int avail = width() - 2 * kMargin;
    const int availHeight = height() - 2 * kMargin - 2 * titleHeight - textHeight;
    const int rows = std::max(inRows, trace.shape.height);
    g.cell = std::max(4, std::min(avail / (inCols + 2 + trace.shape.width),
                                  availHeight * 3 / 5 / std::max(1, rows)));
    g.kernelCell =
        std::clamp(std::min(avail / (2 * k.size + 2), availHeight * 2 / 5 / k.size), g.cell, 44);
    int top = kMargin + titleHeight;
    g.input = QRect(kMargin, top, inCols * g.cell, inRows * g.cell);
    g.output = QRect(g.input.right() + 2 * g.cell, top, trace.shape.width * g.cell,
                     trace.shape.height * g.cell);
    top = std::max(g.input.bottom(), g.output.bottom()) + titleHeight + 6;
    g.kernel = QRect(kMargin, top, k.size * g.kernelCell, k.size * g.kernelCell);
    g.products = QRect(g.kernel.right() + g.kernelCell * 3 / 2, top, k.size * g.kernelCell,
                       k.size * g.kernelCell);
    const int below = g.kernel.bottom() + 8;
    g.text = QRect(kMargin, below, avail, height() - below - kMargin);
    return g;
}

void ConvolutionStepView::paintEvent(QPaintEvent*) {
    if (m_layer < 0) return;
    QPainter p(this);
    const QPalette& pal = palette();
    const Geometry g = geometry();
    const auto& trace = m_snapshot.trace[std::size_t(m_layer)];
    const auto& k = trace.kernel;
    const int titleHeight = fontMetrics().height() + 4;
    auto title = [&](const QRect& box, const QString& text) {
        p.setPen(pal.color(QPalette::WindowText));
        p.drawText(QRect(box.left(), box.top() - titleHeight, width() - box.left(), titleHeight),
                   Qt::AlignLeft | Qt::AlignTop, text);
    };
    auto cell = [&](const QRect& r, float value, float scale, bool numbered, bool empty) {
        if (empty) {
            p.setPen(QPen(pal.color(QPalette::Mid), 1, Qt::DotLine));
            p.setBrush(Qt::NoBrush);
            p.drawRect(r.adjusted(0, 0, -1, -1));
            return;
        }
        const QColor fill = DivergingColorMap::color(value / scale);
        p.fillRect(r, fill);
        if (numbered && r.width() >= kNumberedCell) {
            QFont f = font();
            f.setPixelSize(std::max(8, r.width() / 3));
            p.setFont(f);
            p.setPen(textOn(fill));
            p.drawText(r, Qt::AlignCenter, shortValue(value, r.width()));
            p.setFont(font());
        }
    };

    // The input (first channel), the padding as dotted cells, the window framed.
    const float inScale = largestMagnitude(m_input);
    const int h = m_inputShape.height, w = m_inputShape.width;
    title(g.input,
          m_step.channels > 1 ? tr("Input, channel 1 of %1").arg(m_step.channels) : tr("Input"));
    for (int y = -k.padTop; y < h + k.padTop; ++y) {
        for (int x = -k.padLeft; x < w + k.padLeft; ++x) {
            const QRect r(g.input.left() + (x + k.padLeft) * g.cell,
                          g.input.top() + (y + k.padTop) * g.cell, g.cell, g.cell);
            const bool inside = y >= 0 && y < h && x >= 0 && x < w;
            cell(r, inside ? m_input[std::size_t(y * w + x)] : 0.0f, inScale, true, !inside);
        }
    }
    const QRect window(g.input.left() + (m_step.left + k.padLeft) * g.cell,
                       g.input.top() + (m_step.top + k.padTop) * g.cell, k.size * g.cell,
                       k.size * g.cell);
    p.setBrush(Qt::NoBrush);
    p.setPen(QPen(pal.color(QPalette::Highlight), 3));
    p.drawRect(window);

    // The filter's weights and the products, channel 1.
    const float weightScale = largestMagnitude(m_step.weights);
    std::vector<float> products(m_step.products.begin(), m_step.products.begin() + k.size * k.size);
    const float productScale = largestMagnitude(products);
    title(g.kernel, tr("Filter %1").arg(m_filter + 1));
    title(g.products, tr("Filter × window"));
    for (int i = 0; i < k.size * k.size; ++i) {
        const int y = i / k.size, x = i % k.size;
        const int c = g.kernelCell;
        cell(QRect(g.kernel.left() + x * c, g.kernel.top() + y * c, c, c),
             m_step.weights[std::size_t(i)], weightScale, true, false);
        cell(QRect(g.products.left() + x * c, g.products.top() + y * c, c, c),
             m_step.products[std::size_t(i)], productScale, true, !m_step.inside[std::size_t(i)]);
    }
    p.setPen(QPen(pal.color(QPalette::Highlight), 3));
    p.drawRect(g.products);
    p.setPen(QPen(pal.color(QPalette::Mid), 1));
    p.drawRect(g.kernel.adjusted(0, 0, -1, -1));

    // The output map, filled up to the current position.
    const int ow = trace.shape.width;
    const float* map = trace.values.data() + std::size_t(m_filter) * trace.shape.height * ow;
    std::vector<float> mapValues(map, map + trace.shape.height * ow);
    const float outScale = largestMagnitude(mapValues);
    title(g.output, tr("Map %1").arg(m_filter + 1));
    for (int i = 0; i < trace.shape.height * ow; ++i) {
        const QRect r(g.output.left() + (i % ow) * g.cell, g.output.top() + (i / ow) * g.cell,
                      g.cell, g.cell);
        cell(r, mapValues[std::size_t(i)], outScale, i == m_position, i > m_position);
    }
    p.setBrush(Qt::NoBrush);
    p.setPen(QPen(pal.color(QPalette::Highlight), 3));
    p.drawRect(QRect(g.output.left() + (m_position % ow) * g.cell,
                     g.output.top() + (m_position / ow) * g.cell, g.cell, g.cell));

    p.setPen(pal.color(QPalette::WindowText));
    p.drawText(g.text, Qt::AlignLeft | Qt::AlignTop | Qt::TextWordWrap, sumText());
}

void ConvolutionStepView::mousePressEvent(QMouseEvent* event) {
    const Geometry g = geometry();
    const QPoint at = event->position().toPoint();
    if (m_layer >= 0 && g.output.contains(at) && g.cell > 0) {
        const int ow = m_snapshot.trace[std::size_t(m_layer)].shape.width;
        setPlaying(false);
        setPosition((at.y() - g.output.top()) / g.cell * ow + (at.x() - g.output.left()) / g.cell);
    }
    QWidget::mousePressEvent(event);
}

}  // namespace nnplay::ui
