// SPDX-License-Identifier: GPL-3.0-or-later
#include <QtTest>
#include <cmath>

#include "DataTestSuites.h"
#include "TestHelpers.h"
#include "data/DataLoader.h"
#include "data/FashionMnist.h"
#include "data/GanTargets.h"
#include "data/PlaneGenerators.h"

namespace nnplay::test {

namespace {

DataSpec target(const std::string& source) {
    DataSpec d;
    d.source = source;
    d.samples = 2000;
    d.seed = 4;
    return d;
}

}  // namespace

class TestGanTargets : public QObject {
    Q_OBJECT

private slots:
    void drawsEveryPlaneTarget_data() {
        QTest::addColumn<QString>("source");
        for (const char* s : {"ring", "grid", "line", "moons", "spiral", "regions"})
            QTest::newRow(s) << s;
    }

    void drawsEveryPlaneTarget() {
        QFETCH(QString, source);
        const DataSpec spec = target(source.toStdString());
        const DataSplit split = loadData(spec, Task::Gan, "");
        QVERIFY(split.info.task == Task::Gan);
        QVERIFY(split.info.isPlane);
        QCOMPARE(split.info.inputShape, Shape::flat(2));
        QCOMPARE(split.train.sampleCount(), 2000);
        QCOMPARE(split.test.sampleCount(), 0);
        QVERIFY(split.train.inputs == split.train.points);
        QVERIFY(split.train.inputs.cwiseAbs().maxCoeff() <= kPlaneExtent);
        // The same seed draws the same samples; another seed others.
        QVERIFY(loadData(spec, Task::Gan, "").train.inputs == split.train.inputs);
        DataSpec other = spec;
        other.seed = 5;
        QVERIFY(loadData(other, Task::Gan, "").train.inputs != split.train.inputs);
    }

    // Nearly every sample of a mixture lies within 3 sigma of a mode (99.9 % of a 2-D Gaussian
    // lies within 3.7 sigma; within 3 sigma 98.9 %), and every mode has about its share.
    void mixturesKnowTheirModes_data() {
        QTest::addColumn<QString>("source");
        QTest::addColumn<int>("modes");
        QTest::newRow("ring") << "ring" << 8;
        QTest::newRow("grid") << "grid" << 25;
    }

    void mixturesKnowTheirModes() {
        QFETCH(QString, source);
        QFETCH(int, modes);
        const std::vector<GanMode> centres = ganTargetModes(source.toStdString());
        QCOMPARE(static_cast<int>(centres.size()), modes);
        DataSpec spec = target(source.toStdString());
        spec.samples = 20000;
        const Matrix x = loadData(spec, Task::Gan, "").train.inputs;
        std::vector<int> counts(centres.size(), 0);
        int near = 0;
        for (Eigen::Index i = 0; i < x.cols(); ++i)
            for (std::size_t k = 0; k < centres.size(); ++k) {
                const float d = std::hypot(x(0, i) - centres[k].x, x(1, i) - centres[k].y);
                if (d <= 3 * centres[k].sigma) {
                    ++near;
                    ++counts[k];
                }
            }
        QVERIFY(near > 0.98 * x.cols());
        for (const int c : counts) QVERIFY(std::abs(c - x.cols() / modes) < 0.2 * x.cols() / modes);
        QVERIFY(ganTargetModes("moons").empty());
    }

    void ringModesLieOnTheCircle() {
        const std::vector<GanMode> m = ganTargetModes("ring");
        QCOMPARE(m[0].x, 4.0f);
        QCOMPARE(m[0].y, 0.0f);
        QVERIFY(std::abs(m[2].x) < 1e-6f && std::abs(m[2].y - 4.0f) < 1e-6f);
    }

    void drawnPointsAreTheSamples() {
        DataSpec spec = target("points");
        spec.points = {{1.0f, 2.0f}, {-3.0f, 0.5f}, {0.0f, -5.5f}};
        const DataSplit split = loadData(spec, Task::Gan, "");
        QCOMPARE(split.train.sampleCount(), 3);
        QCOMPARE(split.train.inputs(0, 1), -3.0f);
        QCOMPARE(split.train.inputs(1, 2), -5.5f);
    }

    void csvHasTwoColumnsInsideThePlot() {
        DataSpec spec = target("csv");
        spec.csvText = "a,b\n1,2\n-3,0.5\n";
        const DataSplit split = loadData(spec, Task::Gan, "");
        QCOMPARE(split.train.sampleCount(), 2);
        QCOMPARE(split.train.inputs(1, 1), 0.5f);
        spec.csvText = "a,b,c\n1,2,3\n4,5,6\n";
        QVERIFY(inputErrorOf([&] { loadData(spec, Task::Gan, ""); }).contains("exactly 2 columns"));
        spec.csvText = "a,b\n1,2\n9,0\n";
        const QString outside = inputErrorOf([&] { loadData(spec, Task::Gan, ""); });
        QVERIFY2(outside.contains("line 3, column 1") && outside.contains("outside the plot"),
                 qPrintable(outside));
        spec.csvText = "a,b\n1,x\n2,3\n";
        QVERIFY(inputErrorOf([&] { loadData(spec, Task::Gan, ""); }).contains("line 2, column 2"));
    }

    void digitsOnThePixelScale() {
        DataSpec spec = target("digits");
        const DataSplit all = loadData(spec, Task::Gan, "");
        QCOMPARE(all.info.inputShape, (Shape{1, 8, 8}));
        QCOMPARE(all.train.sampleCount(), 1797);  // every digit of the file
        QVERIFY(all.train.inputs.minCoeff() >= 0.0f && all.train.inputs.maxCoeff() <= 1.0f);
        spec.digit = 3;
        const DataSplit threes = loadData(spec, Task::Gan, "");
        QCOMPARE(threes.train.sampleCount(), 183);  // the file's threes
        QVERIFY(threes.train.labels.empty());
    }

    void fashionMnistOneClass() {
        try {
            checkFashionMnistInstalled();
        } catch (const InputError&) {
            QSKIP("dataset-fashion-mnist is not installed");
        }
        DataSpec spec = target("fashion-mnist");
        spec.trainLimit = 600;
        spec.imageClass = 7;
        const DataSplit split = loadData(spec, Task::Gan, "");
        QCOMPARE(split.info.inputShape, (Shape{1, 28, 28}));
        QVERIFY(split.train.sampleCount() > 20 && split.train.sampleCount() < 120);
        QVERIFY(split.train.inputs.maxCoeff() <= 1.0f);
    }

    void unknownSourcesAreNamed() {
        const QString error = inputErrorOf([] { checkDataSpec(target("circle"), Task::Gan); });
        QVERIFY(error.contains("not a GAN target") && error.contains("ring"));
    }
};

int runGanTargetsTests(int argc, char** argv) {
    TestGanTargets test;
    return QTest::qExec(&test, argc, argv);
}

}  // namespace nnplay::test

#include "TestGanTargets.moc"
