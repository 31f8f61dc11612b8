// SPDX-License-Identifier: GPL-3.0-or-later
// nnplay-cli evaluate end to end: its figures against the train command's, and against figures
// computed here by hand from what nnplay-cli predict writes for the same rows.
#include <QtTest>
#include <cmath>

#include "ProgramRun.h"

using nnplay::test::ProgramRun;
using nnplay::test::layer;
using nnplay::test::runCli;
using nnplay::test::writeProject;
using nnplay::test::writeFile;

namespace {

QJsonObject project(const QString& task, const QJsonObject& data, const QJsonArray& layers,
                    const QString& loss, int epochs) {
    return QJsonObject{{"format", "nnplay-project"},
                       {"version", 1},
                       {"task", task},
                       {"data", data},
                       {"network", QJsonObject{{"layers", layers}}},
                       {"training", QJsonObject{{"loss", loss},
                                                {"optimizer", "adam"},
                                                {"learning_rate", 0.03},
                                                {"batch_size", 10},
                                                {"epochs", epochs}}}};
}

/// Circle data, two classes "-1" and "+1", 2-6-1 with a sigmoid output.
QJsonObject circleProject() {
    return project("classification",
                   QJsonObject{{"source", "circle"}, {"samples", 200}, {"noise", 0.1}, {"seed", 3}},
                   QJsonArray{layer("dense", 6), layer("tanh"), layer("dense", 1), layer("sigmoid")},
                   "bce", 15);
}

/// Three clusters in a CSV with text labels, a softmax output.
QByteArray clusterCsv(int rows, int offset) {
    const char* names[] = {"red", "green", "blue"};
    QByteArray csv = "a,b,colour\n";
    for (int i = 0; i < rows; ++i) {
        const int k = (i + offset) % 3;
        // Clusters at angles 0, 120 and 240 degrees, spread so that some rows overlap.
        const double angle = 2.0944 * k + 0.9 * std::sin(7.3 * (i + offset));
        const double radius = 1.0 + 0.6 * std::cos(3.1 * (i + offset));
        csv += QByteArray::number(radius * std::cos(angle)) + "," +
               QByteArray::number(radius * std::sin(angle)) + "," + names[k] + "\n";
    }
    return csv;
}

QString write(const QTemporaryDir& dir, const QString& name, const QByteArray& bytes) {
    const QString path = dir.filePath(name);
    return writeFile(path, bytes) ? path : QString();
}

/// Trains `p` and saves it as NAME-trained.nnplay; returns that path and the train JSON.
QString trained(const QTemporaryDir& dir, const QString& name, const QJsonObject& p,
                QJsonObject* result = nullptr) {
    const QString saved = dir.filePath(name + "-trained.nnplay");
    const ProgramRun run =
        runCli({"train", writeProject(dir, name + ".nnplay", p), "--quiet", "--save", saved});
    if (run.exitCode != 0) qWarning("%s", qPrintable(run.describe()));
    if (result) *result = run.result();
    return run.exitCode == 0 ? saved : QString();
}

QList<QStringList> readCsv(const QString& path) {
    QFile file(path);
    QList<QStringList> rows;
    if (!file.open(QIODevice::ReadOnly)) return rows;
    for (const QByteArray& line : file.readAll().split('\n'))
        if (!line.isEmpty()) rows.append(QString::fromUtf8(line).split(','));
    return rows;
}

/// The area under the ROC curve as the share of (positive, negative) pairs ranked right, ties
/// counting half: the definition, not the trapezoids evaluate sums.
double pairwiseAuc(const QList<double>& positive, const QList<double>& negative) {
    double right = 0;
    for (double p : positive)
        for (double n : negative) right += p > n ? 1.0 : (p == n ? 0.5 : 0.0);
    return right / (static_cast<double>(positive.size()) * negative.size());
}

}  // namespace

