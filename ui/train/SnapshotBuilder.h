// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <memory>

#include "NetworkSpec.h"
#include "Types.h"
#include "train/DataPreview.h"
#include "train/SnapshotRequest.h"
#include "train/TrainingSnapshot.h"

namespace nnplay {
class TrainingSession;
struct DataSplit;
}  // namespace nnplay

namespace nnplay::ui {

/// Computes the expensive parts of a TrainingSnapshot from a session, on the worker thread:
/// the decision boundary over the plane, neuron thumbnails, weights, test metrics and sample
/// predictions. Keeps its grid buffers between calls so a snapshot allocates little.
class SnapshotBuilder {
public:
    /// Only layers with at most this many units get thumbnails.
    static constexpr int kMaxThumbnailUnits = 16;

    /// What the views show of a split's data (built once per session).
    static std::shared_ptr<const DataPreview> makePreview(const nnplay::DataSplit& split,
                                                          const nnplay::NetworkSpec& network);

    /// Fills the view parts of `snapshot` that `request` asks for. Runs forward passes on the
    /// session's model (between training steps, never inside one).
    void fill(nnplay::TrainingSession& session, const SnapshotRequest& request,
              TrainingSnapshot& snapshot);
    /// Forgets the cached grids; call when the session (and so its features) changes.
    void clearCache();

private:
    /// Features of a size x size grid over the plane (cached per size and feature list).
    const nnplay::Matrix& gridFeatures(nnplay::TrainingSession& session, int size,
                                       nnplay::Matrix& points, nnplay::Matrix& features,
                                       int& cachedSize);
    void fillBoundary(nnplay::TrainingSession& session, int size, TrainingSnapshot& snapshot);
    void fillThumbnails(nnplay::TrainingSession& session, int size, TrainingSnapshot& snapshot);
    static void fillWeights(nnplay::TrainingSession& session, TrainingSnapshot& snapshot);
    static void fillMetrics(nnplay::TrainingSession& session, TrainingSnapshot& snapshot);
    void fillSamples(nnplay::TrainingSession& session, TrainingSnapshot& snapshot);

    nnplay::Matrix m_gridPoints, m_gridFeatures;
    int m_gridCached = 0;
    nnplay::Matrix m_thumbPoints, m_thumbFeatures;
    int m_thumbCached = 0;
    nnplay::Matrix m_out;
};

}  // namespace nnplay::ui
