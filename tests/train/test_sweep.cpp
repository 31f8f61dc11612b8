// SPDX-License-Identifier: GPL-3.0-or-later
#include <QtTest>
#include <cmath>

#include "data/CsvTable.h"
#include "train/Session.h"
#include "train/Sweep.h"

using namespace nnplay;

namespace {

/// A small seeded 2-D classification project that trains in a blink.
Project smallProject(int epochs = 5) {
    Project p;
    p.data.source = "circle";
    p.data.samples = 200;
    p.data.noise = 0.0;
    p.data.trainFraction = 0.5;
    p.data.seed = 7;
    p.network() = NetworkSpec::multilayer({8, 1}, "tanh", "sigmoid");
    p.training.loss = LossKind::Bce;
    p.training.optimizer.kind = "adam";
    p.training.optimizer.learningRate = 0.01f;
    p.training.batchSize = 10;
    p.training.epochs = epochs;
    p.training.seed = 3;
    return p;
}

/// The message of the InputError `f` throws; empty when it throws none.
template <typename F>
QString errorOf(F f) {
    try {
        f();
    } catch (const InputError& e) {
        return QString::fromStdString(e.what());
    }
    return {};
}

double figure(const std::vector<Session::Figure>& figures, const std::string& name) {
    for (const Session::Figure& f : figures)
        if (f.name == name) return f.value;
    return NAN;
}

}  // namespace

class TestSweep : public QObject {
    Q_OBJECT
private slots:
    void learningRateRowsMatchSingleRuns();
    void trainSizeGivesALearningCurve();
    void dropoutAndUnitsChangeTheirLayers();
    void dottedPathsReachAnySetting();
    void refusesBadKeys_data();
    void refusesBadKeys();
    void refusesBadValues_data();
    void refusesBadValues();
    void stopsBetweenSteps();
    void csvHasTheTableColumns();
};

void TestSweep::learningRateRowsMatchSingleRuns() {
    const Project project = smallProject();
    const std::vector<std::string> values{"0.001", "0.01", "0.1"};
    Sweep sweep(project, "learning_rate", values, "");
    sweep.run();
    QVERIFY(sweep.finished());
    const std::vector<SweepRow>& rows = sweep.table().rows();
    QCOMPARE(rows.size(), values.size());
    for (std::size_t i = 0; i < values.size(); ++i) {
        QCOMPARE(rows[i].value, values[i]);
        Project single = project;
        single.training.optimizer.learningRate = std::stof(values[i]);
        std::unique_ptr<Session> session = makeSession(single, "");
        session->run(single.training.epochs);
        const std::vector<Session::Figure> figures = session->results();
        // Same seed, same settings: the very same figures.
        QCOMPARE(rows[i].trainLoss, figure(figures, "train_loss"));
        QCOMPARE(rows[i].testLoss, figure(figures, "test_loss"));
        QCOMPARE(rows[i].trainAccuracy, figure(figures, "train_accuracy"));
        QCOMPARE(rows[i].testAccuracy, figure(figures, "test_accuracy"));
        QCOMPARE(rows[i].bestEpoch, static_cast<int>(figure(figures, "best_epoch")));
        QVERIFY(std::isnan(rows[i].valLoss));
        QCOMPARE(rows[i].epochs, project.training.epochs);
        QCOMPARE(rows[i].trainSamples, 100);
    }
    // The rates make different runs.
    QVERIFY(rows[0].trainLoss != rows[2].trainLoss);
    // Each run as the Runs tab keeps it: named after its value, with its settings and history.
    QCOMPARE(sweep.runs().size(), values.size());
    QCOMPARE(sweep.runs()[1].name, std::string("learning_rate = 0.01"));
    QCOMPARE(sweep.runs()[1].history.size(), static_cast<std::size_t>(project.training.epochs));
    QVERIFY(sweep.runs()[1].settings.find("0.01") != std::string::npos);
}

