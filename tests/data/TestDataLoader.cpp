// SPDX-License-Identifier: GPL-3.0-or-later
#include <QTest>
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
        const std::vector<std::string> expected{
            "circle", "xor", "gaussian", "spiral", "moons", "plane", "multigauss", "digits", "csv"};
        QVERIFY(names == expected);
        QVERIFY(dataSources()[5].task == Task::Regression);
        QVERIFY(dataSources()[0].isPlane);
        QVERIFY(!dataSources()[7].isPlane);
        QVERIFY(dataSources()[8].anyTask);
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
