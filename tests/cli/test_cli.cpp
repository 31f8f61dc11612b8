// SPDX-License-Identifier: GPL-3.0-or-later
// nnplay-cli end to end: the real binary, run with QProcess on projects and data the tests write.
#include <QtTest>
#include <cmath>
#include <csignal>
#include <set>

#include "ProgramRun.h"

namespace {

using nnplay::test::layer;
using nnplay::test::runCli;
using nnplay::test::writeProject;
using nnplay::test::writeFile;
using CliRun = nnplay::test::ProgramRun;

/// Circle data (2 inputs, two classes), 2-4-1 tanh with a sigmoid output, BCE and Adam.
QJsonObject circleProject(int epochs = 5) {
    return QJsonObject{
        {"format", "nnplay-project"},
        {"version", 1},
        {"task", "classification"},
        {"data", QJsonObject{{"source", "circle"}, {"samples", 200}, {"noise", 0.05}, {"seed", 1}}},
        {"network", QJsonObject{{"layers", QJsonArray{layer("dense", 4), layer("tanh"),
                                                      layer("dense", 1), layer("sigmoid")}}}},
        {"training", QJsonObject{{"loss", "bce"},
                                 {"optimizer", "adam"},
                                 {"learning_rate", 0.03},
                                 {"batch_size", 10},
                                 {"epochs", epochs}}}};
}

/// Plane data (regression), dense 8 tanh, dense 1 linear, MSE.
QJsonObject planeProject(int epochs) {
    return QJsonObject{
        {"format", "nnplay-project"},
        {"version", 1},
        {"task", "regression"},
        {"data", QJsonObject{{"source", "plane"}, {"samples", 300}, {"noise", 0.0}, {"seed", 2}}},
        {"network", QJsonObject{{"layers", QJsonArray{layer("dense", 8), layer("tanh"),
                                                      layer("dense", 1), layer("linear")}}}},
        {"training", QJsonObject{{"loss", "mse"},
                                 {"optimizer", "adam"},
                                 {"learning_rate", 0.01},
                                 {"batch_size", 10},
                                 {"epochs", epochs}}}};
}

QJsonObject withTraining(QJsonObject project, const QString& key, const QJsonValue& value) {
    QJsonObject training = project["training"].toObject();
    training[key] = value;
    project["training"] = training;
    return project;
}

QJsonObject withLayers(QJsonObject project, const QJsonArray& layers) {
    project["network"] = QJsonObject{{"layers", layers}};
    return project;
}

/// Splits a line of `validate`'s table into its whitespace-separated fields.
QStringList fields(const QString& line) { return line.split(' ', Qt::SkipEmptyParts); }

/// The table line of layer `number` (1-based) in `validate`'s output.
QString tableLine(const CliRun& run, int number) {
    for (const QString& line : run.outLines())
        if (fields(line).value(0) == QString::number(number)) return line;
    return {};
}

/// Error messages are one line, prefixed with the program's name.
bool isOneErrorLine(const QString& err) {
    const QString text = err.trimmed();
    return text.startsWith("nnplay-cli: ") && !text.contains('\n');
}

}  // namespace

class TestCli : public QObject {
    Q_OBJECT

private slots:
    void ganTrainsSavesAndGoesOn();
    void ganGeneratesSamples();
    void ganIsRefusedWhereItDoesNotFit();
    void trainPrintsEpochsAndResult_data();
    void trainPrintsEpochsAndResult();
    void trainReportsValidationAndTheKeptEpoch();
    void anEnsembleReportsEveryMember();
    void savedProjectValidatesAndPredicts();
    void predictNeedsTrainedWeights();
    void tanhOutputPredictsProbabilities();
    void validatePrintsShapesAndParameters();
    void validateNamesTheImpossibleLayer();
    void validateAgreesWithTrainOnStoredWeights();
    void malformedJsonGivesLineAndColumn_data();
    void malformedJsonGivesLineAndColumn();
    void usageErrors_data();
    void usageErrors();
    void missingProjectNamesThePath();
    void divergenceFails_data();
    void divergenceFails();
    void trainsOnACsvFile();
    void regressionPrintsR2();
    void helpListsCommandsAndOptions();
    void badNumbersAndKeysAreBadInput_data();
    void badNumbersAndKeysAreBadInput();
    void hugeBatchSizeTrains();
    void predictWithoutTheTrainingCsv();
    void keptCsvDataTrainsValidatesAndPredicts();
    void predictMatchesColumnsByName();
    void standardizedTargetsPredictInOriginalUnits();
    void csvMessagesAreOneSafeLine();
    void savingOntoAFolderIsRefused();
    void terminatedTrainLeavesNoTemporaryFile();
    void appPrintsHelpWithoutADisplay();
    void everyLessonKeepsItsPromises_data();
    void everyLessonKeepsItsPromises();
    void checkLessonFailsWhenAnOutcomeFails();
    void checkLessonRefusesBadLessons_data();
    void checkLessonRefusesBadLessons();
    void generateContinuesTextAndSeries();
    void generateRefusesWhatItCannotRun_data();
    void generateRefusesWhatItCannotRun();
    void crossValidatePrintsEachFoldAndTheirSpread();
};

namespace {

/// Text data of "abc" repeated (windows of 4), LSTM 8, dense 3, softmax, CCE.
QJsonObject textProject(const QString& textFile, int epochs) {
    return QJsonObject{
        {"format", "nnplay-project"},
        {"version", 1},
        {"task", "classification"},
        {"data", QJsonObject{{"source", "text"},
                             {"path", textFile},
                             {"sequence_length", 4},
                             {"train_fraction", 0.8}}},
        {"network", QJsonObject{{"layers", QJsonArray{layer("lstm", 8), layer("dense", 3),
                                                      layer("softmax")}}}},
        {"training", QJsonObject{{"loss", "cce"},
                                 {"optimizer", "adam"},
                                 {"learning_rate", 0.02},
                                 {"batch_size", 8},
                                 {"epochs", epochs}}}};
}

/// Sine windows of 10 steps, SimpleRNN 8, dense 1, MSE.
QJsonObject sineProject(int epochs) {
    return QJsonObject{
        {"format", "nnplay-project"},
        {"version", 1},
        {"task", "regression"},
        {"data", QJsonObject{{"source", "sine"}, {"samples", 200}, {"sequence_length", 10}}},
        {"network", QJsonObject{{"layers", QJsonArray{layer("simple_rnn", 8), layer("dense", 1)}}}},
        {"training", QJsonObject{{"loss", "mse"},
                                 {"optimizer", "adam"},
                                 {"learning_rate", 0.01},
                                 {"batch_size", 16},
                                 {"epochs", epochs}}}};
}

}  // namespace

void TestCli::generateContinuesTextAndSeries() {
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QVERIFY(writeFile(dir.filePath("abc.txt"), QByteArray("abc").repeated(80)));
    const QString text = writeProject(dir, "text.nnplay", textProject("abc.txt", 15));
    const QString trained = dir.filePath("text-trained.nnplay");
    const CliRun train = runCli({"train", text, "--quiet", "--save", trained});
    QVERIFY2(train.exitCode == 0, qPrintable(train.describe()));
    // Greedy: the same every time, the start and then the pattern it learned.
    const QStringList greedy{"generate",      trained, "--steps", "12",
                             "--temperature", "0",     "--start", "abca"};
    const CliRun first = runCli(greedy);
    QVERIFY2(first.exitCode == 0, qPrintable(first.describe()));
    QCOMPARE(first.out, QStringLiteral("abcabcabcabcabca\n"));
    QCOMPARE(runCli(greedy).out, first.out);
    // Sampled, from the text's first window: 4 + 30 characters of the text's alphabet.
    const CliRun sampled = runCli({"generate", trained, "--length", "30", "--seed", "4"});
    QVERIFY2(sampled.exitCode == 0, qPrintable(sampled.describe()));
    QCOMPARE(sampled.out.size(), 35);
    QVERIFY(sampled.out.startsWith("abca"));
    for (const QChar c : sampled.out.chopped(1)) QVERIFY(c == 'a' || c == 'b' || c == 'c');

    const QString sine = writeProject(dir, "sine.nnplay", sineProject(3));
    const QString sineTrained = dir.filePath("sine-trained.nnplay");
    QCOMPARE(runCli({"train", sine, "--quiet", "--save", sineTrained}).exitCode, 0);
    const QString csv = dir.filePath("series.csv");
    const CliRun series = runCli({"generate", sineTrained, "--steps", "5", "--out", csv});
    QVERIFY2(series.exitCode == 0 && series.out.isEmpty(), qPrintable(series.describe()));
    QFile file(csv);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QStringList values = QString::fromUtf8(file.readAll()).split('\n', Qt::SkipEmptyParts);
    QCOMPARE(values.size(), 5);
    for (const QString& v : values) {
        bool ok = false;
        const double x = v.toDouble(&ok);
        QVERIFY2(ok && std::abs(x) < 2.0, qPrintable(v));
    }
}

