// SPDX-License-Identifier: GPL-3.0-or-later
#include "export/PyTorchExport.h"

#include <cstdio>
#include <filesystem>
#include <functional>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>

#include "data/PlaneGenerators.h"
#include "io/AtomicFile.h"
#include "layers/LayerRegistry.h"
#include "train/TrainingSession.h"

namespace nnplay {

namespace {

const char* const kTemplate = R"PY(
#!/usr/bin/env python3
"""@@TITLE@@ -- exported from nnplay as a PyTorch script.

  python3 @@SCRIPT@@ --predict IN.csv --out PRED.csv   predictions as `nnplay-cli predict` writes them
  python3 @@SCRIPT@@ --train [--epochs N] [--save W.json]  goes on training from the exported weights
  torchrun --nproc_per_node=K @@SCRIPT@@ --train       the same with DistributedDataParallel
  python3 @@SCRIPT@@ --onnx model.onnx                 writes the network as ONNX

The weights lie beside this script in @@WEIGHTS@@, the training data (the network's inputs after
the project's preprocessing, and the targets the loss compares with) in @@DATA@@.
"""
import argparse
import csv
import json
import math
import os
import sys

import torch
import torch.nn.functional as F
from torch import nn

HERE = os.path.dirname(os.path.abspath(__file__))
WEIGHTS_FILE = os.path.join(HERE, "@@WEIGHTS@@")
DATA_FILE = os.path.join(HERE, "@@DATA@@")

@@CONSTANTS@@


class Network(nn.Module):
    """The project's network, layer by layer, with nnplay's layer names."""

    def __init__(self):
        super().__init__()
@@INIT@@

