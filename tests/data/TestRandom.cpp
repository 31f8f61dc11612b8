// SPDX-License-Identifier: GPL-3.0-or-later
#include <QTest>
#include <algorithm>
#include <numeric>

#include "DataTestSuites.h"
#include "Random.h"

namespace nnplay::test {

class TestRandom : public QObject {
    Q_OBJECT

private slots:
    void uniformMatchesReferenceBits() {
        // mt19937(1) starts with 1791095845, 4282876139; 27 + 26 of their bits make the double.
        // NumPy's legacy RandomState(1).random_sample() builds the same value.
        Random rng(1);
        QCOMPARE(rng.uniform(), 0.417022004702574);
    }

    void uniformStaysInRange() {
        Random rng(7);
        double low = 1.0;
        double high = 0.0;
        for (int i = 0; i < 10000; ++i) {
            const double u = rng.uniform(-2.0, 3.0);
            QVERIFY(u >= -2.0 && u < 3.0);
            low = std::min(low, u);
            high = std::max(high, u);
        }
        QVERIFY(low < -1.99);
        QVERIFY(high > 2.99);
    }

    void normalHasMeanAndVariance() {
        Random rng(3);
        const int n = 20000;
        double sum = 0.0;
        double squares = 0.0;
        for (int i = 0; i < n; ++i) {
            const double v = rng.normal(1.0, 4.0);
            sum += v;
            squares += v * v;
        }
        const double mean = sum / n;
        const double variance = squares / n - mean * mean;
        QVERIFY(std::abs(mean - 1.0) < 0.05);
        QVERIFY(std::abs(variance - 4.0) < 0.15);
    }

    void belowIsUniformAndBounded() {
        Random rng(5);
        std::vector<int> counts(6, 0);
        for (int i = 0; i < 60000; ++i) {
            const auto value = rng.below(6);
            QVERIFY(value < 6);
            ++counts[value];
        }
        for (int c : counts) QVERIFY(std::abs(c - 10000) < 500);
    }

    void shuffleIsAPermutationAndSeeded() {
        std::vector<int> a(50);
        std::iota(a.begin(), a.end(), 0);
        auto b = a;
        auto c = a;
        Random(9).shuffle(a);
        Random(9).shuffle(b);
        Random(10).shuffle(c);
        QCOMPARE(a, b);
        QVERIFY(a != c);
        std::sort(a.begin(), a.end());
        std::vector<int> sorted(50);
        std::iota(sorted.begin(), sorted.end(), 0);
        QCOMPARE(a, sorted);
    }
};

int runRandomTests(int argc, char** argv) {
    TestRandom test;
    return QTest::qExec(&test, argc, argv);
}

}  // namespace nnplay::test

#include "TestRandom.moc"
