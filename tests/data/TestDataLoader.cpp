// SPDX-License-Identifier: GPL-3.0-or-later
#include <QTest>
#include <algorithm>
#include <cmath>
#include <limits>

#include "DataTestSuites.h"
#include "TestHelpers.h"
#include "data/DataLoader.h"
#include "data/Features.h"

namespace nnplay::test {

namespace {

DataSpec planeSpec(const std::string& source) {
    DataSpec spec;
    spec.source = source;
    spec.samples = 200;
    spec.noise = 0.1;
    spec.seed = 21;
    return spec;
}

bool sameSplit(const DataSplit& a, const DataSplit& b) {
    return a.train.inputs == b.train.inputs && a.test.inputs == b.test.inputs &&
           a.train.labels == b.train.labels && a.train.targets == b.train.targets &&
           a.train.points == b.train.points;
}

}  // namespace

class TestDataLoader : public QObject {
    Q_OBJECT

private slots:
    void listsSources() {
        std::vector<std::string> names;
        for (const auto& s : dataSources()) names.push_back(s.name);
        const std::vector<std::string> expected{"circle", "xor",    "gaussian",      "spiral",
                                                "moons",  "groups", "plane",         "multigauss",
                                                "digits", "csv",    "fashion-mnist", "sine",
                                                "text",   "idx",    "image_folder"};
        QVERIFY(names == expected);
        QVERIFY(dataSources()[6].task == Task::Regression);
        QVERIFY(dataSources()[0].isPlane && dataSources()[5].isPlane);
        QVERIFY(!dataSources()[8].isPlane);
        QVERIFY(dataSources()[9].anyTask);
    }

    void loadsEveryGenerator_data() {
        QTest::addColumn<QString>("source");
        for (const auto& s : dataSources()) {
            if (s.isPlane) QTest::newRow(s.name.c_str()) << QString::fromStdString(s.name);
        }
    }

    void loadsEveryGenerator() {
        QFETCH(QString, source);
        const SourceInfo* info = nullptr;
        for (const auto& s : dataSources()) {
            if (s.name == source.toStdString()) info = &s;
        }
        QVERIFY(info != nullptr);
        DataSpec spec = planeSpec(info->name);
        spec.features = {"x1", "x2", "x1*x2", "sin(x2)"};
        spec.trainFraction = 0.6;
        const DataSplit split = loadData(spec, info->task, "");
        QCOMPARE(split.train.sampleCount(), 120);
        QCOMPARE(split.test.sampleCount(), 80);
        QVERIFY(split.info.task == info->task);
        QVERIFY(split.info.isPlane);
        QVERIFY(split.info.inputShape == Shape::flat(4));
        QVERIFY(split.info.featureNames == spec.features);
        QVERIFY(split.info.imageShape == (Shape{0, 0, 0}));
        QVERIFY(!split.standardizer.active());
        if (info->task == Task::Classification) {
            QVERIFY(split.info.classNames == (std::vector<std::string>{"-1", "+1"}));
            QCOMPARE(static_cast<int>(split.test.labels.size()), 80);
        } else {
            QVERIFY(split.info.classNames.empty());
            QCOMPARE(split.info.targetCount, 1);
            QCOMPARE(split.test.targets.cols(), 80);
        }
        // The inputs are the features of the stored points.
        Matrix expected;
        derivePlaneFeatures(split.test.points, spec.features, expected);
        QVERIFY(split.test.inputs == expected);
    }

    void deterministicPerSeed() {
        DataSpec spec = planeSpec("spiral");
        const DataSplit a = loadData(spec, Task::Classification, "");
        const DataSplit b = loadData(spec, Task::Classification, "");
        QVERIFY(sameSplit(a, b));
        spec.seed = 22;
        QVERIFY(!sameSplit(a, loadData(spec, Task::Classification, "")));
    }

    void rejectsBadSpecs_data() {
        QTest::addColumn<QString>("source");
        QTest::addColumn<bool>("regression");
        QTest::addColumn<int>("samples");
        QTest::addColumn<double>("noise");
        QTest::addColumn<double>("trainFraction");
        QTest::addColumn<QString>("feature");
        QTest::addColumn<QString>("message");
        const double nan = std::numeric_limits<double>::quiet_NaN();
        QTest::newRow("unknown source") << "donut" << false << 100 << 0.0 << 0.5 << "x1"
                                        << "unknown data source 'donut'";
        QTest::newRow("regression on circle") << "circle" << true << 100 << 0.0 << 0.5 << "x1"
                                              << "Circle data is for classification";
        QTest::newRow("classification on plane") << "plane" << false << 100 << 0.0 << 0.5 << "x1"
                                                 << "for regression, not classification";
        QTest::newRow("regression on digits") << "digits" << true << 100 << 0.0 << 0.5 << "x1"
                                              << "for classification, not regression";
        QTest::newRow("one sample") << "xor" << false << 1 << 0.0 << 0.5 << "x1"
                                    << "samples must be from 2 to 100000, not 1";
        QTest::newRow("too many samples") << "xor" << false << 100001 << 0.0 << 0.5 << "x1"
                                          << "not 100001";
        QTest::newRow("negative noise") << "circle" << false << 100 << -0.1 << 0.5 << "x1"
                                        << "noise must be from 0 to 0.5, not -0.1";
        QTest::newRow("too much noise") << "plane" << true << 100 << 0.6 << 0.5 << "x1"
                                        << "not 0.6";
        QTest::newRow("nan noise") << "plane" << true << 100 << nan << 0.5 << "x1"
                                   << "noise";
        QTest::newRow("fraction 0") << "circle" << false << 100 << 0.0 << 0.0 << "x1"
                                    << "training fraction must be between 0 and 1";
        QTest::newRow("fraction 1") << "digits" << false << 100 << 0.0 << 1.0 << "x1"
                                    << "training fraction";
        QTest::newRow("fraction 1.5") << "circle" << false << 100 << 0.0 << 1.5 << "x1"
                                      << "not 1.5";
        QTest::newRow("unknown feature") << "circle" << false << 100 << 0.0 << 0.5 << "x3"
                                         << "unknown input feature 'x3'";
        QTest::newRow("no features") << "circle" << false << 100 << 0.0 << 0.5 << ""
                                     << "no input features";
        QTest::newRow("csv without path") << "csv" << false << 100 << 0.0 << 0.5 << "x1"
                                          << "no CSV file";
    }

