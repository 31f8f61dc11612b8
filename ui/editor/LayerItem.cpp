// SPDX-License-Identifier: GPL-3.0-or-later
#include "editor/LayerItem.h"

#include <QApplication>
#include <QFontMetricsF>
#include <QGraphicsScene>
#include <QGraphicsSceneMouseEvent>
#include <QPainter>
#include <cmath>
#include <utility>

#include "editor/EditorStyle.h"
#include "editor/LayerGlyph.h"
#include "editor/NetworkScene.h"
#include "editor/NeuronItem.h"

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

void LayerItem::setNote(const QString& note) {
    if (note == m_note) return;
    m_note = note;
    update();
}

void LayerItem::setHeatmap(const QImage& image) {
    m_heatmap = image;
    update();
}

QRectF LayerItem::boundingRect() const {
    return QRectF(QPointF(0, 0), m_size).adjusted(-2, -2, 2, 2);
}

QStringList LayerItem::chipTitleLines() const {
    // Break at spaces only ("Leaky ReLU"); a single long word is fitted when drawn.
    return EditorStyle::wrapLines(m_content.title, chipFont(), m_size.width() - 8, 2);
}

QFont LayerItem::chipFont() {
    QFont font = EditorStyle::smallFont();
    font.setBold(true);
    return font;
}

QRectF LayerItem::pillRect() const {
    const double lineHeight = QFontMetricsF(chipFont()).lineSpacing();
    const double detailHeight = m_content.detail.isEmpty() ? 0 : 2 * lineHeight;
    const double height = 40 + chipTitleLines().size() * lineHeight + detailHeight + 8;
    return QRectF(2, NetworkLayout::centerY() - height / 2, m_size.width() - 4, height);
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
    if (m_content.frozen) {
        // Hatched in the frozen slate with a thick border: "not trained" from the back row.
        const QColor frozen = EditorStyle::frozen(palette);
        QColor hatch = frozen;
        hatch.setAlphaF(0.35);
        painter->setBrush(QBrush(hatch, Qt::BDiagPattern));
        painter->setPen(hasError() || isSelected() ? pen : QPen(frozen, 3));
        painter->drawRoundedRect(card.adjusted(1.5, 1.5, -1.5, -1.5), kRadius, kRadius);
        // A band between the header and the content that says so in words.
        const QRectF band(6, NetworkLayout::kHeaderHeight - 2, m_size.width() - 12, 18);
        painter->setPen(Qt::NoPen);
        painter->setBrush(frozen);
        painter->drawRoundedRect(band, 4, 4);
        QFont font = EditorStyle::smallFont();
        font.setBold(true);
        painter->setPen(palette.color(QPalette::HighlightedText));
        EditorStyle::drawFitted(painter, band, QApplication::translate("LayerItem", "FROZEN"),
                                font);
    }

    const double w = m_size.width();
    painter->setPen(EditorStyle::text(palette));
    EditorStyle::drawFitted(painter, QRectF(2, NetworkLayout::kTitleTop, w - 4, 24),
                            m_content.title, EditorStyle::titleFont());
    // The ± buttons (UnitButtonItem) sit in the row below the detail.
    EditorStyle::drawFitted(painter, QRectF(2, NetworkLayout::kDetailTop, w - 4, 22),
                            m_content.detail, EditorStyle::smallFont());
}