class TestEvaluate : public QObject {
    Q_OBJECT

private slots:
    void testPartAgreesWithTrain() {
        QTemporaryDir dir;
        QJsonObject trainResult;
        const QString saved = trained(dir, "circle", circleProject(), &trainResult);
        QVERIFY(!saved.isEmpty());
        const ProgramRun run = runCli({"evaluate", saved});
        QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
        QCOMPARE(run.outLines().size(), 1);
        const QJsonObject e = run.result();
        QCOMPARE(e["samples"].toInt(), 100);  // the test half of 200
        QVERIFY(std::abs(e["accuracy"].toDouble() - trainResult["test_accuracy"].toDouble()) < 1e-9);
        QVERIFY(std::abs(e["f1_macro"].toDouble() - trainResult["test_macro_f1"].toDouble()) < 1e-9);
        QCOMPARE(e["classes"].toArray(), (QJsonArray{"-1", "+1"}));
        const QJsonArray confusion = e["confusion"].toArray();
        const QJsonObject perClass = e["per_class"].toObject();
        QCOMPARE(perClass.keys().size(), 2);
        int total = 0, right = 0;
        for (int t = 0; t < 2; ++t) {
            int row = 0;
            for (int p = 0; p < 2; ++p) row += confusion[t].toArray()[p].toInt();
            total += row;
            right += confusion[t].toArray()[t].toInt();
            const QString name = e["classes"].toArray()[t].toString();
            QCOMPARE(perClass[name].toObject()["support"].toInt(), row);
        }
        QCOMPARE(total, 100);
        QCOMPARE(right / 100.0, e["accuracy"].toDouble());
        // Learnt well enough that the curve means something.
        QVERIFY2(e["roc_auc"].toDouble() > 0.9, qPrintable(run.out));
    }

    void dataFileAgreesWithPredictions() {
        QTemporaryDir dir;
        const QString saved = trained(dir, "circle", circleProject());
        QVERIFY(!saved.isEmpty());
        // Labels unrelated to the points, some written as numbers ("1" is class "+1").
        QByteArray csv = "x2,label,x1\n";
        const char* labels[] = {"+1", "-1", "1", "-1.0", "+1"};
        for (int i = 0; i < 40; ++i)
            csv += QByteArray::number(std::sin(1.7 * i)) + "," + labels[i % 5] + "," +
                   QByteArray::number(std::cos(2.3 * i)) + "\n";
        const QString rows = write(dir, "rows.csv", csv);
        const ProgramRun run = runCli({"evaluate", saved, "--data", rows});
        QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
        const QJsonObject e = run.result();

        const QString predictions = dir.filePath("pred.csv");
        QCOMPARE(runCli({"predict", saved, "--data", rows, "--out", predictions}).exitCode, 0);
        const QList<QStringList> predicted = readCsv(predictions);
        QCOMPARE(predicted.size(), 41);
        QCOMPARE(predicted[0], (QStringList{"prediction", "probability_+1"}));
        int confusion[2][2] = {{0, 0}, {0, 0}};
        QList<double> positive, negative;
        for (int i = 0; i < 40; ++i) {
            const int truth = labels[i % 5][0] == '-' ? 0 : 1;
            const int guess = predicted[i + 1][0] == "+1" ? 1 : 0;
            ++confusion[truth][guess];
            (truth ? positive : negative).append(predicted[i + 1][1].toDouble());
        }
        QCOMPARE(e["samples"].toInt(), 40);
        for (int t = 0; t < 2; ++t)
            for (int p = 0; p < 2; ++p)
                QCOMPARE(e["confusion"].toArray()[t].toArray()[p].toInt(), confusion[t][p]);
        QCOMPARE(e["accuracy"].toDouble(), (confusion[0][0] + confusion[1][1]) / 40.0);
        const double precision = confusion[1][1] / double(confusion[0][1] + confusion[1][1]);
        const double recall = confusion[1][1] / double(confusion[1][0] + confusion[1][1]);
        const QJsonObject plus = e["per_class"].toObject()["+1"].toObject();
        QVERIFY(std::abs(plus["precision"].toDouble() - precision) < 1e-9);
        QVERIFY(std::abs(plus["recall"].toDouble() - recall) < 1e-9);
        QVERIFY(std::abs(plus["f1"].toDouble() - 2 * precision * recall / (precision + recall)) <
                1e-9);
        QCOMPARE(plus["support"].toInt(), 24);
        // predict prints probabilities with six digits, so a tie there may be none inside.
        QVERIFY2(std::abs(e["roc_auc"].toDouble() - pairwiseAuc(positive, negative)) < 0.01,
                 qPrintable(run.out));
    }

