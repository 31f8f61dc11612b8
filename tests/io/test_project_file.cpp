// SPDX-License-Identifier: GPL-3.0-or-later
// The .nnplay reader and writer: round trips, the documented example, precise errors and
// atomic saves.
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include <QtTest>
#include <array>
#include <cmath>
#include <csignal>
#include <map>
#include <random>
#include <set>

#include "data/DataLoader.h"
#include "io/ProjectFile.h"
#include "io/RunSettings.h"
#include "layers/LayerRegistry.h"
#include "train/Model.h"
#include "train/EnsembleSession.h"
#include "train/TrainingSession.h"

using namespace nnplay;

namespace {

/// Fills every dense layer with arbitrary floats of the right sizes (weights units x inputs,
/// bias units x 1), as a trained network would have.
void giveWeights(NetworkSpec& net, int inputs, std::uint32_t seed) {
    std::mt19937 rng(seed);
    std::uniform_real_distribution<float> value(-3.0f, 3.0f);
    for (LayerSpec& layer : net.layers) {
        if (layer.type != "dense") continue;
        const int units = static_cast<int>(layer.setting("units"));
        Matrix w(units, inputs), b(units, 1);
        for (Eigen::Index i = 0; i < w.size(); ++i) w.data()[i] = value(rng);
        for (Eigen::Index i = 0; i < b.size(); ++i) b.data()[i] = value(rng) * 1e-3f;
        layer.params = {w, b};
        inputs = units;
    }
}

/// A history with the columns of a version-1 file: epoch, train_loss, test_loss,
/// train_accuracy, test_accuracy per row.
History v1History(std::initializer_list<std::array<float, 5>> rows) {
    using namespace HistoryColumn;
    History h({kEpoch, kTrainLoss, kTestLoss, kTrainAccuracy, kTestAccuracy});
    for (const auto& values : rows) {
        const std::size_t row = h.addRow();
        for (std::size_t c = 0; c < values.size(); ++c) h.set(row, h.columns()[c], values[c]);
    }
    return h;
}

LayerSpec layer(int id, const std::string& type, std::map<std::string, double> settings = {}) {
    LayerSpec l;
    l.id = id;
    l.type = type;
    l.settings = std::move(settings);
    return l;
}

/// Classification on XOR with derived features, SGD with Nesterov momentum, weights, a
/// dropout and a leaky ReLU with fractional settings, and a history whose test values are NaN.
Project trainedClassification() {
    Project p;
    p.task = Task::Classification;
    p.data.source = "xor";
    p.data.samples = 321;
    p.data.noise = 0.15;
    p.data.trainFraction = 0.7;
    p.data.seed = 42;
    p.data.features = {"x1", "x2", "x1*x2", "sin(x1)"};
    p.network().layers = {layer(3, "dense", {{"units", 64}}),
                          layer(7, "leaky_relu", {{"alpha", 0.2}}),
                          layer(8, "dropout", {{"rate", 0.25}}), layer(9, "dense", {{"units", 1}}),
                          layer(12, "sigmoid")};
    giveWeights(p.network(), 4, 5);
    p.training.loss = LossKind::Bce;
    p.training.optimizer.kind = "sgd";
    p.training.optimizer.learningRate = 0.03f;
    p.training.optimizer.momentum = 0.9f;
    p.training.optimizer.nesterov = true;
    p.training.batchSize = 17;
    p.training.epochs = 3;
    p.training.shuffle = false;
    p.training.l1 = 1e-4f;
    p.training.l2 = 0.003f;
    p.training.seed = 99;
    p.training.patience = 5;
    p.training.init = InitScheme::Playground;
    p.history = v1History({{1, 0.6931f, NAN, 0.5f, NAN},
                           {2, 0.25f, NAN, 0.875f, NAN},
                           {3, 0.125f, NAN, 0.9375f, NAN}});
    return p;
}

/// Regression on the plane, RMSprop, history with NaN accuracies.
Project trainedRegression() {
    Project p;
    p.task = Task::Regression;
    p.data.source = "plane";
    p.data.samples = 200;
    p.data.noise = 0.05;
    p.data.features = {"x1", "x2"};
    p.network().layers = {layer(1, "dense", {{"units", 8}}), layer(2, "tanh"),
                          layer(3, "dense", {{"units", 1}}), layer(4, "linear")};
    giveWeights(p.network(), 2, 6);
    p.training.loss = LossKind::Mse;
    p.training.optimizer.kind = "rmsprop";
    p.training.optimizer.learningRate = 0.001f;
    p.training.optimizer.rho = 0.95f;
    p.training.optimizer.epsilon = 1e-7f;
    p.training.init = InitScheme::PyTorch;
    p.history = v1History({{1, 1.5f, 1.75f, NAN, NAN}, {2, 0.5f, 0.625f, NAN, NAN}});
    return p;
}

/// A CSV data set with three classes and Adam, untrained.
Project untrainedCsv() {
    Project p;
    p.task = Task::Classification;
    p.data.source = "csv";
    p.data.path = "data/iris.csv";
    p.data.label = "species";
    p.data.standardize = true;
    p.data.trainFraction = 0.8;
    p.network().layers = {layer(1, "dense", {{"units", 10}}), layer(2, "relu"),
                          layer(3, "dense", {{"units", 3}}), layer(4, "softmax")};
    p.training.loss = LossKind::Cce;
    p.training.optimizer.kind = "adam";
    p.training.optimizer.learningRate = 0.005f;
    p.training.optimizer.beta1 = 0.8f;
    p.training.optimizer.beta2 = 0.99f;
    p.training.optimizer.epsilon = 1e-6f;
    return p;
}

/// Readable QCOMPARE output for engine strings and enums.
QString qs(const std::string& text) { return QString::fromStdString(text); }
template <typename Enum>
QString name(Enum value) {
    return qs(toString(value));
}

/// NaN-aware: a NaN in the file must come back as NaN.
bool sameNumber(double a, double b) { return (std::isnan(a) && std::isnan(b)) || a == b; }

/// Compares two projects part by part so a failure says which part differs.
void compareProjects(const Project& actual, const Project& expected) {
    QCOMPARE(name(actual.task), name(expected.task));
    QVERIFY(actual.data == expected.data);
    QVERIFY(actual.preprocessing == expected.preprocessing);
    QVERIFY(actual.lesson == expected.lesson);
    QCOMPARE(actual.network().layers.size(), expected.network().layers.size());
    for (std::size_t i = 0; i < expected.network().layers.size(); ++i) {
        const LayerSpec& a = actual.network().layers[i];
        const LayerSpec& e = expected.network().layers[i];
        QCOMPARE(a.id, e.id);
        QCOMPARE(qs(a.type), qs(e.type));
        QCOMPARE(a.trainable, e.trainable);
        QVERIFY2(a.settings == e.settings,
                 qPrintable(QStringLiteral("layer %1 settings").arg(i + 1)));
        QCOMPARE(a.params.size(), e.params.size());
        for (std::size_t k = 0; k < e.params.size(); ++k) {
            QCOMPARE(a.params[k].rows(), e.params[k].rows());
            QCOMPARE(a.params[k].cols(), e.params[k].cols());
            for (Eigen::Index j = 0; j < e.params[k].size(); ++j)
                QVERIFY2(a.params[k].data()[j] == e.params[k].data()[j],
                         qPrintable(QStringLiteral("layer %1 param %2 value %3: %4 vs %5")
                                        .arg(i + 1)
                                        .arg(k)
                                        .arg(j)
                                        .arg(double(a.params[k].data()[j]), 0, 'g', 9)
                                        .arg(double(e.params[k].data()[j]), 0, 'g', 9)));
        }
    }
    QVERIFY(actual.training == expected.training);
    QCOMPARE(actual.history.columns(), expected.history.columns());
    QCOMPARE(actual.history.size(), expected.history.size());
    for (std::size_t i = 0; i < expected.history.size(); ++i) {
        for (int c = 0; c < static_cast<int>(expected.history.columns().size()); ++c) {
            const double a = actual.history.value(i, c), e = expected.history.value(i, c);
            QVERIFY2(sameNumber(a, e),
                     qPrintable(QStringLiteral("history[%1].%2: %3 read back as %4")
                                    .arg(i)
                                    .arg(qs(expected.history.columns()[c]))
                                    .arg(e, 0, 'g', 17)
                                    .arg(a, 0, 'g', 17)));
        }
    }
}

/// The message of the InputError that `f` throws, or "" when it throws none.
template <typename F>
QString errorOf(F&& f) {
    try {
        f();
    } catch (const InputError& e) {
        return QString::fromStdString(e.what());
    }
    return {};
}

QByteArray readAll(const QString& path) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) return {};
    return file.readAll();
}

void writeText(const QString& path, const QByteArray& bytes) {
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    QCOMPARE(file.write(bytes), bytes.size());
}

/// Files in `folder` other than `keep`: leftovers such as temporary files.
QStringList strayFiles(const QString& folder, const QStringList& keep) {
    QStringList stray;
    for (const QString& name :
         QDir(folder).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot))
        if (!keep.contains(name)) stray << name;
    return stray;
}

/// The example of docs/file-format.md: three inputs, a 2-unit hidden layer, one output.
const char* const kExample = R"({
  "format": "nnplay-project",
  "version": 1,
  "task": "classification",
  "data": {
    "source": "xor",
    "samples": 200,
    "noise": 0.05,
    "train_fraction": 0.6,
    "seed": 7,
    "features": ["x1", "x2", "x1*x2"]
  },
  "network": {
    "layers": [
      {"type": "dense", "id": 1, "units": 2,
       "weights": [[0.1, -0.2, 0.3], [0.4, 0.5, -0.6]],
       "bias": [0.01, -0.02]},
      {"type": "relu", "id": 2},
      {"type": "dense", "id": 3, "units": 1, "weights": [[1.5, -2.5]], "bias": [-0.5]},
      {"type": "sigmoid", "id": 4}
    ]
  },
  "training": {
    "loss": "bce",
    "optimizer": "sgd",
    "learning_rate": 0.03,
    "momentum": 0.9,
    "nesterov": true,
    "batch_size": 16,
    "epochs": 50,
    "shuffle": false,
    "l1": 0,
    "l2": 0.001,
    "seed": 3,
    "early_stopping": {"patience": 10},
    "init": "playground"
  },
  "history": [
    {"epoch": 1, "train_loss": 0.69, "test_loss": null, "train_accuracy": 0.5, "test_accuracy": null},
    {"epoch": 2, "train_loss": 0.5, "test_loss": 0.55, "train_accuracy": 0.75, "test_accuracy": 0.7}
  ]
}
)";

