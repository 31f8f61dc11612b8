// SPDX-License-Identifier: GPL-3.0-or-later
#include "io/ProjectFile.h"

#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <limits>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "MessageText.h"
#include "data/ImageSources.h"
#include "io/AtomicFile.h"
#include "io/JsonFields.h"
#include "io/ProjectSections.h"
#include "layers/LayerRegistry.h"
#include "train/SettingsCheck.h"

namespace nnplay::ProjectFile {

using namespace fields;

namespace {

constexpr const char* kFormat = "nnplay-project";

/// Small enough to print on one line: a scalar, a list of scalars or a record of scalars.
bool isCompact(const json& j) {
    auto scalar = [](const json& e) { return e.is_primitive(); };
    return j.is_primitive() ||
           ((j.is_array() || j.is_object()) && std::all_of(j.begin(), j.end(), scalar));
}

/// Pretty-prints with two-space indentation, keeping compact values (weight rows, bias lists,
/// history records) on one line so trained projects stay readable.
void writePretty(const json& j, std::string& out, int indent) {
    if (isCompact(j) && !(j.is_object() && indent == 0)) {
        out += j.dump();
        return;
    }
    const std::string pad(static_cast<std::size_t>(indent) + 2, ' ');
    out += j.is_array() ? "[\n" : "{\n";
    std::size_t i = 0;
    for (const auto& [key, value] : j.items()) {
        out += pad;
        if (j.is_object()) out += json(key).dump() + ": ";
        writePretty(value, out, indent + 2);
        out += ++i < j.size() ? ",\n" : "\n";
    }
    out += std::string(static_cast<std::size_t>(indent), ' ') + (j.is_array() ? "]" : "}");
}

/// A layer setting as the registry's kind stores it: a number, a choice's name or a flag.
double readSetting(const json& layer, const SettingInfo& setting, const std::string& where) {
    switch (setting.kind) {
        case SettingInfo::Kind::Flag:
            return boolean(layer, setting.key, where, false) ? 1 : 0;
        case SettingInfo::Kind::Choice: {
            const std::string name = text(layer, setting.key, where, "");
            const int index = setting.choiceIndex(name);
            if (index < 0) {
                std::string names;
                for (const std::string& c : setting.choices)
                    names += (names.empty() ? "\"" : ", \"") + c + "\"";
                throw InputError(where + "." + setting.key + " must be one of " + names +
                                 ", not \"" + name + "\"");
            }
            return index;
        }
        case SettingInfo::Kind::Number:
            break;
    }
    return number(layer, setting.key, where, 0);
}

json writeSetting(const LayerInfo& info, const std::string& key, double value) {
    const SettingInfo* setting = info.findSetting(key);
    const auto index = static_cast<std::size_t>(value);
    if (setting && setting->kind == SettingInfo::Kind::Flag) return value != 0;
    if (setting && setting->kind == SettingInfo::Kind::Choice && value >= 0 &&
        index < setting->choices.size())
        return setting->choices[index];
    if (value == std::floor(value) && std::abs(value) < 1e9) return static_cast<long long>(value);
    return value;
}

/// A title is one line of at most Project::kMaxTitleLength characters (UTF-8, which the JSON
/// reader has checked).
std::string readTitle(const json& j) {
    const std::string title = text(j, "title", "project", "");
    std::size_t characters = 0;
    for (const char c : title) {
        const auto byte = static_cast<unsigned char>(c);
        if (byte < 0x20 || byte == 0x7f)
            throw InputError("the title must be one line of text without control characters");
        if ((byte & 0xc0) != 0x80) ++characters;
    }
    if (characters > Project::kMaxTitleLength)
        throw InputError("the title has " + std::to_string(characters) + " characters; at most " +
                         std::to_string(Project::kMaxTitleLength) + " are allowed");
    return title;
}

/// The keys of the image sources (data/ImageSources.h), each with the source that takes it.
const std::map<std::string, std::string>& imageDataKeys() {
    static const std::map<std::string, std::string> keys{{"train_limit", "fashion-mnist"},
                                                         {"test_limit", "fashion-mnist"},
                                                         {"images", "idx"},
                                                         {"labels", "idx"},
                                                         {"test_images", "idx"},
                                                         {"test_labels", "idx"},
                                                         {"size", "image_folder"},
                                                         {"channels", "image_folder"},
                                                         {"test_path", "image_folder"}};
    return keys;
}

void readImageData(const json& j, const std::string& where, DataSpec& d) {
    for (const auto& [key, source] : imageDataKeys())
        if (j.contains(key) && d.source != source)
            throw InputError(where + "." + key + " belongs to the " + source + " data, not to " +
                             quoteForMessage(d.source));
    d.trainLimit = integer(j, "train_limit", where, d.trainLimit);
    d.testLimit = integer(j, "test_limit", where, d.testLimit);
    if (j.contains("train_limit") && d.trainLimit < 1)
        throw InputError("data.train_limit must be at least 1 (leave it out to use every image)");
    if (j.contains("test_limit") && d.testLimit < 1)
        throw InputError("data.test_limit must be at least 1 (leave it out to use every image)");
    d.images = text(j, "images", where, d.images);
    d.labels = text(j, "labels", where, d.labels);
    d.testImages = text(j, "test_images", where, d.testImages);
    d.testLabels = text(j, "test_labels", where, d.testLabels);
    d.imageSize = integer(j, "size", where, d.imageSize);
    d.imageChannels = integer(j, "channels", where, d.imageChannels);
    d.testPath = text(j, "test_path", where, d.testPath);
    checkImageDataSpec(d);
}

void writeImageData(const DataSpec& d, json& j) {
    if (d.trainLimit > 0) j["train_limit"] = d.trainLimit;
    if (d.testLimit > 0) j["test_limit"] = d.testLimit;
    if (d.source == "idx") {
        j["images"] = d.images;
        j["labels"] = d.labels;
        if (!d.testImages.empty() || !d.testLabels.empty()) {
            j["test_images"] = d.testImages;
            j["test_labels"] = d.testLabels;
        }
    } else if (d.source == "image_folder") {
        j["path"] = d.path;
        if (!d.testPath.empty()) j["test_path"] = d.testPath;
        j["size"] = d.imageSize;
        j["channels"] = d.imageChannels;
    }
}

/// The keys of the sequence sources ("sine", "text").
const std::set<std::string>& sequenceDataKeys() {
    static const std::set<std::string> keys{"sequence_length", "frequency_min", "frequency_max",
                                            "phase_min",       "phase_max",     "horizon",
                                            "stride",          "max_chars"};
    return keys;
}

/// The settings of the sequence sources ("sine", "text"); other sources ignore them.
void readSequenceData(const json& j, const std::string& where, DataSpec& d) {
    d.sequenceLength = integer(j, "sequence_length", where, d.sequenceLength);
    d.frequencyMin = number(j, "frequency_min", where, d.frequencyMin);
    d.frequencyMax = number(j, "frequency_max", where, d.frequencyMax);
    d.phaseMin = number(j, "phase_min", where, d.phaseMin);
    d.phaseMax = number(j, "phase_max", where, d.phaseMax);
    d.horizon = integer(j, "horizon", where, d.horizon);
    d.stride = integer(j, "stride", where, d.stride);
    if (j.contains("max_chars")) d.maxChars = integer(j, "max_chars", where, 0);
}

void writeSequenceData(const DataSpec& d, json& j) {
    if (d.source == "text") {
        j["path"] = d.path;
        j["sequence_length"] = d.sequenceLength;
        j["stride"] = d.stride;
        if (d.maxChars) j["max_chars"] = *d.maxChars;
        return;
    }
    j["samples"] = d.samples;
    j["noise"] = d.noise;
    j["sequence_length"] = d.sequenceLength;
    j["frequency_min"] = d.frequencyMin;
    j["frequency_max"] = d.frequencyMax;
    j["phase_min"] = d.phaseMin;
    j["phase_max"] = d.phaseMax;
    j["horizon"] = d.horizon;
}

DataSpec readData(const json& j) {
    const std::string where = "data";
    requireObject(j, where);
    std::set<std::string> keys{"source",
                               "samples",
                               "noise",
                               "positive_share",
                               "minority_share",
                               "train_fraction",
                               "validation_fraction",
                               "train_samples",
                               "seed",
                               "features",
                               "path",
                               "csv_text",
                               "label",
                               "standardize",
                               "standardize_target"};
    for (const auto& [key, source] : imageDataKeys()) keys.insert(key);
    keys.insert(sequenceDataKeys().begin(), sequenceDataKeys().end());
    checkKeys(j, where, keys);
    DataSpec d;
    d.source = text(j, "source", where, d.source);
    d.samples = integer(j, "samples", where, d.samples);
    d.noise = number(j, "noise", where, d.noise);
    if (j.contains("positive_share")) d.positiveShare = number(j, "positive_share", where, 0.0);
    if (j.contains("minority_share")) d.minorityShare = number(j, "minority_share", where, 0.0);
    d.trainFraction = number(j, "train_fraction", where, d.trainFraction);
    d.validationFraction = number(j, "validation_fraction", where, d.validationFraction);
    d.trainSamples = integer(j, "train_samples", where, d.trainSamples);
    if (d.trainSamples < 0)
        throw InputError("data.train_samples must be 0 (all training samples) or more, not " +
                         std::to_string(d.trainSamples));
    d.seed = seed(j, "seed", where, d.seed);
    if (j.contains("features")) {
        const json& f = j.at("features");
        if (!f.is_array()) throw InputError("data.features must be a list of feature names");
        d.features.clear();
        for (const json& name : f) {
            if (!name.is_string()) throw InputError("data.features must hold only names");
            d.features.push_back(name.get<std::string>());
        }
    }
    d.path = text(j, "path", where, d.path);
    d.csvText = text(j, "csv_text", where, d.csvText);
    d.label = text(j, "label", where, d.label);
    d.standardize = boolean(j, "standardize", where, d.standardize);
    d.standardizeTarget = boolean(j, "standardize_target", where, d.standardizeTarget);
    readImageData(j, where, d);
    readSequenceData(j, where, d);
    if (d.csvText.size() > DataSpec::kMaxCsvTextBytes)
        throw InputError("data.csv_text holds " + std::to_string(d.csvText.size()) +
                         " bytes of CSV data, more than a project can keep (" +
                         std::to_string(DataSpec::kMaxCsvTextBytes >> 20) +
                         " MiB); keep the data in its own file and name it in data.path");
    if (j.contains("csv_text") && d.source != "csv")
        throw InputError("data.csv_text belongs to CSV data, but data.source is " +
                         quoteForMessage(d.source));
    if (j.contains("csv_text") && d.csvText.empty())
        throw InputError("data.csv_text is empty (leave it out to read data.path instead)");
    if (d.source == "csv" && d.path.empty() && d.csvText.empty())
        throw InputError("data.path (or data.csv_text) is needed when data.source is \"csv\"");
    return d;
}

json writeData(const DataSpec& d) {
    json j{{"source", d.source}, {"train_fraction", d.trainFraction}};
    if (d.validationFraction > 0.0) j["validation_fraction"] = d.validationFraction;
    if (d.trainSamples > 0) j["train_samples"] = d.trainSamples;
    j["seed"] = d.seed;
    if (d.source == "csv") {
        if (!d.path.empty() || d.csvText.empty()) j["path"] = d.path;
        j["label"] = d.label;
        j["standardize"] = d.standardize;
        if (d.standardizeTarget) j["standardize_target"] = true;
        // Last, so the settings above stay in view of a reader.
        if (!d.csvText.empty()) j["csv_text"] = d.csvText;
    } else if (isImageSource(d.source)) {
        writeImageData(d, j);
    } else if (d.source == "sine" || d.source == "text") {
        writeSequenceData(d, j);
    } else {
        j["samples"] = d.samples;
        j["noise"] = d.noise;
        if (d.positiveShare) j["positive_share"] = *d.positiveShare;
        if (d.minorityShare) j["minority_share"] = *d.minorityShare;
        j["features"] = d.features;
        if (d.standardize) j["standardize"] = true;
    }
    return j;
}

/// Reads a layer's "id": 0 when absent (a fresh one is given later), else 1..kMaxLayerId.
int layerId(const json& layer, const std::string& where) {
    if (!layer.contains("id")) return 0;
    const double v = number(layer, "id", where, 0);
    if (v != std::floor(v) || v < 1 || v > kMaxLayerId)
        throw InputError(where + ".id must be a whole number from 1 to " +
                         std::to_string(kMaxLayerId));
    return static_cast<int>(v);
}

}  // namespace

namespace sections {

/// Reads one network; `ids` holds the ids of the networks read before (ids are unique in the
/// whole project). Layers without an id keep 0 until the whole project is read.
NetworkSpec readNetwork(const json& j, std::set<int>& ids, const std::string& name) {
    requireObject(j, name);
    checkKeys(j, name, {"layers"});
    if (!j.contains("layers") || !j.at("layers").is_array())
        throw InputError(name + ".layers must be a list of layers");
    const LayerRegistry& registry = LayerRegistry::builtin();
    NetworkSpec net;
    int index = 0;
    for (const json& l : j.at("layers")) {
        ++index;
        const std::string where =
            (name == "network" ? "" : name + " ") + "layer " + std::to_string(index);
        requireObject(l, where);
        if (!l.contains("type")) throw InputError(where + " has no \"type\"");
        LayerSpec layer;
        layer.type = text(l, "type", where, "");
        const LayerInfo& info = registry.get(layer.type);
        std::set<std::string> allowed{"type", "id", "trainable"};
        for (const SettingInfo& s : info.settings) allowed.insert(s.key);
        for (const ParamInfo& p : info.params) allowed.insert(p.name);
        checkKeys(l, where + " (" + layer.type + ")", allowed);
        for (const SettingInfo& s : info.settings)
            if (l.contains(s.key)) layer.settings[s.key] = readSetting(l, s, where);
        layer.trainable = boolean(l, "trainable", where, true);
        const bool anyParam = std::any_of(info.params.begin(), info.params.end(),
                                          [&](const ParamInfo& p) { return l.contains(p.name); });
        if (anyParam) {
            for (const ParamInfo& p : info.params) {
                if (!l.contains(p.name))
                    throw InputError(where + " has some trained values but no \"" + p.name + "\"");
                layer.params.push_back(readMatrix(l.at(p.name), where + "." + p.name,
                                                  p.storage == ParamStorage::List));
            }
        }
        layer.id = layerId(l, where);
        if (layer.id != 0 && !ids.insert(layer.id).second)
            throw InputError(where + " repeats the id " + std::to_string(layer.id) +
                             " (layer ids must be unique in the project)");
        net.layers.push_back(std::move(layer));
    }
    return net;
}

json writeNetwork(const NetworkSpec& net) {
    const LayerRegistry& registry = LayerRegistry::builtin();
    json layers = json::array();
    for (const LayerSpec& layer : net.layers) {
        json l{{"type", layer.type}, {"id", layer.id}};
        const LayerInfo& info = registry.get(layer.type);
        for (const auto& [key, value] : layer.settings) l[key] = writeSetting(info, key, value);
        if (!layer.trainable) l["trainable"] = false;
        for (std::size_t i = 0; i < layer.params.size() && i < info.params.size(); ++i)
            l[info.params[i].name] =
                writeMatrix(layer.params[i], info.params[i].storage == ParamStorage::List);
        layers.push_back(std::move(l));
    }
    return json{{"layers", layers}};
}

void readOptimizer(const json& j, const std::string& where, OptimizerSettings& o) {
    o.kind = text(j, "optimizer", where, o.kind);
    if (o.kind != "sgd" && o.kind != "rmsprop" && o.kind != "adam")
        throw InputError("unknown optimizer '" + o.kind + "' in " + where +
                         ".optimizer (expected sgd, rmsprop or adam)");
    o.learningRate = static_cast<float>(number(j, "learning_rate", where, o.learningRate));
    o.momentum = static_cast<float>(number(j, "momentum", where, o.momentum));
    o.nesterov = boolean(j, "nesterov", where, o.nesterov);
    o.rho = static_cast<float>(number(j, "rho", where, o.rho));
    o.beta1 = static_cast<float>(number(j, "beta1", where, o.beta1));
    o.beta2 = static_cast<float>(number(j, "beta2", where, o.beta2));
    o.epsilon = static_cast<float>(number(j, "epsilon", where, o.epsilon));
}

void writeOptimizerDetails(const OptimizerSettings& o, json& j) {
    if (o.kind == "sgd") {
        j["momentum"] = tidy(o.momentum);
        j["nesterov"] = o.nesterov;
    } else if (o.kind == "rmsprop") {
        j["rho"] = tidy(o.rho);
        j["epsilon"] = tidy(o.epsilon);
    } else {
        j["beta1"] = tidy(o.beta1);
        j["beta2"] = tidy(o.beta2);
        j["epsilon"] = tidy(o.epsilon);
    }
}

TrainingSpec readTraining(const json& j) {
    const std::string where = "training";
    requireObject(j, where);
    checkKeys(j, where,
              {"loss", "optimizer", "learning_rate", "momentum", "nesterov", "rho", "beta1",
               "beta2", "epsilon", "batch_size", "epochs", "shuffle", "l1", "l2", "seed",
               "early_stopping", "init", "augmentation",
               "ensemble"});
    TrainingSpec t;
    t.loss = lossKindFromString(text(j, "loss", where, toString(t.loss)));
    readOptimizer(j, where, t.optimizer);
    t.batchSize = integer(j, "batch_size", where, t.batchSize);
    t.epochs = integer(j, "epochs", where, t.epochs);
    t.shuffle = boolean(j, "shuffle", where, t.shuffle);
    t.l1 = static_cast<float>(number(j, "l1", where, t.l1));
    t.l2 = static_cast<float>(number(j, "l2", where, t.l2));
    t.seed = seed(j, "seed", where, t.seed);
    if (j.contains("early_stopping")) {
        const json& e = requireObject(j.at("early_stopping"), "training.early_stopping");
        checkKeys(e, "training.early_stopping", {"patience"});
        t.patience = integer(e, "patience", "training.early_stopping", t.patience);
    }
    t.init = initSchemeFromString(text(j, "init", where, toString(t.init)));
    if (j.contains("augmentation"))
        t.augmentation = readAugmentation(j.at("augmentation"), where + ".augmentation");
    if (j.contains("ensemble")) {
        const json& e = requireObject(j.at("ensemble"), "training.ensemble");
        checkKeys(e, "training.ensemble", {"members", "bootstrap"});
        t.ensemble.members = integer(e, "members", "training.ensemble", t.ensemble.members);
        t.ensemble.bootstrap = boolean(e, "bootstrap", "training.ensemble", t.ensemble.bootstrap);
    }
    return t;
}

json writeTraining(const TrainingSpec& t) {
    const OptimizerSettings& o = t.optimizer;
    json j{{"loss", toString(t.loss)},
           {"optimizer", o.kind},
           {"learning_rate", tidy(o.learningRate)},
           {"batch_size", t.batchSize},
           {"epochs", t.epochs},
           {"shuffle", t.shuffle},
           {"l1", tidy(t.l1)},
           {"l2", tidy(t.l2)},
           {"seed", t.seed},
           {"early_stopping", {{"patience", t.patience}}},
           {"init", toString(t.init)}};
    // Written only for an ensemble, so that files of one network stay as they were.
    if (t.ensemble != TrainingSpec::Ensemble{})
        j["ensemble"] = {{"members", t.ensemble.members}, {"bootstrap", t.ensemble.bootstrap}};
    writeOptimizerDetails(o, j);
    if (t.augmentation.active()) j["augmentation"] = writeAugmentation(t.augmentation);
    return j;
}

/// Every key of a record is a column: the ones a supervised run writes (HistoryColumn) and
/// any other a file brings, which is kept and written back. Values are numbers or null (NaN).
History readHistory(const json& j, const char* indexColumn) {
    if (!j.is_array()) throw InputError("history must be a list of records");
    History history;
    for (const json& e : j) {
        const std::string where = "history[" + std::to_string(history.size()) + "]";
        requireObject(e, where);
        const std::size_t row = history.addRow();
        for (const auto& [key, value] : e.items()) {
            if (value.is_null()) {
                history.addColumn(key);
                continue;
            }
            if (!value.is_number())
                throw InputError(where + "." + key + " must be a number or null, not " +
                                 typeName(value));
            history.set(row, key, value.get<float>());
        }
        // Records written by hand may leave the epoch (or a GAN's step) out: they count from 1.
        const int given = integer(e, indexColumn, where, static_cast<int>(row) + 1);
        if (given < 0)
            throw InputError(where + "." + indexColumn + " must be zero or more, not " +
                             std::to_string(given));
        history.set(row, indexColumn, static_cast<float>(given));
    }
    return history;
}

json writeHistory(const History& history, const char* indexColumn) {
    json out = json::array();
    const int index = history.column(indexColumn);
    for (std::size_t row = 0; row < history.size(); ++row) {
        json record = json::object();
        for (std::size_t c = 0; c < history.columns().size(); ++c) {
            const float v = history.value(row, static_cast<int>(c));
            if (static_cast<int>(c) == index && std::isfinite(v))
                record[history.columns()[c]] = static_cast<long long>(v);
            else
                record[history.columns()[c]] = std::isfinite(v) ? json(tidy(v)) : json(nullptr);
        }
        out.push_back(std::move(record));
    }
    return out;
}

}  // namespace sections

namespace {

using namespace sections;

/// Deepest nesting of lists and objects a project may have (a trained project needs 5).
constexpr std::size_t kMaxDepth = 64;

/// Says in words what a syntax error of the JSON parser means.
std::string describeSyntaxError(const std::string& detail, const std::string& token, bool atStart) {
    const auto has = [&](const char* part) { return detail.find(part) != std::string::npos; };
    if (atStart && has("end of input")) return "the file is empty";
    if (has("ill-formed UTF-8")) return "the text is not valid UTF-8";
    if (has("missing closing quote")) return "a text value is never closed (a '\"' is missing)";
    if (has("control character"))
        return "a text value holds a line break or a control character (write \\n instead)";
    if (has("invalid string"))
        return "a text value has a bad escape (a '\\' followed by " + quoteForMessage(token, 12) +
               ")";
    if (has("invalid number")) return "a malformed number " + quoteForMessage(token, 20);
    if (has("invalid literal"))
        return "unexpected text " + quoteForMessage(token, 20) +
               ": text values need double quotes, and true, false and null are the only bare "
               "words";
    if (has("end of input")) return "the file ends too early (a value, a '}' or a ']' is missing)";
    if (has("parsing object key"))
        return "expected a key in double quotes (is there a comma too many?)";
    if (has("parsing object separator")) return "expected ':' after a key";
    if (has("parsing object")) return "expected a comma or the '}' that closes the object";
    if (has("parsing array")) return "expected a comma or the ']' that closes the list";
    return "expected a value (a number, a text in double quotes, true, false, null, a list or "
           "an object)";
}

/// Builds the JSON tree while refusing what nlohmann accepts but a project must not hold:
/// nesting deeper than kMaxDepth, a key twice in one object and numbers beyond float range.
/// Errors name the place ("network.layers[2].units").
class ProjectReader : public nlohmann::json_sax<json> {
public:
    explicit ProjectReader(json& root) : m_dom(root, true) {}

