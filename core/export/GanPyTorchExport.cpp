// SPDX-License-Identifier: GPL-3.0-or-later
#include "export/GanPyTorchExport.h"

#include <cmath>
#include <filesystem>
#include <sstream>

#include "data/FashionMnist.h"
#include "data/GanTargets.h"
#include "layers/LayerRegistry.h"
#include "train/GanSession.h"
#include "train/NetworkCheck.h"

namespace nnplay {

namespace {

const char* const kTemplate = R"PY(
#!/usr/bin/env python3
"""@@TITLE@@ -- a GAN exported from nnplay as a PyTorch script.

  python3 @@SCRIPT@@ --generate N --out SAMPLES.csv [--seed S]   samples as `nnplay-cli generate` writes them
  python3 @@SCRIPT@@ --generate N --out SAMPLES.csv --noise NOISE.csv   the samples of given noise
  python3 @@SCRIPT@@ --train [--steps N] [--save W.json]   goes on training both networks
  python3 @@SCRIPT@@ --onnx G.onnx   writes the generator as ONNX

The weights of both networks lie beside this script in @@WEIGHTS@@; the real samples the
discriminator learns from in @@REAL_FROM@@.
"""
import argparse
import csv
import gzip
import json
import math
import os
import random
import sys

import torch
import torch.nn.functional as F
from torch import nn

HERE = os.path.dirname(os.path.abspath(__file__))
WEIGHTS_FILE = os.path.join(HERE, "@@WEIGHTS@@")
DATA_FILE = os.path.join(HERE, "@@DATA@@")

@@CONSTANTS@@


@@GENERATOR@@


@@DISCRIMINATOR@@


@@HELPERS@@

def load_weights(generator, discriminator, path):
    with open(path) as f:
        stored = json.load(f)
    load_state(generator, stored["generator"]["state_dict"], path)
    load_state(discriminator, stored["discriminator"]["state_dict"], path)


def save_weights(generator, discriminator, path):
    with open(path, "w") as f:
        json.dump({"generator": {"state_dict": state_of(generator)},
                   "discriminator": {"state_dict": state_of(discriminator)}}, f)


# ---- the noise, drawn as nnplay draws it ----

class NnplayRandom:
    """nnplay's Random: std::mt19937 seeded with one number, its uniform and normal values."""

    def __init__(self, seed):
        state = [seed & 0xFFFFFFFF]
        for i in range(1, 624):
            state.append((1812433253 * (state[-1] ^ (state[-1] >> 30)) + i) & 0xFFFFFFFF)
        self.engine = random.Random()
        self.engine.setstate((3, tuple(state + [624]), None))  # Python's own Mersenne Twister

    def uniform(self):
        """Uniform in [0, 1) from 53 bits: 27 of one draw, 26 of the next."""
        high = self.engine.getrandbits(32) >> 5
        low = self.engine.getrandbits(32) >> 6
        return ((high << 26) | low) * 2.0 ** -53

