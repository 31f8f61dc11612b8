// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QMap>
#include <QMessageBox>
#include <QObject>
#include <QString>
#include <QStringList>
#include <functional>

#include "Project.h"

class QMenu;
class QWidget;

namespace nnplay::ui {

class DocumentSync;
class ProjectCatalog;
class ProjectDocument;
class RecentFilesMenu;
class TrainingController;

/// The window's file handling: New, Open, Open Recent, Open Example, Lessons, Save and Save As,
/// Export as PyTorch Script, and the prompt before unsaved changes are lost. Saving stores the
/// worker's current weights when they still fit the document, and offers once per project to keep a
/// CSV file that lies outside the project's folder inside the project. Every message to the user
/// goes through ask(), which tests replace with a hook.
class ProjectFiles : public QObject {
    Q_OBJECT
public:
    /// Shows a message and returns the button pressed; the default is a modal QMessageBox.
    using MessageHook = std::function<QMessageBox::StandardButton(
        QMessageBox::Icon icon, const QString& title, const QString& text,
        QMessageBox::StandardButtons buttons)>;

    /// None is owned; all must outlive this object. `window` parents the dialogs.
    ProjectFiles(ProjectDocument* document, DocumentSync* sync, TrainingController* training,
                 QWidget* window);

    /// Adds New, Open, Open Recent, Open Example, Lessons, Save, Save As and Export to `menu`.
    void addActions(QMenu* menu);

    /// Opens a project file. On failure shows the reader's message, leaves the open project
    /// as it was and returns false. Does not ask about unsaved changes (the menu does).
    bool openFile(const QString& path);
    /// Opens a project as an untitled document (examples, the command line's default).
    void openProject(const nnplay::Project& project, const QString& filePath = QString());
    /// Opens work recovered after a crash: marked modified, saved to `filePath` (empty: asks
    /// where) by Save.
    void openRecovered(const nnplay::Project& project, const QString& filePath);
    /// Writes the project with its trained weights atomically. On failure shows why, leaves
    /// any old file whole and returns false.
    bool saveFile(const QString& path);
    /// Save to the current file, or ask for one.
    bool save();
    bool saveAs();
    /// Writes the trained network (a GAN: both networks) as a PyTorch script at `scriptPath`,
    /// with its weights and data beside it (nnplay::PyTorchExport::writeProject, as nnplay-cli
    /// export does). Says why and returns false for a network not trained yet, a layer that
    /// does not export, or a file that cannot be written.
    bool exportPyTorch(const QString& scriptPath);
    /// Asks whether to save unsaved changes; true when it is fine to discard the project.
    bool maybeSave();

    /// The document's project with the worker's current weights and history (when they fit):
    /// what Save writes, CSV paths absolute.
    nnplay::Project projectToSave();

    /// What the window calls the project: the file name, else the project's title, else
    /// "Untitled".
    QString displayName() const;

    /// Most recently opened or saved files, newest first.
    QStringList recentFiles() const;

    void setMessageHook(MessageHook hook) { m_messageHook = std::move(hook); }
    /// `buttonTexts` renames standard buttons ("Restore" for Yes) in the dialog; the hook sees
    /// the standard buttons only.
    QMessageBox::StandardButton ask(
        QMessageBox::Icon icon, const QString& title, const QString& text,
        QMessageBox::StandardButtons buttons,
        const QMap<QMessageBox::StandardButton, QString>& buttonTexts = {});
    void showError(const QString& title, const QString& text);

signals:
    /// A sentence for the status bar ("Saved circle.nnplay").
    void statusMessage(const QString& message);
    /// The project was written to `path` (Save, Save As).
    void saved(const QString& path);

private:
    /// Whether the CSV data goes inside the saved file; asked once per project.
    enum class KeepData { Unasked, Keep, Link };

    /// One action per shipped project, by title; each opens its project untitled.
    void fillMenu(QMenu* menu, const ProjectCatalog& catalog);
    /// Puts the CSV text into `project` when the project keeps its data (asking first when
    /// the file lies outside `folder`). False, after saying why, when the file cannot be kept.
    bool keepCsvData(nnplay::Project& project, const QString& folder);

    ProjectDocument* m_document;
    DocumentSync* m_sync;
    TrainingController* m_training;
    QWidget* m_window;
    RecentFilesMenu* m_recentMenu = nullptr;
    MessageHook m_messageHook;
    KeepData m_keepData = KeepData::Unasked;
};

}  // namespace nnplay::ui
