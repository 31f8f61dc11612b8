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

void NeuronItem::setState(nnplay::SessionViews::UnitState state) {
    if (state == m_state) return;
    m_state = state;
    updateToolTip();
    update();
}

void NeuronItem::setDescription(const QString& description) {
    m_description = description;
    updateToolTip();
}

void NeuronItem::updateToolTip() {
    using State = nnplay::SessionViews::UnitState;
    const QString state =
        m_state == State::Dead
            ? QObject::tr(
                  "Dead: it gives 0 for every training sample, so no gradient reaches "
                  "its weights and it has stopped learning.")
        : m_state == State::Saturated
            ? QObject::tr(
                  "Saturated: for almost every training sample it sits near the end "
                  "of its range, where its slope is nearly flat, so it learns very "
                  "slowly.")
            : QString();
    setToolTip(state.isEmpty()           ? m_description
               : m_description.isEmpty() ? state
                                         : m_description + QStringLiteral("\n") + state);
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
    using State = nnplay::SessionViews::UnitState;
    if (m_state == State::Dead) {
        // Faded into the canvas and crossed out: this one no longer takes part.
        QColor veil = EditorStyle::canvas(palette);
        veil.setAlpha(150);
        painter->setPen(Qt::NoPen);
        painter->setBrush(veil);
        painter->drawRoundedRect(rect, radius, radius);
        const double inset = m_size * 0.22;
        painter->setPen(QPen(EditorStyle::error(palette), std::max(2.0, m_size / 12), Qt::SolidLine,
                             Qt::RoundCap));
        painter->drawLine(rect.topLeft() + QPointF(inset, inset),
                          rect.bottomRight() - QPointF(inset, inset));
        painter->drawLine(rect.topRight() + QPointF(-inset, inset),
                          rect.bottomLeft() + QPointF(inset, -inset));
    }
    QPen pen = m_hovered ? QPen(EditorStyle::accent(palette), 2.5)
                         : QPen(EditorStyle::cardBorder(palette), 1);
    if (!m_hovered && m_state == State::Dead) pen = QPen(EditorStyle::error(palette), 2);
    if (!m_hovered && m_state == State::Saturated) pen = QPen(EditorStyle::warning(palette), 2.5);
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