    def normal(self):
        """Standard normal by Marsaglia's polar method (the second value is not kept)."""
        while True:
            v1 = 2.0 * self.uniform() - 1.0
            v2 = 2.0 * self.uniform() - 1.0
            s = v1 * v1 + v2 * v2
            if 0.0 < s < 1.0:
                return v1 * math.sqrt(-2.0 * math.log(s) / s)


def seeded_noise(count, seed):
    """The noise `nnplay-cli generate --count N --seed S` draws: (count, NOISE_DIM)."""
    rng = NnplayRandom(seed)
    if NOISE_DISTRIBUTION == "uniform":
        values = [-1.0 + 2.0 * rng.uniform() for _ in range(count * NOISE_DIM)]
    else:
        values = [rng.normal() for _ in range(count * NOISE_DIM)]
    return torch.tensor(values, dtype=torch.float32).reshape(count, NOISE_DIM)


def training_noise(count):
    """Noise of the same distribution from torch's generator, for training."""
    if NOISE_DISTRIBUTION == "uniform":
        return torch.rand(count, NOISE_DIM) * 2.0 - 1.0
    return torch.randn(count, NOISE_DIM)


def is_number(cell):
    try:
        return math.isfinite(float(cell))
    except ValueError:
        return False


def read_noise(path):
    """Rows of NOISE_DIM numbers, one sample's noise a row; a first row without numbers is a
    header."""
    with open(path, newline="") as f:
        rows = [(n, r) for n, r in enumerate(csv.reader(f), 1) if r and any(c.strip() for c in r)]
    if rows and not any(is_number(c) for c in rows[0][1]):
        rows = rows[1:]
    values = []
    for line, row in rows:
        if len(row) != NOISE_DIM:
            sys.exit(f"{path}, line {line}: {len(row)} columns, but the generator takes "
                     f"{NOISE_DIM} noise values a sample (one a column)")
        for column, cell in enumerate(row, 1):
            if not is_number(cell):
                sys.exit(f"{path}, line {line}, column {column}: {cell.strip()!r} is not a number")
        values.append([float(c) for c in row])
    return torch.tensor(values, dtype=torch.float32).reshape(len(values), NOISE_DIM)


def generate(generator, args):
    if args.noise:
        noise = read_noise(args.noise)
        if args.generate is not None and args.generate != len(noise):
            sys.exit(f"--generate {args.generate} but {args.noise} holds {len(noise)} rows")
    else:
        noise = seeded_noise(args.generate, SEED if args.seed is None else args.seed)
    generator.eval()
    with torch.no_grad():
        samples = generator(noise)
    lines = [",".join(SAMPLE_COLUMNS)]
    lines += [",".join(f"{v:g}" for v in row) for row in samples.tolist()]
    with open(args.out, "w") as f:
        f.write("\n".join(lines) + "\n")


# ---- the real samples ----

def read_idx(path):
    with gzip.open(path) as f:
        data = f.read()
    dims = data[3]
    shape = [int.from_bytes(data[4 + 4 * k:8 + 4 * k], "big") for k in range(dims)]
    return torch.frombuffer(bytearray(data[4 + 4 * dims:]), dtype=torch.uint8).reshape(shape)


def read_real():
    """The real samples, (samples, SAMPLE_COLUMNS), as nnplay trains on them."""
    if REAL["source"] == "fashion-mnist":
        images = read_idx(os.path.join(REAL["dir"], "train-images-idx3-ubyte.gz"))
        labels = read_idx(os.path.join(REAL["dir"], "train-labels-idx1-ubyte.gz"))
        if REAL["train_limit"] > 0:
            images, labels = images[:REAL["train_limit"]], labels[:REAL["train_limit"]]
        if REAL["class"] is not None:
            images = images[labels == REAL["class"]]
        return images.reshape(len(images), -1).float() / 255.0
    with open(DATA_FILE, newline="") as f:
        reader = csv.reader(f)
        next(reader)
        return torch.tensor([[float(c) for c in row] for row in reader if row])


# ---- training, as nnplay's GanSession steps ----

def discriminator_loss(values, n):
    """values: the discriminator's for n real samples, then n generated ones."""
    real, fake = values[:n], values[n:]
    if GAN_LOSS == "least_squares":
        return 0.5 * ((real - 1.0) ** 2).mean() + 0.5 * (fake ** 2).mean()
    return (F.binary_cross_entropy_with_logits(real, torch.ones_like(real)) +
            F.binary_cross_entropy_with_logits(fake, torch.zeros_like(fake)))


def generator_loss(values):
    """values: the discriminator's for generated samples."""
    if GAN_LOSS == "least_squares":
        return 0.5 * ((values - 1.0) ** 2).mean()
    if GAN_LOSS == "minimax":  # mean log(1 - sigmoid(z))
        return -F.binary_cross_entropy_with_logits(values, torch.zeros_like(values))
    return F.binary_cross_entropy_with_logits(values, torch.ones_like(values))


def train(generator, discriminator, args):
    torch.manual_seed(SEED)
    real = read_real()
    for model, frozen in ((generator, GENERATOR_FROZEN), (discriminator, DISCRIMINATOR_FROZEN)):
        for name, m in model.named_modules():
            if name in frozen:
                for p in m.parameters():
                    p.requires_grad_(False)
    g_optimizer = make_optimizer([p for p in generator.parameters() if p.requires_grad],
                                 GENERATOR_OPTIMIZER)
    d_optimizer = make_optimizer([p for p in discriminator.parameters() if p.requires_grad],
                                 DISCRIMINATOR_OPTIMIZER)
    generator.train()
    discriminator.train()
    steps = STEPS if args.steps is None else args.steps
    d_sum = g_sum = 0.0
    count = 0
    for step in range(TRAINED_STEPS + 1, TRAINED_STEPS + steps + 1):
        for _ in range(D_STEPS):
            batch = real[torch.randint(len(real), (BATCH_SIZE,))]
            with torch.no_grad():
                fake = generator(training_noise(BATCH_SIZE))
            d_loss = discriminator_loss(discriminator.values(torch.cat([batch, fake])),
                                        BATCH_SIZE)
            d_optimizer.zero_grad()
            d_loss.backward()
            d_optimizer.step()
        for _ in range(G_STEPS):
            g_loss = generator_loss(discriminator.values(generator(training_noise(BATCH_SIZE))))
            g_optimizer.zero_grad()
            g_loss.backward()
            g_optimizer.step()
        if not (math.isfinite(d_loss.item()) and math.isfinite(g_loss.item())):
            sys.exit(f"the GAN's losses stopped being numbers at step {step} (d_loss "
                     f"{d_loss.item()}, g_loss {g_loss.item()}): lower the learning rates")
        d_sum += d_loss.item()
        g_sum += g_loss.item()
        count += 1
        if step % MEASURE_EVERY == 0 or step == TRAINED_STEPS + steps:
            print(f"step {step}  d_loss {d_sum / count:.4f}  g_loss {g_sum / count:.4f}",
                  flush=True)
            d_sum = g_sum = 0.0
            count = 0
    if args.save:
        save_weights(generator, discriminator, args.save)


def write_onnx(generator, path):
    generator.eval()
    try:
        torch.onnx.export(generator, torch.zeros(1, NOISE_DIM), path,
                          input_names=["noise"], output_names=["sample"],
                          dynamic_axes={"noise": {0: "samples"}, "sample": {0: "samples"}})
    except (ImportError, AttributeError, RuntimeError) as e:
        sys.exit(f"{path}: this PyTorch ({torch.__version__}) cannot export ONNX: {e}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--generate", type=int, metavar="N", help="how many samples to write")
    parser.add_argument("--out", metavar="SAMPLES.csv", help="where --generate writes")
    parser.add_argument("--noise", metavar="NOISE.csv",
                        help=f"the noise to generate from: {NOISE_DIM} numbers a row")
    parser.add_argument("--seed", type=int, help=f"seed of the noise (default {SEED})")
    parser.add_argument("--train", action="store_true", help="go on training from the weights")
    parser.add_argument("--steps", type=int, help=f"steps to train (default {STEPS})")
    parser.add_argument("--save", metavar="W.json", help="where --train writes the weights")
    parser.add_argument("--weights", default=WEIGHTS_FILE, help="weights to start from")
    parser.add_argument("--onnx", metavar="G.onnx", help="write the generator as ONNX")
    args = parser.parse_args()
    if args.generate is None and not (args.noise or args.train or args.onnx):
        parser.error("give --generate N (or --noise), --train or --onnx")
    if (args.generate is not None or args.noise) and not args.out:
        parser.error("--generate needs --out")
    if args.generate is not None and not 0 <= args.generate <= MAX_GENERATED:
        parser.error(f"--generate takes 0 to {MAX_GENERATED} samples")
    generator, discriminator = Generator(), Discriminator()
    load_weights(generator, discriminator, args.weights)
    if args.train:
        train(generator, discriminator, args)
    if args.generate is not None or args.noise:
        generate(generator, args)
    if args.onnx:
        write_onnx(generator, args.onnx)


if __name__ == "__main__":
    main()
)PY";

}  // namespace

