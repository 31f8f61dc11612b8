// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QString>

class QAction;
class QWidget;

namespace nnplay::ui {

class DocumentSync;
class ImportLayersDialog;
class ProjectDocument;

/// File > Import Layers from Project…: picks a .nnplay file, reads it with the project reader
/// (a file that cannot be read says why and changes nothing) and opens an ImportLayersDialog
/// over the window. Before the import the session's weights go into the document, so Undo
/// brings back the network as it was trained.
class LayerImporter : public QObject {
    Q_OBJECT
public:
    /// Nothing is owned but the action; `window` parents the dialogs.
    LayerImporter(ProjectDocument* document, DocumentSync* sync, QWidget* window);

    QAction* action() const { return m_action; }
    /// Reads `path` and opens the dialog on it (not modal: the caller may drive it, see
    /// dialogOpened); false with a message box when the file cannot be read.
    bool openFrom(const QString& path);

signals:
    /// The dialog is open (tests drive it; the window only shows it).
    void dialogOpened(ImportLayersDialog* dialog);

private:
    void choose();

    ProjectDocument* m_document;
    DocumentSync* m_sync;
    QWidget* m_window;
    QAction* m_action;
};

}  // namespace nnplay::ui
