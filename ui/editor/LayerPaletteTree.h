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

    /// Wide enough for the longest name (filtered or not, so typing a search does not resize
    /// the dock) and tall enough for kMinimumRows rows; more scroll on a small screen.
    QSize minimumSizeHint() const override;
    /// Tall enough for every row, so where the screen allows no scroll bar covers a layer kind.
    QSize sizeHint() const override;
    static constexpr int kMinimumRows = 9;

private:
    QSize sizeForRows(int maxRows) const;

protected:
    QStringList mimeTypes() const override;
    QMimeData* mimeData(const QList<QTreeWidgetItem*>& items) const override;
    Qt::DropActions supportedDropActions() const override { return Qt::CopyAction; }
};

}  // namespace nnplay::ui
