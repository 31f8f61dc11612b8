// SPDX-License-Identifier: GPL-3.0-or-later
#include <QtTest>
#include <cmath>

#include "train/Metrics.h"

using namespace nnplay;

class TestMetrics : public QObject {
    Q_OBJECT
private slots:
    void classificationByHand();
    void classNeverPredicted();
    void regressionByHand();
    void positiveClassByHand();
    void headlineIsMacroForMoreClasses();
    void groupAccuraciesByHand();
};

static bool near(double a, double b) { return std::abs(a - b) < 1e-9; }

void TestMetrics::classificationByHand() {
    // truth:     0 0 0 1 1 2
    // predicted: 0 0 1 1 2 2
    const ClassificationMetrics m =
        classificationMetrics({0, 0, 0, 1, 1, 2}, {0, 0, 1, 1, 2, 2}, 3);
    QVERIFY(near(m.accuracy, 4.0 / 6));
    QCOMPARE(m.confusion, (std::vector<std::vector<int>>{{2, 1, 0}, {0, 1, 1}, {0, 0, 1}}));
    // class 0: tp 2, predicted 2, actual 3 -> p 1, r 2/3, f1 0.8
    QVERIFY(near(m.precision[0], 1.0));
    QVERIFY(near(m.recall[0], 2.0 / 3));
    QVERIFY(near(m.f1[0], 0.8));
    // class 1: tp 1, predicted 2, actual 2 -> 0.5, 0.5, 0.5
    QVERIFY(near(m.precision[1], 0.5) && near(m.recall[1], 0.5) && near(m.f1[1], 0.5));
    // class 2: tp 1, predicted 2, actual 1 -> 0.5, 1, 2/3
    QVERIFY(near(m.precision[2], 0.5) && near(m.recall[2], 1.0) && near(m.f1[2], 2.0 / 3));
    QVERIFY(near(m.macroPrecision, (1 + 0.5 + 0.5) / 3));
    QVERIFY(near(m.macroRecall, (2.0 / 3 + 0.5 + 1) / 3));
    QVERIFY(near(m.macroF1, (0.8 + 0.5 + 2.0 / 3) / 3));
}

void TestMetrics::classNeverPredicted() {
    const ClassificationMetrics m = classificationMetrics({0, 1, 1}, {0, 0, 0}, 2);
    QVERIFY(near(m.precision[1], 0.0));
    QVERIFY(near(m.recall[1], 0.0));
    QVERIFY(near(m.f1[1], 0.0));
    QVERIFY(near(m.precision[0], 1.0 / 3));
}

void TestMetrics::regressionByHand() {
    Matrix p(1, 4), t(1, 4);
    p << 1, 2, 3, 5;
    t << 1, 2, 4, 4;
    const RegressionMetrics m = regressionMetrics(p, t);
    QVERIFY(near(m.mse, 0.5));
    // mean 2.75, SS_tot = 3.0625 + 0.5625 + 1.5625 + 1.5625 = 6.75, SS_res = 2
    QVERIFY(near(m.r2, 1.0 - 2.0 / 6.75));
    Matrix c = Matrix::Constant(1, 3, 2.0f);
    QVERIFY(std::isnan(regressionMetrics(c, c).r2));
}

void TestMetrics::positiveClassByHand() {
    // truth:     0 0 0 0 0 0 1 1 1 1
    // predicted: 0 0 0 0 1 1 1 0 0 0
    // Class 1: tp 1, fp 2, fn 3. scikit-learn's precision_score, recall_score and f1_score
    // (pos_label=1): 1/3, 1/4 and 2 * (1/3 * 1/4) / (1/3 + 1/4) = 2/7.
    const ClassificationMetrics m =
        classificationMetrics({0, 0, 0, 0, 0, 0, 1, 1, 1, 1}, {0, 0, 0, 0, 1, 1, 1, 0, 0, 0}, 2);
    QVERIFY(near(m.accuracy, 0.5));
    QVERIFY(near(m.headlinePrecision(), 1.0 / 3));
    QVERIFY(near(m.headlineRecall(), 0.25));
    QVERIFY(near(m.headlineF1(), 2.0 / 7));
    // Class 0 for comparison: tp 4, fp 3, fn 2 -> 4/7, 2/3, f1 8/13.
    QVERIFY(near(m.precision[0], 4.0 / 7) && near(m.recall[0], 2.0 / 3));
    QVERIFY(near(m.f1[0], 8.0 / 13));
    // Always "negative": accuracy 0.6, and nothing called positive (scikit-learn's
    // zero_division=0 gives precision 0).
    const ClassificationMetrics never = classificationMetrics({0, 0, 0, 1, 1}, {0, 0, 0, 0, 0}, 2);
    QVERIFY(near(never.accuracy, 0.6));
    QVERIFY(near(never.headlinePrecision(), 0.0) && near(never.headlineRecall(), 0.0));
    QVERIFY(near(never.headlineF1(), 0.0));
}

void TestMetrics::headlineIsMacroForMoreClasses() {
    // The three classes of classificationByHand: the headline figures are the macro averages.
    const ClassificationMetrics m =
        classificationMetrics({0, 0, 0, 1, 1, 2}, {0, 0, 1, 1, 2, 2}, 3);
    QVERIFY(near(m.headlinePrecision(), 2.0 / 3));
    QVERIFY(near(m.headlineRecall(), (2.0 / 3 + 0.5 + 1) / 3));
    QVERIFY(near(m.headlineF1(), (0.8 + 0.5 + 2.0 / 3) / 3));
}

void TestMetrics::groupAccuraciesByHand() {
    // Group 0 (samples 0, 1): both right. Group 1 (samples 2, 3, 4): truth 1 0 1, predicted
    // 0 0 0, one right of three. Group 2 has no samples.
    const std::vector<double> a =
        groupAccuracies({0, 1, 1, 0, 1}, {0, 1, 0, 0, 0}, {0, 0, 1, 1, 1}, 3);
    QCOMPARE(a.size(), std::size_t(3));
    QVERIFY(near(a[0], 1.0));
    QVERIFY(near(a[1], 1.0 / 3));
    QVERIFY(std::isnan(a[2]));
    // The gap leaves the group without samples out; one measured group has no gap.
    QVERIFY(near(groupGap(a), 2.0 / 3));
    QVERIFY(std::isnan(groupGap({0.9, NAN})));
    QVERIFY(std::isnan(groupGap({})));
}

QTEST_GUILESS_MAIN(TestMetrics)
#include "test_metrics.moc"