void TestCli::generateRefusesWhatItCannotRun_data() {
    QTest::addColumn<QString>("project");  // circle, text (untrained) or trained text
    QTest::addColumn<QStringList>("options");
    QTest::addColumn<QString>("expected");
    QTest::newRow("not a sequence") << "circle" << QStringList{}
                                    << "generate runs sequence projects (data source sine or "
                                       "text), but this project's data is 'circle'";
    QTest::newRow("untrained") << "text" << QStringList{} << "the project has no trained weights";
    QTest::newRow("unknown characters")
        << "trained" << QStringList{"--start", "abxcz"}
        << "--start has characters the project's text does not have: 'x', 'z'";
    QTest::newRow("negative temperature") << "trained" << QStringList{"--temperature", "-1"}
                                          << "--temperature needs a number of at least 0, not '-1'";
}

void TestCli::generateRefusesWhatItCannotRun() {
    QFETCH(QString, project);
    QFETCH(QStringList, options);
    QFETCH(QString, expected);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QVERIFY(writeFile(dir.filePath("abc.txt"), QByteArray("abc").repeated(20)));
    QString path = project == "circle"
                       ? writeProject(dir, "circle.nnplay", circleProject())
                       : writeProject(dir, "text.nnplay", textProject("abc.txt", 1));
    if (project == "trained") {
        const QString trained = dir.filePath("trained.nnplay");
        QCOMPARE(runCli({"train", path, "--quiet", "--save", trained}).exitCode, 0);
        path = trained;
    }
    const CliRun run = runCli(QStringList{"generate", path} + options);
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains(expected), qPrintable(run.err));
}

void TestCli::trainPrintsEpochsAndResult_data() {
    QTest::addColumn<QStringList>("extraArgs");
    QTest::addColumn<int>("epochs");
    QTest::newRow("epochs from the project") << QStringList{} << 5;
    QTest::newRow("--epochs overrides") << QStringList{"--epochs", "3"} << 3;
}

void TestCli::trainPrintsEpochsAndResult() {
    QFETCH(QStringList, extraArgs);
    QFETCH(int, epochs);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString project = writeProject(dir, "circle.nnplay", circleProject(5));
    const CliRun run = runCli(QStringList{"train", project} + extraArgs);
    QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));

    const QStringList lines = run.outLines();
    QCOMPARE(lines.size(), epochs + 1);
    for (int e = 1; e <= epochs; ++e) {
        const QStringList f = fields(lines[e - 1]);
        QCOMPARE(f.value(0), QStringLiteral("epoch"));
        QCOMPARE(f.value(1), QString::number(e));
        QVERIFY2(lines[e - 1].contains("train_loss") && lines[e - 1].contains("test_acc"),
                 qPrintable(lines[e - 1]));
    }
    const QJsonObject result = run.result();
    QVERIFY2(!result.isEmpty(), qPrintable(lines.last()));
    QCOMPARE(result.value("epochs").toInt(), epochs);
    for (const char* key : {"train_loss", "test_loss", "train_accuracy", "test_accuracy"}) {
        QVERIFY2(result.value(key).isDouble(), key);
        QVERIFY2(std::isfinite(result.value(key).toDouble()), key);
    }
    QVERIFY(result.value("train_loss").toDouble() > 0);
    const double accuracy = result.value("test_accuracy").toDouble();
    QVERIFY2(accuracy >= 0 && accuracy <= 1, qPrintable(QString::number(accuracy)));
    QVERIFY(!result.contains("test_r2"));
}

void TestCli::anEnsembleReportsEveryMember() {
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QJsonObject project = withTraining(circleProject(4), "ensemble",
                                             QJsonObject{{"members", 3}, {"bootstrap", true}});
    const QString saved = dir.filePath("trained.nnplay");
    const CliRun run = runCli(
        {"train", writeProject(dir, "ensemble.nnplay", project), "--quiet", "--save", saved});
    QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
    const QJsonObject result = run.result();
    QVERIFY(result.value("test_accuracy").isDouble());
    const QJsonArray members = result.value("member_test_accuracy").toArray();
    QCOMPARE(members.size(), 3);
    for (const QJsonValue& v : members) QVERIFY(v.isDouble() && v.toDouble() >= 0.0);
    QVERIFY2(run.out.contains("\"member_test_accuracy\":["), qPrintable(run.out));

    // The saved file keeps the other two members; evaluate scores their average, as train did.
    QFile file(saved);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QJsonObject back = QJsonDocument::fromJson(file.readAll()).object();
    QCOMPARE(back["ensemble_members"].toArray().size(), 2);
    const CliRun evaluated = runCli({"evaluate", saved});
    QVERIFY2(evaluated.exitCode == 0, qPrintable(evaluated.describe()));
    QCOMPARE(evaluated.result().value("accuracy").toDouble(),
             result.value("test_accuracy").toDouble());

    // The PyTorch export writes one network: it says so rather than export member 1 alone.
    const CliRun exported = runCli({"export", saved, "--pytorch", dir.filePath("model.py")});
    QVERIFY(exported.exitCode != 0);
    QVERIFY2(exported.err.contains("ensemble of 3"), qPrintable(exported.describe()));
    QVERIFY(!QFile::exists(dir.filePath("model.py")));
}

void TestCli::trainReportsValidationAndTheKeptEpoch() {
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    // Without a validation part: val_ values are null and the kept epoch is the last one.
    const CliRun plain =
        runCli({"train", writeProject(dir, "plain.nnplay", circleProject(4)), "--quiet"});
    QVERIFY2(plain.exitCode == 0, qPrintable(plain.describe()));
    QJsonObject result = plain.result();
    QVERIFY(result.value("val_loss").isNull());
    QVERIFY(result.value("val_accuracy").isNull());
    QCOMPARE(result.value("best_epoch").toInt(), 4);

    // A big network on few noisy points overfits: early stopping keeps an earlier epoch,
    // chosen on the validation part, and says so.
    QJsonObject project = withLayers(
        circleProject(500), QJsonArray{layer("dense", 64), layer("relu"), layer("dense", 64),
                                       layer("relu"), layer("dense", 1), layer("sigmoid")});
    QJsonObject data = project["data"].toObject();
    data["source"] = "xor";
    data["samples"] = 120;
    data["noise"] = 0.5;
    data["validation_fraction"] = 0.4;
    project["data"] = data;
    project = withTraining(project, "early_stopping", QJsonObject{{"patience", 5}});
    const QString saved = dir.filePath("stopped.nnplay");
    const CliRun run =
        runCli({"train", writeProject(dir, "early.nnplay", project), "--save", saved});
    QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
    QVERIFY2(run.outLines().first().contains("val_loss"), qPrintable(run.outLines().first()));
    result = run.result();
    QCOMPARE(result.value("stopped").toString(), QStringLiteral("early_stopping"));
    for (const char* key : {"val_loss", "val_accuracy", "test_loss"})
        QVERIFY2(result.value(key).isDouble(), key);
    const int epochs = result.value("epochs").toInt();
    const int best = result.value("best_epoch").toInt();
    QCOMPARE(best, epochs - 5);
    QVERIFY2(run.err.contains(QStringLiteral("weights of epoch %1").arg(best)),
             qPrintable(run.err));
    QVERIFY2(run.err.contains("validation loss"), qPrintable(run.err));
    // The saved history has the validation columns.
    QFile file(saved);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QVERIFY(file.readAll().contains("\"val_loss\""));
}