/// A minimal valid project with `layers` as its network.layers and `extra` top-level keys.
std::string minimal(const std::string& layers = R"([{"type": "dense", "units": 1}])",
                    const std::string& extra = "") {
    return R"({"format": "nnplay-project", "version": 1,)" + extra + R"( "network": {"layers": )" +
           layers + "}}";
}

}  // namespace

/// A circle project with a lesson section holding `lesson` (the inside of the object).
std::string withLesson(const std::string& lesson) {
    return minimal(R"([{"type": "dense", "units": 1}, {"type": "sigmoid"}])",
                   R"( "data": {"source": "circle", "samples": 40}, "training": {"loss": "bce"},)"
                   R"( "lesson": {)" +
                       lesson + "},");
}

const char* const kLesson = R"(
    "goal": "One neuron draws a line.",
    "watch": "The boundary stays straight.",
    "try": ["Press Play.", "Switch to circle."],
    "question": "Where is w1*x1 + w2*x2 + b zero?",
    "hide": ["optimizer", "l2"],
    "variants": [
      {"name": "as it is", "changes": {}, "expect": {"test_accuracy": {"at_least": 0.9}}},
      {"name": "faster", "changes": {"training": {"learning_rate": 0.3, "l2": null}},
       "expect": {"diverged": false, "gap": {"at_least": -1, "at_most": 0.5}}},
      {"name": "wider", "changes": {"network": {"layers": [{"type": "dense", "units": 4},
       {"type": "tanh"}, {"type": "dense", "units": 1}, {"type": "sigmoid"}]}}}
    ])";

Q_DECLARE_METATYPE(Project)

class TestProjectFile : public QObject {
    Q_OBJECT

private slots:
    void roundTrip_data();
    void roundTrip();
    void roundTripOfATrainedSession();
    void roundTripOfATrainedEnsemble();
    void version1FileSavesAsItWasWritten();
    void readsHistoryRecordsWithKeysLeftOut();
    void writesNaNAsNullAndWeightsAsRows();
    void parsesTheExample();
    void givesLayersWithoutIdsDistinctIds();
    void reportsSyntaxErrorsWithLineAndColumn_data();
    void reportsSyntaxErrorsWithLineAndColumn();
    void rejectsBadProjects_data();
    void rejectsBadProjects();
    void savesOverAnOldFile();
    void failedSaveKeepsTheOldFile_data();
    void failedSaveKeepsTheOldFile();
    void failedWriteKeepsTheOldFile();
    void loadOfAMissingFileNamesThePath();
    void loadErrorsNameThePath();
    void frozenLayersRoundTrip();
    void storageFollowsTheRegistry();
    void rejectsWhatCannotBeReadBack_data();
    void rejectsWhatCannotBeReadBack();
    void syntaxErrorsAreSaidInWords_data();
    void syntaxErrorsAreSaidInWords();
    void idsNearTheLimitStayReadable();
    void roundTripOfEveryExampleAndFixture_data();
    void roundTripOfEveryExampleAndFixture();
    void versionOneFixturesOpenUnchanged();
    void refusesToSaveOverWhatIsNotAFile();
    void storesPreprocessingWithTrainedWeights();
    void readsAndWritesTheTitle();
    void refusesBadTitles_data();
    void refusesBadTitles();
    void keepsCsvDataInsideTheProject();
    void refusesBadKeptCsvData_data();
    void refusesBadKeptCsvData();
    void keptCsvErrorsNameTheData();
    void readsAndWritesALesson();
    void refusesBadLessons_data();
    void refusesBadLessons();
    void variantChangesOnlyWhatItSays();
    void augmentationRoundTripsAndStaysOutWhenOff();
    void variantThatBreaksTheProjectIsNamed();
    void everyShippedLessonHasTitleGoalAndOutcomes();
    void keepsRunsWithTheirSettings();
};

void TestProjectFile::roundTrip_data() {
    QTest::addColumn<Project>("project");
    QTest::newRow("default") << Project::defaultProject();
    QTest::newRow("classification, trained, NaN test values") << trainedClassification();
    QTest::newRow("regression, trained, NaN accuracies") << trainedRegression();
    QTest::newRow("csv, untrained") << untrainedCsv();
    // Seeds are std::uint32_t: the writer writes any of them, so the reader must read them.
    Project seeds = Project::defaultProject();
    seeds.data.seed = 4294967295u;
    seeds.training.seed = 3000000000u;
    QTest::newRow("largest seeds") << seeds;
    Project fewer = Project::defaultProject();
    fewer.data.trainSamples = 40;
    QTest::newRow("train_samples") << fewer;
    // A validation part, its history columns, and a column this version does not write (a
    // newer program's): every column comes back, in its order.
    Project validated = trainedRegression();
    validated.data.validationFraction = 0.25;
    {
        using namespace HistoryColumn;
        History h({kEpoch, kTrainLoss, kValLoss, kTestLoss, "d_loss"});
        for (int e = 1; e <= 3; ++e) {
            const std::size_t row = h.addRow();
            h.set(row, kEpoch, float(e));
            h.set(row, kTrainLoss, 1.0f / float(e));
            h.set(row, kValLoss, 1.25f / float(e));
            if (e > 1) h.set(row, kTestLoss, 1.5f / float(e));
            h.set(row, "d_loss", 0.1f * float(e));
        }
        validated.history = h;
    }
    QTest::newRow("validation part, extra history column") << validated;
    Project rare = Project::defaultProject();
    rare.data.source = "moons";
    rare.data.positiveShare = 0.08;
    QTest::newRow("positive share") << rare;
    Project groups = Project::defaultProject();
    groups.data.source = "groups";
    groups.data.minorityShare = 0.0;  // written although 0: set is not the same as unset
    QTest::newRow("minority share 0") << groups;
    // Image sources write only their own keys, so the generators' settings keep their defaults.
    Project fashion = Project::defaultProject();
    fashion.data = DataSpec{};
    fashion.data.source = "fashion-mnist";
    QTest::newRow("fashion-mnist") << fashion;
    fashion.data.trainLimit = 6000;
    fashion.data.testLimit = 1000;
    fashion.data.validationFraction = 0.1;
    QTest::newRow("fashion-mnist with limits") << fashion;
    Project sine = Project::defaultProject();
    sine.task = Task::Regression;
    sine.data.source = "sine";
    sine.data.samples = 321;
    sine.data.noise = 0.05;
    sine.data.sequenceLength = 24;
    sine.data.frequencyMin = 0.03;
    sine.data.frequencyMax = 0.125;
    sine.data.phaseMin = 0.25;
    sine.data.phaseMax = 0.5;
    sine.data.horizon = 3;
    QTest::newRow("sine") << sine;
    Project text = Project::defaultProject();
    text.data = DataSpec();  // the text writes no sample count, noise or features
    text.data.source = "text";
    text.data.path = "text/devils-dictionary.txt";
    text.data.sequenceLength = 40;
    text.data.stride = 7;
    QTest::newRow("text") << text;
    text.data.maxChars = 5000;
    QTest::newRow("text, max_chars") << text;
    Project idx = fashion;
    idx.data = DataSpec{};
    idx.data.source = "idx";
    idx.data.images = "mnist/train-images-idx3-ubyte.gz";
    idx.data.labels = "mnist/train-labels-idx1-ubyte.gz";
    QTest::newRow("idx split by train_fraction") << idx;
    idx.data.testImages = "mnist/t10k-images-idx3-ubyte";
    idx.data.testLabels = "/data/mnist/t10k-labels-idx1-ubyte";
    QTest::newRow("idx with a test part") << idx;
    Project folder = fashion;
    folder.data = DataSpec{};
    folder.data.source = "image_folder";
    folder.data.path = "photos/train";
    QTest::newRow("image_folder with defaults") << folder;
    folder.data.testPath = "/data/photos/test";
    folder.data.imageSize = 64;
    folder.data.imageChannels = 3;
    QTest::newRow("image_folder with a test folder, 64x64 colour") << folder;
}

void TestProjectFile::roundTrip() {
    QFETCH(Project, project);
    const std::string text = ProjectFile::serialize(project);
    Project back;
    const QString error = errorOf([&] { back = ProjectFile::parse(text); });
    QVERIFY2(error.isEmpty(), qPrintable("the written project does not read back: " + error));
    compareProjects(back, project);
    // The balance settings are written only when set (the generator's own balance otherwise).
    QCOMPARE(text.find("positive_share") != std::string::npos,
             project.data.positiveShare.has_value());
    QCOMPARE(text.find("minority_share") != std::string::npos,
             project.data.minorityShare.has_value());
    // Writing what was read gives the same text: nothing drifts from save to save.
    QCOMPARE(QString::fromStdString(ProjectFile::serialize(back)), QString::fromStdString(text));
}

void TestProjectFile::roundTripOfATrainedSession() {
    // What `nnplay-cli train --save` and the GUI store: weights and history of a real session.
    Project project = Project::defaultProject();
    project.data.samples = 100;
    project.training.epochs = 3;
    TrainingSession session(project, loadData(project.data, project.task, ""));
    session.run(3);
    QCOMPARE(session.history().size(), std::size_t(3));
    session.storeInto(project);
    QVERIFY(project.network().hasParams());
    const Project back = ProjectFile::parse(ProjectFile::serialize(project));
    compareProjects(back, project);
}

