// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <limits>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "Shape.h"
#include "Types.h"

namespace nnplay {

/// The largest layer id: ids are the positive ints.
inline constexpr int kMaxLayerId = std::numeric_limits<int>::max();

/// An id not in `used`: one above the largest, or the smallest free one once the largest is
/// kMaxLayerId (so a hand-written id near the limit never makes the next one overflow).
int freshLayerId(const std::set<int>& used);

/// One layer of the document: its kind, its settings and, once trained, its parameters.
struct LayerSpec {
    /// Identity within the document, stable across edits (the editor and undo refer to it).
    int id = 0;
    /// Registry name: "dense", "relu", "dropout", ...
    std::string type;
    /// Values of the registry's settings for this kind ("units", "rate", "alpha"); a missing
    /// key means the registry's default.
    std::map<std::string, double> settings;
    /// Trained parameters in the layer's order (dense: weights units x inputs, then bias
    /// units x 1). Empty when the layer has not been trained.
    std::vector<Matrix> params;
    /// False freezes the layer: training keeps its parameters as they are (no steps, no
    /// penalties) while gradients still pass through it to the layers before.
    bool trainable = true;

    /// The value of a setting, or the registry's default for this kind.
    double setting(const std::string& key) const;
    bool operator==(const LayerSpec& other) const;
};

/// The network as the user edits it: a sequence of layers. The single source of truth that
/// the editor edits, the file format stores and the engine builds a Model from.
struct NetworkSpec {
    std::vector<LayerSpec> layers;

    /// Index of the layer with this id, or -1.
    int indexOf(int id) const;
    /// An id no layer uses yet.
    int freshId() const;
    /// Appends a layer with a fresh id; `units` > 0 sets the "units" setting.
    LayerSpec& add(const std::string& type, int units = 0);
    /// Dense layers of `units` with `hidden` activations between them and `output` (when not
    /// empty) after the last: multilayer({4, 1}, "tanh", "sigmoid").
    static NetworkSpec multilayer(const std::vector<int>& units, const std::string& hidden,
                                  const std::string& output);
    /// Drops all trained parameters (after a structural change).
    void clearParams();
    bool hasParams() const;
    bool operator==(const NetworkSpec&) const = default;
};

/// What shape inference says about one layer.
struct LayerShapeInfo {
    Shape output;
    long long paramCount = 0;
    /// Whether output and paramCount were worked out (layers after an error are not).
    bool inferred = false;
    /// Empty when the layer is fine; otherwise why it is not ("expects ... but ...").
    std::string error;
};

/// Shape inference over a whole network.
struct ShapeReport {
    std::vector<LayerShapeInfo> layers;
    /// Index of the first offending layer, or -1 (an error about the output as a whole,
    /// such as a wrong number of outputs, points at the last layer).
    int errorLayer = -1;
    /// Full sentence naming the layer and the reason; empty when valid.
    std::string error;

    bool ok() const { return error.empty(); }
    long long totalParams() const;
};

/// Infers every layer's output shape and parameter count for samples of shape `input`.
/// When expectedOutputs > 0, the network's output must have that many values.
ShapeReport inferShapes(const NetworkSpec& spec, const Shape& input, int expectedOutputs = 0);

/// "Dense (layer 3)": how messages name a layer.
std::string describeLayer(const NetworkSpec& spec, int index);

}  // namespace nnplay
