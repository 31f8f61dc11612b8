// SPDX-License-Identifier: GPL-3.0-or-later
#include "window/RecentProjectDelegate.h"

#include <QApplication>
#include <QPainter>

namespace nnplay::ui {

namespace {

QFont boldFont(const QFont& font) {
    QFont bold = font;
    bold.setBold(true);
    return bold;
}

}  // namespace

void RecentProjectDelegate::paint(QPainter* painter, const QStyleOptionViewItem& option,
                                  const QModelIndex& index) const {
    QStyleOptionViewItem panel = option;
    initStyleOption(&panel, index);
    panel.text.clear();
    const QWidget* widget = option.widget;
    QStyle* style = widget ? widget->style() : QApplication::style();
    style->drawPrimitive(QStyle::PE_PanelItemViewItem, &panel, painter, widget);

    const bool enabled = option.state & QStyle::State_Enabled;
    const bool selected = option.state & QStyle::State_Selected;
    const QPalette::ColorGroup group = enabled ? QPalette::Normal : QPalette::Disabled;
    const QColor text =
        option.palette.color(group, selected ? QPalette::HighlightedText : QPalette::Text);
    QColor dim = text;
    if (enabled) dim.setAlphaF(0.7f);

    const QRect area = option.rect.adjusted(kPadding, kPadding / 2, -kPadding, -kPadding / 2);
    const QFont bold = boldFont(option.font);
    const int firstHeight = QFontMetrics(bold).height();
    painter->save();
    painter->setFont(bold);
    painter->setPen(text);
    const QRect first(area.left(), area.top(), area.width(), firstHeight);
    painter->drawText(first, Qt::AlignLeft | Qt::AlignVCenter,
                      QFontMetrics(bold).elidedText(index.data(Qt::DisplayRole).toString(),
                                                    Qt::ElideMiddle, area.width()));
    painter->setFont(option.font);
    painter->setPen(dim);
    const QRect second(area.left(), first.bottom() + 1, area.width(), option.fontMetrics.height());
    painter->drawText(second, Qt::AlignLeft | Qt::AlignVCenter,
                      option.fontMetrics.elidedText(index.data(kFolderRole).toString(),
                                                    Qt::ElideMiddle, area.width()));
    painter->restore();
}

QSize RecentProjectDelegate::sizeHint(const QStyleOptionViewItem& option,
                                      const QModelIndex&) const {
    const int height =
        QFontMetrics(boldFont(option.font)).height() + option.fontMetrics.height() + kPadding;
    return {option.rect.width(), height};
}

}  // namespace nnplay::ui
