// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QString>
#include <QStringList>
#include <QThread>
#include <atomic>
#include <memory>
#include <utility>

#include "Project.h"
#include "train/SnapshotRequest.h"
#include "train/TrainingSnapshot.h"
#include "train/TrainingWorker.h"

namespace nnplay::ui {

/// The UI thread's handle on training: starts a QThread, moves a TrainingWorker onto it and
/// queues commands to it with send(). Counts the sessions it asks for (the generation) and
/// forwards the worker's reports, dropping those of sessions that a later load(), rebuild() or
/// reset() has replaced, and snapshots that a newer one already on its way supersedes (only
/// the newest is drawn). Destroying it stops the thread safely even in the middle of training
/// (quit(); wait(); the worker is deleted on its own thread).
class TrainingController : public QObject {
    Q_OBJECT
public:
    explicit TrainingController(QObject* parent = nullptr);
    ~TrainingController() override;

    /// Queues `(worker->*command)(args...)` on the worker's thread, after every command sent
    /// before; the arguments are copied. For example send(&TrainingWorker::trainEpochs, 50).
    /// Commands that replace the session go through load(), rebuild() and reset() instead.
    template <class Command, class... Args>
    void send(Command command, Args&&... args) {
        QMetaObject::invokeMethod(
            m_worker,
            [worker = m_worker, command, ... values = std::forward<Args>(args)]() mutable {
                (worker->*command)(values...);
            },
            Qt::QueuedConnection);
    }

    /// Builds a new session (see TrainingWorker::load); paused afterwards.
    void load(const nnplay::Project& project, const QString& baseDir);
    /// Rebuilds for an edited project, keeping the running state (see TrainingWorker::rebuild).
    void rebuild(const nnplay::Project& project, bool keepWeights);
    /// Fresh weights for the same project.
    void reset();
    /// Play when paused, pause when running.
    void togglePlay();
    void setSnapshotRequest(const SnapshotRequest& request);
    /// The request last sent (views change only the parts they own).
    const SnapshotRequest& snapshotRequest() const { return m_request; }
    /// The current weights and history right now (for Save while training runs): waits for
    /// the worker to finish its current slice (a few milliseconds) after every command sent
    /// before. False when there is nothing trained.
    /// `preprocessing`, when given, receives what the session learned from its training data.
    /// `members`, when given, receives an ensemble's members after the first.
    bool fetchTrainedState(std::vector<nnplay::NamedNetwork>& networks, nnplay::History& history,
                           nnplay::Preprocessing* preprocessing = nullptr,
                           std::vector<nnplay::Project::MemberParams>* members = nullptr);

    /// The session's weights as they are right now, trained or still random (see
    /// TrainingWorker::currentState), after every command sent before. False without a session.
    bool fetchCurrentState(std::vector<nnplay::NamedNetwork>& networks, nnplay::History& history);

    /// The test part's predictions as CSV, computed on the worker after every command sent
    /// before (see TrainingWorker::testPredictions); false with the reason in `error`.
    bool fetchTestPredictions(std::string& csv, QString& error);
    /// Writes `project` as a PyTorch script with the session's data, on the worker after every
    /// command sent before (see TrainingWorker::exportPyTorch); false with the reason in
    /// `error`.
    bool exportPyTorch(const nnplay::Project& project, const QString& scriptPath,
                       QStringList& written, QString& error);

    /// The newest snapshot of the current generation (default-constructed before the first).
    const TrainingSnapshot& lastSnapshot() const { return m_last; }
    /// Generation of the newest session asked for; older reports are dropped.
    int generation() const { return m_generation; }
    /// Whether training runs, as the newest snapshot says.
    bool isRunning() const { return m_last.running; }

signals:
    void snapshotReady(const nnplay::ui::TrainingSnapshot& snapshot);
    void errorOccurred(const QString& message);
    /// The worker is reading data that takes a moment (see TrainingWorker).
    void loadingStarted(const QString& message);
    /// The trained weights and history of the current session (see TrainingWorker).
    void trainedStateReady(const std::vector<nnplay::NamedNetwork>& networks,
                           const nnplay::History& history);

private:
    /// Runs `question()` on the worker's thread after every command sent before and returns
    /// its answer; false when the thread has stopped or the worker holds an older session.
    template <class Question>
    bool askWorker(Question question) {
        if (!m_thread.isRunning()) return false;
        bool ok = false;
        const int expected = m_generation;
        // The worker never waits for this thread, so blocking here cannot deadlock; queued
        // commands sent before are handled first, so the answer reflects all of them.
        QMetaObject::invokeMethod(
            m_worker, [&] { ok = m_worker->generation() == expected && question(); },
            Qt::BlockingQueuedConnection);
        return ok;
    }
    void onSnapshot(const TrainingSnapshot& snapshot);
    void onTrainedState(const std::vector<nnplay::NamedNetwork>& networks,
                        const nnplay::History& history, int generation);

    QThread m_thread;
    std::shared_ptr<std::atomic<int>> m_inFlight;
    TrainingWorker* m_worker;  // lives on m_thread; deleted there when it finishes
    int m_generation = 0;      // the only session counter: the worker tags snapshots with it
    TrainingSnapshot m_last;
    // History rows of snapshots skipped for a newer one, handed on with the next one drawn.
    TrainingSnapshot m_skipped;
    SnapshotRequest m_request;
};

}  // namespace nnplay::ui