void TestCli::savedProjectValidatesAndPredicts() {
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString project = writeProject(dir, "circle.nnplay", circleProject(20));
    const QString saved = dir.filePath("trained.nnplay");
    const QString curves = dir.filePath("curves.png");
    const CliRun train = runCli({"train", project, "--save", saved, "--plot", curves, "--quiet"});
    QVERIFY2(train.exitCode == 0, qPrintable(train.describe()));
    QCOMPARE(train.outLines().size(), 1);  // --quiet: only the result
    QCOMPARE(train.result().value("epochs").toInt(), 20);
    // --plot draws the window's curves offscreen, without a word of Qt's on stderr.
    QVERIFY2(train.err.isEmpty(), qPrintable(train.describe()));
    QFile png(curves);
    QVERIFY(png.open(QIODevice::ReadOnly));
    const QByteArray head = png.read(24);
    QVERIFY(head.startsWith("\x89PNG\r\n\x1a\n"));
    auto bigEndian = [&](int at) {
        return (static_cast<unsigned char>(head[at]) << 24) |
               (static_cast<unsigned char>(head[at + 1]) << 16) |
               (static_cast<unsigned char>(head[at + 2]) << 8) |
               static_cast<unsigned char>(head[at + 3]);
    };
    QCOMPARE(bigEndian(16), 1200);  // IHDR: width, then height
    QCOMPARE(bigEndian(20), 800);
    QVERIFY(png.size() > 20000);  // curves, axes and text, not an empty frame

    // The saved file holds weights (units x inputs) and one history record per epoch.
    QFile file(saved);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QJsonObject doc = QJsonDocument::fromJson(file.readAll()).object();
    const QJsonArray layers = doc["network"].toObject()["layers"].toArray();
    QCOMPARE(layers.size(), 4);
    const QJsonArray weights = layers[0].toObject()["weights"].toArray();
    QCOMPARE(weights.size(), 4);
    QCOMPARE(weights[0].toArray().size(), 2);
    QCOMPARE(layers[0].toObject()["bias"].toArray().size(), 4);
    QCOMPARE(doc["history"].toArray().size(), 20);

    const CliRun validate = runCli({"validate", saved});
    QVERIFY2(validate.exitCode == 0, qPrintable(validate.describe()));

    // Points as a user would write them; the columns are found by name, in any order.
    QString csv = "x2,x1\n";
    const int rows = 7;
    for (int i = 0; i < rows; ++i) csv += QStringLiteral("%1,%2\n").arg(0.5 * i - 1.5).arg(4.0 - i);
    QVERIFY(writeFile(dir.filePath("X.csv"), csv.toUtf8()));
    const QString predictions = dir.filePath("P.csv");
    const CliRun predict =
        runCli({"predict", saved, "--data", dir.filePath("X.csv"), "--out", predictions});
    QVERIFY2(predict.exitCode == 0, qPrintable(predict.describe()));
    QFile out(predictions);
    QVERIFY(out.open(QIODevice::ReadOnly));
    const QStringList lines = QString::fromUtf8(out.readAll()).split('\n', Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), rows + 1);
    QCOMPARE(lines[0], QStringLiteral("prediction,probability_+1"));
    for (int i = 1; i <= rows; ++i) {
        const QStringList cells = lines[i].split(',');
        QCOMPARE(cells.size(), 2);
        bool ok = false;
        const double p = cells[1].toDouble(&ok);
        QVERIFY2(ok && p >= 0 && p <= 1, qPrintable(lines[i]));
        // The predicted class is the one the probability says.
        QCOMPARE(cells[0], p > 0.5 ? QStringLiteral("+1") : QStringLiteral("-1"));
    }
}

// A single tanh output lives in [-1, 1]; predict reports (y + 1) / 2, not y.
void TestCli::tanhOutputPredictsProbabilities() {
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QJsonObject tanhProject = withTraining(
        withLayers(circleProject(30),
                   QJsonArray{layer("dense", 4), layer("tanh"), layer("dense", 1), layer("tanh")}),
        "loss", "mse");
    const QString saved = dir.filePath("trained.nnplay");
    const CliRun train = runCli(
        {"train", writeProject(dir, "tanh.nnplay", tanhProject), "--save", saved, "--quiet"});
    QVERIFY2(train.exitCode == 0, qPrintable(train.describe()));
    QString csv = "x1,x2\n";
    const int rows = 10;
    for (int i = 0; i < rows; ++i) csv += QStringLiteral("%1,0\n").arg(0.5 * i);
    QVERIFY(writeFile(dir.filePath("X.csv"), csv.toUtf8()));
    const QString predictions = dir.filePath("P.csv");
    const CliRun predict =
        runCli({"predict", saved, "--data", dir.filePath("X.csv"), "--out", predictions});
    QVERIFY2(predict.exitCode == 0, qPrintable(predict.describe()));
    QFile out(predictions);
    QVERIFY(out.open(QIODevice::ReadOnly));
    const QStringList lines = QString::fromUtf8(out.readAll()).split('\n', Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), rows + 1);
    std::set<QString> seen;
    for (int i = 1; i <= rows; ++i) {
        const QStringList cells = lines[i].split(',');
        QCOMPARE(cells.size(), 2);
        bool ok = false;
        const double p = cells[1].toDouble(&ok);
        QVERIFY2(ok && p >= 0 && p <= 1, qPrintable(lines[i]));
        QCOMPARE(cells[0], p >= 0.5 ? QStringLiteral("+1") : QStringLiteral("-1"));
        seen.insert(cells[0]);
    }
    QCOMPARE(seen.size(), std::size_t(2));  // the centre and the outside differ
}

void TestCli::predictNeedsTrainedWeights() {
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString project = writeProject(dir, "circle.nnplay", circleProject());
    QVERIFY(writeFile(dir.filePath("X.csv"), "x1,x2\n0,0\n"));
    const CliRun run = runCli(
        {"predict", project, "--data", dir.filePath("X.csv"), "--out", dir.filePath("P.csv")});
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains("no trained weights"), qPrintable(run.err));
    QVERIFY2(isOneErrorLine(run.err), qPrintable(run.err));
    QVERIFY(!QFileInfo::exists(dir.filePath("P.csv")));
}

namespace {

const QString kGanExample = QStringLiteral(NNPLAY_EXAMPLES_DIR "/gan-ring.nnplay");

}  // namespace

void TestCli::ganTrainsSavesAndGoesOn() {
    QTemporaryDir dir;
    const QString trained = dir.filePath("trained.nnplay");
    const CliRun run = runCli({"train", kGanExample, "--steps", "500", "--save", trained});
    QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
    // A line per measure (every 100 steps), then the figures.
    QCOMPARE(run.outLines().size(), 6);
    QVERIFY(run.outLines().first().startsWith("step 100  d_loss "));
    const QJsonObject result = run.result();
    QCOMPARE(result["steps"].toInt(), 500);
    for (const char* key : {"d_loss", "g_loss", "js_divergence", "kl_divergence"})
        QVERIFY2(result[key].isDouble(), key);
    QCOMPARE(result["modes_total"].toInt(), 8);
    QVERIFY(result["modes_covered"].toInt() >= 0 && result["modes_covered"].toInt() <= 8);
    QCOMPARE(result["stopped"].toString(), QString("completed"));
    // Both networks' weights are saved, and the saved GAN goes on from them.
    QFile file(trained);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QJsonObject saved = QJsonDocument::fromJson(file.readAll()).object();
    for (const char* network : {"generator", "discriminator"})
        QVERIFY(saved[network].toObject()["layers"].toArray()[0].toObject().contains("weights"));
    QCOMPARE(saved["history"].toArray().size(), 5);
    const CliRun more = runCli({"train", trained, "--steps", "100", "--quiet"});
    QVERIFY2(more.exitCode == 0, qPrintable(more.describe()));
    QCOMPARE(more.result()["steps"].toInt(), 600);
    const CliRun validate = runCli({"validate", trained});
    QVERIFY2(validate.exitCode == 0, qPrintable(validate.describe()));
    QVERIFY(validate.out.contains("generator\n") && validate.out.contains("discriminator\n"));
    QVERIFY(validate.out.contains("total parameters: 291"));  // G 96 + 66, D 96 + 33
}

