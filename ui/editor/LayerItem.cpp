// SPDX-License-Identifier: GPL-3.0-or-later
#include "editor/LayerItem.h"

#include <QApplication>
#include <QFontMetricsF>
#include <QGraphicsScene>
#include <QGraphicsSceneMouseEvent>
#include <QPainter>
#include <utility>

#include "editor/EditorStyle.h"
#include "editor/LayerGlyph.h"
#include "editor/NetworkScene.h"

namespace nnplay::ui {

namespace {

constexpr double kRadius = 10;

}  // namespace

LayerItem::LayerItem(int layerId, int layerIndex, NetworkLayout::Kind kind, const QSizeF& size,
                     Content content)
    : m_layerId(layerId),
      m_layerIndex(layerIndex),
      m_kind(kind),
      m_size(size),
      m_content(std::move(content)) {
    setFlag(ItemIsSelectable);
    setAcceptHoverEvents(true);
    setToolTip(m_content.toolTip);
    setCursor(Qt::OpenHandCursor);
    // Chips sit on top of the links that pass behind them; cards lie below the links.
    setZValue(kind == NetworkLayout::Kind::Chip ? 2 : 0);
}

void LayerItem::setHeatmap(const QImage& image) {
    m_heatmap = image;
    update();
}

QRectF LayerItem::boundingRect() const {
    return QRectF(QPointF(0, 0), m_size).adjusted(-2, -2, 2, 2);
}

QRectF LayerItem::pillRect() const {
    const double height = m_content.detail.isEmpty() ? 62 : 78;
    return QRectF(4, NetworkLayout::centerY() - height / 2, m_size.width() - 8, height);
}

void LayerItem::paint(QPainter* painter, const QStyleOptionGraphicsItem*, QWidget*) {
    const QPalette palette = scene() ? scene()->palette() : QPalette();
    painter->setRenderHint(QPainter::Antialiasing);
    if (m_kind == NetworkLayout::Kind::Chip) {
        paintChip(painter, palette);
    } else {
        paintCard(painter, palette);
        if (m_kind == NetworkLayout::Kind::Block) paintBlock(painter, palette);
    }
    paintFooter(painter, palette);
}

void LayerItem::paintCard(QPainter* painter, const QPalette& palette) const {
    const QRectF card(QPointF(0, 0), m_size);
    QPen pen(EditorStyle::cardBorder(palette), 1);
    if (hasError())
        pen = QPen(EditorStyle::error(palette), 2.5);
    else if (isSelected())
        pen = QPen(EditorStyle::accent(palette), 2.5);
    else if (m_hovered)
        pen = QPen(EditorStyle::wire(palette), 1.5);
    painter->setPen(pen);
    painter->setBrush(EditorStyle::cardFill(palette, isSelected() || m_hovered));
    painter->drawRoundedRect(card.adjusted(0.5, 0.5, -0.5, -0.5), kRadius, kRadius);

    painter->setPen(EditorStyle::text(palette));
    painter->setFont(EditorStyle::titleFont());
    painter->drawText(QRectF(4, 6, m_size.width() - 8, 22), Qt::AlignCenter, m_content.title);
    // Between the − and + buttons (UnitButtonItem::kSize wide, 4 from the edges).
    painter->setFont(EditorStyle::smallFont());
    painter->setPen(EditorStyle::text(palette));
    painter->drawText(QRectF(26, 29, m_size.width() - 52, 20), Qt::AlignCenter, m_content.detail);
}

void LayerItem::paintBlock(QPainter* painter, const QPalette& palette) const {
    const QRectF area(18, NetworkLayout::kContentTop + 18, m_size.width() - 36,
                      NetworkLayout::kContentHeight - 56);
    if (!m_heatmap.isNull()) {
        painter->save();
        painter->setRenderHint(QPainter::SmoothPixmapTransform, false);
        painter->drawImage(area, m_heatmap);
        painter->restore();
        painter->setPen(QPen(EditorStyle::cardBorder(palette), 1));
        painter->setBrush(Qt::NoBrush);
        painter->drawRect(area);
        painter->setFont(EditorStyle::smallFont());
        painter->setPen(EditorStyle::dimText(palette));
        painter->drawText(QRectF(0, area.bottom() + 4, m_size.width(), 18), Qt::AlignCenter,
                          QApplication::translate("LayerItem", "weights"));
        return;
    }
    // No weights yet: a stack of neurons fading out, the layer being too big to draw them all.
    const QColor fill =
        EditorStyle::mix(EditorStyle::canvas(palette), EditorStyle::text(palette), 0.12);
    painter->setPen(QPen(EditorStyle::cardBorder(palette), 1));
    constexpr int kShown = 9;
    const double pitch = area.height() / kShown;
    for (int i = 0; i < kShown; ++i) {
        const double size = pitch * 0.6;
        const QRectF node(area.center().x() - size / 2, area.top() + i * pitch, size, size);
        painter->setBrush(fill);
        painter->setOpacity(i == kShown / 2 ? 0.0 : 1.0);
        painter->drawRoundedRect(node, 3, 3);
    }
    painter->setOpacity(1.0);
    painter->setPen(EditorStyle::dimText(palette));
    painter->setFont(EditorStyle::titleFont());
    painter->drawText(QRectF(0, area.top() + (kShown / 2) * pitch, m_size.width(), pitch * 0.7),
                      Qt::AlignCenter, QStringLiteral("⋮"));
}

void LayerItem::paintChip(QPainter* painter, const QPalette& palette) const {
    if (isSelected() || m_hovered || hasError()) {
        QColor border = hasError()     ? EditorStyle::error(palette)
                        : isSelected() ? EditorStyle::accent(palette)
                                       : EditorStyle::wire(palette);
        painter->setPen(QPen(border, isSelected() || hasError() ? 2.0 : 1.0, Qt::DashLine));
        painter->setBrush(Qt::NoBrush);
        painter->drawRoundedRect(QRectF(QPointF(0, 0), m_size).adjusted(1, 1, -1, -1), kRadius,
                                 kRadius);
    }
    const QRectF pill = pillRect();
    QPen pen(EditorStyle::cardBorder(palette), 1.2);
    if (hasError())
        pen = QPen(EditorStyle::error(palette), 2.5);
    else if (isSelected())
        pen = QPen(EditorStyle::accent(palette), 2.5);
    painter->setPen(pen);
    painter->setBrush(EditorStyle::mix(EditorStyle::canvas(palette), EditorStyle::text(palette),
                                       isSelected() || m_hovered ? 0.1 : 0.06));
    painter->drawRoundedRect(pill, 12, 12);

    const QColor text = EditorStyle::text(palette);
    LayerGlyph::paint(painter, QRectF(pill.center().x() - 14, pill.top() + 9, 28, 22),
                      m_content.type, text);
    painter->setPen(text);
    painter->setFont(EditorStyle::labelFont());
    painter->drawText(QRectF(pill.left() + 2, pill.top() + 34, pill.width() - 4, 20),
                      Qt::AlignCenter, m_content.title);
    if (!m_content.detail.isEmpty()) {
        painter->setPen(EditorStyle::dimText(palette));
        painter->setFont(EditorStyle::smallFont());
        painter->drawText(QRectF(pill.left() + 2, pill.top() + 52, pill.width() - 4, 18),
                          Qt::AlignCenter, m_content.detail);
    }
}

void LayerItem::paintFooter(QPainter* painter, const QPalette& palette) const {
    const QRectF footer(4, NetworkLayout::kFooterTop, m_size.width() - 8,
                        NetworkLayout::kFooterHeight);
    if (hasError()) {
        const QFont font = EditorStyle::smallFont();
        const QFontMetricsF metrics(font);
        painter->setPen(EditorStyle::error(palette));
        painter->setFont(font);
        const int maxLines = static_cast<int>(footer.height() / metrics.lineSpacing());
        double y = footer.top();
        for (const QString& line : EditorStyle::wrapLines(
                 QStringLiteral("⚠ ") + m_content.errorText, font, footer.width(), maxLines)) {
            painter->drawText(QRectF(footer.left(), y, footer.width(), metrics.lineSpacing()),
                              Qt::AlignCenter, line);
            y += metrics.lineSpacing();
        }
        return;
    }
    painter->setPen(EditorStyle::text(palette));
    painter->setFont(EditorStyle::labelFont());
    painter->drawText(QRectF(footer.left(), footer.top(), footer.width(), 20), Qt::AlignCenter,
                      m_content.shapeText);
    painter->setPen(EditorStyle::dimText(palette));
    painter->setFont(EditorStyle::smallFont());
    painter->drawText(QRectF(footer.left(), footer.top() + 20, footer.width(), 18), Qt::AlignCenter,
                      m_content.paramsText);
}

void LayerItem::hoverEnterEvent(QGraphicsSceneHoverEvent* event) {
    m_hovered = true;
    update();
    QGraphicsItem::hoverEnterEvent(event);
}

void LayerItem::hoverLeaveEvent(QGraphicsSceneHoverEvent* event) {
    m_hovered = false;
    update();
    QGraphicsItem::hoverLeaveEvent(event);
}

void LayerItem::mousePressEvent(QGraphicsSceneMouseEvent* event) {
    QGraphicsItem::mousePressEvent(event);  // selects
    if (event->button() == Qt::LeftButton) {
        m_dragging = false;
        event->accept();
    }
}

void LayerItem::mouseMoveEvent(QGraphicsSceneMouseEvent* event) {
    if (!(event->buttons() & Qt::LeftButton)) return;
    auto* networkScene = qobject_cast<NetworkScene*>(scene());
    if (!networkScene) return;
    const QPointF pressed = event->buttonDownScenePos(Qt::LeftButton);
    if (!m_dragging) {
        if ((event->scenePos() - pressed).manhattanLength() < QApplication::startDragDistance())
            return;
        m_dragging = true;
        setCursor(Qt::ClosedHandCursor);
        networkScene->beginLayerDrag(m_layerId);
    }
    networkScene->updateLayerDrag(m_layerId, event->scenePos(), pressed);
}

void LayerItem::mouseReleaseEvent(QGraphicsSceneMouseEvent* event) {
    if (m_dragging && event->button() == Qt::LeftButton) {
        m_dragging = false;
        setCursor(Qt::OpenHandCursor);
        if (auto* networkScene = qobject_cast<NetworkScene*>(scene())) {
            // May rebuild the scene; the scene retires this item later, so return at once.
            networkScene->finishLayerDrag(m_layerId, event->scenePos());
        }
        return;
    }
    QGraphicsItem::mouseReleaseEvent(event);
}

}  // namespace nnplay::ui
