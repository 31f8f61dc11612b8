// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QString>
#include <QTimer>
#include <memory>

class QLockFile;

namespace nnplay::ui {

class ProjectDocument;
class ProjectFiles;
class TrainingController;
struct TrainingSnapshot;

/// Keeps a recovery copy of the open project, so that a crash or a power cut loses at most a
/// few seconds of a lesson's work. The copy is what Save writes (with the trained weights),
/// written atomically to folder()/ID.nnplay every intervalSeconds() while something changed
/// and whenever training pauses; ID.origin beside it holds the project's own path. Each window
/// holds ID.lock (a QLockFile) while it lives, so another instance never takes its copy for
/// the leftover of a crash. The copy goes away when the project is saved, replaced or closed
/// in order; offerRecovery() offers the copies whose owner is gone.
class AutosaveKeeper : public QObject {
    Q_OBJECT
public:
    /// Seconds between two autosaves unless NNPLAY_AUTOSAVE_SECONDS says otherwise.
    static constexpr int kDefaultIntervalSeconds = 60;

    /// None is owned; all must outlive this object except `training`, which may go first.
    AutosaveKeeper(ProjectFiles* files, ProjectDocument* document, TrainingController* training,
                   QObject* parent);
    /// Removes the recovery copy: an orderly end.
    ~AutosaveKeeper() override;

    /// Where recovery copies live: "recovery" under QStandardPaths::AppDataLocation.
    static QString folder();
    /// This window's recovery copy; it exists only while there is work no file holds.
    QString recoveryPath() const;
    int intervalSeconds() const;
    void setIntervalSeconds(int seconds);

    /// Writes the recovery copy when something changed since the last one. False (and a
    /// status message) when it could not be written.
    bool saveNow();
    /// Removes the recovery copy (the work was saved or replaced).
    void discard();
    /// The window closes in order: removes the copy and writes none any more.
    void finish();
    /// Offers the copies left by windows that did not close in order, newest first, with a
    /// Restore / Discard question each (through ProjectFiles::ask). A restored copy opens
    /// modified, with its file path, and becomes this window's copy; a discarded one is
    /// removed. Stops at the first restored copy. Returns whether one was restored.
    bool offerRecovery();

signals:
    /// A sentence for the status bar.
    void statusMessage(const QString& message);

private:
    QString pathOf(const QString& id, const char* suffix) const;
    void onSnapshot(const TrainingSnapshot& snapshot);
    void removeCopy(const QString& id);

    ProjectFiles* m_files;
    ProjectDocument* m_document;
    QString m_id;                       // names this window's files in folder()
    std::unique_ptr<QLockFile> m_lock;  // null when folder() cannot be written
    QTimer m_timer;
    bool m_changed = false;  // since the last copy was written or removed
    int m_generation = -1;   // of the last snapshot seen
    int m_epoch = 0;
    long long m_batches = 0;
    bool m_running = false;
    bool m_finished = false;
};

}  // namespace nnplay::ui
