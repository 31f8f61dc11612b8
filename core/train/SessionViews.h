// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <string>
#include <vector>

#include "Shape.h"
#include "Types.h"
#include "train/Evaluation.h"
#include "train/GanStepRecord.h"

namespace nnplay {

/// What the views need from a session, copied out as plain values (Session::fillViews). A
/// part the ViewRequest did not ask for is left as it was.
struct SessionViews {
    /// How a unit of an activation layer behaves on the training samples.
    enum class UnitState : unsigned char {
        Working,
        /// Zero on every sample (a unit that can die, LayerInfo::canDie): it no longer learns.
        Dead,
        /// Near a bound of a sigmoid or tanh (beyond 90 % of the way from the middle) on at
        /// least 90 % of the samples, where its slope is almost zero.
        Saturated,
    };
    /// How many training samples unitStates looks at, at most.
    static constexpr int kUnitStateSamples = 256;

    /// How many test samples the sample views show at most.
    static constexpr int kSampleCount = 48;
    /// Only layers with at most this many units get thumbnails.
    static constexpr int kMaxThumbnailUnits = 16;

    /// 2-D data only: output over the plane [-kPlaneExtent, kPlaneExtent]^2, gridSize x
    /// gridSize values row-major from the bottom-left corner (row = x2, column = x1), one grid
    /// per output unit.
    int gridSize = 0;
    std::vector<std::vector<float>> boundary;
    /// 2-D data only: per layer index of the network spec, per unit, a thumbnailSize^2 grid of
    /// that unit's output over the plane (only for layers with at most kMaxThumbnailUnits).
    int thumbnailSize = 0;
    std::vector<std::vector<std::vector<float>>> thumbnails;
    /// Per layer index, the dense weights (units x inputs), empty for other layers.
    std::vector<Matrix> weights;
    /// Per layer index, the state of each unit of an activation that can die or saturate
    /// (ReLU, sigmoid, tanh), over the first kUnitStateSamples training samples; empty for
    /// other layers.
    std::vector<std::vector<UnitState>> unitStates;

    /// One training step recorded stage by stage (Session::stepRecorded), for showing
    /// backpropagation in slow motion. Per layer index, like `weights`: the dense weights
    /// (units x inputs) and their gradients; empty for other layers.
    struct StepStages {
        /// Session::steps() after the recorded batch; 0: nothing recorded.
        long long step = 0;
        /// Indices into the training part of the batch's samples, in batch order.
        std::vector<int> samples;
        /// The batch's mean loss (without penalties), from the weights before the update.
        float loss = 0.0f;
        /// dLoss/dWeight of this batch as the optimizer used it (penalties included).
        std::vector<Matrix> gradients;
        std::vector<Matrix> weightsBefore;
        std::vector<Matrix> weightsAfter;
        /// A GAN step: both networks' updates part by part (the fields above hold the
        /// generator's dense weights); empty for other sessions.
        GanStepRecord gan;

        bool empty() const { return step == 0; }
    };
    /// The last recorded step; empty in every snapshot but the one after it.
    StepStages stages;

    /// The test part's evaluation: the classification metrics (and for two classes the
    /// scores and curves) or the regression's (and the predicted and actual values). Valid
    /// when hasMetrics.
    bool hasMetrics = false;
    Evaluation test;
    /// Predictions for the kSampleCount first test samples: the class per sample
    /// (classification) and the network's value for it (the predicted class's probability, or
    /// the first output for regression).
    std::vector<int> samplePredictions;
    std::vector<float> sampleOutputs;

    /// One gate of a gated recurrent layer over time (Layer::stepGates): its values after the
    /// activation, steps x units step-major like the hidden state it goes with.
    struct GateTrace {
        std::string name;  ///< "input gate", "forget gate", ... (Layer::gateNames)
        std::vector<float> values;
    };

    /// What one layer gives for the traced test sample.
    struct LayerTrace {
        /// Registry type and how messages name the layer ("Conv2D (layer 1)").
        std::string type;
        std::string name;
        /// The layer's output shape (as shape inference says) and its values for the sample,
        /// in the batch layout (step-major, then channel, row, column).
        Shape shape;
        std::vector<float> values;
        /// Recurrent layers: the hidden state at every step (stateSteps x stateUnits,
        /// step-major), even when the layer returns only the last; else empty.
        int stateSteps = 0;
        int stateUnits = 0;
        std::vector<float> states;
        /// Gated recurrent layers (LSTM, GRU): each gate at every step, the shape of `states`.
        std::vector<GateTrace> gates;
        /// Kinds that slide kernels (LayerInfo::slidesKernels): how, and with what weights
        /// (filters x C*k*k) and biases; size 0 for other kinds.
        struct Kernel {
            int size = 0;
            int stride = 1;
            int padTop = 0;
            int padLeft = 0;
            Matrix weights;
            std::vector<float> bias;
        };
        Kernel kernel;
    };
    /// The test sample ViewRequest::traceSample asked for (-1: none) and, per layer index,
    /// what it gives for it.
    int traceSample = -1;
    std::vector<LayerTrace> trace;
    /// The traced sample as the first layer gets it (preprocessed).
    std::vector<float> traceInput;

