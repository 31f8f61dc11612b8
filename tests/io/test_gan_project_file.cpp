// SPDX-License-Identifier: GPL-3.0-or-later
// GAN projects in the .nnplay format: round trips, trained weights, and bad files.
#include <QtTest>
#include <nlohmann/json.hpp>

#include "data/DataLoader.h"
#include "io/ProjectFile.h"
#include "train/GanSession.h"

using namespace nnplay;
using json = nlohmann::ordered_json;

namespace {

/// The issue's example project.
json exampleGan() {
    return json::parse(R"({"format": "nnplay-project", "version": 1, "task": "gan",
 "data": {"source": "ring", "samples": 2000, "seed": 1},
 "noise": {"dim": 2, "distribution": "uniform"},
 "generator": {"layers": [{"type": "dense", "units": 32}, {"type": "relu"}, {"type": "dense", "units": 2}]},
 "discriminator": {"layers": [{"type": "dense", "units": 32}, {"type": "relu"}, {"type": "dense", "units": 1}, {"type": "sigmoid"}]},
 "training": {"steps": 3000, "batch_size": 64, "d_steps": 1, "g_steps": 1, "gan_loss": "non_saturating", "seed": 1,
              "generator": {"optimizer": "adam", "learning_rate": 0.001},
              "discriminator": {"optimizer": "adam", "learning_rate": 0.001}}})");
}

QString errorOf(const json& j) {
    try {
        ProjectFile::parse(j.dump());
    } catch (const InputError& e) {
        return QString::fromStdString(e.what());
    }
    return {};
}

}  // namespace

class TestGanProjectFile : public QObject {
    Q_OBJECT

private slots:
    void readsTheExample();
    void roundTripsEverySetting();
    void trainedWeightsReopenAndGoOnTraining();
    void drawnPointsAndImageClassesRoundTrip();
    void supervisedProjectsAreUnchanged();
    void badFilesNameTheKey_data();
    void badFilesNameTheKey();
};

void TestGanProjectFile::readsTheExample() {
    const Project p = ProjectFile::parse(exampleGan().dump());
    QVERIFY(p.task == Task::Gan);
    QCOMPARE(p.networks.size(), std::size_t(2));
    QCOMPARE(p.networks[0].name, std::string("generator"));
    QCOMPARE(p.networks[1].name, std::string("discriminator"));
    QCOMPARE(p.findNetwork("discriminator")->layers.size(), std::size_t(4));
    QCOMPARE(p.data.source, std::string("ring"));
    QCOMPARE(p.gan.noise.dim, 2);
    QVERIFY(p.gan.loss == GanLoss::NonSaturating);
    QCOMPARE(p.gan.steps, 3000);
    QCOMPARE(p.gan.generator.learningRate, 0.001f);
    // One id space: seven layers, seven distinct ids.
    std::set<int> ids;
    for (const NamedNetwork& n : p.networks)
        for (const LayerSpec& l : n.spec.layers) ids.insert(l.id);
    QCOMPARE(ids.size(), std::size_t(7));
    QVERIFY(!ids.count(0));
}

void TestGanProjectFile::roundTripsEverySetting() {
    json j = exampleGan();
    j["noise"] = {{"dim", 5}, {"distribution", "gaussian"}};
    j["training"]["gan_loss"] = "least_squares";
    j["training"]["d_steps"] = 3;
    j["training"]["g_steps"] = 2;
    j["training"]["measure_every"] = 25;
    j["training"]["generator"] = {
        {"optimizer", "sgd"}, {"learning_rate", 0.05}, {"momentum", 0.9}, {"nesterov", true}};
    j["training"]["discriminator"] = {
        {"optimizer", "adam"}, {"learning_rate", 0.0002}, {"beta1", 0.5}};
    const Project p = ProjectFile::parse(j.dump());
    QVERIFY(p.gan.noise.distribution == NoiseDistribution::Gaussian);
    QCOMPARE(p.gan.generator.momentum, 0.9f);
    QVERIFY(p.gan.generator.nesterov);
    QCOMPARE(p.gan.discriminator.beta1, 0.5f);
    QCOMPARE(p.gan.measureEvery, 25);
    const Project again = ProjectFile::parse(ProjectFile::serialize(p));
    QVERIFY(again == p);
    QCOMPARE(ProjectFile::serialize(again), ProjectFile::serialize(p));
}

void TestGanProjectFile::trainedWeightsReopenAndGoOnTraining() {
    Project p = ProjectFile::parse(exampleGan().dump());
    p.gan.measureEvery = 10;
    GanSession first(p, loadData(p.data, p.task, ""));
    for (int i = 0; i < 20; ++i) first.step();
    first.storeInto(p);
    const Project reopened = ProjectFile::parse(ProjectFile::serialize(p));
    QVERIFY(reopened == p);
    QCOMPARE(reopened.history.size(), std::size_t(2));
    QCOMPARE(reopened.history.value(1, "step"), 20.0f);
    GanSession second(reopened, loadData(reopened.data, reopened.task, ""));
    QVERIFY(second.generator().paramValues() == first.generator().paramValues());
    QVERIFY(second.discriminator().paramValues() == first.discriminator().paramValues());
    Matrix a, b;
    first.generatedSamples(a);
    second.generatedSamples(b);
    QVERIFY(a == b);
    for (int i = 0; i < 10; ++i) second.step();
    QCOMPARE(second.totalSteps(), 30LL);
}