void TestProjectFile::roundTripOfATrainedEnsemble() {
    // Member 1 in the network, members 2 and 3 in "ensemble_members", by layer id.
    Project project = Project::defaultProject();
    project.data.samples = 100;
    project.training.ensemble = {3, true};
    EnsembleSession session(project, loadData(project.data, project.task, ""));
    session.run(2);
    session.storeInto(project);
    QCOMPARE(project.ensembleMembers.size(), std::size_t(2));
    const std::string text = ProjectFile::serialize(project);
    const Project back = ProjectFile::parse(text);
    compareProjects(back, project);
    QCOMPARE(back.training.ensemble, project.training.ensemble);
    QCOMPARE(back.ensembleMembers.size(), project.ensembleMembers.size());
    for (std::size_t m = 0; m < back.ensembleMembers.size(); ++m) {
        QCOMPARE(back.ensembleMembers[m].size(), project.ensembleMembers[m].size());
        for (const auto& [id, params] : project.ensembleMembers[m]) {
            const std::vector<Matrix>& read = back.ensembleMembers[m].at(id);
            QCOMPARE(read.size(), params.size());
            for (std::size_t i = 0; i < params.size(); ++i)
                QVERIFY((read[i] - params[i]).cwiseAbs().maxCoeff() < 1e-5f);
        }
    }
    QCOMPARE(QString::fromStdString(ProjectFile::serialize(back)), QString::fromStdString(text));
    // Members differ from member 1.
    const int firstDense = project.network().layers.front().id;
    QVERIFY(!project.ensembleMembers[0].at(firstDense)[0].isApprox(
        project.network().layers.front().params[0]));

    // A member naming a layer the network does not have, or of another shape, is refused.
    const std::size_t at = text.find("\"ensemble_members\"");
    QVERIFY(at != std::string::npos);
    std::string badId = text;
    const std::size_t id = badId.find("\"id\"", at);
    QVERIFY(id != std::string::npos);
    const std::size_t digits = badId.find_first_of("0123456789", id);
    badId.replace(digits, badId.find_first_not_of("0123456789", digits) - digits, "999");
    QVERIFY(errorOf([&] { ProjectFile::parse(badId); }).contains("layer id 999"));
    std::string badShape = text;
    const std::size_t weights = badShape.find("\"weights\"", at);
    QVERIFY(weights != std::string::npos);
    const std::size_t firstRow = badShape.find('[', badShape.find('[', weights) + 1);
    badShape.insert(firstRow, "[1, 2, 3], ");
    QVERIFY(errorOf([&] { ProjectFile::parse(badShape); }).contains("ensemble_members[0]"));
}

void TestProjectFile::version1FileSavesAsItWasWritten() {
    // Written by the previous program (nnplay-cli train --epochs 3 --save): its history records
    // must read as the same table and the file must save byte for byte as it was.
    const QString path = QFINDTESTDATA("fixtures/v1-circle-trained.nnplay");
    QVERIFY(!path.isEmpty());
    const QByteArray original = readAll(path);
    QVERIFY(original.contains("\"history\""));
    const Project p = ProjectFile::load(path.toStdString());
    using namespace HistoryColumn;
    QCOMPARE(p.history.columns(), (std::vector<std::string>{kEpoch, kTrainLoss, kTestLoss,
                                                            kTrainAccuracy, kTestAccuracy}));
    QCOMPARE(p.history.size(), std::size_t(3));
    QCOMPARE(p.history.lastEpoch(), 3);
    for (std::size_t r = 0; r < 3; ++r) QVERIFY(std::isfinite(p.history.value(r, kTestLoss)));
    QCOMPARE(QString::fromStdString(ProjectFile::serialize(p)), QString::fromUtf8(original));
    // It trains on from its history: the next epoch is 4.
    TrainingSession session(p, loadData(p.data, p.task, ""));
    QCOMPARE(session.epoch(), 3);
    session.stepEpoch();
    QCOMPARE(session.history().lastEpoch(), 4);
    QCOMPARE(session.history().columns(), p.history.columns());
}

void TestProjectFile::readsHistoryRecordsWithKeysLeftOut() {
    // Hand-written records: a missing key is NaN, a missing epoch counts from 1, and the
    // columns are the union of the keys in the order they first appear.
    const Project p = ProjectFile::parse(minimal(
        R"([{"type": "relu"}])",
        R"( "history": [{"train_loss": 0.5}, {"epoch": 7, "test_loss": 0.25, "train_loss": 0.4}],)"));
    using namespace HistoryColumn;
    QCOMPARE(p.history.columns(), (std::vector<std::string>{kTrainLoss, kEpoch, kTestLoss}));
    QCOMPARE(p.history.epoch(0), 1);
    QCOMPARE(p.history.epoch(1), 7);
    QCOMPARE(p.history.value(0, kTrainLoss), 0.5f);
    QVERIFY(std::isnan(p.history.value(0, kTestLoss)));
    QCOMPARE(p.history.value(1, kTestLoss), 0.25f);
    QVERIFY(std::isnan(p.history.value(1, kValLoss)));  // no such column
}

void TestProjectFile::writesNaNAsNullAndWeightsAsRows() {
    const Project project = trainedClassification();
    const std::string text = ProjectFile::serialize(project);
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(QByteArray::fromStdString(text), &error);
    QVERIFY2(error.error == QJsonParseError::NoError, qPrintable(error.errorString()));
    const QJsonObject root = doc.object();
    QCOMPARE(root.value("format").toString(), QStringLiteral("nnplay-project"));
    QCOMPARE(root.value("version").toInt(), ProjectFile::kVersion);

    const QJsonArray history = root.value("history").toArray();
    QCOMPARE(history.size(), 3);
    QVERIFY(history[0].toObject().value("test_loss").isNull());
    QVERIFY(history[0].toObject().value("test_accuracy").isNull());
    QCOMPARE(history[0].toObject().value("train_accuracy").toDouble(), 0.5);

    // PyTorch's Linear.weight layout: one row per unit, one column per input.
    const QJsonArray layers = root.value("network").toObject().value("layers").toArray();
    QCOMPARE(layers.size(), 5);
    const QJsonObject dense = layers[0].toObject();
    QCOMPARE(dense.value("id").toInt(), 3);
    QCOMPARE(dense.value("units").toInt(), 64);
    const QJsonArray weights = dense.value("weights").toArray();
    QCOMPARE(weights.size(), 64);
    QCOMPARE(weights[0].toArray().size(), 4);
    const Matrix& w = project.network().layers[0].params[0];
    QCOMPARE(float(weights[5].toArray()[2].toDouble()), w(5, 2));
    const QJsonArray bias = dense.value("bias").toArray();
    QCOMPARE(bias.size(), 64);
    QVERIFY(bias[0].isDouble());
    QCOMPARE(float(bias[63].toDouble()), project.network().layers[0].params[1](63, 0));
    QVERIFY(!layers[1].toObject().contains("weights"));
    QCOMPARE(layers[1].toObject().value("alpha").toDouble(), 0.2);
    // Floats are written as their shortest decimal, not as 0.0299999993.
    QCOMPARE(root.value("training").toObject().value("learning_rate").toDouble(), 0.03);
}

void TestProjectFile::parsesTheExample() {
    const Project p = ProjectFile::parse(kExample);
    QCOMPARE(name(p.task), QStringLiteral("classification"));
    QCOMPARE(qs(p.data.source), QStringLiteral("xor"));
    QCOMPARE(p.data.samples, 200);
    QCOMPARE(p.data.noise, 0.05);
    QCOMPARE(p.data.trainFraction, 0.6);
    QCOMPARE(p.data.seed, 7u);
    QCOMPARE(p.data.features, (std::vector<std::string>{"x1", "x2", "x1*x2"}));

    QCOMPARE(p.network().layers.size(), std::size_t(4));
    const LayerSpec& hidden = p.network().layers[0];
    QCOMPARE(qs(hidden.type), QStringLiteral("dense"));
    QCOMPARE(hidden.setting("units"), 2.0);
    QCOMPARE(hidden.params.size(), std::size_t(2));
    QCOMPARE(hidden.params[0].rows(), 2);  // units
    QCOMPARE(hidden.params[0].cols(), 3);  // inputs
    QCOMPARE(hidden.params[0](0, 1), -0.2f);
    QCOMPARE(hidden.params[0](1, 2), -0.6f);
    QCOMPARE(hidden.params[1].rows(), 2);
    QCOMPARE(hidden.params[1].cols(), 1);
    QCOMPARE(hidden.params[1](1, 0), -0.02f);
    QVERIFY(p.network().layers[1].params.empty());
    QCOMPARE(p.network().layers[2].params[0].rows(), 1);
    QCOMPARE(p.network().layers[2].params[0].cols(), 2);
    QCOMPARE(qs(p.network().layers[3].type), QStringLiteral("sigmoid"));
    QCOMPARE(p.network().layers[3].id, 4);

    // The engine reads the layout the same way: output = sigmoid(W2 relu(W1 x + b1) + b2).
    const ShapeReport shapes = inferShapes(p.network(), Shape::flat(3), 1);
    QVERIFY2(shapes.ok(), shapes.error.c_str());
    QCOMPARE(shapes.totalParams(), 2 * 3 + 2 + 1 * 2 + 1);
    Model model(p.network(), Shape::flat(3), InitScheme::Auto, 1);
    Matrix x(3, 1);
    x << 1.0f, 2.0f, 3.0f;
    // h = relu([0.1-0.4+0.9+0.01, 0.4+1.0-1.8-0.02]) = [0.61, 0]
    const double expected = 1.0 / (1.0 + std::exp(-(1.5 * 0.61 - 0.5)));
    const Matrix out = model.forward(x, Mode::Infer);
    QCOMPARE(out.rows(), 1);
    QVERIFY2(std::abs(out(0, 0) - expected) < 1e-6,
             qPrintable(QStringLiteral("%1 vs %2").arg(double(out(0, 0))).arg(expected)));

    const TrainingSpec& t = p.training;
    QCOMPARE(name(t.loss), QStringLiteral("bce"));
    QCOMPARE(qs(t.optimizer.kind), QStringLiteral("sgd"));
    QCOMPARE(t.optimizer.learningRate, 0.03f);
    QCOMPARE(t.optimizer.momentum, 0.9f);
    QVERIFY(t.optimizer.nesterov);
    QCOMPARE(t.batchSize, 16);
    QCOMPARE(t.epochs, 50);
    QVERIFY(!t.shuffle);
    QCOMPARE(t.l1, 0.0f);
    QCOMPARE(t.l2, 0.001f);
    QCOMPARE(t.seed, 3u);
    QCOMPARE(t.patience, 10);
    QCOMPARE(name(t.init), QStringLiteral("playground"));

    using namespace HistoryColumn;
    QCOMPARE(p.history.size(), std::size_t(2));
    QCOMPARE(p.history.epoch(0), 1);
    QCOMPARE(p.history.value(0, kTrainLoss), 0.69f);
    QVERIFY(std::isnan(p.history.value(0, kTestLoss)));
    QVERIFY(std::isnan(p.history.value(0, kTestAccuracy)));
    QCOMPARE(p.history.value(1, kTestAccuracy), 0.7f);
}