    def forward(self, x):
        """x: (samples, @@INPUT_SIZE@@) as nnplay lays a sample out; returns (samples, outputs)."""
@@FORWARD@@
        return x.flatten(1)


def load_weights(model, path):
    """Loads the state_dict stored as {"name": {"shape": [...], "values": [...]}}."""
    with open(path) as f:
        stored = json.load(f)["state_dict"]
    state = {k: torch.tensor(v["values"], dtype=torch.float32).reshape(v["shape"])
             for k, v in stored.items()}
    missing, unexpected = model.load_state_dict(state, strict=False)
    missing = [k for k in missing if not k.endswith("num_batches_tracked")]
    if missing or unexpected:
        sys.exit(f"{path}: the weights do not fit the network (missing {missing}, "
                 f"unexpected {unexpected})")


def save_weights(model, path):
    state = {k: {"shape": list(v.shape), "values": v.detach().flatten().tolist()}
             for k, v in model.state_dict().items() if not k.endswith("num_batches_tracked")}
    with open(path, "w") as f:
        json.dump({"state_dict": state}, f)


# ---- preprocessing: from the raw columns of a CSV to the network's inputs ----

def derive_features(raw):
    """raw: (samples, len(INPUT_COLUMNS)); the plane's derived features when the data are 2-D."""
    if PLANE_FEATURES is None:
        return raw
    x1, x2 = raw[:, 0], raw[:, 1]
    table = {"x1": x1, "x2": x2, "x1^2": x1 * x1, "x2^2": x2 * x2, "x1*x2": x1 * x2,
             "sin(x1)": torch.sin(x1), "sin(x2)": torch.sin(x2)}
    return torch.stack([table[name] for name in PLANE_FEATURES], dim=1)


def network_inputs(raw):
    x = derive_features(raw)
    if INPUT_MEAN is not None:
        x = (x - torch.tensor(INPUT_MEAN)) / torch.tensor(INPUT_SCALE)
    return x


def read_prediction_rows(path, header):
    with open(path, newline="") as f:
        rows = [r for r in csv.reader(f) if r and any(c.strip() for c in r)]
    if header:
        names, rows = [c.strip() for c in rows[0]], rows[1:]
        missing = [c for c in INPUT_COLUMNS if c not in names]
        if missing:
            sys.exit(f"{path}: the header has no column {missing} (the inputs are {INPUT_COLUMNS})")
        columns = [names.index(c) for c in INPUT_COLUMNS]
    else:
        columns = list(range(len(INPUT_COLUMNS)))
    return torch.tensor([[float(r[c]) for c in columns] for r in rows], dtype=torch.float32)


# ---- reading the outputs as nnplay does ----

def unit_probability(y):
    if OUTPUTS_PER_STEP == 1 and OUTPUT_KIND == "symmetric":
        y = (y + 1.0) / 2.0
    return y.clamp(0.0, 1.0)


def last_step(outputs):
    rows = outputs.shape[1]
    if OUTPUTS_PER_STEP > 0 and rows > OUTPUTS_PER_STEP and rows % OUTPUTS_PER_STEP == 0:
        return outputs[:, rows - OUTPUTS_PER_STEP:]
    return outputs


def fmt(v):
    return f"{float(v):g}"


def predict(model, args):
    model.eval()
    with torch.no_grad():
        outputs = model(network_inputs(read_prediction_rows(args.predict, not args.no_header)))
    lines = []
    if TASK == "classification":
        last = last_step(outputs)
        if last.shape[1] == 1:
            p1 = unit_probability(last[:, 0])
            lines.append(f"prediction,probability_{CLASS_NAMES[1]}")
            for p in p1.tolist():
                lines.append(f"{CLASS_NAMES[1 if p >= 0.5 else 0]},{fmt(p)}")
        else:
            probabilities = unit_probability(last)
            lines.append("prediction" + "".join(f",probability_{c}" for c in CLASS_NAMES))
            for row, raw in zip(probabilities.tolist(), last.tolist()):
                best = max(range(len(raw)), key=lambda k: (raw[k], -k))
                lines.append(CLASS_NAMES[best] + "".join(f",{fmt(p)}" for p in row))
    else:
        if TARGET_MEAN is not None:
            outputs = outputs * torch.tensor(TARGET_SCALE) + torch.tensor(TARGET_MEAN)
        lines.append("prediction")
        for row in outputs.tolist():
            lines.append(",".join(fmt(v) for v in row))
    with open(args.out, "w") as f:
        f.write("\n".join(lines) + "\n")


# ---- training ----

def read_data():
    """The parts written beside the script: inputs and loss targets of each sample."""
    parts = {}
    with open(DATA_FILE, newline="") as f:
        reader = csv.reader(f)
        header = next(reader)
        inputs = [i for i, h in enumerate(header) if h.startswith("in")]
        targets = [i for i, h in enumerate(header) if h.startswith("target")]
        for row in reader:
            x, t = parts.setdefault(row[0], ([], []))
            x.append([float(row[i]) for i in inputs])
            t.append([float(row[i]) for i in targets])
    return {k: torch.utils.data.TensorDataset(torch.tensor(x), torch.tensor(t))
            for k, (x, t) in parts.items()}


def loss_of(outputs, targets):
    """The project's loss, with nnplay's averaging."""
    if LOSS == "mse":
        return F.mse_loss(outputs, targets)
    if LOSS == "bce":
        return F.binary_cross_entropy(outputs.clamp(1e-7, 1 - 1e-7), targets)
    # cce: summed over the classes, averaged over samples (and time steps of a sequence).
    p = outputs.reshape(-1, OUTPUTS_PER_STEP).clamp_min(1e-7)
    return -(targets.reshape(-1, OUTPUTS_PER_STEP) * p.log()).sum(1).mean()


def penalty(model):
    """L1 * sum|w| + L2/2 * sum w^2 over the weights (not the biases)."""
    total = 0.0
    for name, p in model.named_parameters():
        if name in PENALIZED and (L1 or L2):
            total = total + L1 * p.abs().sum() + L2 / 2 * (p * p).sum()
    return total


def make_optimizer(params):
    o = OPTIMIZER
    if o["kind"] == "sgd":
        return torch.optim.SGD(params, lr=o["learning_rate"], momentum=o["momentum"],
                               nesterov=o["nesterov"])
    if o["kind"] == "rmsprop":
        return torch.optim.RMSprop(params, lr=o["learning_rate"], alpha=o["rho"], eps=o["epsilon"])
    return torch.optim.Adam(params, lr=o["learning_rate"], betas=(o["beta1"], o["beta2"]),
                            eps=o["epsilon"])


def train(model, args):
    distributed = "WORLD_SIZE" in os.environ and int(os.environ["WORLD_SIZE"]) > 1
    device = torch.device("cpu")
    if distributed:
        cuda = torch.cuda.is_available()
        torch.distributed.init_process_group("nccl" if cuda else "gloo")
        if cuda:
            device = torch.device("cuda", int(os.environ.get("LOCAL_RANK", 0)))
            torch.cuda.set_device(device)
    rank = torch.distributed.get_rank() if distributed else 0
    if distributed and rank == 0:
        backend = torch.distributed.get_backend()
        print(f"distributed over {torch.distributed.get_world_size()} processes ({backend})",
              flush=True)
    torch.manual_seed(SEED)
    model.to(device)
    for name, m in model.named_modules():
        if name in FROZEN:
            for p in m.parameters():
                p.requires_grad_(False)
    trained = model
    if distributed:
        trained = nn.parallel.DistributedDataParallel(model, device_ids=[device.index] if device.index is not None else None)
    parts = read_data()
    sampler = (torch.utils.data.distributed.DistributedSampler(parts["train"], shuffle=SHUFFLE, seed=SEED)
               if distributed else None)
    loader = torch.utils.data.DataLoader(parts["train"], batch_size=BATCH_SIZE,
                                         shuffle=SHUFFLE and sampler is None, sampler=sampler)
    optimizer = make_optimizer([p for p in model.parameters() if p.requires_grad])
    epochs = args.epochs if args.epochs is not None else EPOCHS
    for epoch in range(1, epochs + 1):
        if sampler is not None:
            sampler.set_epoch(epoch)
        trained.train()
        for x, t in loader:
            x, t = x.to(device), t.to(device)
            optimizer.zero_grad()
            loss = loss_of(trained(x), t) + penalty(model)
            loss.backward()
            optimizer.step()
        if rank == 0:
            model.eval()
            with torch.no_grad():
                line = f"epoch {epoch}"
                for name in ("train", "validation", "test"):
                    if name in parts and len(parts[name]):
                        x, t = parts[name].tensors
                        line += f"  {name}_loss {loss_of(model(x.to(device)), t.to(device)).item():.4f}"
            print(line, flush=True)
    if rank == 0 and args.save:
        save_weights(model.cpu(), args.save)
    if distributed:
        torch.distributed.destroy_process_group()


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--predict", metavar="IN.csv", help="rows to predict (header names the inputs)")
    parser.add_argument("--out", metavar="PRED.csv", help="where --predict writes")
    parser.add_argument("--no-header", action="store_true", help="IN.csv has no header row")
    parser.add_argument("--train", action="store_true", help="go on training from the weights")
    parser.add_argument("--epochs", type=int, help=f"epochs to train (default {EPOCHS})")
    parser.add_argument("--save", metavar="W.json", help="where --train writes the weights")
    parser.add_argument("--weights", default=WEIGHTS_FILE, help="weights to start from")
    parser.add_argument("--onnx", metavar="model.onnx", help="write the network as ONNX")
    args = parser.parse_args()
    if not (args.predict or args.train or args.onnx):
        parser.error("give --predict, --train or --onnx")
    if args.predict and not args.out:
        parser.error("--predict needs --out")
    model = Network()
    load_weights(model, args.weights)
    if args.train:
        train(model, args)
    if args.predict:
        predict(model, args)
    if args.onnx:
        model.eval()
        torch.onnx.export(model, torch.zeros(1, @@INPUT_SIZE@@), args.onnx,
                          input_names=["input"], output_names=["output"],
                          dynamic_axes={"input": {0: "samples"}, "output": {0: "samples"}})


if __name__ == "__main__":
    main()
)PY";

void replaceAll(std::string& text, const std::string& key, const std::string& value) {
    for (std::size_t at = text.find(key); at != std::string::npos;
         at = text.find(key, at + value.size()))
        text.replace(at, key.size(), value);
}

std::string number(double v) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.9g", v);
    return buffer;
}

