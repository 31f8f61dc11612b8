// SPDX-License-Identifier: GPL-3.0-or-later
#include "editor/InputBlockItem.h"

#include <QApplication>
#include <QFontMetricsF>
#include <QGraphicsScene>
#include <QPainter>

#include "editor/EditorStyle.h"
#include "editor/NetworkLayout.h"

namespace nnplay::ui {

InputBlockItem::InputBlockItem(const QSizeF& size, const QString& headline, const QString& detail,
                               const QStringList& names)
    : m_size(size), m_headline(headline), m_detail(detail), m_names(names) {
    setToolTip(names.isEmpty() ? headline : headline + QStringLiteral(": ") + names.join(", "));
}

QRectF InputBlockItem::boundingRect() const { return QRectF(QPointF(0, 0), m_size); }

void InputBlockItem::paint(QPainter* painter, const QStyleOptionGraphicsItem*, QWidget*) {
    const QPalette palette = scene() ? scene()->palette() : QPalette();
    painter->setRenderHint(QPainter::Antialiasing);
    const QRectF card(QPointF(0, 0), m_size);
    painter->setPen(QPen(EditorStyle::cardBorder(palette), 1));
    painter->setBrush(EditorStyle::cardFill(palette));
    painter->drawRoundedRect(card.adjusted(0.5, 0.5, -0.5, -0.5), 10, 10);

    const double w = m_size.width();
    painter->setPen(EditorStyle::text(palette));
    EditorStyle::drawFitted(painter, QRectF(2, NetworkLayout::kTitleTop, w - 4, 24),
                            QApplication::translate("InputBlockItem", "Input"),
                            EditorStyle::titleFont());

    QFont big = EditorStyle::titleFont();
    big.setPixelSize(big.pixelSize() * 5 / 4);
    const double middle = NetworkLayout::centerY();
    EditorStyle::drawFitted(painter, QRectF(2, middle - 64, w - 4, 32), m_headline, big);
    painter->setPen(EditorStyle::dimText(palette));
    EditorStyle::drawFitted(painter, QRectF(2, middle - 30, w - 4, 24), m_detail,
                            EditorStyle::labelFont());

    const QFont small = EditorStyle::smallFont();
    const double lineHeight = QFontMetricsF(small).lineSpacing();
    constexpr int kShown = 8;
    double y = middle + 6;
    for (int i = 0; i < m_names.size() && i < kShown; ++i, y += lineHeight) {
        const QString text =
            i == kShown - 1 && m_names.size() > kShown ? QStringLiteral("…") : m_names[i];
        EditorStyle::drawFitted(painter, QRectF(6, y, w - 12, lineHeight), text, small);
    }
}

}  // namespace nnplay::ui
