// SPDX-License-Identifier: GPL-3.0-or-later
#include <QTest>
#include <algorithm>

#include "DataTestSuites.h"
#include "TestHelpers.h"
#include "data/TrainTestSplit.h"

namespace nnplay::test {

namespace {

/// n samples whose single input is the sample's index, label index % 3, target 10 * index and
/// point (index, -index), so every part can be traced back.
Dataset indexedSamples(int n) {
    Dataset data;
    data.inputs.resize(1, n);
    data.targets.resize(1, n);
    data.points.resize(2, n);
    for (int i = 0; i < n; ++i) {
        data.inputs(0, i) = static_cast<float>(i);
        data.targets(0, i) = 10.0f * i;
        data.points.col(i) << static_cast<float>(i), static_cast<float>(-i);
        data.labels.push_back(i % 3);
    }
    return data;
}

}  // namespace

class TestTrainTestSplit : public QObject {
    Q_OBJECT

private slots:
    void trainCount_data() {
        QTest::addColumn<int>("samples");
        QTest::addColumn<double>("fraction");
        QTest::addColumn<int>("expected");
        QTest::newRow("half") << 10 << 0.5 << 5;
        QTest::newRow("rounds") << 3 << 0.5 << 2;
        QTest::newRow("80%") << 500 << 0.8 << 400;
        QTest::newRow("keeps a test sample") << 100 << 0.999 << 99;
        QTest::newRow("keeps a train sample") << 1000 << 0.0001 << 1;
        QTest::newRow("two, high") << 2 << 0.9 << 1;
        QTest::newRow("two, low") << 2 << 0.1 << 1;
    }

    void trainCount() {
        QFETCH(int, samples);
        QFETCH(double, fraction);
        QFETCH(int, expected);
        QCOMPARE(trainSampleCount(samples, fraction), expected);
    }

    void partsCoverTheDataOnce() {
        const Dataset all = indexedSamples(101);
        Dataset train;
        Dataset test;
        splitTrainTest(all, 0.7, 5, train, test);
        QCOMPARE(train.sampleCount(), 71);
        QCOMPARE(test.sampleCount(), 30);
        std::vector<int> seen;
        for (const Dataset* part : {&train, &test}) {
            QCOMPARE(static_cast<int>(part->labels.size()), part->sampleCount());
            QCOMPARE(part->targets.cols(), part->sampleCount());
            QCOMPARE(part->points.cols(), part->sampleCount());
            for (int i = 0; i < part->sampleCount(); ++i) {
                const int index = static_cast<int>(part->inputs(0, i));
                QCOMPARE(part->labels[i], index % 3);
                QCOMPARE(part->targets(0, i), 10.0f * index);
                QCOMPARE(part->points(1, i), static_cast<float>(-index));
                seen.push_back(index);
            }
        }
        std::sort(seen.begin(), seen.end());
        for (int i = 0; i < 101; ++i) QCOMPARE(seen[i], i);
    }

    void shufflesDeterministically() {
        const Dataset all = indexedSamples(50);
        Dataset a, b, c, unusedTest;
        splitTrainTest(all, 0.5, 8, a, unusedTest);
        splitTrainTest(all, 0.5, 8, b, unusedTest);
        splitTrainTest(all, 0.5, 9, c, unusedTest);
        QVERIFY(a.inputs == b.inputs);
        QVERIFY(a.inputs != c.inputs);
        // Shuffled, not the first half in order.
        QVERIFY(a.inputs != all.inputs.leftCols(25));
    }

    void splitsBeforeFeaturesExist() {
        Dataset all = indexedSamples(10);
        all.inputs.resize(0, 0);
        Dataset train, test;
        splitTrainTest(all, 0.5, 1, train, test);
        QCOMPARE(train.points.cols(), 5);
        QCOMPARE(test.points.cols(), 5);
        QCOMPARE(train.inputs.size(), 0);
    }

    void twoSamplesGiveOneEach() {
        Dataset train, test;
        splitTrainTest(indexedSamples(2), 0.99, 3, train, test);
        QCOMPARE(train.sampleCount(), 1);
        QCOMPARE(test.sampleCount(), 1);
    }

    void splitsByGroupExactly() {
        Dataset all = indexedSamples(30);
        for (int i = 0; i < 30; ++i) all.groups.push_back(i < 20 ? 0 : 1);  // 20 of A, 10 of B
        Dataset train, test;
        splitTrainTestByGroup(all, {15, 2}, 7, train, test);
        QCOMPARE(train.sampleCount(), 17);
        QCOMPARE(test.sampleCount(), 13);
        QCOMPARE(std::count(train.groups.begin(), train.groups.end(), 1), 2);
        QCOMPARE(std::count(test.groups.begin(), test.groups.end(), 1), 8);
        // Every sample once, carrying its group, label and point along.
        std::vector<int> seen;
        for (const Dataset* part : {&train, &test}) {
            for (int i = 0; i < part->sampleCount(); ++i) {
                const int index = static_cast<int>(part->inputs(0, i));
                seen.push_back(index);
                QCOMPARE(part->groups[static_cast<std::size_t>(i)], index < 20 ? 0 : 1);
                QCOMPARE(part->labels[static_cast<std::size_t>(i)], index % 3);
                QCOMPARE(part->points(1, i), static_cast<float>(-index));
            }
        }
        std::sort(seen.begin(), seen.end());
        for (int i = 0; i < 30; ++i) QCOMPARE(seen[static_cast<std::size_t>(i)], i);
        // Shuffled, and the same for the same seed.
        Dataset train2, test2;
        splitTrainTestByGroup(all, {15, 2}, 7, train2, test2);
        QCOMPARE(train2.inputs, train.inputs);
        QCOMPARE(test2.groups, test.groups);
        QVERIFY(!std::is_sorted(train.inputs.data(), train.inputs.data() + train.inputs.size()));
        // A group cannot give more than it has.
        QVERIFY(inputErrorOf([&] {
                    splitTrainTestByGroup(all, {15, 11}, 7, train, test);
                }).contains("group 2 has 10 samples, fewer than the 11"));
        // The ordinary split carries groups too.
        splitTrainTest(all, 0.5, 3, train, test);
        for (int i = 0; i < train.sampleCount(); ++i)
            QCOMPARE(train.groups[static_cast<std::size_t>(i)], train.inputs(0, i) < 20 ? 0 : 1);
    }

    void labelsOnlyWhenPresent() {
        Dataset all = indexedSamples(6);
        all.labels.clear();
        Dataset train, test;
        splitTrainTest(all, 0.5, 1, train, test);
        QVERIFY(train.labels.empty());
        QCOMPARE(train.targets.cols(), 3);
    }
};

int runTrainTestSplitTests(int argc, char** argv) {
    TestTrainTestSplit test;
    return QTest::qExec(&test, argc, argv);
}

}  // namespace nnplay::test

#include "TestTrainTestSplit.moc"
