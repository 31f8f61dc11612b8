// SPDX-License-Identifier: GPL-3.0-or-later
#include "train/GanSession.h"

#include <algorithm>
#include <cmath>

#include "MessageText.h"
#include "data/PlaneGenerators.h"
#include "layers/LayerRegistry.h"
#include "train/EditRules.h"
#include "train/GanMeasures.h"
#include "train/NetworkCheck.h"
#include "train/SettingsCheck.h"
#include "train/SupervisedViews.h"

namespace nnplay {

namespace {

/// Cells per side of the manifold the views get.
constexpr int kManifoldSize = 20;
/// Fewest generated samples the measures use (a target drawn by hand may have only a few).
constexpr int kMinMeasureSamples = 1000;
/// Columns per forward pass when generating many samples.
constexpr Eigen::Index kSlice = 1024;

float sigmoid(float z) { return 0.5f * (std::tanh(0.5f * z) + 1.0f); }

/// The seeds of the parts of a GAN, all derived from training.seed.
std::uint32_t discriminatorSeed(std::uint32_t seed) { return seed + 1; }
std::uint32_t batchSeed(std::uint32_t seed) { return seed + 2; }
std::uint32_t measureSeed(std::uint32_t seed) { return seed + 3; }
std::uint32_t viewSeed(std::uint32_t seed) { return seed + 4; }

}  // namespace

GanSession::GanSession(const Project& project, DataSplit data)
    : m_spec(project.gan),
      m_data(std::move(data)),
      m_modes(ganTargetModes(project.data.source)),
      m_objective(project.gan.loss),
      m_rng(batchSeed(project.gan.seed)) {
    if (project.task != Task::Gan) throw InputError("the project is not a GAN (task \"gan\")");
    checkGanSpec(m_spec);
    const GanShapeReports reports = checkGanNetworks(project);
    if (!reports.ok()) throw InputError(reports.error());
    const Shape sample = m_data.info.inputShape;
    if (sample.size() != ganTargetShape(project.data).size())
        throw InputError("the data's samples do not have the shape of the project's GAN target");
    if (m_data.train.sampleCount() == 0) throw InputError("the GAN's data has no samples");
    m_generatorSpec = *project.findNetwork(Project::kGenerator);
    m_discriminatorSpec = *project.findNetwork(Project::kDiscriminator);
    m_generator = std::make_unique<Model>(m_generatorSpec, Shape::flat(m_spec.noise.dim),
                                          m_spec.init, m_spec.seed);
    m_discriminator = std::make_unique<Model>(m_discriminatorSpec, sample, m_spec.init,
                                              discriminatorSeed(m_spec.seed));
    m_generatorOptimizer = makeOptimizer(m_spec.generator);
    m_discriminatorOptimizer = makeOptimizer(m_spec.discriminator);
    m_endsInSigmoid =
        LayerRegistry::builtin().outputKind(m_discriminatorSpec) == OutputKind::Probability;
    m_discriminatorEnd =
        m_discriminator->layerCount() - (m_objective.readsLogit() && m_endsInSigmoid ? 1 : 0);

    const auto batch = static_cast<Eigen::Index>(m_spec.batchSize);
    m_noise.resize(m_spec.noise.dim, batch);
    m_mixed.resize(sample.size(), 2 * batch);
    Random viewRng(viewSeed(m_spec.seed));
    m_viewNoise.resize(m_spec.noise.dim, kViewSamples);
    drawNoise(m_viewNoise, viewRng);
    if (isPlane()) {
        const int count =
            std::clamp(m_data.train.sampleCount(), kMinMeasureSamples, kMeasureSamples);
        Random measureRng(measureSeed(m_spec.seed));
        m_measureNoise.resize(m_spec.noise.dim, count);
        drawNoise(m_measureNoise, measureRng);
        GanMeasures::histogram(m_data.train.inputs, kPlaneExtent, GanMeasures::kHistogramBins,
                               m_realShares);
    }

    if (m_generatorSpec.hasParams() || m_discriminatorSpec.hasParams()) {
        m_history = project.history;
        if (!m_history.empty()) {
            const float last = m_history.value(m_history.size() - 1, HistoryColumn::kStep);
            if (std::isfinite(last)) m_totalSteps = static_cast<long long>(last);
        }
    }
    if (m_history.empty()) {
        using namespace HistoryColumn;
        std::vector<std::string> columns{kStep, kDLoss, kGLoss};
        if (isPlane()) columns.insert(columns.end(), {kJsDivergence, kKlDivergence});
        if (!m_modes.empty()) columns.insert(columns.end(), {kModesCovered, kModesTotal});
        m_history = History(std::move(columns));
    }
    keepWeights();
}

void GanSession::drawNoise(Matrix& noise, Random& rng) const {
    float* values = noise.data();
    const Eigen::Index count = noise.size();
    if (m_spec.noise.distribution == NoiseDistribution::Uniform) {
        for (Eigen::Index i = 0; i < count; ++i)
            values[i] = static_cast<float>(rng.uniform(-1.0, 1.0));
    } else {
        for (Eigen::Index i = 0; i < count; ++i) values[i] = static_cast<float>(rng.normal());
    }
}

ConstMatrixRef GanSession::discriminatorValues(const ConstMatrixRef& samples, Mode mode) {
    return m_discriminator->forward(samples, mode, m_discriminatorEnd);
}

void GanSession::gradientNorms(Model& model, std::vector<float>& out) {
    out.assign(static_cast<std::size_t>(model.layerCount()), 0.0f);
    for (int layer = 0; layer < model.layerCount(); ++layer) {
        double sum = 0.0;
        for (const Param& param : model.layer(layer).params())
            if (param.trainable) sum += static_cast<double>(param.grad->squaredNorm());
        out[static_cast<std::size_t>(layer)] = static_cast<float>(std::sqrt(sum));
    }
}

float GanSession::trainDiscriminator(GanStepRecord* record) {
    const Matrix& real = m_data.train.inputs;
    const auto batch = static_cast<Eigen::Index>(m_spec.batchSize);
    const auto available = static_cast<std::uint32_t>(real.cols());
    // Before the training forward: the map's forward would overwrite what backward reads.
    if (record && isPlane()) {
        record->gridSize = kRecordedGridSize;
        discriminatorGrid(kRecordedGridSize, record->dGridBefore);
    }
    for (Eigen::Index j = 0; j < batch; ++j) m_mixed.col(j) = real.col(m_rng.below(available));
    drawNoise(m_noise, m_rng);
    m_mixed.rightCols(batch) = m_generator->forward(m_noise, Mode::Train);
    const ConstMatrixRef values = discriminatorValues(m_mixed, Mode::Train);
    const float loss = m_objective.discriminatorLoss(values);
    if (record) {
        record->trainedDiscriminator = true;
        record->real = m_mixed.leftCols(batch);
        record->dNoise = m_noise;
        record->dFake = m_mixed.rightCols(batch);
        record->dValues = values;
        record->dLoss = loss;
    }
    if (!std::isfinite(loss)) return loss;
    m_discriminator->setInputGradientNeeded(false);
    m_discriminator->backward(m_objective.gradient(), m_discriminatorEnd);
    if (record) gradientNorms(*m_discriminator, record->dGradientNorms);
    m_discriminatorOptimizer->step(m_discriminator->params());
    if (record && isPlane()) discriminatorGrid(kRecordedGridSize, record->dGridAfter);
    return loss;
}

float GanSession::trainGenerator(SessionViews::StepStages* stages) {
    GanStepRecord* record = stages ? &stages->gan : nullptr;
    drawNoise(m_noise, m_rng);
    const ConstMatrixRef fake = m_generator->forward(m_noise, Mode::Train);
    if (record) record->gFake = fake;
    const ConstMatrixRef values = discriminatorValues(fake, Mode::Train);
    const float loss = m_objective.generatorLoss(values);
    if (record) {
        record->trainedGenerator = true;
        record->gNoise = m_noise;
        record->gValues = values;
        record->gLoss = loss;
    }
    if (!std::isfinite(loss)) return loss;
    // The generator's gradient is what the discriminator hands back for its input.
    m_discriminator->setInputGradientNeeded(true);
    const ConstMatrixRef towardsReal =
        m_discriminator->backward(m_objective.gradient(), m_discriminatorEnd);
    // The loss is a mean over the batch: times the batch, each fake's own gradient.
    if (record) record->fakeGradients = towardsReal * static_cast<float>(towardsReal.cols());
    m_generator->backward(towardsReal);
    using Part = SupervisedViews::Part;
    if (stages) {
        stages->loss = loss;
        SupervisedViews::copyDenseWeights(*m_generator, Part::Gradients, stages->gradients);
        SupervisedViews::copyDenseWeights(*m_generator, Part::Values, stages->weightsBefore);
        gradientNorms(*m_generator, record->gGradientNorms);
    }
    m_generatorOptimizer->step(m_generator->params());
    if (stages) {
        SupervisedViews::copyDenseWeights(*m_generator, Part::Values, stages->weightsAfter);
        stages->step = m_steps + 1;
        record->gFakeAfter = m_generator->forward(m_noise, Mode::Infer);
    }
    return loss;
}

bool GanSession::step() { return trainStep(nullptr); }

bool GanSession::stepRecorded(SessionViews::StepStages& stages) {
    stages = {};
    const bool row = trainStep(&stages);
    if (stopped()) stages = {};
    return row;
}

bool GanSession::trainStep(SessionViews::StepStages* stages) {
    if (stopped()) return false;
    float dLoss = NAN, gLoss = NAN;
    const bool trainD = m_stepMode != StepMode::GeneratorOnly;
    const bool trainG = m_stepMode != StepMode::DiscriminatorOnly;
    bool finite = true;
    GanStepRecord* record = stages ? &stages->gan : nullptr;
    if (record) record->logits = m_objective.readsLogit();
    for (int i = 0; trainD && finite && i < m_spec.dSteps; ++i) {
        dLoss = trainDiscriminator(i + 1 == m_spec.dSteps ? record : nullptr);
        finite = std::isfinite(dLoss);
    }
    for (int i = 0; trainG && finite && i < m_spec.gSteps; ++i) {
        gLoss = trainGenerator(i + 1 == m_spec.gSteps ? stages : nullptr);
        finite = std::isfinite(gLoss);
    }
    if (!finite) {
        diverge("losses stopped being numbers at step " + std::to_string(m_totalSteps + 1) +
                " (d_loss " + numberForMessage(dLoss) + ", g_loss " + numberForMessage(gLoss) +
                ")");
        return false;
    }
    if (trainD) {
        m_dLossSum += dLoss;
        ++m_dLossCount;
    }
    if (trainG) {
        m_gLossSum += gLoss;
        ++m_gLossCount;
    }
    ++m_steps;
    ++m_totalSteps;
    if (record) record->step = m_steps;
    if (m_totalSteps % m_spec.measureEvery != 0) return false;
    // The last generator update's loss was computed before it: its weights may not be numbers.
    if (!hasFiniteWeights()) {
        diverge("weights stopped being numbers at step " + std::to_string(m_totalSteps));
        return false;
    }
    addHistoryRow();
    keepWeights();
    return true;
}

void GanSession::addHistoryRow() {
    appendHistoryRow(m_history);
    m_dLossSum = m_gLossSum = 0.0;
    m_dLossCount = m_gLossCount = 0;
}

void GanSession::appendHistoryRow(History& history) const {
    using namespace HistoryColumn;
    const std::size_t row = history.addRow();
    history.set(row, kStep, static_cast<float>(m_totalSteps));
    history.set(row, kDLoss, m_dLossCount ? static_cast<float>(m_dLossSum / m_dLossCount) : NAN);
    history.set(row, kGLoss, m_gLossCount ? static_cast<float>(m_gLossSum / m_gLossCount) : NAN);
    if (!isPlane()) return;
    const Measures m = measure();
    history.set(row, kJsDivergence, static_cast<float>(m.js));
    history.set(row, kKlDivergence, static_cast<float>(m.kl));
    if (m_modes.empty()) return;
    history.set(row, kModesCovered, static_cast<float>(m.modesCovered));
    history.set(row, kModesTotal, static_cast<float>(m.modesTotal));
}

bool GanSession::hasFiniteWeights() {
    for (const Model* model : {m_generator.get(), m_discriminator.get()})
        for (const Param& param : model->params())
            if (!param.value->allFinite()) return false;
    return !isPlane() || m_generator->forward(m_measureNoise, Mode::Infer).allFinite();
}

GanSession::Measures GanSession::measure() const {
    Measures m;
    if (!isPlane()) return m;
    const ConstMatrixRef fake = m_generator->forward(m_measureNoise, Mode::Infer);
    GanMeasures::histogram(fake, kPlaneExtent, GanMeasures::kHistogramBins, m_fakeShares);
    m.js = GanMeasures::jsDivergence(m_realShares, m_fakeShares);
    m.kl = GanMeasures::klDivergence(m_realShares, m_fakeShares);
    m.modesTotal = static_cast<int>(m_modes.size());
    m.modesCovered = GanMeasures::modesCovered(fake, m_modes, m_modeCounts);
    return m;
}

void GanSession::keepWeights() {
    const std::vector<Param>& g = m_generator->params();
    const std::vector<Param>& d = m_discriminator->params();
    m_keptGenerator.resize(g.size());
    m_keptDiscriminator.resize(d.size());
    // Same-sized assignments do not allocate.
    for (std::size_t i = 0; i < g.size(); ++i) m_keptGenerator[i] = *g[i].value;
    for (std::size_t i = 0; i < d.size(); ++i) m_keptDiscriminator[i] = *d[i].value;
}

void GanSession::diverge(const std::string& what) {
    const long long keptStep =
        m_history.empty()
            ? m_totalSteps - m_steps
            : static_cast<long long>(m_history.value(m_history.size() - 1, HistoryColumn::kStep));
    m_stopReason = StopReason::Diverged;
    m_stopMessage = "The GAN's " + what +
                    ": lower the learning rates (training.generator.learning_rate and "
                    "training.discriminator.learning_rate). The networks are back at step " +
                    std::to_string(keptStep) + ".";
    m_generator->setParamValues(m_keptGenerator);
    m_discriminator->setParamValues(m_keptDiscriminator);
    m_steps -= m_totalSteps - keptStep;
    m_totalSteps = keptStep;
    m_dLossSum = m_gLossSum = 0.0;
    m_dLossCount = m_gLossCount = 0;
}

void GanSession::resume() {
    if (!stopped()) return;
    m_stopReason = StopReason::None;
    m_stopMessage.clear();
    // The moments may hold the blown-up values.
    m_generatorOptimizer = makeOptimizer(m_spec.generator);
    m_discriminatorOptimizer = makeOptimizer(m_spec.discriminator);
}

void GanSession::updateTraining(const TrainingSpec&) {
    throw InputError(
        "a GAN takes its settings from the GAN training section (steps, d_steps, g_steps and "
        "each network's optimizer), not from a supervised one");
}

void GanSession::updateGan(const GanSpec& gan) {
    checkGanSpec(gan);
    if (ganEditNeedsRebuild(m_spec, gan))
        throw InputError(
            "a new GAN loss, noise, seed or initialisation needs fresh networks (a new session)");
    auto update = [](std::unique_ptr<Optimizer>& optimizer, const OptimizerSettings& settings) {
        if (optimizer->settings().kind != settings.kind)
            optimizer = makeOptimizer(settings);
        else
            optimizer->setSettings(settings);
    };
    update(m_generatorOptimizer, gan.generator);
    update(m_discriminatorOptimizer, gan.discriminator);
    m_spec = gan;
    const auto batch = static_cast<Eigen::Index>(m_spec.batchSize);
    m_noise.resize(m_spec.noise.dim, batch);
    m_mixed.resize(m_mixed.rows(), 2 * batch);
}

void GanSession::storeInto(Project& project) const {
    NetworkSpec* generator = project.findNetwork(Project::kGenerator);
    NetworkSpec* discriminator = project.findNetwork(Project::kDiscriminator);
    if (generator == nullptr || discriminator == nullptr)
        throw InputError("the project has no generator and discriminator to store the GAN in");
    *generator = m_generatorSpec;
    m_generator->storeParams(*generator);
    *discriminator = m_discriminatorSpec;
    m_discriminator->storeParams(*discriminator);
    project.history = m_history;
    if (m_dLossCount > 0 || m_gLossCount > 0) appendHistoryRow(project.history);
}

void GanSession::setParameter(int layerIndex, int tensor, int row, int col, float value) {
    const int index = m_generator->paramIndex(layerIndex, tensor);
    if (index < 0) throw InputError("This layer has no such weights to set.");
    const auto k = static_cast<std::size_t>(index);
    Matrix& values = *m_generator->params()[k].value;
    if (row < 0 || row >= values.rows() || col < 0 || col >= values.cols())
        throw InputError("This layer has no such weight to set.");
    if (!std::isfinite(value)) throw InputError("A weight must be a number.");
    values(row, col) = value;
    m_keptGenerator[k](row, col) = value;
}

std::vector<Session::Figure> GanSession::results() {
    using namespace HistoryColumn;
    std::vector<Figure> out{{"steps", static_cast<double>(m_totalSteps), true}};
    const bool pending = m_dLossCount > 0 || m_gLossCount > 0;
    const auto loss = [&](double sum, int count, const char* column) {
        if (pending) return count ? sum / count : NAN;
        return m_history.empty()
                   ? NAN
                   : static_cast<double>(m_history.value(m_history.size() - 1, column));
    };
    out.push_back({kDLoss, loss(m_dLossSum, m_dLossCount, kDLoss)});
    out.push_back({kGLoss, loss(m_gLossSum, m_gLossCount, kGLoss)});
    if (!isPlane()) return out;
    const Measures m = measure();
    out.push_back({kJsDivergence, m.js});
    out.push_back({kKlDivergence, m.kl});
    if (m_modes.empty()) return out;
    out.push_back({kModesCovered, static_cast<double>(m.modesCovered), true});
    out.push_back({kModesTotal, static_cast<double>(m.modesTotal), true});
    return out;
}

void GanSession::generatedSamples(Matrix& out) {
    out = m_generator->forward(m_viewNoise, Mode::Infer);
}

void GanSession::generate(int count, std::uint32_t seed, Matrix& out) {
    if (count < 0 || count > kMaxGeneratedSamples)
        throw InputError("a GAN generates from 0 to " + std::to_string(kMaxGeneratedSamples) +
                         " samples at a time, not " + std::to_string(count));
    Random rng(seed);
    const auto total = static_cast<Eigen::Index>(count);
    out.resize(m_data.info.inputShape.size(), total);
    Matrix noise;
    // Noise drawn slice after slice is the same as drawn at once: columns are contiguous.
    for (Eigen::Index first = 0; first < total; first += kSlice) {
        const Eigen::Index n = std::min(kSlice, total - first);
        noise.resize(m_spec.noise.dim, n);
        drawNoise(noise, rng);
        out.middleCols(first, n) = m_generator->forward(noise, Mode::Infer);
    }
}

void GanSession::generateFrom(const Matrix& noise, Matrix& out) {
    if (noise.rows() != m_spec.noise.dim)
        throw InputError("the generator takes " + std::to_string(m_spec.noise.dim) +
                         " noise values per sample (noise.dim), not " +
                         std::to_string(noise.rows()));
    if (noise.cols() > kMaxGeneratedSamples)
        throw InputError("a GAN generates from 0 to " + std::to_string(kMaxGeneratedSamples) +
                         " samples at a time, not " + std::to_string(noise.cols()));
    out.resize(m_data.info.inputShape.size(), noise.cols());
    for (Eigen::Index first = 0; first < noise.cols(); first += kSlice) {
        const Eigen::Index n = std::min(kSlice, noise.cols() - first);
        out.middleCols(first, n) = m_generator->forward(noise.middleCols(first, n), Mode::Infer);
    }
}

void GanSession::discriminatorGrid(int size, std::vector<float>& out) {
    if (!isPlane()) throw InputError("the discriminator's map is drawn for 2-D data only");
    Matrix points;
    fillGridPoints(size, kPlaneExtent, points);
    const ConstMatrixRef values = discriminatorValues(points, Mode::Infer);
    out.resize(static_cast<std::size_t>(values.cols()));
    for (Eigen::Index i = 0; i < values.cols(); ++i) {
        const float v = values(0, i);
        out[static_cast<std::size_t>(i)] = m_objective.readsLogit() ? sigmoid(v) : v;
    }
}

void GanSession::manifold(int size, Matrix& out) {
    Matrix grid;
    const float half = m_spec.noise.distribution == NoiseDistribution::Uniform ? 1.0f : 2.0f;
    fillGridPoints(size, half, grid);
    Matrix noise = Matrix::Zero(m_spec.noise.dim, grid.cols());
    noise.row(0) = grid.row(0);
    if (m_spec.noise.dim > 1) noise.row(1) = grid.row(1);
    out = m_generator->forward(noise, Mode::Infer);
}

void GanSession::generatorGradients(Matrix& out) {
    if (!isPlane()) throw InputError("the generator's gradients are drawn for 2-D data only");
    const Matrix fake = m_generator->forward(m_viewNoise, Mode::Infer);
    m_objective.generatorLoss(discriminatorValues(fake, Mode::Infer));
    m_discriminator->setInputGradientNeeded(true);
    // The loss is a mean over the batch: times the batch, each sample's own gradient.
    out = m_discriminator->backward(m_objective.gradient(), m_discriminatorEnd) *
          static_cast<float>(fake.cols());
}

void GanSession::fillViews(const ViewRequest& request, SessionViews& views) {
    if (request.samples) {
        const Matrix& real = m_data.train.inputs;
        views.gan.real = real.leftCols(std::min<Eigen::Index>(real.cols(), kViewSamples));
        generatedSamples(views.gan.generated);
        if (isPlane()) {
            generatorGradients(views.gan.gradients);
            views.gan.manifoldSize = kManifoldSize;
            manifold(kManifoldSize, views.gan.manifold);
        }
    }
    if (request.gridSize > 1 && isPlane()) {
        views.gridSize = request.gridSize;
        views.boundary.resize(1);
        discriminatorGrid(request.gridSize, views.boundary[0]);
    }
    if (request.weights) {
        SupervisedViews::copyDenseWeights(*m_generator, SupervisedViews::Part::Values,
                                          views.weights);
        SupervisedViews::copyDenseWeights(*m_discriminator, SupervisedViews::Part::Values,
                                          views.gan.discriminatorWeights);
    }
}

}  // namespace nnplay