/// A setting held as a float, as short as it reads: 0.01, not 0.00999999978.
std::string setting(float v) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.7g", static_cast<double>(v));
    return buffer;
}

std::string pyString(const std::string& s) { return nlohmann::json(s).dump(); }

std::string pyList(const std::vector<std::string>& items) {
    std::string out = "[";
    for (const std::string& s : items) out += (out.size() > 1 ? ", " : "") + pyString(s);
    return out + "]";
}

std::string pyList(const Vector& v) {
    std::string out = "[";
    for (Eigen::Index i = 0; i < v.size(); ++i) out += (i ? ", " : "") + number(v(i));
    return out + "]";
}

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

std::string outputKindName(OutputKind kind) {
    switch (kind) {
        case OutputKind::Probability:
            return "probability";
        case OutputKind::Symmetric:
            return "symmetric";
        case OutputKind::Distribution:
            return "distribution";
        case OutputKind::Unbounded:
            break;
    }
    return "unbounded";
}

}  // namespace

PyTorchExport::PyTorchExport(const Project& project, DataSplit data)
    : m_project(project), m_data(std::move(data)) {
    const NetworkSpec& network = m_project.network();
    if (m_project.networks.size() != 1)
        throw InputError(
            "only projects with one network (classification, regression) export to "
            "PyTorch so far");
    if (!network.hasParams())
        throw InputError(
            "the project has no trained weights; train it first (nnplay-cli train "
            "PROJECT --save OUT)");
    const Shape input = m_data.info.inputShape;
    if (input.isSequence() && !input.isFlat())
        throw InputError("sequences of images do not export to PyTorch");
    const ShapeReport report = inferShapes(network, input);
    if (!report.ok()) throw InputError(report.error);
    m_shapes.push_back(input);
    for (std::size_t i = 0; i < network.layers.size(); ++i) {
        if (!torchLayers().count(network.layers[i].type))
            throw InputError(describeLayer(network, static_cast<int>(i)) +
                             " cannot be exported to PyTorch: nnplay knows no PyTorch layer "
                             "that computes the same; remove it or replace it to export");
        m_shapes.push_back(report.layers[i].output);
    }
    m_preprocessing =
        m_project.preprocessing.empty() ? Preprocessing::of(m_data) : m_project.preprocessing;
}

