// SPDX-License-Identifier: GPL-3.0-or-later
#include <QTemporaryDir>
#include <QTest>
#include <set>

#include "DataTestSuites.h"
#include "TestHelpers.h"
#include "data/DataLoader.h"
#include "data/DigitsLoader.h"
#include "data/ResourcePath.h"

namespace nnplay::test {

class TestDigits : public QObject {
    Q_OBJECT

private slots:
    void loadsAllDigits() {
        DataInfo info;
        const Dataset data = loadDigits(resourcePath("digits.csv.gz"), info);
        QCOMPARE(data.sampleCount(), 1797);
        QCOMPARE(data.inputs.rows(), 64);
        QCOMPARE(static_cast<int>(data.labels.size()), 1797);
        QVERIFY(data.targets.size() == 0);
        QVERIFY(data.points.size() == 0);
        QCOMPARE(data.inputs.minCoeff(), 0.0f);
        QCOMPARE(data.inputs.maxCoeff(), 1.0f);
        QCOMPARE(std::set<int>(data.labels.begin(), data.labels.end()).size(), std::size_t{10});
        // First row of the file: 0,0,5,13,9,1,0,0, ... and the digit 0.
        QCOMPARE(data.inputs(2, 0), 5.0f / 16.0f);
        QCOMPARE(data.inputs(3, 0), 13.0f / 16.0f);
        QCOMPARE(data.labels[0], 0);

        QVERIFY(info.task == Task::Classification);
        QVERIFY((info.inputShape == Shape{1, 8, 8}));
        QVERIFY((info.imageShape == Shape{1, 8, 8}));
        QCOMPARE(info.classCount(), 10);
        QCOMPARE(info.classNames.front(), std::string("0"));
        QCOMPARE(info.classNames.back(), std::string("9"));
        QCOMPARE(info.featureNames.size(), std::size_t{64});
        QCOMPARE(info.featureNames[10], std::string("pixel 1,2"));
        QVERIFY(!info.isPlane);
    }

    void loadDataSplitsDigits() {
        DataSpec spec;
        spec.source = "digits";
        spec.trainFraction = 0.8;
        const DataSplit split = loadData(spec, Task::Classification, "");
        QCOMPARE(split.train.sampleCount() + split.test.sampleCount(), 1797);
        QCOMPARE(split.train.sampleCount(), 1438);
        QCOMPARE(split.info.classCount(), 10);
        QVERIFY(!split.standardizer.active());
        QVERIFY(split.test.inputs.maxCoeff() <= 1.0f);
    }

    void resourceDirCanBeSet() {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const std::string original = resourceDir();
        setResourceDir(dir.path().toStdString());
        QCOMPARE(resourcePath("digits.csv.gz"), dir.path().toStdString() + "/digits.csv.gz");
        // A folder without the file gives a clear error naming it.
        DataInfo info;
        QVERIFY(inputErrorOf([&] {
                    loadDigits(resourcePath("digits.csv.gz"), info);
                }).contains("digits.csv.gz"));
        setResourceDir("");
        QCOMPARE(resourceDir(), original);
    }

    void rejectsABrokenFile() {
        QTemporaryDir dir;
        const QString path = dir.filePath("digits.csv");
        QByteArray good;
        for (int i = 0; i < 64; ++i) good += "3,";
        QByteArray bad = good;
        bad.replace(6, 1, "x");  // column 4
        QVERIFY(writeFile(path, good + "1\n" + bad + "2\n"));
        DataInfo info;
        const QString message = inputErrorOf([&] { loadDigits(path.toStdString(), info); });
        QVERIFY2(message.contains("line 2, column 4"), qPrintable(message));

        QVERIFY(writeFile(path, good + "12\n"));
        const QString label = inputErrorOf([&] { loadDigits(path.toStdString(), info); });
        QVERIFY2(label.contains("line 1, column 65"), qPrintable(label));
    }
};

int runDigitsTests(int argc, char** argv) {
    TestDigits test;
    return QTest::qExec(&test, argc, argv);
}

}  // namespace nnplay::test

#include "TestDigits.moc"
