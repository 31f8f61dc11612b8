// SPDX-License-Identifier: GPL-3.0-or-later
#include <QtTest>
#include <cmath>

#include "train/BinaryCurves.h"
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
    void supportAndMaeByHand();
    void rocCurveByHand();
    void rocWithOneClassHasNoAuc();
    void metricsAtThreshold();
    void matchesScikitLearn();
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

static void compareAll(const std::vector<double>& got, const std::vector<double>& want) {
    QCOMPARE(got.size(), want.size());
    for (std::size_t i = 0; i < want.size(); ++i)
        if (!near(got[i], want[i]))
            QFAIL(qPrintable(QString("entry %1: %2, expected %3").arg(i).arg(got[i]).arg(want[i])));
}

void TestMetrics::supportAndMaeByHand() {
    const ClassificationMetrics m =
        classificationMetrics({0, 0, 0, 1, 1, 2}, {0, 0, 1, 1, 2, 2}, 3);
    QCOMPARE(m.support, (std::vector<int>{3, 2, 1}));
    Matrix p(1, 3), t(1, 3);
    p << 1, 2, 3;
    t << 2, 2, 5;
    // |1-2| + 0 + |3-5| = 3 over 3 values.
    QVERIFY(near(regressionMetrics(p, t).mae, 1.0));
}

void TestMetrics::rocCurveByHand() {
    // Scores falling: 0.9 (pos), 0.6 (pos), 0.6 (neg), 0.2 (neg). Two positives, two negatives.
    // Thresholds inf, 0.9, 0.6, 0.2 -> (fpr, tpr) (0,0), (0,.5), (.5,1), (1,1).
    // Area: 0 + (.5 * (.5+1)/2) + (.5 * 2/2) = 0.375 + 0.5 = 0.875; the tie at 0.6 earns half.
    const BinaryCurves c = BinaryCurves::of({1, 0, 1, 0}, {0.9, 0.6, 0.6, 0.2});
    compareAll(c.falsePositiveRate, {0, 0, 0.5, 1});
    compareAll(c.truePositiveRate, {0, 0.5, 1, 1});
    QVERIFY(std::isinf(c.rocThresholds[0]));
    QVERIFY(near(c.rocThresholds[2], 0.6));
    QVERIFY(near(c.rocAuc, 0.875));
    // Precision-recall, thresholds rising 0.2, 0.6, 0.9: called 4, 3, 1 with 2, 2, 1 right.
    compareAll(c.prThresholds, {0.2, 0.6, 0.9});
    compareAll(c.precision, {0.5, 2.0 / 3, 1, 1});
    compareAll(c.recall, {1, 1, 0.5, 0});
}

void TestMetrics::rocWithOneClassHasNoAuc() {
    QVERIFY(std::isnan(BinaryCurves::of({1, 1}, {0.2, 0.7}).rocAuc));
    const BinaryCurves negatives = BinaryCurves::of({0, 0}, {0.2, 0.7});
    QVERIFY(std::isnan(negatives.rocAuc));
    // No positive at all: recall 1 throughout, precision 0, as scikit-learn does.
    compareAll(negatives.recall, {1, 1, 0});
    compareAll(negatives.precision, {0, 0, 1});
}

void TestMetrics::metricsAtThreshold() {
    const std::vector<double> scores{0.9, 0.6, 0.6, 0.2};
    QCOMPARE(classesAtThreshold(scores, 0.6), (std::vector<int>{1, 1, 1, 0}));
    QCOMPARE(classesAtThreshold(scores, 0.95), (std::vector<int>{0, 0, 0, 0}));
    // Above every score nothing is called positive: precision 0 (never predicted), recall 0.
    const ClassificationMetrics none =
        classificationMetrics({1, 0, 1, 0}, classesAtThreshold(scores, 0.95), 2);
    QVERIFY(near(none.precision[1], 0) && near(none.recall[1], 0) && near(none.f1[1], 0));
    // At 0.6: tp 2, fp 1 -> precision 2/3, recall 1.
    const ClassificationMetrics at =
        classificationMetrics({1, 0, 1, 0}, classesAtThreshold(scores, 0.6), 2);
    QVERIFY(near(at.precision[1], 2.0 / 3) && near(at.recall[1], 1.0));
    QCOMPARE(at.confusion, (std::vector<std::vector<int>>{{1, 1}, {0, 2}}));
}

void TestMetrics::matchesScikitLearn() {
    // Expected figures printed by tests/core/metrics_sklearn.py (scikit-learn 1.2.1).
    const ClassificationMetrics m = classificationMetrics({0, 1, 1, 0, 2, 2, 1, 0, 3, 1, 2, 0},
                                                          {0, 1, 2, 0, 2, 1, 1, 1, 0, 1, 2, 2}, 4);
    compareAll(m.precision, {0.6666666666666666, 0.6, 0.5, 0.0});
    compareAll(m.recall, {0.5, 0.75, 0.6666666666666666, 0.0});
    compareAll(m.f1, {0.5714285714285715, 0.6666666666666665, 0.5714285714285715, 0.0});
    QCOMPARE(m.support, (std::vector<int>{4, 4, 3, 1}));
    QVERIFY(near(m.macroPrecision, 0.44166666666666665));
    QVERIFY(near(m.macroRecall, 0.47916666666666663));
    QVERIFY(near(m.macroF1, 0.45238095238095244));
    QVERIFY(near(m.accuracy, 0.5833333333333334));

    const std::vector<int> y{0, 0, 1, 1, 0, 1, 0, 1, 1, 0};
    const std::vector<double> score{0.1, 0.4, 0.35, 0.8, 0.4, 0.4, 0.7, 0.9, 0.2, 0.05};
    const BinaryCurves c = BinaryCurves::of(y, score);
    QVERIFY(near(c.rocAuc, 0.68));
    compareAll(c.falsePositiveRate, {0.0, 0.0, 0.0, 0.2, 0.6, 0.6, 0.6, 0.8, 1.0});
    compareAll(c.truePositiveRate, {0.0, 0.2, 0.4, 0.4, 0.6, 0.8, 1.0, 1.0, 1.0});
    compareAll(c.precision, {0.5, 0.5555555555555556, 0.625, 0.5714285714285714, 0.5,
                             0.6666666666666666, 1.0, 1.0, 1.0});
    compareAll(c.recall, {1.0, 1.0, 1.0, 0.8, 0.6, 0.4, 0.4, 0.2, 0.0});
    compareAll(c.prThresholds, {0.05, 0.1, 0.2, 0.35, 0.4, 0.7, 0.8, 0.9});
    const ClassificationMetrics at = classificationMetrics(y, classesAtThreshold(score, 0.4), 2);
    QVERIFY(near(at.precision[1], 0.5) && near(at.recall[1], 0.6));
    QVERIFY(near(at.f1[1], 0.5454545454545454));

    Matrix t(1, 5), q(1, 5);
    t << 3.0f, -0.5f, 2.0f, 7.0f, 1.5f;
    q << 2.5f, 0.0f, 2.0f, 8.0f, 1.0f;
    const RegressionMetrics r = regressionMetrics(q, t);
    QVERIFY(std::abs(r.mse - 0.35) < 1e-6);
    QVERIFY(std::abs(r.mae - 0.5) < 1e-6);
    QVERIFY(std::abs(r.r2 - 0.9429967426710097) < 1e-6);
}

QTEST_GUILESS_MAIN(TestMetrics)
#include "test_metrics.moc"
