// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QElapsedTimer>
#include <QObject>
#include <QString>
#include <atomic>
#include <memory>
#include <vector>

#include "Project.h"
#include "train/DataCache.h"
#include "train/GanSession.h"
#include "train/SnapshotBuilder.h"
#include "train/SnapshotRequest.h"
#include "train/TrainingSnapshot.h"

class QTimer;

namespace nnplay {
class Session;
}

namespace nnplay::ui {

/// Trains on its own thread. Owns a Session made by makeSession (the UI never touches it),
/// takes commands as calls queued from the UI thread (TrainingController::send) and reports
/// through queued signals:
/// snapshots at most ~30 a second, errors, and the trained weights when training pauses or
/// stops. Training runs in short slices from the thread's event loop, so commands are handled
/// within a few milliseconds and nothing ever waits for the UI.
///
/// Created by TrainingController, which moves it to a QThread; can also be driven directly on
/// one thread (as the CLI would).
class TrainingWorker : public QObject {
    Q_OBJECT
public:
    /// How fast a speed level trains: so many batches, or so many epochs, a second.
    struct Pace {
        double perSecond;
        bool epochs;  ///< per second counts epochs (else batches)
    };
    /// Speed levels for setSpeed(), slowest first: slow motion paces batches, so a class can
    /// follow every update; the middle levels pace epochs, so the curves grow at a speed a
    /// class can watch whatever the data's size; kFullSpeed trains as fast as the machine
    /// allows (benchmarks and scripted runs always do).
    static constexpr int kFullSpeed = 5;
    static constexpr Pace kPaces[kFullSpeed] = {
        {2, false}, {10, false}, {2, true}, {10, true}, {50, true}};
    /// Where a new window starts: the default project's 200 epochs take about 20 seconds.
    static constexpr int kDefaultSpeed = 3;
    /// A paced level trains what is due at most this often.
    static constexpr int kPacedTickMs = 15;
    /// At full speed, training runs this long before the event loop gets a turn.
    static constexpr int kSliceMs = 5;
    /// While training runs, snapshots are due once per this interval (about 30 a second, with
    /// a little room so that 30 frames a second are really drawn). The cadence is kept from
    /// due time to due time, so a slice ending after the due time delays one frame, not all.
    static constexpr int kSnapshotIntervalMs = 32;
    /// While training runs, the sequence preview (ViewRequest::sequence: a few hundred forward
    /// passes) goes into a snapshot at most once per this interval, and at most once per nine
    /// times as long as its snapshot took, so it costs training a tenth of its time at most.
    /// Forced snapshots (paused, a new request) always have it.
    static constexpr int kSequenceIntervalMs = 250;

    /// `snapshotsInFlight`, when given, is shared with the receiver: the worker increments it
    /// per snapshot sent and skips periodic snapshots (never training) while the receiver has
    /// not yet taken the last one, so a slow UI never piles up snapshots.
    explicit TrainingWorker(std::shared_ptr<std::atomic<int>> snapshotsInFlight = {},
                            QObject* parent = nullptr);
    ~TrainingWorker() override;

    /// Generation of the current session, as the command that built it said (0 before).
    int generation() const { return m_generation; }
    /// The project's networks with the current weights, and the history, when the session
    /// has trained (or was loaded trained); false otherwise. Call on the worker's thread only
    /// (TrainingController::fetchTrainedState does).
    /// `preprocessing`, when given, receives what the session learned from its training data;
    /// `members`, an ensemble's members after the first (Project::ensembleMembers).
    bool trainedState(std::vector<nnplay::NamedNetwork>& networks, nnplay::History& history,
                      nnplay::Preprocessing* preprocessing = nullptr,
                      std::vector<nnplay::Project::MemberParams>* members = nullptr) const;
    /// The project's networks with the session's weights as they are now, trained or still
    /// random, and the history; false without a session. Worker's thread only.
    bool currentState(std::vector<nnplay::NamedNetwork>& networks, nnplay::History& history) const;
    /// The test part's predictions as CSV (nnplay::PredictionCsv::testPart) into `csv`, or
    /// why there are none into `error` (no session, a GAN, a sequence output). Worker's
    /// thread only.
    bool testPredictions(std::string& csv, std::string& error);
    /// Writes `project` (the document with this session's weights) as a PyTorch script at
    /// `scriptPath` with the session's own data (nnplay::PyTorchExport::writeProject), so the
    /// data is not read again: the names written into `written`, or why not into `error`.
    /// Worker's thread only.
    bool exportPyTorch(const nnplay::Project& project, const std::string& scriptPath,
                       std::vector<std::string>& written, std::string& error) const;

    // Commands. Those that build a session take its generation, which tags every report of it
    // (TrainingController counts them).

