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
#include "export/GanPyTorchExport.h"
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


@@NETWORK@@


@@HELPERS@@

def load_weights(model, path):
    with open(path) as f:
        load_state(model, json.load(f)["state_dict"], path)


def save_weights(model, path):
    with open(path, "w") as f:
        json.dump({"state_dict": state_of(model)}, f)


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
        width = outputs.shape[1]
        lines.append("prediction" if width == 1 else ",".join(f"prediction_{k + 1}" for k in range(width)))
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
    optimizer = make_optimizer([p for p in model.parameters() if p.requires_grad], OPTIMIZER)
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

std::string pyList(const Vector& v) {
    std::string out = "[";
    for (Eigen::Index i = 0; i < v.size(); ++i) out += (i ? ", " : "") + TorchNetwork::number(v(i));
    return out + "]";
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

namespace {

/// The project's only network, once it is known to hold trained weights.
const NetworkSpec& trainedNetwork(const Project& project) {
    if (project.task == Task::Gan || project.networks.size() != 1)
        throw InputError(
            "PyTorchExport writes projects with one network (classification, regression); "
            "GanPyTorchExport writes a GAN");
    if (project.training.ensemble.members > 1)
        throw InputError(
            "the project trains an ensemble of " +
            std::to_string(project.training.ensemble.members) +
            " networks, and the PyTorch export writes one network: set the ensemble's members "
            "to 1 (training.ensemble.members) and train it again to export it");
    if (!project.network().hasParams())
        throw InputError(
            "the project has no trained weights; train it first (nnplay-cli train "
            "PROJECT --save OUT)");
    return project.network();
}

}  // namespace

PyTorchExport::PyTorchExport(const Project& project, DataSplit data)
    : m_project(project),
      m_data(std::move(data)),
      m_torch(trainedNetwork(m_project), m_data.info.inputShape) {
    m_preprocessing =
        m_project.preprocessing.empty() ? Preprocessing::of(m_data) : m_project.preprocessing;
}

std::vector<std::string> PyTorchExport::writeProject(const Project& project, DataSplit data,
                                                     const std::string& scriptPath) {
    if (project.task == Task::Gan)
        return GanPyTorchExport(project, std::move(data)).write(scriptPath);
    return PyTorchExport(project, std::move(data)).write(scriptPath);
}

std::string PyTorchExport::checkedStem(const std::string& scriptName) {
    const std::filesystem::path path(scriptName);
    const std::string stem = path.stem().string();
    // Python puts the script's folder first on its path: a script named after a module it
    // imports would import itself.
    for (const char* module : {"argparse", "csv", "gzip", "json", "math", "os", "random", "struct",
                               "sys", "torch"})
        if (stem == module)
            throw InputError("the script cannot be named " + path.filename().string() +
                             ": Python would import it instead of its module " + module +
                             "; choose another name");
    return stem;
}

std::vector<PyTorchExport::File> PyTorchExport::files(const std::string& scriptName) const {
    const std::string stem = checkedStem(scriptName);
    const std::string name = std::filesystem::path(scriptName).filename().string();
    const std::string weights = stem + ".weights.json", data = stem + ".data.csv";
    return {{name, script(name, weights, data)}, {weights, weightsJson()}, {data, dataCsv()}};
}

std::vector<std::string> PyTorchExport::write(const std::string& scriptPath) const {
    return writeFiles(files(scriptPath), scriptPath);
}

std::vector<std::string> PyTorchExport::writeFiles(const std::vector<File>& out,
                                                   const std::string& scriptPath) {
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

void PyTorchExport::fillTemplate(std::string& text, const std::map<std::string, std::string>& keys) {
    for (const auto& [key, value] : keys) replaceAll(text, "@@" + key + "@@", value);
}

std::string PyTorchExport::script(const std::string& scriptName, const std::string& weightsName,
                                  const std::string& dataName) const {
    const NetworkSpec& network = m_project.network();
    const Shape& input = m_torch.shapes().front();
    const Shape& output = m_torch.shapes().back();
    const LayerRegistry& registry = LayerRegistry::builtin();
    const TrainingSpec& training = m_project.training;
    const Preprocessing& pre = m_preprocessing;
    const bool plane = isPlaneSource(m_project.data.source);
    const bool classification = m_project.task == Task::Classification;
    const int perStep = output.isSequence() && output.isFlat() ? output.stepSize() : output.size();
    using T = TorchNetwork;
    std::ostringstream constants;
    constants << "# What the data are and how nnplay read them.\n"
              << "TASK = " << T::string(classification ? "classification" : "regression") << "\n"
              << "INPUT_COLUMNS = " << T::list(pre.columnsFor(input)) << "\n"
              << "# The 2-D points' derived features, in the network's input order (None: the "
                 "columns as they are).\n"
              << "PLANE_FEATURES = " << (plane ? T::list(m_project.data.features) : "None") << "\n"
              << "# Input standardisation (x - mean) / scale, learnt from the training part.\n"
              << "INPUT_MEAN = " << (pre.inputs.active() ? pyList(pre.inputs.mean) : "None") << "\n"
              << "INPUT_SCALE = " << (pre.inputs.active() ? pyList(pre.inputs.scale) : "None")
              << "\n"
              << "# Regression targets are predicted standardised: y * scale + mean.\n"
              << "TARGET_MEAN = " << (pre.target.active() ? pyList(pre.target.mean) : "None")
              << "\n"
              << "TARGET_SCALE = " << (pre.target.active() ? pyList(pre.target.scale) : "None")
              << "\n"
              << "CLASS_NAMES = " << T::list(pre.classNames) << "\n"
              << "# How outputs read as probabilities: the last layer's kind, outputs per step.\n"
              << "OUTPUT_KIND = " << T::string(outputKindName(registry.outputKind(network)))
              << "\n"
              << "OUTPUTS_PER_STEP = " << perStep << "\n\n"
              << "# How nnplay trained it.\n"
              << "LOSS = " << T::string(toString(training.loss)) << "\n"
              << "OPTIMIZER = " << T::optimizer(training.optimizer) << "\n"
              << "BATCH_SIZE = " << training.batchSize << "\n"
              << "EPOCHS = " << training.epochs << "\n"
              << "SHUFFLE = " << (training.shuffle ? "True" : "False") << "\n"
              << "SEED = " << training.seed << "\n"
              << "# L1 * sum|w| + L2 / 2 * sum w^2 over these weights.\n"
              << "L1 = " << T::setting(training.l1) << "\n"
              << "L2 = " << T::setting(training.l2) << "\n"
              << "PENALIZED = " << T::list(m_torch.penalized()) << "\n"
              << "# Layers whose weights training keeps as they are.\n"
              << "FROZEN = " << T::list(m_torch.frozen());

    std::string text = std::string(kTemplate).substr(1);
    std::string network_ =
        m_torch.moduleClass("Network", "The project's network, layer by layer, with nnplay's "
                                       "layer names.");
    network_.pop_back();
    fillTemplate(text, {{"CONSTANTS", constants.str()},
                        {"NETWORK", network_},
                        {"HELPERS", T::pythonHelpers()},
                        {"INPUT_SIZE", std::to_string(input.size())},
                        {"TITLE", m_project.title.empty() ? "An nnplay project" : m_project.title},
                        {"SCRIPT", scriptName},
                        {"WEIGHTS", weightsName},
                        {"DATA", dataName}});
    return text;
}

std::string PyTorchExport::weightsJson() const {
    return "{\"state_dict\":" + m_torch.stateDictJson() + "}\n";
}

std::string PyTorchExport::dataCsv() const {
    TrainingSession session(m_project, m_data);
    std::ostringstream csv;
    const int inputs = m_torch.shapes().front().size();
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
                csv << "," << TorchNetwork::number(set->inputs(i, s));
            for (Eigen::Index t = 0; t < targets.rows(); ++t)
                csv << "," << TorchNetwork::number(targets(t, s));
            csv << "\n";
        }
    }
    return csv.str();
}

}  // namespace nnplay
