// SPDX-License-Identifier: GPL-3.0-or-later
#include "train/TrainingSession.h"

#include <algorithm>
#include <cmath>
#include <numeric>

#include "MessageText.h"
#include "Random.h"
#include "data/DataLoader.h"
#include "loss/Loss.h"
#include "train/NetworkCheck.h"
#include "train/SettingsCheck.h"
#include "train/SupervisedFigures.h"

namespace nnplay {

namespace {

/// Columns per forward pass when predicting or scoring many samples: slices this wide keep
/// each layer's activations in cache (a 200x200 grid through 64-unit layers takes 10% longer
/// in slices of 512).
constexpr Eigen::Index kSlice = 256;

float largestMagnitude(const Matrix& m) { return m.size() ? m.cwiseAbs().maxCoeff() : 0.0f; }

/// Beyond this magnitude the data, not the learning rate, make the loss overflow: a squared
/// error of 1e6 is already 1e12, and one gradient step multiplies values of that size.
constexpr float kHugeValue = 1e6f;

}  // namespace

TrainingSession::TrainingSession(const Project& project, DataSplit data)
    : TrainingSession(project, std::make_shared<const DataSplit>(std::move(data))) {}

TrainingSession::TrainingSession(const Project& project, std::shared_ptr<const DataSplit> data)
    : m_network(project.network()),
      m_training(project.training),
      m_dataSpec(project.data),
      m_split(std::move(data)),
      m_data(*m_split),
      m_task(m_data.info.task),
      m_rng(project.training.seed + 1),
      // A stream of its own, so turning augmentation on does not change the shuffling.
      m_augmenter(project.training.augmentation, m_data.info, project.data.features,
                  project.training.seed + 2) {
    checkTrainingSpec(m_training);
    checkAugmentationFits(m_training.augmentation, m_dataSpec.source);
    const ShapeReport report = checkNetwork(m_network, m_data.info, m_training.loss);
    if (!report.ok()) throw InputError(report.error);
    const Shape output = report.layers.back().output;
    m_outputCount = output.size();
    m_outputSteps = output.isSequence() ? output.steps : 1;
    if (m_data.train.sampleCount() == 0) throw InputError("the training part has no samples");
    if (m_outputSteps > 1) {
        // A prediction at every step needs a target at every step.
        const Dataset& train = m_data.train;
        const bool perStep = m_task == Task::Classification
                                 ? train.stepLabels.rows() == m_outputSteps
                                 : train.stepTargets.rows() == m_outputSteps * output.stepSize();
        if (!perStep)
            throw InputError("The network predicts at each of its " +
                             std::to_string(m_outputSteps) +
                             " steps (return_sequences is on in its last recurrent layer), but "
                             "the data give one target per sample: turn return_sequences off "
                             "there, or use sequence data that predict every step (sine, text)");
    }

    m_reading = OutputReading::of(m_network, output.stepSize());
    m_fused = (m_training.loss == LossKind::Bce && m_reading.kind() == OutputKind::Probability) ||
              (m_training.loss == LossKind::Cce && m_reading.kind() == OutputKind::Distribution);
    m_model = std::make_unique<Model>(m_network, m_data.info.inputShape, m_training.init,
                                      m_training.seed);
    m_trainEnd = m_model->layerCount() - (m_fused ? 1 : 0);
    m_trainLoss = makeLoss(m_training.loss, m_fused);
    m_evalLoss = makeLoss(m_training.loss, false);
    m_optimizer = makeOptimizer(m_training.optimizer);

    buildTargets(m_data.train, m_trainTargets);
    buildTargets(m_data.validation, m_valTargets);
    buildTargets(m_data.test, m_testTargets);
    m_inputScale = largestMagnitude(m_data.train.inputs);
    if (m_task == Task::Regression) m_targetScale = largestMagnitude(m_trainTargets);
    m_order.resize(m_data.train.sampleCount());
    std::iota(m_order.begin(), m_order.end(), 0);

    if (m_network.hasParams()) {
        m_history = project.history;
        m_epoch = m_history.lastEpoch();
        m_keptEpoch = m_epoch;
    }
    if (m_history.empty()) {
        using namespace HistoryColumn;
        const bool validation = m_data.validation.sampleCount() > 0;
        std::vector<std::string> columns{kEpoch, kTrainLoss};
        if (validation) columns.push_back(kValLoss);
        columns.insert(columns.end(), {kTestLoss, kTrainAccuracy});
        if (validation) columns.push_back(kValAccuracy);
        columns.push_back(kTestAccuracy);
        m_history = History(std::move(columns));
    }
    m_lastGood = m_model->paramValues();
    m_best = m_lastGood;
}

void TrainingSession::buildTargets(const Dataset& set, Matrix& out) const {
    const int n = set.sampleCount();
    const int steps = m_outputSteps;
    if (m_task == Task::Regression) {
        out = steps > 1 ? set.stepTargets : set.targets;
        return;
    }
    const int units = m_reading.outputs();
    const float negative = m_reading.absentTarget();
    out.setConstant(static_cast<Eigen::Index>(units) * steps, n, negative);
    for (int i = 0; i < n; ++i)
        for (int t = 0; t < steps; ++t) {
            const int label = steps > 1 ? set.stepLabels(t, i) : set.labels[i];
            if (units == 1)
                out(t, i) = label == 1 ? 1.0f : negative;
            else
                out(t * units + label, i) = 1.0f;
        }
}

ConstMatrixRef TrainingSession::perStep(const ConstMatrixRef& batch) const {
    return m_outputSteps > 1 ? ConstMatrixRef(stepColumns(batch, m_outputSteps)) : batch;
}

void TrainingSession::setTrainingSamples(std::vector<int> samples) {
    const int n = m_data.train.sampleCount();
    if (static_cast<int>(samples.size()) != n)
        throw InputError("a member's training sample must have as many samples as the training "
                         "part (" + std::to_string(n) + ")");
    for (const int i : samples)
        if (i < 0 || i >= n) throw InputError("a training sample index is out of range");
    m_order = std::move(samples);
    m_ownSamples = true;
    m_cursor = 0;
}

int TrainingSession::stepsPerEpoch() const {
    const int n = m_data.train.sampleCount();
    return n == 0 ? 0 : (n - 1) / m_training.batchSize + 1;
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

bool TrainingSession::step() { return trainStep(nullptr); }

bool TrainingSession::stepRecorded(SessionViews::StepStages& stages) {
    stages = {};
    return trainStep(&stages);
}

bool TrainingSession::trainStep(SessionViews::StepStages* stages) {
    if (stopped()) return false;
    if (m_cursor == 0) startEpoch();
    const int n = m_data.train.sampleCount();
    const int count = std::min(m_training.batchSize, n - m_cursor);
    const Matrix& inputs = m_data.train.inputs;

    float batchLoss = 0.0f;
    auto trainOn = [&](const ConstMatrixRef& x, const ConstMatrixRef& y) {
        ConstMatrixRef prediction = m_model->forward(x, Mode::Train, m_trainEnd);
        batchLoss = m_trainLoss->compute(perStep(prediction), perStep(y), true);
        if (m_outputSteps > 1)
            m_model->backward(sampleColumns(m_trainLoss->gradient(), m_outputSteps), m_trainEnd);
        else
            m_model->backward(m_trainLoss->gradient(), m_trainEnd);
    };
    const bool augment = m_augmenter.active();
    if (m_training.shuffle || augment || m_ownSamples) {
        // A batch never holds more than the training part, whatever the batch size says.
        const int columns = std::min(m_training.batchSize, n);
        if (m_batchX.rows() != inputs.rows() || m_batchX.cols() < columns) {
            m_batchX.resize(inputs.rows(), columns);
            m_batchY.resize(m_trainTargets.rows(), columns);
        }
        for (int j = 0; j < count; ++j) {
            const int sample =
                m_training.shuffle || m_ownSamples ? m_order[m_cursor + j] : m_cursor + j;
            if (augment)
                m_augmenter.augment(m_data.train, sample, m_batchX.col(j));
            else
                m_batchX.col(j) = inputs.col(sample);
            m_batchY.col(j) = m_trainTargets.col(sample);
        }
        trainOn(m_batchX.leftCols(count), m_batchY.leftCols(count));
    } else {
        trainOn(inputs.middleCols(m_cursor, count), m_trainTargets.middleCols(m_cursor, count));
    }

    if (!std::isfinite(batchLoss)) {
        diverge(m_epoch + 1, batchLoss);
        m_cursor = 0;
        return false;
    }
    applyPenalties();
    if (stages) {
        stages->samples.resize(static_cast<std::size_t>(count));
        for (int j = 0; j < count; ++j)
            stages->samples[static_cast<std::size_t>(j)] =
                m_training.shuffle || m_ownSamples ? m_order[m_cursor + j] : m_cursor + j;
        stages->loss = batchLoss;
        SupervisedViews::copyDenseWeights(*m_model, SupervisedViews::Part::Gradients,
                                          stages->gradients);
        SupervisedViews::copyDenseWeights(*m_model, SupervisedViews::Part::Values,
                                          stages->weightsBefore);
    }
    m_optimizer->step(m_model->params());
    ++m_batches;
    if (stages) {
        SupervisedViews::copyDenseWeights(*m_model, SupervisedViews::Part::Values,
                                          stages->weightsAfter);
        stages->step = m_batches;
    }
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
        if (!p.penaltyApplies()) continue;
        if (m_training.l2 != 0.0f) *p.grad += m_training.l2 * *p.value;
        if (m_training.l1 != 0.0f) p.grad->array() += m_training.l1 * p.value->array().sign();
    }
}

void TrainingSession::finishEpoch() {
    using namespace HistoryColumn;
    ++m_epoch;
    const std::size_t row = m_history.addRow();
    m_history.set(row, kEpoch, static_cast<float>(m_epoch));
    float trainLoss = NAN;
    double watched = NAN;
    if (m_evaluateEpochs) {
        const Score train = score(m_data.train);
        const Score test = score(m_data.test);
        trainLoss = static_cast<float>(train.loss);
        m_history.set(row, kTrainLoss, trainLoss);
        m_history.set(row, kTestLoss, static_cast<float>(test.loss));
        m_history.set(row, kTrainAccuracy, static_cast<float>(train.accuracy));
        m_history.set(row, kTestAccuracy, static_cast<float>(test.accuracy));
        watched = test.loss;
        if (m_data.validation.sampleCount() > 0) {
            const Score validation = score(m_data.validation);
            m_history.set(row, kValLoss, static_cast<float>(validation.loss));
            m_history.set(row, kValAccuracy, static_cast<float>(validation.accuracy));
            watched = validation.loss;
        }
    } else {
        trainLoss = static_cast<float>(m_epochLossSum / std::max(1, m_epochSamples));
        m_history.set(row, kTrainLoss, trainLoss);
    }

    if (!std::isfinite(trainLoss)) {
        diverge(m_epoch, trainLoss);
        return;
    }
    m_keptEpoch = m_epoch;
    if (m_training.patience > 0 && std::isfinite(watched)) watchForEarlyStop(watched);
}

void TrainingSession::watchForEarlyStop(double watched) {
    if (watched < m_bestLoss) {
        m_bestLoss = watched;
        m_bestEpoch = m_epoch;
        m_sinceBest = 0;
        const std::vector<Param>& params = m_model->params();
        for (std::size_t i = 0; i < params.size(); ++i) m_best[i] = *params[i].value;
        return;
    }
    if (++m_sinceBest < m_training.patience) return;
    m_model->setParamValues(m_best);
    m_keptEpoch = m_bestEpoch;
    m_stopReason = StopReason::EarlyStopped;
    const std::string part = m_data.validation.sampleCount() > 0 ? "validation" : "test";
    m_stopMessage = "Early stopping after epoch " + std::to_string(m_epoch) + ": the " + part +
                    " loss has not improved for " + std::to_string(m_training.patience) +
                    " epochs. The weights of epoch " + std::to_string(m_bestEpoch) + " (" + part +
                    " loss " + numberForMessage(m_bestLoss) + ") are restored.";
}

void TrainingSession::diverge(int epoch, float loss) {
    m_model->setParamValues(m_lastGood);
    m_keptEpoch = epoch - 1;
    m_stopReason = StopReason::Diverged;
    std::string message = "Training diverged in epoch " + std::to_string(epoch) + ": the loss " +
                          (std::isnan(loss) ? "became NaN" : "became infinite");
    // The last finite training loss, to show where it blew up from.
    const int trainColumn = m_history.column(HistoryColumn::kTrainLoss);
    for (std::size_t r = m_history.size(); r-- > 0;) {
        const float before = m_history.value(r, trainColumn);
        if (std::isfinite(before)) {
            message += " (it was " + numberForMessage(before) + " after epoch " +
                       std::to_string(m_history.epoch(r)) + ")";
            break;
        }
    }
    message += ". The weights from before that epoch are kept. ";
    if (m_inputScale > kHugeValue || m_targetScale > kHugeValue) {
        const bool inputs = m_inputScale > kHugeValue;
        message += std::string("The ") + (inputs ? "inputs" : "targets") +
                   " are on a huge scale (up to " +
                   numberForMessage(inputs ? m_inputScale : m_targetScale) +
                   "): values this large overflow the arithmetic whatever the learning rate. " +
                   (inputs ? "Standardise the inputs in the data panel or rescale the columns"
                           : "Rescale the target column") +
                   " to values near -10..10.";
    } else {
        message +=
            "The updates were too large for this network: try a smaller learning "
            "rate (now " +
            numberForMessage(m_training.optimizer.learningRate) + ").";
    }
    m_stopMessage = message;
}

void TrainingSession::resume() {
    if (!stopped()) return;
    if (m_stopReason == StopReason::Diverged) {
        std::size_t keep = m_history.size();
        while (keep > 0 && m_history.epoch(keep - 1) > m_keptEpoch) --keep;
        m_history.truncate(keep);
        m_epoch = m_keptEpoch;
        m_optimizer = makeOptimizer(m_training.optimizer);
    }
    m_cursor = 0;
    m_sinceBest = 0;
    m_stopReason = StopReason::None;
    m_stopMessage.clear();
}

void TrainingSession::updateTraining(const TrainingSpec& training) {
    checkTrainingSpec(training);
    checkAugmentationFits(training.augmentation, m_dataSpec.source);
    if (training.loss != m_training.loss) throw InputError("changing the loss needs a reset");
    if (training.optimizer.kind != m_training.optimizer.kind)
        m_optimizer = makeOptimizer(training.optimizer);
    else
        m_optimizer->setSettings(training.optimizer);
    m_augmenter.setSpec(training.augmentation);
    if (training.batchSize != m_training.batchSize) m_cursor = 0;  // restart the epoch's batches
    m_training = training;
}

void TrainingSession::predict(const ConstMatrixRef& inputs, Matrix& out) {
    // Large inputs (a boundary grid) go through in slices whose activations stay in cache.
    const Eigen::Index n = inputs.cols();
    if (out.rows() != m_outputCount || out.cols() != n) out.resize(m_outputCount, n);
    for (Eigen::Index start = 0; start < n; start += kSlice) {
        const Eigen::Index count = std::min(kSlice, n - start);
        out.middleCols(start, count) =
            m_model->forward(inputs.middleCols(start, count), Mode::Infer);
    }
}

void TrainingSession::classifyTrainingOutput(const ConstMatrixRef& output,
                                             std::vector<int>& classes) const {
    if (!m_fused) {
        m_reading.classify(output, classes);
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
    const Matrix* targets = &set == &m_data.train        ? &m_trainTargets
                            : &set == &m_data.validation ? &m_valTargets
                            : &set == &m_data.test       ? &m_testTargets
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
        ConstMatrixRef out =
            m_model->forward(set.inputs.middleCols(start, count), Mode::Infer, m_trainEnd);
        lossSum += static_cast<double>(loss.compute(
                       perStep(out), perStep(targets->middleCols(start, count)), false)) *
                   static_cast<double>(count);
        if (classification) {
            // Every step of a sequence output counts: its columns are (sample, step) pairs.
            classifyTrainingOutput(perStep(out), m_evalClasses);
            for (Eigen::Index i = 0; i < count; ++i)
                for (int t = 0; t < m_outputSteps; ++t)
                    correct +=
                        m_evalClasses[i * m_outputSteps + t] ==
                        (m_outputSteps > 1 ? set.stepLabels(t, start + i) : set.labels[start + i]);
        }
    }
    result.loss = lossSum / static_cast<double>(n);
    if (classification)
        result.accuracy = static_cast<double>(correct) / static_cast<double>(n * m_outputSteps);
    return result;
}

ClassificationMetrics TrainingSession::classificationMetrics(const Dataset& set) {
    predict(set.inputs, m_evalOut);
    if (m_outputSteps > 1) {
        // One (sample, step) pair per column, in the order stepLabels stores them.
        std::vector<int> classes;
        m_reading.classify(perStep(m_evalOut), classes);
        const std::vector<int> labels(set.stepLabels.data(),
                                      set.stepLabels.data() + set.stepLabels.size());
        return nnplay::classificationMetrics(labels, classes, m_data.info.classCount());
    }
    const std::vector<int> classes = classify(m_evalOut);
    ClassificationMetrics metrics =
        nnplay::classificationMetrics(set.labels, classes, m_data.info.classCount());
    if (!set.groups.empty())
        metrics.groupAccuracy =
            groupAccuracies(set.labels, classes, set.groups, m_data.info.groupCount());
    return metrics;
}

RegressionMetrics TrainingSession::regressionMetrics(const Dataset& set) {
    predict(set.inputs, m_evalOut);
    if (m_outputSteps > 1)
        return nnplay::regressionMetrics(perStep(m_evalOut), perStep(set.stepTargets));
    return nnplay::regressionMetrics(m_evalOut, set.targets);
}

void TrainingSession::setParameter(int layerIndex, int tensor, int row, int col, float value) {
    const int index = m_model->paramIndex(layerIndex, tensor);
    if (index < 0) throw InputError("This layer has no such weights to set.");
    Matrix& values = *m_model->params()[static_cast<std::size_t>(index)].value;
    if (row < 0 || row >= values.rows() || col < 0 || col >= values.cols())
        throw InputError("This layer has no such weight to set.");
    if (!std::isfinite(value)) throw InputError("A weight must be a number.");
    values(row, col) = value;
    // The weights kept for early stopping and divergence keep the hand-set value too.
    for (std::vector<Matrix>* kept : {&m_lastGood, &m_best}) {
        const auto k = static_cast<std::size_t>(index);
        if (k < kept->size() && (*kept)[k].rows() == values.rows() &&
            (*kept)[k].cols() == values.cols())
            (*kept)[k](row, col) = value;
    }
}

void TrainingSession::storeInto(Project& project) const {
    project.network() = m_network;
    m_model->storeParams(project.network());
    project.history = m_history;
    project.preprocessing = Preprocessing::of(m_data);
    project.ensembleMembers.clear();  // one network's weights: no other members go with them
}

void TrainingSession::fillViews(const ViewRequest& request, SessionViews& views) {
    m_views.fill(*this, request, views);
}

std::vector<Session::Figure> TrainingSession::results() {
    return supervisedFigures(*this, m_keptEpoch);
}

}  // namespace nnplay
