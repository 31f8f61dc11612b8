// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

namespace nnplay::ui {

/// Which parts of a TrainingSnapshot the visible views need, and at what resolution. The worker
/// computes only what is asked for, so hidden views cost no training time.
struct SnapshotRequest {
    /// Cells per side of the decision-boundary grid over the plane (0: none).
    int gridSize = 96;
    /// Cells per side of each neuron thumbnail (0: none).
    int thumbnailSize = 24;
    /// Dense weights per layer.
    bool weights = true;
    /// Test-set metrics (confusion matrix, R²).
    bool metrics = true;
    /// Predictions for the first test samples (sample grid).
    bool samples = true;

    bool operator==(const SnapshotRequest&) const = default;
};

}  // namespace nnplay::ui
