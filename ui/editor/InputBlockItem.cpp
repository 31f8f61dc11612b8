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
    painter->setFont(EditorStyle::titleFont());
    painter->drawText(QRectF(4, 6, w - 8, 22), Qt::AlignCenter,
                      QApplication::translate("InputBlockItem", "Input"));

    QFont big = EditorStyle::titleFont();
    big.setPointSizeF(big.pointSizeF() * 1.5);
    painter->setFont(big);
    const double middle = NetworkLayout::centerY();
    painter->drawText(QRectF(4, middle - 60, w - 8, 30), Qt::AlignCenter, m_headline);
    painter->setPen(EditorStyle::dimText(palette));
    painter->setFont(EditorStyle::labelFont());
    painter->drawText(QRectF(4, middle - 28, w - 8, 20), Qt::AlignCenter, m_detail);

    painter->setFont(EditorStyle::smallFont());
    const QFontMetricsF metrics(painter->font());
    double y = middle + 4;
    constexpr int kShown = 8;
    for (int i = 0; i < m_names.size() && i < kShown; ++i, y += 17) {
        const QString text = i == kShown - 1 && m_names.size() > kShown
                                 ? QStringLiteral("…")
                                 : metrics.elidedText(m_names[i], Qt::ElideRight, w - 16);
        painter->drawText(QRectF(8, y, w - 16, 17), Qt::AlignCenter, text);
    }
}

}  // namespace nnplay::ui