    bool null() override { return value() && m_dom.null(); }
    bool boolean(bool v) override { return value() && m_dom.boolean(v); }
    bool number_integer(number_integer_t v) override { return value() && m_dom.number_integer(v); }
    bool number_unsigned(number_unsigned_t v) override {
        return value() && m_dom.number_unsigned(v);
    }
    bool number_float(number_float_t v, const string_t& text) override {
        if (!(std::abs(v) <= std::numeric_limits<float>::max())) tooLarge(text);
        return value() && m_dom.number_float(v, text);
    }
    bool string(string_t& v) override { return value() && m_dom.string(v); }
    bool binary(binary_t& v) override { return value() && m_dom.binary(v); }
    bool start_object(std::size_t n) override {
        value();
        open(true);
        return m_dom.start_object(n);
    }
    bool key(string_t& k) override {
        Frame& frame = m_frames.back();
        if (!frame.keys.insert(k).second)
            throw InputError("the key " + quoteForMessage(k) + " appears twice in " +
                             place(m_frames.size() - 1) + " (each key may appear once)");
        frame.key = k;
        return m_dom.key(k);
    }
    bool end_object() override {
        m_frames.pop_back();
        return m_dom.end_object();
    }
    bool start_array(std::size_t n) override {
        value();
        open(false);
        return m_dom.start_array(n);
    }
    bool end_array() override {
        m_frames.pop_back();
        return m_dom.end_array();
    }
    bool parse_error(std::size_t, const std::string& token,
                     const nlohmann::detail::exception& error) override {
        if (error.id == 406) tooLarge(token);
        const auto* syntax = dynamic_cast<const json::parse_error*>(&error);
        std::string where;
        if (syntax != nullptr) {
            const std::string what = error.what();
            const auto at = what.find("line ");
            const auto colon = what.find(':', at);
            if (at != std::string::npos && colon != std::string::npos)
                where = what.substr(at, colon - at) + ": ";
        }
        throw InputError("not valid JSON: " + where +
                         describeSyntaxError(error.what(), token, syntax && syntax->byte <= 1));
    }

private:
    struct Frame {
        bool object = false;
        std::set<std::string> keys;
        std::string key;
        std::size_t items = 0;
    };