std::vector<PyTorchExport::File> PyTorchExport::files(const std::string& scriptName) const {
    const std::filesystem::path path(scriptName);
    const std::string stem = path.stem().string();
    // Python puts the script's folder first on its path: a script named after a module it
    // imports would import itself.
    for (const char* module : {"argparse", "csv", "json", "math", "os", "sys", "torch"})
        if (stem == module)
            throw InputError("the script cannot be named " + path.filename().string() +
                             ": Python would import it instead of its module " + module +
                             "; choose another name");
    const std::string weights = stem + ".weights.json", data = stem + ".data.csv";
    return {{path.filename().string(), script(path.filename().string(), weights, data)},
            {weights, weightsJson()},
            {data, dataCsv()}};
}

std::vector<std::string> PyTorchExport::write(const std::string& scriptPath) const {
    const std::vector<File> out = files(scriptPath);
    const std::filesystem::path folder = std::filesystem::path(scriptPath).parent_path();
    std::vector<std::string> names;
    for (const File& file : out) {
        AtomicFile(((folder / file.name)).string()).commit(file.text);
        names.push_back(file.name);
    }
    std::error_code ignored;  // a file system without an executable bit still has the script
    std::filesystem::permissions(scriptPath, std::filesystem::perms::owner_exec,
                                 std::filesystem::perm_options::add, ignored);
    return names;
}