    /// Builds a new session for `project` (its data read relative to baseDir), starting from
    /// its trained weights when it has them. Pauses; takes the generation even on failure (the
    /// snapshot is then invalid and errorOccurred says why).
    void load(const nnplay::Project& project, const QString& baseDir, int generation);
    /// Builds a new session for an edited project (same data folder). With keepWeights, the
    /// current session's weights and history carry over to the layers that still fit
    /// (nnplay::carryWeights: a non-structural edit, a new loss); otherwise the project's own
    /// (maybe none) are used. Training goes on if it was running.
    void rebuild(const nnplay::Project& project, bool keepWeights, int generation);
    /// Trains continuously at the current speed up to the planned epochs (then pauses with a
    /// notice); played again past them, it keeps going until paused.
    void play();
    void pause();
    /// Trains the rest of the current epoch (pauses first).
    void stepEpoch();
    /// Trains one mini-batch (pauses first).
    void stepBatch();
    /// Trains one mini-batch (pauses first) and sends its stages (SessionViews::stages) in the
    /// snapshot that follows, for backpropagation in slow motion.
    void stepInSlowMotion();
    /// Trains `count` more epochs at full speed, then pauses.
    void trainEpochs(int count);
    /// New weights from the same project (trained weights dropped).
    void reset(int generation);
    /// Takes learning rate, optimizer, penalties, batch size, epochs, patience without a reset.
    void updateTraining(const nnplay::TrainingSpec& training);
    /// A GAN's settings that need no new session (nnplay::GanSession::updateGan).
    void updateGan(const nnplay::GanSpec& gan);
    /// Which networks a GAN step trains, for this and every later GAN session.
    void setGanStepMode(nnplay::GanSession::StepMode mode);
    /// Sets one parameter of the session's model by hand (nnplay::Session::setParameter) and
    /// keeps the session. When paused, sends a snapshot at once (the views follow the edit)
    /// and the trained state (the document stores it).
    void setParameter(int layerIndex, int tensor, int row, int col, float value);
    /// 0 (slowest) .. kFullSpeed.
    void setSpeed(int level);
    /// What the next snapshots contain; when paused, sends one at once.
    void setSnapshotRequest(const nnplay::ui::SnapshotRequest& request);

signals:
    void snapshotReady(const nnplay::ui::TrainingSnapshot& snapshot);
    /// A setting or the data could not be used, or a step failed; training is paused.
    void errorOccurred(const QString& message);
    /// Data that takes a moment (images, a text, a file) is being read for a new session.
    void loadingStarted(const QString& message);
    /// The project's networks with the trained weights, and the history, of session
    /// `generation`: sent when training pauses or stops.
    void trainedStateReady(const std::vector<nnplay::NamedNetwork>& networks,
                           const nnplay::History& history, int generation);

private:
    /// Replaces the session (of `generation`) and reports it; tries `fallback` when `project`
    /// cannot be built.
    void build(const nnplay::Project& project, int generation,
               const nnplay::Project* fallback = nullptr);
    void setRunning(bool running);
    void restartTimer();
    void onTick();
    /// Trains one batch; false when training must not go on (stopped, target reached, error).
    bool trainBatch();
    /// False (and says why) when there is no session or it stopped for good.
    bool prepareToTrain();
    bool reachedTarget() const;
    /// Moves a target that is the plan to the project's planned length (after a settings edit).
    void followPlan();
    /// The settings the snapshots carry, after m_project changed.
    void noteSettings();
    /// Batches a second at the current (paced) speed.
    double pacedBatchesPerSecond() const;
    void sendSnapshot(bool force);
    void sendTrainedState();
    void storeState(std::vector<nnplay::NamedNetwork>& networks, nnplay::History& history,
                    nnplay::Preprocessing* preprocessing,
                    std::vector<nnplay::Project::MemberParams>* members = nullptr) const;
    void fail(const QString& message);

    nnplay::Project m_project;
    QString m_baseDir;
    DataCache m_data;
    std::unique_ptr<nnplay::Session> m_session;
    std::shared_ptr<const DataPreview> m_preview;
    std::shared_ptr<const std::string> m_settings;
    QString m_loadError;
    SnapshotBuilder m_builder;
    nnplay::SessionViews::StepStages m_stages;  // recorded, for the next snapshot only
    SnapshotRequest m_request;
    QTimer* m_timer;
    QElapsedTimer m_clock;
    qint64 m_snapshotDueMs = 0;    // on m_clock: when the next periodic snapshot is due
    qint64 m_sequenceDueMs = 0;    // on m_clock: when the next one may have the sequence
    qint64 m_paceStartMs = 0;      // on m_clock: when the current paced run (re)started
    long long m_pacedBatches = 0;  // batches trained since m_paceStartMs
    std::shared_ptr<std::atomic<int>> m_inFlight;
    int m_generation = 0;
    int m_speed = kFullSpeed;
    nnplay::GanSession::StepMode m_ganStepMode = nnplay::GanSession::StepMode::Both;
    bool m_running = false;
    int m_targetEpoch = -1;       // pause when the session reaches this epoch
    bool m_targetIsPlan = false;  // m_targetEpoch is the project's planned length (Play)
    bool m_scripted = false;      // running for trainEpochs(): longer slices
    QString m_notice;             // why the worker paused by itself (planned epochs reached)
};

}  // namespace nnplay::ui
