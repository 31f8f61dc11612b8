// SPDX-License-Identifier: GPL-3.0-or-later
#include "editor/LayerPaletteTree.h"

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
