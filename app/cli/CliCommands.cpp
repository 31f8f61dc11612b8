// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/CliCommands.h"

#include <unistd.h>

#include <cmath>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>

#include "data/CsvTable.h"
#include "data/DataLoader.h"
#include "data/Features.h"
#include "io/ProjectFile.h"
#include "layers/LayerRegistry.h"
#include "train/NetworkCheck.h"
#include "train/Session.h"
#include "train/TrainingSession.h"

namespace nnplay::cli {

namespace {

constexpr const char* kUsage =
    "usage: nnplay-cli train PROJECT [--epochs N] [--seed S] [--save OUT] [--quiet]\n"
    "       nnplay-cli validate PROJECT\n"
    "       nnplay-cli predict PROJECT --data FILE.csv --out PRED.csv\n";

/// A usage mistake: exit code 2 with the usage text.
struct UsageError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

/// Parsed command line: positional arguments and --options with their values.
struct Arguments {
    std::vector<std::string> positional;
    std::map<std::string, std::string> options;
    bool flag(const std::string& name) const { return options.count(name) > 0; }
};

Arguments parseArguments(const std::vector<std::string>& args,
                         const std::map<std::string, bool>& known) {
    Arguments out;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& a = args[i];
        if (a.rfind("--", 0) != 0) {
            out.positional.push_back(a);
            continue;
        }
        auto it = known.find(a);
        if (it == known.end()) throw UsageError("unknown option " + a);
        if (it->second) {
            if (i + 1 >= args.size()) throw UsageError(a + " needs a value");
            out.options[a] = args[++i];
        } else {
            out.options[a] = "";
        }
    }
    return out;
}

int toInt(const std::string& text, const std::string& option, int minimum) {
    try {
        std::size_t used = 0;
        const long v = std::stol(text, &used);
        if (used != text.size() || v < minimum || v > 100000000) throw std::invalid_argument("");
        return static_cast<int>(v);
    } catch (const std::exception&) {
        throw UsageError(option + " needs a whole number of at least " + std::to_string(minimum) +
                         ", not '" + text + "'");
    }
}

std::string baseDirOf(const std::string& path) {
    const std::filesystem::path parent = std::filesystem::path(path).parent_path();
    return parent.empty() ? "." : parent.string();
}

nlohmann::ordered_json finiteOrNull(double v) {
    return std::isfinite(v) ? nlohmann::ordered_json(v) : nlohmann::ordered_json(nullptr);
}

std::string fixed(double v, int digits = 4) {
    if (!std::isfinite(v)) return "-";
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.*f", digits, v);
    return buffer;
}

void printProgress(const History& history, int done, int total, bool terminal,
                   bool classification) {
    using namespace HistoryColumn;
    const std::size_t row = history.size() - 1;
    const bool validation = history.column(kValLoss) >= 0;
    std::ostringstream line;
    line << "epoch " << history.epoch(row) << "  train_loss "
         << fixed(history.value(row, kTrainLoss));
    if (validation) line << "  val_loss " << fixed(history.value(row, kValLoss));
    line << "  test_loss " << fixed(history.value(row, kTestLoss));
    if (classification) {
        line << "  train_acc " << fixed(history.value(row, kTrainAccuracy), 3);
        if (validation) line << "  val_acc " << fixed(history.value(row, kValAccuracy), 3);
        line << "  test_acc " << fixed(history.value(row, kTestAccuracy), 3);
    }
    if (terminal) {
        const int width = 24;
        const int filled = total ? width * done / total : width;
        std::cout << "\r[" << std::string(filled, '#') << std::string(width - filled, '.')
                  << "] " << line.str() << "   " << std::flush;
        if (done == total) std::cout << "\n";
    } else {
        std::cout << line.str() << "\n";
    }
}

int train(const std::vector<std::string>& args) {
    const Arguments a = parseArguments(
        args, {{"--epochs", true}, {"--seed", true}, {"--save", true}, {"--quiet", false}});
    if (a.positional.size() != 1) throw UsageError("train needs exactly one PROJECT");
    const std::string path = a.positional[0];
    Project project = ProjectFile::load(path);
    if (a.flag("--epochs")) project.training.epochs = toInt(a.options.at("--epochs"), "--epochs", 0);
    if (a.flag("--seed")) {
        const auto seed = static_cast<std::uint32_t>(toInt(a.options.at("--seed"), "--seed", 0));
        project.training.seed = seed;
        project.data.seed = seed;
    }
    std::unique_ptr<Session> session = makeSession(project, baseDirOf(path));
    const bool quiet = a.flag("--quiet");
    const bool terminal = ::isatty(STDOUT_FILENO) != 0;
    const bool classification = project.task == Task::Classification;
    const int total = project.training.epochs;
    int done = 0;
    while (done < total && !session->stopped()) {
        session->stepEpoch();
        if (session->stopReason() == StopReason::Diverged) break;
        ++done;
        if (!quiet) printProgress(session->history(), done, total, terminal, classification);
    }
    if (terminal && !quiet && done < total) std::cout << "\n";

    nlohmann::ordered_json result;
    result["epochs"] = session->epoch();
    for (const Session::Figure& figure : session->results()) {
        if (figure.whole && std::isfinite(figure.value))
            result[figure.name] = static_cast<long long>(figure.value);
        else
            result[figure.name] = finiteOrNull(figure.value);
    }
    switch (session->stopReason()) {
        case StopReason::None: result["stopped"] = "completed"; break;
        case StopReason::EarlyStopped: result["stopped"] = "early_stopping"; break;
        case StopReason::Diverged: result["stopped"] = "diverged"; break;
    }
    if (a.flag("--save")) {
        session->storeInto(project);
        ProjectFile::save(a.options.at("--save"), project);
    }
    std::cout << result.dump() << std::endl;
    if (session->stopReason() == StopReason::Diverged) {
        std::cerr << "nnplay-cli: " << session->stopMessage() << "\n";
        return kFailed;
    }
    if (session->stopReason() == StopReason::EarlyStopped && !quiet)
        std::cerr << session->stopMessage() << "\n";
    return kOk;
}

int validate(const std::vector<std::string>& args) {
    const Arguments a = parseArguments(args, {});
    if (a.positional.size() != 1) throw UsageError("validate needs exactly one PROJECT");
    const std::string path = a.positional[0];
    const Project project = ProjectFile::load(path);
    const DataSplit data = loadData(project.data, project.task, baseDirOf(path));
    const ShapeReport report = checkNetwork(project.network(), data.info, project.training.loss);
    const LayerRegistry& registry = LayerRegistry::builtin();
    std::printf("%-4s %-14s %-10s %10s\n", "#", "layer", "output", "params");
    std::printf("%-4s %-14s %-10s %10s\n", "", "input", data.info.inputShape.toString().c_str(),
                "");
    for (std::size_t i = 0; i < project.network().layers.size(); ++i) {
        const LayerInfo* info = registry.find(project.network().layers[i].type);
        const LayerShapeInfo& s = report.layers[i];
        std::printf("%-4zu %-14s %-10s %10s%s\n", i + 1,
                    info ? info->displayName.c_str() : project.network().layers[i].type.c_str(),
                    s.inferred ? s.output.toString().c_str() : "?",
                    s.inferred ? std::to_string(s.paramCount).c_str() : "?",
                    s.error.empty() ? "" : ("  <- " + s.error).c_str());
    }
    if (!report.ok()) {
        std::cerr << "nnplay-cli: " << path << ": " << report.error << "\n";
        return kBadInput;
    }
    std::printf("total parameters: %lld\n", report.totalParams());
    return kOk;
}

/// Finds the input columns of a prediction CSV: the project's feature (or x1, x2) columns by
/// name, else all columns but a label column when their count fits.
std::vector<int> inputColumns(const CsvTable& table, const std::vector<std::string>& names,
                              const std::string& label, int needed) {
    std::vector<int> columns;
    for (const std::string& name : names) {
        int found = -1;
        for (std::size_t c = 0; c < table.header().size(); ++c)
            if (table.header()[c] == name) found = static_cast<int>(c);
        if (found < 0) break;
        columns.push_back(found);
    }
    if (static_cast<int>(columns.size()) == needed) return columns;
    columns.clear();
    for (std::size_t c = 0; c < table.header().size(); ++c)
        if (table.header()[c] != label) columns.push_back(static_cast<int>(c));
    if (static_cast<int>(columns.size()) != needed) {
        std::string list;
        for (const std::string& n : names) list += (list.empty() ? "" : ", ") + n;
        throw InputError(table.fileName() + ": needs the columns " + list + " (or exactly " +
                         std::to_string(needed) + " input columns), found " +
                         std::to_string(table.header().size()));
    }
    return columns;
}

int predict(const std::vector<std::string>& args) {
    const Arguments a = parseArguments(args, {{"--data", true}, {"--out", true}});
    if (a.positional.size() != 1 || !a.flag("--data") || !a.flag("--out"))
        throw UsageError("predict needs PROJECT, --data FILE.csv and --out PRED.csv");
    const std::string path = a.positional[0];
    const Project project = ProjectFile::load(path);
    if (!project.network().hasParams())
        throw InputError(path + ": the project has no trained weights; train it first (nnplay-cli "
                                "train PROJECT --save OUT)");
    TrainingSession session(project, loadData(project.data, project.task, baseDirOf(path)));
    const DataSplit& split = session.data();
    const CsvTable table = CsvTable::readFile(a.options.at("--data"));

    const bool plane = split.info.isPlane;
    const std::vector<std::string> names =
        plane ? std::vector<std::string>{"x1", "x2"} : split.info.featureNames;
    const int needed = plane ? 2 : split.info.inputShape.size();
    const std::vector<int> columns = inputColumns(table, names, project.data.label, needed);
    Matrix raw(needed, static_cast<Eigen::Index>(table.rows().size()));
    for (std::size_t r = 0; r < table.rows().size(); ++r) {
        const CsvTable::Record& record = table.rows()[r];
        for (int f = 0; f < needed; ++f) {
            float v = 0;
            if (!parseCsvNumber(record.cells[columns[f]], v))
                throw InputError(table.where(record.line, columns[f] + 1) + ": '" +
                                 record.cells[columns[f]] + "' is not a number");
            raw(f, static_cast<Eigen::Index>(r)) = v;
        }
    }
    Matrix inputs;
    if (plane)
        derivePlaneFeatures(raw, project.data.features, inputs);
    else
        inputs = raw;
    split.standardizer.apply(inputs);

    Matrix outputs;
    session.predict(inputs, outputs);
    std::ostringstream csv;
    const bool classification = project.task == Task::Classification;
    csv << "prediction";
    if (classification) {
        const auto& classes = split.info.classNames;
        if (outputs.rows() == 1)
            csv << ",probability_" << classes[1];
        else
            for (const std::string& c : classes) csv << ",probability_" << c;
    }
    csv << "\n";
    const OutputReading& reading = session.outputReading();
    const std::vector<int> predicted = classification ? session.classify(outputs) : std::vector<int>{};
    for (Eigen::Index i = 0; i < outputs.cols(); ++i) {
        if (classification) {
            csv << split.info.classNames[predicted[i]];
            if (outputs.rows() == 1)
                csv << "," << reading.probability(outputs, i, 1);
            else
                for (int k = 0; k < outputs.rows(); ++k) csv << "," << reading.probability(outputs, i, k);
        } else {
            for (Eigen::Index k = 0; k < outputs.rows(); ++k)
                csv << (k ? "," : "") << outputs(k, i);
        }
        csv << "\n";
    }
    ProjectFile::writeFileAtomically(a.options.at("--out"), csv.str());
    return kOk;
}

}  // namespace

int run(const std::vector<std::string>& args) {
    try {
        if (args.empty() || args[0] == "--help" || args[0] == "-h") {
            (args.empty() ? std::cerr : std::cout) << kUsage;
            return args.empty() ? kBadInput : kOk;
        }
        const std::string command = args[0];
        const std::vector<std::string> rest(args.begin() + 1, args.end());
        if (command == "train") return train(rest);
        if (command == "validate") return validate(rest);
        if (command == "predict") return predict(rest);
        throw UsageError("unknown command '" + command + "'");
    } catch (const UsageError& e) {
        std::cerr << "nnplay-cli: " << e.what() << "\n" << kUsage;
        return kBadInput;
    } catch (const InputError& e) {
        std::cerr << "nnplay-cli: " << e.what() << "\n";
        return kBadInput;
    } catch (const std::exception& e) {
        std::cerr << "nnplay-cli: " << e.what() << "\n";
        return kFailed;
    }
}

}  // namespace nnplay::cli
