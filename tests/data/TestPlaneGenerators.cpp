// SPDX-License-Identifier: GPL-3.0-or-later
#include <QTest>
#include <algorithm>
#include <cmath>

#include "DataTestSuites.h"
#include "TestHelpers.h"
#include "data/PlaneGenerators.h"

namespace nnplay::test {

namespace {

const char* const kClassifiers[] = {"circle", "xor", "gaussian", "spiral", "moons"};
const char* const kRegressors[] = {"plane", "multigauss"};

bool isRegression(const std::string& source) { return source == "plane" || source == "multigauss"; }

int countClass(const Dataset& data, int label) {
    return static_cast<int>(std::count(data.labels.begin(), data.labels.end(), label));
}

bool sameSamples(const Dataset& a, const Dataset& b) {
    return a.points == b.points && a.labels == b.labels && a.targets == b.targets;
}

float radiusOf(const Dataset& data, int i) { return data.points.col(i).norm(); }

}  // namespace

class TestPlaneGenerators : public QObject {
    Q_OBJECT

private slots:
    void sampleCount_data() {
        QTest::addColumn<QString>("source");
        QTest::addColumn<int>("samples");
        for (const char* s : kClassifiers) {
            QTest::newRow(qPrintable(QStringLiteral("%1 500").arg(s))) << QString(s) << 500;
            QTest::newRow(qPrintable(QStringLiteral("%1 7").arg(s))) << QString(s) << 7;
        }
        for (const char* s : kRegressors) {
            QTest::newRow(qPrintable(QStringLiteral("%1 500").arg(s))) << QString(s) << 500;
            QTest::newRow(qPrintable(QStringLiteral("%1 7").arg(s))) << QString(s) << 7;
        }
    }

    void sampleCount() {
        QFETCH(QString, source);
        QFETCH(int, samples);
        const Dataset data = generatePlaneData(source.toStdString(), samples, 0.2, 1);
        QCOMPARE(data.points.rows(), 2);
        QCOMPARE(data.points.cols(), samples);
        QCOMPARE(data.inputs.size(), 0);
        if (isRegression(source.toStdString())) {
            QCOMPARE(data.targets.rows(), 1);
            QCOMPARE(data.targets.cols(), samples);
            QVERIFY(data.labels.empty());
        } else {
            QCOMPARE(static_cast<int>(data.labels.size()), samples);
            QCOMPARE(data.targets.size(), 0);
            for (int label : data.labels) QVERIFY(label == 0 || label == 1);
        }
    }

    void classBalance_data() {
        QTest::addColumn<QString>("source");
        QTest::addColumn<double>("noise");
        QTest::addColumn<int>("tolerance");
        // Gaussian, spiral and moons draw half the points per class; circle and xor label the
        // noise-free points by region (circle: half inside, half outside), so noise 0 is exact
        // for circle and about half for xor.
        for (const char* s : {"gaussian", "spiral", "moons"}) {
            QTest::newRow(qPrintable(QStringLiteral("%1 noisy").arg(s))) << QString(s) << 0.5 << 1;
        }
        QTest::newRow("circle") << "circle" << 0.0 << 1;
        QTest::newRow("xor") << "xor" << 0.0 << 60;
    }

    void classBalance() {
        QFETCH(QString, source);
        QFETCH(double, noise);
        QFETCH(int, tolerance);
        const Dataset data = generatePlaneData(source.toStdString(), 501, noise, 3);
        const int zeros = countClass(data, 0);
        const int ones = countClass(data, 1);
        QCOMPARE(zeros + ones, 501);
        QVERIFY2(std::abs(zeros - ones) <= tolerance,
                 qPrintable(QStringLiteral("%1 vs %2").arg(zeros).arg(ones)));
    }

    void circleGeometry() {
        const Dataset data = generatePlaneData("circle", 400, 0.0, 2);
        for (int i = 0; i < 400; ++i) {
            const float r = radiusOf(data, i);
            if (data.labels[i] == 1) {
                QVERIFY(r <= 2.5f);
            } else {
                QVERIFY(r >= 3.5f - 1e-5f && r <= 5.0f + 1e-5f);
            }
        }
    }

