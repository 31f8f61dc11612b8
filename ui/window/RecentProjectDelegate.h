// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStyledItemDelegate>

namespace nnplay::ui {

/// Draws a recent project of the welcome screen in two lines: the file name (Qt::DisplayRole)
/// in bold, and under it, dimmer, where it lies (kFolderRole). A disabled item (a file that is
/// gone) is drawn in the palette's disabled colours.
class RecentProjectDelegate : public QStyledItemDelegate {
    Q_OBJECT
public:
    /// The role of the second line.
    static constexpr int kFolderRole = Qt::UserRole + 1;

    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter* painter, const QStyleOptionViewItem& option,
               const QModelIndex& index) const override;
    QSize sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const override;

private:
    static constexpr int kPadding = 6;
};

}  // namespace nnplay::ui
