// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

class QAction;
class QWidget;

namespace nnplay::ui {

/// The context menu every view and the canvas share: "Save picture…" (PictureDialog, then
/// PictureExport::save) and "Copy picture" (PictureExport::copyToClipboard). install() is the
/// one place that gives a view these actions.
class PictureActions {
public:
    /// Adds both actions to `view`'s context menu (Qt::ActionsContextMenu: a right-click
    /// anywhere on it opens them), and to its plots' (which keep their mouse events): call it
    /// once the view has made its plots. `baseName` names the file the dialog
    /// starts with. The actions belong to the view.
    static void install(QWidget* view, const QString& baseName);
    /// The view's "Save picture…" or "Copy picture" action, or nullptr when not installed.
    static QAction* saveAction(const QWidget* view);
    static QAction* copyAction(const QWidget* view);
    /// Asks where and how large (PictureDialog over `parent`), then saves the view; a failure
    /// is shown in a message box. Returns the path written, or an empty string.
    static QString saveWithDialog(QWidget* view, const QString& baseName, QWidget* parent);
};

}  // namespace nnplay::ui