void TestCli::ganGeneratesSamples() {
    QTemporaryDir dir;
    const QString trained = dir.filePath("trained.nnplay");
    QCOMPARE(runCli({"train", kGanExample, "--steps", "50", "--quiet", "--save", trained}).exitCode,
             0);
    auto generate = [&](const QString& seed) {
        const QString out = dir.filePath("samples" + seed + ".csv");
        const CliRun run =
            runCli({"generate", trained, "--count", "10", "--out", out, "--seed", seed});
        QFile file(out);
        if (run.exitCode != 0 || !file.open(QIODevice::ReadOnly))
            return QStringList{run.describe()};
        return QString::fromUtf8(file.readAll()).split('\n', Qt::SkipEmptyParts);
    };
    const QStringList rows = generate("3");
    QCOMPARE(rows.size(), 11);
    QCOMPARE(rows[0], QString("x1,x2"));
    for (int i = 1; i < rows.size(); ++i) {
        const QStringList cells = rows[i].split(',');
        QCOMPARE(cells.size(), 2);
        bool ok = false;
        cells[1].toDouble(&ok);
        QVERIFY(ok);
    }
    QCOMPARE(generate("3"), rows);
    QVERIFY(generate("4") != rows);

    // Images: the pixels row by row, on the data's scale.
    QJsonObject digits = QJsonDocument::fromJson(R"({"format": "nnplay-project", "version": 1,
        "task": "gan", "data": {"source": "digits", "digit": 0}, "noise": {"dim": 8},
        "generator": {"layers": [{"type": "dense", "units": 64}, {"type": "sigmoid"}]},
        "discriminator": {"layers": [{"type": "flatten"}, {"type": "dense", "units": 1},
                                     {"type": "sigmoid"}]}})")
                             .object();
    const QString digitsPath = writeProject(dir, "digits.nnplay", digits);
    const QString digitsTrained = dir.filePath("digits-trained.nnplay");
    const CliRun train =
        runCli({"train", digitsPath, "--steps", "20", "--quiet", "--save", digitsTrained});
    QVERIFY2(train.exitCode == 0, qPrintable(train.describe()));
    QVERIFY(!train.result().contains("js_divergence"));
    const QString out = dir.filePath("digits.csv");
    QCOMPARE(runCli({"generate", digitsTrained, "--count", "3", "--out", out}).exitCode, 0);
    QFile file(out);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QStringList lines = QString::fromUtf8(file.readAll()).split('\n', Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 4);
    QVERIFY(lines[0].startsWith("pixel_0_0,pixel_0_1,"));
    QCOMPARE(lines[1].split(',').size(), 64);
    for (const QString& cell : lines[2].split(','))
        QVERIFY(cell.toDouble() >= 0 && cell.toDouble() <= 1);
}

void TestCli::ganIsRefusedWhereItDoesNotFit() {
    QTemporaryDir dir;
    const QString trained = dir.filePath("trained.nnplay");
    QCOMPARE(runCli({"train", kGanExample, "--steps", "10", "--quiet", "--save", trained}).exitCode,
             0);
    const CliRun predict = runCli(
        {"predict", trained, "--data", dir.filePath("x.csv"), "--out", dir.filePath("p.csv")});
    QCOMPARE(predict.exitCode, 2);
    QVERIFY2(predict.err.contains("predict works on classification and regression projects"),
             qPrintable(predict.err));
    // Noise of the wrong width, or with a cell that is not a number, names the file and why.
    QVERIFY(nnplay::test::writeFile(dir.filePath("wide.csv"), "1,2,3\n"));
    const CliRun wide = runCli(
        {"generate", trained, "--noise", dir.filePath("wide.csv"), "--out", dir.filePath("s.csv")});
    QCOMPARE(wide.exitCode, 2);
    QVERIFY2(wide.err.contains("wide.csv") && wide.err.contains("3 columns"), qPrintable(wide.err));
    QVERIFY(nnplay::test::writeFile(dir.filePath("word.csv"), "z1,z2\n0.5,high\n"));
    const CliRun word = runCli(
        {"generate", trained, "--noise", dir.filePath("word.csv"), "--out", dir.filePath("s.csv")});
    QCOMPARE(word.exitCode, 2);
    QVERIFY2(word.err.contains("word.csv") && word.err.contains("high"), qPrintable(word.err));
    QVERIFY(!QFile::exists(dir.filePath("s.csv")));
    const CliRun untrained =
        runCli({"generate", kGanExample, "--count", "5", "--out", dir.filePath("s.csv")});
    QCOMPARE(untrained.exitCode, 2);
    QVERIFY(untrained.err.contains("no trained weights"));
    QCOMPARE(runCli({"train", kGanExample, "--epochs", "3"}).exitCode, 2);
    QCOMPARE(runCli({"generate", trained, "--out", dir.filePath("s.csv")}).exitCode, 2);
    const CliRun tooMany =
        runCli({"generate", trained, "--count", "100001", "--out", dir.filePath("s.csv")});
    QCOMPARE(tooMany.exitCode, 2);
    QVERIFY2(tooMany.err.contains("--count is at most 100000 samples a run, not 100001"),
             qPrintable(tooMany.err));
    QVERIFY(tooMany.err.contains("usage: nnplay-cli"));
    QVERIFY(!QFileInfo::exists(dir.filePath("s.csv")));
}

void TestCli::validatePrintsShapesAndParameters() {
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const CliRun run = runCli({"validate", writeProject(dir, "circle.nnplay", circleProject())});
    QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
    // # layer output params: 2 -> Dense 4 (4*2 + 4) -> Tanh -> Dense 1 (1*4 + 1) -> Sigmoid.
    const QList<QStringList> expected{{"1", "Dense", "4", "12"},
                                      {"2", "Tanh", "4", "0"},
                                      {"3", "Dense", "1", "5"},
                                      {"4", "Sigmoid", "1", "0"}};
    for (int i = 0; i < expected.size(); ++i) QCOMPARE(fields(tableLine(run, i + 1)), expected[i]);
    QVERIFY2(run.out.contains("total parameters: 17"), qPrintable(run.out));
    QVERIFY(run.err.isEmpty());
}

void TestCli::validateNamesTheImpossibleLayer() {
    // Two classes with BCE need one output; a final Dense of 3 units cannot work.
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QJsonObject project = withLayers(
        circleProject(),
        QJsonArray{layer("dense", 4), layer("relu"), layer("dense", 3), layer("sigmoid")});
    const CliRun run = runCli({"validate", writeProject(dir, "bad.nnplay", project)});
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(isOneErrorLine(run.err), qPrintable(run.err));
    QVERIFY2(run.err.contains("Dense (layer 3)"), qPrintable(run.err));
    QVERIFY2(run.err.contains("3 outputs"), qPrintable(run.err));
    // The table still shows the layers before the culprit and marks the culprit.
    QCOMPARE(fields(tableLine(run, 1)).mid(0, 4), (QStringList{"1", "Dense", "4", "12"}));
    QVERIFY2(tableLine(run, 3).contains("<-"), qPrintable(run.out));

    // train refuses the same project with the same exit code, before any epoch.
    const CliRun train = runCli({"train", dir.filePath("bad.nnplay")});
    QCOMPARE(train.exitCode, 2);
    QVERIFY2(train.err.contains("Dense (layer 3)"), qPrintable(train.err));
    QVERIFY(!train.out.contains("epoch 1"));
}