void TestProjectFile::givesLayersWithoutIdsDistinctIds() {
    const Project p = ProjectFile::parse(minimal(
        R"([{"type": "dense", "units": 4}, {"type": "tanh", "id": 5}, {"type": "dense", "units": 1},
            {"type": "sigmoid"}])"));
    QCOMPARE(p.network().layers.size(), std::size_t(4));
    QCOMPARE(p.network().layers[1].id, 5);  // a written id is kept
    std::set<int> ids;
    for (const LayerSpec& l : p.network().layers) {
        QVERIFY2(l.id > 0, qPrintable(QStringLiteral("id %1").arg(l.id)));
        ids.insert(l.id);
    }
    QCOMPARE(ids.size(), std::size_t(4));
    // A fresh layer added afterwards does not collide either.
    QVERIFY(!ids.count(p.network().freshId()));
}

void TestProjectFile::reportsSyntaxErrorsWithLineAndColumn_data() {
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("where");
    // A missing comma at the end of line 3: the parser stops at the end of "network" on line 4.
    QTest::newRow("missing comma") << "{\n  \"format\": \"nnplay-project\",\n  \"version\": 1\n"
                                      "  \"network\": {\"layers\": []}\n}\n"
                                   << "line 4, column 11";
    QTest::newRow("unclosed list")
        << R"({"format": "nnplay-project", "version": 1, "network": {"layers": [}})"
        << "line 1, column 67";
    QTest::newRow("empty file") << ""
                                << "line 1, column 1";
}

void TestProjectFile::reportsSyntaxErrorsWithLineAndColumn() {
    QFETCH(QString, text);
    QFETCH(QString, where);
    const QString message = errorOf([&] { ProjectFile::parse(text.toStdString()); });
    QVERIFY2(message.startsWith("not valid JSON"), qPrintable(message));
    QVERIFY2(message.contains(where), qPrintable(message));
}

void TestProjectFile::rejectsBadProjects_data() {
    QTest::addColumn<QString>("text");
    QTest::addColumn<QStringList>("messageParts");

    auto row = [](const char* name, const std::string& text, QStringList parts) {
        QTest::newRow(name) << QString::fromStdString(text) << parts;
    };
    row("unknown top-level key", minimal(R"([{"type": "relu"}])", R"( "colour": "red",)"),
        {"unknown key 'colour'", "project"});
    row("unknown data key", minimal(R"([{"type": "relu"}])", R"( "data": {"sample": 10},)"),
        {"unknown key 'sample'", "data"});
    row("negative train_samples",
        minimal(R"([{"type": "relu"}])", R"( "data": {"train_samples": -5},)"),
        {"data.train_samples", "0"});
    row("unknown training key",
        minimal(R"([{"type": "relu"}])", R"( "training": {"learning-rate": 0.1},)"),
        {"unknown key 'learning-rate'", "training"});
    row("unknown early stopping key",
        minimal(R"([{"type": "relu"}])", R"( "training": {"early_stopping": {"epochs": 3}},)"),
        {"unknown key 'epochs'", "early_stopping"});
    row("unknown layer key", minimal(R"([{"type": "relu"}, {"type": "dense", "unit": 4}])"),
        {"unknown key 'unit'", "layer 2", "dense"});
    row("setting of another kind", minimal(R"([{"type": "relu", "rate": 0.5}])"),
        {"unknown key 'rate'", "layer 1"});
    row("history value as text",
        minimal(R"([{"type": "relu"}])", R"( "history": [{"epoch": 1, "d_loss": "low"}],)"),
        {"history[0].d_loss", "number or null", "string"});
    row("history epoch not whole",
        minimal(R"([{"type": "relu"}])", R"( "history": [{"epoch": 1.5}],)"),
        {"history[0].epoch", "whole number"});
    row("runs not a list", minimal(R"([{"type": "relu"}])", R"( "runs": {"name": "a"},)"),
        {"runs must be a list"});
    row("run without a name",
        minimal(R"([{"type": "relu"}])", R"( "runs": [{"history": []}],)"),
        {"runs[0]", "\"name\""});
    row("run without a history",
        minimal(R"([{"type": "relu"}])", R"( "runs": [{"name": "a"}],)"),
        {"runs[0]", "\"history\""});
    row("run settings not an object",
        minimal(R"([{"type": "relu"}])", R"( "runs": [{"name": "a", "settings": 3, "history": []}],)"),
        {"runs[0].settings"});
    row("run history value as text",
        minimal(R"([{"type": "relu"}])",
                R"( "runs": [{"name": "a", "history": [{"epoch": 1, "test_loss": "low"}]}],)"),
        {"runs[0]", "history[0].test_loss"});
    row("unknown run key",
        minimal(R"([{"type": "relu"}])", R"( "runs": [{"name": "a", "history": [], "x": 1}],)"),
        {"unknown key 'x'", "runs[0]"});
    {
        std::string many;
        for (int i = 0; i <= RunRecord::kMaxRuns; ++i)
            many += std::string(i ? ", " : "") + R"({"name": "r", "history": []})";
        row("too many runs", minimal(R"([{"type": "relu"}])", " \"runs\": [" + many + "],"),
            {"runs holds 51 runs", "at most 50"});
    }
    row("unknown layer type", minimal(R"([{"type": "convolution", "units": 4}])"),
        {"unknown layer type 'convolution'", "dense"});
    row("layer without type", minimal(R"([{"units": 4}])"), {"layer 1", "\"type\""});
    row("units as text", minimal(R"([{"type": "dense", "units": "four"}])"),
        {"units", "must be a number", "string"});
    row("epochs not whole", minimal(R"([{"type": "relu"}])", R"( "training": {"epochs": 1.5},)"),
        {"training.epochs", "whole number"});
    row("shuffle as text", minimal(R"([{"type": "relu"}])", R"( "training": {"shuffle": "yes"},)"),
        {"training.shuffle", "true or false"});
    row("features as text", minimal(R"([{"type": "relu"}])", R"( "data": {"features": "x1"},)"),
        {"data.features", "list"});
    row("positive share above 1",
        minimal(R"([{"type": "relu"}])", R"( "data": {"positive_share": 1.5},)"),
        {"the share of positive samples (data.positive_share) must be between 0 and 1", "1.5"});
    row("positive share as text",
        minimal(R"([{"type": "relu"}])", R"( "data": {"positive_share": "rare"},)"),
        {"data.positive_share", "number"});
    row("minority share of the circle",
        minimal(R"([{"type": "relu"}])", R"( "data": {"minority_share": 0.1},)"),
        {"data.minority_share", "belongs to the 'groups' data"});
    row("train limit 0",
        minimal(R"([{"type": "relu"}])",
                R"( "data": {"source": "fashion-mnist", "train_limit": 0},)"),
        {"data.train_limit must be at least 1"});
    row("test limit of circle data",
        minimal(R"([{"type": "relu"}])", R"( "data": {"test_limit": 100},)"),
        {"data.test_limit belongs to the fashion-mnist data"});
    row("sequence length not whole",
        minimal(R"([{"type": "relu"}])", R"( "data": {"source": "sine", "sequence_length": 2.5},)"),
        {"data.sequence_length", "whole number"});
    row("horizon as text",
        minimal(R"([{"type": "relu"}])", R"( "data": {"source": "sine", "horizon": "two"},)"),
        {"data.horizon", "number", "string"});
    row("max_chars as text",
        minimal(R"([{"type": "relu"}])", R"( "data": {"source": "text", "max_chars": "all"},)"),
        {"data.max_chars", "number", "string"});
    row("idx without labels",
        minimal(R"([{"type": "relu"}])", R"( "data": {"source": "idx", "images": "a.idx"},)"),
        {"the idx data needs two files"});
    row("test images without test labels",
        minimal(R"([{"type": "relu"}])",
                R"( "data": {"source": "idx", "images": "a", "labels": "b", "test_images": "c"},)"),
        {"needs both data.test_images and data.test_labels"});
    row("images of csv data",
        minimal(R"([{"type": "relu"}])",
                R"( "data": {"source": "csv", "path": "a.csv", "images": "a.idx"},)"),
        {"data.images belongs to the idx data, not to 'csv'"});
    row("image_folder without a path",
        minimal(R"([{"type": "relu"}])", R"( "data": {"source": "image_folder"},)"),
        {"the image_folder data needs data.path"});
    row("image_folder with two channels",
        minimal(R"([{"type": "relu"}])",
                R"( "data": {"source": "image_folder", "path": "p", "channels": 2},)"),
        {"data.channels", "must be 1 (grey) or 3 (colour), not 2"});
    row("image_folder with a size of 2",
        minimal(R"([{"type": "relu"}])",
                R"( "data": {"source": "image_folder", "path": "p", "size": 2},)"),
        {"data.size", "from 4 to 512 pixels, not 2"});
    row("size of idx data",
        minimal(R"([{"type": "relu"}])",
                R"( "data": {"source": "idx", "images": "a", "labels": "b", "size": 32},)"),
        {"data.size belongs to the image_folder data, not to 'idx'"});
    row("data as list", minimal(R"([{"type": "relu"}])", R"( "data": [1, 2],)"),
        {"data", "object"});
    row("layers not a list",
        R"({"format": "nnplay-project", "version": 1, "network": {"layers": 3}})",
        {"network.layers", "list"});
    row("unknown task", minimal(R"([{"type": "relu"}])", R"( "task": "clustering",)"),
        {"unknown task 'clustering'"});
    row("unknown optimizer",
        minimal(R"([{"type": "relu"}])", R"( "training": {"optimizer": "lbfgs"},)"),
        {"unknown optimizer 'lbfgs'"});
    row("unknown loss", minimal(R"([{"type": "relu"}])", R"( "training": {"loss": "hinge"},)"),
        {"hinge"});
    row("newer version", R"({"format": "nnplay-project", "version": 2, "network": {"layers": []}})",
        {"newer", "version 2"});
    row("version zero", R"({"format": "nnplay-project", "version": 0, "network": {"layers": []}})",
        {"version"});
    row("no version", R"({"format": "nnplay-project", "network": {"layers": []}})", {"version"});
    row("no format", R"({"version": 1, "network": {"layers": []}})",
        {"not an nnplay project", "format"});
    row("other format", R"({"format": "keras", "version": 1, "network": {"layers": []}})",
        {"format", "nnplay-project"});
    row("not an object", "[1, 2, 3]", {"not an nnplay project"});
    row("no network", R"({"format": "nnplay-project", "version": 1})", {"network"});
    row("ragged weights",
        minimal(R"([{"type": "dense", "units": 2, "weights": [[1, 2], [3]], "bias": [0, 0]}])"),
        {"layer 1.weights", "row 2"});
    row("weights without bias", minimal(R"([{"type": "dense", "units": 1, "weights": [[1, 2]]}])"),
        {"layer 1", "\"bias\""});
    row("weights with text",
        minimal(R"([{"type": "dense", "units": 1, "weights": [["a"]], "bias": [0]}])"),
        {"layer 1.weights", "numbers"});
    row("repeated id", minimal(R"([{"type": "dense", "id": 2}, {"type": "relu", "id": 2}])"),
        {"layer 2", "repeats the id 2"});
    row("csv without path",
        minimal(R"([{"type": "relu"}])", R"( "data": {"source": "csv", "label": "y"},)"),
        {"data.path"});
}