    /// Why the network answers what it does for one test sample (ViewRequest::saliencySample),
    /// computed by InputSaliency: the gradient of the score of the predicted class, the output
    /// layer's value before its activation (the logit), with respect to each input value,
    /// with dropout off and batchnorm on its running statistics.
    struct Saliency {
        /// The test sample (-1: none computed).
        int sample = -1;
        /// The predicted class whose score is differentiated (-1: regression, whose score is
        /// the first output).
        int klass = -1;
        float score = 0.0f;
        /// The input's shape and, in its batch layout, the sample as the first layer gets it
        /// and dScore/dInput.
        Shape shape;
        std::vector<float> input;
        std::vector<float> gradient;

        bool empty() const { return sample < 0; }
    };
    Saliency saliency;

    /// 2-D data (ViewRequest::probe): what one point of the plane makes each layer give.
    struct Probe {
        /// Whether the rest holds values; the point in data coordinates.
        bool valid = false;
        float x1 = 0.0f, x2 = 0.0f;
        struct Layer {
            std::string name;  ///< as messages name it ("Dense (layer 1)")
            std::vector<float> values;
        };
        /// The input features as the first layer gets them (derived, standardised), then
        /// one entry per layer of the network spec.
        std::vector<float> input;
        std::vector<Layer> layers;
    };
    Probe probe;

    /// Sequence data (ViewRequest::sequence): the trained network run on its own predictions
    /// (SequenceGenerator), computed by SequencePreview.
    struct SequenceViews {
        /// Session::totalSteps() the views were computed at; -1: none (not asked for, or no
        /// sequence data).
        long long step = -1;
        /// Series (regression): `truth` is a clean wave of the sine source (frequency and
        /// phase, in cycles) over primed + continuation steps; the network reads the first
        /// `primed` values. oneStep[i] predicts truth[primed + i] from the true window before
        /// it; freeRunning[i] is the same prediction when the network has been fed its own
        /// outputs since the primed part.
        int primed = 0;
        double frequency = 0.0, phase = 0.0;
        std::vector<float> truth, oneStep, freeRunning;
        /// Text (classification), as class indices: the start (a test window), the greedy
        /// continuation (temperature 0) and one drawn at `temperature` with `seed`.
        std::vector<int> start, greedy, sample;
        double temperature = 0.0;
        unsigned seed = 0;
        /// The first recurrent layer (by Layer::stepStates) through the free-running series or
        /// the sample's characters: column j is its hidden state after reading value or
        /// character j of truth[0..primed) + freeRunning, or of start + sample, from which the
        /// next one was predicted (the last one read has none). stateSteps x stateUnits,
        /// step-major; gates in the same shape.
        std::string stateLayer;
        /// The followed layer's index in the network spec (-1: none), and every layer that
        /// keeps a state per step, which ViewRequest::sequenceLayer may choose instead.
        int stateLayerIndex = -1;
        struct RecurrentLayer {
            int index = -1;
            std::string name;  ///< as messages name it ("LSTM (layer 1)")
        };
        std::vector<RecurrentLayer> recurrentLayers;
        int stateSteps = 0;
        int stateUnits = 0;
        std::vector<float> states;
        std::vector<GateTrace> gates;

        bool empty() const { return step < 0; }
        bool isText() const { return !start.empty(); }
    };
    SequenceViews sequence;

    /// Ensembles (asked for by ViewRequest::members): per member its test accuracy
    /// (classification) or test MSE (regression) and, for 2-D data, its output over the plane
    /// like `boundary` (gridSize per side, one grid per output unit); beside them the same
    /// figure of the averaged output. `boundary` and `test` hold the ensemble's.
    struct EnsembleViews {
        /// Cells per side of each member's grid: small plots need few.
        static constexpr int kGridSize = 48;
        int gridSize = 0;
        std::vector<std::vector<std::vector<float>>> boundaries;
        std::vector<double> testFigures;
        double ensembleFigure = 0.0;
        /// The figures are MSEs (lower is better), not accuracies.
        bool regression = false;

        bool empty() const { return testFigures.empty(); }
    };
    EnsembleViews ensemble;

    /// GAN sessions (asked for by ViewRequest::samples), one sample per column in data space.
    /// The discriminator's output over the plane goes into `boundary` (one grid), the
    /// generator's dense weights into `weights` and the discriminator's into
    /// GanViews::discriminatorWeights (both asked for by ViewRequest::weights).
    struct GanViews {
        /// The first real samples (at most GanSession::kViewSamples).
        Matrix real;
        /// The generator's samples for a fixed batch of noise, the same in every snapshot.
        Matrix generated;
        /// 2-D data: dLoss_G/dx on each generated sample, per sample (not divided by the
        /// batch): the generator moves the sample against it. Empty for images.
        Matrix gradients;
        /// 2-D data: the generator's image of a manifoldSize x manifoldSize grid of noise
        /// (GanSession::manifold), columns row-major. Empty for images.
        int manifoldSize = 0;
        Matrix manifold;
        /// Per layer index of the discriminator's spec, its dense weights, like `weights`.
        std::vector<Matrix> discriminatorWeights;
    };
    GanViews gan;
};

}  // namespace nnplay