GanPyTorchExport::GanPyTorchExport(const Project& project, DataSplit data)
    : m_project(project),
      m_data(std::move(data)),
      m_generator(
          [&]() -> const NetworkSpec& {
              if (m_project.task != Task::Gan)
                  throw InputError("the project is not a GAN (task \"gan\")");
              const GanShapeReports reports = checkGanNetworks(m_project);
              if (!reports.ok()) throw InputError(reports.error());
              const NetworkSpec& g = *m_project.findNetwork(Project::kGenerator);
              const NetworkSpec& d = *m_project.findNetwork(Project::kDiscriminator);
              if (!g.hasParams() || !d.hasParams())
                  throw InputError(
                      "the GAN has no trained weights; train it first (nnplay-cli train "
                      "PROJECT --save OUT)");
              return g;
          }(),
          Shape::flat(m_project.gan.noise.dim), "the generator"),
      m_discriminator(*m_project.findNetwork(Project::kDiscriminator), m_data.info.inputShape,
                      "the discriminator") {
    // As GanSession: the cross-entropies read the logit, before a final sigmoid.
    const bool endsInSigmoid =
        LayerRegistry::builtin().outputKind(*m_project.findNetwork(Project::kDiscriminator)) ==
        OutputKind::Probability;
    const bool readsLogit = m_project.gan.loss != GanLoss::LeastSquares;
    m_valuesEnd = m_discriminator.layerCount() - (readsLogit && endsInSigmoid ? 1 : 0);
}

std::vector<PyTorchExport::File> GanPyTorchExport::files(const std::string& scriptName) const {
    const std::string stem = PyTorchExport::checkedStem(scriptName);
    const std::string name = std::filesystem::path(scriptName).filename().string();
    const std::string weights = stem + ".weights.json", data = stem + ".data.csv";
    std::vector<PyTorchExport::File> out{{name, script(name, weights, data)},
                                         {weights, weightsJson()}};
    if (!readsFashionMnist()) out.push_back({data, dataCsv()});
    return out;
}

std::vector<std::string> GanPyTorchExport::write(const std::string& scriptPath) const {
    return PyTorchExport::writeFiles(files(scriptPath), scriptPath);
}

