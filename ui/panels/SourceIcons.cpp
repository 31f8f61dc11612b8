// SPDX-License-Identifier: GPL-3.0-or-later
#include "panels/SourceIcons.h"

#include <qcustomplot.h>

#include <QPainter>
#include <QPainterPath>
#include <cmath>

#include "data/DataLoader.h"
#include "data/PlaneGenerators.h"
#include "plots/PlotStyle.h"

namespace nnplay::ui {

namespace {

constexpr int kIconPoints = 220;

/// A white square with the list's grey edge, for `draw` to paint on.
template <class Draw>
QIcon framed(int size, Draw draw) {
    QPixmap pixmap(size, size);
    pixmap.fill(Qt::white);
    QPainter p(&pixmap);
    draw(p);
    p.setRenderHint(QPainter::Antialiasing, false);
    p.setPen(QPen(QColor(180, 180, 180)));
    p.setBrush(Qt::NoBrush);
    p.drawRect(0, 0, size - 1, size - 1);
    return QIcon(pixmap);
}

/// An 8x8 (or larger) pixel picture drawn by `rows` ('#' ink, '+' half ink), scaled up.
QIcon pixelArt(int size, std::initializer_list<const char*> rows) {
    const int h = static_cast<int>(rows.size());
    const int w = static_cast<int>(std::strlen(*rows.begin()));
    QImage glyph(w, h, QImage::Format_Grayscale8);
    int y = 0;
    for (const char* row : rows) {
        for (int x = 0; x < w; ++x)
            glyph.setPixel(x, y,
                           row[x] == '#'   ? qRgb(0, 0, 0)
                           : row[x] == '+' ? qRgb(120, 120, 120)
                                           : qRgb(255, 255, 255));
        ++y;
    }
    return framed(size, [&](QPainter& p) {
        p.drawImage(QRect(size / 8, size / 8, size * 3 / 4, size * 3 / 4), glyph);
    });
}

QIcon digitsIcon(int size) {
    return pixelArt(size, {"        ", " ###### ", "     ## ", "    ##  ", "   ##   ", "   ##   ",
                           "  ##    ", "        "});
}

QIcon fashionIcon(int size) {
    return pixelArt(size, {"###  ###", "########", "########", "########", " ###### ", " ###### ",
                           " ###### ", " ###### "});
}

QIcon idxIcon(int size) {
    return framed(size, [&](QPainter& p) {
        // Three image files stacked, the front one with a pixel pattern.
        const int m = size / 5, step = size / 10, side = size - 2 * m - 2 * step;
        for (int i = 2; i >= 0; --i) {
            const QRect sheet(m + i * step, m + (2 - i) * step, side, side);
            p.fillRect(sheet, i == 0 ? QColor(250, 250, 250) : QColor(215, 215, 215));
            p.setPen(QPen(QColor(90, 90, 90), 1));
            p.drawRect(sheet);
        }
        const QRect front(m, m + 2 * step, side, side);
        const int cell = std::max(2, side / 4);
        for (int y = 0; y < 4; ++y)
            for (int x = 0; x < 4; ++x)
                if ((x * 3 + y * 5) % 4 < 2)
                    p.fillRect(front.left() + 1 + x * cell, front.top() + 1 + y * cell, cell - 1,
                               cell - 1, QColor(40, 40, 40));
    });
}

QIcon folderIcon(int size) {
    return framed(size, [&](QPainter& p) {
        // A folder with a small picture in front of it.
        const int m = size / 6;
        p.setPen(QPen(QColor(90, 90, 90), 1));
        p.setBrush(QColor(240, 200, 110));
        p.drawRect(QRect(m, m + size / 10, size - 2 * m, size - 2 * m - size / 10));
        p.drawRect(QRect(m, m, size / 3, size / 10));
        const QRect photo(size / 3, size / 3, size / 2, size / 3);
        p.setBrush(Qt::white);
        p.drawRect(photo);
        p.setPen(Qt::NoPen);
        p.setBrush(PlotStyle::positiveColor());
        p.drawPolygon(QPolygon({photo.bottomLeft(), QPoint(photo.center().x(), photo.top() + 2),
                                photo.bottomRight()}));
    });
}

QIcon sineIcon(int size) {
    return framed(size, [&](QPainter& p) {
        p.setRenderHint(QPainter::Antialiasing);
        QPainterPath wave;
        for (int x = 3; x <= size - 3; ++x) {
            const double y =
                size / 2.0 - size * 0.3 * std::sin((x - 3) * 2 * M_PI * 1.5 / (size - 6));
            if (x == 3)
                wave.moveTo(x, y);
            else
                wave.lineTo(x, y);
        }
        p.setPen(QPen(PlotStyle::positiveColor(), std::max(1.5, size / 16.0)));
        p.drawPath(wave);
        // The value to predict after the window.
        p.setPen(Qt::NoPen);
        p.setBrush(PlotStyle::negativeColor());
        const double r = std::max(2.0, size / 12.0);
        p.drawEllipse(QPointF(size - 3 - r, size / 2.0 - size * 0.3 * std::sin(3 * M_PI)), r, r);
    });
}

QIcon textIcon(int size) {
    return framed(size, [&](QPainter& p) {
        QFont f(QStringLiteral("serif"));
        f.setPixelSize(size * 11 / 20);
        p.setFont(f);
        p.setPen(QColor(30, 30, 30));
        p.drawText(QRect(0, 0, size, size * 3 / 4), Qt::AlignCenter, QStringLiteral("Aa"));
        p.setPen(QPen(QColor(150, 150, 150), std::max(1, size / 20)));
        for (int i = 0; i < 2; ++i) {
            const int y = size * 3 / 4 + i * size / 8;
            p.drawLine(size / 6, y, size - size / 6 - i * size / 5, y);
        }
    });
}

QIcon csvIcon(int size) {
    return framed(size, [&](QPainter& p) {
        const int m = size / 6;
        const QRect table(m, m, size - 2 * m, size - 2 * m);
        p.fillRect(QRect(table.left(), table.top(), table.width(), table.height() / 4),
                   PlotStyle::tint(PlotStyle::positiveColor(), 0.35));
        p.setPen(QPen(QColor(90, 90, 90), 1));
        p.drawRect(table);
        for (int i = 1; i < 4; ++i) {
            const int y = table.top() + i * table.height() / 4;
            p.drawLine(table.left(), y, table.right(), y);
        }
        for (int i = 1; i < 3; ++i) {
            const int x = table.left() + i * table.width() / 3;
            p.drawLine(x, table.top(), x, table.bottom());
        }
    });
}

}  // namespace

QIcon sourceIcon(const std::string& source, int size) {
    const SourceInfo* info = findSource(source);
    if (info && info->isPlane) return planeIcon(source, size);
    if (source == "digits") return digitsIcon(size);
    if (source == "fashion-mnist") return fashionIcon(size);
    if (source == "idx") return idxIcon(size);
    if (source == "image_folder") return folderIcon(size);
    if (source == "sine") return sineIcon(size);
    if (source == "text") return textIcon(size);
    if (source == "csv") return csvIcon(size);
    return framed(size, [](QPainter&) {});
}

QIcon planeIcon(const std::string& source, int size) {
    QPixmap pixmap(size, size);
    pixmap.fill(Qt::white);
    QPainter p(&pixmap);
    p.setRenderHint(QPainter::Antialiasing);
    const SourceInfo* info = findSource(source);
    try {
        const Dataset data = generatePlaneData(source, kIconPoints, 0.0, 1);
        QCPColorGradient gradient = PlotStyle::divergingGradient();
        const double radius = std::max(1.2, size / 36.0);
        p.setPen(Qt::NoPen);
        for (Eigen::Index i = 0; i < data.points.cols(); ++i) {
            QColor color;
            if (info && info->task == Task::Regression && data.targets.size() > 0) {
                color = QColor::fromRgba(
                    gradient.color((data.targets(0, i) + 1.0) / 2.0, QCPRange(0.0, 1.0)));
            } else {
                const bool one = !data.labels.empty() && data.labels[static_cast<std::size_t>(i)];
                color = one ? PlotStyle::positiveColor() : PlotStyle::negativeColor();
            }
            p.setBrush(color);
            const double x = (data.points(0, i) + kPlaneExtent) / (2 * kPlaneExtent) * size;
            const double y = (kPlaneExtent - data.points(1, i)) / (2 * kPlaneExtent) * size;
            p.drawEllipse(QPointF(x, y), radius, radius);
        }
    } catch (const std::exception&) {
        // An unknown generator draws as an empty square; the list still works.
    }
    p.setRenderHint(QPainter::Antialiasing, false);
    p.setPen(QPen(QColor(180, 180, 180)));
    p.setBrush(Qt::NoBrush);
    p.drawRect(0, 0, size - 1, size - 1);
    return QIcon(pixmap);
}

}  // namespace nnplay::ui
