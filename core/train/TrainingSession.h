// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <memory>
#include <string>

#include "Project.h"
#include "data/Dataset.h"
#include "train/History.h"
#include "train/Metrics.h"
#include "train/Model.h"
#include "train/OutputReading.h"

namespace nnplay {

/// Why a session stopped taking steps.
enum class StopReason { None, EarlyStopped, Diverged };

/// Trains one model on one data split. Advances only when told (stepBatch, stepEpoch); never
/// sleeps, blocks or talks to a GUI, so a worker thread or the CLI can drive it.
class TrainingSession {
public:
    /// Builds the model for the project's network on `data`. When the network has trained
    /// weights, training continues from them and from the project's history. Throws InputError when the network does not fit the data, the loss
    /// does not fit the output, or a setting is out of range.
    TrainingSession(const Project& project, DataSplit data);
    /// Loads the project's data (relative paths against baseDir) and builds the session.
    static std::unique_ptr<TrainingSession> fromProject(const Project& project,
                                                        const std::string& baseDir);

    /// Trains one mini-batch. Returns true when it completed an epoch (the history then has a
    /// new record). Does nothing once stopped().
    bool stepBatch();
    /// Trains the rest of the current epoch; returns its record.
    EpochRecord stepEpoch();
    /// Trains `epochs` more epochs, fewer when the session stops.
    void run(int epochs);

    int epoch() const { return m_epoch; }
    long long batchesDone() const { return m_batches; }
    /// Batches in one epoch.
    int batchesPerEpoch() const;
    const History& history() const { return m_history; }
    StopReason stopReason() const { return m_stopReason; }
    bool stopped() const { return m_stopReason != StopReason::None; }
    /// A sentence saying why training stopped ("Training diverged at epoch 3: ...").
    const std::string& stopMessage() const { return m_stopMessage; }
    /// Whether each epoch ends with a full evaluation of the train and test parts (on by
    /// default; the history needs it). Benchmarks of raw training speed turn it off.
    void setEpochEvaluation(bool on) { m_evaluateEpochs = on; }

    /// Applies settings that need no reset: learning rate, optimizer and its parameters, L1,
    /// L2, batch size, shuffle, patience and epochs. Changing the optimizer kind restarts its
    /// state, keeping the weights. Throws InputError for invalid values.
    void updateTraining(const TrainingSpec& training);
    const TrainingSpec& training() const { return m_training; }

    const DataSplit& data() const { return m_data; }
    const NetworkSpec& network() const { return m_network; }
    Model& model() { return *m_model; }

    /// Network outputs after the output activation (probabilities for classifiers), for
    /// inputs (features x n). `out` is resized only when its size changes.
    void predict(const ConstMatrixRef& inputs, Matrix& out);
    /// Class index per column of predictions (outputReading()'s rule).
    std::vector<int> classify(const ConstMatrixRef& predictions) const;
    /// How classes and probabilities follow from predict()'s outputs.
    const OutputReading& outputReading() const { return m_reading; }
    /// Mean loss (without penalties) over a data set; NaN when it is empty.
    double loss(const Dataset& set) { return score(set).loss; }
    /// Loss and accuracy (NaN for regression) of a data set from one pass over it.
    struct Score {
        double loss = NAN;
        double accuracy = NAN;
    };
    Score score(const Dataset& set);
    ClassificationMetrics classificationMetrics(const Dataset& set);
    RegressionMetrics regressionMetrics(const Dataset& set);

    /// Copies the trained weights and history into a project.
    void storeInto(Project& project) const;

private:
    void buildTargets(const Dataset& set, Matrix& out) const;
    /// Class of each column of the network's training output (logits when fused).
    void classifyTrainingOutput(const ConstMatrixRef& output, std::vector<int>& classes) const;
    void startEpoch();
    void finishEpoch();
    void applyPenalties();
    bool finite() const;

    NetworkSpec m_network;
    TrainingSpec m_training;
    DataSplit m_data;
    Task m_task;
    std::unique_ptr<Model> m_model;
    std::unique_ptr<Loss> m_trainLoss;  // fused with the output activation when possible
    std::unique_ptr<Loss> m_evalLoss;   // on outputs after the activation
    std::unique_ptr<Optimizer> m_optimizer;
    bool m_fused = false;
    bool m_evaluateEpochs = true;
    int m_trainEnd = 0;  // layers run while training (the last is skipped when fused)
    int m_outputCount = 0;  // values per sample the network gives
    OutputReading m_reading;

    Matrix m_trainTargets, m_testTargets;
    std::vector<int> m_order;
    int m_cursor = 0;
    Matrix m_batchX, m_batchY;
    Matrix m_evalOut;
    std::vector<int> m_evalClasses;

    Random m_rng;
    int m_epoch = 0;
    long long m_batches = 0;
    double m_epochLossSum = 0;
    int m_epochSamples = 0;
    History m_history;
    std::vector<Matrix> m_lastGood;  // weights at the start of the current epoch
    std::vector<Matrix> m_best;      // weights at the best test loss (early stopping)
    double m_bestLoss = INFINITY;
    int m_bestEpoch = 0;
    int m_sinceBest = 0;
    StopReason m_stopReason = StopReason::None;
    std::string m_stopMessage;
};

}  // namespace nnplay
