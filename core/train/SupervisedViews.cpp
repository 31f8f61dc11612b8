// SPDX-License-Identifier: GPL-3.0-or-later
#include "train/SupervisedViews.h"

#include <algorithm>

#include "data/Features.h"
#include "data/PlaneGenerators.h"
#include "layers/Conv2DLayer.h"
#include "layers/LayerRegistry.h"
#include "train/InputSaliency.h"
#include "train/Model.h"
#include "train/SequencePreview.h"
#include "train/TrainingSession.h"

namespace nnplay {

namespace {

std::vector<float> rowOf(const ConstMatrixRef& m, Eigen::Index row) {
    std::vector<float> values(static_cast<std::size_t>(m.cols()));
    for (Eigen::Index c = 0; c < m.cols(); ++c) values[static_cast<std::size_t>(c)] = m(row, c);
    return values;
}

}  // namespace

void SupervisedViews::fill(TrainingSession& session, const ViewRequest& request,
                           SessionViews& views) {
    fill(session, session, request, views);
}

void SupervisedViews::fill(TrainingSession& session, Predictor& outputs,
                           const ViewRequest& request, SessionViews& views) {
    const bool plane = session.data().info.isPlane;
    if (plane && request.gridSize > 1) fillBoundary(outputs, request.gridSize, views);
    if (plane && request.thumbnailSize > 1) fillThumbnails(session, request.thumbnailSize, views);
    if (request.weights) fillWeights(session, views);
    if (request.unitStates) fillUnitStates(session, views);
    if (request.metrics) fillMetrics(outputs, views);
    if (request.samples) fillSamples(outputs, views);
    if (request.traceSample >= 0) fillTrace(session, request.traceSample, views);
    if (request.sequence) SequencePreview::fill(session, request, views.sequence);
    if (request.saliencySample >= 0)
        InputSaliency::fill(session, request.saliencySample, views.saliency);
    if (plane && request.probe) fillProbe(session, request.probeX1, request.probeX2, views);
}

const Matrix& SupervisedViews::gridFeatures(const Predictor& session, int size, Grid& grid) {
    if (grid.size != size) {
        fillGridPoints(size, kPlaneExtent, grid.points);
        derivePlaneFeatures(grid.points, session.data().info.featureNames, grid.features);
        session.data().standardizer.apply(grid.features);
        grid.size = size;
    }
    return grid.features;
}

void SupervisedViews::fillBoundary(Predictor& session, int size, SessionViews& views) {
    session.predict(gridFeatures(session, size, m_boundaryGrid), m_out);
    views.gridSize = size;
    views.boundary.clear();
    for (Eigen::Index unit = 0; unit < m_out.rows(); ++unit)
        views.boundary.push_back(rowOf(m_out, unit));
}

void SupervisedViews::fillThumbnails(TrainingSession& session, int size, SessionViews& views) {
    const Matrix& features = gridFeatures(session, size, m_thumbnailGrid);
    Model& model = session.model();
    // A forward over every layer in inference mode: the same values predict() gives, with
    // each layer's activations left readable through layerOutput().
    model.forward(features, Mode::Infer);
    views.thumbnailSize = size;
    views.thumbnails.assign(static_cast<std::size_t>(model.layerCount()), {});
    for (int layer = 0; layer < model.layerCount(); ++layer) {
        const ConstMatrixRef out = model.layerOutput(layer);
        if (out.rows() > SessionViews::kMaxThumbnailUnits || out.cols() != features.cols())
            continue;
        auto& units = views.thumbnails[static_cast<std::size_t>(layer)];
        for (Eigen::Index unit = 0; unit < out.rows(); ++unit) units.push_back(rowOf(out, unit));
    }
}

void SupervisedViews::fillProbe(TrainingSession& session, float x1, float x2, SessionViews& views) {
    Matrix point(2, 1);
    point << x1, x2;
    Matrix features;
    derivePlaneFeatures(point, session.data().info.featureNames, features);
    session.data().standardizer.apply(features);
    Model& model = session.model();
    model.forward(features, Mode::Infer);
    SessionViews::Probe& probe = views.probe;
    probe.valid = true;
    probe.x1 = x1;
    probe.x2 = x2;
    probe.input.assign(features.data(), features.data() + features.rows());
    probe.layers.assign(static_cast<std::size_t>(model.layerCount()), {});
    for (int layer = 0; layer < model.layerCount(); ++layer) {
        const ConstMatrixRef out = model.layerOutput(layer);
        auto& entry = probe.layers[static_cast<std::size_t>(layer)];
        entry.name = describeLayer(session.network(), layer);
        entry.values.assign(out.data(), out.data() + out.rows());
    }
}

void SupervisedViews::copyDenseWeights(Model& model, Part part, std::vector<Matrix>& out) {
    out.assign(static_cast<std::size_t>(model.layerCount()), Matrix());
    for (int layer = 0; layer < model.layerCount(); ++layer) {
        const std::vector<Param> params = model.layer(layer).params();
        if (params.empty()) continue;
        out[static_cast<std::size_t>(layer)] =
            part == Part::Values ? *params[0].value : *params[0].grad;
    }
}

void SupervisedViews::fillWeights(TrainingSession& session, SessionViews& views) {
    copyDenseWeights(session.model(), Part::Values, views.weights);
}

void SupervisedViews::fillUnitStates(TrainingSession& session, SessionViews& views) {
    using State = SessionViews::UnitState;
    const Matrix& inputs = session.data().train.inputs;
    const Eigen::Index n = std::min<Eigen::Index>(inputs.cols(), SessionViews::kUnitStateSamples);
    Model& model = session.model();
    views.unitStates.assign(static_cast<std::size_t>(model.layerCount()), {});
    if (n == 0) return;
    model.forward(inputs.leftCols(n), Mode::Infer);
    const auto& layers = session.network().layers;
    // Hidden layers only: an output that sits near its bounds is a confident answer.
    for (int layer = 0; layer + 1 < model.layerCount(); ++layer) {
        const LayerInfo* info =
            LayerRegistry::builtin().find(layers[static_cast<std::size_t>(layer)].type);
        if (!info || !info->isActivation) continue;
        // The middle and half the width of a bounded activation's range.
        float middle = 0.0f, half = 0.0f;
        if (info->outputKind == OutputKind::Probability) {
            middle = 0.5f;
            half = 0.5f;
        } else if (info->outputKind == OutputKind::Symmetric) {
            half = 1.0f;
        } else if (!info->canDie) {
            continue;
        }
        const ConstMatrixRef out = model.layerOutput(layer);
        auto& states = views.unitStates[static_cast<std::size_t>(layer)];
        states.assign(static_cast<std::size_t>(out.rows()), State::Working);
        for (Eigen::Index unit = 0; unit < out.rows(); ++unit) {
            const auto values = out.row(unit);
            State state = State::Working;
            if (info->canDie) {
                if (values.maxCoeff() <= 0.0f) state = State::Dead;
            } else {
                const auto nearBound = ((values.array() - middle).abs() > 0.9f * half).count();
                if (nearBound >= 0.9 * static_cast<double>(n)) state = State::Saturated;
            }
            states[static_cast<std::size_t>(unit)] = state;
        }
    }
}

void SupervisedViews::fillMetrics(Predictor& session, SessionViews& views) {
    const Dataset& test = session.data().test;
    if (test.sampleCount() == 0) return;
    views.test = evaluate(session, test, session.data().targetStandardizer);
    views.hasMetrics = true;
}

void SupervisedViews::fillSamples(Predictor& session, SessionViews& views) {
    const Dataset& test = session.data().test;
    const int n = std::min(SessionViews::kSampleCount, test.sampleCount());
    if (n == 0) return;
    session.predict(test.inputs.leftCols(n), m_out);
    views.sampleOutputs.resize(static_cast<std::size_t>(n));
    if (session.data().info.task == Task::Classification) {
        const OutputReading& reading = session.outputReading();
        reading.classify(m_out, views.samplePredictions);
        for (int i = 0; i < n; ++i) {
            const int predicted = views.samplePredictions[static_cast<std::size_t>(i)];
            views.sampleOutputs[static_cast<std::size_t>(i)] =
                reading.probability(m_out, i, predicted);
        }
    } else {
        views.samplePredictions.clear();
        for (int i = 0; i < n; ++i) views.sampleOutputs[static_cast<std::size_t>(i)] = m_out(0, i);
    }
}

void SupervisedViews::fillTrace(TrainingSession& session, int sample, SessionViews& views) {
    const Dataset& test = session.data().test;
    if (sample >= std::min(SessionViews::kSampleCount, test.sampleCount())) return;
    const ShapeReport shapes = inferShapes(session.network(), session.data().info.inputShape);
    if (!shapes.ok()) return;
    Model& model = session.model();
    model.forward(test.inputs.col(sample), Mode::Infer);
    views.traceSample = sample;
    views.traceInput.assign(test.inputs.col(sample).data(),
                            test.inputs.col(sample).data() + test.inputs.rows());
    views.trace.assign(static_cast<std::size_t>(model.layerCount()), {});
    for (int layer = 0; layer < model.layerCount(); ++layer) {
        SessionViews::LayerTrace& trace = views.trace[static_cast<std::size_t>(layer)];
        trace.type = session.network().layers[static_cast<std::size_t>(layer)].type;
        trace.name = describeLayer(session.network(), layer);
        trace.shape = shapes.layers[static_cast<std::size_t>(layer)].output;
        const ConstMatrixRef out = model.layerOutput(layer);
        trace.values.assign(out.data(), out.data() + out.rows());
        const LayerSpec& spec = session.network().layers[static_cast<std::size_t>(layer)];
        const LayerInfo* info = LayerRegistry::builtin().find(spec.type);
        const Shape& layerInput = layer == 0
                                      ? session.data().info.inputShape
                                      : shapes.layers[static_cast<std::size_t>(layer - 1)].output;
        if (info && info->slidesKernels) {
            const auto g =
                Conv2DLayer::geometry(layerInput, static_cast<int>(spec.setting("kernel_size")),
                                      static_cast<int>(spec.setting("stride")),
                                      spec.setting("padding") == 1 ? Conv2DLayer::Padding::Valid
                                                                   : Conv2DLayer::Padding::Same);
            const std::vector<Param> params = model.layer(layer).params();
            trace.kernel = {g.kernel, g.stride, g.padTop, g.padLeft, *params[0].value, {}};
            trace.kernel.bias.assign(params[1].value->data(),
                                     params[1].value->data() + params[1].value->size());
        }
        const ConstMatrixRef states = model.layer(layer).stepStates();
        if (states.rows() == 0) continue;
        trace.stateSteps = layerInput.steps;
        trace.stateUnits = static_cast<int>(states.rows()) / std::max(1, trace.stateSteps);
        trace.states.assign(states.data(), states.data() + states.rows());
        const std::vector<std::string> gateNames = model.layer(layer).gateNames();
        if (gateNames.empty()) continue;
        std::vector<std::vector<float>> perGate(gateNames.size());
        appendStepGates(model.layer(layer).stepGates(), 0, trace.stateUnits, 0, trace.stateSteps,
                        perGate);
        for (std::size_t k = 0; k < gateNames.size(); ++k)
            trace.gates.push_back({gateNames[k], std::move(perGate[k])});
    }
}

}  // namespace nnplay
