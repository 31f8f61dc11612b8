// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QMetaType>
#include <QString>
#include <QVector>
#include <memory>
#include <vector>

#include "Types.h"
#include "train/DataPreview.h"
#include "train/History.h"
#include "train/Metrics.h"

namespace nnplay::ui {

/// What the views need from a training session, copied out by the worker as plain values.
struct TrainingSnapshot {
    /// Increments with every session the worker builds (a reset), so views can drop stale data.
    int generation = 0;
    int epoch = 0;
    long long batches = 0;
    /// Batches in one epoch (0 when there is no session).
    int batchesPerEpoch = 0;
    /// Full history since the session started.
    nnplay::History history;
    bool running = false;
    /// False when the worker has no session (the project could not be built); `stopMessage`
    /// then says why.
    bool valid = false;
    /// Non-empty when training stopped by itself (epochs done, early stop, divergence).
    QString stopMessage;
    bool diverged = false;

    /// The session's data as the views show it; shared by all snapshots of one generation.
    std::shared_ptr<const DataPreview> data;

    /// 2-D data only: output over the plane of kPlaneExtent, gridSize x gridSize values row-major
    /// from the bottom-left corner (row = x2, column = x1), one grid per output unit.
    int gridSize = 0;
    std::vector<std::vector<float>> boundary;
    /// 2-D data only: per layer index of the network spec, per unit, a thumbnailSize^2 grid of
    /// that unit's output over the plane (only for layers with at most 16 units).
    int thumbnailSize = 0;
    std::vector<std::vector<std::vector<float>>> thumbnails;
    /// Per layer index, the dense weights (units x inputs), empty for other layers.
    std::vector<nnplay::Matrix> weights;

    /// Classification: test-set scores; regression: test MSE and R². Valid when hasMetrics.
    bool hasMetrics = false;
    nnplay::ClassificationMetrics testMetrics;
    nnplay::RegressionMetrics testRegression;
    /// Predictions for the data->sampleCount() first test samples: the class per sample
    /// (classification) and the network's value for it (the predicted class's probability, or
    /// the first output for regression).
    std::vector<int> samplePredictions;
    std::vector<float> sampleOutputs;
};

}  // namespace nnplay::ui

Q_DECLARE_METATYPE(nnplay::ui::TrainingSnapshot)
