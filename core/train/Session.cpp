// SPDX-License-Identifier: GPL-3.0-or-later
#include "train/Session.h"

#include <algorithm>

#include "data/DataLoader.h"
#include "train/EnsembleSession.h"
#include "train/GanSession.h"
#include "train/TrainingSession.h"

namespace nnplay {

void Session::stepEpoch() {
    while (!stopped() && !step()) {
    }
}

void Session::run(int epochs) {
    for (int i = 0; i < epochs && !stopped(); ++i) stepEpoch();
}

int plannedEpochs(const Project& project) {
    if (project.task != Task::Gan) return project.training.epochs;
    const int every = std::max(1, project.gan.measureEvery);
    return static_cast<int>((static_cast<long long>(project.gan.steps) + every - 1) / every);
}

std::unique_ptr<Session> makeSession(const Project& project, DataSplit data) {
    if (project.task == Task::Gan) return std::make_unique<GanSession>(project, std::move(data));
    if (project.training.ensemble.members > 1)
        return std::make_unique<EnsembleSession>(project, std::move(data));
    return std::make_unique<TrainingSession>(project, std::move(data));
}

std::unique_ptr<Predictor> makePredictor(const Project& project, DataSplit data) {
    if (project.training.ensemble.members > 1)
        return std::make_unique<EnsembleSession>(project, std::move(data));
    return std::make_unique<TrainingSession>(project, std::move(data));
}

std::unique_ptr<Session> makeSession(const Project& project, const std::string& baseDir) {
    return makeSession(project, loadData(project.data, project.task, baseDir));
}

}  // namespace nnplay
