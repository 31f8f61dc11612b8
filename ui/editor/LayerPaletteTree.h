// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QTreeWidget>

namespace nnplay::ui {

/// The tree inside LayerPalette: group headers with layer kinds below them. Layer items are
/// drag sources carrying LayerMime data (copy only, the palette never loses an item).
class LayerPaletteTree : public QTreeWidget {
    Q_OBJECT
public:
    /// Item data role holding the registry type name of a layer item (empty for groups).
    static constexpr int kTypeRole = Qt::UserRole + 1;

    explicit LayerPaletteTree(QWidget* parent = nullptr);

    /// Tall enough for every row (filtered or not, so typing a search does not resize the
    /// dock), so no scroll bar ever covers a layer kind; wide enough for the longest name.
    QSize minimumSizeHint() const override;
    QSize sizeHint() const override { return minimumSizeHint(); }
    /// Rows shown at least; more scroll.
    static constexpr int kMinimumRows = 16;

protected:
    QStringList mimeTypes() const override;
    QMimeData* mimeData(const QList<QTreeWidgetItem*>& items) const override;
    Qt::DropActions supportedDropActions() const override { return Qt::CopyAction; }
};

}  // namespace nnplay::ui
