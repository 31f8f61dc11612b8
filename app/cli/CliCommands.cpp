// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/CliCommands.h"

#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <sstream>

#include "MessageText.h"
#include "ThreadPool.h"
#include "cli/GanCommands.h"
#include "data/CsvTable.h"
#include "data/DataLoader.h"
#include "data/Preprocessing.h"
#include "data/TextLoader.h"
#include "export/PredictionCsv.h"
#include "export/PyTorchExport.h"
#include "io/AtomicFile.h"
#include "io/ProjectFile.h"
#include "layers/LayerRegistry.h"
#include "train/CrossValidation.h"
#include "train/Evaluation.h"
#include "train/GanSession.h"
#include "train/LessonCheck.h"
#include "train/NetworkCheck.h"
#include "train/SequenceGenerator.h"
#include "train/Session.h"
#include "train/Sweep.h"
#include "train/TrainingSession.h"
#ifdef NNPLAY_CLI_PLOT
#include "plots/CurvesPicture.h"
#endif

namespace nnplay::cli {

namespace {

/// One command: its usage line and what it and each of its options do.
struct CommandHelp {
    const char* name;
    const char* usage;
    const char* text;
};

const CommandHelp kCommands[] = {
    {"train",
     "nnplay-cli train PROJECT [--epochs N | --steps N] [--seed S] [--save OUT] [--plot FILE] "
     "[--quiet]",
     "Trains the project's network and prints one line per epoch, then the final losses and "
     "accuracies as one JSON line. A GAN project trains its generator and discriminator and\n"
     "prints a line per measure (training.measure_every steps), then steps, d_loss, g_loss,\n"
     "js_divergence, kl_divergence and, for mixtures, modes_covered and modes_total.\n"
     "  --epochs N   train N epochs instead of the project's number.\n"
     "  --steps N    GAN: train N steps instead of the project's training.steps.\n"
     "  --seed S     use seed S for the data and the training instead of the project's.\n"
     "  --save OUT   write the project with the trained weights (a GAN's both networks) to\n"
     "               OUT (the file is replaced only once it is complete).\n"
     "  --plot FILE  draw the run's curves as the window does (losses and accuracies, a GAN's\n"
     "               losses and measures) at 1200x800 into FILE: .png, .svg or .pdf. Also\n"
     "               written when training diverges. Needs nnplay built with its window.\n"
     "  --quiet      print only the final JSON line.\n"},
    {"validate", "nnplay-cli validate PROJECT",
     "Checks the project without training: reads the data and prints each layer's output "
     "shape and parameter count, or what does not fit.\n"},
    {"predict", "nnplay-cli predict PROJECT --data FILE.csv --out PRED.csv [--no-header]",
     "Runs a trained project on the rows of a CSV file and writes one prediction per row.\n"
     "  --data FILE.csv  the rows; its header names the project's input columns (any order,\n"
     "                   other columns are ignored); for sequence data every step's, value[1]\n"
     "                   to value[N].\n"
     "  --out PRED.csv   where the predictions go.\n"
     "  --no-header      FILE.csv has no header row: its columns are the inputs, in the\n"
     "                   project's order.\n"},
    {"evaluate", "nnplay-cli evaluate PROJECT [--data FILE.csv] [--no-header]",
     "Measures a trained project on labelled samples and prints one JSON line: for\n"
     "classification \"accuracy\", \"precision_macro\", \"recall_macro\", \"f1_macro\",\n"
     "\"per_class\" (precision, recall, f1 and support of each class), \"classes\", \"confusion\"\n"
     "(rows the true class, columns the predicted one) and, for two classes, \"roc_auc\"; for\n"
     "regression \"mse\", \"mae\" and \"r2\" in the target's own units. They are computed as\n"
     "scikit-learn's metrics are (a class never predicted has precision 0).\n"
     "  --data FILE.csv  the samples: the project's input columns (as predict reads them) and\n"
     "                   its label column holding the truth; default the project's test part.\n"
     "  --no-header      FILE.csv has no header row: the inputs in the project's order, then\n"
     "                   the label.\n"},
    {"export", "nnplay-cli export PROJECT --pytorch OUT.py",
     "Writes a trained project as a PyTorch script OUT.py, with its weights (OUT.weights.json)\n"
     "and its data (OUT.data.csv) beside it. The script predicts (--predict IN.csv --out\n"
     "PRED.csv, as the predict command does), goes on training (--train, also under torchrun\n"
     "with DistributedDataParallel) and writes ONNX (--onnx FILE); see its --help. A GAN's\n"
     "script holds both networks and the real samples (Fashion-MNIST is read from its\n"
     "package); it generates (--generate N --out SAMPLES.csv [--noise NOISE.csv] [--seed S],\n"
     "as the generate command does), trains both networks (--train [--steps N]) and writes\n"
     "the generator as ONNX (--onnx FILE).\n"
     "  --pytorch OUT.py  where the script goes.\n"},
    {"generate",
     "nnplay-cli generate PROJECT [--steps N] [--temperature T] [--seed S] [--start TEXT] "
     "[--out FILE]\n"
     "       nnplay-cli generate GAN_PROJECT --count N --out SAMPLES.csv [--seed S]\n"
     "       nnplay-cli generate GAN_PROJECT --noise NOISE.csv --out SAMPLES.csv",
     "A GAN project writes N samples of its generator (N at most 100000), one a row (x1,x2\n"
     "for 2-D data; the pixels row by row for images, on the data's scale 0..1), from noise\n"
     "drawn with seed S (default the project's training seed), or from the rows of\n"
     "NOISE.csv: noise.dim numbers a row, one row a sample (a first row without numbers is\n"
     "a header).\n"
     "Runs a trained sequence project on its own predictions. For text data it samples N\n"
     "characters one at a time, each fed back into the window, and prints the start followed\n"
     "by them; for sine data it predicts the next value, appends it and slides the window, N\n"
     "times, and prints one value per line.\n"
     "  --steps N        how many characters or values (default 200; --length is the same).\n"
     "  --temperature T  text: sample from the probabilities raised to 1/T (default 1); 0 is\n"
     "                   the greedy prediction, the most likely character every time.\n"
     "  --seed S         text: the seed of the sampling (default the project's training seed).\n"
     "  --start TEXT     text: the characters to start from (--prime is the same); default the\n"
     "                   first window of the project's text. Sine data start from the first\n"
     "                   test window.\n"
     "  --out FILE       write the output to FILE instead of printing it.\n"},
    {"cross-validate", "nnplay-cli cross-validate PROJECT --folds K [--epochs N]",
     "k-fold cross-validation: cuts the training part (with its validation part) into K folds,\n"
     "stratified by class for classification; each fold in turn is held out while a model\n"
     "trains from fresh weights on the others (early stopping watches the held-out fold).\n"
     "Prints one JSON line per fold (\"fold\" and its figures as train prints them, val_ being\n"
     "the held-out fold), then one with \"folds\" and, for each figure, its \"mean\" and\n"
     "\"std\" over the folds (the population standard deviation, as numpy's std).\n"
     "  --folds K    how many folds, 2 to 20.\n"
     "  --epochs N   train N epochs a fold instead of the project's number.\n"},
    {"sweep",
     "nnplay-cli sweep PROJECT --param KEY --values V1,V2,... [--out FILE.csv] [--epochs N]",
     "Trains the project once per value of one setting, each from fresh weights for its\n"
     "training.epochs (early stopping as set), prints one line per finished value and writes\n"
     "the table as CSV: value, train_loss, val_loss (with a validation part), test_loss, then\n"
     "train_accuracy, val_accuracy (with validation) and test_accuracy for classification or\n"
     "test_mse and test_r2 for regression, and best_epoch.\n"
     "  --param KEY      learning_rate, l1, l2, batch_size, optimizer (sgd, rmsprop, adam),\n"
     "                   epochs, dropout (the rate of every dropout layer), units (the first\n"
     "                   dense hidden layer's; units:N the layer at index N), train_size (the\n"
     "                   training samples used: a learning curve), or a dotted path into the\n"
     "                   project such as training.optimizer or data.noise.\n"
     "  --values LIST    the values, separated by commas.\n"
     "  --out FILE.csv   write the table to FILE.csv (replaced only once it is complete);\n"
     "                   without it the table goes to stdout and the progress to stderr.\n"
     "  --epochs N       train every value N epochs instead of the project's number.\n"},
    {"check-lesson", "nnplay-cli check-lesson LESSON",
     "Trains each variant of a lesson (a project with a \"lesson\" section) from fresh\n"
     "weights for the project's epochs and checks the outcomes the lesson states. Prints one\n"
     "JSON line per variant: \"variant\", \"epochs\", the measured train_loss, test_loss,\n"
     "train_accuracy, test_accuracy, gap (test loss minus train loss) and diverged, and \"ok\".\n"
     "Exits 1 when any outcome fails, naming it on stderr.\n"},
};

std::string usageText() {
    std::string out = "usage: ";
    for (const CommandHelp& c : kCommands)
        out += std::string(out.size() > 7 ? "       " : "") + c.usage + "\n";
    return out;
}

std::string helpText() {
    std::string out = "nnplay-cli trains, checks and runs nnplay projects without a window.\n\n";
    for (const CommandHelp& c : kCommands) out += std::string(c.usage) + "\n" + c.text + "\n";
    out +=
        "nnplay-cli COMMAND --help shows one command; nnplay-cli --version the version.\n"
        "Exit codes: 0 done, 1 training failed (diverged) or a lesson's outcome failed, 2 bad\n"
        "input or usage.\n";
    return out;
}

/// The help of one command, or nullptr.
const CommandHelp* findCommand(const std::string& name) {
    for (const CommandHelp& c : kCommands)
        if (name == c.name) return &c;
    return nullptr;
}

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

/// A figure as the JSON lines print it: a whole number for counts, null when not measured, a
/// list for a list figure (an ensemble's members).
nlohmann::ordered_json figureJson(const Session::Figure& figure) {
    if (figure.list) {
        nlohmann::ordered_json values = nlohmann::ordered_json::array();
        for (const double v : figure.values) values.push_back(finiteOrNull(v));
        return values;
    }
    if (figure.whole && std::isfinite(figure.value)) return static_cast<long long>(figure.value);
    return finiteOrNull(figure.value);
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
        std::cout << "\r[" << std::string(filled, '#') << std::string(width - filled, '.') << "] "
                  << line.str() << "   " << std::flush;
        if (done == total) std::cout << "\n";
    } else {
        std::cout << line.str() << "\n";
    }
}

/// The value of the first of `names` that was given, or nullptr.
const std::string* optionValue(const Arguments& a, std::initializer_list<const char*> names) {
    for (const char* name : names)
        if (a.flag(name)) return &a.options.at(name);
    return nullptr;
}

/// Refuses a --plot file before training: a build without the window, or a format it does
/// not know.
void checkPlotName(const std::string& file) {
#ifdef NNPLAY_CLI_PLOT
    if (!ui::CurvesPicture::knowsFormat(file))
        throw UsageError("--plot writes .png, .svg or .pdf files, not '" + file + "'");
#else
    (void)file;
    throw UsageError(
        "--plot draws with the window's plots, and this nnplay-cli was built without the "
        "window (NNPLAY_BUILD_GUI=OFF)");
#endif
}

/// Draws the session's history into `file` (see CurvesPicture).
void writePlot(const Session& session, Task task, const std::string& file) {
#ifdef NNPLAY_CLI_PLOT
    const std::string error = ui::CurvesPicture::write(
        session.history(), task, session.stopReason() == StopReason::Diverged, file);
    if (!error.empty()) throw InputError(error);
#else
    (void)session, (void)task, (void)file;
#endif
}

int train(const std::vector<std::string>& args) {
    const Arguments a = parseArguments(args, {{"--epochs", true},
                                              {"--steps", true},
                                              {"--seed", true},
                                              {"--save", true},
                                              {"--plot", true},
                                              {"--quiet", false}});
    if (a.positional.size() != 1) throw UsageError("train needs exactly one PROJECT");
    const std::string path = a.positional[0];
    const std::string* plot = optionValue(a, {"--plot"});
    if (plot) checkPlotName(*plot);
    Project project = ProjectFile::load(path);
    // Claimed before training, so a wrong place fails at once, not after the last epoch.
    std::unique_ptr<AtomicFile> out;
    if (a.flag("--save")) out = std::make_unique<AtomicFile>(a.options.at("--save"));
    const bool gan = project.task == Task::Gan;
    if (a.flag(gan ? "--epochs" : "--steps"))
        throw UsageError(gan ? "a GAN trains in steps: use --steps N, not --epochs"
                             : "--steps N is for GAN projects; this project trains in --epochs");
    if (a.flag("--epochs"))
        project.training.epochs = toInt(a.options.at("--epochs"), "--epochs", 0);
    if (a.flag("--steps")) project.gan.steps = toInt(a.options.at("--steps"), "--steps", 0);
    if (a.flag("--seed")) {
        const auto seed = static_cast<std::uint32_t>(toInt(a.options.at("--seed"), "--seed", 0));
        project.training.seed = seed;
        project.gan.seed = seed;
        project.data.seed = seed;
    }
    std::unique_ptr<Session> session = makeSession(project, baseDirOf(path));
    const bool quiet = a.flag("--quiet");
    nlohmann::ordered_json result;
    if (gan) {
        trainGanSteps(*session, project.gan.steps, quiet);
    } else {
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
        result["epochs"] = session->epoch();
    }
    for (const Session::Figure& figure : session->results())
        result[figure.name] = figureJson(figure);
    switch (session->stopReason()) {
        case StopReason::None:
            result["stopped"] = "completed";
            break;
        case StopReason::EarlyStopped:
            result["stopped"] = "early_stopping";
            break;
        case StopReason::Diverged:
            result["stopped"] = "diverged";
            break;
    }
    if (out) {
        session->storeInto(project);
        out->commit(ProjectFile::serialize(project));
    }
    if (plot) writePlot(*session, project.task, *plot);
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
    if (project.task == Task::Gan) return validateGan(project, path);
    const DataSplit data = loadData(project.data, project.task, baseDirOf(path));
    const ShapeReport report = checkNetwork(project.network(), data.info, project.training.loss);
    printShapeTable(project.network(), data.info.inputShape, report);
    if (!report.ok()) {
        std::cerr << "nnplay-cli: " << path << ": " << report.error << "\n";
        return kBadInput;
    }
    std::printf("total parameters: %lld\n", report.totalParams());
    return kOk;
}

std::string joinNames(const std::vector<std::string>& names) {
    std::string list;
    for (const std::string& n : names) list += (list.empty() ? "" : ", ") + quoteForMessage(n);
    return list;
}

/// The column of each input of the project in a prediction CSV: by name from its header, or
/// by position when it has none (--no-header), then followed by the label when `labelled`.
std::vector<int> inputColumns(const CsvTable& table, const std::vector<std::string>& names,
                              bool header, bool labelled = false) {
    std::vector<int> columns;
    if (!header) {
        const int needed = static_cast<int>(names.size()) + (labelled ? 1 : 0);
        if (table.columnCount() != needed)
            throw InputError(table.fileName() + ": without a header row the file needs exactly " +
                             std::to_string(needed) + " columns, the inputs in the order " +
                             joinNames(names) + (labelled ? " and then the label" : "") +
                             "; it has " + std::to_string(table.columnCount()));
        for (int c = 0; c < static_cast<int>(names.size()); ++c) columns.push_back(c);
        return columns;
    }
    std::vector<std::string> missing;
    for (const std::string& name : names) {
        const auto& h = table.header();
        const auto it = std::find(h.begin(), h.end(), name);
        if (it == h.end())
            missing.push_back(name);
        else
            columns.push_back(static_cast<int>(it - h.begin()));
    }
    if (missing.empty()) return columns;
    bool numericHeader = true;
    for (const std::string& cell : table.header()) {
        float unused = 0;
        numericHeader = numericHeader && parseCsvNumber(cell, unused);
    }
    std::string message = table.fileName() + ", line " + std::to_string(table.headerLine()) +
                          ": the header has no column " + joinNames(missing) +
                          " (the project's inputs are " + joinNames(names) + "; found " +
                          joinNames(table.header()) + ")";
    if (numericHeader)
        message +=
            "; the first row looks like numbers: if the file has no header row, add "
            "--no-header to read the columns in the project's order";
    throw InputError(message);
}

/// Refuses a project whose network holds no trained weights, saying how to get them.
void requireTrainedWeights(const Project& project, const std::string& path) {
    if (!project.network().hasParams())
        throw InputError(path +
                         ": the project has no trained weights; train it first (nnplay-cli "
                         "train PROJECT --save OUT)");
}

/// The project at `path`, which must be supervised and hold trained weights (predict,
/// evaluate, export).
Project loadTrainedProject(const std::string& path, const std::string& command) {
    Project project = ProjectFile::load(path);
    if (project.task == Task::Gan)
        throw InputError(path + ": " + command +
                         " works on classification and regression projects; a GAN makes "
                         "samples instead (nnplay-cli generate PROJECT --count N --out "
                         "SAMPLES.csv)");
    requireTrainedWeights(project, path);
    return project;
}

/// A trained project ready to run on new rows: its session, and the preprocessing that turns
/// raw columns into the network's inputs.
struct TrainedModel {
    Project project;
    Preprocessing preprocessing;
    std::unique_ptr<Predictor> session;  // the network, or its ensemble's average
};

TrainedModel loadTrainedModel(const std::string& path, const std::string& command) {
    TrainedModel m{loadTrainedProject(path, command), {}, {}};
    // A trained CSV project carries what it learned from its data: the CSV is not needed.
    m.preprocessing = m.project.preprocessing;
    if (!m.preprocessing.empty() && m.project.data.source == "csv") {
        m.session = makePredictor(m.project, m.preprocessing.splitForPrediction(m.project.task));
    } else {
        m.session =
            makePredictor(m.project, loadData(m.project.data, m.project.task, baseDirOf(path)));
        if (m.preprocessing.empty()) m.preprocessing = Preprocessing::of(m.session->data());
    }
    return m;
}

/// The numbers of the given columns of every row (columns x rows); a cell that is not a
/// number is an InputError naming its line and column.
Matrix numberColumns(const CsvTable& table, const std::vector<int>& columns) {
    Matrix values(static_cast<Eigen::Index>(columns.size()),
                  static_cast<Eigen::Index>(table.rows().size()));
    for (std::size_t r = 0; r < table.rows().size(); ++r) {
        const CsvTable::Record& record = table.rows()[r];
        for (std::size_t f = 0; f < columns.size(); ++f) {
            const std::string& cell = record.cells[static_cast<std::size_t>(columns[f])];
            float v = 0;
            if (!parseCsvNumber(cell, v))
                throw InputError(table.where(record.line, columns[f] + 1) + ": " +
                                 whyNotACsvNumber(cell));
            values(static_cast<Eigen::Index>(f), static_cast<Eigen::Index>(r)) = v;
        }
    }
    return values;
}

/// The network inputs of a prediction file's rows, with the columns they came from.
Matrix networkInputsOf(const TrainedModel& m, const CsvTable& table, bool header,
                       std::vector<int>& columns, bool labelled = false) {
    columns = inputColumns(table, m.preprocessing.columnsFor(m.session->data().info.inputShape),
                           header, labelled);
    return m.preprocessing.networkInputs(numberColumns(table, columns), m.project.data);
}

int predict(const std::vector<std::string>& args) {
    const Arguments a =
        parseArguments(args, {{"--data", true}, {"--out", true}, {"--no-header", false}});
    if (a.positional.size() != 1 || !a.flag("--data") || !a.flag("--out"))
        throw UsageError("predict needs PROJECT, --data FILE.csv and --out PRED.csv");
    TrainedModel model = loadTrainedModel(a.positional[0], "predict");
    AtomicFile out(a.options.at("--out"));
    const bool header = !a.flag("--no-header");
    const CsvTable table = CsvTable::readFile(a.options.at("--data"), header);
    std::vector<int> columns;
    const Matrix inputs = networkInputsOf(model, table, header, columns);

    Matrix outputs;
    model.session->predict(inputs, outputs);
    out.commit(PredictionCsv::write(*model.session, std::move(outputs), model.preprocessing));
    return kOk;
}

/// The class index of each row's label, by the project's class names (a numeric label also
/// matches a name of the same number: "1" and "1.0").
std::vector<int> labelsOf(const CsvTable& table, int column,
                          const std::vector<std::string>& classes) {
    std::vector<int> labels;
    labels.reserve(table.rows().size());
    for (const CsvTable::Record& record : table.rows()) {
        const std::string& cell = record.cells[static_cast<std::size_t>(column)];
        auto it = std::find(classes.begin(), classes.end(), cell);
        float number = 0, name = 0;
        if (it == classes.end() && parseCsvNumber(cell, number))
            it = std::find_if(classes.begin(), classes.end(), [&](const std::string& c) {
                return parseCsvNumber(c, name) && name == number;
            });
        if (it == classes.end())
            throw InputError(table.where(record.line, column + 1) + ": the label " +
                             quoteForMessage(cell) + " is none of the project's classes (" +
                             joinNames(classes) + ")");
        labels.push_back(static_cast<int>(it - classes.begin()));
    }
    return labels;
}

/// Labelled rows of a CSV file as a data set the model reads: the inputs by the project's
/// columns, the truth from its label column (the column after the inputs without a header).
Dataset labelledRows(const TrainedModel& m, const std::string& file, bool header) {
    if (m.session->data().info.inputShape.isSequence())
        throw InputError(
            "evaluate --data reads one label per row; a sequence project is evaluated on its "
            "own test part (leave out --data)");
    const CsvTable table = CsvTable::readFile(file, header);
    Dataset set;
    std::vector<int> columns;
    set.inputs = networkInputsOf(m, table, header, columns, true);
    const std::string& label = m.project.data.label;
    int labelColumn = static_cast<int>(columns.size());
    if (header) {
        const auto& h = table.header();
        const auto it = std::find(h.begin(), h.end(), label);
        if (it == h.end())
            throw InputError(table.fileName() + ", line " + std::to_string(table.headerLine()) +
                             ": the header has no label column " + quoteForMessage(label) +
                             ", which holds the truth the predictions are measured against");
        labelColumn = static_cast<int>(it - h.begin());
    }
    if (m.project.task == Task::Classification) {
        set.labels = labelsOf(table, labelColumn, m.preprocessing.classNames);
    } else {
        set.targets = numberColumns(table, {labelColumn});
        m.preprocessing.target.apply(set.targets);  // as the network was trained on them
    }
    return set;
}

nlohmann::ordered_json evaluationJson(const Evaluation& e,
                                      const std::vector<std::string>& classes) {
    nlohmann::ordered_json out;
    out["samples"] = e.samples;
    if (e.regression) {
        out["mse"] = finiteOrNull(e.regression->mse);
        out["mae"] = finiteOrNull(e.regression->mae);
        out["r2"] = finiteOrNull(e.regression->r2);
        return out;
    }
    if (!e.classification) return out;
    const ClassificationMetrics& c = *e.classification;
    out["accuracy"] = finiteOrNull(c.accuracy);
    out["precision_macro"] = finiteOrNull(c.macroPrecision);
    out["recall_macro"] = finiteOrNull(c.macroRecall);
    out["f1_macro"] = finiteOrNull(c.macroF1);
    nlohmann::ordered_json perClass = nlohmann::ordered_json::object();
    for (std::size_t k = 0; k < classes.size(); ++k)
        perClass[classes[k]] = {{"precision", finiteOrNull(c.precision[k])},
                                {"recall", finiteOrNull(c.recall[k])},
                                {"f1", finiteOrNull(c.f1[k])},
                                {"support", c.support[k]}};
    out["per_class"] = perClass;
    out["classes"] = classes;
    out["confusion"] = c.confusion;
    if (e.curves) out["roc_auc"] = finiteOrNull(e.curves->rocAuc);
    return out;
}

int evaluateProject(const std::vector<std::string>& args) {
    const Arguments a = parseArguments(args, {{"--data", true}, {"--no-header", false}});
    if (a.positional.size() != 1) throw UsageError("evaluate needs exactly one PROJECT");
    const std::string path = a.positional[0];
    Evaluation evaluation;
    std::vector<std::string> classes;
    if (a.flag("--data")) {
        TrainedModel model = loadTrainedModel(path, "evaluate");
        const Dataset rows = labelledRows(model, a.options.at("--data"), !a.flag("--no-header"));
        evaluation = evaluate(*model.session, rows, model.preprocessing.target);
        classes = model.preprocessing.classNames;
    } else {
        const Project project = loadTrainedProject(path, "evaluate");
        const std::unique_ptr<Predictor> predictor =
            makePredictor(project, loadData(project.data, project.task, baseDirOf(path)));
        Predictor& session = *predictor;
        if (session.data().test.sampleCount() == 0)
            throw InputError(path +
                             ": the project's data have no test part to evaluate on; give "
                             "labelled rows with --data FILE.csv");
        evaluation = evaluate(session, session.data().test, session.data().targetStandardizer);
        classes = session.data().info.classNames;
    }
    std::cout << evaluationJson(evaluation, classes).dump() << std::endl;
    return kOk;
}

int exportProject(const std::vector<std::string>& args) {
    const Arguments a = parseArguments(args, {{"--pytorch", true}});
    if (a.positional.size() != 1 || !a.flag("--pytorch"))
        throw UsageError("export needs PROJECT and --pytorch OUT.py");
    const std::string path = a.positional[0];
    Project project = ProjectFile::load(path);
    // A GAN says for itself which of its networks has no weights.
    if (project.task != Task::Gan) project = loadTrainedProject(path, "export");
    const std::string script = a.options.at("--pytorch");
    try {
        PyTorchExport::writeProject(project, loadData(project.data, project.task, baseDirOf(path)),
                                    script);
    } catch (const InputError& e) {
        throw InputError(path + ": " + e.what());
    }
    return kOk;
}

/// A number option of at least `minimum` (no upper bound but float range).
double toNumber(const std::string& text, const std::string& option, double minimum) {
    try {
        std::size_t used = 0;
        const double v = std::stod(text, &used);
        if (used != text.size() || !std::isfinite(v) || v < minimum)
            throw std::invalid_argument("");
        return v;
    } catch (const std::exception&) {
        throw UsageError(option + " needs a number of at least " + numberForMessage(minimum) +
                         ", not '" + text + "'");
    }
}

int generate(const std::vector<std::string>& args) {
    const Arguments a = parseArguments(args, {{"--steps", true},
                                              {"--length", true},
                                              {"--temperature", true},
                                              {"--seed", true},
                                              {"--start", true},
                                              {"--prime", true},
                                              {"--count", true},
                                              {"--noise", true},
                                              {"--out", true}});
    if (a.positional.size() != 1) throw UsageError("generate needs exactly one PROJECT");
    const std::string path = a.positional[0];
    const Project project = ProjectFile::load(path);
    if (project.task == Task::Gan) {
        if (optionValue(a, {"--steps", "--length", "--temperature", "--start", "--prime"}))
            throw UsageError(
                "--steps, --temperature and --start apply to sequence projects, not to a GAN");
        if (a.flag("--noise")) {
            if (!a.flag("--out"))
                throw UsageError("generate --noise NOISE.csv needs --out SAMPLES.csv");
            if (a.flag("--count") || a.flag("--seed"))
                throw UsageError(
                    "--noise gives the noise itself: its rows are the samples, so --count and "
                    "--seed do not apply");
            requireTrainedWeights(project, path);
            const Matrix noise = readNoiseRows(a.options.at("--noise"), project.gan.noise.dim);
            AtomicFile out(a.options.at("--out"));
            out.commit(generateGanSamples(project, baseDirOf(path), noise));
            return kOk;
        }
        if (!a.flag("--count") || !a.flag("--out"))
            throw UsageError(
                "generate for a GAN project needs --count N (or --noise NOISE.csv) and --out "
                "SAMPLES.csv");
        const int count = toInt(a.options.at("--count"), "--count", 1);
        if (count > GanSession::kMaxGeneratedSamples)
            throw UsageError("--count is at most " +
                             std::to_string(GanSession::kMaxGeneratedSamples) +
                             " samples a run, not " + a.options.at("--count"));
        const auto seed =
            a.flag("--seed")
                ? static_cast<std::uint32_t>(toInt(a.options.at("--seed"), "--seed", 0))
                : project.gan.seed;
        requireTrainedWeights(project, path);
        AtomicFile out(a.options.at("--out"));
        out.commit(generateGanSamples(project, baseDirOf(path), count, seed));
        return kOk;
    }
    if (a.flag("--count"))
        throw UsageError("--count is for GAN projects; a sequence project takes --steps N");
    const SourceInfo* source = findSource(project.data.source);
    if (source == nullptr || !source->sequence)
        throw InputError(path +
                         ": generate runs sequence projects (data source sine or text), "
                         "but this project's data is " +
                         quoteForMessage(project.data.source));
    requireTrainedWeights(project, path);
    const std::string* steps = optionValue(a, {"--steps", "--length"});
    const int count = steps ? toInt(*steps, "--steps", 1) : 200;
    const std::string* start = optionValue(a, {"--start", "--prime"});
    const bool text = project.task == Task::Classification;
    if (!text && (start || a.flag("--temperature") || a.flag("--seed")))
        throw UsageError(
            "--start, --temperature and --seed apply to text projects; a series starts from "
            "its first test window and has no randomness");
    std::unique_ptr<AtomicFile> out;
    if (a.flag("--out")) out = std::make_unique<AtomicFile>(a.options.at("--out"));
    const std::string baseDir = baseDirOf(path);
    TrainingSession session(project, loadData(project.data, project.task, baseDir));
    const DataInfo& info = session.data().info;
    SequenceGenerator generator(session.model(), info, session.outputReading());
    std::string result;
    if (text) {
        const double temperature = a.flag("--temperature")
                                       ? toNumber(a.options.at("--temperature"), "--temperature", 0)
                                       : 1.0;
        const auto seed =
            a.flag("--seed")
                ? static_cast<std::uint32_t>(toInt(a.options.at("--seed"), "--seed", 0))
                : project.training.seed;
        std::vector<int> window;
        if (start) {
            window = SequenceGenerator::classesOfText(*start, info, "--start");
        } else {
            const CharacterText characters = readTextSource(project.data, baseDir);
            window.assign(characters.classes.begin(),
                          characters.classes.begin() + generator.windowSteps());
        }
        const std::vector<int> sampled = generator.sampleClasses(window, count, temperature, seed);
        result = SequenceGenerator::textOfClasses(window, info) +
                 SequenceGenerator::textOfClasses(sampled, info) + "\n";
    } else {
        const Dataset& test = session.data().test;
        const std::vector<float> window(test.inputs.col(0).data(),
                                        test.inputs.col(0).data() + test.inputs.rows());
        std::ostringstream lines;
        for (const float v : generator.continueSeries(window, count)) lines << v << "\n";
        result = lines.str();
    }
    if (out)
        out->commit(result);
    else
        std::cout << result << std::flush;
    return kOk;
}

int crossValidate(const std::vector<std::string>& args) {
    const Arguments a = parseArguments(args, {{"--folds", true}, {"--epochs", true}});
    if (a.positional.size() != 1) throw UsageError("cross-validate needs exactly one PROJECT");
    if (!a.flag("--folds")) throw UsageError("cross-validate needs --folds K");
    const std::string path = a.positional[0];
    Project project = ProjectFile::load(path);
    if (a.flag("--epochs"))
        project.training.epochs = toInt(a.options.at("--epochs"), "--epochs", 0);
    const int folds = toInt(a.options.at("--folds"), "--folds", 2);
    if (project.task == Task::Gan)
        throw InputError(path +
                         ": cross-validation needs a classification or regression "
                         "project, not a GAN");
    CrossValidation validation(project, loadData(project.data, project.task, baseDirOf(path)),
                               folds);
    const auto summaries =
        validation.run([&](int fold, const std::vector<Session::Figure>& figures) {
            nlohmann::ordered_json line;
            line["fold"] = fold + 1;
            for (const Session::Figure& figure : figures) line[figure.name] = figureJson(figure);
            std::cout << line.dump() << std::endl;
            return true;
        });
    nlohmann::ordered_json total;
    total["folds"] = folds;
    for (const CrossValidation::Summary& summary : summaries) {
        total[summary.name] = {{"mean", finiteOrNull(summary.mean)},
                               {"std", finiteOrNull(summary.spread)}};
    }
    std::cout << total.dump() << std::endl;
    return kOk;
}

/// One finished value of a sweep, as a progress line.
std::string sweepLine(const Sweep& sweep, const SweepRow& row) {
    const SweepTable& table = sweep.table();
    std::ostringstream line;
    line << sweep.setting().key() << " = " << row.value << "  train_loss " << fixed(row.trainLoss);
    if (table.hasValidation()) line << "  val_loss " << fixed(row.valLoss);
    line << "  test_loss " << fixed(row.testLoss);
    if (table.task() == Task::Classification)
        line << "  train_acc " << fixed(row.trainAccuracy, 3) << "  test_acc "
             << fixed(row.testAccuracy, 3);
    else
        line << "  test_mse " << fixed(row.testMse) << "  test_r2 " << fixed(row.testR2, 3);
    line << "  best_epoch " << row.bestEpoch << "  (" << table.rows().size() << "/"
         << sweep.values().size() << ")";
    if (row.diverged) line << "  diverged";
    return line.str();
}

int sweep(const std::vector<std::string>& args) {
    const Arguments a = parseArguments(
        args, {{"--param", true}, {"--values", true}, {"--out", true}, {"--epochs", true}});
    if (a.positional.size() != 1) throw UsageError("sweep needs exactly one PROJECT");
    if (!a.flag("--param")) throw UsageError("sweep needs --param KEY, the setting to vary");
    if (!a.flag("--values")) throw UsageError("sweep needs --values V1,V2,..., the values to try");
    const std::string path = a.positional[0];
    Project project = ProjectFile::load(path);
    if (a.flag("--epochs"))
        project.training.epochs = toInt(a.options.at("--epochs"), "--epochs", 0);
    Sweep sweep(project, a.options.at("--param"),
                SweepSetting::splitValues(a.options.at("--values")), baseDirOf(path));
    // Claimed before training, so a wrong place fails at once, not after the last run.
    std::unique_ptr<AtomicFile> out;
    if (a.flag("--out")) out = std::make_unique<AtomicFile>(a.options.at("--out"));
    std::ostream& progress = out ? std::cout : std::cerr;
    sweep.run({}, [&](const SweepRow& row) { progress << sweepLine(sweep, row) << std::endl; });
    if (out)
        out->commit(sweep.table().csv());
    else
        std::cout << sweep.table().csv() << std::flush;
    return kOk;
}

int checkLesson(const std::vector<std::string>& args) {
    const Arguments a = parseArguments(args, {});
    if (a.positional.size() != 1) throw UsageError("check-lesson needs exactly one LESSON");
    const std::string path = a.positional[0];
    const Project project = ProjectFile::load(path);
    if (project.lesson.empty())
        throw InputError(path +
                         ": the project has no \"lesson\" section, so there is nothing "
                         "to check");
    bool ok = true;
    for (const LessonVariant& variant : project.lesson.variants) {
        LessonVariantResult result;
        try {
            result = checkLessonVariant(project, variant, baseDirOf(path));
        } catch (const InputError& e) {
            throw InputError(path + ": the variant " + quoteForMessage(variant.name) + ": " +
                             e.what());
        }
        nlohmann::ordered_json line;
        line["variant"] = result.variant;
        line["epochs"] = result.epochs;
        for (const LessonVariantResult::Measure& m : result.measures) {
            if (m.name == "diverged")
                line[m.name] = m.value != 0.0;
            else
                line[m.name] = finiteOrNull(m.value);
        }
        line["ok"] = result.ok();
        std::cout << line.dump() << std::endl;
        for (const std::string& failure : result.failures)
            std::cerr << "nnplay-cli: " << path << ": the variant " << quoteForMessage(variant.name)
                      << ": " << failure << "\n";
        ok = ok && result.ok();
    }
    return ok ? kOk : kFailed;
}

}  // namespace

