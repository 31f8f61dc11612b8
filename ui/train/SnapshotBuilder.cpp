// SPDX-License-Identifier: GPL-3.0-or-later
#include "train/SnapshotBuilder.h"

#include <algorithm>

#include "data/Features.h"
#include "data/PlaneGenerators.h"
#include "layers/LayerRegistry.h"
#include "train/TrainingSession.h"

namespace nnplay::ui {

namespace {

/// A size x size grid of (x1, x2) points over the plane, row-major from the bottom-left corner
/// (row = x2, column = x1); cell centres sit on both edges, as QCPColorMap expects.
void fillGridPoints(int size, Matrix& points) {
    points.resize(2, static_cast<Eigen::Index>(size) * size);
    const float step = size > 1 ? 2.0f * kPlaneExtent / static_cast<float>(size - 1) : 0.0f;
    for (int row = 0; row < size; ++row) {
        for (int col = 0; col < size; ++col) {
            const Eigen::Index i = static_cast<Eigen::Index>(row) * size + col;
            points(0, i) = -kPlaneExtent + step * static_cast<float>(col);
            points(1, i) = -kPlaneExtent + step * static_cast<float>(row);
        }
    }
}

std::vector<float> rowOf(const ConstMatrixRef& m, Eigen::Index row) {
    std::vector<float> values(static_cast<std::size_t>(m.cols()));
    for (Eigen::Index c = 0; c < m.cols(); ++c) values[static_cast<std::size_t>(c)] = m(row, c);
    return values;
}

}  // namespace

std::shared_ptr<const DataPreview> SnapshotBuilder::makePreview(const DataSplit& split,
                                                                const NetworkSpec& network) {
    auto preview = std::make_shared<DataPreview>();
    preview->info = split.info;
    preview->outputKind = LayerRegistry::builtin().outputKind(network);
    preview->trainPoints = split.train.points;
    preview->testPoints = split.test.points;
    preview->trainLabels = split.train.labels;
    preview->testLabels = split.test.labels;
    preview->trainTargets = split.train.targets;
    preview->testTargets = split.test.targets;

    const Dataset& test = split.test;
    const int n = std::min(DataPreview::kSampleCount, test.sampleCount());
    preview->sampleInputs = test.inputs.leftCols(n);
    const Standardizer& s = split.standardizer;
    if (s.active() && s.mean.size() == preview->sampleInputs.rows()) {
        for (Eigen::Index c = 0; c < n; ++c) {
            preview->sampleInputs.col(c) =
                preview->sampleInputs.col(c).cwiseProduct(s.scale) + s.mean;
        }
    }
    if (!test.labels.empty()) {
        preview->sampleLabels.assign(test.labels.begin(), test.labels.begin() + n);
    }
    if (test.targets.size() > 0) preview->sampleTargets = test.targets.leftCols(n);
    return preview;
}

void SnapshotBuilder::clearCache() {
    m_gridCached = 0;
    m_thumbCached = 0;
}

void SnapshotBuilder::fill(TrainingSession& session, const SnapshotRequest& request,
                           TrainingSnapshot& snapshot) {
    const DataInfo& info = session.data().info;
    if (info.isPlane && request.gridSize > 1) fillBoundary(session, request.gridSize, snapshot);
    if (info.isPlane && request.thumbnailSize > 1) {
        fillThumbnails(session, request.thumbnailSize, snapshot);
    }
    if (request.weights) fillWeights(session, snapshot);
    if (request.metrics) fillMetrics(session, snapshot);
    if (request.samples) fillSamples(session, snapshot);
}

const Matrix& SnapshotBuilder::gridFeatures(TrainingSession& session, int size, Matrix& points,
                                            Matrix& features, int& cachedSize) {
    if (cachedSize != size) {
        fillGridPoints(size, points);
        derivePlaneFeatures(points, session.data().info.featureNames, features);
        session.data().standardizer.apply(features);
        cachedSize = size;
    }
    return features;
}

void SnapshotBuilder::fillBoundary(TrainingSession& session, int size, TrainingSnapshot& snapshot) {
    const Matrix& features =
        gridFeatures(session, size, m_gridPoints, m_gridFeatures, m_gridCached);
    session.predict(features, m_out);
    snapshot.gridSize = size;
    snapshot.boundary.clear();
    for (Eigen::Index unit = 0; unit < m_out.rows(); ++unit) {
        snapshot.boundary.push_back(rowOf(m_out, unit));
    }
}

void SnapshotBuilder::fillThumbnails(TrainingSession& session, int size,
                                     TrainingSnapshot& snapshot) {
    const Matrix& features =
        gridFeatures(session, size, m_thumbPoints, m_thumbFeatures, m_thumbCached);
    Model& model = session.model();
    // A forward over every layer in inference mode: the same values predict() gives, with
    // each layer's activations left readable through layerOutput().
    model.forward(features, Mode::Infer);
    snapshot.thumbnailSize = size;
    snapshot.thumbnails.assign(static_cast<std::size_t>(model.layerCount()), {});
    for (int layer = 0; layer < model.layerCount(); ++layer) {
        const ConstMatrixRef out = model.layerOutput(layer);
        if (out.rows() > kMaxThumbnailUnits || out.cols() != features.cols()) continue;
        auto& units = snapshot.thumbnails[static_cast<std::size_t>(layer)];
        for (Eigen::Index unit = 0; unit < out.rows(); ++unit) units.push_back(rowOf(out, unit));
    }
}

void SnapshotBuilder::fillWeights(TrainingSession& session, TrainingSnapshot& snapshot) {
    Model& model = session.model();
    snapshot.weights.assign(static_cast<std::size_t>(model.layerCount()), Matrix());
    for (int layer = 0; layer < model.layerCount(); ++layer) {
        const std::vector<Param> params = model.layer(layer).params();
        if (!params.empty()) snapshot.weights[static_cast<std::size_t>(layer)] = *params[0].value;
    }
}

void SnapshotBuilder::fillMetrics(TrainingSession& session, TrainingSnapshot& snapshot) {
    const Dataset& test = session.data().test;
    if (test.sampleCount() == 0) return;
    if (session.data().info.task == Task::Classification) {
        snapshot.testMetrics = session.classificationMetrics(test);
    } else {
        snapshot.testRegression = session.regressionMetrics(test);
    }
    snapshot.hasMetrics = true;
}

void SnapshotBuilder::fillSamples(TrainingSession& session, TrainingSnapshot& snapshot) {
    const Dataset& test = session.data().test;
    const int n = std::min(DataPreview::kSampleCount, test.sampleCount());
    if (n == 0) return;
    session.predict(test.inputs.leftCols(n), m_out);
    snapshot.sampleOutputs.resize(static_cast<std::size_t>(n));
    if (session.data().info.task == Task::Classification) {
        const OutputReading& reading = session.outputReading();
        reading.classify(m_out, snapshot.samplePredictions);
        for (int i = 0; i < n; ++i) {
            const int predicted = snapshot.samplePredictions[static_cast<std::size_t>(i)];
            snapshot.sampleOutputs[static_cast<std::size_t>(i)] =
                reading.probability(m_out, i, predicted);
        }
    } else {
        snapshot.samplePredictions.clear();
        for (int i = 0; i < n; ++i)
            snapshot.sampleOutputs[static_cast<std::size_t>(i)] = m_out(0, i);
    }
}

}  // namespace nnplay::ui
