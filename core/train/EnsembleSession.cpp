// SPDX-License-Identifier: GPL-3.0-or-later
#include "train/EnsembleSession.h"

#include <algorithm>

#include "Random.h"
#include "train/SettingsCheck.h"
#include "train/SupervisedFigures.h"

namespace nnplay {

namespace {

/// The training settings of one member: its own seed, and no ensemble of its own.
TrainingSpec memberTraining(const TrainingSpec& training, int index) {
    TrainingSpec t = training;
    t.seed = EnsembleSession::memberSeed(training.seed, index);
    t.ensemble = {};
    return t;
}

/// Whether `params` fit the layer's trained parameters tensor by tensor.
bool sameShapes(const std::vector<Matrix>& params, const std::vector<Matrix>& layer) {
    if (params.size() != layer.size()) return false;
    for (std::size_t i = 0; i < params.size(); ++i)
        if (params[i].rows() != layer[i].rows() || params[i].cols() != layer[i].cols())
            return false;
    return true;
}

}  // namespace

std::uint32_t EnsembleSession::memberSeed(std::uint32_t seed, int member) {
    // A large odd step keeps the members' seeds apart from the seeds a user tries in a row.
    return seed + static_cast<std::uint32_t>(member) * 7919u * 104729u;
}

std::vector<int> EnsembleSession::bootstrapSample(int n, std::uint32_t seed) {
    Random random(seed ^ 0x5bd1e995u);
    std::vector<int> sample(static_cast<std::size_t>(std::max(0, n)));
    for (int& i : sample) i = static_cast<int>(random.below(static_cast<std::uint32_t>(n)));
    return sample;
}

Project EnsembleSession::memberProject(const Project& project, int index) {
    Project member = project;
    member.training = memberTraining(project.training, index);
    member.ensembleMembers.clear();
    if (index == 0) return member;
    // Member k's weights, layer by layer, where the file holds ones that fit; else fresh.
    const std::size_t stored = static_cast<std::size_t>(index - 1);
    for (LayerSpec& layer : member.network().layers) {
        if (layer.params.empty()) continue;
        const Project::MemberParams* params =
            stored < project.ensembleMembers.size() ? &project.ensembleMembers[stored] : nullptr;
        const auto found =
            params ? params->find(layer.id) : Project::MemberParams::const_iterator{};
        if (params && found != params->end() && sameShapes(found->second, layer.params))
            layer.params = found->second;
        else
            layer.params.clear();
    }
    if (!member.network().hasParams()) member.history = {};
    return member;
}

EnsembleSession::EnsembleSession(const Project& project, DataSplit data)
    : m_training(project.training), m_split(std::make_shared<const DataSplit>(std::move(data))) {
    checkTrainingSpec(m_training);
    const int count = m_training.ensemble.members;
    for (int k = 0; k < count; ++k)
        m_members.push_back(std::make_unique<TrainingSession>(memberProject(project, k), m_split));
    TrainingSession& first = *m_members.front();
    if (first.outputSteps() > 1)
        throw InputError(
            "An ensemble averages one output per sample, but this network predicts at every "
            "step (return_sequences is on in its last recurrent layer): set the ensemble's "
            "members to 1, or turn return_sequences off");
    const int n = m_split->train.sampleCount();
    for (int k = 0; k < count; ++k) {
        TrainingSession& member = *m_members[static_cast<std::size_t>(k)];
        if (m_training.ensemble.bootstrap)
            member.setTrainingSamples(bootstrapSample(n, memberSeed(m_training.seed, k)));
        // Members score themselves each epoch only when they stop early on their own.
        member.setEpochEvaluation(m_training.patience > 0);
    }
    m_evalLoss = makeLoss(m_training.loss, false);
    first.buildTargets(m_split->train, m_trainTargets);
    first.buildTargets(m_split->validation, m_valTargets);
    first.buildTargets(m_split->test, m_testTargets);
    // Member 1 brings the project's history when it has trained weights, else the columns.
    m_history = first.history();
    m_epoch = first.epoch();
}

bool EnsembleSession::step() {
    if (stopped()) return false;
    for (auto& member : m_members)
        if (!member->stopped()) member->step();
    noteMemberStops();
    if (m_stopReason == StopReason::Diverged) return false;
    ++m_steps;
    if (++m_cursor < stepsPerEpoch()) return false;
    finishEpoch();
    return true;
}

bool EnsembleSession::stepRecorded(SessionViews::StepStages& stages) {
    stages = {};
    if (stopped()) return false;
    TrainingSession& first = *m_members.front();
    if (!first.stopped()) {
        first.stepRecorded(stages);
        if (!stages.empty()) stages.step = m_steps + 1;
    }
    for (std::size_t k = 1; k < m_members.size(); ++k)
        if (!m_members[k]->stopped()) m_members[k]->step();
    noteMemberStops();
    if (m_stopReason == StopReason::Diverged) return false;
    ++m_steps;
    if (++m_cursor < stepsPerEpoch()) return false;
    finishEpoch();
    return true;
}

void EnsembleSession::noteMemberStops() {
    bool all = true;
    for (std::size_t k = 0; k < m_members.size(); ++k) {
        const TrainingSession& member = *m_members[k];
        if (member.stopReason() == StopReason::Diverged) {
            m_stopReason = StopReason::Diverged;
            m_stopMessage = "Member " + std::to_string(k + 1) + ": " + member.stopMessage();
            m_cursor = 0;
            return;
        }
        all = all && member.stopped();
    }
    if (!all) return;
    m_stopReason = StopReason::EarlyStopped;
    m_stopMessage = "Early stopping: every member's " +
                    std::string(m_split->validation.sampleCount() > 0 ? "validation" : "test") +
                    " loss stopped improving, and each member keeps its best weights.";
}

void EnsembleSession::finishEpoch() {
    using namespace HistoryColumn;
    m_cursor = 0;
    ++m_epoch;
    const std::size_t row = m_history.addRow();
    m_history.set(row, kEpoch, static_cast<float>(m_epoch));
    const PartScore train = score(m_split->train);
    const PartScore test = score(m_split->test);
    m_history.set(row, kTrainLoss, static_cast<float>(train.loss));
    m_history.set(row, kTestLoss, static_cast<float>(test.loss));
    m_history.set(row, kTrainAccuracy, static_cast<float>(train.accuracy));
    m_history.set(row, kTestAccuracy, static_cast<float>(test.accuracy));
    if (m_split->validation.sampleCount() > 0) {
        const PartScore validation = score(m_split->validation);
        m_history.set(row, kValLoss, static_cast<float>(validation.loss));
        m_history.set(row, kValAccuracy, static_cast<float>(validation.accuracy));
    }
}

void EnsembleSession::resume() {
    if (!stopped()) return;
    for (auto& member : m_members) member->resume();
    m_cursor = 0;
    m_stopReason = StopReason::None;
    m_stopMessage.clear();
}

void EnsembleSession::updateTraining(const TrainingSpec& training) {
    checkTrainingSpec(training);
    if (training.ensemble != m_training.ensemble)
        throw InputError("changing the ensemble needs a reset");
    for (std::size_t k = 0; k < m_members.size(); ++k) {
        m_members[k]->updateTraining(memberTraining(training, static_cast<int>(k)));
        m_members[k]->setEpochEvaluation(training.patience > 0);
    }
    if (training.batchSize != m_training.batchSize) m_cursor = 0;
    m_training = training;
}

void EnsembleSession::storeInto(Project& project) const {
    m_members.front()->storeInto(project);
    project.history = m_history;
    project.ensembleMembers.clear();
    for (std::size_t k = 1; k < m_members.size(); ++k) {
        NetworkSpec spec = project.network();
        m_members[k]->model().storeParams(spec);
        Project::MemberParams params;
        for (LayerSpec& layer : spec.layers)
            if (!layer.params.empty()) params.emplace(layer.id, std::move(layer.params));
        project.ensembleMembers.push_back(std::move(params));
    }
}

void EnsembleSession::setParameter(int layerIndex, int tensor, int row, int col, float value) {
    m_members.front()->setParameter(layerIndex, tensor, row, col, value);
}

void EnsembleSession::predict(const ConstMatrixRef& inputs, Matrix& out) {
    m_members.front()->predict(inputs, out);
    for (std::size_t k = 1; k < m_members.size(); ++k) {
        m_members[k]->predict(inputs, m_memberOut);
        out += m_memberOut;
    }
    out /= static_cast<float>(m_members.size());
}

const OutputReading& EnsembleSession::outputReading() const {
    return m_members.front()->outputReading();
}

const Matrix* EnsembleSession::targetsOf(const Dataset& set) const {
    return &set == &m_split->train        ? &m_trainTargets
           : &set == &m_split->validation ? &m_valTargets
           : &set == &m_split->test       ? &m_testTargets
                                          : nullptr;
}

PartScore EnsembleSession::score(const Dataset& set) {
    PartScore result;
    const int n = set.sampleCount();
    if (n == 0) return result;
    Matrix own;
    const Matrix* targets = targetsOf(set);
    if (!targets) {
        m_members.front()->buildTargets(set, own);
        targets = &own;
    }
    predict(set.inputs, m_evalOut);
    result.loss = m_evalLoss->compute(m_evalOut, *targets, false);
    if (m_split->info.task == Task::Classification) {
        outputReading().classify(m_evalOut, m_classes);
        long long correct = 0;
        for (int i = 0; i < n; ++i)
            correct +=
                m_classes[static_cast<std::size_t>(i)] == set.labels[static_cast<std::size_t>(i)];
        result.accuracy = static_cast<double>(correct) / n;
    }
    return result;
}

ClassificationMetrics EnsembleSession::classificationMetrics(const Dataset& set) {
    predict(set.inputs, m_evalOut);
    const std::vector<int> classes = classify(m_evalOut);
    ClassificationMetrics metrics =
        nnplay::classificationMetrics(set.labels, classes, m_split->info.classCount());
    if (!set.groups.empty())
        metrics.groupAccuracy =
            groupAccuracies(set.labels, classes, set.groups, m_split->info.groupCount());
    return metrics;
}

RegressionMetrics EnsembleSession::regressionMetrics(const Dataset& set) {
    predict(set.inputs, m_evalOut);
    return nnplay::regressionMetrics(m_evalOut, set.targets);
}

std::vector<double> EnsembleSession::memberTestFigures() {
    std::vector<double> figures;
    const Dataset& test = m_split->test;
    const bool regression = m_split->info.task == Task::Regression;
    for (auto& member : m_members)
        figures.push_back(test.sampleCount() == 0 ? NAN
                          : regression            ? member->regressionMetrics(test).mse
                                                  : member->score(test).accuracy);
    return figures;
}

std::vector<Session::Figure> EnsembleSession::results() {
    int best = 0;
    for (const auto& member : m_members) best = std::max(best, member->keptEpoch());
    std::vector<Figure> figures = supervisedFigures(*this, best);
    const bool regression = m_split->info.task == Task::Regression;
    figures.emplace_back(regression ? "member_test_mse" : "member_test_accuracy",
                         memberTestFigures());
    return figures;
}

void EnsembleSession::fillViews(const ViewRequest& request, SessionViews& views) {
    m_views.fill(*m_members.front(), *this, request, views);
    if (!request.members) return;
    SessionViews::EnsembleViews& ensemble = views.ensemble;
    ensemble = {};
    ensemble.regression = m_split->info.task == Task::Regression;
    ensemble.testFigures = memberTestFigures();
    const Dataset& test = m_split->test;
    ensemble.ensembleFigure = test.sampleCount() == 0 ? NAN
                              : ensemble.regression   ? regressionMetrics(test).mse
                                                      : score(test).accuracy;
    if (!m_split->info.isPlane) return;
    ViewRequest grid;
    grid.gridSize = SessionViews::EnsembleViews::kGridSize;
    grid.thumbnailSize = 0;
    grid.weights = grid.unitStates = grid.metrics = grid.samples = false;
    ensemble.gridSize = grid.gridSize;
    for (auto& member : m_members) {
        SessionViews one;
        member->fillViews(grid, one);
        ensemble.boundaries.push_back(std::move(one.boundary));
    }
}

}  // namespace nnplay
