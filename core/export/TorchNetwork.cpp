// SPDX-License-Identifier: GPL-3.0-or-later
#include "export/TorchNetwork.h"

#include <cstdio>
#include <functional>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>

#include "MessageText.h"
#include "layers/LayerRegistry.h"

namespace nnplay {

namespace {

std::string number(double v) { return TorchNetwork::number(v); }

bool isImage(const Shape& s) { return !s.isFlat() && !s.isSequence(); }

/// How one layer type becomes PyTorch: the module, the forward line and the state_dict keys
/// of its parameters in nnplay's order.
struct TorchLayer {
    std::string module;
    std::string forward;
    std::vector<std::string> paramKeys;
    /// A convolution's kernel side: its first tensor is reshaped to filters x channels x k x k.
    int kernel = 0;
};

using TorchMaker =
    std::function<TorchLayer(const LayerSpec&, const std::string& name, const Shape& in)>;

TorchLayer activation(const std::string& module, const std::string& name, const Shape&) {
    return {module, "x = self." + name + "(x)", {}};
}

TorchLayer recurrent(const std::string& cls, const LayerSpec& spec, const std::string& name,
                     const Shape& in) {
    const int units = static_cast<int>(spec.setting("units"));
    std::string forward = "x, _ = self." + name + "(x)";
    if (spec.setting("return_sequences") == 0) forward += "\n        x = x[:, -1]";
    return {"nn." + cls + "(" + std::to_string(in.stepSize()) + ", " + std::to_string(units) +
                ", batch_first=True)",
            forward,
            {"weight_ih_l0", "weight_hh_l0", "bias_ih_l0", "bias_hh_l0"}};
}

/// The layer types that export, by registry name.
const std::map<std::string, TorchMaker>& torchLayers() {
    static const std::map<std::string, TorchMaker> makers = {
        {"dense",
         [](const LayerSpec& spec, const std::string& name, const Shape& in) -> TorchLayer {
             // Per step on a sequence; an image is flattened first, as nnplay reads it.
             const bool perStep = in.isSequence() && in.isFlat();
             const int inputs = perStep ? in.stepSize() : in.size();
             return {"nn.Linear(" + std::to_string(inputs) + ", " +
                         std::to_string(static_cast<int>(spec.setting("units"))) + ")",
                     "x = self." + name + "(" + (in.isFlat() ? "x" : "x.flatten(1)") + ")",
                     {"weight", "bias"}};
         }},
        {"dropout",
         [](const LayerSpec& spec, const std::string& name, const Shape& in) {
             return activation("nn.Dropout(" + number(spec.setting("rate")) + ")", name, in);
         }},
        {"relu", [](const LayerSpec&, const std::string& n,
                    const Shape& in) { return activation("nn.ReLU()", n, in); }},
        {"leaky_relu",
         [](const LayerSpec& spec, const std::string& n, const Shape& in) {
             return activation("nn.LeakyReLU(" + number(spec.setting("alpha")) + ")", n, in);
         }},
        {"tanh", [](const LayerSpec&, const std::string& n,
                    const Shape& in) { return activation("nn.Tanh()", n, in); }},
        {"sigmoid", [](const LayerSpec&, const std::string& n,
                       const Shape& in) { return activation("nn.Sigmoid()", n, in); }},
        {"linear", [](const LayerSpec&, const std::string& n,
                      const Shape& in) { return activation("nn.Identity()", n, in); }},
        {"softmax",
         [](const LayerSpec&, const std::string& name, const Shape& in) -> TorchLayer {
             // Per step for a sequence, else over all of a sample's values.
             const bool perStep = in.isSequence() && in.isFlat();
             return {"nn.Softmax(dim=-1)",
                     "x = self." + name + "(" + (perStep ? "x" : "x.flatten(1)") + ")",
                     {}};
         }},
        {"conv2d",
         [](const LayerSpec& spec, const std::string& name, const Shape& in) -> TorchLayer {
             const int k = static_cast<int>(spec.setting("kernel_size"));
             const int s = static_cast<int>(spec.setting("stride"));
             TorchLayer t{"nn.Conv2d(" + std::to_string(in.channels) + ", " +
                              std::to_string(static_cast<int>(spec.setting("filters"))) + ", " +
                              std::to_string(k) + ", stride=" + std::to_string(s) + ")",
                          "x = self." + name + "(x)",
                          {"weight", "bias"},
                          k};
             if (spec.setting("padding") != 1) {
                 // "same" as nnplay pads: the odd pixel goes to the bottom and the right.
                 const int oh = (in.height + s - 1) / s, ow = (in.width + s - 1) / s;
                 const int ph = std::max((oh - 1) * s + k - in.height, 0);
                 const int pw = std::max((ow - 1) * s + k - in.width, 0);
                 t.forward = "x = self." + name + "(F.pad(x, (" + std::to_string(pw / 2) + ", " +
                             std::to_string(pw - pw / 2) + ", " + std::to_string(ph / 2) + ", " +
                             std::to_string(ph - ph / 2) + ")))";
             }
             return t;
         }},
        {"maxpool2d",
         [](const LayerSpec& spec, const std::string& n, const Shape& in) {
             return activation(
                 "nn.MaxPool2d(" + std::to_string(static_cast<int>(spec.setting("pool_size"))) +
                     ", stride=" + std::to_string(static_cast<int>(spec.setting("stride"))) + ")",
                 n, in);
         }},
        {"avgpool2d",
         [](const LayerSpec& spec, const std::string& n, const Shape& in) {
             return activation(
                 "nn.AvgPool2d(" + std::to_string(static_cast<int>(spec.setting("pool_size"))) +
                     ", stride=" + std::to_string(static_cast<int>(spec.setting("stride"))) + ")",
                 n, in);
         }},
        {"flatten", [](const LayerSpec&, const std::string& n,
                       const Shape& in) { return activation("nn.Flatten()", n, in); }},
        {"batchnorm",
         [](const LayerSpec& spec, const std::string& name, const Shape& in) -> TorchLayer {
             const std::string args = std::to_string(in.channels) +
                                      ", eps=" + number(spec.setting("epsilon")) +
                                      ", momentum=" + number(spec.setting("momentum")) + ")";
             TorchLayer t{(isImage(in) ? "nn.BatchNorm2d(" : "nn.BatchNorm1d(") + args,
                          "x = self." + name + "(x)",
                          {"weight", "bias", "running_mean", "running_var"}};
             // A sequence is normalised per feature over samples and steps.
             if (in.isSequence())
                 t.forward = "x = self." + name + "(x.transpose(1, 2)).transpose(1, 2)";
             return t;
         }},
        {"simple_rnn", [](const LayerSpec& spec, const std::string& n,
                          const Shape& in) { return recurrent("RNN", spec, n, in); }},
        {"lstm", [](const LayerSpec& spec, const std::string& n,
                    const Shape& in) { return recurrent("LSTM", spec, n, in); }},
        {"gru", [](const LayerSpec& spec, const std::string& n,
                   const Shape& in) { return recurrent("GRU", spec, n, in); }},
    };
    return makers;
}

std::string layerName(const LayerSpec& layer) {
    return layer.type + "_" + std::to_string(layer.id);
}

}  // namespace

TorchNetwork::TorchNetwork(const NetworkSpec& network, const Shape& input, const std::string& what)
    : m_network(network) {
    const std::string prefix = what.empty() ? "" : what + ": ";
    if (input.isSequence() && !input.isFlat())
        throw InputError(prefix + "sequences of images do not export to PyTorch");
    const ShapeReport report = inferShapes(m_network, input);
    if (!report.ok()) throw InputError(prefix + report.error);
    m_shapes.push_back(input);
    for (std::size_t i = 0; i < m_network.layers.size(); ++i) {
        if (!torchLayers().count(m_network.layers[i].type))
            throw InputError(prefix + describeLayer(m_network, static_cast<int>(i)) +
                             " cannot be exported to PyTorch: nnplay knows no PyTorch layer "
                             "that computes the same; remove it or replace it to export");
        m_shapes.push_back(report.layers[i].output);
    }
}

std::string TorchNetwork::forwardLines(int end) const {
    const Shape& input = m_shapes.front();
    std::ostringstream forward;
    if (isImage(input))
        forward << "        x = x.reshape(-1, " << input.channels << ", " << input.height << ", "
                << input.width << ")\n";
    else if (input.isSequence())
        forward << "        x = x.reshape(-1, " << input.steps << ", " << input.stepSize() << ")\n";
    for (int i = 0; i < end; ++i) {
        const LayerSpec& layer = m_network.layers[static_cast<std::size_t>(i)];
        const TorchLayer t =
            torchLayers().at(layer.type)(layer, layerName(layer), m_shapes[static_cast<std::size_t>(i)]);
        forward << "        " << t.forward << "\n";
    }
    forward << "        return x.flatten(1)\n";
    return forward.str();
}

std::string TorchNetwork::moduleClass(const std::string& name, const std::string& doc,
                                      int valuesEnd) const {
    std::ostringstream out;
    out << "class " << name << "(nn.Module):\n    \"\"\"" << doc << "\"\"\"\n\n"
        << "    def __init__(self):\n        super().__init__()\n";
    for (std::size_t i = 0; i < m_network.layers.size(); ++i) {
        const LayerSpec& layer = m_network.layers[i];
        const std::string layerId = layerName(layer);
        out << "        self." << layerId << " = "
            << torchLayers().at(layer.type)(layer, layerId, m_shapes[i]).module << "\n";
    }
    if (m_network.layers.empty()) out << "        pass\n";
    out << "\n    def forward(self, x):\n        \"\"\"x: (samples, " << m_shapes.front().size()
        << ") as nnplay lays a sample out; returns (samples, outputs).\"\"\"\n"
        << forwardLines(layerCount());
    if (valuesEnd >= 0)
        out << "\n    def values(self, x):\n        \"\"\"The first " << valuesEnd
            << " layers: what the loss reads.\"\"\"\n"
            << forwardLines(valuesEnd);
    return out.str();
}

std::string TorchNetwork::stateDictJson() const {
    nlohmann::ordered_json state = nlohmann::ordered_json::object();
    for (std::size_t i = 0; i < m_network.layers.size(); ++i) {
        const LayerSpec& layer = m_network.layers[i];
        const std::string name = layerName(layer);
        const TorchLayer t = torchLayers().at(layer.type)(layer, name, m_shapes[i]);
        const LayerInfo& info = LayerRegistry::builtin().get(layer.type);
        for (std::size_t p = 0;
             p < t.paramKeys.size() && p < layer.params.size() && p < info.params.size(); ++p) {
            const Matrix& m = layer.params[p];
            std::vector<float> values;
            values.reserve(static_cast<std::size_t>(m.size()));
            for (Eigen::Index r = 0; r < m.rows(); ++r)
                for (Eigen::Index c = 0; c < m.cols(); ++c) values.push_back(m(r, c));
            std::vector<long long> shape{m.rows()};
            if (info.params[p].storage == ParamStorage::Matrix) shape.push_back(m.cols());
            // A Conv2D's filters x (channels*k*k) are PyTorch's filters x channels x k x k.
            if (t.kernel > 0 && p == 0) {
                const long long k = t.kernel;
                shape = {m.rows(), m.cols() / (k * k), k, k};
            }
            state[name + "." + t.paramKeys[p]] = {{"shape", shape}, {"values", values}};
        }
    }
    return state.dump();
}

std::vector<std::string> TorchNetwork::penalized() const {
    std::vector<std::string> out;
    for (std::size_t i = 0; i < m_network.layers.size(); ++i) {
        const LayerSpec& layer = m_network.layers[i];
        const std::string name = layerName(layer);
        const TorchLayer t = torchLayers().at(layer.type)(layer, name, m_shapes[i]);
        const LayerInfo& info = LayerRegistry::builtin().get(layer.type);
        for (std::size_t p = 0; p < t.paramKeys.size() && p < info.params.size(); ++p)
            if (info.params[p].penalized) out.push_back(name + "." + t.paramKeys[p]);
    }
    return out;
}

std::vector<std::string> TorchNetwork::frozen() const {
    std::vector<std::string> out;
    for (const LayerSpec& layer : m_network.layers)
        if (!layer.trainable) out.push_back(layerName(layer));
    return out;
}

std::string TorchNetwork::number(double v) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.9g", v);
    return buffer;
}

