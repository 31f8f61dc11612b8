// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Transfer learning: layers taken with their trained weights out of one project and put at the
// start of a network of another, checked against that project's data. The window's Import
// Layers dialog and its undo step call these; nothing here knows a file or a widget.

#include <string>
#include <vector>

#include "NetworkSpec.h"
#include "Project.h"
#include "Shape.h"

namespace nnplay {

/// One layer a project offers for import.
struct TransferableLayer {
    /// "Conv2D (layer 1)".
    std::string name;
    /// The registry's one-line summary of its settings ("8 filters 3×3"), or "".
    std::string summary;
    /// Whether the kind has weights at all, and whether the project stores them (trained).
    bool hasWeights = false;
    bool trained = false;
    /// Stored values over all tensors (0 when untrained or without weights).
    long long storedValues = 0;
    bool frozen = false;
};

/// What network `network` of `source` offers, layer by layer. Throws InputError when the project
/// has no such network.
std::vector<TransferableLayer> transferableLayers(const Project& source,
                                                  const std::string& network);

/// The request: layers [first, first + count) of a source network put in place of the first
/// `replace` layers of the target network (0: inserted before them).
struct LayerTransferRequest {
    std::string sourceNetwork;
    int first = 0;
    int count = 0;
    std::string targetNetwork;
    int replace = 0;
    /// Imported layers come frozen (not trained), keeping the features they learnt.
    bool freeze = true;
};

/// The target network after the transfer and what it cost.
struct LayerTransfer {
    NetworkSpec network;
    /// Indices (in `network`) of the imported layers whose stored weights do not fit the new
    /// data (a Dense after a Flatten of images of another size) and start fresh; they are left
    /// trainable, since fresh weights must learn.
    std::vector<int> reinitialised;
    /// One sentence per reinitialised layer, naming it and why.
    std::vector<std::string> notes;
};

/// Drops the weights training gives, keeping those of frozen layers: a lesson teaches from
/// fresh weights, but a frozen base it ships (transfer learning) is part of the lesson.
void dropLearnedWeights(NetworkSpec& spec);

/// Takes the requested layers out of `source` with their weights and puts them at the start of
/// the target network of `target`, with ids unused in `target`. The target's layers after the
/// imported ones keep their settings but drop their weights (what feeds them has changed).
/// Checks the result against `input` (the target's sample shape) by shape inference: stored
/// weights that do not fit start fresh (see LayerTransfer::reinitialised); any other misfit
/// throws InputError with the usual message naming the layer, and so does a request out of
/// range. Untrained source layers are taken as they are (their weights start fresh).
LayerTransfer transferLayers(const Project& source, const Project& target,
                             const LayerTransferRequest& request, const Shape& input);

}  // namespace nnplay
