// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QString>
#include <QThread>
#include <atomic>
#include <memory>

#include "Project.h"
#include "train/SnapshotRequest.h"
#include "train/TrainingSnapshot.h"

namespace nnplay::ui {

class TrainingWorker;

/// The UI thread's handle on training: starts a QThread, moves a TrainingWorker onto it and
/// turns calls into queued commands. Forwards the worker's reports, dropping those of sessions
/// that a later load() or reset() has replaced, and snapshots that a newer one already on its
/// way supersedes (only the newest is drawn). Destroying it stops the thread safely even in
/// the middle of training (quit(); wait(); the worker is deleted on its own thread).
class TrainingController : public QObject {
    Q_OBJECT
public:
    explicit TrainingController(QObject* parent = nullptr);
    ~TrainingController() override;

    /// Builds a new session (see TrainingWorker::load); paused afterwards.
    void load(const nnplay::Project& project, const QString& baseDir);
    /// Rebuilds for an edited project, keeping the running state (see TrainingWorker::rebuild).
    void rebuild(const nnplay::Project& project, bool keepWeights);
    void play();
    void pause();
    /// Play when paused, pause when running.
    void togglePlay();
    void stepEpoch();
    void stepBatch();
    /// Trains `count` more epochs at full speed, then pauses.
    void trainEpochs(int count);
    /// Fresh weights for the same project.
    void reset();
    void updateTraining(const nnplay::TrainingSpec& training);
    /// 0 (slowest) .. TrainingWorker::kFullSpeed.
    void setSpeed(int level);
    void setSnapshotRequest(const SnapshotRequest& request);
    /// The request last sent (views change only the parts they own).
    const SnapshotRequest& snapshotRequest() const { return m_request; }
    /// Asks for trainedStateReady with the current weights.
    void requestTrainedState();
    /// The current weights and history right now (for Save while training runs): waits for
    /// the worker to finish its current slice (a few milliseconds) after every command sent
    /// before. False when there is nothing trained.
    bool fetchTrainedState(nnplay::NetworkSpec& network, nnplay::History& history);

    /// The newest snapshot of the current generation (default-constructed before the first).
    const TrainingSnapshot& lastSnapshot() const { return m_last; }
    /// Generation of the newest session asked for; older reports are dropped.
    int generation() const { return m_generation; }
    /// Whether training runs, as the newest snapshot says.
    bool isRunning() const { return m_last.running; }

signals:
    void snapshotReady(const nnplay::ui::TrainingSnapshot& snapshot);
    void errorOccurred(const QString& message);
    /// The trained weights and history of the current session (see TrainingWorker).
    void trainedStateReady(const nnplay::NetworkSpec& network, const nnplay::History& history);

    // Commands to the worker (queued across threads); use the functions above instead.
    void loadRequested(const nnplay::Project& project, const QString& baseDir);
    void rebuildRequested(const nnplay::Project& project, bool keepWeights);
    void playRequested();
    void pauseRequested();
    void stepEpochRequested();
    void stepBatchRequested();
    void trainEpochsRequested(int count);
    void resetRequested();
    void updateTrainingRequested(const nnplay::TrainingSpec& training);
    void speedRequested(int level);
    void snapshotRequestChanged(const nnplay::ui::SnapshotRequest& request);
    void trainedStateRequested();

private:
    void onSnapshot(const TrainingSnapshot& snapshot);
    void onTrainedState(const nnplay::NetworkSpec& network, const nnplay::History& history,
                        int generation);

    QThread m_thread;
    std::shared_ptr<std::atomic<int>> m_inFlight;
    TrainingWorker* m_worker;  // lives on m_thread; deleted there when it finishes
    int m_generation = 0;
    TrainingSnapshot m_last;
    // History rows of snapshots skipped for a newer one, handed on with the next one drawn.
    TrainingSnapshot m_skipped;
    SnapshotRequest m_request;
};

}  // namespace nnplay::ui
