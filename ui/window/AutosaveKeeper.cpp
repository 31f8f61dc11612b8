// SPDX-License-Identifier: GPL-3.0-or-later
#include "window/AutosaveKeeper.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLocale>
#include <QLockFile>
#include <QStandardPaths>
#include <QUndoStack>
#include <QUuid>
#include <exception>

#include "document/ProjectDocument.h"
#include "io/ProjectFile.h"
#include "train/TrainingController.h"
#include "window/ProjectFiles.h"

namespace nnplay::ui {

namespace {

constexpr char kProjectSuffix[] = ".nnplay";
constexpr char kOriginSuffix[] = ".origin";
constexpr char kLockSuffix[] = ".lock";

/// A lock that only a process that is gone leaves behind counts as stale, however old it is.
std::unique_ptr<QLockFile> takeLock(const QString& path) {
    auto lock = std::make_unique<QLockFile>(path);
    lock->setStaleLockTime(0);
    if (!lock->tryLock(0)) return nullptr;
    return lock;
}

QString readOrigin(const QString& path) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) return {};
    return QString::fromUtf8(file.readAll());
}

}  // namespace

AutosaveKeeper::AutosaveKeeper(ProjectFiles* files, ProjectDocument* document,
                               TrainingController* training, QObject* parent)
    : QObject(parent),
      m_files(files),
      m_document(document),
      m_id(QUuid::createUuid().toString(QUuid::WithoutBraces)) {
    if (QDir().mkpath(folder())) m_lock = takeLock(pathOf(m_id, kLockSuffix));

    bool ok = false;
    const int seconds = qEnvironmentVariableIntValue("NNPLAY_AUTOSAVE_SECONDS", &ok);
    setIntervalSeconds(ok && seconds > 0 ? seconds : kDefaultIntervalSeconds);
    connect(&m_timer, &QTimer::timeout, this, [this] {
        if (m_changed) saveNow();
    });
    m_timer.start();

    connect(m_document->undoStack(), &QUndoStack::indexChanged, this, [this] { m_changed = true; });
    connect(m_document, &ProjectDocument::projectReplaced, this, &AutosaveKeeper::discard);
    connect(m_files, &ProjectFiles::saved, this, &AutosaveKeeper::discard);
    connect(training, &TrainingController::snapshotReady, this, &AutosaveKeeper::onSnapshot);
}

AutosaveKeeper::~AutosaveKeeper() { finish(); }

QString AutosaveKeeper::folder() {
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) +
           QStringLiteral("/recovery");
}

QString AutosaveKeeper::pathOf(const QString& id, const char* suffix) const {
    return QDir(folder()).filePath(id + QLatin1String(suffix));
}

QString AutosaveKeeper::recoveryPath() const { return pathOf(m_id, kProjectSuffix); }

int AutosaveKeeper::intervalSeconds() const { return m_timer.interval() / 1000; }

void AutosaveKeeper::setIntervalSeconds(int seconds) { m_timer.setInterval(seconds * 1000); }

void AutosaveKeeper::onSnapshot(const TrainingSnapshot& snapshot) {
    // A new session starts from what the document holds: only training progress is new work.
    if (snapshot.generation != m_generation) {
        m_generation = snapshot.generation;
    } else if (snapshot.epoch != m_epoch || snapshot.batches != m_batches) {
        m_changed = true;
    }
    m_epoch = snapshot.epoch;
    m_batches = snapshot.batches;
    const bool paused = m_running && !snapshot.running;
    m_running = snapshot.running;
    if (paused && m_changed) saveNow();
}

bool AutosaveKeeper::saveNow() {
    if (!m_changed || m_finished) return true;
    if (!m_lock) {
        emit statusMessage(tr("Cannot keep a recovery copy of the project: the folder %1 cannot "
                              "be written.")
                               .arg(QDir::toNativeSeparators(folder())));
        return false;
    }
    try {
        const Project project = m_files->projectToSave();
        ProjectFile::writeFileAtomically(pathOf(m_id, kOriginSuffix).toStdString(),
                                         m_document->filePath().toStdString());
        ProjectFile::save(recoveryPath().toStdString(), project);
    } catch (const std::exception& e) {
        emit statusMessage(tr("Cannot keep a recovery copy of the project: %1")
                               .arg(QString::fromStdString(e.what())));
        return false;
    }
    m_changed = false;
    return true;
}

void AutosaveKeeper::removeCopy(const QString& id) {
    QFile::remove(pathOf(id, kProjectSuffix));
    QFile::remove(pathOf(id, kOriginSuffix));
}

void AutosaveKeeper::discard() {
    m_changed = false;
    if (m_lock) removeCopy(m_id);
}

void AutosaveKeeper::finish() {
    discard();
    m_finished = true;
    m_timer.stop();
}

bool AutosaveKeeper::offerRecovery() {
    const QFileInfoList copies = QDir(folder()).entryInfoList(
        {QLatin1String("*") + QLatin1String(kProjectSuffix)}, QDir::Files, QDir::Time);
    for (const QFileInfo& copy : copies) {
        const QString id = copy.completeBaseName();
        if (id == m_id) continue;
        // Held by a window that is still open (in this process or another one).
        const std::unique_ptr<QLockFile> lock = takeLock(pathOf(id, kLockSuffix));
        if (!lock) continue;
        Project project;
        try {
            project = ProjectFile::load(copy.filePath().toStdString());
        } catch (const std::exception& e) {
            m_files->showError(tr("Cannot restore the project"),
                               tr("The recovery copy cannot be read, so it is removed: %1")
                                   .arg(QString::fromStdString(e.what())));
            removeCopy(id);
            continue;
        }
        const QString origin = readOrigin(pathOf(id, kOriginSuffix));
        const QString name = !origin.isEmpty()
                                 ? QStringLiteral("“%1”").arg(QFileInfo(origin).fileName())
                             : !project.title.empty()
                                 ? QStringLiteral("“%1”").arg(QString::fromStdString(project.title))
                                 : tr("an untitled project");
        const auto answer = m_files->ask(
            QMessageBox::Question, tr("Restore unsaved work?"),
            tr("nnplay did not close properly. Work on %1 from %2 was kept and can be "
               "restored. Restore it?")
                .arg(name, QLocale().toString(copy.lastModified(), QLocale::ShortFormat)),
            QMessageBox::Yes | QMessageBox::Discard, {{QMessageBox::Yes, tr("Restore")}});
        if (answer == QMessageBox::Yes) {
            m_files->openRecovered(project, origin);
            // Kept as this window's copy before the old one goes.
            m_changed = true;
            saveNow();
            removeCopy(id);
            emit statusMessage(tr("Restored unsaved work on %1.").arg(name));
            return true;
        }
        removeCopy(id);
    }
    // Locks of windows that ended before they kept anything: taking one removes it.
    for (const QFileInfo& lock : QDir(folder()).entryInfoList(
             {QLatin1String("*") + QLatin1String(kLockSuffix)}, QDir::Files)) {
        if (lock.completeBaseName() != m_id) takeLock(lock.filePath());
    }
    return false;
}

}  // namespace nnplay::ui
