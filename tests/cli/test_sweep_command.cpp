// SPDX-License-Identifier: GPL-3.0-or-later
// nnplay-cli sweep end to end: the real binary on projects the test writes.
#include <QtTest>

#include "ProgramRun.h"

namespace {

using nnplay::test::layer;
using nnplay::test::runCli;
using nnplay::test::writeProject;
using nnplay::test::writeFile;
using CliRun = nnplay::test::ProgramRun;

/// Circle data, 2-4-1 tanh with a sigmoid output, trained a few epochs.
QJsonObject circleProject(double validationFraction = 0.0) {
    QJsonObject data{{"source", "circle"}, {"samples", 120}, {"noise", 0.05}, {"seed", 1}};
    if (validationFraction > 0) data["validation_fraction"] = validationFraction;
    return QJsonObject{
        {"format", "nnplay-project"},
        {"version", 1},
        {"task", "classification"},
        {"data", data},
        {"network", QJsonObject{{"layers", QJsonArray{layer("dense", 4), layer("tanh"),
                                                      layer("dense", 1), layer("sigmoid")}}}},
        {"training", QJsonObject{{"loss", "bce"},
                                 {"optimizer", "adam"},
                                 {"learning_rate", 0.03},
                                 {"batch_size", 10},
                                 {"epochs", 3}}}};
}

QJsonObject planeProject() {
    return QJsonObject{
        {"format", "nnplay-project"},
        {"version", 1},
        {"task", "regression"},
        {"data", QJsonObject{{"source", "plane"}, {"samples", 100}, {"seed", 2}}},
        {"network", QJsonObject{{"layers", QJsonArray{layer("dense", 4), layer("tanh"),
                                                      layer("dense", 1), layer("linear")}}}},
        {"training", QJsonObject{{"loss", "mse"}, {"optimizer", "adam"}, {"epochs", 2}}}};
}

QStringList csvLines(const QString& text) { return text.split('\n', Qt::SkipEmptyParts); }

}  // namespace

class TestSweepCommand : public QObject {
    Q_OBJECT
private slots:
    void writesTheTable_data();
    void writesTheTable();
    void printsTheTableWithoutOut();
    void refusesBadSettings_data();
    void refusesBadSettings();
    void showsItsHelp();
};

void TestSweepCommand::writesTheTable_data() {
    QTest::addColumn<QJsonObject>("project");
    QTest::addColumn<QString>("param");
    QTest::addColumn<QString>("values");
    QTest::addColumn<QString>("header");
    QTest::newRow("classification")
        << circleProject() << "learning_rate"
        << "0.001,0.01,0.1"
        << "value,train_loss,test_loss,train_accuracy,test_accuracy,best_epoch";
    QTest::newRow("with a validation part")
        << circleProject(0.25) << "l2"
        << "0,0.01"
        << "value,train_loss,val_loss,test_loss,train_accuracy,val_accuracy,test_accuracy,"
           "best_epoch";
    QTest::newRow("regression") << planeProject() << "optimizer"
                                << "sgd,adam"
                                << "value,train_loss,test_loss,test_mse,test_r2,best_epoch";
    QTest::newRow("learning curve") << circleProject() << "train_size"
                                    << "10,30,60"
                                    << "value,train_loss,test_loss,train_accuracy,test_accuracy,"
                                       "best_epoch";
}

