// SPDX-License-Identifier: GPL-3.0-or-later
#include <QTest>

#include "DataTestSuites.h"
#include "TestHelpers.h"
#include "data/Features.h"

namespace nnplay::test {

class TestFeatures : public QObject {
    Q_OBJECT

private slots:
    void namesInDisplayOrder() {
        const std::vector<std::string> expected{"x1",    "x2",      "x1^2",   "x2^2",
                                                "x1*x2", "sin(x1)", "sin(x2)"};
        QCOMPARE(planeFeatureNames(), expected);
    }

    void handComputedValues() {
        Matrix points(2, 2);
        points << 1.0f, -2.0f,  //
            0.5f, 3.0f;
        Matrix out;
        derivePlaneFeatures(points, planeFeatureNames(), out);
        QCOMPARE(out.rows(), 7);
        QCOMPARE(out.cols(), 2);
        const float expected[7][2] = {{1.0f, -2.0f},         {0.5f, 3.0f},  {1.0f, 4.0f},
                                      {0.25f, 9.0f},         {0.5f, -6.0f}, {0.841471f, -0.909297f},
                                      {0.479426f, 0.141120f}};
        for (int f = 0; f < 7; ++f) {
            for (int s = 0; s < 2; ++s) {
                QVERIFY2(
                    std::abs(out(f, s) - expected[f][s]) < 1e-5f,
                    qPrintable(
                        QStringLiteral("feature %1 sample %2: %3").arg(f).arg(s).arg(out(f, s))));
            }
        }
    }

    void followsTheRequestedOrder() {
        Matrix points(2, 1);
        points << 2.0f, 3.0f;
        Matrix out;
        derivePlaneFeatures(points, {"x1*x2", "x1"}, out);
        QCOMPARE(out.rows(), 2);
        QCOMPARE(out(0, 0), 6.0f);
        QCOMPARE(out(1, 0), 2.0f);
    }

    void reusesAnOutputOfTheRightSize() {
        Matrix points = Matrix::Random(2, 100);
        Matrix out(3, 100);
        const float* before = out.data();
        derivePlaneFeatures(points, {"x1", "x2^2", "sin(x2)"}, out);
        QCOMPARE(out.data(), before);
        QCOMPARE(out(1, 7), points(1, 7) * points(1, 7));

        // A view of leading columns (a grid slice) works without copying.
        Matrix slice(3, 10);
        derivePlaneFeatures(points.leftCols(10), {"x1", "x2^2", "sin(x2)"}, slice);
        QCOMPARE(slice(0, 9), points(0, 9));
    }

    void resizesAWrongSizedOutput() {
        Matrix points = Matrix::Random(2, 4);
        Matrix out(1, 1);
        derivePlaneFeatures(points, {"x1", "x2"}, out);
        QCOMPARE(out.rows(), 2);
        QCOMPARE(out.cols(), 4);
        QVERIFY(out == points);
    }

    void rejectsBadFeatureLists() {
        Matrix points = Matrix::Zero(2, 3);
        Matrix out;
        QVERIFY(inputErrorOf([&] {
                    derivePlaneFeatures(points, {"x1", "x3"}, out);
                }).contains("unknown input feature 'x3'"));
        QVERIFY(inputErrorOf([&] {
                    derivePlaneFeatures(points, {}, out);
                }).contains("no input features"));
        QVERIFY(inputErrorOf([&] { checkPlaneFeatures({"x2", "x2"}); }).contains("twice"));
        QVERIFY(inputErrorOf([&] { checkPlaneFeatures({"cos(x1)"}); }).contains("cos(x1)"));
        checkPlaneFeatures(planeFeatureNames());
    }
};

int runFeaturesTests(int argc, char** argv) {
    TestFeatures test;
    return QTest::qExec(&test, argc, argv);
}

}  // namespace nnplay::test

#include "TestFeatures.moc"