int run(const std::vector<std::string>& args) {
    try {
        if (args.empty()) {
            std::cerr << usageText();
            return kBadInput;
        }
        if (args[0] == "--help" || args[0] == "-h" || args[0] == "help") {
            std::cout << helpText();
            return kOk;
        }
        if (args[0] == "--version") {
            std::cout << "nnplay-cli " << NNPLAY_VERSION << "\n";
            return kOk;
        }
        ThreadPool::shared().setThreadCount(ThreadPool::threadsFor(0));
        const std::string command = args[0];
        const std::vector<std::string> rest(args.begin() + 1, args.end());
        if (const CommandHelp* help = findCommand(command);
            help && std::find_if(rest.begin(), rest.end(), [](const std::string& a) {
                        return a == "--help" || a == "-h";
                    }) != rest.end()) {
            std::cout << "usage: " << help->usage << "\n" << help->text;
            return kOk;
        }
        if (command == "train") return train(rest);
        if (command == "validate") return validate(rest);
        if (command == "predict") return predict(rest);
        if (command == "evaluate") return evaluateProject(rest);
        if (command == "export") return exportProject(rest);
        if (command == "generate") return generate(rest);
        if (command == "check-lesson") return checkLesson(rest);
        if (command == "cross-validate") return crossValidate(rest);
        if (command == "sweep") return sweep(rest);
        throw UsageError("unknown command '" + command + "'");
    } catch (const UsageError& e) {
        std::cerr << "nnplay-cli: " << e.what() << "\n" << usageText();
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