void TestProjectFile::rejectsBadProjects() {
    QFETCH(QString, text);
    QFETCH(QStringList, messageParts);
    const QString message = errorOf([&] { ProjectFile::parse(text.toStdString()); });
    QVERIFY2(!message.isEmpty(), "the project was accepted");
    for (const QString& part : messageParts)
        QVERIFY2(message.contains(part), qPrintable(message + "   [lacks: " + part + "]"));
}

void TestProjectFile::savesOverAnOldFile() {
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath("net.nnplay");
    writeText(path, "old contents\n");
    const Project project = trainedRegression();
    ProjectFile::save(path.toStdString(), project);
    QCOMPARE(readAll(path), QByteArray::fromStdString(ProjectFile::serialize(project)));
    compareProjects(ProjectFile::load(path.toStdString()), project);
    QCOMPARE(strayFiles(dir.path(), {"net.nnplay"}), QStringList());
    // An ordinary document, readable by others (mkstemp would have made it 0600).
    QVERIFY(QFileInfo(path).permissions().testFlag(QFileDevice::ReadOther));
}

void TestProjectFile::failedSaveKeepsTheOldFile_data() {
    QTest::addColumn<QString>("target");  // relative to a fresh temporary folder
    QTest::addColumn<bool>("targetIsFolder");
    QTest::newRow("folder missing") << "missing/net.nnplay" << false;
    QTest::newRow("target is a folder") << "net.nnplay" << true;
}

void TestProjectFile::failedSaveKeepsTheOldFile() {
    // Works as root too: neither case relies on permissions.
    QFETCH(QString, target);
    QFETCH(bool, targetIsFolder);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QByteArray old = "{\"an\": \"old file\"}\n";
    writeText(dir.filePath("old.nnplay"), old);
    if (targetIsFolder) {
        QVERIFY(QDir(dir.path()).mkdir(target));
        writeText(dir.filePath(target + "/inside.txt"), old);
    }
    const QString path = dir.filePath(target);
    const QString message =
        errorOf([&] { ProjectFile::save(path.toStdString(), trainedClassification()); });
    QVERIFY2(!message.isEmpty(), "save did not fail");
    QVERIFY2(message.contains(path), qPrintable(message));
    QCOMPARE(readAll(dir.filePath("old.nnplay")), old);
    if (targetIsFolder) {
        QVERIFY(QFileInfo(path).isDir());
        QCOMPARE(readAll(path + "/inside.txt"), old);
        QCOMPARE(strayFiles(path, {"inside.txt"}), QStringList());
    } else {
        QVERIFY(!QFileInfo::exists(QFileInfo(path).path()));
    }
    QCOMPARE(strayFiles(dir.path(), {"old.nnplay", target}), QStringList());
}

void TestProjectFile::failedWriteKeepsTheOldFile() {
    // Force write() itself to fail half-way with a file-size limit (EFBIG), which even root
    // cannot ignore: the old file must stay byte-identical and the temporary file must go.
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath("net.nnplay");
    const QByteArray old = QByteArray::fromStdString(ProjectFile::serialize(trainedRegression()));
    writeText(path, old);
    const Project bigger = trainedClassification();
    QVERIFY(ProjectFile::serialize(bigger).size() > 4096);

    rlimit saved{};
    QCOMPARE(getrlimit(RLIMIT_FSIZE, &saved), 0);
    const auto oldHandler = std::signal(SIGXFSZ, SIG_IGN);
    rlimit limited = saved;
    limited.rlim_cur = 4096;
    QCOMPARE(setrlimit(RLIMIT_FSIZE, &limited), 0);
    const QString message = errorOf([&] { ProjectFile::save(path.toStdString(), bigger); });
    setrlimit(RLIMIT_FSIZE, &saved);
    std::signal(SIGXFSZ, oldHandler);

    QVERIFY2(!message.isEmpty(), "save did not fail");
    QVERIFY2(message.contains(path), qPrintable(message));
    QCOMPARE(readAll(path), old);
    QCOMPARE(strayFiles(dir.path(), {"net.nnplay"}), QStringList());
}

void TestProjectFile::loadOfAMissingFileNamesThePath() {
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath("nowhere/missing.nnplay");
    const QString message = errorOf([&] { ProjectFile::load(path.toStdString()); });
    QVERIFY2(message.startsWith(path), qPrintable(message));
    QVERIFY2(message.contains("cannot open"), qPrintable(message));
}

void TestProjectFile::loadErrorsNameThePath() {
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath("broken.nnplay");
    writeText(path, QByteArray::fromStdString(minimal(R"([{"type": "dense", "units": "four"}])")));
    const QString message = errorOf([&] { ProjectFile::load(path.toStdString()); });
    QVERIFY2(message.startsWith(path + ": "), qPrintable(message));
    QVERIFY2(message.contains("units"), qPrintable(message));
}

void TestProjectFile::frozenLayersRoundTrip() {
    Project project = trainedClassification();
    project.network().layers[0].trainable = false;
    const std::string text = ProjectFile::serialize(project);
    const QJsonArray layers = QJsonDocument::fromJson(QByteArray::fromStdString(text))
                                  .object()
                                  .value("network")
                                  .toObject()
                                  .value("layers")
                                  .toArray();
    // Written only for frozen layers.
    QCOMPARE(layers[0].toObject().value("trainable"), QJsonValue(false));
    for (int i = 1; i < layers.size(); ++i) QVERIFY(!layers[i].toObject().contains("trainable"));
    Project back = ProjectFile::parse(text);
    compareProjects(back, project);
    QVERIFY(!back.network().layers[0].trainable);
    QVERIFY(back.network().layers[1].trainable);

    const QString message = errorOf([] {
        ProjectFile::parse(minimal(R"([{"type": "dense", "units": 1, "trainable": "no"}])"));
    });
    QVERIFY2(message.contains("trainable") && message.contains("true or false"),
             qPrintable(message));
    QVERIFY(ProjectFile::parse(minimal(R"([{"type": "relu", "trainable": true}])"))
                .network()
                .layers[0]
                .trainable);
}

// Matrices as lists of rows and lists as flat lists, as the kind's ParamInfo says.
void TestProjectFile::storageFollowsTheRegistry() {
    const Project project = trainedClassification();
    const QJsonObject dense =
        QJsonDocument::fromJson(QByteArray::fromStdString(ProjectFile::serialize(project)))
            .object()
            .value("network")
            .toObject()
            .value("layers")
            .toArray()[0]
            .toObject();
    const LayerInfo& info = LayerRegistry::builtin().get(project.network().layers[0].type);
    QCOMPARE(info.params.size(), std::size_t(2));
    for (const ParamInfo& param : info.params) {
        const QJsonArray stored = dense.value(QString::fromStdString(param.name)).toArray();
        QVERIFY(!stored.isEmpty());
        QCOMPARE(stored[0].isArray(), param.storage == ParamStorage::Matrix);
    }
    const QString message = errorOf([] {
        ProjectFile::parse(
            minimal(R"([{"type": "dense", "units": 1, "weights": [[1]], "bias": [[1]]}])"));
    });
    QVERIFY2(message.contains("bias"), qPrintable(message));
}

