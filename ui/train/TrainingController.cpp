// SPDX-License-Identifier: GPL-3.0-or-later
#include "train/TrainingController.h"

#include "train/TrainingMetaTypes.h"
#include "train/TrainingWorker.h"

namespace nnplay::ui {

TrainingController::TrainingController(QObject* parent)
    : QObject(parent),
      m_inFlight(std::make_shared<std::atomic<int>>(0)),
      m_worker(new TrainingWorker(m_inFlight)) {
    registerTrainingMetaTypes();
    m_thread.setObjectName(QStringLiteral("nnplay training"));
    TrainingWorker* worker = m_worker;
    worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, worker, &QObject::deleteLater);

    connect(worker, &TrainingWorker::snapshotReady, this, &TrainingController::onSnapshot);
    connect(worker, &TrainingWorker::trainedStateReady, this, &TrainingController::onTrainedState);
    connect(worker, &TrainingWorker::errorOccurred, this, &TrainingController::errorOccurred);
    connect(worker, &TrainingWorker::loadingStarted, this, &TrainingController::loadingStarted);
    m_thread.start();
}

TrainingController::~TrainingController() {
    // The worker returns to its event loop every few milliseconds, so quit() is seen at once;
    // QThread::finished then deletes the worker (and its session) on its own thread.
    m_thread.quit();
    m_thread.wait();
}

void TrainingController::load(const Project& project, const QString& baseDir) {
    send(&TrainingWorker::load, project, baseDir, ++m_generation);
}

void TrainingController::rebuild(const Project& project, bool keepWeights) {
    send(&TrainingWorker::rebuild, project, keepWeights, ++m_generation);
}

void TrainingController::reset() { send(&TrainingWorker::reset, ++m_generation); }

void TrainingController::togglePlay() {
    if (isRunning()) {
        send(&TrainingWorker::pause);
    } else {
        send(&TrainingWorker::play);
    }
}

void TrainingController::setSnapshotRequest(const SnapshotRequest& request) {
    m_request = request;
    send(&TrainingWorker::setSnapshotRequest, request);
}

bool TrainingController::fetchTrainedState(std::vector<NamedNetwork>& networks, History& history,
                                           Preprocessing* preprocessing,
                                           std::vector<Project::MemberParams>* members) {
    return askWorker(
        [&] { return m_worker->trainedState(networks, history, preprocessing, members); });
}

bool TrainingController::fetchCurrentState(std::vector<NamedNetwork>& networks, History& history) {
    return askWorker([&] { return m_worker->currentState(networks, history); });
}

bool TrainingController::fetchTestPredictions(std::string& csv, QString& error) {
    std::string why = "Training is restarting: try again in a moment.";
    const bool ok = askWorker([&] { return m_worker->testPredictions(csv, why); });
    if (!ok) error = QString::fromStdString(why);
    return ok;
}

bool TrainingController::exportPyTorch(const Project& project, const QString& scriptPath,
                                       QStringList& written, QString& error) {
    std::vector<std::string> names;
    std::string why = "Training is restarting: try again in a moment.";
    const bool ok = askWorker(
        [&] { return m_worker->exportPyTorch(project, scriptPath.toStdString(), names, why); });
    if (!ok) error = QString::fromStdString(why);
    for (const std::string& name : names) written << QString::fromStdString(name);
    return ok;
}

void TrainingController::onSnapshot(const TrainingSnapshot& snapshot) {
    const int newer = m_inFlight->fetch_sub(1) - 1;
    if (snapshot.generation != m_generation) return;  // a replaced session
    // A newer snapshot is already on its way (the worker counts before it sends): it says
    // everything this one does, so only the newest is drawn.
    if (newer > 0) {
        if (m_skipped.generation != snapshot.generation || m_skipped.newHistory.empty()) {
            m_skipped.generation = snapshot.generation;
            m_skipped.historyStart = snapshot.historyStart;
            m_skipped.newHistory = snapshot.newHistory;
        } else {
            m_skipped.newHistory.append(snapshot.newHistory);
        }
        return;
    }
    m_last = snapshot;
    if (m_skipped.generation == snapshot.generation && !m_skipped.newHistory.empty()) {
        m_skipped.newHistory.append(snapshot.newHistory);
        m_last.newHistory = std::move(m_skipped.newHistory);
        m_last.historyStart = m_skipped.historyStart;
    }
    m_skipped.newHistory = {};
    emit snapshotReady(m_last);
}

void TrainingController::onTrainedState(const std::vector<NamedNetwork>& networks,
                                        const History& history, int generation) {
    if (generation == m_generation) emit trainedStateReady(networks, history);
}

}  // namespace nnplay::ui