    void rejectsBadSpecs() {
        QFETCH(QString, source);
        QFETCH(bool, regression);
        QFETCH(int, samples);
        QFETCH(double, noise);
        QFETCH(double, trainFraction);
        QFETCH(QString, feature);
        QFETCH(QString, message);
        DataSpec spec;
        spec.source = source.toStdString();
        spec.samples = samples;
        spec.noise = noise;
        spec.trainFraction = trainFraction;
        spec.features.clear();
        if (!feature.isEmpty()) spec.features = {"x1", feature.toStdString()};
        if (feature == "x1") spec.features = {"x1"};
        const Task task = regression ? Task::Regression : Task::Classification;
        const QString error = inputErrorOf([&] { loadData(spec, task, ""); });
        QVERIFY2(error.contains(message), qPrintable(error));
        QCOMPARE(inputErrorOf([&] { checkDataSpec(spec, task); }), error);
    }

    void positiveShareHonoured() {
        DataSpec spec = planeSpec("xor");
        spec.samples = 400;
        spec.positiveShare = 0.08;
        const DataSplit split = loadData(spec, Task::Classification, "");
        auto positives = [](const Dataset& d) {
            return std::count(d.labels.begin(), d.labels.end(), 1);
        };
        QCOMPARE(positives(split.train) + positives(split.test), 32);
        QVERIFY(sameSplit(split, loadData(spec, Task::Classification, "")));
        // Unset: the generator's own balance, the samples every earlier version drew.
        spec.positiveShare.reset();
        const DataSplit own = loadData(spec, Task::Classification, "");
        QVERIFY(positives(own.train) + positives(own.test) > 150);
    }

    void groupsTrainShareAndBalancedTest() {
        DataSpec spec = planeSpec("groups");
        spec.samples = 400;
        spec.minorityShare = 0.04;
        const DataSplit split = loadData(spec, Task::Classification, "");
        auto ofGroup = [](const Dataset& d, int g) {
            return std::count(d.groups.begin(), d.groups.end(), g);
        };
        QCOMPARE(split.info.groupNames, (std::vector<std::string>{"A", "B"}));
        QCOMPARE(split.train.sampleCount(), 200);
        QCOMPARE(ofGroup(split.train, 1), 8);  // 4 % of the 200 training points
        QCOMPARE(ofGroup(split.test, 0), 100);
        QCOMPARE(ofGroup(split.test, 1), 100);
        // Each sample keeps its group through the split: B lives on the right half.
        for (const Dataset* part : {&split.train, &split.test}) {
            QCOMPARE(part->groups.size(), static_cast<std::size_t>(part->sampleCount()));
            for (int i = 0; i < part->sampleCount(); ++i)
                QCOMPARE(part->groups[static_cast<std::size_t>(i)], part->points(0, i) > 0 ? 1 : 0);
        }
        QVERIFY(sameSplit(split, loadData(spec, Task::Classification, "")));
        // A validation part comes out of the training part; together they keep the share.
        spec.validationFraction = 0.25;
        const DataSplit validated = loadData(spec, Task::Classification, "");
        QCOMPARE(ofGroup(validated.train, 1) + ofGroup(validated.validation, 1), 8);
        QCOMPARE(validated.validation.groups.size(), std::size_t(50));
        // Group B left out of training entirely; the test part still holds both groups.
        spec.validationFraction = 0.0;
        spec.minorityShare = 0.0;
        const DataSplit without = loadData(spec, Task::Classification, "");
        QCOMPARE(ofGroup(without.train, 1), 0);
        QCOMPARE(ofGroup(without.test, 1), 100);
        // Other data has no groups.
        QVERIFY(loadData(planeSpec("circle"), Task::Classification, "").train.groups.empty());
    }