void TestCli::validateAgreesWithTrainOnStoredWeights() {
    // Weights written inputs x units (Keras' layout) instead of units x inputs (PyTorch's): the
    // count fits (3 x 2 = 2 x 3) but the shape does not. train refuses the project, so validate
    // must refuse it too, naming the layer.
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QJsonObject project = withLayers(
        circleProject(),
        QJsonArray{QJsonObject{{"type", "dense"},
                               {"units", 2},
                               {"weights",
                                QJsonArray{QJsonArray{1, 2}, QJsonArray{3, 4}, QJsonArray{5, 6}}},
                               {"bias", QJsonArray{0, 0}}},
                   layer("tanh"), layer("dense", 1), layer("sigmoid")});
    QJsonObject data = project["data"].toObject();
    data["features"] = QJsonArray{"x1", "x2", "x1*x2"};
    project["data"] = data;
    const QString path = writeProject(dir, "transposed.nnplay", project);

    const CliRun train = runCli({"train", path});
    QCOMPARE(train.exitCode, 2);
    QVERIFY2(train.err.contains("Dense (layer 1)"), qPrintable(train.err));
    const CliRun validate = runCli({"validate", path});
    QVERIFY2(validate.exitCode == 2, qPrintable(validate.describe()));
    QVERIFY2(validate.err.contains("Dense (layer 1)"), qPrintable(validate.err));
}

void TestCli::malformedJsonGivesLineAndColumn_data() {
    QTest::addColumn<QString>("command");
    QTest::newRow("train") << "train";
    QTest::newRow("validate") << "validate";
}

void TestCli::malformedJsonGivesLineAndColumn() {
    QFETCH(QString, command);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath("broken.nnplay");
    QVERIFY(writeFile(path, "{\n  \"format\": \"nnplay-project\",\n  \"version\": 1,,\n}\n"));
    const CliRun run = runCli({command, path});
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(isOneErrorLine(run.err), qPrintable(run.err));
    QVERIFY2(run.err.contains(path), qPrintable(run.err));
    QVERIFY2(run.err.contains(QRegularExpression("line 3, column \\d+")), qPrintable(run.err));
    QVERIFY(run.out.isEmpty());
}

void TestCli::usageErrors_data() {
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("reason");
    QTest::newRow("nothing") << QStringList{} << "usage:";
    QTest::newRow("unknown command") << QStringList{"fit", "p.nnplay"} << "unknown command 'fit'";
    QTest::newRow("train without project") << QStringList{"train"} << "exactly one PROJECT";
    QTest::newRow("validate without project") << QStringList{"validate"} << "exactly one PROJECT";
    QTest::newRow("two projects") << QStringList{"train", "a.nnplay", "b.nnplay"}
                                  << "exactly one PROJECT";
    QTest::newRow("unknown option")
        << QStringList{"train", "p.nnplay", "--epoch", "3"} << "unknown option --epoch";
    QTest::newRow("option without value")
        << QStringList{"train", "p.nnplay", "--epochs"} << "--epochs needs a value";
    QTest::newRow("epochs not a number")
        << QStringList{"train", "p.nnplay", "--epochs", "many"} << "'many'";
    QTest::newRow("plot of an unknown format")
        << QStringList{"train", "p.nnplay", "--plot", "curves.jpg"} << ".png, .svg or .pdf";
    QTest::newRow("predict without --out")
        << QStringList{"predict", "p.nnplay", "--data", "x.csv"} << "--out";
}

void TestCli::usageErrors() {
    QFETCH(QStringList, args);
    QFETCH(QString, reason);
    // A real p.nnplay, so that only the command line is at fault.
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QVERIFY(!writeProject(dir, "p.nnplay", circleProject()).isEmpty());
    const CliRun run = runCli(args, dir.path());
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains(reason), qPrintable(run.describe()));
    QVERIFY2(run.err.contains("usage: nnplay-cli train PROJECT"), qPrintable(run.describe()));
    QVERIFY(run.out.isEmpty());
}

void TestCli::missingProjectNamesThePath() {
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath("nowhere.nnplay");
    for (const QString& command : {QStringLiteral("train"), QStringLiteral("validate")}) {
        const CliRun run = runCli({command, path});
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(isOneErrorLine(run.err), qPrintable(run.err));
        QVERIFY2(run.err.contains(path), qPrintable(run.err));
    }
}

void TestCli::divergenceFails_data() {
    QTest::addColumn<QJsonObject>("project");
    QJsonObject regression = planeProject(20);
    regression = withTraining(withTraining(regression, "optimizer", "sgd"), "learning_rate", 1e6);
    QTest::newRow("regression, mse") << regression;
    QJsonObject classification = withLayers(
        circleProject(20),
        QJsonArray{layer("dense", 8), layer("relu"), layer("dense", 1), layer("sigmoid")});
    classification =
        withTraining(withTraining(classification, "optimizer", "sgd"), "learning_rate", 1e6);
    QTest::newRow("classification, bce") << classification;
}

void TestCli::divergenceFails() {
    QFETCH(QJsonObject, project);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const CliRun run = runCli({"train", writeProject(dir, "wild.nnplay", project)});
    QVERIFY2(run.exitCode == 1, qPrintable(run.describe()));
    QVERIFY2(isOneErrorLine(run.err), qPrintable(run.err));
    QVERIFY2(run.err.contains("diverged"), qPrintable(run.err));
    // The result line is still printed, and says why training stopped early.
    const QJsonObject result = run.result();
    QCOMPARE(result.value("stopped").toString(), QStringLiteral("diverged"));
    QVERIFY(result.value("epochs").toInt() < 20);
}

void TestCli::trainsOnACsvFile() {
    // 200 rows, three numeric columns on very different scales and a text label from a linear
    // rule; standardisation makes it an easy problem.
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QVERIFY(QDir(dir.path()).mkdir("project"));
    QString csv = "size,ratio,count,label\n";
    QRandomGenerator rng(7);
    for (int i = 0; i < 200; ++i) {
        const double size = rng.bounded(1000.0);
        const double ratio = rng.bounded(2.0) - 1.0;
        const double count = rng.bounded(10.0);
        const bool big = (size / 500.0 - 1.0) + 2.0 * ratio - (count / 5.0 - 1.0) > 0;
        csv += QStringLiteral("%1,%2,%3,%4\n")
                   .arg(size, 0, 'f', 2)
                   .arg(ratio, 0, 'f', 4)
                   .arg(count, 0, 'f', 3)
                   .arg(big ? QStringLiteral("big") : QStringLiteral("small"));
    }
    QVERIFY(writeFile(dir.filePath("project/data.csv"), csv.toUtf8()));
    const QJsonObject project{
        {"format", "nnplay-project"},
        {"version", 1},
        {"task", "classification"},
        {"data", QJsonObject{{"source", "csv"},
                             {"path", "data.csv"},
                             {"label", "label"},
                             {"standardize", true},
                             {"train_fraction", 0.7},
                             {"seed", 3}}},
        {"network", QJsonObject{{"layers", QJsonArray{layer("dense", 8), layer("relu"),
                                                      layer("dense", 1), layer("sigmoid")}}}},
        {"training", QJsonObject{{"loss", "bce"},
                                 {"optimizer", "adam"},
                                 {"learning_rate", 0.01},
                                 {"batch_size", 10},
                                 {"epochs", 60}}}};
    const QString path = writeProject(dir, "project/csv.nnplay", project);
    // Run from another folder: the CSV path is relative to the project file.
    const CliRun run = runCli({"train", path, "--quiet", "--save", dir.filePath("trained.nnplay")},
                              QDir::tempPath());
    QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
    const QJsonObject result = run.result();
    QCOMPARE(result.value("epochs").toInt(), 60);
    QVERIFY2(result.value("test_accuracy").toDouble() > 0.9, qPrintable(run.out));
}

void TestCli::regressionPrintsR2() {
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const CliRun run = runCli({"train", writeProject(dir, "plane.nnplay", planeProject(40))});
    QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
    QCOMPARE(run.outLines().size(), 41);
    QVERIFY2(!run.outLines().first().contains("acc"), qPrintable(run.outLines().first()));
    const QJsonObject result = run.result();
    QVERIFY2(result.value("test_r2").isDouble(), qPrintable(run.outLines().last()));
    QVERIFY2(result.value("test_r2").toDouble() > 0.9, qPrintable(run.outLines().last()));
    QVERIFY(!result.contains("test_accuracy"));
    QVERIFY(result.value("train_loss").toDouble() >= 0);
}

