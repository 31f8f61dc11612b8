// SPDX-License-Identifier: GPL-3.0-or-later
#include "train/TrainingSession.h"

#include <cmath>
#include <numeric>
#include <sstream>

#include "Random.h"
#include "data/DataLoader.h"
#include "train/NetworkCheck.h"

namespace nnplay {

namespace {

void checkTraining(const TrainingSpec& t) {
    if (t.batchSize < 1) throw InputError("the batch size must be at least 1");
    if (t.epochs < 0) throw InputError("the number of epochs cannot be negative");
    if (!(t.l1 >= 0.0f) || !(t.l2 >= 0.0f) || !std::isfinite(t.l1) || !std::isfinite(t.l2))
        throw InputError("the L1 and L2 rates must be zero or positive numbers");
    if (t.patience < 0) throw InputError("the early-stopping patience cannot be negative");
    const OptimizerSettings& o = t.optimizer;
    if (!(o.momentum >= 0.0f && o.momentum < 1.0f))
        throw InputError("the momentum must be at least 0 and below 1");
    if (!(o.beta1 >= 0.0f && o.beta1 < 1.0f) || !(o.beta2 >= 0.0f && o.beta2 < 1.0f) ||
        !(o.rho >= 0.0f && o.rho < 1.0f))
        throw InputError("beta1, beta2 and rho must be at least 0 and below 1");
    if (!(o.epsilon > 0.0f)) throw InputError("epsilon must be positive");
}

/// Columns per forward pass when predicting or scoring many samples: slices this wide keep
/// each layer's activations in cache (a 200x200 grid through 64-unit layers takes 10% longer
/// in slices of 512).
constexpr Eigen::Index kSlice = 256;

std::string formatLoss(double v) {
    std::ostringstream s;
    s << v;
    return s.str();
}

}  // namespace

std::unique_ptr<TrainingSession> TrainingSession::fromProject(const Project& project,
                                                              const std::string& baseDir) {
    return std::make_unique<TrainingSession>(project,
                                             loadData(project.data, project.task, baseDir));
}

TrainingSession::TrainingSession(const Project& project, DataSplit data)
    : m_network(project.network()),
      m_training(project.training),
      m_data(std::move(data)),
      m_task(m_data.info.task),
      m_rng(project.training.seed + 1) {
    checkTraining(m_training);
    const ShapeReport report = checkNetwork(m_network, m_data.info, m_training.loss);
    if (!report.ok()) throw InputError(report.error);
    m_outputCount = report.layers.back().output.size();
    if (m_data.train.sampleCount() == 0) throw InputError("the training part has no samples");

    m_outputActivation = m_network.layers.back().type;
    m_fused = (m_training.loss == LossKind::Bce && m_outputActivation == "sigmoid") ||
              (m_training.loss == LossKind::Cce && m_outputActivation == "softmax");
    m_model = std::make_unique<Model>(m_network, m_data.info.inputShape, m_training.init,
                                      m_training.seed);
    m_trainEnd = m_model->layerCount() - (m_fused ? 1 : 0);
    m_trainLoss = makeLoss(m_training.loss, m_fused);
    m_evalLoss = makeLoss(m_training.loss, false);
    m_optimizer = makeOptimizer(m_training.optimizer);

    buildTargets(m_data.train, m_trainTargets);
    buildTargets(m_data.test, m_testTargets);
    m_order.resize(m_data.train.sampleCount());
    std::iota(m_order.begin(), m_order.end(), 0);

    if (m_network.hasParams()) {
        m_history = project.history;
        m_epoch = m_history.empty() ? 0 : m_history.back().epoch;
    }
    m_lastGood = m_model->paramValues();
    m_best = m_lastGood;
}

void TrainingSession::buildTargets(const Dataset& set, Matrix& out) const {
    const int n = set.sampleCount();
    if (m_task == Task::Regression) {
        out = set.targets;
        return;
    }
    const int units = m_outputCount;
    const float negative = m_outputActivation == "tanh" ? -1.0f : 0.0f;
    out.setConstant(units, n, units == 1 ? negative : 0.0f);
    for (int i = 0; i < n; ++i) {
        if (units == 1)
            out(0, i) = set.labels[i] == 1 ? 1.0f : negative;
        else
            out(set.labels[i], i) = 1.0f;
    }
}

int TrainingSession::batchesPerEpoch() const {
    const int n = m_data.train.sampleCount();
    return (n + m_training.batchSize - 1) / m_training.batchSize;
}

void TrainingSession::startEpoch() {
    if (m_training.shuffle) m_rng.shuffle(m_order);
    m_cursor = 0;
    m_epochLossSum = 0.0;
    m_epochSamples = 0;
    // Keep the weights this epoch starts from, for a divergence later in it. Same-sized
    // assignments do not allocate.
    const std::vector<Param>& params = m_model->params();
    for (std::size_t i = 0; i < params.size(); ++i) m_lastGood[i] = *params[i].value;
}

bool TrainingSession::stepBatch() {
    if (stopped()) return false;
    if (m_cursor == 0) startEpoch();
    const int n = m_data.train.sampleCount();
    const int count = std::min(m_training.batchSize, n - m_cursor);
    const Matrix& inputs = m_data.train.inputs;

    float batchLoss = 0.0f;
    auto trainOn = [&](const ConstMatrixRef& x, const ConstMatrixRef& y) {
        ConstMatrixRef prediction = m_model->forward(x, Mode::Train, m_trainEnd);
        batchLoss = m_trainLoss->compute(prediction, y, true);
        m_model->backward(m_trainLoss->gradient(), m_trainEnd);
    };
    if (m_training.shuffle) {
        if (m_batchX.rows() != inputs.rows() || m_batchX.cols() < m_training.batchSize) {
            m_batchX.resize(inputs.rows(), m_training.batchSize);
            m_batchY.resize(m_trainTargets.rows(), m_training.batchSize);
        }
        for (int j = 0; j < count; ++j) {
            m_batchX.col(j) = inputs.col(m_order[m_cursor + j]);
            m_batchY.col(j) = m_trainTargets.col(m_order[m_cursor + j]);
        }
        trainOn(m_batchX.leftCols(count), m_batchY.leftCols(count));
    } else {
        trainOn(inputs.middleCols(m_cursor, count), m_trainTargets.middleCols(m_cursor, count));
    }

    if (!std::isfinite(batchLoss)) {
        m_model->setParamValues(m_lastGood);
        m_stopReason = StopReason::Diverged;
        m_stopMessage = "Training diverged in epoch " + std::to_string(m_epoch + 1) +
                        ": the loss became " + (std::isnan(batchLoss) ? "NaN" : "infinite") +
                        ". The weights from before that epoch are kept; try a smaller "
                        "learning rate.";
        m_cursor = 0;
        return false;
    }
    applyPenalties();
    m_optimizer->step(m_model->params());
    ++m_batches;
    m_epochLossSum += static_cast<double>(batchLoss) * count;
    m_epochSamples += count;
    m_cursor += count;
    if (m_cursor < n) return false;
    m_cursor = 0;
    finishEpoch();
    return true;
}

void TrainingSession::applyPenalties() {
    if (m_training.l1 == 0.0f && m_training.l2 == 0.0f) return;
    for (const Param& p : m_model->params()) {
        if (!p.regularized) continue;
        if (m_training.l2 != 0.0f) *p.grad += m_training.l2 * *p.value;
        if (m_training.l1 != 0.0f) p.grad->array() += m_training.l1 * p.value->array().sign();
    }
}

void TrainingSession::finishEpoch() {
    ++m_epoch;
    EpochRecord record;
    record.epoch = m_epoch;
    if (m_evaluateEpochs) {
        const Score train = score(m_data.train);
        const Score test = score(m_data.test);
        record.trainLoss = static_cast<float>(train.loss);
        record.testLoss = static_cast<float>(test.loss);
        record.trainAccuracy = static_cast<float>(train.accuracy);
        record.testAccuracy = static_cast<float>(test.accuracy);
    } else {
        record.trainLoss = static_cast<float>(m_epochLossSum / std::max(1, m_epochSamples));
    }
    m_history.push_back(record);

    if (!std::isfinite(record.trainLoss)) {
        m_model->setParamValues(m_lastGood);
        m_stopReason = StopReason::Diverged;
        m_stopMessage = "Training diverged in epoch " + std::to_string(m_epoch) +
                        ": the loss is " + formatLoss(record.trainLoss) +
                        ". The weights from before that epoch are kept; try a smaller learning "
                        "rate.";
        return;
    }
    if (m_training.patience > 0 && std::isfinite(record.testLoss)) {
        if (record.testLoss < m_bestLoss) {
            m_bestLoss = record.testLoss;
            m_bestEpoch = m_epoch;
            m_sinceBest = 0;
            const std::vector<Param>& params = m_model->params();
            for (std::size_t i = 0; i < params.size(); ++i) m_best[i] = *params[i].value;
        } else if (++m_sinceBest >= m_training.patience) {
            m_model->setParamValues(m_best);
            m_stopReason = StopReason::EarlyStopped;
            m_stopMessage = "Early stopping after epoch " + std::to_string(m_epoch) +
                            ": the test loss has not improved for " +
                            std::to_string(m_training.patience) +
                            " epochs. The weights of epoch " + std::to_string(m_bestEpoch) +
                            " (test loss " + formatLoss(m_bestLoss) + ") are restored.";
        }
    }
}

EpochRecord TrainingSession::stepEpoch() {
    while (!stopped()) {
        if (stepBatch()) break;
    }
    return m_history.empty() ? EpochRecord{} : m_history.back();
}

void TrainingSession::run(int epochs) {
    for (int i = 0; i < epochs && !stopped(); ++i) stepEpoch();
}

void TrainingSession::updateTraining(const TrainingSpec& training) {
    checkTraining(training);
    if (training.loss != m_training.loss)
        throw InputError("changing the loss needs a reset");
    if (training.optimizer.kind != m_training.optimizer.kind)
        m_optimizer = makeOptimizer(training.optimizer);
    else if (!(training.optimizer.learningRate > 0.0f) ||
             !std::isfinite(training.optimizer.learningRate))
        throw InputError("the learning rate must be a positive number");
    else
        m_optimizer->setSettings(training.optimizer);
    if (training.batchSize != m_training.batchSize) m_cursor = 0;  // restart the epoch's batches
    m_training = training;
}

void TrainingSession::predict(const ConstMatrixRef& inputs, Matrix& out) {
    // Large inputs (a boundary grid) go through in slices whose activations stay in cache.
    const Eigen::Index n = inputs.cols();
    if (out.rows() != m_outputCount || out.cols() != n) out.resize(m_outputCount, n);
    for (Eigen::Index start = 0; start < n; start += kSlice) {
        const Eigen::Index count = std::min(kSlice, n - start);
        out.middleCols(start, count) = m_model->forward(inputs.middleCols(start, count), Mode::Infer);
    }
}

std::vector<int> TrainingSession::classify(const ConstMatrixRef& predictions) const {
    std::vector<int> classes(predictions.cols());
    if (predictions.rows() == 1) {
        const float threshold = m_outputActivation == "tanh" ? 0.0f : 0.5f;
        for (Eigen::Index i = 0; i < predictions.cols(); ++i)
            classes[i] = predictions(0, i) >= threshold ? 1 : 0;
    } else {
        for (Eigen::Index i = 0; i < predictions.cols(); ++i)
            predictions.col(i).maxCoeff(&classes[i]);
    }
    return classes;
}

void TrainingSession::classifyTrainingOutput(const ConstMatrixRef& output,
                                             std::vector<int>& classes) const {
    if (!m_fused) {
        classes = classify(output);
        return;
    }
    // Fused outputs are logits: sigmoid(z) >= 0.5 exactly when z >= 0, and softmax keeps the
    // order of its inputs.
    classes.resize(static_cast<std::size_t>(output.cols()));
    for (Eigen::Index i = 0; i < output.cols(); ++i) {
        if (output.rows() == 1)
            classes[i] = output(0, i) >= 0.0f ? 1 : 0;
        else
            output.col(i).maxCoeff(&classes[i]);
    }
}

TrainingSession::Score TrainingSession::score(const Dataset& set) {
    Score result;
    const Eigen::Index n = set.sampleCount();
    if (n == 0) return result;
    const Matrix* targets = &set == &m_data.train  ? &m_trainTargets
                            : &set == &m_data.test ? &m_testTargets
                                                   : nullptr;
    Matrix own;
    if (!targets) {
        buildTargets(set, own);
        targets = &own;
    }
    Loss& loss = m_fused ? *m_trainLoss : *m_evalLoss;
    const bool classification = m_task == Task::Classification;
    double lossSum = 0.0;
    long long correct = 0;
    for (Eigen::Index start = 0; start < n; start += kSlice) {
        const Eigen::Index count = std::min(kSlice, n - start);
        ConstMatrixRef out = m_model->forward(set.inputs.middleCols(start, count), Mode::Infer,
                                              m_trainEnd);
        lossSum += static_cast<double>(loss.compute(out, targets->middleCols(start, count), false)) *
                   static_cast<double>(count);
        if (classification) {
            classifyTrainingOutput(out, m_evalClasses);
            for (Eigen::Index i = 0; i < count; ++i)
                correct += m_evalClasses[i] == set.labels[start + i];
        }
    }
    result.loss = lossSum / static_cast<double>(n);
    if (classification) result.accuracy = static_cast<double>(correct) / static_cast<double>(n);
    return result;
}

ClassificationMetrics TrainingSession::classificationMetrics(const Dataset& set) {
    predict(set.inputs, m_evalOut);
    return nnplay::classificationMetrics(set.labels, classify(m_evalOut),
                                         m_data.info.classCount());
}

RegressionMetrics TrainingSession::regressionMetrics(const Dataset& set) {
    predict(set.inputs, m_evalOut);
    return nnplay::regressionMetrics(m_evalOut, set.targets);
}

void TrainingSession::storeInto(Project& project) const {
    project.network() = m_network;
    m_model->storeParams(project.network());
    project.history = m_history;
}

}  // namespace nnplay