void TestProjectFile::rejectsWhatCannotBeReadBack_data() {
    QTest::addColumn<QString>("text");
    QTest::addColumn<QStringList>("messageParts");
    auto row = [](const char* name, const std::string& text, QStringList parts) {
        QTest::newRow(name) << QString::fromStdString(text) << parts;
    };
    const std::string relu = R"([{"type": "relu"}])";
    row("deep nesting",
        R"({"a": )" + std::string(200000, '[') + std::string(200000, ']') + R"(, "b": 1})",
        {"levels deep", "a"});
    row("float overflow", minimal(relu, R"( "training": {"learning_rate": 1e39},)"),
        {"training.learning_rate", "too large"});
    row("double overflow", minimal(relu, R"( "training": {"learning_rate": 1e400},)"),
        {"training.learning_rate", "too large"});
    row("overflow in a weight row",
        minimal(R"([{"type": "dense", "units": 1, "weights": [[1, -1e39]], "bias": [0]}])"),
        {"network.layers[0].weights[0][1]", "too large"});
    row("repeated key", minimal(relu, R"( "training": {"epochs": 5, "epochs": 6},)"),
        {"'epochs'", "twice", "training"});
    row("repeated top-level key", minimal(relu, R"( "task": "regression", "task": "regression",)"),
        {"'task'", "twice", "the project"});
    row("negative units", minimal(R"([{"type": "dense", "units": -5}])"),
        {"layer 1", "Units", "-5"});
    row("units not whole", minimal(R"([{"type": "dense", "units": 2.5}])"),
        {"layer 1", "whole number"});
    row("batch size 0", minimal(relu, R"( "training": {"batch_size": 0},)"),
        {"batch size", "at least 1"});
    row("negative learning rate", minimal(relu, R"( "training": {"learning_rate": -0.1},)"),
        {"learning rate", "positive"});
    row("negative l2", minimal(relu, R"( "training": {"l2": -1},)"), {"L2"});
    row("negative epochs", minimal(relu, R"( "training": {"epochs": -3},)"), {"epochs"});
    row("negative patience", minimal(relu, R"( "training": {"early_stopping": {"patience": -1}},)"),
        {"patience"});
    row("id zero", minimal(R"([{"type": "relu", "id": 0}])"), {"layer 1.id", "from 1"});
    row("id beyond int", minimal(R"([{"type": "relu", "id": 3000000000}])"), {"layer 1.id"});
    row("preprocessing of another size",
        minimal(relu, R"( "preprocessing": {"input_columns": ["a", "b"], "input_mean": [1],
                          "input_scale": [1]},)"),
        {"preprocessing", "2 numbers"});
    row("preprocessing with a zero scale",
        minimal(relu, R"( "preprocessing": {"input_columns": ["a"], "input_mean": [1],
                          "input_scale": [0]},)"),
        {"preprocessing.input_scale", "positive"});
}

void TestProjectFile::rejectsWhatCannotBeReadBack() {
    QFETCH(QString, text);
    QFETCH(QStringList, messageParts);
    const QString message = errorOf([&] { ProjectFile::parse(text.toStdString()); });
    QVERIFY2(!message.isEmpty(), "the project was accepted");
    for (const QString& part : messageParts)
        QVERIFY2(message.contains(part),
                 qPrintable(message.left(300) + "   [lacks: " + part + "]"));
    QVERIFY2(!message.contains('\n'), qPrintable(message));
}

void TestProjectFile::syntaxErrorsAreSaidInWords_data() {
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("words");
    QTest::newRow("bare word") << R"({"format": nnplay})"
                               << "double quotes";
    QTest::newRow("comma too many") << R"({"format": "nnplay-project",})"
                                    << "comma too many";
    QTest::newRow("missing comma") << "{\"a\": 1\n \"b\": 2}"
                                   << "comma";
    QTest::newRow("unclosed") << R"({"format": "nnplay-project")"
                              << "ends too early";
    QTest::newRow("empty") << ""
                           << "empty";
}

void TestProjectFile::syntaxErrorsAreSaidInWords() {
    QFETCH(QString, text);
    QFETCH(QString, words);
    const QString message = errorOf([&] { ProjectFile::parse(text.toStdString()); });
    QVERIFY2(message.contains(words), qPrintable(message));
    QVERIFY2(message.contains("line "), qPrintable(message));
    for (const char* jargon : {"syntax error", "last read", "literal", "parse_error"})
        QVERIFY2(!message.contains(jargon), qPrintable(message));
}

void TestProjectFile::idsNearTheLimitStayReadable() {
    for (const long long first : {2000000000LL, static_cast<long long>(kMaxLayerId)}) {
        Project p = ProjectFile::parse(
            minimal(R"([{"type": "dense", "units": 2, "id": )" + std::to_string(first) + "}]"));
        QCOMPARE(p.network().layers[0].id, static_cast<int>(first));
        for (int i = 0; i < 3; ++i) {
            LayerSpec layer;
            layer.id = p.freshLayerId();
            layer.type = "relu";
            QVERIFY(layer.id > 0);
            p.network().layers.push_back(layer);
        }
        std::set<int> ids;
        for (const LayerSpec& l : p.network().layers) ids.insert(l.id);
        QCOMPARE(ids.size(), p.network().layers.size());
        compareProjects(ProjectFile::parse(ProjectFile::serialize(p)), p);
    }
}

void TestProjectFile::roundTripOfEveryExampleAndFixture_data() {
    QTest::addColumn<QString>("path");
    for (const QString& folder :
         {QStringLiteral(NNPLAY_RESOURCE_DIR "/examples"),
          QStringLiteral(NNPLAY_RESOURCE_DIR "/lessons"), QStringLiteral(NNPLAY_IO_FIXTURES)}) {
        const QStringList files = QDir(folder).entryList({"*.nnplay"}, QDir::Files);
        QVERIFY(!files.isEmpty());
        for (const QString& name : files)
            QTest::newRow(qPrintable(name)) << QDir(folder).filePath(name);
    }
}

void TestProjectFile::roundTripOfEveryExampleAndFixture() {
    QFETCH(QString, path);
    const Project loaded = ProjectFile::load(path.toStdString());
    const std::string saved = ProjectFile::serialize(loaded);
    const Project again = ProjectFile::parse(saved);
    compareProjects(again, loaded);
    QCOMPARE(ProjectFile::serialize(again), saved);
}

void TestProjectFile::versionOneFixturesOpenUnchanged() {
    const QDir fixtures(QStringLiteral(NNPLAY_IO_FIXTURES));
    // Files this program wrote come back byte for byte.
    for (const char* name : {"v1-trained-circle.nnplay", "v1-trained-iris-csv.nnplay"}) {
        const QByteArray text = readAll(fixtures.filePath(name));
        QVERIFY(!text.isEmpty());
        const Project p = ProjectFile::parse(text.toStdString());
        QVERIFY(p.network().hasParams());
        QVERIFY(p.preprocessing.empty());
        QCOMPARE(QByteArray::fromStdString(ProjectFile::serialize(p)), text);
    }
    const Project iris =
        ProjectFile::load(fixtures.filePath("v1-trained-iris-csv.nnplay").toStdString());
    QCOMPARE(qs(iris.data.label), QString("species"));
    QVERIFY(iris.data.standardize);
    QCOMPARE(iris.history.size(), std::size_t{3});
    // A file written by hand: defaults filled in, fresh ids given.
    const Project hand =
        ProjectFile::load(fixtures.filePath("v1-hand-written.nnplay").toStdString());
    QCOMPARE(name(hand.task), QString("regression"));
    QCOMPARE(hand.data.samples, 100);
    QCOMPARE(hand.network().layers.size(), std::size_t{4});
    QCOMPARE(hand.network().layers[0].setting("units"), 3.0);
    QCOMPARE(hand.network().layers[3].id, 4);
    QCOMPARE(hand.training.epochs, 20);
    QCOMPARE(hand.training.batchSize, TrainingSpec{}.batchSize);
}

void TestProjectFile::refusesToSaveOverWhatIsNotAFile() {
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString folder = dir.filePath("folder");
    QVERIFY(QDir().mkdir(folder));
    const QString message =
        errorOf([&] { ProjectFile::save(folder.toStdString(), Project::defaultProject()); });
    QVERIFY2(message.contains("a folder"), qPrintable(message));
    QVERIFY(QFileInfo(folder).isDir());
    QCOMPARE(strayFiles(dir.path(), {"folder"}), QStringList());
    if (QFileInfo::exists("/dev/full")) {
        const QString device =
            errorOf([&] { ProjectFile::save("/dev/full", Project::defaultProject()); });
        QVERIFY2(device.contains("not a regular file"), qPrintable(device));
        struct stat info {};
        QCOMPARE(::stat("/dev/full", &info), 0);
        QVERIFY(S_ISCHR(info.st_mode));
    }
}

void TestProjectFile::storesPreprocessingWithTrainedWeights() {
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QVERIFY(QFile::copy(NNPLAY_RESOURCE_DIR "/examples/iris.csv", dir.filePath("iris.csv")));
    Project project = untrainedCsv();
    project.data.path = "iris.csv";
    TrainingSession session(project,
                            loadData(project.data, project.task, dir.path().toStdString()));
    session.run(2);
    session.storeInto(project);
    const Preprocessing& p = project.preprocessing;
    QCOMPARE(p.inputColumns.size(), std::size_t{4});
    QCOMPARE(p.classNames.size(), std::size_t{3});
    QVERIFY(p.inputs.active());
    QVERIFY(p.inputs == session.data().standardizer);
    const std::string text = ProjectFile::serialize(project);
    QVERIFY(text.find("\"preprocessing\"") != std::string::npos);
    compareProjects(ProjectFile::parse(text), project);
    // Without weights the learned values are stale and not written.
    project.network().clearParams();
    QVERIFY(ProjectFile::serialize(project).find("preprocessing") == std::string::npos);
}

