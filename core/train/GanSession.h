// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "Project.h"
#include "Random.h"
#include "data/Dataset.h"
#include "data/GanTargets.h"
#include "loss/GanObjective.h"
#include "train/GanSpec.h"
#include "train/History.h"
#include "train/Model.h"
#include "train/Session.h"

namespace nnplay {

/// Trains a generator against a discriminator (a GAN project). A step trains the discriminator
/// d_steps times on a batch of real and a batch of generated samples, then the generator
/// g_steps times through the discriminator (the generator's gradient is the discriminator's
/// input gradient), each with its own optimizer. Every measure_every steps the history gets a
/// row: the mean losses since the last row and, for 2-D data, the divergences and the mode
/// coverage of a fixed batch of generated samples against the real ones (GanMeasures).
/// Once the first step has sized the buffers, step() allocates nothing except a history row
/// every measure_every steps. The weights of a row are kept (a divergence goes back to them)
/// only when they and the measured samples are all numbers; otherwise the step diverges.
class GanSession : public Session {
public:
    /// Which networks a step trains (GAN Lab's step modes).
    enum class StepMode { Both, DiscriminatorOnly, GeneratorOnly };
    /// Generated samples of the views: a fixed noise batch of this many.
    static constexpr int kViewSamples = 256;
    /// Generated samples the measures compare with the real ones, at most.
    static constexpr int kMeasureSamples = 4096;
    /// The most samples generate() makes in one call.
    static constexpr int kMaxGeneratedSamples = 100000;
    /// Cells per side of the discriminator's map a recorded step keeps, before and after.
    static constexpr int kRecordedGridSize = 48;

    /// Builds both networks for the project's noise and data. When either network has trained
    /// weights, training continues from them and from the project's history. Throws
    /// InputError when a network does not fit (checkGanNetworks) or a setting is out of range.
    GanSession(const Project& project, DataSplit data);

    /// One GAN step. Returns true when it added a history row.
    bool step() override;
    /// One step, recording the generator's update (the first network, as the views index it):
    /// its loss, weight gradients and weights before and after, left empty when the step mode
    /// trains only the discriminator; and both updates part by part in stages.gan (the last
    /// D and the last G update of the step; 2-D data: D over a kRecordedGridSize grid before
    /// and after). All of it is left empty when the step diverged. The recording draws no
    /// random numbers: the step trains as step() does.
    bool stepRecorded(SessionViews::StepStages& stages) override;
    /// Measure intervals completed: total steps / measure_every.
    int epoch() const override { return static_cast<int>(m_totalSteps / m_spec.measureEvery); }
    long long steps() const override { return m_steps; }
    /// Steps of the whole training, a loaded history's included.
    long long totalSteps() const override { return m_totalSteps; }
    int stepsPerEpoch() const override { return m_spec.measureEvery; }
    const History& history() const override { return m_history; }
    StopReason stopReason() const override { return m_stopReason; }
    const std::string& stopMessage() const override { return m_stopMessage; }
    /// After a divergence both networks go on from the weights of the last history row, with
    /// fresh optimizers.
    void resume() override;
    /// A GAN has no supervised training settings: always throws InputError (updateGan takes
    /// the GAN's).
    void updateTraining(const TrainingSpec& training) override;
    /// Applies the settings that need no new session: steps, batch size, d_steps, g_steps,
    /// measure_every and both optimizers (a new kind restarts that optimizer's state). Throws
    /// InputError for a new loss, noise, seed or initialisation, or values out of range.
    void updateGan(const GanSpec& gan);
    /// Copies both networks' weights and the history into `project`. Steps since the last
    /// history row get a row of their own in the copy, so that the history's last step is the
    /// weights' (a reopened project counts its steps from it).
    void storeInto(Project& project) const override;
    /// Sets a parameter of the generator (the first network).
    void setParameter(int layerIndex, int tensor, int row, int col, float value) override;
    /// steps, d_loss and g_loss (of the last history row), js_divergence and kl_divergence
    /// (2-D data), modes_covered and modes_total (mixtures), measured now.
    std::vector<Figure> results() override;
    /// The real samples in the training part.
    const DataSplit& data() const override { return m_data; }
    /// Fills views.gan (request.samples), the discriminator's output in views.boundary
    /// (request.gridSize, 2-D data) and the generator's dense weights (request.weights).
    void fillViews(const ViewRequest& request, SessionViews& views) override;

    void setStepMode(StepMode mode) { m_stepMode = mode; }
    StepMode stepMode() const { return m_stepMode; }
    const GanSpec& spec() const { return m_spec; }
    Model& generator() { return *m_generator; }
    Model& discriminator() { return *m_discriminator; }
    /// The modes of a mixture target (empty for the others).
    const std::vector<GanMode>& modes() const { return m_modes; }

    // What the views draw: plain values, computed between steps, never inside one.