    void keepsTheFirstTrainSamples() {
        DataSpec spec = planeSpec("circle");
        spec.samples = 200;
        spec.validationFraction = 0.25;
        const DataSplit all = loadData(spec, Task::Classification, "");
        QCOMPARE(all.train.sampleCount(), 75);
        spec.trainSamples = 30;
        const DataSplit some = loadData(spec, Task::Classification, "");
        // The first 30 of the same training part; validation and test stay as they were.
        QCOMPARE(some.train.sampleCount(), 30);
        QVERIFY(some.train.inputs == all.train.inputs.leftCols(30));
        QVERIFY(some.train.labels ==
                std::vector<int>(all.train.labels.begin(), all.train.labels.begin() + 30));
        QVERIFY(some.validation.inputs == all.validation.inputs);
        QVERIFY(some.test.inputs == all.test.inputs);
        spec.trainSamples = 75;
        QVERIFY(sameSplit(loadData(spec, Task::Classification, ""), all));
        spec.trainSamples = 76;
        try {
            loadData(spec, Task::Classification, "");
            QFAIL("more training samples than the training part holds were accepted");
        } catch (const InputError& e) {
            QVERIFY2(QString(e.what()).contains("data.train_samples") &&
                         QString(e.what()).contains("only 75"),
                     e.what());
        }
        spec.trainSamples = -1;
        QVERIFY_THROWS_EXCEPTION(InputError, checkDataSpec(spec, Task::Classification));
    }

    void refusesBadBalance_data() {
        QTest::addColumn<QString>("source");
        QTest::addColumn<double>("positiveShare");
        QTest::addColumn<double>("minorityShare");
        QTest::addColumn<QString>("message");
        const double unset = -1.0;
        const double nan = std::numeric_limits<double>::quiet_NaN();
        QTest::newRow("positive share 0")
            << "circle" << 0.0 << unset
            << "the share of positive samples (data.positive_share) must be between 0 and 1 "
               "(both excluded), not 0";
        QTest::newRow("positive share 1") << "moons" << 1.0 << unset << "not 1";
        QTest::newRow("positive share nan") << "xor" << nan << unset << "data.positive_share";
        QTest::newRow("positive share of groups")
            << "groups" << 0.5 << unset
            << "can be set for the two-class 2-D data (circle, xor, gaussian, spiral, moons), not "
               "for 'groups'";
        QTest::newRow("positive share of digits") << "digits" << 0.5 << unset << "not for 'digits'";
        QTest::newRow("minority share 1.5")
            << "groups" << unset << 1.5
            << "the share of group B in the training data (data.minority_share) must be from 0 "
               "to 1, not 1.5";
        QTest::newRow("minority share -0.1") << "groups" << unset << -0.1 << "not -0.1";
        QTest::newRow("minority share of circle")
            << "circle" << unset << 0.2 << "belongs to the 'groups' data, not to 'circle'";
    }

    void refusesBadBalance() {
        QFETCH(QString, source);
        QFETCH(double, positiveShare);
        QFETCH(double, minorityShare);
        QFETCH(QString, message);
        DataSpec spec = planeSpec(source.toStdString());
        if (positiveShare != -1.0) spec.positiveShare = positiveShare;
        if (minorityShare != -1.0) spec.minorityShare = minorityShare;
        const QString error = inputErrorOf([&] { checkDataBalance(spec); });
        QVERIFY2(error.contains(message), qPrintable(error));
        QCOMPARE(inputErrorOf([&] { checkDataSpec(spec, Task::Classification); }), error);
        QCOMPARE(inputErrorOf([&] { loadData(spec, Task::Classification, ""); }), error);
    }

    void dropsForeignBalance() {
        DataSpec spec = planeSpec("circle");
        spec.positiveShare = 0.1;
        spec.minorityShare = 0.2;
        dropForeignBalance(spec);
        QCOMPARE(spec.positiveShare, std::optional<double>(0.1));
        QVERIFY(!spec.minorityShare);
        spec.source = "groups";
        spec.minorityShare = 0.2;
        dropForeignBalance(spec);
        QVERIFY(!spec.positiveShare);
        QCOMPARE(spec.minorityShare, std::optional<double>(0.2));
    }

    void boundsAreInclusive() {
        DataSpec spec = planeSpec("circle");
        spec.samples = 2;
        spec.noise = 0.5;
        const DataSplit split = loadData(spec, Task::Classification, "");
        QCOMPARE(split.train.sampleCount(), 1);
        QCOMPARE(split.test.sampleCount(), 1);
        spec.samples = 100000;
        spec.noise = 0.0;
        QCOMPARE(loadData(spec, Task::Classification, "").train.sampleCount(), 50000);
    }

    void featuresIgnoredOutsideThePlane() {
        DataSpec spec;
        spec.source = "digits";
        spec.features = {"nonsense"};
        spec.samples = 0;
        spec.noise = 9.0;
        QCOMPARE(loadData(spec, Task::Classification, "").info.featureNames.size(),
                 std::size_t{64});
    }
};

int runDataLoaderTests(int argc, char** argv) {
    TestDataLoader test;
    return QTest::qExec(&test, argc, argv);
}

}  // namespace nnplay::test

#include "TestDataLoader.moc"