std::string GanPyTorchExport::script(const std::string& scriptName, const std::string& weightsName,
                                     const std::string& dataName) const {
    using T = TorchNetwork;
    const GanSpec& gan = m_project.gan;
    const DataSpec& data = m_project.data;
    long long trainedSteps = 0;
    const History& history = m_project.history;
    if (!history.empty()) {
        const float last = history.value(history.size() - 1, HistoryColumn::kStep);
        if (std::isfinite(last)) trainedSteps = static_cast<long long>(last);
    }
    std::ostringstream real;
    if (readsFashionMnist())
        real << "{\"source\": \"fashion-mnist\", \"dir\": " << T::string(fashionMnistDir())
             << ", \"train_limit\": " << data.trainLimit << ", \"class\": "
             << (data.imageClass ? std::to_string(*data.imageClass) : "None") << "}";
    else
        real << "{\"source\": " << T::string(data.source) << "}";
    std::ostringstream constants;
    constants << "# The generator's input: NOISE_DIM values a sample, uniform in [-1, 1] or "
                 "standard normal.\n"
              << "NOISE_DIM = " << gan.noise.dim << "\n"
              << "NOISE_DISTRIBUTION = " << T::string(toString(gan.noise.distribution)) << "\n"
              << "# The columns of a sample (x1, x2, or the pixels row by row on the data's "
                 "scale).\n"
              << "SAMPLE_COLUMNS = " << T::list(ganSampleColumns(data)) << "\n"
              << "# Where the real samples come from: the data file beside the script, or "
                 "Fashion-MNIST's package.\n"
              << "REAL = " << real.str() << "\n\n"
              << "# How nnplay trains it. GAN_LOSS: minimax, non_saturating or least_squares, "
                 "on the discriminator's\n"
              << "# values(): its logit (the cross-entropies) or its output (least squares).\n"
              << "GAN_LOSS = " << T::string(toString(gan.loss)) << "\n"
              << "GENERATOR_OPTIMIZER = " << T::optimizer(gan.generator) << "\n"
              << "DISCRIMINATOR_OPTIMIZER = " << T::optimizer(gan.discriminator) << "\n"
              << "STEPS = " << gan.steps << "\n"
              << "BATCH_SIZE = " << gan.batchSize << "\n"
              << "D_STEPS = " << gan.dSteps << "\n"
              << "G_STEPS = " << gan.gSteps << "\n"
              << "MEASURE_EVERY = " << gan.measureEvery << "\n"
              << "SEED = " << gan.seed << "\n"
              << "# Steps the exported weights were trained for.\n"
              << "TRAINED_STEPS = " << trainedSteps << "\n"
              << "MAX_GENERATED = " << GanSession::kMaxGeneratedSamples << "\n"
              << "# Layers whose weights training keeps as they are.\n"
              << "GENERATOR_FROZEN = " << T::list(m_generator.frozen()) << "\n"
              << "DISCRIMINATOR_FROZEN = " << T::list(m_discriminator.frozen());
    std::string generator =
        m_generator.moduleClass("Generator", "The generator: noise in, one sample out.");
    std::string discriminator = m_discriminator.moduleClass(
        "Discriminator", "The discriminator: one sample in, how real it finds it out.",
        m_valuesEnd);
    generator.pop_back();
    discriminator.pop_back();
    std::string text = std::string(kTemplate).substr(1);
    PyTorchExport::fillTemplate(
        text, {{"CONSTANTS", constants.str()},
               {"GENERATOR", generator},
               {"DISCRIMINATOR", discriminator},
               {"HELPERS", T::pythonHelpers()},
               {"TITLE", m_project.title.empty() ? "An nnplay GAN" : m_project.title},
               {"SCRIPT", scriptName},
               {"WEIGHTS", weightsName},
               {"DATA", dataName},
               {"REAL_FROM", readsFashionMnist() ? "Debian's Fashion-MNIST package (REAL)"
                                                 : dataName}});
    return text;
}

std::string GanPyTorchExport::weightsJson() const {
    return "{\"generator\":{\"state_dict\":" + m_generator.stateDictJson() +
           "},\"discriminator\":{\"state_dict\":" + m_discriminator.stateDictJson() + "}}\n";
}

std::string GanPyTorchExport::dataCsv() const {
    std::ostringstream csv;
    const std::vector<std::string> columns = ganSampleColumns(m_project.data);
    for (std::size_t c = 0; c < columns.size(); ++c) csv << (c ? "," : "") << columns[c];
    csv << "\n";
    const Matrix& real = m_data.train.inputs;
    for (Eigen::Index s = 0; s < real.cols(); ++s) {
        for (Eigen::Index k = 0; k < real.rows(); ++k)
            csv << (k ? "," : "") << TorchNetwork::number(real(k, s));
        csv << "\n";
    }
    return csv.str();
}

}  // namespace nnplay
