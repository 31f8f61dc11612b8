// SPDX-License-Identifier: GPL-3.0-or-later
#include "editor/CanvasButtonItem.h"

#include <QCursor>
#include <QGraphicsSceneMouseEvent>

namespace nnplay::ui {

CanvasButtonItem::CanvasButtonItem(double size, QGraphicsItem* parent)
    : QGraphicsItem(parent), m_size(size) {
    setAcceptHoverEvents(true);
    setCursor(Qt::PointingHandCursor);
}

QRectF CanvasButtonItem::boundingRect() const { return QRectF(0, 0, m_size, m_size); }

void CanvasButtonItem::hoverEnterEvent(QGraphicsSceneHoverEvent* event) {
    m_hovered = true;
    update();
    QGraphicsItem::hoverEnterEvent(event);
}

void CanvasButtonItem::hoverLeaveEvent(QGraphicsSceneHoverEvent* event) {
    m_hovered = false;
    update();
    QGraphicsItem::hoverLeaveEvent(event);
}

void CanvasButtonItem::mousePressEvent(QGraphicsSceneMouseEvent* event) {
    if (event->button() != Qt::LeftButton) {
        event->ignore();
        return;
    }
    m_pressed = true;
    update();
    event->accept();
}

void CanvasButtonItem::mouseReleaseEvent(QGraphicsSceneMouseEvent* event) {
    if (!m_pressed) return;
    m_pressed = false;
    update();
    if (boundingRect().contains(event->pos())) clicked();
}

}  // namespace nnplay::ui