void TestSweepCommand::writesTheTable() {
    QFETCH(QJsonObject, project);
    QFETCH(QString, param);
    QFETCH(QString, values);
    QFETCH(QString, header);
    QTemporaryDir dir;
    const QString out = dir.filePath("sweep.csv");
    const CliRun run = runCli({"sweep", writeProject(dir, "p.nnplay", project), "--param", param,
                               "--values", values, "--out", out});
    QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
    const QStringList valueList = values.split(',');
    // One progress line per finished value, in order.
    const QStringList progress = run.outLines();
    QCOMPARE(progress.size(), valueList.size());
    for (int i = 0; i < valueList.size(); ++i)
        QVERIFY2(progress[i].startsWith(param + " = " + valueList[i] + "  train_loss"),
                 qPrintable(progress[i]));
    QFile file(out);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QStringList lines = csvLines(QString::fromUtf8(file.readAll()));
    QCOMPARE(lines.size(), valueList.size() + 1);
    QCOMPARE(lines[0], header);
    const int columns = static_cast<int>(header.split(',').size());
    for (int i = 0; i < valueList.size(); ++i) {
        const QStringList cells = lines[i + 1].split(',');
        QCOMPARE(cells.size(), columns);
        QCOMPARE(cells[0], valueList[i]);
        bool number = false;
        cells[1].toDouble(&number);
        QVERIFY2(number, qPrintable(lines[i + 1]));
    }
    // No temporary file is left beside it.
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files).size(), 2);
}

void TestSweepCommand::printsTheTableWithoutOut() {
    QTemporaryDir dir;
    const CliRun run = runCli({"sweep", writeProject(dir, "p.nnplay", circleProject()), "--param",
                               "epochs", "--values", "1,2", "--epochs", "9"});
    QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
    // stdout is the CSV alone; the progress goes to stderr.
    const QStringList lines = csvLines(run.out);
    QCOMPARE(lines.size(), 3);
    QVERIFY(lines[0].startsWith("value,train_loss,"));
    QVERIFY(lines[1].startsWith("1,"));
    QVERIFY(lines[2].startsWith("2,"));
    // The swept epochs win over --epochs: best_epoch is at most the value.
    QVERIFY(lines[2].endsWith(",2") || lines[2].endsWith(",1"));
    QCOMPARE(csvLines(run.err).size(), 2);
    QVERIFY(run.err.contains("epochs = 2  train_loss"));
}

void TestSweepCommand::refusesBadSettings_data() {
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("message");
    QTest::newRow("unknown key") << QStringList{"--param", "speed", "--values", "1"}
                                 << "unknown setting 'speed'";
    QTest::newRow("bad value") << QStringList{"--param", "learning_rate", "--values", "0.1,-2"}
                               << "learning_rate = -2: ";
    QTest::newRow("no dropout") << QStringList{"--param", "dropout", "--values", "0.2"}
                                << "no dropout layer";
    QTest::newRow("empty value") << QStringList{"--param", "l2", "--values", "0,,1"}
                                 << "empty value";
    QTest::newRow("no values") << QStringList{"--param", "l2"} << "needs --values";
}

void TestSweepCommand::refusesBadSettings() {
    QFETCH(QStringList, args);
    QFETCH(QString, message);
    QTemporaryDir dir;
    const CliRun run =
        runCli(QStringList{"sweep", writeProject(dir, "p.nnplay", circleProject())} + args);
    QVERIFY2(run.exitCode == 2, qPrintable(run.describe()));
    QVERIFY2(run.err.contains(message), qPrintable(run.describe()));
    QVERIFY(run.out.isEmpty());
    // A GAN project is refused by name.
    const CliRun gan = runCli({"sweep", NNPLAY_EXAMPLES_DIR "/gan-ring.nnplay", "--param",
                               "learning_rate", "--values", "0.1"});
    QCOMPARE(gan.exitCode, 2);
    QVERIFY2(gan.err.contains("GAN project cannot be swept"), qPrintable(gan.describe()));
}

void TestSweepCommand::showsItsHelp() {
    const CliRun run = runCli({"sweep", "--help"});
    QCOMPARE(run.exitCode, 0);
    QVERIFY(run.out.contains("usage: nnplay-cli sweep PROJECT --param KEY --values"));
    QVERIFY(runCli({"--help"}).out.contains("nnplay-cli sweep PROJECT"));
}

QTEST_GUILESS_MAIN(TestSweepCommand)
#include "test_sweep_command.moc"
