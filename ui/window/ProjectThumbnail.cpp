// SPDX-License-Identifier: GPL-3.0-or-later
#include "window/ProjectThumbnail.h"

#include <qcustomplot.h>

#include <QCoreApplication>
#include <QPainter>
#include <QPainterPath>
#include <algorithm>
#include <cmath>
#include <exception>

#include "data/DataLoader.h"
#include "data/PlaneGenerators.h"
#include "plots/PlotStyle.h"

namespace nnplay::ui {

namespace {

constexpr qreal kCornerRadius = 6.0;
constexpr qreal kMargin = 8.0;
/// Enough points to show the shape of the data without a blot.
constexpr Eigen::Index kMaxPoints = 300;
constexpr int kImageRows = 2;

/// The colour of a regression target `t` in [-1, 1], as the decision-boundary view maps it.
QColor targetColor(double t) {
    return QColor::fromRgba(
        PlotStyle::divergingGradient().color(std::clamp(t, -1.0, 1.0), QCPRange(-1.0, 1.0)));
}

/// Points of `set` (2 x n in `points`) as dots in `area`, x and y mapped from `xRange` and
/// `yRange`; coloured by class, else by target scaled from `targetRange` to [-1, 1].
void drawDots(QPainter& painter, const QRectF& area, const Matrix& points, const Dataset& set,
              std::array<float, 2> xRange, std::array<float, 2> yRange,
              std::array<float, 2> targetRange, const QColor& outline) {
    const qreal radius = std::clamp(area.height() / 40.0, 2.2, 4.0);
    painter.setPen(QPen(outline, 0.8));
    const Eigen::Index count = std::min(points.cols(), kMaxPoints);
    auto scale = [](float v, std::array<float, 2> range) {
        const float span = range[1] - range[0];
        return span > 0 ? (v - range[0]) / span : 0.5f;
    };
    for (Eigen::Index i = 0; i < count; ++i) {
        QColor color;
        if (!set.labels.empty()) {
            color = PlotStyle::classColor(set.labels[static_cast<std::size_t>(i)]);
        } else if (set.targets.size() > 0) {
            color = targetColor(2.0 * scale(set.targets(0, i), targetRange) - 1.0);
        } else {
            color = PlotStyle::neutralColor();
        }
        painter.setBrush(color);
        const QPointF at(area.left() + scale(points(0, i), xRange) * area.width(),
                         area.bottom() - scale(points(1, i), yRange) * area.height());
        painter.drawEllipse(at, radius, radius);
    }
}

/// 2-D data in the square of the plane, centred, with faint axes through the origin.
void drawPlane(QPainter& painter, const QRectF& rect, const DataSplit& split,
               const QPalette& palette) {
    const qreal side = rect.height() - 2 * kMargin;
    const QRectF area(rect.center().x() - side / 2, rect.top() + kMargin, side, side);
    QColor axis = palette.color(QPalette::Text);
    axis.setAlpha(40);
    painter.setPen(QPen(axis, 1.0));
    painter.drawLine(QPointF(area.center().x(), area.top()),
                     QPointF(area.center().x(), area.bottom()));
    painter.drawLine(QPointF(area.left(), area.center().y()),
                     QPointF(area.right(), area.center().y()));
    const std::array<float, 2> plane{-kPlaneExtent, kPlaneExtent};
    const std::array<float, 2> targets = split.info.targetRange.value_or(std::array{-1.0f, 1.0f});
    drawDots(painter, area, split.train.points, split.train, plane, plane, targets,
             palette.color(QPalette::Base));
}

/// A few sample pictures in two rows, one of each class first, ink in the text colour.
void drawImages(QPainter& painter, const QRectF& rect, const DataSplit& split,
                const QPalette& palette) {
    const Shape& shape = split.info.imageShape;
    const Dataset& set = split.train;
    const qreal gap = kMargin;
    const qreal tile = (rect.height() - gap * (kImageRows + 1)) / kImageRows;
    const int columns = std::max(1, static_cast<int>((rect.width() - gap) / (tile + gap)));
    const int wanted = columns * kImageRows;
    // The first sample of each class in class order (0, 1, 2, ...), then the next samples.
    std::vector<Eigen::Index> chosen;
    for (int label = 0; label < split.info.classCount() && static_cast<int>(chosen.size()) < wanted;
         ++label) {
        const auto found = std::find(set.labels.begin(), set.labels.end(), label);
        if (found != set.labels.end()) chosen.push_back(found - set.labels.begin());
    }
    for (Eigen::Index i = 0; i < set.sampleCount() && static_cast<int>(chosen.size()) < wanted; ++i)
        if (std::find(chosen.begin(), chosen.end(), i) == chosen.end()) chosen.push_back(i);

    const QColor paper = palette.color(QPalette::Base);
    const QColor ink = palette.color(QPalette::Text);
    const qreal left = rect.center().x() - (columns * (tile + gap) - gap) / 2;
    const int h = shape.height, w = shape.width;
    painter.setPen(Qt::NoPen);
    for (int k = 0; k < static_cast<int>(chosen.size()); ++k) {
        const QRectF cell(left + (k % columns) * (tile + gap),
                          rect.top() + gap + (k / columns) * (tile + gap), tile, tile);
        painter.setBrush(paper);
        painter.drawRoundedRect(cell, 3, 3);
        // The first channel, scaled to its own range.
        const auto column = set.inputs.col(chosen[static_cast<std::size_t>(k)]).head(h * w);
        const float low = column.minCoeff(), high = column.maxCoeff();
        const qreal px = tile / std::max(h, w);
        for (int r = 0; r < h; ++r) {
            for (int c = 0; c < w; ++c) {
                const float v = high > low ? (column(r * w + c) - low) / (high - low) : 0.0f;
                if (v <= 0.02f) continue;
                QColor color = ink;
                color.setAlphaF(v);
                painter.setBrush(color);
                painter.drawRect(QRectF(cell.left() + c * px, cell.top() + r * px, px, px));
            }
        }
    }
}

/// Other tables: the first two input columns (or the only one against the target).
void drawTable(QPainter& painter, const QRectF& rect, const DataSplit& split,
               const QPalette& palette) {
    const Dataset& set = split.train;
    if (set.sampleCount() == 0 || set.inputs.rows() == 0) return;
    Matrix points(2, set.sampleCount());
    points.row(0) = set.inputs.row(0);
    if (set.inputs.rows() > 1)
        points.row(1) = set.inputs.row(1);
    else if (set.targets.size() > 0)
        points.row(1) = set.targets.row(0);
    else
        for (Eigen::Index i = 0; i < points.cols(); ++i)
            points(1, i) = static_cast<float>(set.labels[static_cast<std::size_t>(i)]);
    auto rangeOf = [](const auto& row) {
        const float pad = 0.05f * (row.maxCoeff() - row.minCoeff());
        return std::array{row.minCoeff() - pad, row.maxCoeff() + pad};
    };
    std::array<float, 2> targets{-1.0f, 1.0f};
    if (set.targets.size() > 0)
        targets = {set.targets.row(0).minCoeff(), set.targets.row(0).maxCoeff()};
    const QRectF area = rect.adjusted(kMargin * 2, kMargin, -kMargin * 2, -kMargin);
    drawDots(painter, area, points, set, rangeOf(points.row(0)), rangeOf(points.row(1)), targets,
             palette.color(QPalette::Base));
}

}  // namespace

ProjectThumbnail::ProjectThumbnail(QSize size, const QPalette& palette)
    : m_size(size), m_palette(palette) {}

QPixmap ProjectThumbnail::pixmap(const QString& path, const Project& project,
                                 qreal devicePixelRatio) {
    auto found = m_pictures.constFind(path);
    if (found != m_pictures.constEnd()) return *found;
    const QPixmap picture =
        QPixmap::fromImage(render(project, m_size, m_palette, devicePixelRatio));
    m_pictures.insert(path, picture);
    return picture;
}

QImage ProjectThumbnail::render(const Project& project, QSize size, const QPalette& palette,
                                qreal devicePixelRatio) {
    QImage image(size * devicePixelRatio, QImage::Format_ARGB32_Premultiplied);
    image.setDevicePixelRatio(devicePixelRatio);
    image.fill(Qt::transparent);
    QPainter painter(&image);
    painter.setRenderHint(QPainter::Antialiasing);
    const QRectF rect(QPointF(0, 0), QSizeF(size));
    QPainterPath frame;
    frame.addRoundedRect(rect, kCornerRadius, kCornerRadius);
    painter.fillPath(frame, palette.color(QPalette::AlternateBase));
    painter.setClipPath(frame);

    std::optional<DataSplit> split;
    try {
        split = loadData(project.data, project.task, std::string());
    } catch (const std::exception&) {
        // Said below, in the picture: the project itself explains when it opens.
    }
    if (!split) {
        painter.setPen(palette.color(QPalette::PlaceholderText));
        painter.drawText(rect, Qt::AlignCenter | Qt::TextWordWrap,
                         QCoreApplication::translate("ProjectThumbnail", "No data to show"));
    } else if (split->info.isPlane) {
        drawPlane(painter, rect, *split, palette);
    } else if (split->info.imageShape.size() > 0) {
        drawImages(painter, rect, *split, palette);
    } else {
        drawTable(painter, rect, *split, palette);
    }
    return image;
}

}  // namespace nnplay::ui