void TestSweep::trainSizeGivesALearningCurve() {
    Project project = smallProject(40);
    project.data.samples = 400;
    project.training.optimizer.learningRate = 0.03f;
    const std::vector<std::string> values{"4", "16", "64", "200"};
    Sweep sweep(project, "train_size", values, "");
    sweep.run();
    const SweepTable& table = sweep.table();
    QCOMPARE(table.rows().size(), values.size());
    for (std::size_t i = 0; i < values.size(); ++i)
        QCOMPARE(table.rows()[i].trainSamples, std::stoi(values[i]));
    const double first = table.testError(table.rows().front());
    const double last = table.testError(table.rows().back());
    QVERIFY2(last < first - 0.1, qPrintable(QString("test error %1 -> %2").arg(first).arg(last)));
    QVERIFY(last < 0.15);
    QCOMPARE(table.trainError(table.rows().back()), 1.0 - table.rows().back().trainAccuracy);
}

void TestSweep::dropoutAndUnitsChangeTheirLayers() {
    Project project = smallProject();
    project.network() = NetworkSpec::multilayer({8, 6, 1}, "relu", "sigmoid");
    // dense 8, relu, dense 6, relu, dense 1, sigmoid: put a dropout after each relu.
    auto& layers = project.network().layers;
    LayerSpec dropout;
    dropout.type = "dropout";
    dropout.settings["rate"] = 0.1;
    layers.insert(layers.begin() + 4, dropout);
    layers.insert(layers.begin() + 2, dropout);
    int id = 1;
    for (LayerSpec& l : layers) l.id = id++;
    const Project rated = SweepSetting(project, "dropout").apply("0.4");
    int dropouts = 0;
    for (const LayerSpec& l : rated.network().layers)
        if (l.type == "dropout") {
            ++dropouts;
            QCOMPARE(l.setting("rate"), 0.4);
        }
    QCOMPARE(dropouts, 2);
    // units: the first dense hidden layer; units:N the one at index N.
    QCOMPARE(SweepSetting(project, "units").apply("3").network().layers[0].setting("units"), 3.0);
    QCOMPARE(SweepSetting(project, "units:3").apply("5").network().layers[3].setting("units"), 5.0);
    QCOMPARE(SweepSetting::unitsKeys(project), (std::vector<std::string>{"units:0", "units:3"}));
    // Fresh weights, whatever the project held.
    Project trained = project;
    trained.network().layers[0].params = {Matrix::Zero(8, 2), Matrix::Zero(8, 1)};
    QVERIFY(!SweepSetting(trained, "l2").apply("0.1").network().hasParams());
    QCOMPARE(SweepSetting(trained, "l2").apply("0.1").training.l2, 0.1f);
}

void TestSweep::dottedPathsReachAnySetting() {
    const Project project = smallProject();
    QCOMPARE(SweepSetting(project, "training.optimizer").apply("sgd").training.optimizer.kind,
             std::string("sgd"));
    QCOMPARE(SweepSetting(project, "data.noise").apply("0.25").data.noise, 0.25);
    QCOMPARE(SweepSetting(project, "network.layers.0.units")
                 .apply("4")
                 .network()
                 .layers[0]
                 .setting("units"),
             4.0);
    QVERIFY(SweepSetting(project, "learning_rate").logScale());
    QVERIFY(!SweepSetting(project, "optimizer").numeric());
    QCOMPARE(SweepSetting(project, "learning_rate").suggestedValues(),
             std::string("0.001,0.01,0.1,1"));
    QCOMPARE(SweepSetting(project, "train_size").suggestedValues(), std::string("10,25,50,75,100"));
    QCOMPARE(SweepSetting::splitValues(" 1, 2 ,3"), (std::vector<std::string>{"1", "2", "3"}));
    QVERIFY(errorOf([] { SweepSetting::splitValues("1,,2"); }).contains("empty value"));
}

void TestSweep::refusesBadKeys_data() {
    QTest::addColumn<QString>("key");
    QTest::addColumn<QStringList>("parts");
    QTest::newRow("unknown") << "learning_rat" << QStringList{"unknown setting", "learning_rat"};
    QTest::newRow("no dropout") << "dropout" << QStringList{"no dropout layer"};
    QTest::newRow("units of the output") << "units:2" << QStringList{"units:2", "output"};
    QTest::newRow("units of an activation") << "units:1" << QStringList{"not a dense layer"};
    QTest::newRow("units beyond the layers") << "units:9" << QStringList{"layers 0 to 3"};
    QTest::newRow("empty part") << "training..l2" << QStringList{"empty"};
}

