// SPDX-License-Identifier: GPL-3.0-or-later
#include <QTemporaryDir>
#include <QTest>

#include "DataTestSuites.h"
#include "TestHelpers.h"
#include "data/DataDescription.h"
#include "data/DataLoader.h"

namespace nnplay::test {

namespace {

/// Every field of two DataInfo values agrees.
bool sameInfo(const DataInfo& a, const DataInfo& b) {
    return a.task == b.task && a.inputShape == b.inputShape && a.featureNames == b.featureNames &&
           a.classNames == b.classNames && a.targetCount == b.targetCount &&
           a.isPlane == b.isPlane && a.imageShape == b.imageShape && a.targetRange == b.targetRange;
}

}  // namespace

class TestDataDescription : public QObject {
    Q_OBJECT

private slots:
    void planeSourcesAsLoaded_data() {
        QTest::addColumn<QString>("source");
        for (const auto& s : dataSources()) {
            if (s.isPlane) QTest::newRow(s.name.c_str()) << QString::fromStdString(s.name);
        }
    }

    void planeSourcesAsLoaded() {
        QFETCH(QString, source);
        DataSpec spec;
        spec.source = source.toStdString();
        spec.features = {"x1", "x1^2", "sin(x2)"};
        const Task task =
            source == "plane" || source == "multigauss" ? Task::Regression : Task::Classification;
        const DataInfo described = describeData(spec, task, {});
        QVERIFY(described.isPlane);
        QCOMPARE(described.inputShape, Shape::flat(3));
        QCOMPARE(described.classCount(), task == Task::Classification ? 2 : 0);
        QVERIFY(sameInfo(described, loadData(spec, task, {}).info));
    }

    void digitsAreTenClassesOfEightByEight() {
        DataSpec spec;
        spec.source = "digits";
        const DataInfo described = describeData(spec, Task::Classification, {});
        QCOMPARE(described.inputShape, (Shape{1, 8, 8}));
        QCOMPARE(described.imageShape, (Shape{1, 8, 8}));
        QCOMPARE(described.classCount(), 10);
        QCOMPARE(described.featureNames.size(), std::size_t(64));
        QVERIFY(sameInfo(described, loadData(spec, Task::Classification, {}).info));
    }

    void csvFromHeaderAndLabels_data() {
        QTest::addColumn<bool>("regression");
        QTest::newRow("classification") << false;
        QTest::newRow("regression") << true;
    }

    void csvFromHeaderAndLabels() {
        QFETCH(bool, regression);
        QTemporaryDir dir;
        QVERIFY(writeFile(dir.filePath("table.csv"),
                          "height,kind,weight\n1.5,3,2\n2.5,1,4\n0.5,3,1\n3.5,2,7\n"));
        DataSpec spec;
        spec.source = "csv";
        spec.path = "table.csv";  // relative to the project's folder
        spec.label = "kind";
        const Task task = regression ? Task::Regression : Task::Classification;
        const DataInfo described = describeData(spec, task, dir.path().toStdString());
        QCOMPARE(described.inputShape, Shape::flat(2));
        QVERIFY((described.featureNames == std::vector<std::string>{"height", "weight"}));
        if (regression) {
            QCOMPARE(described.classCount(), 0);
            // The label column's range, so a bounded output that cannot reach it is caught.
            QVERIFY(described.targetRange);
            QCOMPARE((*described.targetRange)[0], 1.0f);
            QCOMPARE((*described.targetRange)[1], 3.0f);
            spec.standardizeTarget = true;
            QVERIFY(!describeData(spec, task, dir.path().toStdString()).targetRange);
            QVERIFY(!loadData(spec, task, dir.path().toStdString()).info.targetRange);
            spec.standardizeTarget = false;
        } else {
            QVERIFY((described.classNames == std::vector<std::string>{"1", "2", "3"}));
        }
        QVERIFY(sameInfo(described, loadData(spec, task, dir.path().toStdString()).info));
    }

    void csvInputCellsAreNotRead() {
        QTemporaryDir dir;
        QVERIFY(writeFile(dir.filePath("bad.csv"), "a,label\noops,x\n2,y\n"));
        DataSpec spec;
        spec.source = "csv";
        spec.path = dir.filePath("bad.csv").toStdString();
        const DataInfo described = describeData(spec, Task::Classification, {});
        QCOMPARE(described.inputShape, Shape::flat(1));
        QCOMPARE(described.classCount(), 2);
        QVERIFY(inputErrorOf([&] { loadData(spec, Task::Classification, {}); }).contains("oops"));
    }

    void badSettingsSayWhy() {
        DataSpec spec;
        spec.source = "csv";
        spec.path = "/nonexistent/nowhere.csv";
        QVERIFY(inputErrorOf([&] {
                    describeData(spec, Task::Classification, {});
                }).contains("nowhere.csv"));
        spec.source = "spirals";
        QVERIFY(inputErrorOf([&] {
                    describeData(spec, Task::Classification, {});
                }).contains("unknown data source"));
    }
};

int runDataDescriptionTests(int argc, char** argv) {
    TestDataDescription test;
    return QTest::qExec(&test, argc, argv);
}

}  // namespace nnplay::test

#include "TestDataDescription.moc"