void TestProjectFile::readsAndWritesTheTitle() {
    const Project p = ProjectFile::parse(
        minimal(R"([{"type": "dense", "units": 1}])", R"( "title": "Spirale à deux bras",)"));
    QCOMPARE(qs(p.title), QString("Spirale à deux bras"));
    const std::string text = ProjectFile::serialize(p);
    QVERIFY(text.find("\"version\": 1,\n  \"title\": \"Spirale à deux bras\",\n  \"task\"") !=
            std::string::npos);
    compareProjects(ProjectFile::parse(text), p);
    QCOMPARE(qs(ProjectFile::parse(text).title), qs(p.title));
    // No title, no key: files without one save as they were.
    QVERIFY(ProjectFile::serialize(Project::defaultProject()).find("title") == std::string::npos);
    // Every shipped example has one.
    for (const QString& name : QDir(NNPLAY_RESOURCE_DIR "/examples").entryList({"*.nnplay"})) {
        const Project example =
            ProjectFile::load(NNPLAY_RESOURCE_DIR "/examples/" + name.toStdString());
        QVERIFY2(!example.title.empty(), qPrintable(name));
    }
}

void TestProjectFile::refusesBadTitles_data() {
    QTest::addColumn<QString>("title");
    QTest::addColumn<QString>("message");
    QTest::newRow("not text") << "42"
                              << "project.title must be a string";
    QTest::newRow("two lines") << R"("one\ntwo")"
                               << "one line of text";
    QTest::newRow("tab") << R"("a\tb")"
                         << "without control characters";
    QString longTitle = "\"";
    for (int i = 0; i < 201; ++i) longTitle += QChar(0xe9);  // 201 characters, 402 bytes
    QTest::newRow("too long") << longTitle + "\""
                              << "the title has 201 characters; at most 200";
}

void TestProjectFile::refusesBadTitles() {
    QFETCH(QString, title);
    QFETCH(QString, message);
    const QString error = errorOf([&] {
        ProjectFile::parse(minimal(R"([{"type": "dense", "units": 1}])",
                                   " \"title\": " + title.toStdString() + ","));
    });
    QVERIFY2(error.contains(message), qPrintable(error));
    // 200 characters are fine, however many bytes they take.
    std::string fine = "\"";
    for (int i = 0; i < 200; ++i) fine += "\xc3\xa9";
    QCOMPARE(ProjectFile::parse(
                 minimal(R"([{"type": "dense", "units": 1}])", " \"title\": " + fine + "\","))
                 .title.size(),
             std::size_t{400});
}

void TestProjectFile::keepsCsvDataInsideTheProject() {
    const QByteArray csv = readAll(NNPLAY_RESOURCE_DIR "/examples/iris.csv");
    QVERIFY(!csv.isEmpty());
    Project project = untrainedCsv();
    project.data.path = "/nowhere/iris.csv";
    project.data.csvText = csv.toStdString();
    const std::string text = ProjectFile::serialize(project);
    QVERIFY(text.find("\"csv_text\":") != std::string::npos);
    const Project back = ProjectFile::parse(text);
    compareProjects(back, project);
    QCOMPARE(ProjectFile::serialize(back), text);

    // The kept text gives the same samples as the file, with no file there.
    QTemporaryDir empty;
    QVERIFY(empty.isValid());
    const DataSplit kept = loadData(back.data, back.task, empty.path().toStdString());
    DataSpec fromFile = back.data;
    fromFile.csvText.clear();
    fromFile.path = NNPLAY_RESOURCE_DIR "/examples/iris.csv";
    const DataSplit file = loadData(fromFile, back.task, "");
    QVERIFY(kept.train.inputs == file.train.inputs);
    QVERIFY(kept.test.labels == file.test.labels);
    QVERIFY(kept.info.classNames == file.info.classNames);

    // Kept data needs no path.
    project.data.path.clear();
    const std::string noPath = ProjectFile::serialize(project);
    QVERIFY(noPath.find("\"path\"") == std::string::npos);
    compareProjects(ProjectFile::parse(noPath), project);
}

void TestProjectFile::refusesBadKeptCsvData_data() {
    QTest::addColumn<QString>("data");
    QTest::addColumn<QString>("message");
    QTest::newRow("empty") << R"({"source": "csv", "csv_text": ""})"
                           << "data.csv_text is empty";
    QTest::newRow("not csv") << R"({"source": "circle", "csv_text": "a,label\n1,0\n"})"
                             << "data.csv_text belongs to CSV data";
    QTest::newRow("not text") << R"({"source": "csv", "csv_text": 3})"
                              << "data.csv_text must be a string";
    QTest::newRow("no path, no text") << R"({"source": "csv"})"
                                      << "data.path (or data.csv_text)";
    const QString large = "{\"source\": \"csv\", \"csv_text\": \"" +
                          QString(static_cast<int>(DataSpec::kMaxCsvTextBytes) + 1, 'x') + "\"}";
    QTest::newRow("too large") << large << "more than a project can keep (32 MiB)";
}

void TestProjectFile::refusesBadKeptCsvData() {
    QFETCH(QString, data);
    QFETCH(QString, message);
    const QString error = errorOf([&] {
        ProjectFile::parse(minimal(R"([{"type": "dense", "units": 1}])",
                                   " \"data\": " + data.toStdString() + ","));
    });
    QVERIFY2(error.contains(message), qPrintable(error.left(300)));
}

void TestProjectFile::keptCsvErrorsNameTheData() {
    Project project = untrainedCsv();
    project.data.path = "data/iris.csv";
    project.data.csvText = "a,b,species\n1,2,x\n3,oops,y\n";
    const QString error = errorOf([&] { loadData(project.data, project.task, ""); });
    QVERIFY2(error.startsWith("iris.csv (kept in the project), line 3, column 2"),
             qPrintable(error));
}

void TestProjectFile::readsAndWritesALesson() {
    const Project p = ProjectFile::parse(withLesson(kLesson));
    const Lesson& l = p.lesson;
    QCOMPARE(qs(l.goal), QString("One neuron draws a line."));
    QCOMPARE(qs(l.watch), QString("The boundary stays straight."));
    QCOMPARE(l.steps.size(), std::size_t{2});
    QCOMPARE(qs(l.steps[1]), QString("Switch to circle."));
    QCOMPARE(qs(l.question), QString("Where is w1*x1 + w2*x2 + b zero?"));
    QCOMPARE(l.hide, (std::vector<std::string>{"optimizer", "l2"}));
    QCOMPARE(l.variants.size(), std::size_t{3});
    QCOMPARE(qs(l.variants[0].changes), QString("{}"));
    QCOMPARE(l.variants[0].expect.size(), std::size_t{1});
    QCOMPARE(qs(l.variants[0].expect[0].measure), QString("test_accuracy"));
    QCOMPARE(l.variants[0].expect[0].atLeast, std::optional<double>(0.9));
    QVERIFY(!l.variants[0].expect[0].atMost);
    QCOMPARE(qs(l.variants[1].changes), QString(R"({"training":{"learning_rate":0.3,"l2":null}})"));
    QCOMPARE(l.variants[1].expect[0].is, std::optional<bool>(false));
    QCOMPARE(l.variants[1].expect[1].atLeast, std::optional<double>(-1));
    QCOMPARE(l.variants[1].expect[1].atMost, std::optional<double>(0.5));
    QVERIFY(l.variants[2].expect.empty());
    QVERIFY(l.findVariant("wider") != nullptr && l.findVariant("narrower") == nullptr);

    // Saved and read back: the same lesson, and the same text on a second save.
    const std::string saved = ProjectFile::serialize(p);
    const Project again = ProjectFile::parse(saved);
    QVERIFY(again.lesson == p.lesson);
    compareProjects(again, p);
    QCOMPARE(ProjectFile::serialize(again), saved);
    // A project that is no lesson writes no lesson key.
    QVERIFY(ProjectFile::serialize(Project::defaultProject()).find("lesson") == std::string::npos);
}

