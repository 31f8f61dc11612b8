// SPDX-License-Identifier: GPL-3.0-or-later
#include "editor/ValueTagItem.h"

#include <QFontMetricsF>
#include <QGraphicsScene>
#include <QPainter>

#include "editor/EditorStyle.h"

namespace nnplay::ui {

ValueTagItem::ValueTagItem() {
    setAcceptedMouseButtons(Qt::NoButton);
    setZValue(25);
    setVisible(false);
}

void ValueTagItem::showValue(const QString& text, const QPointF& anchor) {
    prepareGeometryChange();
    m_text = text;
    const QFontMetricsF metrics(EditorStyle::labelFont());
    const QSizeF size(metrics.horizontalAdvance(text) + 12, metrics.height() + 6);
    m_box = QRectF(QPointF(-size.width() / 2, -size.height() / 2), size);
    setPos(anchor);
    setVisible(true);
    update();
}

QRectF ValueTagItem::boundingRect() const { return m_box.adjusted(-1, -1, 1, 1); }

void ValueTagItem::paint(QPainter* painter, const QStyleOptionGraphicsItem*, QWidget*) {
    const QPalette palette = scene() ? scene()->palette() : QPalette();
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setPen(QPen(EditorStyle::accent(palette), 1.5));
    painter->setBrush(EditorStyle::canvas(palette));
    painter->drawRoundedRect(m_box, 4, 4);
    painter->setFont(EditorStyle::labelFont());
    painter->setPen(EditorStyle::text(palette));
    painter->drawText(m_box, Qt::AlignCenter, m_text);
}

}  // namespace nnplay::ui
