// SPDX-License-Identifier: GPL-3.0-or-later
#include "editor/NeuronItem.h"

#include <QGraphicsScene>
#include <QPainter>
#include <QPainterPath>
#include <algorithm>

#include "editor/EditorStyle.h"
#include "editor/NetworkScene.h"

namespace nnplay::ui {

NeuronItem::NeuronItem(int layerIndex, int unit, double size, QGraphicsItem* parent)
    : QGraphicsItem(parent), m_layerIndex(layerIndex), m_unit(unit), m_size(size) {
    setAcceptHoverEvents(true);
    setAcceptedMouseButtons(Qt::NoButton);  // presses go to the layer (select, drag)
}

void NeuronItem::setImage(const QImage& image) {
    m_image = image;
    update();
}

QRectF NeuronItem::boundingRect() const { return QRectF(-2, -2, m_size + 4, m_size + 4); }

void NeuronItem::paint(QPainter* painter, const QStyleOptionGraphicsItem*, QWidget*) {
    const QPalette palette = scene() ? scene()->palette() : QPalette();
    const QRectF rect(0, 0, m_size, m_size);
    const double radius = std::min(4.0, m_size / 6);
    painter->setRenderHint(QPainter::Antialiasing);
    if (m_image.isNull()) {
        painter->setPen(Qt::NoPen);
        painter->setBrush(
            EditorStyle::mix(EditorStyle::canvas(palette), EditorStyle::text(palette), 0.1));
        painter->drawRoundedRect(rect, radius, radius);
    } else {
        painter->save();
        painter->setRenderHint(QPainter::SmoothPixmapTransform);
        QPainterPath clip;
        clip.addRoundedRect(rect, radius, radius);
        painter->setClipPath(clip);
        painter->drawImage(rect, m_image);
        painter->restore();
    }
    const QPen pen = m_hovered ? QPen(EditorStyle::accent(palette), 2.5)
                               : QPen(EditorStyle::cardBorder(palette), 1);
    painter->setPen(pen);
    painter->setBrush(Qt::NoBrush);
    painter->drawRoundedRect(rect, radius, radius);
}

void NeuronItem::hoverEnterEvent(QGraphicsSceneHoverEvent* event) {
    m_hovered = true;
    update();
    if (auto* networkScene = qobject_cast<NetworkScene*>(scene()))
        networkScene->hoverNeuron(m_layerIndex, m_unit);
    QGraphicsItem::hoverEnterEvent(event);
}

void NeuronItem::hoverLeaveEvent(QGraphicsSceneHoverEvent* event) {
    m_hovered = false;
    update();
    if (auto* networkScene = qobject_cast<NetworkScene*>(scene()))
        networkScene->hoverNeuron(-1, -1);
    QGraphicsItem::hoverLeaveEvent(event);
}

}  // namespace nnplay::ui
