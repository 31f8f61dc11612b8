// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "NetworkSpec.h"
#include "layers/Layer.h"
#include "layers/OutputKind.h"

namespace nnplay {

/// A setting of a layer kind, with what the properties panel needs to edit it. Every value is
/// held as a number (LayerSpec::settings); the kind says how the file writes it and the panel
/// edits it.
struct SettingInfo {
    /// A number in [minimum, maximum]; one of `choices`, held as its index and written as its
    /// name ("padding": "same"); or a yes/no flag, held as 0 or 1 and written as false/true.
    enum class Kind { Number, Choice, Flag };

    /// A number setting; choice() and flag() make the other kinds.
    SettingInfo(std::string key, std::string label, std::string tooltip, double defaultValue,
                double minimum, double maximum, bool integer = false)
        : key(std::move(key)),
          label(std::move(label)),
          tooltip(std::move(tooltip)),
          defaultValue(defaultValue),
          minimum(minimum),
          maximum(maximum),
          integer(integer) {}

    std::string key;      ///< "units"
    std::string label;    ///< "Units"
    std::string tooltip;  ///< one sentence a learner understands
    double defaultValue = 0;
    double minimum = 0;
    double maximum = 0;
    bool integer = false;
    Kind kind = Kind::Number;
    /// Kind::Choice: the names the file uses, in index order.
    std::vector<std::string> choices;

    /// A choice among `names`, `defaultName` first unless another is given.
    static SettingInfo choice(std::string key, std::string label, std::string tooltip,
                              std::vector<std::string> names, const std::string& defaultName);
    static SettingInfo flag(std::string key, std::string label, std::string tooltip,
                            bool defaultValue);
    /// The index of a choice's name, or -1.
    int choiceIndex(const std::string& name) const;
};

/// Everything the palette, the file format, shape inference and the engine know about a kind.
/// Callers decide behaviour from these traits, never from the type string.
struct LayerInfo {
    /// What the palette and the canvas draw for the kind.
    enum class Glyph {
        Box,          ///< a plain box
        Curve,        ///< the activation's curve (glyphCurve)
        Connections,  ///< dots and links (a fully connected layer)
        Bars,         ///< bars of a distribution (softmax)
        Dots,         ///< a grid of dots with some switched off (dropout)
        Kernel,       ///< a small filter over a grid of pixels (convolution)
        Pool,         ///< four cells becoming one (pooling)
        Flatten,      ///< a square of cells laid out as a row
        Normalize,    ///< a bell curve centred on zero (batch normalisation)
        Loop,         ///< a cell whose output feeds back into it (recurrent layers)
    };

    std::string type;         ///< "leaky_relu"
    std::string displayName;  ///< "Leaky ReLU"
    std::string group;        ///< "Core", "Activations"
    std::string description;  ///< one sentence for tooltips
    std::vector<SettingInfo> settings;
    /// The tensors in the layer's params() order: their file keys and storage, whether they
    /// are trained and penalised. Empty for kinds without parameters.
    std::vector<ParamInfo> params;
    /// An activation: no parameters, applied to the values of the layer before it.
    bool isActivation = false;
    /// Its units can die: a unit gives exactly zero for every negative input (ReLU), so one
    /// whose input stays negative passes no gradient back and stops learning.
    bool canDie = false;
    /// Its units are drawn as neurons on the canvas (it has a "units" setting).
    bool drawsNeurons = false;
    /// Works on images (channels x height x width) and keeps their geometry.
    bool imageLayer = false;
    /// Makes no new units: it normalises, pools or reshapes the values it gets (batchnorm,
    /// pooling, flatten), so automatic initialisation of the layer before it looks past it to
    /// the activation that follows.
    bool keepsUnits = false;
    /// Works on sequences (Shape::steps), one step after another.
    bool sequenceLayer = false;
    /// Its first tensor holds square kernels that slide over the image, one row per output
    /// channel: filters x (input channels * k * k), channel by channel, row by row.
    bool slidesKernels = false;
    /// The range of its outputs when it ends a network, and how classes are read from them.
    OutputKind outputKind = OutputKind::Unbounded;
    Glyph glyph = Glyph::Box;
    /// For Glyph::Curve: the curve drawn for x in [-3, 3], y clipped to [-1, 1].
    std::function<double(double)> glyphCurve;
    /// Output shape for an input shape, or an InputError with the reason.
    std::function<Shape(const LayerSpec&, const Shape&)> outputShape;
    /// Shapes (rows, cols) of the tensors for an input shape, in `params` order; unset for
    /// kinds without parameters.
    std::function<std::vector<std::pair<int, int>>(const LayerSpec&, const Shape&)> paramShapes;
    /// A short line for the canvas under the kind's name ("8 filters 3×3"); unset: the
    /// settings are listed.
    std::function<std::string(const LayerSpec&)> summary;
    /// Creates the engine layer for a spec.
    std::function<std::unique_ptr<Layer>(const LayerSpec&)> create;

    const SettingInfo* findSetting(const std::string& key) const;
    /// Whether the kind has tensors (weights) of its own.
    bool hasWeights() const { return !params.empty(); }
    /// Number of stored values for an input shape.
    long long paramCount(const LayerSpec& spec, const Shape& input) const;
};

/// Maps layer names to their description and factory.
class LayerRegistry {
public:
    /// The registry with every built-in layer (filled by registerBuiltinLayers on first use).
    static const LayerRegistry& builtin();

    void add(LayerInfo info);
    /// nullptr when unknown.
    const LayerInfo* find(const std::string& type) const;
    /// Throws InputError "unknown layer type 'x'" listing the known ones.
    const LayerInfo& get(const std::string& type) const;
    const std::vector<LayerInfo>& all() const { return m_infos; }
    /// The output kind of a network: its last layer's (Unbounded for an empty or unknown one).
    OutputKind outputKind(const NetworkSpec& network) const;
    /// Index of the last layer that decides the network's output size: the last one that is
    /// not an activation (0 when all are).
    int sizingLayer(const NetworkSpec& network) const;

private:
    std::vector<LayerInfo> m_infos;
};

/// Adds dense, dropout, the activations, the convolution and the recurrent layers to a registry.
void registerBuiltinLayers(LayerRegistry& registry);

}  // namespace nnplay
