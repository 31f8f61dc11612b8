// SPDX-License-Identifier: GPL-3.0-or-later
#include "editor/FeatureItem.h"

#include <QApplication>
#include <QGraphicsScene>
#include <QGraphicsSceneMouseEvent>
#include <QPainter>
#include <QPainterPath>
#include <cmath>

#include "data/PlaneGenerators.h"
#include "editor/DivergingColorMap.h"
#include "editor/EditorStyle.h"
#include "editor/NetworkLayout.h"
#include "editor/NetworkScene.h"

namespace nnplay::ui {

FeatureItem::FeatureItem(const QString& name, bool active, const QRectF& thumbRect)
    : m_name(name),
      m_active(active),
      m_thumb(thumbRect),
      m_image(featureImage(name, static_cast<int>(thumbRect.width()))) {
    setAcceptHoverEvents(true);
    setCursor(Qt::PointingHandCursor);
    setToolTip(QApplication::translate("FeatureItem", "Input %1 (%2): click to turn it %3")
                   .arg(label(name), name,
                        active ? QApplication::translate("FeatureItem", "off")
                               : QApplication::translate("FeatureItem", "on")));
}

QString FeatureItem::label(const QString& name) {
    QString text = name;
    text.replace(QStringLiteral("x1"), QStringLiteral("X₁"));
    text.replace(QStringLiteral("x2"), QStringLiteral("X₂"));
    text.replace(QStringLiteral("^2"), QStringLiteral("²"));
    text.replace(QStringLiteral("*"), QString());
    return text;
}

QImage FeatureItem::featureImage(const QString& name, int size) {
    constexpr double kExtent = nnplay::kPlaneExtent;
    std::vector<float> grid(static_cast<std::size_t>(size) * size);
    for (int row = 0; row < size; ++row) {
        const double x2 = kExtent * (2.0 * (row + 0.5) / size - 1.0);
        for (int col = 0; col < size; ++col) {
            const double x1 = kExtent * (2.0 * (col + 0.5) / size - 1.0);
            double v = 0;
            if (name == QLatin1String("x1"))
                v = x1 / kExtent;
            else if (name == QLatin1String("x2"))
                v = x2 / kExtent;
            else if (name == QLatin1String("x1^2"))
                v = x1 * x1 / (kExtent * kExtent);
            else if (name == QLatin1String("x2^2"))
                v = x2 * x2 / (kExtent * kExtent);
            else if (name == QLatin1String("x1*x2"))
                v = x1 * x2 / (kExtent * kExtent);
            else if (name == QLatin1String("sin(x1)"))
                v = std::sin(x1);
            else if (name == QLatin1String("sin(x2)"))
                v = std::sin(x2);
            grid[static_cast<std::size_t>(row) * size + col] = static_cast<float>(v);
        }
    }
    return DivergingColorMap::gridImage(grid, size);
}

QRectF FeatureItem::boundingRect() const {
    return QRectF(0, m_thumb.top() - 3, m_thumb.right() + 3, m_thumb.height() + 6);
}

void FeatureItem::paint(QPainter* painter, const QStyleOptionGraphicsItem*, QWidget*) {
    const QPalette palette = scene() ? scene()->palette() : QPalette();
    painter->setRenderHint(QPainter::Antialiasing);
    const QString text = label(m_name);
    const double labelWidth = m_thumb.left() - 6;
    painter->setFont(EditorStyle::fittedFont(EditorStyle::labelFont(), text, labelWidth));
    painter->setPen(m_active ? EditorStyle::text(palette) : EditorStyle::dimText(palette));
    painter->drawText(QRectF(0, m_thumb.top(), labelWidth, m_thumb.height()),
                      Qt::AlignRight | Qt::AlignVCenter, text);

    QPainterPath clip;
    clip.addRoundedRect(m_thumb, 4, 4);
    painter->save();
    painter->setClipPath(clip);
    painter->setOpacity(m_active ? 1.0 : 0.28);
    painter->drawImage(m_thumb, m_image);
    painter->restore();

    QPen pen(EditorStyle::cardBorder(palette), 1, m_active ? Qt::SolidLine : Qt::DashLine);
    if (m_hovered)
        pen = QPen(EditorStyle::accent(palette), 2.5);
    else if (m_active)
        pen = QPen(EditorStyle::wire(palette), 1.5);
    painter->setPen(pen);
    painter->setBrush(Qt::NoBrush);
    painter->drawRoundedRect(m_thumb, 4, 4);
}

void FeatureItem::hoverEnterEvent(QGraphicsSceneHoverEvent* event) {
    m_hovered = true;
    update();
    QGraphicsItem::hoverEnterEvent(event);
}

void FeatureItem::hoverLeaveEvent(QGraphicsSceneHoverEvent* event) {
    m_hovered = false;
    update();
    QGraphicsItem::hoverLeaveEvent(event);
}

void FeatureItem::mousePressEvent(QGraphicsSceneMouseEvent* event) {
    if (event->button() == Qt::LeftButton)
        event->accept();
    else
        event->ignore();
}

void FeatureItem::mouseReleaseEvent(QGraphicsSceneMouseEvent* event) {
    if (event->button() != Qt::LeftButton || !boundingRect().contains(event->pos())) return;
    if (auto* networkScene = qobject_cast<NetworkScene*>(scene())) {
        // May rebuild the scene; the scene retires this item later, so return at once.
        networkScene->toggleFeature(m_name);
    }
}

}  // namespace nnplay::ui