    /// Counts a value of the enclosing list; always true.
    bool value() {
        if (!m_frames.empty() && !m_frames.back().object) ++m_frames.back().items;
        return true;
    }
    void open(bool object) {
        if (m_frames.size() >= kMaxDepth)
            throw InputError(place(m_frames.size()) + " nests lists and objects more than " +
                             std::to_string(kMaxDepth) + " levels deep");
        m_frames.push_back({object, {}, {}, 0});
    }
    /// "network.layers[2]": the value the first `depth` frames lead to.
    std::string place(std::size_t depth) const {
        std::string out;
        for (std::size_t i = 0; i < depth && i < m_frames.size(); ++i) {
            const Frame& f = m_frames[i];
            if (f.object) {
                if (!out.empty()) out += '.';
                out += f.key;
            } else {
                out += '[';
                out += std::to_string(f.items - 1);
                out += ']';
            }
        }
        return out.empty() ? "the project" : out;
    }
    [[noreturn]] void tooLarge(const std::string& text) {
        value();
        throw InputError(place(m_frames.size()) + ": the number " + quoteForMessage(text, 30) +
                         " is too large (numbers must lie within +-3.4e38)");
    }

    nlohmann::detail::json_sax_dom_parser<json> m_dom;
    std::vector<Frame> m_frames;
};

std::vector<std::string> names(const json& object, const std::string& key,
                               const std::string& where) {
    std::vector<std::string> out;
    if (!object.contains(key)) return out;
    const json& list = object.at(key);
    if (!list.is_array()) throw InputError(where + "." + key + " must be a list of names");
    for (const json& name : list) {
        if (!name.is_string()) throw InputError(where + "." + key + " must hold only names");
        out.push_back(name.get<std::string>());
    }
    return out;
}

/// A mean and a scale list of `size` entries (both or neither), scales positive.
Standardizer readStandardizer(const json& j, const std::string& meanKey,
                              const std::string& scaleKey, const std::string& where,
                              std::size_t size) {
    Standardizer s;
    if (!j.contains(meanKey) && !j.contains(scaleKey)) return s;
    if (!j.contains(meanKey) || !j.contains(scaleKey))
        throw InputError(where + " needs both \"" + meanKey + "\" and \"" + scaleKey + "\"");
    s.mean = readMatrix(j.at(meanKey), where + "." + meanKey, true);
    s.scale = readMatrix(j.at(scaleKey), where + "." + scaleKey, true);
    if (static_cast<std::size_t>(s.mean.size()) != size ||
        static_cast<std::size_t>(s.scale.size()) != size)
        throw InputError(where + "." + meanKey + " and ." + scaleKey + " need " +
                         std::to_string(size) + " numbers each");
    if (!(s.scale.array() > 0.0f).all())
        throw InputError(where + "." + scaleKey + " must hold only positive numbers");
    return s;
}

Preprocessing readPreprocessing(const json& j) {
    const std::string where = "preprocessing";
    requireObject(j, where);
    checkKeys(j, where,
              {"input_columns", "class_names", "input_mean", "input_scale", "target_mean",
               "target_scale"});
    Preprocessing p;
    p.inputColumns = names(j, "input_columns", where);
    if (p.inputColumns.empty())
        throw InputError("preprocessing.input_columns must name at least one column");
    p.classNames = names(j, "class_names", where);
    p.inputs = readStandardizer(j, "input_mean", "input_scale", where, p.inputColumns.size());
    p.target = readStandardizer(j, "target_mean", "target_scale", where, 1);
    return p;
}

json writePreprocessing(const Preprocessing& p) {
    json j{{"input_columns", p.inputColumns}};
    if (!p.classNames.empty()) j["class_names"] = p.classNames;
    if (p.inputs.active()) {
        j["input_mean"] = writeMatrix(p.inputs.mean, true);
        j["input_scale"] = writeMatrix(p.inputs.scale, true);
    }
    if (p.target.active()) {
        j["target_mean"] = writeMatrix(p.target.mean, true);
        j["target_scale"] = writeMatrix(p.target.scale, true);
    }
    return j;
}

/// Characters (UTF-8) of a one-line text; throws when it holds control characters or is longer
/// than `limit`. `what` names it in a learner's words ("the title").
std::size_t checkLine(const std::string& line, const std::string& what, std::size_t limit) {
    std::size_t characters = 0;
    for (const char c : line) {
        const auto byte = static_cast<unsigned char>(c);
        if (byte < 0x20 || byte == 0x7f)
            throw InputError(what + " must be one line of text without control characters");
        if ((byte & 0xc0) != 0x80) ++characters;
    }
    if (characters > limit)
        throw InputError(what + " has " + std::to_string(characters) + " characters; at most " +
                         std::to_string(limit) + " are allowed");
    return characters;
}

std::string lessonText(const json& j, const std::string& key, const std::string& where) {
    const std::string value = text(j, key, where, "");
    checkLine(value, where + "." + key, Lesson::kMaxTextLength);
    return value;
}

template <std::size_t N>
bool isOneOf(const std::string& name, const char* const (&list)[N]) {
    return std::find(std::begin(list), std::end(list), name) != std::end(list);
}

template <std::size_t N>
std::string listOf(const char* const (&list)[N]) {
    std::string out;
    for (const char* name : list) out += (out.empty() ? "" : ", ") + std::string(name);
    return out;
}

/// The largest merge patch a variant may hold, in bytes of compact JSON.
constexpr std::size_t kMaxChangesBytes = 64 * 1024;

LessonOutcome readOutcome(const std::string& measure, const json& v, const std::string& where) {
    if (!isOneOf(measure, Lesson::kMeasures))
        throw InputError(where + " names an unknown measure " + quoteForMessage(measure) +
                         " (known: " + listOf(Lesson::kMeasures) + ")");
    LessonOutcome o;
    o.measure = measure;
    const std::string at = where + "." + measure;
    if (measure == "diverged") {
        if (!v.is_boolean()) throw InputError(at + " must be true or false, not " + typeName(v));
        o.is = v.get<bool>();
        return o;
    }
    requireObject(v, at);
    checkKeys(v, at, {"at_least", "at_most"});
    if (v.empty()) throw InputError(at + " needs \"at_least\", \"at_most\" or both");
    if (v.contains("at_least")) o.atLeast = number(v, "at_least", at, 0);
    if (v.contains("at_most")) o.atMost = number(v, "at_most", at, 0);
    if (o.atLeast && o.atMost && *o.atLeast > *o.atMost)
        throw InputError(at + ": \"at_least\" is larger than \"at_most\", so no run can pass");
    return o;
}

json writeOutcomes(const std::vector<LessonOutcome>& outcomes) {
    json out = json::object();
    for (const LessonOutcome& o : outcomes) {
        if (o.is) {
            out[o.measure] = *o.is;
            continue;
        }
        json bounds = json::object();
        if (o.atLeast) bounds["at_least"] = *o.atLeast;
        if (o.atMost) bounds["at_most"] = *o.atMost;
        out[o.measure] = bounds;
    }
    return out;
}

LessonVariant readVariant(const json& v, const std::string& where) {
    requireObject(v, where);
    checkKeys(v, where, {"name", "changes", "expect"});
    LessonVariant out;
    out.name = text(v, "name", where, "");
    if (out.name.empty()) throw InputError(where + " needs a \"name\"");
    checkLine(out.name, where + ".name", Lesson::kMaxNameLength);
    if (v.contains("changes")) {
        const json& changes = v.at("changes");
        requireObject(changes, where + ".changes");
        for (const char* key : {"format", "version", "lesson"})
            if (changes.contains(key))
                throw InputError(where + ".changes may not change \"" + std::string(key) +
                                 "\" (a variant changes the project, not the file or the lesson)");
        out.changes = changes.dump();
        if (out.changes.size() > kMaxChangesBytes)
            throw InputError(where + ".changes is too large (" +
                             std::to_string(out.changes.size()) + " bytes; at most " +
                             std::to_string(kMaxChangesBytes) + ")");
    }
    if (v.contains("expect")) {
        const json& expect = requireObject(v.at("expect"), where + ".expect");
        for (const auto& [measure, bounds] : expect.items())
            out.expect.push_back(readOutcome(measure, bounds, where + ".expect"));
    }
    return out;
}

Lesson readLesson(const json& j) {
    const std::string where = "lesson";
    requireObject(j, where);
    checkKeys(j, where, {"goal", "watch", "try", "question", "hide", "variants"});
    Lesson l;
    l.goal = lessonText(j, "goal", where);
    if (l.goal.empty())
        throw InputError("lesson.goal is needed: one sentence saying what the lesson shows");
    l.watch = lessonText(j, "watch", where);
    l.question = lessonText(j, "question", where);
    l.steps = names(j, "try", where);
    if (l.steps.size() > Lesson::kMaxSteps)
        throw InputError("lesson.try has " + std::to_string(l.steps.size()) + " steps; at most " +
                         std::to_string(Lesson::kMaxSteps) + " are allowed");
    for (std::size_t i = 0; i < l.steps.size(); ++i)
        checkLine(l.steps[i], "lesson.try[" + std::to_string(i) + "]", Lesson::kMaxTextLength);
    l.hide = names(j, "hide", where);
    for (const std::string& control : l.hide) {
        if (!isOneOf(control, Lesson::kHideable))
            throw InputError("lesson.hide names an unknown control " + quoteForMessage(control) +
                             " (controls a lesson can hide: " + listOf(Lesson::kHideable) + ")");
        if (std::count(l.hide.begin(), l.hide.end(), control) > 1)
            throw InputError("lesson.hide names " + quoteForMessage(control) + " twice");
    }
    if (j.contains("variants")) {
        const json& list = j.at("variants");
        if (!list.is_array()) throw InputError("lesson.variants must be a list of variants");
        if (list.size() > Lesson::kMaxVariants)
            throw InputError("lesson.variants has " + std::to_string(list.size()) +
                             " variants; at most " + std::to_string(Lesson::kMaxVariants) +
                             " are allowed");
        for (const json& v : list) {
            LessonVariant variant =
                readVariant(v, "lesson.variants[" + std::to_string(l.variants.size()) + "]");
            if (l.findVariant(variant.name))
                throw InputError("lesson.variants has two variants named " +
                                 quoteForMessage(variant.name) + " (each needs its own name)");
            l.variants.push_back(std::move(variant));
        }
    }
    return l;
}

json writeLesson(const Lesson& l) {
    json j{{"goal", l.goal}};
    if (!l.watch.empty()) j["watch"] = l.watch;
    if (!l.steps.empty()) j["try"] = l.steps;
    if (!l.question.empty()) j["question"] = l.question;
    if (!l.hide.empty()) j["hide"] = l.hide;
    if (!l.variants.empty()) {
        json list = json::array();
        for (const LessonVariant& v : l.variants) {
            json variant{{"name", v.name}, {"changes", json::parse(v.changes)}};
            if (!v.expect.empty()) variant["expect"] = writeOutcomes(v.expect);
            list.push_back(std::move(variant));
        }
        j["variants"] = list;
    }
    return j;
}

Project parseTree(const json& j);
/// The sections of a classification or regression project (all but its lesson).
void readSupervisedProject(const json& j, Project& p);

/// The column a history of this task counts by: a GAN's steps, else epochs.
const char* historyIndex(Task task) {
    return task == Task::Gan ? HistoryColumn::kStep : HistoryColumn::kEpoch;
}

std::vector<RunRecord> readRuns(const json& j, const char* indexColumn) {
    if (!j.is_array()) throw InputError("runs must be a list of runs");
    if (j.size() > static_cast<std::size_t>(RunRecord::kMaxRuns))
        throw InputError("runs holds " + std::to_string(j.size()) + " runs; a project keeps " +
                         "at most " + std::to_string(RunRecord::kMaxRuns));
    std::vector<RunRecord> runs;
    for (const json& r : j) {
        const std::string where = "runs[" + std::to_string(runs.size()) + "]";
        requireObject(r, where);
        checkKeys(r, where, {"name", "diverged", "settings", "history"});
        RunRecord run;
        run.name = text(r, "name", where, "");
        if (run.name.empty()) throw InputError(where + " has no \"name\"");
        run.diverged = boolean(r, "diverged", where, false);
        if (r.contains("settings")) {
            requireObject(r.at("settings"), where + ".settings");
            run.settings = r.at("settings").dump();
        }
        if (!r.contains("history")) throw InputError(where + " has no \"history\"");
        try {
            run.history = readHistory(r.at("history"), indexColumn);
        } catch (const InputError& e) {
            throw InputError(where + ": " + e.what());
        }
        runs.push_back(std::move(run));
    }
    return runs;
}

json writeRuns(const std::vector<RunRecord>& runs, const char* indexColumn) {
    json list = json::array();
    for (const RunRecord& run : runs) {
        json r{{"name", run.name}};
        if (run.diverged) r["diverged"] = true;
        if (!run.settings.empty()) r["settings"] = json::parse(run.settings);
        r["history"] = writeHistory(run.history, indexColumn);
        list.push_back(std::move(r));
    }
    return list;
}

/// The project `base` (a project's JSON without its lesson) becomes with the variant's changes.
/// Throws InputError naming the variant when the result is not a valid project.
Project applyChanges(json base, const LessonVariant& variant) {
    base.merge_patch(json::parse(variant.changes));
    try {
        return parseTree(base);
    } catch (const InputError& e) {
        throw InputError("the variant " + quoteForMessage(variant.name) +
                         " makes a project that cannot be used: " + e.what());
    }
}

}  // namespace

Project parse(const std::string& source) {
    json j;
    ProjectReader reader(j);
    json::sax_parse(source, &reader);
    return parseTree(j);
}

namespace {

Project parseTree(const json& j) {
    if (!j.is_object() || !j.contains("format") || j.at("format") != kFormat)
        throw InputError("not an nnplay project (the \"format\" key must be \"nnplay-project\")");
    const int version = integer(j, "version", "project", 0);
    if (version > kVersion)
        throw InputError("written by a newer nnplay (format version " + std::to_string(version) +
                         "); this program reads versions up to " + std::to_string(kVersion));
    if (version < 1) throw InputError("the project has no valid \"version\" (expected 1)");
    Project p;
    p.task = taskFromString(text(j, "task", "project", toString(p.task)));
    if (p.task == Task::Gan) {
        checkKeys(j, "the project",
                  {"format", "version", "title", "task", "data", "noise", "generator",
                   "discriminator", "training", "history", "runs", "lesson"});
        p.title = readTitle(j);
        readGanProject(j, p);
    } else {
        readSupervisedProject(j, p);
    }
    if (j.contains("runs")) p.runs = readRuns(j.at("runs"), historyIndex(p.task));
    if (j.contains("lesson")) {
        p.lesson = readLesson(j.at("lesson"));
        // Each variant must make a valid project too, so a bad one is refused on opening.
        json base = j;
        base.erase("lesson");
        for (const LessonVariant& variant : p.lesson.variants) applyChanges(base, variant);
    }
    return p;
}

void readSupervisedProject(const json& j, Project& p) {
    checkKeys(j, "the project",
              {"format", "version", "title", "task", "data", "network", "training", "history",
               "runs", "preprocessing", "ensemble_members", "lesson"});
    p.title = readTitle(j);
    if (!j.contains("network")) throw InputError("the project has no \"network\"");
    if (j.contains("data")) p.data = readData(j.at("data"));
    std::set<int> ids;
    p.network() = readNetwork(j.at("network"), ids, "network");
    // Layers written by hand have no ids: give them fresh ones.
    for (NamedNetwork& n : p.networks)
        for (LayerSpec& layer : n.spec.layers)
            if (layer.id == 0) ids.insert(layer.id = freshLayerId(ids));
    if (j.contains("training")) p.training = readTraining(j.at("training"));
    if (j.contains("history")) p.history = readHistory(j.at("history"), HistoryColumn::kEpoch);
    if (j.contains("preprocessing")) p.preprocessing = readPreprocessing(j.at("preprocessing"));
    if (j.contains("ensemble_members"))
        p.ensembleMembers = readEnsembleMembers(j.at("ensemble_members"), p.network());
    checkProjectSettings(p);
}

}  // namespace

Project applyVariant(const Project& project, const LessonVariant& variant) {
    json base = json::parse(serialize(project));
    base.erase("lesson");
    Project out = applyChanges(std::move(base), variant);
    out.lesson = project.lesson;
    return out;
}

std::string serialize(const Project& p) {
    json j;
    j["format"] = kFormat;
    j["version"] = kVersion;
    if (!p.title.empty()) j["title"] = p.title;
    j["task"] = toString(p.task);
    if (p.task == Task::Gan) {
        writeGanProject(p, j);
    } else {
        j["data"] = writeData(p.data);
        j["network"] = writeNetwork(p.network());
        j["training"] = writeTraining(p.training);
        if (!p.history.empty()) j["history"] = writeHistory(p.history, HistoryColumn::kEpoch);
        // Stored with the weights it belongs to; stale once they are cleared.
        if (!p.preprocessing.empty() && p.network().hasParams())
            j["preprocessing"] = writePreprocessing(p.preprocessing);
        if (!p.ensembleMembers.empty() && p.network().hasParams())
            j["ensemble_members"] = writeEnsembleMembers(p.ensembleMembers, p.network());
    }
    if (!p.runs.empty()) j["runs"] = writeRuns(p.runs, historyIndex(p.task));
    if (!p.lesson.empty()) j["lesson"] = writeLesson(p.lesson);
    std::string out;
    writePretty(j, out, 0);
    return out + "\n";
}

Project load(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw InputError(path + ": cannot open (" + std::strerror(errno) + ")");
    std::ostringstream buffer;
    buffer << in.rdbuf();
    try {
        return parse(buffer.str());
    } catch (const InputError& e) {
        throw InputError(path + ": " + e.what());
    }
}

void writeFileAtomically(const std::string& path, const std::string& content) {
    AtomicFile(path).commit(content);
}

void save(const std::string& path, const Project& project) {
    writeFileAtomically(path, serialize(project));
}

}  // namespace nnplay::ProjectFile
