// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <string>
#include <vector>

#include "NetworkSpec.h"
#include "Shape.h"
#include "optim/Optimizer.h"

namespace nnplay {

/// One nnplay network as the text of a torch.nn.Module: one attribute per layer (named
/// type_id, "dense_3"), the forward lines that compute what nnplay computes, and its weights as
/// state_dict entries. The one table of how each layer type becomes PyTorch lives in its .cpp;
/// both exports (PyTorchExport, GanPyTorchExport) write their networks through it.
class TorchNetwork {
public:
    /// Checks that every layer exports. `what` names the network in messages ("the
    /// generator"; empty for a project's only network). Throws InputError naming the first
    /// layer that cannot be exported, or the network's shape error for `input`.
    TorchNetwork(const NetworkSpec& network, const Shape& input, const std::string& what = {});

    /// `class NAME(nn.Module)` with __init__ and forward (input: (samples, input size) as
    /// nnplay lays a sample out; output flattened to (samples, outputs)). With `valuesEnd` at
    /// least 0, a method `values(self, x)` runs only the first valuesEnd layers.
    std::string moduleClass(const std::string& name, const std::string& doc,
                            int valuesEnd = -1) const;
    /// The weights as JSON state_dict entries, {"dense_1.weight": {"shape": [8, 2], "values":
    /// [...]}, ...} (values row-major), as one JSON object's text.
    std::string stateDictJson() const;
    /// state_dict keys of the weights penalties apply to, and the names of frozen layers.
    std::vector<std::string> penalized() const;
    std::vector<std::string> frozen() const;

    /// Input shape of each layer and of the output (layers + 1 entries).
    const std::vector<Shape>& shapes() const { return m_shapes; }
    int layerCount() const { return static_cast<int>(m_network.layers.size()); }

    // Python literals as both exports write them.

    /// A number read back exactly as a float: "%.9g".
    static std::string number(double v);
    /// A setting held as a float, as short as it reads: 0.01, not 0.00999999978.
    static std::string setting(float v);
    static std::string string(const std::string& s);
    static std::string list(const std::vector<std::string>& items);
    /// {"kind": "adam", "learning_rate": ..., "momentum": ..., ...}: what make_optimizer() of
    /// pythonHelpers() reads.
    static std::string optimizer(const OptimizerSettings& o);
    /// The Python functions both scripts share: load_state(model, stored, path),
    /// state_of(model) and make_optimizer(params, settings) (nnplay's SGD, RMSprop and Adam).
    static std::string pythonHelpers();

private:
    /// forward's lines for the first `end` layers, indented for a method body.
    std::string forwardLines(int end) const;

    NetworkSpec m_network;
    std::vector<Shape> m_shapes;
};

}  // namespace nnplay
