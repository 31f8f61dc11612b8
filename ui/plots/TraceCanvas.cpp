// SPDX-License-Identifier: GPL-3.0-or-later
#include "plots/TraceCanvas.h"

#include <QHelpEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QToolTip>
#include <algorithm>
#include <cmath>

#include "editor/DivergingColorMap.h"
#include "layers/LayerRegistry.h"
#include "plots/SamplePicture.h"

namespace nnplay::ui {

namespace {

constexpr int kMargin = 8;
constexpr int kGap = 6;
/// Flat outputs of at most this many values write them in their cells.
constexpr int kLabelledCells = 12;

float largestMagnitude(const float* values, std::size_t count) {
    float largest = 1e-6f;
    for (std::size_t i = 0; i < count; ++i) largest = std::max(largest, std::abs(values[i]));
    return largest;
}

/// A height x width map (row-major) coloured by value / scale.
QImage mapImage(const float* values, int height, int width, float scale) {
    QImage image(width, height, QImage::Format_RGB32);
    for (int y = 0; y < height; ++y) {
        for (int x = 0; x < width; ++x)
            image.setPixelColor(x, y, DivergingColorMap::color(values[y * width + x] / scale));
    }
    return image;
}

/// `steps` steps of `units` values (step-major) as units rows by steps columns.
QImage stepsImage(const float* values, int steps, int units, float scale) {
    QImage image(steps, units, QImage::Format_RGB32);
    for (int t = 0; t < steps; ++t) {
        for (int u = 0; u < units; ++u)
            image.setPixelColor(t, u, DivergingColorMap::color(values[t * units + u] / scale));
    }
    return image;
}

/// `count` values in rows of `columns` cells; the cells after the last are transparent.
QImage cellsImage(const float* values, int count, int columns, float scale) {
    const int rows = (count + columns - 1) / columns;
    QImage image(columns, rows, QImage::Format_ARGB32);
    image.fill(Qt::transparent);
    for (int i = 0; i < count; ++i)
        image.setPixelColor(i % columns, i / columns, DivergingColorMap::color(values[i] / scale));
    return image;
}

/// The kernels of one filter, one k x k square per input channel side by side (a transparent
/// column between them).
QImage filterImage(const Matrix& weights, int filter, int channels, int k, float scale) {
    QImage image(channels * (k + 1) - 1, k, QImage::Format_ARGB32);
    image.fill(Qt::transparent);
    for (int c = 0; c < channels; ++c) {
        for (int y = 0; y < k; ++y) {
            for (int x = 0; x < k; ++x) {
                const float w = weights(filter, (c * k + y) * k + x);
                image.setPixelColor(c * (k + 1) + x, y, DivergingColorMap::color(w / scale));
            }
        }
    }
    return image;
}

QString range(const float* values, std::size_t count) {
    if (count == 0) return {};
    const auto [low, high] = std::minmax_element(values, values + count);
    return TraceCanvas::tr("values %1 to %2").arg(*low, 0, 'g', 3).arg(*high, 0, 'g', 3);
}

/// "1 unit", "16 units".
QString units(int count) {
    return count == 1 ? TraceCanvas::tr("1 unit") : TraceCanvas::tr("%1 units").arg(count);
}

/// "8 maps of 8×8", "16 units over 20 steps", "10 values".
QString describeShape(const Shape& shape) {
    if (shape.isSequence())
        return TraceCanvas::tr("%1 over %2 steps").arg(units(shape.stepSize())).arg(shape.steps);
    if (!shape.isFlat()) {
        return (shape.channels == 1 ? TraceCanvas::tr("1 map of %2×%3")
                                    : TraceCanvas::tr("%1 maps of %2×%3"))
            .arg(shape.channels)
            .arg(shape.height)
            .arg(shape.width);
    }
    return shape.channels == 1 ? TraceCanvas::tr("1 value")
                               : TraceCanvas::tr("%1 values").arg(shape.channels);
}

}  // namespace

TraceCanvas::TraceCanvas(QWidget* parent) : QWidget(parent) {
    setMouseTracking(true);
    QSizePolicy policy(QSizePolicy::Preferred, QSizePolicy::Preferred);
    policy.setHeightForWidth(true);
    setSizePolicy(policy);
}

void TraceCanvas::setSnapshot(const TrainingSnapshot& snapshot) {
    m_snapshot = snapshot;
    relayout();
}

int TraceCanvas::heightForWidth(int width) const { return layout(width, nullptr, nullptr); }

QSize TraceCanvas::sizeHint() const { return {360, heightForWidth(360)}; }

void TraceCanvas::resizeEvent(QResizeEvent* event) {
    QWidget::resizeEvent(event);
    relayout();
}

void TraceCanvas::relayout() {
    m_hovered = -1;
    const int height = layout(width(), &m_tiles, &m_rows);
    if (minimumHeight() != height) setMinimumHeight(height);
    updateGeometry();
    update();
}

int TraceCanvas::layout(int width, std::vector<Tile>* tiles, std::vector<Row>* rows) const {
    std::vector<Tile> laid;
    std::vector<Row> titles;
    const DataPreview* data = m_snapshot.data.get();
    const int sample = m_snapshot.traceSample;
    if (!data || sample < 0 || sample >= data->sampleCount() || m_snapshot.trace.empty()) {
        if (tiles) tiles->clear();
        if (rows) rows->clear();
        return 0;
    }
    const int avail = std::max(120, width - 2 * kMargin);
    const int titleHeight = fontMetrics().height() + 4;
    int y = kMargin;
    auto startRow = [&](const QString& title) {
        titles.push_back({title, y});
        y += titleHeight;
    };
    // Lays `count` tiles of one size left to right, wrapping at the width.
    auto placeRow = [&](std::vector<Tile> row, QSize size) {
        int x = kMargin;
        int rowHeight = 0;
        for (Tile& tile : row) {
            if (x > kMargin && x + size.width() > kMargin + avail) {
                x = kMargin;
                y += rowHeight + kGap;
            }
            tile.rect = QRect(QPoint(x, y), size);
            x += size.width() + kGap;
            rowHeight = size.height();
            laid.push_back(std::move(tile));
        }
        y += rowHeight + kGap;
    };
    auto placeSteps = [&](Tile tile, int steps, int units) {
        const int cell = std::clamp(avail / std::max(1, steps), 3, 24);
        const int cellHeight = std::clamp(160 / std::max(1, units), 3, 16);
        placeRow({std::move(tile)}, QSize(cell * steps, cellHeight * units));
    };
    auto placeCells = [&](Tile tile, const float* values, int count, float scale) {
        const int side = count <= kLabelledCells ? std::clamp(avail / count - 2, 20, 44)
                                                 : std::clamp(avail / count, 8, 18);
        const int columns = std::max(1, std::min(count, avail / side));
        tile.image = cellsImage(values, count, columns, scale);
        if (count <= kLabelledCells) tile.labels.assign(values, values + count);
        const int rowsOfCells = (count + columns - 1) / columns;
        placeRow({std::move(tile)}, QSize(side * columns, side * rowsOfCells));
    };

    // The sample as the learner knows it.
    const Shape& inputShape = data->info.inputShape;
    const auto input = data->sampleInputs.col(sample);
    const std::vector<float> inputValues(input.data(), input.data() + input.size());
    const Shape& picture = data->info.imageShape;
    startRow(picture.size() > 0
                 ? tr("Input: a %1×%2 picture").arg(picture.height).arg(picture.width)
                 : tr("Input: %1").arg(describeShape(inputShape)));
    Tile inputTile;
    inputTile.kind = Tile::Kind::Input;
    inputTile.toolTip = tr("Test sample %1 as the network gets it").arg(sample + 1);
    if (data->info.imageShape.size() > 0) {
        inputTile.image = samplePicture(*data, sample);
        const int side = std::min(112, avail);
        placeRow({inputTile}, QSize(side, side));
    } else if (inputShape.isSequence()) {
        const float scale = largestMagnitude(inputValues.data(), inputValues.size());
        inputTile.image =
            stepsImage(inputValues.data(), inputShape.steps, inputShape.stepSize(), scale);
        placeSteps(inputTile, inputShape.steps, inputShape.stepSize());
    } else {
        placeCells(inputTile, inputValues.data(), static_cast<int>(inputValues.size()),
                   largestMagnitude(inputValues.data(), inputValues.size()));
    }

    const LayerRegistry& registry = LayerRegistry::builtin();
    Shape previous = inputShape;
    for (std::size_t l = 0; l < m_snapshot.trace.size(); ++l) {
        const SessionViews::LayerTrace& trace = m_snapshot.trace[l];
        const int layer = static_cast<int>(l);
        const Shape& shape = trace.shape;
        const float* values = trace.values.data();
        const std::size_t count = trace.values.size();
        const float scale = largestMagnitude(values, count);
        const QString name = QString::fromStdString(trace.name);
        if (count == 0 || static_cast<int>(count) != shape.size()) {
            previous = shape;
            continue;
        }
        const LayerInfo* info = registry.find(trace.type);
        if (!trace.states.empty() && !shape.isSequence()) {
            startRow(tr("%1: hidden state of %2 over %3 steps")
                         .arg(name, units(trace.stateUnits))
                         .arg(trace.stateSteps));
            Tile tile;
            tile.kind = Tile::Kind::Steps;
            tile.layer = layer;
            const float stateScale = largestMagnitude(trace.states.data(), trace.states.size());
            tile.image =
                stepsImage(trace.states.data(), trace.stateSteps, trace.stateUnits, stateScale);
            tile.toolTip = tr("One row per unit, one column per step: the last column is what "
                              "%1 passes on. %2")
                               .arg(name, range(trace.states.data(), trace.states.size()));
            placeSteps(tile, trace.stateSteps, trace.stateUnits);
        } else if (shape.isSequence()) {
            startRow(QStringLiteral("%1: %2").arg(name, describeShape(shape)));
            Tile tile;
            tile.kind = Tile::Kind::Steps;
            tile.layer = layer;
            tile.image = stepsImage(values, shape.steps, shape.stepSize(), scale);
            tile.toolTip =
                tr("One row per unit, one column per step. %1").arg(range(values, count));
            placeSteps(tile, shape.steps, shape.stepSize());
        } else if (!shape.isFlat()) {
            startRow(QStringLiteral("%1: %2").arg(name, describeShape(shape)));
            const int side =
                std::clamp((avail + kGap) / std::max(1, shape.channels) - kGap, 28, 72);
            const QSize mapSize(side, std::max(8, side * shape.height / shape.width));
            const Matrix* weights =
                l < m_snapshot.weights.size() ? &m_snapshot.weights[l] : nullptr;
            const bool kernels = info && info->slidesKernels && weights && weights->size() > 0 &&
                                 weights->rows() == shape.channels;
            const int inChannels = previous.channels;
            const int k = kernels ? static_cast<int>(std::lround(std::sqrt(
                                        static_cast<double>(weights->cols()) / inChannels)))
                                  : 0;
            if (kernels && k * k * inChannels == weights->cols()) {
                const float weightScale = largestMagnitude(weights->data(), weights->size());
                std::vector<Tile> filters;
                for (int f = 0; f < shape.channels; ++f) {
                    Tile tile;
                    tile.kind = Tile::Kind::Filter;
                    tile.layer = layer;
                    tile.channel = f;
                    tile.image = filterImage(*weights, f, inChannels, k, weightScale);
                    tile.toolTip =
                        tr("Filter %1: %2×%2 weights for each of the %3 maps it reads; it "
                           "slides over them and sums the products into map %1.")
                            .arg(f + 1)
                            .arg(k)
                            .arg(inChannels);
                    filters.push_back(std::move(tile));
                }
                const int filterHeight = std::max(12, side * 2 / 3);
                const int filterWidth =
                    std::min(side * 2, filterHeight * (inChannels * (k + 1) - 1) / k);
                placeRow(std::move(filters), QSize(filterWidth, filterHeight));
            }
            std::vector<Tile> maps;
            const int mapValues = shape.height * shape.width;
            for (int c = 0; c < shape.channels; ++c) {
                Tile tile;
                tile.kind = Tile::Kind::Map;
                tile.layer = layer;
                tile.channel = c;
                const float* map = values + static_cast<std::ptrdiff_t>(c) * mapValues;
                tile.image = mapImage(map, shape.height, shape.width, scale);
                tile.toolTip = kernels ? tr("Map %1 of %2, made by filter %1 (click to watch it "
                                            "slide). %3")
                                             .arg(c + 1)
                                             .arg(name, range(map, std::size_t(mapValues)))
                                       : tr("Map %1 of %2. %3")
                                             .arg(c + 1)
                                             .arg(name, range(map, std::size_t(mapValues)));
                maps.push_back(std::move(tile));
            }
            placeRow(std::move(maps), mapSize);
        } else {
            startRow(QStringLiteral("%1: %2").arg(name, describeShape(shape)));
            Tile tile;
            tile.kind = Tile::Kind::Cells;
            tile.layer = layer;
            tile.toolTip = tr("One cell per unit. %1").arg(range(values, count));
            placeCells(tile, values, static_cast<int>(count), scale);
        }
        previous = shape;
    }
    if (tiles) *tiles = std::move(laid);
    if (rows) *rows = std::move(titles);
    return y + kMargin;
}

int TraceCanvas::tileAt(const QPoint& point) const {
    for (std::size_t i = 0; i < m_tiles.size(); ++i)
        if (m_tiles[i].rect.contains(point)) return static_cast<int>(i);
    return -1;
}

std::vector<int> TraceCanvas::relatedTiles(int hovered) const {
    std::vector<int> related;
    if (hovered < 0 || hovered >= static_cast<int>(m_tiles.size())) return related;
    const Tile& tile = m_tiles[static_cast<std::size_t>(hovered)];
    if (tile.kind != Tile::Kind::Map && tile.kind != Tile::Kind::Filter) return related;
    bool slides = false;
    for (std::size_t i = 0; i < m_tiles.size(); ++i) {
        const Tile& other = m_tiles[i];
        if (other.layer == tile.layer && other.channel == tile.channel && &other != &tile &&
            (other.kind == Tile::Kind::Map || other.kind == Tile::Kind::Filter)) {
            related.push_back(static_cast<int>(i));
            slides = true;
        }
    }
    // The maps the layer read: all of them through a filter, else the same channel.
    for (std::size_t i = 0; i < m_tiles.size(); ++i) {
        const Tile& other = m_tiles[i];
        if (other.layer != tile.layer - 1) continue;
        if (other.kind == Tile::Kind::Input ||
            (other.kind == Tile::Kind::Map && (slides || other.channel == tile.channel)))
            related.push_back(static_cast<int>(i));
    }
    return related;
}

void TraceCanvas::paintEvent(QPaintEvent* event) {
    QWidget::paintEvent(event);
    QPainter painter(this);
    const QPalette& pal = palette();
    painter.setPen(pal.color(QPalette::WindowText));
    const int titleHeight = fontMetrics().height() + 4;
    for (const Row& row : m_rows) {
        painter.drawText(
            QRect(kMargin, row.top, width() - 2 * kMargin, titleHeight),
            Qt::AlignLeft | Qt::AlignVCenter,
            fontMetrics().elidedText(row.title, Qt::ElideRight, width() - 2 * kMargin));
    }
    const std::vector<int> related = relatedTiles(m_hovered);
    painter.setRenderHint(QPainter::SmoothPixmapTransform, false);
    for (std::size_t i = 0; i < m_tiles.size(); ++i) {
        const Tile& tile = m_tiles[i];
        painter.drawImage(tile.rect, tile.image);
        const bool framed = static_cast<int>(i) == m_hovered ||
                            std::find(related.begin(), related.end(), int(i)) != related.end();
        painter.setBrush(Qt::NoBrush);
        painter.setPen(framed ? QPen(pal.color(QPalette::Highlight), 3)
                              : QPen(pal.color(QPalette::Mid), 1));
        if (tile.kind != Tile::Kind::Cells) painter.drawRect(tile.rect.adjusted(0, 0, -1, -1));
        if (tile.labels.empty()) continue;
        // Few values: each written in its cell, dark or light against the cell's colour.
        const int columns = tile.image.width();
        const int side = tile.rect.width() / std::max(1, columns);
        QFont small = font();
        small.setPixelSize(std::max(9, side / 3));
        painter.setFont(small);
        for (std::size_t c = 0; c < tile.labels.size(); ++c) {
            const QRect cell(tile.rect.left() + int(c % columns) * side,
                             tile.rect.top() + int(c / columns) * side, side, side);
            const QColor fill = tile.image.pixelColor(int(c % columns), int(c / columns));
            painter.setPen(fill.lightnessF() < 0.5 ? Qt::white : Qt::black);
            painter.drawText(cell, Qt::AlignCenter, QString::number(tile.labels[c], 'f', 2));
            painter.setPen(QPen(pal.color(QPalette::Mid), 1));
            painter.drawRect(cell.adjusted(0, 0, -1, -1));
        }
        painter.setFont(font());
    }
}

void TraceCanvas::mouseMoveEvent(QMouseEvent* event) {
    const int tile = tileAt(event->position().toPoint());
    if (tile != m_hovered) {
        m_hovered = tile;
        update();
    }
    QWidget::mouseMoveEvent(event);
}

void TraceCanvas::mousePressEvent(QMouseEvent* event) {
    const int index = tileAt(event->position().toPoint());
    if (index >= 0 && event->button() == Qt::LeftButton) {
        const Tile& tile = m_tiles[std::size_t(index)];
        const bool kernels = tile.layer >= 0 &&
                             tile.layer < static_cast<int>(m_snapshot.trace.size()) &&
                             m_snapshot.trace[std::size_t(tile.layer)].kernel.size > 0;
        if (kernels && (tile.kind == Tile::Kind::Map || tile.kind == Tile::Kind::Filter))
            emit convolutionClicked(tile.layer, tile.channel);
    }
    QWidget::mousePressEvent(event);
}

void TraceCanvas::leaveEvent(QEvent* event) {
    m_hovered = -1;
    update();
    QWidget::leaveEvent(event);
}

bool TraceCanvas::event(QEvent* event) {
    if (event->type() == QEvent::ToolTip) {
        auto* help = static_cast<QHelpEvent*>(event);
        const int tile = tileAt(help->pos());
        if (tile >= 0) {
            QToolTip::showText(help->globalPos(), m_tiles[std::size_t(tile)].toolTip, this);
        } else {
            QToolTip::hideText();
        }
        return true;
    }
    return QWidget::event(event);
}

}  // namespace nnplay::ui
