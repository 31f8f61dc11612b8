// SPDX-License-Identifier: GPL-3.0-or-later
#include "editor/LayerPaletteTree.h"

#include <QStyle>
#include <algorithm>
#include <limits>

#include "editor/LayerMime.h"

namespace nnplay::ui {

LayerPaletteTree::LayerPaletteTree(QWidget* parent) : QTreeWidget(parent) {
    setHeaderHidden(true);
    setRootIsDecorated(false);
    setIndentation(8);
    setDragEnabled(true);
    setDragDropMode(QAbstractItemView::DragOnly);
    setDefaultDropAction(Qt::CopyAction);
    setSelectionMode(QAbstractItemView::SingleSelection);
    setUniformRowHeights(true);
    setIconSize(QSize(20, 20));
    // Names are short; the palette is sized to them, never scrolled sideways.
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
}

QSize LayerPaletteTree::minimumSizeHint() const { return sizeForRows(kMinimumRows); }

QSize LayerPaletteTree::sizeHint() const { return sizeForRows(std::numeric_limits<int>::max()); }

QSize LayerPaletteTree::sizeForRows(int maxRows) const {
    int rows = 0;
    int width = 0;
    for (int g = 0; g < topLevelItemCount(); ++g) {
        const QTreeWidgetItem* group = topLevelItem(g);
        ++rows;
        width = std::max(width, fontMetrics().horizontalAdvance(group->text(0)));
        for (int i = 0; i < group->childCount(); ++i) {
            ++rows;
            width = std::max(width, indentation() + iconSize().width() + 8 +
                                        fontMetrics().horizontalAdvance(group->child(i)->text(0)));
        }
    }
    // Uniform row heights: every row is as tall as the first.
    const int rowHeight = topLevelItemCount() > 0 ? indexRowSizeHint(indexFromItem(topLevelItem(0)))
                                                  : fontMetrics().height();
    const int frame = 2 * frameWidth();
    // Room for the scroll bar whenever the minimum would need it, so no name is ever cut.
    const int scrollBar =
        rows > kMinimumRows ? style()->pixelMetric(QStyle::PM_ScrollBarExtent) : 0;
    return {width + frame + 8 + scrollBar, std::min(rows, maxRows) * rowHeight + frame};
}

QStringList LayerPaletteTree::mimeTypes() const {
    return {QString::fromLatin1(LayerMime::kMimeType)};
}

QMimeData* LayerPaletteTree::mimeData(const QList<QTreeWidgetItem*>& items) const {
    for (const QTreeWidgetItem* item : items) {
        const QString type = item->data(0, kTypeRole).toString();
        if (!type.isEmpty()) return LayerMime::encode(type);
    }
    return nullptr;
}

}  // namespace nnplay::ui
