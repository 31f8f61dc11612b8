// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "Project.h"
#include "data/Dataset.h"
#include "loss/Loss.h"
#include "train/History.h"
#include "train/Predictor.h"
#include "train/Session.h"
#include "train/SupervisedViews.h"
#include "train/TrainingSession.h"

namespace nnplay {

/// Trains an ensemble: training.ensemble.members copies of the project's network, each a
/// TrainingSession on the one shared split with its own seed (initial weights and shuffles)
/// and, with bootstrap, its own sample of the training part. A step is one mini-batch of every
/// member; predictions average the members' outputs (probabilities for a classifier, values
/// for a regressor), and the history rows score that average, so the curves show the ensemble.
/// Member 1 is the project's network; the others' weights go to Project::ensembleMembers.
class EnsembleSession : public Session, public Predictor {
public:
    /// Builds every member on `data`, from the project's trained weights where it holds them.
    /// Throws InputError as TrainingSession does, and for a network that predicts at every
    /// step of a sequence (an ensemble averages one output per sample).
    EnsembleSession(const Project& project, DataSplit data);

    /// The seed of member `member` (0-based): member 0 keeps `seed`, so it trains as the
    /// single network of the same project would.
    static std::uint32_t memberSeed(std::uint32_t seed, int member);
    /// A bootstrap sample: `n` indices into [0, n) drawn with replacement with `seed`.
    static std::vector<int> bootstrapSample(int n, std::uint32_t seed);

    /// One mini-batch of every member still training.
    bool step() override;
    /// Records member 1's step (the one the views show); the others step as step() does.
    bool stepRecorded(SessionViews::StepStages& stages) override;
    int epoch() const override { return m_epoch; }
    long long steps() const override { return m_steps; }
    int stepsPerEpoch() const override { return m_members.front()->stepsPerEpoch(); }
    const History& history() const override { return m_history; }
    /// Diverged as soon as one member diverges; early-stopped once every member has (each
    /// keeps its own best weights).
    StopReason stopReason() const override { return m_stopReason; }
    const std::string& stopMessage() const override { return m_stopMessage; }
    void resume() override;
    /// Passes the settings on to every member (with its seed); changing the ensemble itself
    /// needs a new session.
    void updateTraining(const TrainingSpec& training) override;
    /// Member 1's weights into the network, the others' into Project::ensembleMembers, and the
    /// ensemble's history.
    void storeInto(Project& project) const override;
    /// Sets the parameter in member 1.
    void setParameter(int layerIndex, int tensor, int row, int col, float value) override;
    /// The ensemble's figures (supervisedFigures of the averaged output), then each member's
    /// test accuracy as the list "member_test_accuracy" (regression: "member_test_mse").
    std::vector<Figure> results() override;
    const DataSplit& data() const override { return *m_split; }
    /// The outputs (boundary, metrics, samples) of the average; the insides (weights,
    /// thumbnails, traces) of member 1; with ViewRequest::members, SessionViews::ensemble.
    void fillViews(const ViewRequest& request, SessionViews& views) override;

    /// The mean of the members' outputs.
    void predict(const ConstMatrixRef& inputs, Matrix& out) override;
    const OutputReading& outputReading() const override;
    PartScore score(const Dataset& set) override;
    ClassificationMetrics classificationMetrics(const Dataset& set) override;
    RegressionMetrics regressionMetrics(const Dataset& set) override;

    int memberCount() const { return static_cast<int>(m_members.size()); }
    TrainingSession& member(int index) { return *m_members[static_cast<std::size_t>(index)]; }
    /// Each member's test accuracy (classification) or test MSE (regression).
    std::vector<double> memberTestFigures();

private:
    /// The project member `index` trains: its seed, and its weights where the file has them.
    static Project memberProject(const Project& project, int index);
    /// After every member took a step: a divergence or the end of all early stopping.
    void noteMemberStops();
    void finishEpoch();
    const Matrix* targetsOf(const Dataset& set) const;

    TrainingSpec m_training;
    std::shared_ptr<const DataSplit> m_split;
    std::vector<std::unique_ptr<TrainingSession>> m_members;
    std::unique_ptr<Loss> m_evalLoss;  // on averaged outputs after the activation
    Matrix m_trainTargets, m_valTargets, m_testTargets;
    Matrix m_memberOut, m_evalOut;
    std::vector<int> m_classes;
    SupervisedViews m_views;

    int m_cursor = 0;  // batches taken in the current epoch
    int m_epoch = 0;
    long long m_steps = 0;
    History m_history;
    StopReason m_stopReason = StopReason::None;
    std::string m_stopMessage;
};

}  // namespace nnplay
