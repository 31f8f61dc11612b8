// SPDX-License-Identifier: GPL-3.0-or-later
#include "editor/OutputItem.h"

#include <QApplication>
#include <QFontMetricsF>
#include <QGraphicsScene>
#include <QPainter>
#include <QPainterPath>
#include <utility>

#include "editor/EditorStyle.h"
#include "editor/NetworkLayout.h"

namespace nnplay::ui {

OutputItem::OutputItem(const QSizeF& size, const QString& headline, const QString& detail,
                       std::vector<QRectF> nodes, const QStringList& names)
    : m_size(size),
      m_headline(headline),
      m_detail(detail),
      m_nodes(std::move(nodes)),
      m_names(names) {
    setToolTip(QApplication::translate("OutputItem", "What the data asks of the network: %1 (%2)")
                   .arg(headline, detail));
}

void OutputItem::setImages(std::vector<QImage> images) {
    m_images = std::move(images);
    update();
}

QRectF OutputItem::boundingRect() const { return QRectF(QPointF(0, 0), m_size); }

void OutputItem::paint(QPainter* painter, const QStyleOptionGraphicsItem*, QWidget*) {
    const QPalette palette = scene() ? scene()->palette() : QPalette();
    painter->setRenderHint(QPainter::Antialiasing);
    const double w = m_size.width();
    const QRectF card(QPointF(0, 0), m_size);
    painter->setPen(QPen(EditorStyle::cardBorder(palette), 1));
    painter->setBrush(EditorStyle::cardFill(palette));
    painter->drawRoundedRect(card.adjusted(0.5, 0.5, -0.5, -0.5), 10, 10);

    painter->setPen(EditorStyle::text(palette));
    painter->setFont(EditorStyle::titleFont());
    painter->drawText(QRectF(4, 6, w - 8, 22), Qt::AlignCenter,
                      QApplication::translate("OutputItem", "Output"));

    for (std::size_t i = 0; i < m_nodes.size(); ++i) {
        const QRectF& rect = m_nodes[i];
        const QImage image = i < m_images.size() ? m_images[i] : QImage();
        QPainterPath clip;
        clip.addRoundedRect(rect, 5, 5);
        painter->save();
        painter->setClipPath(clip);
        if (image.isNull()) {
            painter->fillRect(rect, EditorStyle::mix(EditorStyle::canvas(palette),
                                                     EditorStyle::text(palette), 0.1));
        } else {
            painter->setRenderHint(QPainter::SmoothPixmapTransform);
            painter->drawImage(rect, image);
        }
        painter->restore();
        painter->setPen(QPen(EditorStyle::wire(palette), 1.5));
        painter->setBrush(Qt::NoBrush);
        painter->drawRoundedRect(rect, 5, 5);
    }
    if (m_nodes.empty()) {
        QFont big = EditorStyle::titleFont();
        big.setPointSizeF(big.pointSizeF() * 1.25);
        painter->setFont(big);
        painter->setPen(EditorStyle::text(palette));
        const double middle = NetworkLayout::centerY();
        painter->drawText(QRectF(4, middle - 60, w - 8, 30), Qt::AlignCenter,
                          QFontMetricsF(big).elidedText(m_headline, Qt::ElideRight, w - 8));
        painter->setFont(EditorStyle::smallFont());
        painter->setPen(EditorStyle::dimText(palette));
        const QFontMetricsF metrics(painter->font());
        constexpr int kShown = 10;
        double y = middle - 24;
        for (int i = 0; i < m_names.size() && i < kShown; ++i, y += 16) {
            const QString text = i == kShown - 1 && m_names.size() > kShown
                                     ? QStringLiteral("…")
                                     : metrics.elidedText(m_names[i], Qt::ElideRight, w - 16);
            painter->drawText(QRectF(8, y, w - 16, 16), Qt::AlignCenter, text);
        }
    }

    const QRectF footer(4, NetworkLayout::kFooterTop, w - 8, NetworkLayout::kFooterHeight);
    painter->setPen(EditorStyle::text(palette));
    painter->setFont(EditorStyle::labelFont());
    painter->drawText(QRectF(footer.left(), footer.top(), footer.width(), 20), Qt::AlignCenter,
                      m_headline);
    painter->setPen(EditorStyle::dimText(palette));
    painter->setFont(EditorStyle::smallFont());
    painter->drawText(QRectF(footer.left(), footer.top() + 20, footer.width(), 18), Qt::AlignCenter,
                      m_detail);
}

}  // namespace nnplay::ui
