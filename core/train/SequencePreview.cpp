// SPDX-License-Identifier: GPL-3.0-or-later
#include "train/SequencePreview.h"

#include <algorithm>

#include "data/SineGenerator.h"
#include "train/SequenceGenerator.h"
#include "train/TrainingSession.h"

namespace nnplay {

namespace {

/// Lists the layers that keep a state per step after a forward of `sample` in
/// out.recurrentLayers and returns the one to follow: `requested` when it is one of them, else
/// the first; -1 when there is none.
int recurrentLayer(TrainingSession& session, const ConstMatrixRef& sample, int requested,
                   SessionViews::SequenceViews& out) {
    Model& model = session.model();
    model.forward(sample, Mode::Infer);
    int chosen = -1;
    for (int layer = 0; layer < model.layerCount(); ++layer) {
        if (model.layer(layer).stepStates().rows() == 0) continue;
        out.recurrentLayers.push_back({layer, describeLayer(session.network(), layer)});
        if (chosen < 0 || layer == requested) chosen = layer;
    }
    return chosen;
}

void takeFollowed(const SequenceGenerator::Followed& followed, const NetworkSpec& network,
                  int layer, SessionViews::SequenceViews& out) {
    if (layer < 0 || followed.units == 0) return;
    out.stateLayer = describeLayer(network, layer);
    out.stateLayerIndex = layer;
    out.stateUnits = followed.units;
    out.stateSteps = followed.steps();
    out.states = followed.states;
    for (std::size_t k = 0; k < followed.gateNames.size(); ++k)
        out.gates.push_back({followed.gateNames[k], followed.gates[k]});
}

void fillSeries(TrainingSession& session, const ViewRequest& request,
                SessionViews::SequenceViews& out) {
    const DataSpec& spec = session.dataSpec();
    const DataInfo& info = session.data().info;
    SequenceGenerator generator(session.model(), info, session.outputReading());
    const int steps = generator.windowSteps();
    const int continuation = SequencePreview::continuationSteps(steps);
    out.frequency = 0.5 * (spec.frequencyMin + spec.frequencyMax);
    out.phase = 0.5 * (spec.phaseMin + spec.phaseMax);
    out.primed = steps;
    out.truth.resize(static_cast<std::size_t>(steps + continuation));
    for (int t = 0; t < steps + continuation; ++t)
        out.truth[static_cast<std::size_t>(t)] = sineValue(out.frequency, out.phase, t);

    // One step ahead: every window of the true wave in one batch.
    Matrix windows(steps, continuation);
    for (int i = 0; i < continuation; ++i)
        for (int t = 0; t < steps; ++t) windows(t, i) = out.truth[static_cast<std::size_t>(i + t)];
    Matrix predicted;
    session.predict(windows, predicted);
    const Eigen::Index perStep = session.outputReading().outputs();
    const Eigen::Index row = predicted.rows() > perStep ? predicted.rows() - perStep : 0;
    out.oneStep.resize(static_cast<std::size_t>(continuation));
    for (int i = 0; i < continuation; ++i)
        out.oneStep[static_cast<std::size_t>(i)] = predicted(row, i);

    const std::vector<float> primed(out.truth.begin(), out.truth.begin() + steps);
    const int layer = recurrentLayer(session, windows.col(0), request.sequenceLayer, out);
    generator.follow(layer);
    out.freeRunning = generator.continueSeries(primed, continuation);
    takeFollowed(generator.followed(), session.network(), layer, out);
}

void fillText(TrainingSession& session, const ViewRequest& request,
              SessionViews::SequenceViews& out) {
    const Dataset& test = session.data().test;
    if (test.sampleCount() == 0) return;
    const DataInfo& info = session.data().info;
    SequenceGenerator generator(session.model(), info, session.outputReading());
    const int steps = generator.windowSteps();
    const int classes = info.classCount();
    out.start.resize(static_cast<std::size_t>(steps));
    for (int t = 0; t < steps; ++t) {
        Eigen::Index klass = 0;
        test.inputs.col(0)
            .segment(static_cast<Eigen::Index>(t) * classes, classes)
            .maxCoeff(&klass);
        out.start[static_cast<std::size_t>(t)] = static_cast<int>(klass);
    }
    out.temperature = std::max(0.0, request.temperature);
    out.seed = request.sequenceSeed;
    const int layer = recurrentLayer(session, test.inputs.col(0), request.sequenceLayer, out);
    out.greedy =
        generator.sampleClasses(out.start, SequencePreview::kTextCharacters, 0.0, out.seed);
    generator.follow(layer);
    out.sample = generator.sampleClasses(out.start, SequencePreview::kTextCharacters,
                                         out.temperature, out.seed);
    takeFollowed(generator.followed(), session.network(), layer, out);
}

}  // namespace

int SequencePreview::continuationSteps(int windowSteps) {
    return std::clamp(3 * windowSteps, kMinContinuation, kMaxContinuation);
}

void SequencePreview::fill(TrainingSession& session, const ViewRequest& request,
                           SessionViews::SequenceViews& out) {
    out = {};
    const std::string& source = session.dataSpec().source;
    if (source == "sine")
        fillSeries(session, request, out);
    else if (source == "text")
        fillText(session, request, out);
    else
        return;
    out.step = session.steps();
}

}  // namespace nnplay