namespace {

/// Iris-like CSV: two numeric inputs and a class name; the classes are separable.
QByteArray flowersCsv() {
    QByteArray csv = "width,length,species\n";
    for (int i = 0; i < 60; ++i) {
        const double w = (i % 3) * 2.0 + 0.1 * (i % 7);
        const double l = 10.0 + (i % 3) * 5.0 - 0.2 * (i % 5);
        const char* species = i % 3 == 0 ? "setosa" : i % 3 == 1 ? "versicolor" : "virginica";
        csv += QByteArray::number(w) + "," + QByteArray::number(l) + "," + species + "\n";
    }
    return csv;
}

QJsonObject flowersProject(const QString& csv) {
    return QJsonObject{
        {"format", "nnplay-project"},
        {"version", 1},
        {"task", "classification"},
        {"data",
         QJsonObject{
             {"source", "csv"}, {"path", csv}, {"label", "species"}, {"standardize", true}}},
        {"network", QJsonObject{{"layers", QJsonArray{layer("dense", 6), layer("tanh"),
                                                      layer("dense", 3), layer("softmax")}}}},
        {"training", QJsonObject{{"loss", "cce"},
                                 {"optimizer", "adam"},
                                 {"learning_rate", 0.05},
                                 {"batch_size", 8},
                                 {"epochs", 20}}}};
}

QByteArray readBytes(const QString& path) {
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

}  // namespace

void TestCli::helpListsCommandsAndOptions() {
    const CliRun help = runCli({"--help"});
    QCOMPARE(help.exitCode, 0);
    for (const char* part : {"train", "validate", "predict", "check-lesson", "--epochs", "--seed",
                             "--save", "--quiet", "--data", "--out", "--no-header"})
        QVERIFY2(help.out.contains(part), qPrintable(help.describe()));
    const CliRun command = runCli({"predict", "--help"});
    QCOMPARE(command.exitCode, 0);
    QVERIFY2(command.out.contains("--no-header") && !command.out.contains("--epochs"),
             qPrintable(command.describe()));
    const CliRun lesson = runCli({"check-lesson", "--help"});
    QCOMPARE(lesson.exitCode, 0);
    QVERIFY2(lesson.out.contains("usage: nnplay-cli check-lesson LESSON") &&
                 lesson.out.contains("\"ok\"") && !lesson.out.contains("--epochs"),
             qPrintable(lesson.describe()));
    const CliRun version = runCli({"--version"});
    QCOMPARE(version.exitCode, 0);
    QVERIFY2(QRegularExpression("^nnplay-cli \\d+\\.\\d+").match(version.out).hasMatch(),
             qPrintable(version.describe()));
}

void TestCli::badNumbersAndKeysAreBadInput_data() {
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QString>("named");
    const QByteArray circle = QJsonDocument(circleProject()).toJson(QJsonDocument::Compact);
    auto replaced = [&](const char* from, const char* to) {
        QByteArray t = circle;
        return t.replace(from, to);
    };
    QTest::newRow("1e39") << replaced("\"learning_rate\":0.03", "\"learning_rate\":1e39")
                          << "training.learning_rate";
    QTest::newRow("1e400") << replaced("\"learning_rate\":0.03", "\"learning_rate\":1e400")
                           << "training.learning_rate";
    QTest::newRow("repeated key") << replaced("\"epochs\":5", "\"epochs\":5,\"epochs\":6")
                                  << "'epochs'";
    QTest::newRow("deep nesting") << QByteArray("{\"a\": ") + QByteArray(200000, '[') +
                                         QByteArray(200000, ']') + "}"
                                  << "levels deep";
    QTest::newRow("batch size 0") << replaced("\"batch_size\":10", "\"batch_size\":0")
                                  << "batch size";
    QTest::newRow("negative rate")
        << replaced("\"learning_rate\":0.03", "\"learning_rate\":-1") << "learning rate";
    QTest::newRow("negative epochs") << replaced("\"epochs\":5", "\"epochs\":-1") << "epochs";
    QTest::newRow("negative units") << replaced("\"units\":4", "\"units\":-5") << "Units";
}

void TestCli::badNumbersAndKeysAreBadInput() {
    QFETCH(QByteArray, text);
    QFETCH(QString, named);
    QTemporaryDir dir;
    const QString path = dir.filePath("bad.nnplay");
    QVERIFY(writeFile(path, text));
    for (const char* command : {"validate", "train"}) {
        const CliRun run = runCli({command, path});
        QVERIFY2(run.exitCode == 2, qPrintable(run.describe().left(2000)));
        QVERIFY2(run.err.contains(named) && run.err.contains(path), qPrintable(run.describe()));
        QVERIFY2(isOneErrorLine(run.err), qPrintable(run.describe()));
    }
}

void TestCli::hugeBatchSizeTrains() {
    QTemporaryDir dir;
    const QString path =
        writeProject(dir, "big.nnplay", withTraining(circleProject(2), "batch_size", 1e9));
    const CliRun run = runCli({"train", path, "--quiet"});
    QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
    QCOMPARE(run.result()["epochs"].toInt(), 2);
}

void TestCli::predictWithoutTheTrainingCsv() {
    QTemporaryDir dir;
    QVERIFY(writeFile(dir.filePath("flowers.csv"), flowersCsv()));
    QVERIFY(writeFile(dir.filePath("rows.csv"), flowersCsv()));
    const QString project = writeProject(dir, "p.nnplay", flowersProject("flowers.csv"));
    const QString saved = dir.filePath("trained.nnplay");
    const CliRun train = runCli({"train", project, "--quiet", "--save", saved});
    QVERIFY2(train.exitCode == 0, qPrintable(train.describe()));
    const CliRun before = runCli({"predict", saved, "--data", dir.filePath("rows.csv"), "--out",
                                  dir.filePath("before.csv")});
    QVERIFY2(before.exitCode == 0, qPrintable(before.describe()));
    QVERIFY(QFile::remove(dir.filePath("flowers.csv")));
    const CliRun after = runCli(
        {"predict", saved, "--data", dir.filePath("rows.csv"), "--out", dir.filePath("after.csv")});
    QVERIFY2(after.exitCode == 0, qPrintable(after.describe()));
    const QByteArray expected = readBytes(dir.filePath("before.csv"));
    QCOMPARE(expected.count('\n'), 61);
    QVERIFY(expected.contains("virginica"));
    QCOMPARE(readBytes(dir.filePath("after.csv")), expected);
}

void TestCli::keptCsvDataTrainsValidatesAndPredicts() {
    // The data lives inside the project; the path names a file no machine has.
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QJsonObject project = flowersProject("/nowhere/flowers.csv");
    QJsonObject data = project["data"].toObject();
    data["csv_text"] = QString::fromUtf8(flowersCsv());
    project["data"] = data;
    const QString path = writeProject(dir, "kept.nnplay", project);
    const CliRun validate = runCli({"validate", path});
    QVERIFY2(validate.exitCode == 0, qPrintable(validate.describe()));
    const QString saved = dir.filePath("trained.nnplay");
    const CliRun train = runCli({"train", path, "--quiet", "--save", saved});
    QVERIFY2(train.exitCode == 0, qPrintable(train.describe()));
    // The trained project still carries its data.
    const QJsonObject back = QJsonDocument::fromJson(readBytes(saved)).object();
    QCOMPARE(back["data"].toObject()["csv_text"].toString(), QString::fromUtf8(flowersCsv()));
    QVERIFY(writeFile(dir.filePath("rows.csv"), flowersCsv()));
    const CliRun predict = runCli(
        {"predict", saved, "--data", dir.filePath("rows.csv"), "--out", dir.filePath("out.csv")});
    QVERIFY2(predict.exitCode == 0, qPrintable(predict.describe()));
    QCOMPARE(readBytes(dir.filePath("out.csv")).count('\n'), 61);
    // A bad cell in the kept text is named after the file it came from.
    data["csv_text"] = "width,length,species\n1,2,a\n1,x,b\n";
    project["data"] = data;
    const CliRun bad = runCli({"validate", writeProject(dir, "bad.nnplay", project)});
    QVERIFY2(bad.exitCode != 0 && bad.err.contains("flowers.csv (kept in the project), line 3"),
             qPrintable(bad.describe()));
}

void TestCli::predictMatchesColumnsByName() {
    QTemporaryDir dir;
    QVERIFY(writeFile(dir.filePath("flowers.csv"), flowersCsv()));
    const QString saved = dir.filePath("trained.nnplay");
    const CliRun train =
        runCli({"train", writeProject(dir, "p.nnplay", flowersProject("flowers.csv")), "--quiet",
                "--save", saved});
    QVERIFY2(train.exitCode == 0, qPrintable(train.describe()));
    auto predict = [&](const QByteArray& csv, QStringList extra = {}) {
        writeFile(dir.filePath("rows.csv"), csv);
        QFile::remove(dir.filePath("out.csv"));
        const CliRun run = runCli(QStringList{"predict", saved, "--data", dir.filePath("rows.csv"),
                                              "--out", dir.filePath("out.csv")} +
                                  extra);
        return std::make_pair(run, readBytes(dir.filePath("out.csv")));
    };
    const auto [plain, expected] = predict("width,length\n0.1,10\n4.2,19.6\n2.3,15\n");
    QVERIFY2(plain.exitCode == 0, qPrintable(plain.describe()));
    // Another order and an extra column: matched by name, same answers.
    const auto [swapped, same] = predict("extra,length,width\n7,10,0.1\n7,19.6,4.2\n7,15,2.3\n");
    QVERIFY2(swapped.exitCode == 0, qPrintable(swapped.describe()));
    QCOMPARE(same, expected);
    // A missing column is named, not replaced by whatever stands there.
    const auto [missing, none] = predict("width,height\n0.1,10\n");
    QCOMPARE(missing.exitCode, 2);
    QVERIFY2(missing.err.contains("'length'") && isOneErrorLine(missing.err),
             qPrintable(missing.describe()));
    // Without a header the first row is data: said, and read by position with --no-header.
    const auto [headerless, nothing] = predict("0.1,10\n4.2,19.6\n2.3,15\n");
    QCOMPARE(headerless.exitCode, 2);
    QVERIFY2(headerless.err.contains("--no-header"), qPrintable(headerless.describe()));
    const auto [positional, byPosition] = predict("0.1,10\n4.2,19.6\n2.3,15\n", {"--no-header"});
    QVERIFY2(positional.exitCode == 0, qPrintable(positional.describe()));
    QCOMPARE(byPosition, expected);
}

void TestCli::standardizedTargetsPredictInOriginalUnits() {
    QTemporaryDir dir;
    QByteArray csv = "x,y\n";
    for (int i = 0; i < 80; ++i) {
        const double x = -2.0 + 4.0 * i / 79.0;
        csv += QByteArray::number(x) + "," + QByteArray::number(5000.0 + 1000.0 * x) + "\n";
    }
    QVERIFY(writeFile(dir.filePath("line.csv"), csv));
    QJsonObject project = planeProject(150);
    project["data"] = QJsonObject{{"source", "csv"},
                                  {"path", "line.csv"},
                                  {"label", "y"},
                                  {"standardize", true},
                                  {"standardize_target", true}};
    project = withLayers(project, QJsonArray{layer("dense", 1), layer("linear")});
    const QString saved = dir.filePath("trained.nnplay");
    const CliRun train =
        runCli({"train", writeProject(dir, "p.nnplay", project), "--quiet", "--save", saved});
    QVERIFY2(train.exitCode == 0, qPrintable(train.describe()));
    QVERIFY(writeFile(dir.filePath("rows.csv"), "x\n-1\n0\n1.5\n"));
    const CliRun run = runCli(
        {"predict", saved, "--data", dir.filePath("rows.csv"), "--out", dir.filePath("out.csv")});
    QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
    const QList<QByteArray> lines = readBytes(dir.filePath("out.csv")).trimmed().split('\n');
    QCOMPARE(lines.size(), 4);
    const double expected[] = {4000.0, 5000.0, 6500.0};
    for (int i = 0; i < 3; ++i) {
        const double value = lines[i + 1].toDouble();
        QVERIFY2(std::abs(value - expected[i]) < 100.0, lines[i + 1].constData());
    }
}

void TestCli::csvMessagesAreOneSafeLine() {
    QTemporaryDir dir;
    QVERIFY(writeFile(dir.filePath("flowers.csv"), flowersCsv()));
    const QString saved = dir.filePath("trained.nnplay");
    QCOMPARE(runCli({"train", writeProject(dir, "p.nnplay", flowersProject("flowers.csv")),
                     "--quiet", "--save", saved})
                 .exitCode,
             0);
    auto predictError = [&](const QByteArray& csv) {
        writeFile(dir.filePath("rows.csv"), csv);
        return runCli({"predict", saved, "--data", dir.filePath("rows.csv"), "--out",
                       dir.filePath("out.csv")});
    };
    const CliRun control = predictError(
        "width,length\n1,\"a\x01"
        "b\nc\"\n");
    QCOMPARE(control.exitCode, 2);
    QVERIFY2(isOneErrorLine(control.err) && control.err.contains("\\x01") &&
                 control.err.contains("\\n") && !control.err.contains(QChar(1)),
             qPrintable(control.describe()));
    const CliRun nul = predictError(QByteArray("width,length\n1,a\0b\n", 19));
    QVERIFY2(nul.exitCode == 2 && nul.err.contains("\\x00"), qPrintable(nul.describe()));
    const CliRun utf8 = predictError("width,length\n1,\xff\xfe\n");
    QVERIFY2(utf8.exitCode == 2 && utf8.err.contains("\\xff"), qPrintable(utf8.describe()));
    const CliRun large = predictError("width,length\n1,1e39\n");
    QVERIFY2(large.exitCode == 2 && large.err.contains("out of range") &&
                 !large.err.contains("not a number"),
             qPrintable(large.describe()));
}

void TestCli::savingOntoAFolderIsRefused() {
    QTemporaryDir dir;
    QVERIFY(QDir().mkdir(dir.filePath("out")));
    const CliRun run = runCli({"train", writeProject(dir, "c.nnplay", circleProject(200)), "--save",
                               dir.filePath("out")});
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains("folder") && run.outLines().isEmpty(), qPrintable(run.describe()));
    QVERIFY(QFileInfo(dir.filePath("out")).isDir());
}

