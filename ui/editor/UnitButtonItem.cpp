// SPDX-License-Identifier: GPL-3.0-or-later
#include "editor/UnitButtonItem.h"

#include <QApplication>
#include <QGraphicsScene>
#include <QPainter>

#include "editor/EditorStyle.h"
#include "editor/NetworkScene.h"

namespace nnplay::ui {

UnitButtonItem::UnitButtonItem(int layerId, int delta, bool enabled, QGraphicsItem* parent)
    : CanvasButtonItem(kSize, parent), m_layerId(layerId), m_delta(delta) {
    setEnabled(enabled);
    setToolTip(delta > 0 ? QApplication::translate("UnitButtonItem", "Add a neuron")
                         : QApplication::translate("UnitButtonItem", "Remove a neuron"));
}

void UnitButtonItem::paint(QPainter* painter, const QStyleOptionGraphicsItem*, QWidget*) {
    const QPalette palette = scene() ? scene()->palette() : QPalette();
    painter->setRenderHint(QPainter::Antialiasing);
    const QRectF rect = boundingRect().adjusted(1, 1, -1, -1);
    const QColor canvas = EditorStyle::canvas(palette);
    const QColor text = EditorStyle::text(palette);
    QColor fill = EditorStyle::mix(canvas, text, pressed() ? 0.25 : hovered() ? 0.16 : 0.08);
    QColor stroke = isEnabled() ? text : EditorStyle::mix(canvas, text, 0.3);
    if (hovered() && isEnabled()) {
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

void UnitButtonItem::clicked() {
    if (auto* networkScene = qobject_cast<NetworkScene*>(scene()))
        networkScene->changeUnits(m_layerId, m_delta);
}

}  // namespace nnplay::ui
