// SPDX-License-Identifier: GPL-3.0-or-later
#include "train/TrainingWorker.h"

#include <QTimer>
#include <algorithm>
#include <exception>
#include <optional>
#include <utility>

#include "data/DataLoader.h"
#include "export/PredictionCsv.h"
#include "export/PyTorchExport.h"
#include "io/RunSettings.h"
#include "train/EditRules.h"
#include "train/GanSession.h"
#include "train/Session.h"
#include "train/Predictor.h"
#include "train/TrainingSession.h"

namespace nnplay::ui {

namespace {

/// Drops what training gave `project`: every network's weights and the history.
void clearTraining(Project& project) {
    for (NamedNetwork& network : project.networks) network.spec.clearParams();
    project.history.clear();
    project.ensembleMembers.clear();
}

}  // namespace

TrainingWorker::TrainingWorker(std::shared_ptr<std::atomic<int>> snapshotsInFlight, QObject* parent)
    : QObject(parent), m_timer(new QTimer(this)), m_inFlight(std::move(snapshotsInFlight)) {
    m_timer->setTimerType(Qt::PreciseTimer);
    connect(m_timer, &QTimer::timeout, this, &TrainingWorker::onTick);
    m_clock.start();
}

TrainingWorker::~TrainingWorker() = default;

void TrainingWorker::load(const Project& project, const QString& baseDir, int generation) {
    m_baseDir = baseDir;
    setRunning(false);
    build(project, generation);
}

void TrainingWorker::rebuild(const Project& project, bool keepWeights, int generation) {
    const bool wasRunning = m_running;
    setRunning(false);
    if (keepWeights && m_session) {
        Project next = project;
        Project trained = m_project;
        m_session->storeInto(trained);
        carryWeights(trained.networks, next.networks);
        next.history = trained.history;
        next.ensembleMembers = trained.ensembleMembers;  // by layer id; members check shapes
        // The carried weights may not fit after all: then start afresh rather than not at all.
        Project fresh = project;
        clearTraining(fresh);
        build(next, generation, &fresh);
    } else {
        build(project, generation);
    }
    if (wasRunning && m_session) play();
}

void TrainingWorker::reset(int generation) {
    setRunning(false);
    Project fresh = m_project;
    clearTraining(fresh);
    build(fresh, generation);
}

void TrainingWorker::build(const Project& project, int generation, const Project* fallback) {
    m_targetEpoch = -1;
    m_generation = generation;
    m_session.reset();
    m_preview.reset();
    m_builder.restart();
    m_loadError.clear();
    m_notice.clear();
    m_project = project;
    // The data first, on its own: when the network does not fit it, the views (and the
    // canvas, through the snapshot's preview) still learn what the data looks like.
    std::optional<DataSplit> split;
    try {
        const SourceInfo* source = findSource(project.data.source);
        if (source && !source->isPlane && !m_data.holds(project.data, project.task, m_baseDir)) {
            emit loadingStarted(
                tr("Reading the %1 data…").arg(QString::fromStdString(source->displayName)));
        }
        split = m_data.get(project.data, project.task, m_baseDir);
    } catch (const std::exception& e) {
        m_loadError = QString::fromStdString(e.what());
    }
    if (split) {
        for (const Project* candidate : {&project, fallback}) {
            if (candidate == nullptr) continue;
            try {
                m_session = makeSession(*candidate, *split);
                if (auto* gan = dynamic_cast<GanSession*>(m_session.get()))
                    gan->setStepMode(m_ganStepMode);
                m_project = *candidate;
                m_loadError.clear();
                break;
            } catch (const std::exception& e) {
                // Keep the first message: it is about what the user asked for.
                if (m_loadError.isEmpty()) m_loadError = QString::fromStdString(e.what());
            }
        }
        m_preview = SnapshotBuilder::makePreview(*split, m_project.network());
    }
    noteSettings();
    sendSnapshot(true);
    if (!m_loadError.isEmpty()) emit errorOccurred(m_loadError);
}

void TrainingWorker::play() {
    if (!prepareToTrain()) return;
    // Play stops once at the planned epoch count; pressed again past it, it keeps going.
    const int planned = plannedEpochs(m_project);
    m_targetEpoch = m_session->epoch() < planned ? planned : -1;
    m_targetIsPlan = m_targetEpoch >= 0;
    setRunning(true);
}

void TrainingWorker::pause() {
    if (!m_running) return;
    setRunning(false);
    sendSnapshot(true);
    sendTrainedState();
}

void TrainingWorker::trainEpochs(int count) {
    if (!prepareToTrain()) return;
    m_targetEpoch = m_session->epoch() + std::max(count, 0);
    m_targetIsPlan = false;
    if (reachedTarget()) {
        m_targetEpoch = -1;
        sendSnapshot(true);
        return;
    }
    m_scripted = true;  // full speed, whatever the slider says
    setRunning(true);
    restartTimer();  // when it was already running at another speed
}

void TrainingWorker::stepEpoch() {
    setRunning(false);
    m_targetEpoch = -1;
    if (!prepareToTrain()) return;
    try {
        m_session->stepEpoch();
    } catch (const std::exception& e) {
        fail(QString::fromStdString(e.what()));
        return;
    }
    sendSnapshot(true);
    sendTrainedState();
}

void TrainingWorker::stepBatch() {
    setRunning(false);
    m_targetEpoch = -1;
    if (!prepareToTrain()) return;
    trainBatch();
    sendSnapshot(true);
    sendTrainedState();
}

void TrainingWorker::stepInSlowMotion() {
    setRunning(false);
    m_targetEpoch = -1;
    if (!prepareToTrain()) return;
    try {
        m_session->stepRecorded(m_stages);
    } catch (const std::exception& e) {
        fail(QString::fromStdString(e.what()));
        return;
    }
    sendSnapshot(true);
    sendTrainedState();
}

void TrainingWorker::updateTraining(const TrainingSpec& training) {
    if (!m_session) {
        m_project.training = training;
        return;
    }
    try {
        m_session->updateTraining(training);
    } catch (const std::exception& e) {
        // The session keeps its previous settings and goes on; only the message is news.
        emit errorOccurred(QString::fromStdString(e.what()));
        return;
    }
    m_project.training = training;
    noteSettings();
    followPlan();
    if (!m_running) sendSnapshot(true);
}

void TrainingWorker::updateGan(const GanSpec& gan) {
    auto* session = dynamic_cast<GanSession*>(m_session.get());
    if (session == nullptr) {
        m_project.gan = gan;
        return;
    }
    try {
        session->updateGan(gan);
    } catch (const std::exception& e) {
        emit errorOccurred(QString::fromStdString(e.what()));
        return;
    }
    m_project.gan = gan;
    noteSettings();
    followPlan();
    if (!m_running) sendSnapshot(true);
}

void TrainingWorker::noteSettings() {
    m_settings = std::make_shared<const std::string>(RunSettings::of(m_project));
}

void TrainingWorker::followPlan() {
    // Play heads for the planned length: a new one (epochs, a GAN's steps or its measure
    // interval, which Session::epoch counts in) moves the target. Reached already, the next
    // tick pauses with the notice.
    if (m_targetIsPlan && m_targetEpoch >= 0) m_targetEpoch = plannedEpochs(m_project);
}

void TrainingWorker::setGanStepMode(GanSession::StepMode mode) {
    m_ganStepMode = mode;
    if (auto* session = dynamic_cast<GanSession*>(m_session.get())) session->setStepMode(mode);
}

void TrainingWorker::setParameter(int layerIndex, int tensor, int row, int col, float value) {
    if (!m_session) return;
    try {
        m_session->setParameter(layerIndex, tensor, row, col, value);
    } catch (const std::exception& e) {
        emit errorOccurred(QString::fromStdString(e.what()));
        return;
    }
    if (m_running) return;  // the next periodic snapshot shows it
    sendSnapshot(true);
    sendTrainedState();
}

void TrainingWorker::setSpeed(int level) {
    m_speed = std::clamp(level, 0, kFullSpeed);
    if (m_running) restartTimer();
}

void TrainingWorker::setSnapshotRequest(const SnapshotRequest& request) {
    if (request == m_request) return;
    m_request = request;
    m_sequenceDueMs = 0;  // a new temperature shows in the next snapshot
    if (!m_running) sendSnapshot(true);
}

bool TrainingWorker::prepareToTrain() {
    if (!m_session) {
        emit errorOccurred(m_loadError.isEmpty() ? tr("There is nothing to train yet.")
                                                 : tr("Cannot train: %1").arg(m_loadError));
        return false;
    }
    m_notice.clear();
    // After early stopping or a divergence, training goes on from the kept weights.
    m_session->resume();
    return true;
}

void TrainingWorker::setRunning(bool running) {
    if (running == m_running) return;
    m_running = running;
    if (running) {
        restartTimer();
        sendSnapshot(true);
    } else {
        m_timer->stop();
        m_scripted = false;
    }
}

void TrainingWorker::restartTimer() {
    if (m_scripted || m_speed >= kFullSpeed || !m_session) {
        m_timer->start(0);
        return;
    }
    m_paceStartMs = m_clock.elapsed();
    m_pacedBatches = 0;
    const double intervalMs = 1000.0 / pacedBatchesPerSecond();
    m_timer->start(std::max(kPacedTickMs, static_cast<int>(intervalMs)));
}

double TrainingWorker::pacedBatchesPerSecond() const {
    const Pace& pace = kPaces[std::clamp(m_speed, 0, kFullSpeed - 1)];
    return pace.epochs ? pace.perSecond * std::max(1, m_session->stepsPerEpoch()) : pace.perSecond;
}

void TrainingWorker::onTick() {
    if (!m_running || !m_session) {
        m_timer->stop();
        return;
    }
    bool goOn = true;
    if (m_scripted || m_speed >= kFullSpeed) {
        // Scripted runs (trainEpochs) take longer slices: nobody watches every frame.
        const int budgetMs = m_scripted ? 4 * kSliceMs : kSliceMs;
        QElapsedTimer slice;
        slice.start();
        while (goOn && slice.elapsed() < budgetMs) goOn = trainBatch();
    } else {
        // Train what the pace says is due by now, within one slice; a network too slow for
        // the pace trains as fast as it can without piling up a debt to catch up on.
        const double rate = pacedBatchesPerSecond();
        const qint64 now = m_clock.elapsed();
        const double dueByNow = (now - m_paceStartMs) * rate / 1000.0;
        QElapsedTimer slice;
        slice.start();
        while (goOn && m_pacedBatches + 1 <= dueByNow && slice.elapsed() < kSliceMs) {
            goOn = trainBatch();
            ++m_pacedBatches;
        }
        if (now - m_paceStartMs > 1000 && m_pacedBatches < dueByNow - rate / 4) {
            m_paceStartMs = now;  // a quarter second behind: the pace starts over from here
            m_pacedBatches = 0;
        }
    }
    if (goOn) {
        sendSnapshot(false);
        return;
    }
    if (!m_running) return;  // trainBatch failed and already paused
    if (reachedTarget() && !m_scripted) {
        m_notice = m_project.task == Task::Gan
                       ? tr("Trained the planned %1 steps. Press Play to keep going.")
                             .arg(m_session->totalSteps())
                       : tr("Trained the planned %1 epochs. Press Play to keep going.")
                             .arg(m_session->epoch());
    }
    m_targetEpoch = -1;
    setRunning(false);
    sendSnapshot(true);
    sendTrainedState();
}

bool TrainingWorker::trainBatch() {
    try {
        m_session->step();
    } catch (const std::exception& e) {
        fail(QString::fromStdString(e.what()));
        return false;
    }
    return !reachedTarget() && !m_session->stopped();
}

bool TrainingWorker::reachedTarget() const {
    return m_targetEpoch >= 0 && m_session && m_session->epoch() >= m_targetEpoch;
}

void TrainingWorker::fail(const QString& message) {
    setRunning(false);
    m_targetEpoch = -1;
    sendSnapshot(true);
    emit errorOccurred(message);
}

void TrainingWorker::sendSnapshot(bool force) {
    const qint64 now = m_clock.elapsed();
    if (!force) {
        if (now < m_snapshotDueMs) return;
        if (m_inFlight && m_inFlight->load() > 0) return;
    }
    // The next one is due an interval after this one was due; after a forced snapshot or a
    // long stall (paused, a slow UI) an interval from now.
    const bool onCadence = !force && now - m_snapshotDueMs < kSnapshotIntervalMs;
    m_snapshotDueMs = (onCadence ? m_snapshotDueMs : now) + kSnapshotIntervalMs;
    TrainingSnapshot snapshot;
    snapshot.generation = m_generation;
    snapshot.running = m_running;
    snapshot.valid = m_session != nullptr;
    snapshot.data = m_preview;
    snapshot.settings = m_settings;
    if (m_session) {
        snapshot.stopMessage = m_notice;
        SnapshotRequest request = m_request;
        if (request.sequence && !force && now < m_sequenceDueMs) request.sequence = false;
        try {
            QElapsedTimer cost;
            cost.start();
            m_builder.fill(*m_session, request, snapshot);
            if (request.sequence) {
                m_sequenceDueMs = now + std::max<qint64>(kSequenceIntervalMs, 9 * cost.elapsed());
            }
            snapshot.stages = std::move(m_stages);
            m_stages = {};
        } catch (const std::exception& e) {
            // A view's data failing must not stop training; the views keep their last frame.
            snapshot.stopMessage = QString::fromStdString(e.what());
        }
    } else {
        snapshot.stopMessage = m_loadError;
    }
    if (m_inFlight) m_inFlight->fetch_add(1);
    emit snapshotReady(snapshot);
}

bool TrainingWorker::trainedState(std::vector<NamedNetwork>& networks, History& history,
                                  Preprocessing* preprocessing,
                                  std::vector<Project::MemberParams>* members) const {
    if (!m_session) return false;
    if (m_session->steps() == 0 && m_session->history().empty()) return false;
    storeState(networks, history, preprocessing, members);
    return true;
}

bool TrainingWorker::currentState(std::vector<NamedNetwork>& networks, History& history) const {
    if (!m_session) return false;
    storeState(networks, history, nullptr);
    return true;
}

bool TrainingWorker::testPredictions(std::string& csv, std::string& error) {
    auto* session = dynamic_cast<Predictor*>(m_session.get());
    if (session == nullptr) {
        error = m_session ? "A GAN makes samples, not predictions: export it as a PyTorch "
                            "script and run its --generate."
                          : "There is no network to predict with: fix the network first.";
        return false;
    }
    try {
        csv = PredictionCsv::testPart(*session, Preprocessing::of(session->data()));
        return true;
    } catch (const std::exception& e) {
        error = e.what();
        return false;
    }
}

bool TrainingWorker::exportPyTorch(const Project& project, const std::string& scriptPath,
                                   std::vector<std::string>& written, std::string& error) const {
    if (!m_session) {
        error = "There is no network to export: fix the network first.";
        return false;
    }
    try {
        written = PyTorchExport::writeProject(project, m_session->data(), scriptPath);
        return true;
    } catch (const std::exception& e) {
        error = e.what();
        return false;
    }
}

void TrainingWorker::storeState(std::vector<NamedNetwork>& networks, History& history,
                                Preprocessing* preprocessing,
                                std::vector<Project::MemberParams>* members) const {
    Project trained = m_project;
    m_session->storeInto(trained);
    networks = std::move(trained.networks);
    history = std::move(trained.history);
    if (preprocessing) *preprocessing = std::move(trained.preprocessing);
    if (members) *members = std::move(trained.ensembleMembers);
}

void TrainingWorker::sendTrainedState() {
    if (!m_session) return;
    Project trained = m_project;
    m_session->storeInto(trained);
    emit trainedStateReady(trained.networks, trained.history, m_generation);
}

}  // namespace nnplay::ui