void TestGanProjectFile::drawnPointsAndImageClassesRoundTrip() {
    json j = exampleGan();
    j["data"] = {{"source", "points"}, {"points", {{1.5, -2}, {0.25, 3}, {-4, 0}}}};
    Project p = ProjectFile::parse(j.dump());
    QCOMPARE(p.data.points.size(), std::size_t(3));
    QCOMPARE(p.data.points[1][0], 0.25f);
    QVERIFY(ProjectFile::parse(ProjectFile::serialize(p)) == p);

    j["data"] = {{"source", "digits"}, {"digit", 3}};
    j["generator"]["layers"][2]["units"] = 64;
    j["generator"]["layers"].push_back({{"type", "sigmoid"}});
    p = ProjectFile::parse(j.dump());
    QCOMPARE(*p.data.digit, 3);
    QVERIFY(ProjectFile::parse(ProjectFile::serialize(p)) == p);
}

void TestGanProjectFile::supervisedProjectsAreUnchanged() {
    const Project p = Project::defaultProject();
    const std::string text = ProjectFile::serialize(p);
    QVERIFY(text.find("\"network\"") != std::string::npos);
    QVERIFY(text.find("generator") == std::string::npos);
    QVERIFY(ProjectFile::parse(text) == p);
    // A supervised file may not hold a GAN's keys.
    json j = json::parse(text);
    j["noise"] = {{"dim", 2}};
    QVERIFY(errorOf(j).contains("unknown key 'noise'"));
}

void TestGanProjectFile::badFilesNameTheKey_data() {
    QTest::addColumn<QString>("patch");
    QTest::addColumn<QString>("expected");
    QTest::newRow("no generator") << R"({"generator": null})"
                                  << "no \"generator\"";
    QTest::newRow("no discriminator") << R"({"discriminator": null})"
                                      << "no \"discriminator\"";
    QTest::newRow("a supervised network") << R"({"network": {"layers": []}})"
                                          << "unknown key 'network'";
    QTest::newRow("D with two outputs")
        << R"({"discriminator": {"layers": [{"type": "dense", "units": 2}]}})"
        << "the discriminator: Dense (layer 1) gives 2 outputs";
    QTest::newRow("G output beside the data")
        << R"({"generator": {"layers": [{"type": "dense", "units": 3}]}})"
        << "the generator: Dense (layer 1) gives 3 outputs but the data needs 2";
    QTest::newRow("noise dim 0") << R"({"noise": {"dim": 0}})"
                                 << "noise.dim";
    QTest::newRow("unknown distribution") << R"({"noise": {"distribution": "cauchy"}})"
                                          << "noise.distribution";
    QTest::newRow("unknown gan_loss") << R"({"training": {"gan_loss": "wasserstein"}})"
                                      << "training.gan_loss";
    QTest::newRow("d_steps 0") << R"({"training": {"d_steps": 0}})"
                               << "training.d_steps";
    QTest::newRow("batch_size past the limit") << R"({"training": {"batch_size": 2000000000}})"
                                               << "(training.batch_size) must be from 1 to 65536";
    QTest::newRow("g_steps past the limit") << R"({"training": {"g_steps": 1001}})"
                                            << "(training.g_steps) must be from 1 to 1000";
    QTest::newRow("negative step in the history")
        << R"({"history": [{"step": -100, "d_loss": 1.0}]})"
        << "history[0].step must be zero or more";
    QTest::newRow("D ending in a softmax")
        << R"({"discriminator": {"layers": [{"type": "dense", "units": 1}, {"type": "softmax"}]}})"
        << "the discriminator: Softmax (layer 2) ends the network, but a discriminator ends in a "
           "dense layer of 1 unit (its logit) or in a sigmoid";
    QTest::newRow("D ending in a tanh")
        << R"({"discriminator": {"layers": [{"type": "dense", "units": 1}, {"type": "tanh"}]}})"
        << "the discriminator: Tanh (layer 2) ends the network";
    QTest::newRow("negative learning rate")
        << R"({"training": {"generator": {"learning_rate": -1}}})"
        << "training.generator.learning_rate";
    QTest::newRow("optimizer key of a supervised project")
        << R"({"training": {"learning_rate": 0.1}})"
        << "unknown key 'learning_rate' in training";
    QTest::newRow("unknown key in an optimizer")
        << R"({"training": {"discriminator": {"lr": 0.1}}})"
        << "unknown key 'lr' in training.discriminator";
    QTest::newRow("unknown target") << R"({"data": {"source": "circle"}})"
                                    << "data.source";
    QTest::newRow("digit 10") << R"({"data": {"source": "digits", "digit": 10}})"
                              << "data.digit must be from 0 to 9";
    QTest::newRow("digit for the ring") << R"({"data": {"digit": 3}})"
                                        << "data.digit belongs to the digits target";
    QTest::newRow("one drawn point") << R"({"data": {"source": "points", "points": [[0, 0]]}})"
                                     << "data.points needs";
    QTest::newRow("point outside the plot")
        << R"({"data": {"source": "points", "points": [[0, 0], [7, 0]]}})"
        << "data.points[1]";
    QTest::newRow("point not a pair")
        << R"({"data": {"source": "points", "points": [[0, 0], [1]]}})"
        << "data.points[1]";
    QTest::newRow("csv without a file") << R"({"data": {"source": "csv"}})"
                                        << "data.path";
    QTest::newRow("repeated id across networks")
        << R"({"generator": {"layers": [{"type": "dense", "units": 2, "id": 4}]},
              "discriminator": {"layers": [{"type": "dense", "units": 1, "id": 4}]}})"
        << "repeats the id 4";
}

void TestGanProjectFile::badFilesNameTheKey() {
    QFETCH(QString, patch);
    QFETCH(QString, expected);
    json j = exampleGan();
    j.merge_patch(json::parse(patch.toStdString()));
    const QString error = errorOf(j);
    QVERIFY2(error.contains(expected), qPrintable(error));
}

QTEST_GUILESS_MAIN(TestGanProjectFile)
#include "test_gan_project_file.moc"
