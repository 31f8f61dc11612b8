// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "Project.h"
#include "data/Dataset.h"
#include "train/Augmenter.h"
#include "train/History.h"
#include "train/Metrics.h"
#include "train/Model.h"
#include "train/OutputReading.h"
#include "train/Predictor.h"
#include "train/Session.h"
#include "train/SupervisedViews.h"

namespace nnplay {

/// Trains one supervised model (classification or regression) on one data split: a step is
/// one mini-batch. Early stopping watches the validation loss when the split has a validation
/// part, else the test loss.
class TrainingSession : public Session, public Predictor {
public:
    /// Builds the model for the project's network on `data`. When the network has trained
    /// weights, training continues from them and from the project's history. Throws
    /// InputError when the network does not fit the data, the loss does not fit the output,
    /// or a setting is out of range.
    TrainingSession(const Project& project, DataSplit data);
    /// The same on a split shared with other sessions (an ensemble's members).
    TrainingSession(const Project& project, std::shared_ptr<const DataSplit> data);

    /// Trains one mini-batch.
    bool step() override;
    bool stepRecorded(SessionViews::StepStages& stages) override;
    int epoch() const override { return m_epoch; }
    long long steps() const override { return m_batches; }
    int stepsPerEpoch() const override;
    const History& history() const override { return m_history; }
    StopReason stopReason() const override { return m_stopReason; }
    const std::string& stopMessage() const override { return m_stopMessage; }
    /// After a divergence the epoch count and history go back to the kept epoch and the
    /// optimizer starts afresh (its moments may hold the blown-up values).
    void resume() override;
    /// Changing the optimizer kind restarts its state, keeping the weights; a new loss needs
    /// a new session. New augmentation settings apply from the next batch on.
    void updateTraining(const TrainingSpec& training) override;
    void storeInto(Project& project) const override;
    void setParameter(int layerIndex, int tensor, int row, int col, float value) override;
    const DataSplit& data() const override { return m_data; }
    void fillViews(const ViewRequest& request, SessionViews& views) override;
    /// train/val/test loss and accuracy (classification) or test MSE and R² (regression),
    /// test macro F1, and best_epoch (keptEpoch()).
    std::vector<Figure> results() override;

    /// The epoch whose weights the model holds: the last one, the best one after early
    /// stopping, the one before a divergence.
    int keptEpoch() const { return m_keptEpoch; }
    int restoredEpoch() const override {
        return m_stopReason == StopReason::EarlyStopped ? m_keptEpoch : 0;
    }
    /// Whether each epoch ends with a full evaluation of every part (on by default; the
    /// history needs it). Benchmarks of raw training speed turn it off.
    void setEpochEvaluation(bool on) { m_evaluateEpochs = on; }

    const TrainingSpec& training() const { return m_training; }
    const NetworkSpec& network() const { return m_network; }
    /// The data settings the split was loaded with.
    const DataSpec& dataSpec() const { return m_dataSpec; }
    Model& model() { return *m_model; }

    void predict(const ConstMatrixRef& inputs, Matrix& out) override;
    const OutputReading& outputReading() const override { return m_reading; }
    /// Mean loss (without penalties) over a data set; NaN when it is empty.
    double loss(const Dataset& set) { return score(set).loss; }
    using Score = PartScore;
    Score score(const Dataset& set) override;
    ClassificationMetrics classificationMetrics(const Dataset& set) override;
    RegressionMetrics regressionMetrics(const Dataset& set) override;
    /// Steps of the output that each have their own target (1: one output per sample).
    int outputSteps() const { return m_outputSteps; }

    /// Trains on these indices into the training part, repeats allowed (a bootstrap sample),
    /// instead of each sample once per epoch; as many as the part has samples. Takes effect
    /// from the next epoch. Throws InputError for a wrong count or index.
    void setTrainingSamples(std::vector<int> samples);
    /// The indices into the training part the epochs go through (in the last epoch's order).
    const std::vector<int>& trainingSamples() const { return m_order; }

    /// Training targets of a set (what the loss compares the outputs with): outputs x samples, or
    /// for a sequence output every step's target (steps*outputs x samples) from the set's
    /// stepLabels or stepTargets.
    void buildTargets(const Dataset& set, Matrix& out) const;

private:
    /// step(), recording into `stages` when it is given.
    bool trainStep(SessionViews::StepStages* stages);
    /// A batch of outputs or targets as the loss and the metrics read it: one column per
    /// sample, or per sample and step for a sequence output.
    ConstMatrixRef perStep(const ConstMatrixRef& batch) const;
    /// Class of each column of the network's training output (logits when fused).
    void classifyTrainingOutput(const ConstMatrixRef& output, std::vector<int>& classes) const;
    void startEpoch();
    void finishEpoch();
    void applyPenalties();
    void watchForEarlyStop(double watched);
    /// Stops with a message that says what was seen: a loss that blew up from a normal scale
    /// (lower the learning rate) or data on a huge scale (rescale them).
    void diverge(int epoch, float loss);

    NetworkSpec m_network;
    TrainingSpec m_training;
    DataSpec m_dataSpec;
    std::shared_ptr<const DataSplit> m_split;
    const DataSplit& m_data;  // *m_split
    Task m_task;
    std::unique_ptr<Model> m_model;
    std::unique_ptr<Loss> m_trainLoss;  // fused with the output activation when possible
    std::unique_ptr<Loss> m_evalLoss;   // on outputs after the activation
    std::unique_ptr<Optimizer> m_optimizer;
    bool m_fused = false;
    bool m_evaluateEpochs = true;
    int m_trainEnd = 0;     // layers run while training (the last is skipped when fused)
    int m_outputCount = 0;  // values per sample the network gives
    int m_outputSteps = 1;  // steps of a sequence output, each trained on its own target
    OutputReading m_reading;
    float m_inputScale = 0.0f;   // largest |value| of the training inputs
    float m_targetScale = 0.0f;  // largest |value| of the regression targets

    Matrix m_trainTargets, m_valTargets, m_testTargets;
    std::vector<int> m_order;
    bool m_ownSamples = false;  // m_order was set by setTrainingSamples
    int m_cursor = 0;
    Matrix m_batchX, m_batchY;
    Matrix m_evalOut;
    std::vector<int> m_evalClasses;
    SupervisedViews m_views;

    Random m_rng;
    Augmenter m_augmenter;  // changes each training batch (its own seeded stream)
    int m_epoch = 0;
    int m_keptEpoch = 0;
    long long m_batches = 0;
    double m_epochLossSum = 0;
    int m_epochSamples = 0;
    History m_history;
    std::vector<Matrix> m_lastGood;  // weights at the start of the current epoch
    std::vector<Matrix> m_best;      // weights at the best watched loss (early stopping)
    double m_bestLoss = INFINITY;
    int m_bestEpoch = 0;
    int m_sinceBest = 0;
    StopReason m_stopReason = StopReason::None;
    std::string m_stopMessage;
};

}  // namespace nnplay
