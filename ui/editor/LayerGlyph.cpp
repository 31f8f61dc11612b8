// SPDX-License-Identifier: GPL-3.0-or-later
#include "editor/LayerGlyph.h"

#include <QPainter>
#include <QPainterPath>
#include <QPixmap>
#include <algorithm>
#include <cmath>
#include <functional>

#include "layers/LayerRegistry.h"

namespace nnplay::ui {

namespace {

void paintCurve(QPainter* p, const QRectF& r, const std::function<double(double)>& f,
                const QColor& color) {
    QColor axis = color;
    axis.setAlphaF(0.35);
    p->setPen(QPen(axis, std::max(1.0, r.width() / 24)));
    p->drawLine(QPointF(r.left(), r.center().y()), QPointF(r.right(), r.center().y()));
    p->drawLine(QPointF(r.center().x(), r.top()), QPointF(r.center().x(), r.bottom()));
    QPainterPath path;
    constexpr int kSteps = 32;
    for (int i = 0; i <= kSteps; ++i) {
        const double x = -3.0 + 6.0 * i / kSteps;
        const double y = std::clamp(f(x), -1.0, 1.0);
        const QPointF point(r.left() + r.width() * i / kSteps, r.center().y() - y * r.height() / 2);
        if (i == 0)
            path.moveTo(point);
        else
            path.lineTo(point);
    }
    p->setPen(
        QPen(color, std::max(1.5, r.width() / 10), Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
    p->setBrush(Qt::NoBrush);
    p->drawPath(path);
}

void paintDense(QPainter* p, const QRectF& r, const QColor& color) {
    const double left = r.left() + r.width() * 0.2;
    const double right = r.right() - r.width() * 0.2;
    const QPointF in[3] = {{left, r.top() + r.height() * 0.18},
                           {left, r.center().y()},
                           {left, r.bottom() - r.height() * 0.18}};
    const QPointF out[2] = {{right, r.top() + r.height() * 0.32},
                            {right, r.bottom() - r.height() * 0.32}};
    QColor link = color;
    link.setAlphaF(0.55);
    p->setPen(QPen(link, std::max(1.0, r.width() / 20)));
    for (const QPointF& a : in)
        for (const QPointF& b : out) p->drawLine(a, b);
    p->setPen(Qt::NoPen);
    p->setBrush(color);
    const double radius = r.width() * 0.11;
    for (const QPointF& a : in) p->drawEllipse(a, radius, radius);
    for (const QPointF& b : out) p->drawEllipse(b, radius, radius);
}

void paintDropout(QPainter* p, const QRectF& r, const QColor& color) {
    const double radius = r.width() * 0.1;
    for (int row = 0; row < 3; ++row) {
        for (int col = 0; col < 3; ++col) {
            const QPointF c(r.left() + r.width() * (0.2 + 0.3 * col),
                            r.top() + r.height() * (0.2 + 0.3 * row));
            const bool off = (row * 3 + col) % 3 == 1;
            p->setPen(off ? QPen(color, std::max(1.0, r.width() / 22)) : Qt::NoPen);
            p->setBrush(off ? QBrush(Qt::NoBrush) : QBrush(color));
            p->drawEllipse(c, radius, radius);
        }
    }
}

void paintSoftmax(QPainter* p, const QRectF& r, const QColor& color) {
    const double heights[3] = {0.3, 0.8, 0.5};
    const double width = r.width() * 0.22;
    p->setPen(Qt::NoPen);
    p->setBrush(color);
    for (int i = 0; i < 3; ++i) {
        const double h = r.height() * heights[i];
        p->drawRoundedRect(
            QRectF(r.left() + r.width() * (0.08 + 0.31 * i), r.bottom() - h, width, h), 1.5, 1.5);
    }
}

void paintKernel(QPainter* p, const QRectF& r, const QColor& color) {
    // A 4x4 grid of pixels with a 2x2 filter over its top-left corner.
    QColor faint = color;
    faint.setAlphaF(0.45);
    const double cell = r.width() / 4;
    p->setPen(QPen(faint, std::max(1.0, r.width() / 24)));
    p->setBrush(Qt::NoBrush);
    for (int i = 0; i <= 4; ++i) {
        p->drawLine(QPointF(r.left() + i * cell, r.top()),
                    QPointF(r.left() + i * cell, r.bottom()));
        p->drawLine(QPointF(r.left(), r.top() + i * cell), QPointF(r.right(), r.top() + i * cell));
    }
    p->setPen(QPen(color, std::max(1.5, r.width() / 9)));
    p->drawRect(QRectF(r.left() + cell * 0.5, r.top() + cell * 0.5, 2 * cell, 2 * cell));
}

void paintPool(QPainter* p, const QRectF& r, const QColor& color) {
    // Four cells on the left, one on the right, an arrow between.
    const double cell = r.width() * 0.2;
    p->setPen(Qt::NoPen);
    p->setBrush(color);
    for (int i = 0; i < 4; ++i)
        p->drawRect(QRectF(r.left() + (i % 2) * (cell + 1),
                           r.center().y() - cell + (i / 2) * (cell + 1), cell, cell));
    p->drawRect(
        QRectF(r.right() - cell * 1.5, r.center().y() - cell * 0.75, cell * 1.5, cell * 1.5));
    p->setPen(QPen(color, std::max(1.0, r.width() / 16)));
    p->drawLine(QPointF(r.left() + 2.4 * cell, r.center().y()),
                QPointF(r.right() - 1.9 * cell, r.center().y()));
}

void paintFlatten(QPainter* p, const QRectF& r, const QColor& color) {
    // A 2x2 square above, the same four cells in a row below.
    const double cell = r.width() * 0.22;
    p->setPen(Qt::NoPen);
    p->setBrush(color);
    for (int i = 0; i < 4; ++i) {
        p->drawRect(QRectF(r.center().x() - cell + (i % 2) * cell, r.top() + (i / 2) * cell,
                           cell - 1, cell - 1));
        p->drawRect(QRectF(r.left() + i * (r.width() / 4), r.bottom() - cell, cell - 1, cell - 1));
    }
}

void paintNormalize(QPainter* p, const QRectF& r, const QColor& color) {
    paintCurve(
        p, r, [](double x) { return 1.6 * std::exp(-x * x / 1.5) - 0.9; }, color);
}

void paintLoop(QPainter* p, const QRectF& r, const QColor& color) {
    // An arrow going round: the state a recurrent layer feeds back into itself.
    const QRectF ring =
        r.adjusted(r.width() * 0.12, r.height() * 0.12, -r.width() * 0.12, -r.height() * 0.12);
    p->setPen(QPen(color, std::max(1.5, r.width() / 9), Qt::SolidLine, Qt::RoundCap));
    p->setBrush(Qt::NoBrush);
    p->drawArc(ring, 60 * 16, 290 * 16);  // from 60 degrees, counter-clockwise
    // The head where the arc ends (at 350 degrees), pointing along it.
    const double a = 350.0 * M_PI / 180.0;
    const QPointF tip(ring.center().x() + ring.width() / 2 * std::cos(a),
                      ring.center().y() - ring.height() / 2 * std::sin(a));
    const double h = r.width() * 0.22;
    p->setPen(Qt::NoPen);
    p->setBrush(color);
    p->drawPolygon(QPolygonF({tip + QPointF(-h * 0.6, -h * 0.1), tip + QPointF(h * 0.6, -h * 0.1),
                              tip + QPointF(0, h * 0.7)}));
}

}  // namespace

void LayerGlyph::paint(QPainter* painter, const QRectF& rect, const std::string& type,
                       const QColor& color) {
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    using Glyph = nnplay::LayerInfo::Glyph;
    const nnplay::LayerInfo* info = nnplay::LayerRegistry::builtin().find(type);
    const Glyph glyph = info ? info->glyph : Glyph::Box;
    if (glyph == Glyph::Curve && info->glyphCurve) {
        paintCurve(painter, rect, info->glyphCurve, color);
    } else if (glyph == Glyph::Connections) {
        paintDense(painter, rect, color);
    } else if (glyph == Glyph::Dots) {
        paintDropout(painter, rect, color);
    } else if (glyph == Glyph::Bars) {
        paintSoftmax(painter, rect, color);
    } else if (glyph == Glyph::Kernel) {
        paintKernel(painter, rect, color);
    } else if (glyph == Glyph::Pool) {
        paintPool(painter, rect, color);
    } else if (glyph == Glyph::Flatten) {
        paintFlatten(painter, rect, color);
    } else if (glyph == Glyph::Normalize) {
        paintNormalize(painter, rect, color);
    } else if (glyph == Glyph::Loop) {
        paintLoop(painter, rect, color);
    } else {
        painter->setPen(QPen(color, std::max(1.0, rect.width() / 12)));
        painter->setBrush(Qt::NoBrush);
        painter->drawRoundedRect(rect.adjusted(2, 2, -2, -2), 3, 3);
    }
    painter->restore();
}

QIcon LayerGlyph::icon(const std::string& type, const QColor& color) {
    QIcon icon;
    for (const int scale : {1, 2}) {
        const int side = 20 * scale;
        QPixmap pixmap(side, side);
        pixmap.fill(Qt::transparent);
        QPainter painter(&pixmap);
        paint(&painter, QRectF(2 * scale, 2 * scale, side - 4 * scale, side - 4 * scale), type,
              color);
        painter.end();
        pixmap.setDevicePixelRatio(scale);
        icon.addPixmap(pixmap);
    }
    return icon;
}

}  // namespace nnplay::ui