void TestSweep::refusesBadKeys() {
    QFETCH(QString, key);
    QFETCH(QStringList, parts);
    const QString message = errorOf([&] { Sweep(smallProject(), key.toStdString(), {"1"}, ""); });
    for (const QString& part : parts) QVERIFY2(message.contains(part), qPrintable(message));
}

void TestSweep::refusesBadValues_data() {
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("values");
    QTest::addColumn<QStringList>("parts");
    QTest::newRow("negative rate")
        << "learning_rate"
        << "0.1,-1" << QStringList{"learning_rate = -1", "training.learning_rate"};
    QTest::newRow("unknown optimizer")
        << "optimizer"
        << "adam,lbfgs" << QStringList{"optimizer = lbfgs", "unknown optimizer"};
    QTest::newRow("fractional batch") << "batch_size"
                                      << "2.5" << QStringList{"batch_size = 2.5", "batch_size"};
    QTest::newRow("unknown key on a path") << "training.colour"
                                           << "1" << QStringList{"training.colour = 1", "colour"};
    QTest::newRow("negative train size")
        << "train_size"
        << "-3" << QStringList{"train_size = -3", "data.train_samples"};
}

void TestSweep::refusesBadValues() {
    QFETCH(QString, key);
    QFETCH(QString, values);
    QFETCH(QStringList, parts);
    const QString message = errorOf([&] {
        Sweep(smallProject(), key.toStdString(), SweepSetting::splitValues(values.toStdString()),
              "");
    });
    for (const QString& part : parts) QVERIFY2(message.contains(part), qPrintable(message));
    // More training samples than there are fails when that run starts, naming value and key.
    Sweep tooMany(smallProject(), "train_size", {"50", "500"}, "");
    const QString late = errorOf([&] { tooMany.run(); });
    QVERIFY2(late.contains("train_size = 500") && late.contains("data.train_samples"),
             qPrintable(late));
    QCOMPARE(tooMany.table().rows().size(), std::size_t(1));
    // A GAN is not swept.
    Project gan;
    gan.task = Task::Gan;
    QVERIFY(errorOf([&] { SweepSetting(gan, "learning_rate"); }).contains("GAN"));
    QVERIFY(errorOf([&] { Sweep(smallProject(), "l2", {}, ""); }).contains("at least one value"));
}

void TestSweep::stopsBetweenSteps() {
    Sweep sweep(smallProject(), "l2", {"0", "0.01", "0.1"}, "");
    int steps = 0;
    // An epoch is 10 steps (100 samples, batches of 10), a run 5 epochs: stop inside run 2.
    sweep.run([&] { return steps++ >= 70; });
    QVERIFY(!sweep.finished());
    QCOMPARE(sweep.table().rows().size(), std::size_t(1));
    QCOMPARE(sweep.currentRun(), 1);
    QCOMPARE(sweep.currentEpoch(), 2);
    QCOMPARE(sweep.currentPlannedEpochs(), 5);
    // And goes on where it stopped.
    sweep.run();
    QVERIFY(sweep.finished());
    QCOMPARE(sweep.table().rows().size(), std::size_t(3));
}

void TestSweep::csvHasTheTableColumns() {
    Project validated = smallProject(2);
    validated.data.validationFraction = 0.2;
    Sweep sweep(validated, "epochs", {"1", "2"}, "");
    sweep.run();
    const std::string csv = sweep.table().csv();
    const CsvTable table = CsvTable::parse(csv, "sweep.csv");
    QCOMPARE(table.header(), (std::vector<std::string>{
                                 "value", "train_loss", "val_loss", "test_loss", "train_accuracy",
                                 "val_accuracy", "test_accuracy", "best_epoch"}));
    QCOMPARE(table.rows().size(), std::size_t(2));
    QVERIFY(sweep.table().bestRow() >= 0);
    SweepTable regression(Task::Regression, false);
    QCOMPARE(regression.columns(), (std::vector<std::string>{"value", "train_loss", "test_loss",
                                                             "test_mse", "test_r2", "best_epoch"}));
}

QTEST_APPLESS_MAIN(TestSweep)
#include "test_sweep.moc"