    void xorGeometry() {
        const Dataset data = generatePlaneData("xor", 400, 0.0, 2);
        for (int i = 0; i < 400; ++i) {
            const float x = data.points(0, i);
            const float y = data.points(1, i);
            QVERIFY(std::abs(x) >= 0.3f && std::abs(x) <= 5.3f);
            QVERIFY(std::abs(y) >= 0.3f && std::abs(y) <= 5.3f);
            QCOMPARE(data.labels[i], x * y >= 0 ? 1 : 0);
        }
    }

    void gaussianCentres() {
        const Dataset data = generatePlaneData("gaussian", 2000, 0.0, 2);
        Eigen::Vector2f sums[2] = {Eigen::Vector2f::Zero(), Eigen::Vector2f::Zero()};
        for (int i = 0; i < 2000; ++i) sums[data.labels[i]] += data.points.col(i);
        QVERIFY((sums[1] / 1000.0f - Eigen::Vector2f(2, 2)).norm() < 0.1f);
        QVERIFY((sums[0] / 1000.0f - Eigen::Vector2f(-2, -2)).norm() < 0.1f);
    }

    void spiralGeometry() {
        const Dataset data = generatePlaneData("spiral", 200, 0.0, 2);
        // Without noise each arm starts at the centre and winds out to radius 5.
        QCOMPARE(radiusOf(data, 0), 0.0f);
        QCOMPARE(data.labels[0], 1);
        QCOMPARE(data.labels[100], 0);
        for (int i = 0; i < 200; ++i) QVERIFY(radiusOf(data, i) < 5.0f);
        // Point 50 of the first arm: r = 2.5, t = 1.75 * pi.
        QVERIFY(std::abs(data.points(0, 50) - 2.5f * std::sin(1.75f * 3.14159265f)) < 1e-4f);
        QVERIFY(std::abs(data.points(1, 50) - 2.5f * std::cos(1.75f * 3.14159265f)) < 1e-4f);
        // The second arm is the first one turned by pi.
        QVERIFY((data.points.col(150) + data.points.col(50)).norm() < 1e-4f);
    }

    void moonsGeometry() {
        const Dataset data = generatePlaneData("moons", 200, 0.0, 2);
        for (int i = 0; i < 200; ++i) {
            QVERIFY(std::abs(data.points(0, i)) <= 4.5f + 1e-4f);
            QVERIFY(std::abs(data.points(1, i)) <= 2.25f + 1e-4f);
        }
        // Class 0 (upper moon) lies on the circle of radius 3 around (-1.5, -0.75); class 1 (lower
        // moon) around (1.5, 0.75).
        for (int i = 0; i < 200; ++i) {
            const Eigen::Vector2f centre =
                data.labels[i] == 0 ? Eigen::Vector2f(-1.5f, -0.75f) : Eigen::Vector2f(1.5f, 0.75f);
            QVERIFY(std::abs((data.points.col(i) - centre).norm() - 3.0f) < 1e-4f);
        }
    }

    void regressionTargets() {
        const Dataset plane = generatePlaneData("plane", 500, 0.0, 2);
        for (int i = 0; i < 500; ++i) {
            QVERIFY(plane.points.col(i).cwiseAbs().maxCoeff() <= 6.0f);
            const float expected = (plane.points(0, i) + plane.points(1, i)) / 10.0f;
            QVERIFY(std::abs(plane.targets(0, i) - expected) < 1e-5f);
        }
        const Dataset gauss = generatePlaneData("multigauss", 2000, 0.0, 2);
        QVERIFY(gauss.targets.maxCoeff() <= 1.0f);
        QVERIFY(gauss.targets.minCoeff() >= -1.0f);
        QVERIFY(gauss.targets.maxCoeff() > 0.8f);
        QVERIFY(gauss.targets.minCoeff() < -0.8f);
        for (int i = 0; i < 2000; ++i) {
            // Near the +1 bump at (-4, 2.5) the target is positive; far from all bumps it is 0.
            const Eigen::Vector2f p = gauss.points.col(i);
            if ((p - Eigen::Vector2f(-4, 2.5f)).norm() < 1.0f) QVERIFY(gauss.targets(0, i) > 0.4f);
            if (std::abs(p.y()) > 4.6f) QCOMPARE(gauss.targets(0, i), 0.0f);
        }
    }

