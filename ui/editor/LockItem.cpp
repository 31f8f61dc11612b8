// SPDX-License-Identifier: GPL-3.0-or-later
#include "editor/LockItem.h"

#include <QApplication>
#include <QGraphicsScene>
#include <QPainter>
#include <QPainterPath>

#include "editor/EditorStyle.h"
#include "editor/NetworkScene.h"

namespace nnplay::ui {

LockItem::LockItem(int layerId, bool frozen, QGraphicsItem* parent)
    : CanvasButtonItem(kSize, parent), m_layerId(layerId), m_frozen(frozen) {
    setZValue(3);
    setToolTip(frozen
                   ? QApplication::translate("LockItem",
                                             "Frozen: training leaves these weights as they are. "
                                             "Click to train this layer again.")
                   : QApplication::translate("LockItem",
                                             "Click to freeze this layer: training then leaves its "
                                             "weights as they are."));
}

void LockItem::paint(QPainter* painter, const QStyleOptionGraphicsItem*, QWidget*) {
    const QPalette palette = scene() ? scene()->palette() : QPalette();
    painter->setRenderHint(QPainter::Antialiasing);
    const QRectF rect = boundingRect().adjusted(1, 1, -1, -1);
    const QColor canvas = EditorStyle::canvas(palette);
    const QColor text = EditorStyle::text(palette);
    // Frozen: a filled badge that reads from the back of a room; open: a quiet outline.
    QColor fill = m_frozen ? EditorStyle::frozen(palette)
                           : EditorStyle::mix(canvas, text, pressed() ? 0.25 : 0.08);
    QColor stroke =
        m_frozen ? palette.color(QPalette::HighlightedText) : EditorStyle::mix(canvas, text, 0.6);
    if (hovered()) {
        fill = EditorStyle::accent(palette);
        stroke = palette.color(QPalette::HighlightedText);
    }
    painter->setPen(m_frozen ? Qt::NoPen : QPen(EditorStyle::cardBorder(palette), 1));
    painter->setBrush(fill);
    painter->drawEllipse(rect);

    // The padlock: a body and a shackle, the shackle lifted and swung open when not frozen.
    const QPointF c = rect.center();
    const double w = kSize * 0.42;
    const double h = kSize * 0.30;
    const QRectF body(c.x() - w / 2, c.y() - h * 0.15, w, h);
    const double r = w * 0.32;
    const double leg = r * 0.6;
    const double lift = m_frozen ? 0 : kSize * 0.12;
    const double top = body.top() - leg - lift;  // where the legs meet the arc
    QPainterPath shackle;
    shackle.moveTo(c.x() - r, body.top());
    shackle.lineTo(c.x() - r, top);
    shackle.arcTo(QRectF(c.x() - r, top - r, 2 * r, 2 * r), 180, -180);
    shackle.lineTo(c.x() + r, body.top() - lift);
    painter->setPen(QPen(stroke, 2.2, Qt::SolidLine, Qt::RoundCap));
    painter->setBrush(Qt::NoBrush);
    painter->drawPath(shackle);
    painter->setPen(Qt::NoPen);
    painter->setBrush(stroke);
    painter->drawRoundedRect(body, 2, 2);
}

void LockItem::clicked() {
    if (auto* networkScene = qobject_cast<NetworkScene*>(scene()))
        networkScene->setLayerFrozen(m_layerId, !m_frozen);
}

}  // namespace nnplay::ui