void LayerItem::paintBlock(QPainter* painter, const QPalette& palette) const {
    const QRectF area(16, NetworkLayout::kContentTop + 12, m_size.width() - 32,
                      NetworkLayout::kContentHeight - 48);
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
        painter->drawText(QRectF(0, area.bottom() + 4, m_size.width(), 22), Qt::AlignCenter,
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
    LayerGlyph::paint(painter, QRectF(pill.center().x() - 16, pill.top() + 8, 32, 26),
                      m_content.type, text);
    const QFont font = chipFont();
    const QFontMetricsF metrics(font);
    const double width = pill.width() - 4;
    double y = pill.top() + 40;
    painter->setPen(text);
    for (const QString& line : chipTitleLines()) {
        EditorStyle::drawFitted(painter, QRectF(pill.left() + 2, y, width, metrics.lineSpacing()),
                                line, font);
        y += metrics.lineSpacing();
    }
    if (!m_content.detail.isEmpty()) {
        const QFont small = EditorStyle::smallFont();
        painter->setPen(EditorStyle::dimText(palette));
        painter->setFont(small);
        const double lineHeight = QFontMetricsF(small).lineSpacing();
        for (const QString& line : EditorStyle::wrapLines(m_content.detail, small, width, 2)) {
            painter->drawText(QRectF(pill.left() + 2, y, width, lineHeight), Qt::AlignCenter, line);
            y += lineHeight;
        }
    }
}

void LayerItem::paintFooter(QPainter* painter, const QPalette& palette) const {
    const QRectF footer(2, NetworkLayout::kFooterTop, m_size.width() - 4,
                        NetworkLayout::kFooterHeight);
    if (hasError() || !m_note.isEmpty()) {
        // An error, else a chip's warning, in the place of the shape and the parameters.
        const QFont font = EditorStyle::smallFont();
        const QFontMetricsF metrics(font);
        painter->setPen(EditorStyle::error(palette));
        painter->setFont(font);
        double y = footer.top();
        if (hasError()) {
            for (const QString& line : errorLines()) {
                painter->drawText(QRectF(footer.left(), y, footer.width(), metrics.lineSpacing()),
                                  Qt::AlignCenter, line);
                y += metrics.lineSpacing();
            }
            return;
        }
        // Line by line; a word wider than a narrow chip ("saturated") gets a smaller font.
        for (const QString& line : m_note.split(QLatin1Char('\n'))) {
            EditorStyle::drawFitted(
                painter, QRectF(footer.left() - 1, y, footer.width() + 2, metrics.lineSpacing()),
                line, font, 8);
            y += metrics.lineSpacing();
        }
        return;
    }
    // Chips that keep the shape leave both lines empty: "→ 8, 0 params" would only repeat.
    painter->setPen(EditorStyle::text(palette));
    EditorStyle::drawFitted(painter, QRectF(footer.left(), footer.top(), footer.width(), 24),
                            m_content.shapeText, EditorStyle::labelFont());
    painter->setPen(EditorStyle::dimText(palette));
    EditorStyle::drawFitted(painter, QRectF(footer.left(), footer.top() + 24, footer.width(), 22),
                            m_content.paramsText, EditorStyle::smallFont());
}

QStringList LayerItem::errorLines() const {
    if (!hasError()) return {};
    const QFont font = EditorStyle::smallFont();
    const QFontMetricsF metrics(font);
    const double width = m_size.width() - 4;
    const auto maxLines =
        static_cast<qsizetype>(NetworkLayout::kFooterHeight / metrics.lineSpacing());
    const auto fits = [&](const QStringList& lines) {
        if (lines.size() > maxLines) return false;
        for (const QString& line : lines) {
            if (metrics.horizontalAdvance(line) > width) return false;
        }
        return true;
    };
    const QStringList whole =
        EditorStyle::wrapLines(QStringLiteral("⚠ ") + m_content.errorText, font, width, 0);
    if (fits(whole)) return whole;
    return EditorStyle::wrapLines(QApplication::translate("LayerItem", "⚠ see below"), font, width,
                                  0);
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

const NeuronItem* LayerItem::neuronAt(const QPointF& scenePos) const {
    for (QGraphicsItem* child : childItems()) {
        const auto* neuron = qgraphicsitem_cast<NeuronItem*>(child);
        if (neuron && neuron->sceneBoundingRect().contains(scenePos)) return neuron;
    }
    return nullptr;
}

void LayerItem::mousePressEvent(QGraphicsSceneMouseEvent* event) {
    QGraphicsItem::mousePressEvent(event);  // selects
    if (event->button() == Qt::LeftButton) {
        m_dragging = false;
        m_biasDragging = false;
        event->accept();
    }
}

void LayerItem::mouseMoveEvent(QGraphicsSceneMouseEvent* event) {
    if (!(event->buttons() & Qt::LeftButton)) return;
    auto* networkScene = qobject_cast<NetworkScene*>(scene());
    if (!networkScene) return;
    const QPointF pressed = event->buttonDownScenePos(Qt::LeftButton);
    if (m_biasDragging) {
        const double dy = m_lastScreenY - event->screenPos().y();
        m_lastScreenY = event->screenPos().y();
        const bool fine = event->modifiers() & Qt::ShiftModifier;
        networkScene->dragParameterBy(dy, fine);
        return;
    }
    if (!m_dragging) {
        const QPointF moved = event->scenePos() - pressed;
        if (moved.manhattanLength() < QApplication::startDragDistance()) return;
        // Up or down from a neuron: its bias; sideways: the layer moves.
        const NeuronItem* neuron = neuronAt(pressed);
        if (neuron && std::abs(moved.y()) > std::abs(moved.x())) {
            m_biasDragging = true;
            m_lastScreenY = event->buttonDownScreenPos(Qt::LeftButton).y();
            if (!networkScene->beginParameterDrag(m_layerIndex, 1, neuron->unit(), 0)) return;
            mouseMoveEvent(event);
            return;
        }
        m_dragging = true;
        setCursor(Qt::ClosedHandCursor);
        networkScene->beginLayerDrag(m_layerId);
    }
    networkScene->updateLayerDrag(m_layerId, event->scenePos(), pressed);
}

void LayerItem::mouseReleaseEvent(QGraphicsSceneMouseEvent* event) {
    if (m_biasDragging && event->button() == Qt::LeftButton) {
        m_biasDragging = false;
        if (auto* networkScene = qobject_cast<NetworkScene*>(scene()))
            networkScene->finishParameterDrag();
        return;
    }
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