void TestProjectFile::refusesBadLessons_data() {
    QTest::addColumn<QString>("lesson");
    QTest::addColumn<QString>("message");
    QTest::newRow("unknown key") << R"("goal": "g", "homework": "x")"
                                 << "unknown key 'homework' in lesson";
    QTest::newRow("no goal") << R"("watch": "w")"
                             << "lesson.goal is needed";
    QTest::newRow("goal not text") << R"("goal": 3)"
                                   << "lesson.goal must be a string";
    QTest::newRow("two-line goal") << R"("goal": "a\nb")"
                                   << "lesson.goal must be one line";
    QTest::newRow("too many steps") << R"("goal": "g", "try": ["1","2","3","4","5","6"])"
                                    << "lesson.try has 6 steps; at most 5";
    QTest::newRow("step not text") << R"("goal": "g", "try": [1])"
                                   << "lesson.try must hold only names";
    QTest::newRow("unknown control") << R"("goal": "g", "hide": ["optimiser"])"
                                     << "lesson.hide names an unknown control 'optimiser' "
                                        "(controls a lesson can hide: optimizer, learning_rate";
    QTest::newRow("control twice") << R"("goal": "g", "hide": ["l1", "l1"])"
                                   << "lesson.hide names 'l1' twice";
    QTest::newRow("variants not a list") << R"("goal": "g", "variants": {})"
                                         << "lesson.variants must be a list";
    QTest::newRow("variant without name") << R"("goal": "g", "variants": [{"changes": {}}])"
                                          << "lesson.variants[0] needs a \"name\"";
    QTest::newRow("variant unknown key")
        << R"("goal": "g", "variants": [{"name": "a", "change": {}}])"
        << "unknown key 'change' in lesson.variants[0]";
    QTest::newRow("two variants, one name")
        << R"("goal": "g", "variants": [{"name": "a"}, {"name": "a"}])"
        << "two variants named 'a'";
    QTest::newRow("changes not an object")
        << R"("goal": "g", "variants": [{"name": "a", "changes": [1]}])"
        << "lesson.variants[0].changes must be an object, not array";
    QTest::newRow("changes the lesson")
        << R"("goal": "g", "variants": [{"name": "a", "changes": {"lesson": null}}])"
        << "may not change \"lesson\"";
    QTest::newRow("changes the version")
        << R"("goal": "g", "variants": [{"name": "a", "changes": {"version": 2}}])"
        << "may not change \"version\"";
    QTest::newRow("unknown measure")
        << R"("goal": "g", "variants": [{"name": "a", "expect": {"accuracy": {"at_least": 1}}}])"
        << "unknown measure 'accuracy' (known: train_loss, test_loss";
    QTest::newRow("unknown bound")
        << R"("goal": "g", "variants": [{"name": "a", "expect": {"gap": {"above": 1}}}])"
        << "unknown key 'above' in lesson.variants[0].expect.gap";
    QTest::newRow("no bound")
        << R"("goal": "g", "variants": [{"name": "a", "expect": {"gap": {}}}])"
        << "needs \"at_least\", \"at_most\" or both";
    QTest::newRow("bound not a number")
        << R"("goal": "g", "variants": [{"name": "a", "expect": {"gap": {"at_most": "1"}}}])"
        << "lesson.variants[0].expect.gap.at_most must be a number";
    QTest::newRow("no run can pass")
        << R"("goal": "g", "variants": [{"name": "a", "expect": {"gap": {"at_least": 2, "at_most": 1}}}])"
        << "\"at_least\" is larger than \"at_most\"";
    QTest::newRow("diverged not true or false")
        << R"("goal": "g", "variants": [{"name": "a", "expect": {"diverged": {"at_least": 1}}}])"
        << "expect.diverged must be true or false";
    QTest::newRow("variant breaks the project")
        << R"("goal": "g", "variants": [{"name": "big step", "changes": {"training": {"learning_rate": -1}}}])"
        << "the variant 'big step' makes a project that cannot be used: the learning rate";
    QTest::newRow("variant adds an unknown key")
        << R"("goal": "g", "variants": [{"name": "typo", "changes": {"trainig": {}}}])"
        << "the variant 'typo' makes a project that cannot be used: unknown key 'trainig'";
}

void TestProjectFile::refusesBadLessons() {
    QFETCH(QString, lesson);
    QFETCH(QString, message);
    const QString error = errorOf([&] { ProjectFile::parse(withLesson(lesson.toStdString())); });
    QVERIFY2(error.contains(message), qPrintable(error));
}

void TestProjectFile::variantChangesOnlyWhatItSays() {
    const Project p = ProjectFile::parse(withLesson(kLesson));
    // No changes: the same project.
    const Project same = ProjectFile::applyVariant(p, p.lesson.variants[0]);
    compareProjects(same, p);
    QCOMPARE(ProjectFile::serialize(same), ProjectFile::serialize(p));

    // A changed setting, one removed (null: back to its default), the rest as it was.
    const Project faster = ProjectFile::applyVariant(p, *p.lesson.findVariant("faster"));
    QCOMPARE(faster.training.optimizer.learningRate, 0.3f);
    QCOMPARE(faster.training.l2, TrainingSpec{}.l2);
    QVERIFY(faster.data == p.data);
    QCOMPARE(faster.network().layers.size(), p.network().layers.size());
    QVERIFY(faster.lesson == p.lesson);

    // Lists are replaced whole: the variant's layers, with fresh distinct ids.
    const Project wider = ProjectFile::applyVariant(p, *p.lesson.findVariant("wider"));
    QCOMPARE(wider.network().layers.size(), std::size_t{4});
    QCOMPARE(wider.network().layers[0].settings.at("units"), 4.0);
    std::set<int> ids;
    for (const LayerSpec& layer : wider.network().layers) QVERIFY(ids.insert(layer.id).second);
    QVERIFY(wider.training == p.training);
    QVERIFY(wider.lesson == p.lesson);
}

void TestProjectFile::variantThatBreaksTheProjectIsNamed() {
    // A lesson edited in memory (as a window would) is checked when the variant is applied.
    Project p = ProjectFile::parse(withLesson(kLesson));
    LessonVariant broken;
    broken.name = "mystery";
    broken.changes = R"({"network": {"layers": [{"type": "mystery"}]}})";
    const QString error = errorOf([&] { ProjectFile::applyVariant(p, broken); });
    QVERIFY2(error.startsWith("the variant 'mystery' makes a project that cannot be used: "),
             qPrintable(error));
}

void TestProjectFile::everyShippedLessonHasTitleGoalAndOutcomes() {
    const QStringList files =
        QDir(NNPLAY_RESOURCE_DIR "/lessons").entryList({"*.nnplay"}, QDir::Files);
    QVERIFY(files.size() >= 6);
    for (const QString& name : files) {
        const Project p = ProjectFile::load(NNPLAY_RESOURCE_DIR "/lessons/" + name.toStdString());
        QVERIFY2(!p.title.empty() && !p.lesson.empty(), qPrintable(name));
        QVERIFY2(!p.lesson.watch.empty() && !p.lesson.question.empty(), qPrintable(name));
        QVERIFY2(p.lesson.steps.size() >= 2 && p.lesson.steps.size() <= 3, qPrintable(name));
        QVERIFY2(p.lesson.variants.size() >= 2, qPrintable(name));
        for (const LessonVariant& v : p.lesson.variants)
            QVERIFY2(!v.expect.empty(), qPrintable(name + ": " + qs(v.name)));
    }
}

void TestProjectFile::keepsRunsWithTheirSettings() {
    Project project = trainedClassification();
    Project other = project;
    other.training.optimizer.learningRate = 0.5f;
    RunRecord first{"big network", RunSettings::of(project), project.history, false};
    RunRecord second{"L2", RunSettings::of(other), project.history, true};
    second.history.truncate(1);
    project.runs = {first, second};
    const std::string text = ProjectFile::serialize(project);
    // The settings are an object in the file, readable and without weights.
    QVERIFY(text.find("\"runs\"") != std::string::npos);
    Project back = ProjectFile::parse(text);
    QCOMPARE(back.runs.size(), std::size_t(2));
    QCOMPARE(qs(back.runs[0].name), QStringLiteral("big network"));
    QCOMPARE(qs(back.runs[1].name), QStringLiteral("L2"));
    QVERIFY(!back.runs[0].diverged);
    QVERIFY(back.runs[1].diverged);
    QCOMPARE(back.runs[0].history.size(), project.history.size());
    QCOMPARE(back.runs[1].history.size(), std::size_t(1));
    QCOMPARE(back.runs[0].history.columns(), project.history.columns());
    const auto differences = RunSettings::differences(back.runs[0].settings, back.runs[1].settings);
    QCOMPARE(differences.size(), std::size_t(1));
    QCOMPARE(qs(differences[0].key), QStringLiteral("training.learning_rate"));
    QCOMPARE(qs(differences[0].second), QStringLiteral("0.5"));
    QVERIFY(back.runs[0].settings.find("\"weights\"") == std::string::npos);
    // Writing what was read gives the same text.
    QCOMPARE(ProjectFile::serialize(back), text);
}

void TestProjectFile::augmentationRoundTripsAndStaysOutWhenOff() {
    const std::string digits = R"( "data": {"source": "digits"}, "training": {"loss": "cce",)"
                               R"( "augmentation": {"shift": 2, "rotation": 12.5, "noise": 0.1,)"
                               R"( "flip": true}},)";
    const Project p = ProjectFile::parse(minimal(R"([{"type": "dense", "units": 10}])", digits));
    const AugmentationSpec& a = p.training.augmentation;
    QCOMPARE(a.shift, 2);
    QCOMPARE(a.rotation, 12.5f);
    QCOMPARE(a.noise, 0.1f);
    QVERIFY(a.flip);
    QCOMPARE(a.jitter, 0.0f);
    const std::string text = ProjectFile::serialize(p);
    QVERIFY(QString::fromStdString(text).contains("\"augmentation\""));
    QVERIFY(!QString::fromStdString(text).contains("\"jitter\""));  // only what is on
    compareProjects(ProjectFile::parse(text), p);

    const Project points = ProjectFile::parse(minimal(
        R"([{"type": "dense", "units": 1}])",
        R"( "data": {"source": "moons"}, "training": {"augmentation": {"jitter": 0.25}},)"));
    QCOMPARE(points.training.augmentation.jitter, 0.25f);
    compareProjects(ProjectFile::parse(ProjectFile::serialize(points)), points);

    // A file without augmentation reads as all off and is written without the key.
    const Project old = ProjectFile::parse(minimal());
    QVERIFY(old.training.augmentation == AugmentationSpec{});
    QVERIFY(!QString::fromStdString(ProjectFile::serialize(old)).contains("augmentation"));

    const auto refusal = [](const std::string& augmentation) {
        return errorOf([&] {
            ProjectFile::parse(minimal(R"([{"type": "dense", "units": 1}])",
                                       R"( "training": {"augmentation": )" + augmentation + "},"));
        });
    };
    QVERIFY2(refusal(R"({"shift": 1.5})").contains("training.augmentation.shift"),
             qPrintable(refusal(R"({"shift": 1.5})")));
    QVERIFY(refusal(R"({"shift": 9})").contains("from 0 to 8"));
    QVERIFY(refusal(R"({"rotation": 90})").contains("training.augmentation.rotation"));
    QVERIFY(refusal(R"({"flip": 1})").contains("true or false"));
    QVERIFY(refusal(R"({"spin": 1})").contains("unknown key 'spin' in training.augmentation"));
    QVERIFY(refusal(R"([1])").contains("training.augmentation must be an object"));
}

QTEST_APPLESS_MAIN(TestProjectFile)
#include "test_project_file.moc"
