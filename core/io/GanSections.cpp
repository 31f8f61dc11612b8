// SPDX-License-Identifier: GPL-3.0-or-later
// The sections of a GAN project file: its data (a GAN target), noise, generator,
// discriminator, training and history.

#include "data/GanTargets.h"
#include "io/ProjectSections.h"
#include "train/NetworkCheck.h"
#include "train/SettingsCheck.h"

namespace nnplay::ProjectFile::sections {

using namespace fields;

namespace {

/// The data of a GAN's targets when the file leaves them out.
constexpr int kDefaultSamples = 2000;
constexpr const char* kDefaultTarget = "ring";

const std::set<std::string> kOptimizerKeys{"optimizer", "learning_rate", "momentum", "nesterov",
                                           "rho",       "beta1",         "beta2",    "epsilon"};

std::vector<std::array<float, 2>> readPoints(const json& list) {
    if (!list.is_array()) throw InputError("data.points must be a list of points [x1, x2]");
    std::vector<std::array<float, 2>> points;
    for (const json& point : list) {
        const std::string where = "data.points[" + std::to_string(points.size()) + "]";
        if (!point.is_array() || point.size() != 2 || !point[0].is_number() ||
            !point[1].is_number())
            throw InputError(where + " must be a pair of numbers [x1, x2]");
        points.push_back({point[0].get<float>(), point[1].get<float>()});
    }
    return points;
}

DataSpec readGanData(const json& j) {
    const std::string where = "data";
    requireObject(j, where);
    checkKeys(j, where,
              {"source", "samples", "seed", "path", "csv_text", "points", "digit", "class",
               "train_limit"});
    DataSpec d;
    d.source = text(j, "source", where, kDefaultTarget);
    d.samples = integer(j, "samples", where, kDefaultSamples);
    d.seed = seed(j, "seed", where, d.seed);
    d.path = text(j, "path", where, d.path);
    d.csvText = text(j, "csv_text", where, d.csvText);
    if (d.csvText.size() > DataSpec::kMaxCsvTextBytes)
        throw InputError("data.csv_text holds more CSV data than a project can keep (" +
                         std::to_string(DataSpec::kMaxCsvTextBytes >> 20) +
                         " MiB); keep the data in its own file and name it in data.path");
    if (j.contains("csv_text") && d.csvText.empty())
        throw InputError("data.csv_text is empty (leave it out to read data.path instead)");
    if (j.contains("points")) d.points = readPoints(j.at("points"));
    if (j.contains("digit")) d.digit = integer(j, "digit", where, 0);
    if (j.contains("class")) d.imageClass = integer(j, "class", where, 0);
    d.trainLimit = integer(j, "train_limit", where, 0);
    if (j.contains("train_limit") && d.trainLimit < 1)
        throw InputError("data.train_limit must be at least 1 (leave it out to use every image)");
    checkGanTarget(d);
    return d;
}

json writeGanData(const DataSpec& d) {
    json j{{"source", d.source}};
    const GanTargetInfo* target = findGanTarget(d.source);
    if (target && target->generated) {
        j["samples"] = d.samples;
        j["seed"] = d.seed;
    }
    if (d.source == "csv") {
        if (!d.path.empty() || d.csvText.empty()) j["path"] = d.path;
        if (!d.csvText.empty()) j["csv_text"] = d.csvText;
    }
    if (d.source == "points") {
        json list = json::array();
        for (const auto& p : d.points) list.push_back({tidy(p[0]), tidy(p[1])});
        j["points"] = list;
    }
    if (d.digit) j["digit"] = *d.digit;
    if (d.imageClass) j["class"] = *d.imageClass;
    if (d.trainLimit > 0) j["train_limit"] = d.trainLimit;
    return j;
}

NoiseSpec readNoise(const json& j) {
    const std::string where = "noise";
    requireObject(j, where);
    checkKeys(j, where, {"dim", "distribution"});
    NoiseSpec n;
    n.dim = integer(j, "dim", where, n.dim);
    n.distribution =
        noiseDistributionFromString(text(j, "distribution", where, toString(n.distribution)));
    return n;
}

void readGanTraining(const json& j, GanSpec& g) {
    const std::string where = "training";
    requireObject(j, where);
    checkKeys(j, where,
              {"steps", "batch_size", "d_steps", "g_steps", "gan_loss", "seed", "measure_every",
               "init", Project::kGenerator, Project::kDiscriminator});
    g.steps = integer(j, "steps", where, g.steps);
    g.batchSize = integer(j, "batch_size", where, g.batchSize);
    g.dSteps = integer(j, "d_steps", where, g.dSteps);
    g.gSteps = integer(j, "g_steps", where, g.gSteps);
    g.loss = ganLossFromString(text(j, "gan_loss", where, toString(g.loss)));
    g.seed = seed(j, "seed", where, g.seed);
    g.measureEvery = integer(j, "measure_every", where, g.measureEvery);
    g.init = initSchemeFromString(text(j, "init", where, toString(g.init)));
    for (const auto& [name, settings] : {std::pair{Project::kGenerator, &g.generator},
                                         std::pair{Project::kDiscriminator, &g.discriminator}}) {
        if (!j.contains(name)) continue;
        const std::string at = where + "." + name;
        const json& o = requireObject(j.at(name), at);
        checkKeys(o, at, kOptimizerKeys);
        readOptimizer(o, at, *settings);
    }
}

json writeOptimizer(const OptimizerSettings& o) {
    json j{{"optimizer", o.kind}, {"learning_rate", tidy(o.learningRate)}};
    writeOptimizerDetails(o, j);
    return j;
}

json writeGanTraining(const GanSpec& g) {
    return json{{"steps", g.steps},
                {"batch_size", g.batchSize},
                {"d_steps", g.dSteps},
                {"g_steps", g.gSteps},
                {"gan_loss", toString(g.loss)},
                {"seed", g.seed},
                {"measure_every", g.measureEvery},
                {"init", toString(g.init)},
                {Project::kGenerator, writeOptimizer(g.generator)},
                {Project::kDiscriminator, writeOptimizer(g.discriminator)}};
}

}  // namespace

void readGanProject(const json& j, Project& p) {
    for (const char* name : {Project::kGenerator, Project::kDiscriminator})
        if (!j.contains(name))
            throw InputError(std::string("the GAN project has no \"") + name + "\" network");
    p.data = readGanData(j.contains("data") ? j.at("data") : json::object());
    std::set<int> ids;
    NetworkSpec generator = readNetwork(j.at(Project::kGenerator), ids, Project::kGenerator);
    NetworkSpec discriminator =
        readNetwork(j.at(Project::kDiscriminator), ids, Project::kDiscriminator);
    p.networks = {{Project::kGenerator, std::move(generator)},
                  {Project::kDiscriminator, std::move(discriminator)}};
    // Layers written by hand have no ids: give them fresh ones.
    for (NamedNetwork& n : p.networks)
        for (LayerSpec& layer : n.spec.layers)
            if (layer.id == 0) ids.insert(layer.id = freshLayerId(ids));
    if (j.contains("noise")) p.gan.noise = readNoise(j.at("noise"));
    if (j.contains("training")) readGanTraining(j.at("training"), p.gan);
    if (j.contains("history")) p.history = readHistory(j.at("history"), HistoryColumn::kStep);
    checkProjectSettings(p);
    const GanShapeReports shapes = checkGanNetworks(p);
    if (!shapes.ok()) throw InputError(shapes.error());
}

void writeGanProject(const Project& p, json& j) {
    j["data"] = writeGanData(p.data);
    j["noise"] =
        json{{"dim", p.gan.noise.dim}, {"distribution", toString(p.gan.noise.distribution)}};
    for (const char* name : {Project::kGenerator, Project::kDiscriminator}) {
        const NetworkSpec* network = p.findNetwork(name);
        j[name] = writeNetwork(network ? *network : NetworkSpec{});
    }
    j["training"] = writeGanTraining(p.gan);
    if (!p.history.empty()) j["history"] = writeHistory(p.history, HistoryColumn::kStep);
}

}  // namespace nnplay::ProjectFile::sections
