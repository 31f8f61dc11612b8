// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

namespace nnplay {

/// Which view data a Session should copy out, and at what resolution. Only what is asked for
/// is computed, so hidden views cost no training time.
struct ViewRequest {
    /// Cells per side of the decision-boundary grid over the plane (0: none).
    int gridSize = 96;
    /// Cells per side of each neuron thumbnail (0: none).
    int thumbnailSize = 24;
    /// Dense weights per layer.
    bool weights = true;
    /// Dead and saturated units of the activation layers.
    bool unitStates = true;
    /// Test-set metrics (confusion matrix, R²).
    bool metrics = true;
    /// Predictions for the first test samples (sample grid).
    bool samples = true;
    /// Which of the first SessionViews::kSampleCount test samples to trace through every layer
    /// (feature maps, hidden states); -1: none.
    int traceSample = -1;
    /// Sequence data: the network run on its own predictions (SessionViews::sequence).
    bool sequence = false;
    /// Text: the temperature of the sample beside the greedy continuation (0: greedy too) and
    /// the seed it is drawn with.
    double temperature = 1.0;
    unsigned sequenceSeed = 1;
    /// Sequence data: the layer (index in the network spec) whose state and gates the preview
    /// follows; -1, or a layer that keeps no state per step: the first recurrent layer.
    int sequenceLayer = -1;
    /// Which of the first SessionViews::kSampleCount test samples to explain by the gradient
    /// of its predicted class's score with respect to its input (SessionViews::saliency); -1:
    /// none.
    int saliencySample = -1;
    /// 2-D data: a point of the plane (data coordinates) whose activations, layer by layer,
    /// SessionViews::probe copies out.
    bool probe = false;
    float probeX1 = 0.0f, probeX2 = 0.0f;
    /// Ensembles: each member's test figure and, for 2-D data, its boundary grid
    /// (SessionViews::ensemble).
    bool members = false;

    bool operator==(const ViewRequest&) const = default;
};

}  // namespace nnplay
