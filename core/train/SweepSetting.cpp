// SPDX-License-Identifier: GPL-3.0-or-later
#include "train/SweepSetting.h"

#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>

#include "MessageText.h"
#include "data/DataLoader.h"
#include "data/TrainTestSplit.h"
#include "io/ProjectFile.h"
#include "layers/LayerRegistry.h"

namespace nnplay {

namespace {

using json = nlohmann::json;
using Path = std::vector<std::string>;

/// The friendly keys that name one place in the file.
const std::map<std::string, Path>& friendlyPaths() {
    static const std::map<std::string, Path> paths{
        {"learning_rate", {"training", "learning_rate"}},
        {"l1", {"training", "l1"}},
        {"l2", {"training", "l2"}},
        {"batch_size", {"training", "batch_size"}},
        {"optimizer", {"training", "optimizer"}},
        {"epochs", {"training", "epochs"}},
        {"train_size", {"data", "train_samples"}},
    };
    return paths;
}

/// A layer whose units a sweep may change: a fully connected layer (weights, drawn as
/// neurons, neither image nor sequence layer) that does not size the network's output.
bool isDenseHidden(const NetworkSpec& network, int index) {
    const LayerRegistry& registry = LayerRegistry::builtin();
    const LayerInfo* info = registry.find(network.layers[static_cast<std::size_t>(index)].type);
    return info && info->hasWeights() && info->drawsNeurons && !info->imageLayer &&
           !info->sequenceLayer && info->findSetting("units") &&
           index != registry.sizingLayer(network);
}

Path layerPath(int index, const std::string& setting) {
    return {"network", "layers", std::to_string(index), setting};
}

Path unitsPath(const Project& project, const std::string& key) {
    const NetworkSpec& network = project.network();
    const int count = static_cast<int>(network.layers.size());
    if (key == "units") {
        for (int i = 0; i < count; ++i)
            if (isDenseHidden(network, i)) return layerPath(i, "units");
        throw InputError(
            "the network has no dense hidden layer whose units a sweep could change (the last "
            "dense layer gives the output and keeps its size)");
    }
    const std::string index = key.substr(std::string("units:").size());
    int n = -1;
    try {
        std::size_t used = 0;
        n = std::stoi(index, &used);
        if (used != index.size()) n = -1;
    } catch (const std::exception&) {
        n = -1;
    }
    if (n < 0 || n >= count)
        throw InputError(quoteForMessage(key) + ": the network has layers 0 to " +
                         std::to_string(count - 1) + "; units:N names one of them by its index");
    if (!isDenseHidden(network, n)) {
        const bool output = n == LayerRegistry::builtin().sizingLayer(network);
        throw InputError(quoteForMessage(key) + ": layer " + std::to_string(n) + " (" +
                         network.layers[static_cast<std::size_t>(n)].type + ") " +
                         (output ? "gives the network's output, whose size the task fixes"
                                 : "is not a dense layer") +
                         "; a units sweep changes a dense hidden layer");
    }
    return layerPath(n, "units");
}

Path dottedPath(const std::string& key) {
    Path path;
    std::size_t start = 0;
    while (true) {
        const std::size_t dot = key.find('.', start);
        path.push_back(key.substr(start, dot - start));
        if (path.back().empty())
            throw InputError(quoteForMessage(key) +
                             " is not a path into the project: a part "
                             "between dots is empty");
        if (dot == std::string::npos) break;
        start = dot + 1;
    }
    return path;
}

/// The JSON value of a value's text: a number, true, false or null as JSON reads them, else
/// the text as a string.
json valueOf(const std::string& text) {
    const json parsed = json::parse(text, nullptr, false);
    if (!parsed.is_discarded() && (parsed.is_number() || parsed.is_boolean() || parsed.is_null()))
        return parsed;
    return text;
}

bool isIndex(const std::string& part) {
    return !part.empty() && std::all_of(part.begin(), part.end(),
                                        [](unsigned char c) { return c >= '0' && c <= '9'; });
}

/// Sets `value` at `path` in `root`, making missing object keys; `where` names the path in
/// messages.
void setAt(json& root, const Path& path, const json& value) {
    json* node = &root;
    std::string where;
    for (std::size_t i = 0; i < path.size(); ++i) {
        const std::string& part = path[i];
        const bool last = i + 1 == path.size();
        if (node->is_array()) {
            if (!isIndex(part) || std::stoul(part) >= node->size())
                throw InputError(where + " is a list of " + std::to_string(node->size()) +
                                 " entries; name one by its index 0 to " +
                                 std::to_string(node->size() - 1) + ", not " +
                                 quoteForMessage(part));
            node = &(*node)[std::stoul(part)];
        } else if (node->is_object() || node->is_null()) {
            node = &(*node)[part];
        } else {
            throw InputError(where + " is a value, not a section holding " + quoteForMessage(part));
        }
        where += (where.empty() ? "" : ".") + part;
        if (last) *node = value;
    }
}

}  // namespace

SweepSetting::SweepSetting(const Project& project, const std::string& key) : m_key(key) {
    if (project.task == Task::Gan)
        throw InputError(
            "a GAN project cannot be swept: a sweep trains one supervised network per value");
    m_base = project;
    for (NamedNetwork& n : m_base.networks)
        for (LayerSpec& layer : n.spec.layers) layer.params.clear();
    m_base.history = History();
    m_base.preprocessing = Preprocessing();
    m_base.lesson = Lesson();
    if (const auto it = friendlyPaths().find(key); it != friendlyPaths().end()) {
        m_paths = {it->second};
        m_numeric = key != "optimizer";
    } else if (key == "dropout") {
        const NetworkSpec& network = project.network();
        for (std::size_t i = 0; i < network.layers.size(); ++i)
            if (network.layers[i].type == "dropout")
                m_paths.push_back(layerPath(static_cast<int>(i), "rate"));
        if (m_paths.empty())
            throw InputError(
                "the network has no dropout layer, so there is no rate to sweep; add a Dropout "
                "layer first");
    } else if (key == "units" || key.rfind("units:", 0) == 0) {
        m_paths = {unitsPath(project, key)};
    } else if (key.find('.') != std::string::npos) {
        m_paths = {dottedPath(key)};
        // Categories where the file holds text; numbers elsewhere.
        const json j = json::parse(ProjectFile::serialize(m_base));
        const json* node = &j;
        for (const std::string& part : m_paths.front()) {
            if (node->is_object() && node->contains(part))
                node = &node->at(part);
            else if (node->is_array() && isIndex(part) && std::stoul(part) < node->size())
                node = &node->at(std::stoul(part));
            else {
                node = nullptr;
                break;
            }
        }
        m_numeric = !node || node->is_number();
    } else {
        std::string known;
        for (const std::string& k : friendlyKeys()) known += (known.empty() ? "" : ", ") + k;
        throw InputError("unknown setting " + quoteForMessage(key) + " to sweep (known: " + known +
                         ", units:N, or a dotted path into the project such as "
                         "training.optimizer or data.noise)");
    }
}

Project SweepSetting::apply(const std::string& value) const {
    json j = json::parse(ProjectFile::serialize(m_base));
    const json v = valueOf(value);
    try {
        for (const Path& path : m_paths) setAt(j, path, v);
        Project changed = ProjectFile::parse(j.dump());
        if (changed.task != m_base.task)
            throw InputError("a sweep keeps the project's task (" + toString(m_base.task) + ")");
        return changed;
    } catch (const InputError& e) {
        throw InputError(m_key + " = " + value + ": " + e.what());
    }
}

bool SweepSetting::logScale() const {
    return m_key == "learning_rate" || m_key == "l1" || m_key == "l2" ||
           m_key == "training.learning_rate" || m_key == "training.l1" || m_key == "training.l2";
}

std::string SweepSetting::suggestedValues() const {
    static const std::map<std::string, std::string> lists{
        {"learning_rate", "0.001,0.01,0.1,1"},
        {"l1", "0,0.0001,0.001,0.01"},
        {"l2", "0,0.001,0.01,0.1"},
        {"batch_size", "1,5,10,50"},
        {"optimizer", "sgd,rmsprop,adam"},
        {"epochs", "10,50,100,200"},
        {"dropout", "0,0.2,0.4,0.6"},
        {"units", "1,2,4,8,16,32"},
    };
    if (m_key == "train_size") {
        // Shares of the training part when its size follows from the settings, else counts.
        const DataSpec& d = m_base.data;
        const SourceInfo* source = findSource(d.source);
        if (!source || !source->isPlane) return "25,50,100,200";
        int train = trainSampleCount(d.samples, d.trainFraction);
        if (d.validationFraction > 0.0) train = trainSampleCount(train, 1.0 - d.validationFraction);
        std::string list;
        for (const double share : {0.1, 0.25, 0.5, 0.75}) {
            const int n = std::max(1, static_cast<int>(share * train + 0.5));
            list += std::to_string(n) + ",";
        }
        return list + std::to_string(train);
    }
    const std::string key = m_key.rfind("units:", 0) == 0 ? "units" : m_key;
    const auto it = lists.find(key);
    return it == lists.end() ? "" : it->second;
}

const std::vector<std::string>& SweepSetting::friendlyKeys() {
    static const std::vector<std::string> keys{"learning_rate", "l1",        "l2",
                                               "batch_size",    "optimizer", "epochs",
                                               "dropout",       "units",     "train_size"};
    return keys;
}

std::vector<std::string> SweepSetting::unitsKeys(const Project& project) {
    std::vector<std::string> keys;
    const int count = static_cast<int>(project.network().layers.size());
    for (int i = 0; i < count; ++i)
        if (isDenseHidden(project.network(), i)) keys.push_back("units:" + std::to_string(i));
    return keys;
}

std::vector<std::string> SweepSetting::splitValues(const std::string& list) {
    std::vector<std::string> values;
    std::size_t start = 0;
    while (true) {
        const std::size_t comma = list.find(',', start);
        std::string value = list.substr(start, comma - start);
        const auto first = value.find_first_not_of(" \t");
        const auto last = value.find_last_not_of(" \t");
        value = first == std::string::npos ? "" : value.substr(first, last - first + 1);
        if (value.empty())
            throw InputError("the list of values " + quoteForMessage(list) +
                             " has an empty value; give values separated by commas, such as "
                             "0.001,0.01,0.1");
        values.push_back(value);
        if (comma == std::string::npos) break;
        start = comma + 1;
    }
    return values;
}

}  // namespace nnplay