void TestCli::terminatedTrainLeavesNoTemporaryFile() {
    for (const int signal : {SIGTERM, SIGINT}) {
        QTemporaryDir dir;
        const QString project = writeProject(dir, "c.nnplay", circleProject(100000));
        QProcess process;
        process.start(QString::fromUtf8(NNPLAY_CLI_PATH),
                      {"train", project, "--quiet", "--save", dir.filePath("out.nnplay")});
        QVERIFY(process.waitForStarted(10000));
        // The temporary file is claimed before training starts.
        QTRY_VERIFY_WITH_TIMEOUT(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden).size() == 2,
                                 60000);
        ::kill(static_cast<pid_t>(process.processId()), signal);
        QVERIFY(process.waitForFinished(60000));
        QCOMPARE(process.exitStatus(), QProcess::CrashExit);
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden), QStringList{"c.nnplay"});
    }
}

void TestCli::appPrintsHelpWithoutADisplay() {
#ifdef NNPLAY_APP_PATH
    for (const char* option : {"--help", "--version"}) {
        QProcess process;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        for (const char* name : {"DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"}) env.remove(name);
        process.setProcessEnvironment(env);
        process.start(QStringLiteral(NNPLAY_APP_PATH), {option});
        QVERIFY(process.waitForFinished(60000));
        QCOMPARE(process.exitStatus(), QProcess::NormalExit);
        QCOMPARE(process.exitCode(), 0);
        const QString out = QString::fromUtf8(process.readAllStandardOutput());
        QVERIFY2(out.contains("nnplay"), qPrintable(out + process.readAllStandardError()));
    }
#else
    QSKIP("the window is not built");
#endif
}