    void deterministicPerSeed_data() {
        QTest::addColumn<QString>("source");
        for (const char* s : kClassifiers) QTest::newRow(s) << QString(s);
        for (const char* s : kRegressors) QTest::newRow(s) << QString(s);
    }

    void deterministicPerSeed() {
        QFETCH(QString, source);
        const std::string name = source.toStdString();
        const Dataset a = generatePlaneData(name, 300, 0.2, 11);
        const Dataset b = generatePlaneData(name, 300, 0.2, 11);
        const Dataset c = generatePlaneData(name, 300, 0.2, 12);
        QVERIFY(sameSamples(a, b));
        QVERIFY(!sameSamples(a, c));
    }

    void noiseChangesSamples_data() { deterministicPerSeed_data(); }

    void noiseChangesSamples() {
        QFETCH(QString, source);
        const std::string name = source.toStdString();
        const Dataset clean = generatePlaneData(name, 300, 0.0, 4);
        const Dataset noisy = generatePlaneData(name, 300, 0.5, 4);
        QVERIFY(!sameSamples(clean, noisy));
    }

    void noiseFlipsCircleLabels() {
        // Circle keeps the drawn point and labels the noisy one, like Playground.
        const Dataset noisy = generatePlaneData("circle", 1000, 0.5, 4);
        int mislabeled = 0;
        for (int i = 0; i < 1000; ++i) {
            if ((radiusOf(noisy, i) < 2.5f ? 1 : 0) != noisy.labels[i]) ++mislabeled;
        }
        QVERIFY(mislabeled > 50);
    }

    void noiseWidensGaussians() {
        // Mean squared distance from the class centre is twice the variance: 2 * 0.5 without
        // noise, 2 * 4 at noise 0.5.
        auto spread = [](const Dataset& data) {
            double sum = 0.0;
            for (int i = 0; i < data.sampleCount(); ++i) {
                const float c = data.labels[i] == 1 ? 2.0f : -2.0f;
                sum += (data.points.col(i) - Eigen::Vector2f(c, c)).squaredNorm();
            }
            return sum / data.sampleCount();
        };
        Dataset clean = generatePlaneData("gaussian", 4000, 0.0, 4);
        Dataset noisy = generatePlaneData("gaussian", 4000, 0.5, 4);
        clean.inputs = clean.points;
        noisy.inputs = noisy.points;
        QVERIFY(std::abs(spread(clean) - 1.0) < 0.1);
        QVERIFY(std::abs(spread(noisy) - 8.0) < 0.6);
    }

    void positiveShareIsExact_data() {
        QTest::addColumn<QString>("source");
        QTest::addColumn<double>("noise");
        QTest::addColumn<int>("positives");
        // Noise decides the label for circle and xor: the counts hold all the same.
        for (const char* s : kClassifiers) {
            for (double noise : {0.0, 0.3}) {
                for (int positives : {1, 32, 371}) {
                    QTest::newRow(qPrintable(
                        QStringLiteral("%1 noise %2, %3 of 400").arg(s).arg(noise).arg(positives)))
                        << QString(s) << noise << positives;
                }
            }
        }
    }