    /// The real samples (dim x n).
    const Matrix& realSamples() const { return m_data.train.inputs; }
    /// The generator's output for the fixed view noise (dim x kViewSamples): the same noise
    /// every call, so the samples can be watched as they move.
    void generatedSamples(Matrix& out);
    /// `count` samples from fresh noise drawn with `seed` (dim x count), 1024 columns at a
    /// time. Throws InputError for a count outside 0..kMaxGeneratedSamples.
    void generate(int count, std::uint32_t seed, Matrix& out);
    /// The generator's samples for given noise (noise.dim x n; dim x n out), 1024 columns at a
    /// time. Throws InputError when the noise has another number of rows than noise.dim or
    /// more than kMaxGeneratedSamples columns.
    void generateFrom(const Matrix& noise, Matrix& out);
    /// 2-D data: the discriminator's output (the probability that a sample is real; least
    /// squares: its output) on a size x size grid over the plot area (fillGridPoints: row-major
    /// from the bottom-left, row = x2). Throws InputError for image data or a size below 1.
    void discriminatorGrid(int size, std::vector<float>& out);
    /// The generator's image of a size x size grid of noise (dim x size^2, row-major, row = the
    /// second noise value): the first two noise values span [-1, 1] (uniform noise) or [-2, 2]
    /// (Gaussian), the others are 0; one noise value spans its range along each row. Throws
    /// InputError for a size below 1.
    void manifold(int size, Matrix& out);
    /// 2-D data: dLoss_G/dx on each sample of generatedSamples(), per sample (the loss of that
    /// sample alone, not divided by the batch): the generator moves its samples against it.
    void generatorGradients(Matrix& out);

    /// The measures of the fixed measurement noise's samples now.
    struct Measures {
        double js = NAN;
        double kl = NAN;
        int modesCovered = 0;
        int modesTotal = 0;
    };
    Measures measure() const;
    /// The noise of the last update, the discriminator's or the generator's (noise.dim x
    /// batch_size): with the weights before it, a check can recompute that update's loss.
    const Matrix& lastNoise() const { return m_noise; }

private:
    /// step(), recording into `stages` when it is given.
    bool trainStep(SessionViews::StepStages* stages);
    /// Fills `noise` with the distribution's values.
    void drawNoise(Matrix& noise, Random& rng) const;
    /// One discriminator update; recorded into `record` when it is given.
    float trainDiscriminator(GanStepRecord* record);
    float trainGenerator(SessionViews::StepStages* stages);
    /// Per layer of `model`, the L2 norm of its trained parameters' gradients.
    static void gradientNorms(Model& model, std::vector<float>& out);
    /// Discriminator's values (logit or output, as the objective reads them) for `samples`.
    ConstMatrixRef discriminatorValues(const ConstMatrixRef& samples, Mode mode);
    /// Appends a row to m_history and starts the next interval's loss means.
    void addHistoryRow();
    /// Appends a row for the steps since the last one to `history`: the step count, the mean
    /// losses of those steps and the measures now.
    void appendHistoryRow(History& history) const;
    /// Every weight of both networks is a number and so is every sample the measures take.
    bool hasFiniteWeights();
    void keepWeights();
    /// Stops with a message starting "The GAN's " + `what`, back at the kept weights.
    void diverge(const std::string& what);
    bool isPlane() const { return m_data.info.isPlane; }

    GanSpec m_spec;
    DataSplit m_data;
    std::vector<GanMode> m_modes;
    NetworkSpec m_generatorSpec;
    NetworkSpec m_discriminatorSpec;
    std::unique_ptr<Model> m_generator;
    std::unique_ptr<Model> m_discriminator;
    std::unique_ptr<Optimizer> m_generatorOptimizer;
    std::unique_ptr<Optimizer> m_discriminatorOptimizer;
    GanObjective m_objective;
    /// Layers of the discriminator the losses run: all, or all but a final sigmoid when the
    /// objective reads the logit.
    int m_discriminatorEnd = 0;
    /// The discriminator ends in a sigmoid (its probability is its output; else the sigmoid
    /// of its logit).
    bool m_endsInSigmoid = false;
    StepMode m_stepMode = StepMode::Both;

    Random m_rng;
    Matrix m_noise;  // noise.dim x batch
    Matrix m_mixed;  // dim x 2 batch: real samples, then generated ones
    Matrix m_measureNoise;
    Matrix m_measureSamples;
    Matrix m_viewNoise;
    std::vector<double> m_realShares;
    // Scratch of measure().
    mutable std::vector<double> m_fakeShares;
    mutable std::vector<int> m_modeCounts;

    long long m_steps = 0;
    long long m_totalSteps = 0;
    double m_dLossSum = 0.0, m_gLossSum = 0.0;
    int m_dLossCount = 0, m_gLossCount = 0;
    History m_history;
    std::vector<Matrix> m_keptGenerator, m_keptDiscriminator;
    StopReason m_stopReason = StopReason::None;
    std::string m_stopMessage;
};

}  // namespace nnplay