    void threeClassesFromACsvWithoutHeader() {
        QTemporaryDir dir;
        write(dir, "clusters.csv", clusterCsv(150, 0));
        const QJsonObject p = project(
            "classification", QJsonObject{{"source", "csv"}, {"path", "clusters.csv"}, {"label", "colour"}},
            QJsonArray{layer("dense", 8), layer("tanh"), layer("dense", 3), layer("softmax")}, "cce",
            20);
        const QString saved = trained(dir, "clusters", p);
        QVERIFY(!saved.isEmpty());
        QByteArray rows = clusterCsv(30, 7);
        const QByteArray headerless = rows.mid(rows.indexOf('\n') + 1);
        const ProgramRun withHeader = runCli({"evaluate", saved, "--data", write(dir, "new.csv", rows)});
        const ProgramRun without = runCli(
            {"evaluate", saved, "--data", write(dir, "bare.csv", headerless), "--no-header"});
        QVERIFY2(withHeader.exitCode == 0, qPrintable(withHeader.describe()));
        QCOMPARE(without.out, withHeader.out);
        const QJsonObject e = withHeader.result();
        QVERIFY(!e.contains("roc_auc"));  // only for two classes
        double macro = 0;
        for (const char* name : {"red", "green", "blue"}) {
            const QJsonObject c = e["per_class"].toObject()[name].toObject();
            QCOMPARE(c["support"].toInt(), 10);
            macro += c["f1"].toDouble() / 3.0;
        }
        QVERIFY(std::abs(e["f1_macro"].toDouble() - macro) < 1e-9);
        QVERIFY2(e["accuracy"].toDouble() > 0.6, qPrintable(withHeader.out));
    }

    void regressionInTheTargetsUnits() {
        QTemporaryDir dir;
        QByteArray csv = "x,y\n";
        for (int i = 0; i < 80; ++i) {
            const double x = -2.0 + 4.0 * i / 79.0;
            csv += QByteArray::number(x) + "," + QByteArray::number(5000.0 + 1000.0 * x) + "\n";
        }
        write(dir, "line.csv", csv);
        QJsonObject p = project(
            "regression",
            QJsonObject{{"source", "csv"}, {"path", "line.csv"}, {"label", "y"},
                        {"standardize", true}, {"standardize_target", true}},
            QJsonArray{layer("dense", 1), layer("linear")}, "mse", 150);
        const QString saved = trained(dir, "line", p);
        QVERIFY(!saved.isEmpty());
        const QByteArray rows = "y,x\n5500,0.5\n3000,-2\n7000,2.5\n";
        const QString file = write(dir, "rows.csv", rows);
        const ProgramRun run = runCli({"evaluate", saved, "--data", file});
        QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
        const QString predictions = dir.filePath("pred.csv");
        QCOMPARE(runCli({"predict", saved, "--data", file, "--out", predictions}).exitCode, 0);
        const QList<QStringList> predicted = readCsv(predictions);
        const double truth[] = {5500, 3000, 7000};
        double squares = 0, absolute = 0, mean = (5500 + 3000 + 7000) / 3.0, total = 0;
        for (int i = 0; i < 3; ++i) {
            const double error = predicted[i + 1][0].toDouble() - truth[i];
            squares += error * error / 3;
            absolute += std::abs(error) / 3;
            total += (truth[i] - mean) * (truth[i] - mean);
        }
        const QJsonObject e = run.result();
        QCOMPARE(e["samples"].toInt(), 3);
        // Relative to figures of thousands: predict prints six significant digits.
        QVERIFY2(std::abs(e["mse"].toDouble() - squares) < 1e-3 * (1 + squares), qPrintable(run.out));
        QVERIFY2(std::abs(e["mae"].toDouble() - absolute) < 0.05, qPrintable(run.out));
        QVERIFY2(std::abs(e["r2"].toDouble() - (1 - 3 * squares / total)) < 1e-4, qPrintable(run.out));
        QVERIFY(!e.contains("accuracy"));
    }

    void badInputIsNamed_data() {
        QTest::addColumn<QByteArray>("rows");
        QTest::addColumn<QString>("message");
        QTest::newRow("unknown class") << QByteArray("x1,x2,label\n0,0,+1\n1,1,maybe\n")
                                       << "line 3, column 3: the label 'maybe' is none of the "
                                          "project's classes ('-1', '+1')";
        QTest::newRow("no label column") << QByteArray("x1,x2\n0,0\n")
                                         << "the header has no label column 'label'";
        QTest::newRow("not a number") << QByteArray("x1,x2,label\n0,zero,+1\n")
                                      << "line 2, column 2";
    }

    void badInputIsNamed() {
        QFETCH(QByteArray, rows);
        QFETCH(QString, message);
        QTemporaryDir dir;
        const QString saved = trained(dir, "circle", circleProject());
        const ProgramRun run = runCli({"evaluate", saved, "--data", write(dir, "rows.csv", rows)});
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains(message), qPrintable(run.describe()));
        QVERIFY(run.out.isEmpty());
    }

    void untrainedProjectIsRefused() {
        QTemporaryDir dir;
        const ProgramRun run =
            runCli({"evaluate", writeProject(dir, "fresh.nnplay", circleProject())});
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains("has no trained weights"), qPrintable(run.describe()));
    }
};

QTEST_GUILESS_MAIN(TestEvaluate)
#include "test_evaluate.moc"