    void positiveShareIsExact() {
        QFETCH(QString, source);
        QFETCH(double, noise);
        QFETCH(int, positives);
        PlaneBalance balance;
        balance.positives = positives;
        const Dataset data = generatePlaneData(source.toStdString(), 400, noise, 5, balance);
        QCOMPARE(data.points.cols(), 400);
        QCOMPARE(countClass(data, 1), positives);
        QCOMPARE(countClass(data, 0), 400 - positives);
        QVERIFY(data.groups.empty());
        // Deterministic by seed; another seed draws other points (spiral and moons draw
        // evenly spaced points, random only through noise).
        QVERIFY(sameSamples(data, generatePlaneData(source.toStdString(), 400, noise, 5, balance)));
        const bool random = noise > 0 || (source != "spiral" && source != "moons");
        QCOMPARE(sameSamples(data, generatePlaneData(source.toStdString(), 400, noise, 6, balance)),
                 !random);
    }

    void positiveSampleCountRounds() {
        QCOMPARE(positiveSampleCount(400, 0.08), 32);
        QCOMPARE(positiveSampleCount(25, 0.5), 13);  // 12.5 rounds up
        QCOMPARE(positiveSampleCount(10, 0.01), 1);  // at least one positive
        QCOMPARE(positiveSampleCount(10, 0.99), 9);  // and one negative
        QCOMPARE(positiveSampleCount(1, 0.5), 1);
    }

    void groupsGeometry() {
        PlaneBalance balance;
        balance.groupB = 30;
        const Dataset data = generatePlaneData("groups", 200, 0.0, 3, balance);
        QCOMPARE(data.points.cols(), 200);
        QCOMPARE(data.groups.size(), std::size_t(200));
        QCOMPARE(planeGroupNames(), (std::vector<std::string>{"A", "B"}));
        for (int i = 0; i < 200; ++i) {
            const float x = data.points(0, i), y = data.points(1, i);
            const int group = data.groups[static_cast<std::size_t>(i)];
            QCOMPARE(group, i < 170 ? 0 : 1);  // group A first, then the 30 of group B
            // A: the left half, class 1 above x2 = 0; B: the right half, class 1 above the
            // line through (0.5, -4.5) and (5, 4.5).
            QVERIFY(group == 0 ? x >= -5.0f && x <= -0.5f : x >= 0.5f && x <= 5.0f);
            const float boundary = group == 0 ? 0.0f : 2.0f * (x - 2.75f);
            QCOMPARE(data.labels[static_cast<std::size_t>(i)], y > boundary ? 1 : 0);
        }
        // Without a balance, half each.
        const Dataset even = generatePlaneData("groups", 201, 0.1, 3);
        QCOMPARE(std::count(even.groups.begin(), even.groups.end(), 1), 100);
    }

    void refusesBalanceItCannotDraw() {
        PlaneBalance positives;
        positives.positives = 10;
        QVERIFY(inputErrorOf([&] {
                    generatePlaneData("groups", 100, 0.0, 1, positives);
                }).contains("no share of positive samples"));
        QVERIFY(inputErrorOf([&] {
                    generatePlaneData("plane", 100, 0.0, 1, positives);
                }).contains("no share of positive samples"));
        positives.positives = 101;
        QVERIFY(inputErrorOf([&] {
                    generatePlaneData("circle", 100, 0.0, 1, positives);
                }).contains("more samples than the data"));
        PlaneBalance groupB;
        groupB.groupB = 10;
        QVERIFY(inputErrorOf([&] {
                    generatePlaneData("circle", 100, 0.0, 1, groupB);
                }).contains("has no groups"));
        QVERIFY(isBinaryPlaneSource("moons") && !isBinaryPlaneSource("groups") &&
                !isBinaryPlaneSource("plane"));
    }

    void rejectsOtherSources() {
        QVERIFY(inputErrorOf([] { generatePlaneData("digits", 10, 0.0, 1); }).contains("digits"));
        QVERIFY(isPlaneSource("moons"));
        QVERIFY(!isPlaneSource("csv"));
    }
};

int runPlaneGeneratorsTests(int argc, char** argv) {
    TestPlaneGenerators test;
    return QTest::qExec(&test, argc, argv);
}

}  // namespace nnplay::test

#include "TestPlaneGenerators.moc"
