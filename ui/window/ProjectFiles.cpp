// SPDX-License-Identifier: GPL-3.0-or-later
#include "window/ProjectFiles.h"

#include <QAbstractButton>
#include <QAction>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QKeySequence>
#include <QMenu>
#include <algorithm>
#include <exception>

#include "data/CsvTable.h"
#include "document/ProjectDocument.h"
#include "io/ProjectFile.h"
#include "train/DocumentSync.h"
#include "train/EditRules.h"
#include "train/TrainingController.h"
#include "window/ProjectCatalog.h"
#include "window/RecentFilesMenu.h"

namespace nnplay::ui {

namespace {

constexpr char kFileFilter[] = "nnplay projects (*.nnplay);;All files (*)";
constexpr char kSuffix[] = "nnplay";

/// CSV paths are absolute inside the document (so Save As to another folder keeps working)
/// and relative to the project file inside files.
void absolutizeCsvPath(Project& project, const QString& baseDir) {
    if (project.data.source != "csv" || project.data.path.empty()) return;
    project.data.path =
        QDir::cleanPath(QDir(baseDir).absoluteFilePath(QString::fromStdString(project.data.path)))
            .toStdString();
}

void relativizeCsvPath(Project& project, const QString& baseDir) {
    if (project.data.source != "csv" || project.data.path.empty()) return;
    project.data.path =
        QDir(baseDir).relativeFilePath(QString::fromStdString(project.data.path)).toStdString();
}

}  // namespace

ProjectFiles::ProjectFiles(ProjectDocument* document, DocumentSync* sync,
                           TrainingController* training, QWidget* window)
    : QObject(window), m_document(document), m_sync(sync), m_training(training), m_window(window) {
    // A project that arrives with its data inside keeps it there; any other is asked about.
    connect(m_document, &ProjectDocument::projectReplaced, this, [this] {
        m_keepData =
            m_document->project().data.csvText.empty() ? KeepData::Unasked : KeepData::Keep;
    });
}

void ProjectFiles::addActions(QMenu* file) {
    QAction* newAction = file->addAction(tr("&New"), this, [this] {
        if (maybeSave()) openProject(Project::defaultProject());
    });
    newAction->setShortcut(QKeySequence::New);
    QAction* open = file->addAction(tr("&Open…"), this, [this] {
        if (!maybeSave()) return;
        const QString dir = m_document->filePath().isEmpty()
                                ? QDir::homePath()
                                : QFileInfo(m_document->filePath()).absolutePath();
        const QString path =
            QFileDialog::getOpenFileName(m_window, tr("Open Project"), dir, tr(kFileFilter));
        if (!path.isEmpty()) openFile(path);
    });
    open->setShortcut(QKeySequence::Open);
    m_recentMenu = new RecentFilesMenu(tr("Open &Recent"), m_window);
    file->addMenu(m_recentMenu);
    connect(m_recentMenu, &RecentFilesMenu::fileChosen, this, [this](const QString& path) {
        if (maybeSave()) openFile(path);
    });
    fillMenu(file->addMenu(tr("Open &Example")), ProjectCatalog::shipped("examples"));
    fillMenu(file->addMenu(tr("&Lessons")), ProjectCatalog::shipped("lessons"));
    file->addSeparator();
    QAction* saveAction = file->addAction(tr("&Save"), this, &ProjectFiles::save);
    saveAction->setShortcut(QKeySequence::Save);
    QAction* saveAsAction = file->addAction(tr("Save &As…"), this, &ProjectFiles::saveAs);
    saveAsAction->setShortcut(QKeySequence::SaveAs);
    file->addSeparator();
    file->addAction(tr("&Export as PyTorch Script…"), this, [this] {
        const QFileInfo project(m_document->filePath());
        const QString start =
            QDir(m_document->filePath().isEmpty() ? QDir::homePath() : project.absolutePath())
                .filePath((project.completeBaseName().isEmpty() ? QStringLiteral("model")
                                                                : project.completeBaseName()) +
                          QStringLiteral(".py"));
        QString path = QFileDialog::getSaveFileName(m_window, tr("Export as PyTorch Script"), start,
                                                    tr("Python scripts (*.py)"));
        if (path.isEmpty()) return;
        if (QFileInfo(path).suffix().isEmpty()) path += QStringLiteral(".py");
        exportPyTorch(path);
    });
}

bool ProjectFiles::exportPyTorch(const QString& scriptPath) {
    const Project project = projectToSave();
    const QString title = tr("Cannot export");
    const bool trained = std::all_of(project.networks.begin(), project.networks.end(),
                                     [](const auto& n) { return n.spec.hasParams(); });
    if (!trained) {
        showError(title, project.task == Task::Gan
                             ? tr("The GAN has no trained weights yet: press Play, then export.")
                             : tr("The network has no trained weights yet: press Play, then "
                                  "export."));
        return false;
    }
    // The worker writes it with the session's data: Fashion-MNIST is not read again here.
    QStringList written;
    QString error;
    if (!m_training->exportPyTorch(project, scriptPath, written, error)) {
        showError(title, error);
        return false;
    }
    emit statusMessage(tr("Exported %1").arg(written.join(QStringLiteral(", "))));
    return true;
}

QMessageBox::StandardButton ProjectFiles::ask(
    QMessageBox::Icon icon, const QString& title, const QString& text,
    QMessageBox::StandardButtons buttons,
    const QMap<QMessageBox::StandardButton, QString>& buttonTexts) {
    if (m_messageHook) return m_messageHook(icon, title, text, buttons);
    QMessageBox box(icon, title, text, buttons, m_window);
    for (auto it = buttonTexts.begin(); it != buttonTexts.end(); ++it)
        if (QAbstractButton* button = box.button(it.key())) button->setText(it.value());
    return static_cast<QMessageBox::StandardButton>(box.exec());
}

void ProjectFiles::showError(const QString& title, const QString& text) {
    ask(QMessageBox::Warning, title, text, QMessageBox::Ok);
}

bool ProjectFiles::openFile(const QString& path) {
    Project project;
    try {
        project = ProjectFile::load(path.toStdString());
    } catch (const std::exception& e) {
        showError(tr("Cannot open project"), QString::fromStdString(e.what()));
        return false;
    }
    const QString absolute = QFileInfo(path).absoluteFilePath();
    absolutizeCsvPath(project, QFileInfo(absolute).absolutePath());
    openProject(project, absolute);
    if (m_recentMenu) m_recentMenu->add(absolute);
    emit statusMessage(tr("Opened %1").arg(QFileInfo(path).fileName()));
    return true;
}

void ProjectFiles::openProject(const Project& project, const QString& filePath) {
    m_document->reset(project, filePath);
}

void ProjectFiles::openRecovered(const Project& project, const QString& filePath) {
    m_document->reset(project, filePath);
    // No state of the undo history matches a file: Save and the unsaved-changes prompt apply.
    m_document->undoStack()->resetClean();
}

QString ProjectFiles::displayName() const {
    if (!m_document->filePath().isEmpty()) return QFileInfo(m_document->filePath()).fileName();
    const std::string& title = m_document->project().title;
    return title.empty() ? tr("Untitled") : QString::fromStdString(title);
}

bool ProjectFiles::keepCsvData(Project& project, const QString& folder) {
    DataSpec& data = project.data;
    if (data.source != "csv" || !data.csvText.empty()) return true;
    const QString csv = QString::fromStdString(data.path);
    if (m_keepData == KeepData::Unasked) {
        const QString relative = QDir(folder).relativeFilePath(csv);
        if (!relative.startsWith(QLatin1String("../")) && !QDir::isAbsolutePath(relative))
            return true;  // beside the project: handed on together
        const auto answer =
            ask(QMessageBox::Question, tr("Keep the data with the project?"),
                tr("The data file “%1” is not in the project's folder, so the project will not "
                   "find it on another computer. Keep a copy of the data inside the project file?")
                    .arg(QFileInfo(csv).fileName()),
                QMessageBox::Yes | QMessageBox::No);
        m_keepData = answer == QMessageBox::Yes ? KeepData::Keep : KeepData::Link;
    }
    if (m_keepData != KeepData::Keep) return true;
    std::string text;
    try {
        text = CsvTable::readText(data.path);
    } catch (const std::exception& e) {
        showError(tr("Cannot keep the data"), QString::fromStdString(e.what()));
        return false;
    }
    if (text.size() > DataSpec::kMaxCsvTextBytes) {
        showError(tr("Cannot keep the data"),
                  tr("“%1” holds more than %2 MiB of data, too much to keep inside the project. "
                     "Keep the file beside the project file instead.")
                      .arg(QFileInfo(csv).fileName())
                      .arg(DataSpec::kMaxCsvTextBytes >> 20));
        return false;
    }
    data.csvText = std::move(text);
    return true;
}

Project ProjectFiles::projectToSave() {
    m_sync->flush();
    Project project = m_document->project();
    std::vector<NamedNetwork> networks;
    History history;
    Preprocessing preprocessing;
    std::vector<Project::MemberParams> members;
    if (m_training->fetchTrainedState(networks, history, &preprocessing, &members) &&
        sameLayers(networks, project.networks)) {
        project.networks = networks;
        project.history = history;
        project.preprocessing = std::move(preprocessing);
        project.ensembleMembers = std::move(members);
        m_document->setTrainedState(networks, history);
    }
    return project;
}

bool ProjectFiles::saveFile(const QString& path) {
    const QString absolute = QFileInfo(path).absoluteFilePath();
    Project project = projectToSave();
    const QString folder = QFileInfo(absolute).absolutePath();
    if (!keepCsvData(project, folder)) return false;
    relativizeCsvPath(project, folder);
    try {
        ProjectFile::save(absolute.toStdString(), project);
    } catch (const std::exception& e) {
        showError(tr("Cannot save project"), QString::fromStdString(e.what()));
        return false;
    }
    m_document->setFilePath(absolute);
    m_document->markSaved();
    if (m_recentMenu) m_recentMenu->add(absolute);
    emit statusMessage(tr("Saved %1").arg(QFileInfo(absolute).fileName()));
    emit saved(absolute);
    return true;
}

bool ProjectFiles::save() {
    if (m_document->filePath().isEmpty()) return saveAs();
    return saveFile(m_document->filePath());
}

bool ProjectFiles::saveAs() {
    const QString start = m_document->filePath().isEmpty()
                              ? QDir::home().filePath(tr("untitled.nnplay"))
                              : m_document->filePath();
    QString path =
        QFileDialog::getSaveFileName(m_window, tr("Save Project As"), start, tr(kFileFilter));
    if (path.isEmpty()) return false;
    if (QFileInfo(path).suffix().isEmpty()) path += QLatin1Char('.') + QLatin1String(kSuffix);
    return saveFile(path);
}

bool ProjectFiles::maybeSave() {
    if (!m_document->isModified()) return true;
    const QString name = displayName();
    const auto answer = ask(QMessageBox::Warning, tr("Unsaved changes"),
                            tr("“%1” has changes that are not saved. Save them first?").arg(name),
                            QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel);
    if (answer == QMessageBox::Save) return save();
    return answer == QMessageBox::Discard;
}

QStringList ProjectFiles::recentFiles() const {
    return m_recentMenu ? m_recentMenu->files() : QStringList();
}

void ProjectFiles::fillMenu(QMenu* menu, const ProjectCatalog& catalog) {
    menu->clear();
    for (const ProjectCatalog::Entry& entry : catalog.entries()) {
        QAction* action = menu->addAction(entry.title);
        const Project project = entry.project;
        connect(action, &QAction::triggered, this, [this, project] {
            // Shipped projects open untitled: Save asks where, the shipped file stays as it is.
            if (maybeSave()) openProject(project);
        });
    }
    menu->setEnabled(!catalog.entries().isEmpty());
}

}  // namespace nnplay::ui
