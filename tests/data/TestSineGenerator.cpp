// SPDX-License-Identifier: GPL-3.0-or-later
#include <QTest>
#include <algorithm>
#include <cmath>
#include <functional>
#include <map>
#include <numbers>

#include "DataTestSuites.h"
#include "TestHelpers.h"
#include "data/DataDescription.h"
#include "data/DataLoader.h"
#include "data/SineGenerator.h"

namespace nnplay::test {

namespace {

/// sin(pi t / 2): 0, 1, 0, -1, 0, 1, ... for every sample (frequency 0.25, phase 0).
DataSpec quarterWave(int samples, int steps, int horizon) {
    DataSpec spec;
    spec.source = "sine";
    spec.samples = samples;
    spec.sequenceLength = steps;
    spec.horizon = horizon;
    spec.frequencyMin = spec.frequencyMax = 0.25;
    spec.phaseMin = spec.phaseMax = 0.0;
    return spec;
}

bool near(float a, double b) { return std::abs(double(a) - b) < 1e-6; }

}  // namespace

class TestSineGenerator : public QObject {
    Q_OBJECT

private slots:
    void windowTargetsAndStepTargetsByHand() {
        const Dataset data = generateSineData(quarterWave(3, 4, 2));
        QCOMPARE(data.inputs.rows(), 4);
        QCOMPARE(data.inputs.cols(), 3);
        QCOMPARE(data.targets.rows(), 2);
        QCOMPARE(data.stepTargets.rows(), 8);
        QCOMPARE(data.stepTargets.cols(), 3);
        QVERIFY(data.labels.empty());
        const double wave[] = {0, 1, 0, -1, 0, 1};
        for (int s = 0; s < 3; ++s) {
            for (int t = 0; t < 4; ++t) QVERIFY2(near(data.inputs(t, s), wave[t]), "input");
            // The two values after the window.
            QVERIFY(near(data.targets(0, s), 0.0));
            QVERIFY(near(data.targets(1, s), 1.0));
            // Step t predicts x(t+1), x(t+2), step-major.
            for (int t = 0; t < 4; ++t) {
                QVERIFY2(near(data.stepTargets(2 * t, s), wave[t + 1]), "step target");
                QVERIFY2(near(data.stepTargets(2 * t + 1, s), wave[t + 2]), "step target");
            }
        }
    }

    void phaseIsInCycles() {
        DataSpec spec = quarterWave(1, 3, 1);
        spec.phaseMin = spec.phaseMax = 0.25;  // a quarter turn: the cosine
        const Dataset data = generateSineData(spec);
        QVERIFY(near(data.inputs(0, 0), 1.0));
        QVERIFY(near(data.inputs(1, 0), 0.0));
        QVERIFY(near(data.inputs(2, 0), -1.0));
        QVERIFY(near(data.targets(0, 0), 0.0));
    }

    void eachSampleHasItsOwnSeededWave() {
        DataSpec spec;
        spec.source = "sine";
        spec.samples = 50;
        spec.sequenceLength = 12;
        spec.horizon = 3;
        const Dataset a = generateSineData(spec);
        QVERIFY(a.inputs == generateSineData(spec).inputs);
        QVERIFY(a.inputs.col(0) != a.inputs.col(1));
        spec.seed = 2;
        QVERIFY(a.inputs != generateSineData(spec).inputs);
        // Without noise each step's first step target is the next input, and the last step's
        // step targets are the window's targets.
        for (int s = 0; s < 50; ++s) {
            for (int t = 0; t + 1 < 12; ++t) QCOMPARE(a.stepTargets(t * 3, s), a.inputs(t + 1, s));
            for (int j = 0; j < 3; ++j) QCOMPARE(a.stepTargets(11 * 3 + j, s), a.targets(j, s));
        }
        QVERIFY(a.inputs.cwiseAbs().maxCoeff() <= 1.0f);
    }

    void frequencyStaysInItsRange() {
        // A frequency from 0.1 to 0.2 cycles per step moves the phase by 0.2 pi to 0.4 pi a step:
        // the angle between x(0) and x(1) is recovered from x(0), x(1) and x(2).
        DataSpec spec;
        spec.source = "sine";
        spec.samples = 200;
        spec.sequenceLength = 3;
        spec.frequencyMin = 0.1;
        spec.frequencyMax = 0.2;
        const Dataset data = generateSineData(spec);
        for (int s = 0; s < spec.samples; ++s) {
            // x(0) + x(2) = 2 cos(w) x(1) for a sine of angular step w.
            const double x1 = data.inputs(1, s);
            if (std::abs(x1) < 0.2) continue;
            const double cosine = (data.inputs(0, s) + data.inputs(2, s)) / (2.0 * x1);
            const double frequency =
                std::acos(std::clamp(cosine, -1.0, 1.0)) / (2.0 * std::numbers::pi);
            QVERIFY2(frequency > 0.1 - 1e-3 && frequency < 0.2 + 1e-3,
                     qPrintable(QString::number(frequency)));
        }
    }