std::string TorchNetwork::setting(float v) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.7g", static_cast<double>(v));
    return buffer;
}

std::string TorchNetwork::string(const std::string& s) { return nlohmann::json(s).dump(); }

std::string TorchNetwork::list(const std::vector<std::string>& items) {
    std::string out = "[";
    for (const std::string& s : items) out += (out.size() > 1 ? ", " : "") + string(s);
    return out + "]";
}

std::string TorchNetwork::optimizer(const OptimizerSettings& o) {
    return "{\"kind\": " + string(o.kind) + ", \"learning_rate\": " + setting(o.learningRate) +
           ", \"momentum\": " + setting(o.momentum) +
           ", \"nesterov\": " + (o.nesterov ? "True" : "False") + ", \"rho\": " + setting(o.rho) +
           ", \"beta1\": " + setting(o.beta1) + ", \"beta2\": " + setting(o.beta2) +
           ", \"epsilon\": " + setting(o.epsilon) + "}";
}

std::string TorchNetwork::pythonHelpers() {
    return R"PY(def load_state(model, stored, path):
    """Loads a state_dict stored as {"name": {"shape": [...], "values": [...]}}."""
    state = {k: torch.tensor(v["values"], dtype=torch.float32).reshape(v["shape"])
             for k, v in stored.items()}
    missing, unexpected = model.load_state_dict(state, strict=False)
    missing = [k for k in missing if not k.endswith("num_batches_tracked")]
    if missing or unexpected:
        sys.exit(f"{path}: the weights do not fit the network (missing {missing}, "
                 f"unexpected {unexpected})")


def state_of(model):
    return {k: {"shape": list(v.shape), "values": v.detach().flatten().tolist()}
            for k, v in model.state_dict().items() if not k.endswith("num_batches_tracked")}


def make_optimizer(params, o):
    """nnplay's optimizer o (a dict of its settings) as PyTorch's."""
    if o["kind"] == "sgd":
        return torch.optim.SGD(params, lr=o["learning_rate"], momentum=o["momentum"],
                               nesterov=o["nesterov"])
    if o["kind"] == "rmsprop":
        return torch.optim.RMSprop(params, lr=o["learning_rate"], alpha=o["rho"], eps=o["epsilon"])
    return torch.optim.Adam(params, lr=o["learning_rate"], betas=(o["beta1"], o["beta2"]),
                            eps=o["epsilon"])
)PY";
}

}  // namespace nnplay