std::string PyTorchExport::script(const std::string& scriptName, const std::string& weightsName,
                                  const std::string& dataName) const {
    const NetworkSpec& network = m_project.network();
    const Shape& input = m_shapes.front();
    const Shape& output = m_shapes.back();
    std::ostringstream init, forward, constants;
    if (isImage(input))
        forward << "        x = x.reshape(-1, " << input.channels << ", " << input.height << ", "
                << input.width << ")\n";
    else if (input.isSequence())
        forward << "        x = x.reshape(-1, " << input.steps << ", " << input.stepSize() << ")\n";
    std::vector<std::string> penalized, frozen;
    const LayerRegistry& registry = LayerRegistry::builtin();
    for (std::size_t i = 0; i < network.layers.size(); ++i) {
        const LayerSpec& layer = network.layers[i];
        const std::string name = layerName(layer);
        const TorchLayer t = torchLayers().at(layer.type)(layer, name, m_shapes[i]);
        init << "        self." << name << " = " << t.module << "\n";
        forward << "        " << t.forward << "\n";
        const LayerInfo& info = registry.get(layer.type);
        for (std::size_t p = 0; p < t.paramKeys.size() && p < info.params.size(); ++p)
            if (info.params[p].penalized) penalized.push_back(name + "." + t.paramKeys[p]);
        if (!layer.trainable) frozen.push_back(name);
    }
    if (network.layers.empty()) init << "        pass\n";

    const TrainingSpec& training = m_project.training;
    const OptimizerSettings& o = training.optimizer;
    const Preprocessing& pre = m_preprocessing;
    const bool plane = isPlaneSource(m_project.data.source);
    const bool classification = m_project.task == Task::Classification;
    const int perStep = output.isSequence() && output.isFlat() ? output.stepSize() : output.size();
    constants << "# What the data are and how nnplay read them.\n"
              << "TASK = " << pyString(classification ? "classification" : "regression") << "\n"
              << "INPUT_COLUMNS = " << pyList(pre.columnsFor(input)) << "\n"
              << "# The 2-D points' derived features, in the network's input order (None: the "
                 "columns as they are).\n"
              << "PLANE_FEATURES = " << (plane ? pyList(m_project.data.features) : "None") << "\n"
              << "# Input standardisation (x - mean) / scale, learnt from the training part.\n"
              << "INPUT_MEAN = " << (pre.inputs.active() ? pyList(pre.inputs.mean) : "None") << "\n"
              << "INPUT_SCALE = " << (pre.inputs.active() ? pyList(pre.inputs.scale) : "None")
              << "\n"
              << "# Regression targets are predicted standardised: y * scale + mean.\n"
              << "TARGET_MEAN = " << (pre.target.active() ? pyList(pre.target.mean) : "None")
              << "\n"
              << "TARGET_SCALE = " << (pre.target.active() ? pyList(pre.target.scale) : "None")
              << "\n"
              << "CLASS_NAMES = " << pyList(pre.classNames) << "\n"
              << "# How outputs read as probabilities: the last layer's kind, outputs per step.\n"
              << "OUTPUT_KIND = " << pyString(outputKindName(registry.outputKind(network))) << "\n"
              << "OUTPUTS_PER_STEP = " << perStep << "\n\n"
              << "# How nnplay trained it.\n"
              << "LOSS = " << pyString(toString(training.loss)) << "\n"
              << "OPTIMIZER = {\"kind\": " << pyString(o.kind)
              << ", \"learning_rate\": " << setting(o.learningRate)
              << ", \"momentum\": " << setting(o.momentum)
              << ", \"nesterov\": " << (o.nesterov ? "True" : "False")
              << ", \"rho\": " << setting(o.rho) << ", \"beta1\": " << setting(o.beta1)
              << ", \"beta2\": " << setting(o.beta2) << ", \"epsilon\": " << setting(o.epsilon)
              << "}\n"
              << "BATCH_SIZE = " << training.batchSize << "\n"
              << "EPOCHS = " << training.epochs << "\n"
              << "SHUFFLE = " << (training.shuffle ? "True" : "False") << "\n"
              << "SEED = " << training.seed << "\n"
              << "# L1 * sum|w| + L2 / 2 * sum w^2 over these weights.\n"
              << "L1 = " << setting(training.l1) << "\n"
              << "L2 = " << setting(training.l2) << "\n"
              << "PENALIZED = " << pyList(penalized) << "\n"
              << "# Layers whose weights training keeps as they are.\n"
              << "FROZEN = " << pyList(frozen);

    std::string text = std::string(kTemplate).substr(1);
    std::string initText = init.str(), forwardText = forward.str();
    initText.pop_back();
    forwardText.pop_back();
    replaceAll(text, "@@CONSTANTS@@", constants.str());
    replaceAll(text, "@@INIT@@", initText);
    replaceAll(text, "@@FORWARD@@", forwardText);
    replaceAll(text, "@@INPUT_SIZE@@", std::to_string(input.size()));
    replaceAll(text, "@@TITLE@@", m_project.title.empty() ? "An nnplay project" : m_project.title);
    replaceAll(text, "@@SCRIPT@@", scriptName);
    replaceAll(text, "@@WEIGHTS@@", weightsName);
    replaceAll(text, "@@DATA@@", dataName);
    return text;
}

std::string PyTorchExport::weightsJson() const {
    const NetworkSpec& network = m_project.network();
    nlohmann::ordered_json state = nlohmann::ordered_json::object();
    for (std::size_t i = 0; i < network.layers.size(); ++i) {
        const LayerSpec& layer = network.layers[i];
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
    nlohmann::ordered_json out;
    out["state_dict"] = state;
    return out.dump() + "\n";
}

std::string PyTorchExport::dataCsv() const {
    TrainingSession session(m_project, m_data);
    std::ostringstream csv;
    const int inputs = m_shapes.front().size();
    Matrix targets;
    session.buildTargets(m_data.train, targets);
    csv << "part";
    for (int i = 0; i < inputs; ++i) csv << ",in" << i;
    for (Eigen::Index t = 0; t < targets.rows(); ++t) csv << ",target" << t;
    csv << "\n";
    const std::pair<const char*, const Dataset*> parts[] = {
        {"train", &m_data.train}, {"validation", &m_data.validation}, {"test", &m_data.test}};
    for (const auto& [name, set] : parts) {
        if (set->sampleCount() == 0) continue;
        session.buildTargets(*set, targets);
        for (Eigen::Index s = 0; s < set->inputs.cols(); ++s) {
            csv << name;
            for (Eigen::Index i = 0; i < set->inputs.rows(); ++i)
                csv << "," << number(set->inputs(i, s));
            for (Eigen::Index t = 0; t < targets.rows(); ++t) csv << "," << number(targets(t, s));
            csv << "\n";
        }
    }
    return csv.str();
}

}  // namespace nnplay