    void noiseGoesIntoTheInputsOnly() {
        DataSpec clean = quarterWave(20, 8, 1);
        DataSpec noisy = clean;
        noisy.noise = 0.1;
        const Dataset a = generateSineData(clean);
        const Dataset b = generateSineData(noisy);
        QVERIFY(a.targets == b.targets);
        QVERIFY(a.stepTargets == b.stepTargets);
        const double deviation = std::sqrt((b.inputs - a.inputs).squaredNorm() / 160.0);
        QVERIFY2(deviation > 0.07 && deviation < 0.13, qPrintable(QString::number(deviation)));
    }

    void loadDataSplitsStepTargetsWithTheSamples() {
        DataSpec spec;
        spec.source = "sine";
        spec.samples = 40;
        spec.sequenceLength = 10;
        spec.horizon = 2;
        spec.validationFraction = 0.25;
        const DataSplit split = loadData(spec, Task::Regression, {});
        QCOMPARE(split.info.inputShape, Shape::sequence(10, 1));
        QCOMPARE(split.info.targetCount, 2);
        QVERIFY((split.info.targetRange == std::array<float, 2>{-1.0f, 1.0f}));
        QCOMPARE(
            split.train.sampleCount() + split.validation.sampleCount() + split.test.sampleCount(),
            40);
        QVERIFY(split.validation.sampleCount() > 0);
        for (const Dataset* part : {&split.train, &split.validation, &split.test}) {
            QCOMPARE(part->stepTargets.rows(), 20);
            QCOMPARE(part->stepTargets.cols(), part->inputs.cols());
            QCOMPARE(part->targets.cols(), part->inputs.cols());
            // Each sample keeps its own step targets: without noise step t predicts input t+1.
            for (int s = 0; s < part->sampleCount(); ++s)
                QCOMPARE(part->stepTargets(0, s), part->inputs(1, s));
        }
        const DataInfo described = describeData(spec, Task::Regression, {});
        QCOMPARE(described.inputShape, split.info.inputShape);
        QCOMPARE(described.targetCount, 2);
        QVERIFY(described.featureNames == split.info.featureNames);
        QVERIFY(described.targetRange == split.info.targetRange);
    }

    void isForRegression() {
        DataSpec spec;
        spec.source = "sine";
        const QString message = inputErrorOf([&] { loadData(spec, Task::Classification, {}); });
        QVERIFY2(message.contains("Sine waves") && message.contains("regression"),
                 qPrintable(message));
    }

    void refusesSettingsOutOfRange_data() {
        QTest::addColumn<QString>("key");
        QTest::addColumn<double>("value");
        QTest::addColumn<QString>("part");
        QTest::newRow("one sample") << "samples" << 1.0 << "data.samples) must be from 2";
        QTest::newRow("noise") << "noise" << 0.6 << "data.noise) must be from 0 to 0.5, not 0.6";
        QTest::newRow("one step") << "sequence_length" << 1.0
                                  << "data.sequence_length) must be from 2 to 1000, not 1";
        QTest::newRow("no horizon") << "horizon" << 0.0 << "data.horizon) must be from 1 to 100";
        QTest::newRow("frequency 0")
            << "frequency_min" << 0.0 << "data.frequency_min) must be above 0 up to 0.5, not 0";
        QTest::newRow("frequency beyond Nyquist")
            << "frequency_max" << 0.6 << "data.frequency_max) must be above 0 up to 0.5, not 0.6";
        QTest::newRow("frequencies crossed")
            << "frequency_min" << 0.2 << "(data.frequency_min, 0.2) is above the largest";
        QTest::newRow("phase below 0")
            << "phase_min" << -0.1 << "data.phase_min) must be from 0 to 1, not -0.1";
        QTest::newRow("phase above 1") << "phase_max" << 1.5 << "data.phase_max) must be from 0";
        QTest::newRow("too many values") << "samples" << 100000.0 << "more than 20000000";
    }

    void refusesSettingsOutOfRange() {
        QFETCH(QString, key);
        QFETCH(double, value);
        QFETCH(QString, part);
        DataSpec spec;
        spec.source = "sine";
        spec.frequencyMax = 0.1;
        spec.phaseMax = 1.0;
        spec.sequenceLength = 150;
        const std::map<QString, std::function<void()>> set{
            {"samples", [&] { spec.samples = int(value); }},
            {"noise", [&] { spec.noise = value; }},
            {"sequence_length", [&] { spec.sequenceLength = int(value); }},
            {"horizon", [&] { spec.horizon = int(value); }},
            {"frequency_min", [&] { spec.frequencyMin = value; }},
            {"frequency_max", [&] { spec.frequencyMax = value; }},
            {"phase_min", [&] { spec.phaseMin = value; }},
            {"phase_max", [&] { spec.phaseMax = value; }},
        };
        set.at(key)();
        DataSpec defaults;
        defaults.source = "sine";
        checkDataSpec(defaults, Task::Regression);  // the defaults pass
        const QString message = inputErrorOf([&] { checkDataSpec(spec, Task::Regression); });
        QVERIFY2(message.contains(part), qPrintable(message));
    }
};

int runSineGeneratorTests(int argc, char** argv) {
    TestSineGenerator test;
    return QTest::qExec(&test, argc, argv);
}

}  // namespace nnplay::test

#include "TestSineGenerator.moc"
