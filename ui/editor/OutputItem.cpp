// SPDX-License-Identifier: GPL-3.0-or-later
#include "editor/OutputItem.h"

#include <QApplication>
#include <QFontMetricsF>
#include <QGraphicsScene>
#include <QPainter>
#include <QPainterPath>
#include <algorithm>
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

QString OutputItem::footerTitle() const { return m_nodes.empty() ? QString() : m_headline; }

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
    EditorStyle::drawFitted(painter, QRectF(2, NetworkLayout::kTitleTop, w - 4, 24),
                            QApplication::translate("OutputItem", "Output"),
                            EditorStyle::titleFont());

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
        // No pictures (not 2-D data): the classes by name, as many as fit.
        QFont big = EditorStyle::titleFont();
        big.setPixelSize(big.pixelSize() * 5 / 4);
        painter->setPen(EditorStyle::text(palette));
        const double middle = NetworkLayout::centerY();
        constexpr int kShown = 10;
        const QFont small = EditorStyle::smallFont();
        const double lineHeight = QFontMetricsF(small).lineSpacing();
        const int shown = static_cast<int>(std::min<qsizetype>(m_names.size(), kShown));
        double y = middle - (shown * lineHeight + 40) / 2;
        EditorStyle::drawFitted(painter, QRectF(2, y, w - 4, 32), m_headline, big);
        y += 40;
        painter->setPen(EditorStyle::dimText(palette));
        for (int i = 0; i < shown; ++i, y += lineHeight) {
            const QString text =
                i == kShown - 1 && m_names.size() > kShown ? QStringLiteral("…") : m_names[i];
            EditorStyle::drawFitted(painter, QRectF(6, y, w - 12, lineHeight), text, small);
        }
    }

    const QRectF footer(2, NetworkLayout::kFooterTop, w - 4, NetworkLayout::kFooterHeight);
    painter->setPen(EditorStyle::text(palette));
    EditorStyle::drawFitted(painter, QRectF(footer.left(), footer.top(), footer.width(), 24),
                            footerTitle(), EditorStyle::labelFont());
    painter->setPen(EditorStyle::dimText(palette));
    EditorStyle::drawFitted(painter, QRectF(footer.left(), footer.top() + 24, footer.width(), 22),
                            m_detail, EditorStyle::smallFont());
}

}  // namespace nnplay::ui