void TestCli::everyLessonKeepsItsPromises_data() {
    QTest::addColumn<QString>("path");
    const QDir folder(QStringLiteral(NNPLAY_LESSONS_DIR));
    const QStringList files = folder.entryList({"*.nnplay"}, QDir::Files);
    QVERIFY(files.size() >= 6);
    for (const QString& name : files) QTest::newRow(qPrintable(name)) << folder.filePath(name);
}

void TestCli::everyLessonKeepsItsPromises() {
    QFETCH(QString, path);
    const CliRun run = runCli({"check-lesson", path});
    QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
    QVERIFY2(run.err.isEmpty(), qPrintable(run.describe()));
    const QJsonDocument lesson = [&] {
        QFile file(path);
        file.open(QIODevice::ReadOnly);
        return QJsonDocument::fromJson(file.readAll());
    }();
    const QJsonArray variants = lesson["lesson"]["variants"].toArray();
    const bool regression = lesson["task"].toString() == QLatin1String("regression");
    const bool gan = lesson["task"].toString() == QLatin1String("gan");
    const QStringList lines = run.outLines();
    QCOMPARE(lines.size(), variants.size());
    for (int i = 0; i < lines.size(); ++i) {
        const QJsonObject line = QJsonDocument::fromJson(lines[i].toUtf8()).object();
        QCOMPARE(line["variant"].toString(), variants[i]["name"].toString());
        QVERIFY2(line["ok"].toBool(), qPrintable(lines[i]));
        if (gan) {
            // A GAN has no test part: its measures compare generated with real samples.
            for (const char* key :
                 {"epochs", "js_divergence", "kl_divergence", "modes_covered", "diverged"})
                QVERIFY2(line.contains(key), qPrintable(lines[i]));
            continue;
        }
        for (const char* key : {"epochs", "train_loss", "test_loss", "gap", "diverged"})
            QVERIFY2(line.contains(key), qPrintable(lines[i]));
        // Accuracy only where there are classes.
        for (const char* key : {"train_accuracy", "test_accuracy"})
            QVERIFY2(line.contains(key) != regression, qPrintable(lines[i]));
    }
}

void TestCli::checkLessonFailsWhenAnOutcomeFails() {
    QTemporaryDir dir;
    QJsonObject project = circleProject(20);
    project["lesson"] = QJsonObject{
        {"goal", "A circle needs a hidden layer."},
        {"variants",
         QJsonArray{
             QJsonObject{{"name", "kept"}, {"expect", QJsonObject{{"diverged", false}}}},
             QJsonObject{{"name", "impossible"},
                         {"changes", QJsonObject{{"training", QJsonObject{{"epochs", 2}}}}},
                         {"expect", QJsonObject{{"test_accuracy", QJsonObject{{"at_least", 1.0}}},
                                                {"diverged", true}}}}}}};
    const CliRun run = runCli({"check-lesson", writeProject(dir, "lesson.nnplay", project)});
    QCOMPARE(run.exitCode, 1);
    const QStringList lines = run.outLines();
    QCOMPARE(lines.size(), 2);
    const QJsonObject kept = QJsonDocument::fromJson(lines[0].toUtf8()).object();
    const QJsonObject impossible = QJsonDocument::fromJson(lines[1].toUtf8()).object();
    QCOMPARE(kept["variant"].toString(), QString("kept"));
    QCOMPARE(kept["ok"].toBool(), true);
    QCOMPARE(kept["epochs"].toInt(), 20);
    QCOMPARE(impossible["ok"].toBool(), false);
    QCOMPARE(impossible["epochs"].toInt(), 2);
    QCOMPARE(impossible["diverged"].toBool(), false);
    const double gap = impossible["test_loss"].toDouble() - impossible["train_loss"].toDouble();
    QVERIFY(std::abs(impossible["gap"].toDouble() - gap) < 1e-6);
    // Each failed outcome is one line naming the variant.
    const QStringList errors = run.err.split('\n', Qt::SkipEmptyParts);
    QCOMPARE(errors.size(), 2);
    for (const QString& e : errors) QVERIFY2(e.contains("the variant 'impossible'"), qPrintable(e));
    // In the file's order (QJsonObject writes its keys sorted).
    QVERIFY2(errors[0].contains("did not diverge"), qPrintable(run.err));
    QVERIFY2(errors[1].contains("test_accuracy is") && errors[1].contains("below the lesson's 1"),
             qPrintable(run.err));
}

void TestCli::checkLessonRefusesBadLessons_data() {
    QTest::addColumn<QJsonValue>("lesson");
    QTest::addColumn<QString>("message");
    QTest::newRow("no lesson") << QJsonValue() << "has no \"lesson\" section";
    QTest::newRow("unknown control")
        << QJsonValue(QJsonObject{{"goal", "g"}, {"hide", QJsonArray{"speed"}}})
        << "lesson.hide names an unknown control 'speed'";
    QTest::newRow("variant breaks the project")
        << QJsonValue(QJsonObject{
               {"goal", "g"},
               {"variants",
                QJsonArray{QJsonObject{
                    {"name", "no batches"},
                    {"changes", QJsonObject{{"training", QJsonObject{{"batch_size", 0}}}}}}}}})
        << "the variant 'no batches' makes a project that cannot be used";
    QTest::newRow("variant whose data cannot load")
        << QJsonValue(QJsonObject{
               {"goal", "g"},
               {"variants",
                QJsonArray{QJsonObject{
                    {"name", "elsewhere"},
                    {"changes", QJsonObject{{"data", QJsonObject{{"source", "csv"},
                                                                 {"path", "missing.csv"},
                                                                 {"label", "y"}}}}}}}}})
        << "the variant 'elsewhere'";
}

void TestCli::checkLessonRefusesBadLessons() {
    QFETCH(QJsonValue, lesson);
    QFETCH(QString, message);
    QTemporaryDir dir;
    QJsonObject project = circleProject(2);
    if (!lesson.isNull()) project["lesson"] = lesson;
    const CliRun run = runCli({"check-lesson", writeProject(dir, "lesson.nnplay", project)});
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(isOneErrorLine(run.err) && run.err.contains(message), qPrintable(run.describe()));
    QVERIFY2(run.out.isEmpty(), qPrintable(run.describe()));
}

void TestCli::crossValidatePrintsEachFoldAndTheirSpread() {
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString project = writeProject(dir, "circle.nnplay", circleProject(3));
    const CliRun run = runCli({"cross-validate", project, "--folds", "4"});
    QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
    const QStringList lines = run.out.trimmed().split('\n');
    QCOMPARE(lines.size(), 5);
    double sum = 0.0;
    for (int f = 0; f < 4; ++f) {
        const QJsonObject fold = QJsonDocument::fromJson(lines[f].toUtf8()).object();
        QCOMPARE(fold.value("fold").toInt(), f + 1);
        QVERIFY(fold.value("val_accuracy").isDouble());
        sum += fold.value("val_accuracy").toDouble();
    }
    const QJsonObject total = run.result();
    QCOMPARE(total.value("folds").toInt(), 4);
    const QJsonObject accuracy = total.value("val_accuracy").toObject();
    QVERIFY(std::abs(accuracy.value("mean").toDouble() - sum / 4.0) < 1e-9);
    QVERIFY(accuracy.value("std").toDouble() >= 0.0);
    // Bad fold counts are bad input, said in one line.
    for (const char* folds : {"1", "21", "x"}) {
        const CliRun bad = runCli({"cross-validate", project, "--folds", folds});
        QCOMPARE(bad.exitCode, 2);
        QVERIFY2(bad.err.contains("fold"), qPrintable(bad.describe()));
    }
    QCOMPARE(runCli({"cross-validate", project}).exitCode, 2);
}

QTEST_GUILESS_MAIN(TestCli)
#include "test_cli.moc"
