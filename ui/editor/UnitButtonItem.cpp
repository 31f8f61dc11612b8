// SPDX-License-Identifier: GPL-3.0-or-later
#include "editor/UnitButtonItem.h"

#include <QApplication>
#include <QGraphicsScene>
#include <QGraphicsSceneMouseEvent>
#include <QPainter>

#include "editor/EditorStyle.h"
#include "editor/NetworkScene.h"

namespace nnplay::ui {

UnitButtonItem::UnitButtonItem(int layerId, int delta, bool enabled, QGraphicsItem* parent)
    : QGraphicsItem(parent), m_layerId(layerId), m_delta(delta) {
    setEnabled(enabled);
    setAcceptHoverEvents(true);
    setCursor(Qt::PointingHandCursor);
    setToolTip(delta > 0 ? QApplication::translate("UnitButtonItem", "Add a neuron")
                         : QApplication::translate("UnitButtonItem", "Remove a neuron"));
}

QRectF UnitButtonItem::boundingRect() const { return QRectF(0, 0, kSize, kSize); }

void UnitButtonItem::paint(QPainter* painter, const QStyleOptionGraphicsItem*, QWidget*) {
    const QPalette palette = scene() ? scene()->palette() : QPalette();
    painter->setRenderHint(QPainter::Antialiasing);
    const QRectF rect = boundingRect().adjusted(1, 1, -1, -1);
    const QColor canvas = EditorStyle::canvas(palette);
    const QColor text = EditorStyle::text(palette);
    QColor fill = EditorStyle::mix(canvas, text, m_pressed ? 0.25 : m_hovered ? 0.16 : 0.08);
    QColor stroke = isEnabled() ? text : EditorStyle::mix(canvas, text, 0.3);
    if (m_hovered && isEnabled()) {
        fill = EditorStyle::accent(palette);
        stroke = palette.color(QPalette::HighlightedText);
    }
    painter->setPen(Qt::NoPen);
    painter->setBrush(fill);
    painter->drawEllipse(rect);
    painter->setPen(QPen(stroke, 2, Qt::SolidLine, Qt::RoundCap));
    const QPointF c = rect.center();
    const double arm = kSize * 0.24;
    painter->drawLine(QPointF(c.x() - arm, c.y()), QPointF(c.x() + arm, c.y()));
    if (m_delta > 0) painter->drawLine(QPointF(c.x(), c.y() - arm), QPointF(c.x(), c.y() + arm));
}

void UnitButtonItem::hoverEnterEvent(QGraphicsSceneHoverEvent* event) {
    m_hovered = true;
    update();
    QGraphicsItem::hoverEnterEvent(event);
}

void UnitButtonItem::hoverLeaveEvent(QGraphicsSceneHoverEvent* event) {
    m_hovered = false;
    update();
    QGraphicsItem::hoverLeaveEvent(event);
}

void UnitButtonItem::mousePressEvent(QGraphicsSceneMouseEvent* event) {
    if (event->button() != Qt::LeftButton) {
        event->ignore();
        return;
    }
    m_pressed = true;
    update();
    event->accept();
}

void UnitButtonItem::mouseReleaseEvent(QGraphicsSceneMouseEvent* event) {
    if (!m_pressed) return;
    m_pressed = false;
    update();
    if (!boundingRect().contains(event->pos())) return;
    if (auto* networkScene = qobject_cast<NetworkScene*>(scene())) {
        // May rebuild the scene; the scene retires this item later, so return at once.
        networkScene->changeUnits(m_layerId, m_delta);
    }
}

}  // namespace nnplay::ui
