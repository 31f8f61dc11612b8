// SPDX-License-Identifier: GPL-3.0-or-later
#include <QTemporaryDir>
#include <QTest>
#include <cmath>

#include "DataTestSuites.h"
#include "TestHelpers.h"
#include "data/CsvCell.h"
#include "data/CsvLoader.h"
#include "data/CsvTable.h"
#include "data/DataLoader.h"

namespace nnplay::test {

namespace {

std::vector<std::string> names(std::initializer_list<const char*> list) {
    return {list.begin(), list.end()};
}

}  // namespace

class TestCsv : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    /// Writes `content` to a file in the temporary folder and returns its path.
    std::string write(const QString& name, const QByteArray& content) {
        const QString path = m_dir.filePath(name);
        if (!writeFile(path, content)) qFatal("cannot write %s", qPrintable(path));
        return path.toStdString();
    }

private slots:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    // The cells nnplay writes read back as they were: names with commas, quotes and line
    // breaks, numbers exactly, NaN as an empty cell.
    void writtenCellsReadBack() {
        const std::vector<std::string> header{"plain", "a,b", "say \"hi\"", "two\nlines", "missing"};
        const std::vector<float> values{0.1f, -3.0e-8f, 16777216.0f, 1.0f / 3.0f};
        std::string text;
        for (std::size_t c = 0; c < header.size(); ++c)
            text += (c ? "," : "") + CsvCell::quoted(header[c]);
        text += '\n';
        for (std::size_t c = 0; c < values.size(); ++c)
            text += (c ? "," : "") + CsvCell::number(values[c]);
        text += "," + CsvCell::number(std::nanf("")) + "\n";
        QCOMPARE(CsvCell::number(std::nanf("")), std::string());
        QCOMPARE(CsvCell::quoted("plain"), std::string("plain"));
        const CsvTable table = CsvTable::parse(text + "\n", "cells.csv", true);
        QCOMPARE(table.header().size(), header.size());
        for (std::size_t c = 0; c < header.size(); ++c) QCOMPARE(table.header()[c], header[c]);
        QCOMPARE(table.rows().size(), std::size_t{1});
        for (std::size_t c = 0; c < values.size(); ++c) {
            float v = 0;
            QVERIFY(parseCsvNumber(table.rows()[0].cells[c], v));
            QCOMPARE(v, values[c]);  // exactly: the shortest form that reads back
        }
        QCOMPARE(table.rows()[0].cells[4], std::string());
    }

    void numericLabelsSortNumerically() {
        const auto path = write("numeric.csv", "a,b,label\n1,2,10\n3,4,2\n5,6,2\n7,8,1\n9,10,10\n");
        DataInfo info;
        const Dataset data = loadCsvData(path, "label", Task::Classification, info);
        QCOMPARE(data.sampleCount(), 5);
        QVERIFY(info.classNames == names({"1", "2", "10"}));
        QVERIFY(data.labels == (std::vector<int>{2, 1, 1, 0, 2}));
        QVERIFY(info.featureNames == names({"a", "b"}));
        QVERIFY(info.inputShape == Shape::flat(2));
        QCOMPARE(data.inputs(0, 0), 1.0f);
        QCOMPARE(data.inputs(1, 4), 10.0f);
        QVERIFY(info.task == Task::Classification);
        QVERIFY(!info.isPlane);
    }

    void stringLabelsSortAsText() {
        const auto path = write("iris.csv",
                                "petal,species,sepal\n1.4,versicolor,0.2\n4.7,setosa,1.4\n"
                                " 5.1 ,virginica,-2e-1\n");
        DataInfo info;
        const Dataset data = loadCsvData(path, "species", Task::Classification, info);
        QVERIFY(info.classNames == names({"setosa", "versicolor", "virginica"}));
        QVERIFY(data.labels == (std::vector<int>{1, 0, 2}));
        QVERIFY(info.featureNames == names({"petal", "sepal"}));
        QCOMPARE(data.inputs(0, 2), 5.1f);
        QCOMPARE(data.inputs(1, 2), -0.2f);
    }

    void regressionTargets() {
        const auto path = write("reg.csv", "x,y\n1,0.5\n2,-1.5\n3,+4\n");
        DataInfo info;
        const Dataset data = loadCsvData(path, "y", Task::Regression, info);
        QVERIFY(info.task == Task::Regression);
        QCOMPARE(info.targetCount, 1);
        QVERIFY(info.classNames.empty());
        QVERIFY(data.labels.empty());
        QCOMPARE(data.targets.rows(), 1);
        QCOMPARE(data.targets(0, 1), -1.5f);
        QCOMPARE(data.targets(0, 2), 4.0f);
        QCOMPARE(data.inputs(0, 2), 3.0f);
    }

    void quotedFields() {
        const auto path = write("quoted.csv",
                                "\"width, cm\",\"label\"\n"
                                "\"1.5\",\"red, dark\"\n"
                                "2,\"say \"\"hi\"\"\"\n"
                                "3,\"two\nlines\"\n");
        DataInfo info;
        const Dataset data = loadCsvData(path, "label", Task::Classification, info);
        QVERIFY(info.featureNames == names({"width, cm"}));
        QVERIFY(info.classNames == names({"red, dark", "say \"hi\"", "two\nlines"}));
        QCOMPARE(data.inputs(0, 0), 1.5f);
        QVERIFY(data.labels == (std::vector<int>{0, 1, 2}));
    }

    void crlfBomAndBlankLines() {
        const QByteArray lf = "x1,x2,label\n0.5,1,a\n-1,2,b\n3,4,a\n";
        QByteArray crlf = lf;
        crlf.replace("\n", "\r\n");
        const auto lfPath = write("lf.csv", lf);
        const auto crlfPath = write("crlf.csv", "\xEF\xBB\xBF" + crlf + "\r\n\r\n");
        DataInfo lfInfo;
        DataInfo crlfInfo;
        const Dataset a = loadCsvData(lfPath, "label", Task::Classification, lfInfo);
        const Dataset b = loadCsvData(crlfPath, "label", Task::Classification, crlfInfo);
        QVERIFY(a.inputs == b.inputs);
        QVERIFY(a.labels == b.labels);
        QVERIFY(crlfInfo.featureNames == names({"x1", "x2"}));
        QVERIFY(crlfInfo.classNames == names({"a", "b"}));
    }

    void tableRecordsLines() {
        const CsvTable table = CsvTable::parse("\n\na,b\r\n\"x\ny\",1\r\n\r\n2,3", "t.csv");
        QCOMPARE(table.headerLine(), 3);
        QCOMPARE(table.rows().size(), std::size_t{2});
        QCOMPARE(table.rows()[0].line, 4);
        QCOMPARE(table.rows()[1].line, 7);
        QCOMPARE(table.rows()[0].cells[0], std::string("x\ny"));
    }

    void numbers_data() {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("valid");
        QTest::addColumn<float>("value");
        QTest::newRow("int") << "42" << true << 42.0f;
        QTest::newRow("blanks") << " \t-1.25 " << true << -1.25f;
        QTest::newRow("plus") << "+3" << true << 3.0f;
        QTest::newRow("exponent") << "1e-3" << true << 0.001f;
        QTest::newRow("comma decimal") << "1,5" << false << 0.0f;
        QTest::newRow("text") << "abc" << false << 0.0f;
        QTest::newRow("trailing text") << "3kg" << false << 0.0f;
        QTest::newRow("empty") << "" << false << 0.0f;
        QTest::newRow("nan") << "nan" << false << 0.0f;
        QTest::newRow("inf") << "inf" << false << 0.0f;
        QTest::newRow("too big for float") << "1e300" << false << 0.0f;
        QTest::newRow("double plus") << "++1" << false << 0.0f;
    }

    void numbers() {
        QFETCH(QString, text);
        QFETCH(bool, valid);
        QFETCH(float, value);
        float parsed = 0.0f;
        const std::string cell = text.toStdString();
        QCOMPARE(parseCsvNumber(cell, parsed), valid);
        if (valid) QCOMPARE(parsed, value);
    }

    void malformed_data() {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<bool>("regression");
        QTest::addColumn<QString>("place");
        QTest::addColumn<QString>("reason");
        QTest::newRow("too many cells")
            << QByteArray("a,b,label\n1,2,x\n1,2,3,y\n") << false << "line 3, column 4"
            << "4 cells";
        QTest::newRow("too few cells")
            << QByteArray("a,b,label\n1,2,x\n1,y\n") << false << "line 3, column 3"
            << "only 2 cells";
        QTest::newRow("not a number")
            << QByteArray("a,b,label\n1,2,x\n1,abc,y\n") << false << "line 3, column 2"
            << "'abc' is not a number";
        QTest::newRow("empty cell")
            << QByteArray("a,b,label\n1,,x\n2,3,y\n") << false << "line 2, column 2"
            << "empty";
        QTest::newRow("nan input")
            << QByteArray("a,label\nnan,x\n2,y\n") << false << "line 2, column 1"
            << "not a number";
        QTest::newRow("empty file") << QByteArray("") << false << "line 1, column 1"
                                    << "empty";
        QTest::newRow("blank file") << QByteArray("\r\n  \n") << false << "line 1, column 1"
                                    << "empty";
        QTest::newRow("no label column")
            << QByteArray("a,b,c\n1,2,3\n4,5,6\n") << false << "line 1, columns 1-3"
            << "'label'";
        QTest::newRow("no rows") << QByteArray("a,b,label\n") << false << "line 2, column 1"
                                 << "no data rows";
        QTest::newRow("one class")
            << QByteArray("a,label\n1,x\n2,x\n3, x\n") << false << "column 2 ('label'), lines 2-4"
            << "at least two classes";
        QTest::newRow("empty label")
            << QByteArray("a,label\n1,\n2,y\n") << false << "line 2, column 2"
            << "label is empty";
        QTest::newRow("text target")
            << QByteArray("a,label\n1,2\n2,foo\n") << true << "line 3, column 2"
            << "'foo' is not a number";
        QTest::newRow("unclosed quote")
            << QByteArray("a,label\n1,x\n2,\"y\n") << false << "line 3, column 2"
            << "never closed";
        QTest::newRow("text after quote")
            << QByteArray("a,label\n1,\"x\"y\n") << false << "line 2, column 2"
            << "after the closing quote";
        QTest::newRow("duplicate column")
            << QByteArray("a,b,a,label\n1,2,3,x\n") << false << "line 1, column 3"
            << "used twice";
        QTest::newRow("label only") << QByteArray("label\nx\ny\n") << false << "line 1, column 1"
                                    << "at least one input column";
        QTest::newRow("CRLF line count")
            << QByteArray("a,label\r\n1,x\r\n1,2,y\r\n") << false << "line 3, column 3"
            << "should have 2";
        QTest::newRow("after a two-line cell")
            << QByteArray("a,label\n1,\"multi\nline\"\nzz,y\n") << false << "line 4, column 1"
            << "'zz'";
        QTest::newRow("after blank lines")
            << QByteArray("\n\na,label\n\n1,x\n2,x,3\n") << false << "line 6, column 3"
            << "3 cells";
    }

    void malformed() {
        QFETCH(QByteArray, content);
        QFETCH(bool, regression);
        QFETCH(QString, place);
        QFETCH(QString, reason);
        const auto path = write("bad.csv", content);
        DataInfo info;
        const QString message = inputErrorOf([&] {
            loadCsvData(path, "label", regression ? Task::Regression : Task::Classification, info);
        });
        QVERIFY2(message.contains("bad.csv"), qPrintable(message));
        QVERIFY2(message.contains(place), qPrintable(message));
        QVERIFY2(message.contains(reason), qPrintable(message));
    }

    void missingFile() {
        DataInfo info;
        const QString message = inputErrorOf([&] {
            loadCsvData(m_dir.filePath("nowhere.csv").toStdString(), "label", Task::Classification,
                        info);
        });
        QVERIFY2(message.contains("nowhere.csv"), qPrintable(message));
    }

    void relativePathUsesBaseDir() {
        QVERIFY(QDir(m_dir.path()).mkpath("sub"));
        write("sub/rel.csv", "a,label\n1,x\n2,y\n3,x\n4,y\n");
        DataSpec spec;
        spec.source = "csv";
        spec.path = "sub/rel.csv";
        const DataSplit split = loadData(spec, Task::Classification, m_dir.path().toStdString());
        QCOMPARE(split.train.sampleCount() + split.test.sampleCount(), 4);
        QVERIFY(split.info.classNames == names({"x", "y"}));
        QVERIFY(split.train.points.size() == 0);

        const QString message =
            inputErrorOf([&] { loadData(spec, Task::Classification, "/no/such/folder"); });
        QVERIFY2(message.contains("/no/such/folder/sub/rel.csv"), qPrintable(message));
    }

    void oneRowIsTooFewToSplit() {
        DataSpec spec;
        spec.source = "csv";
        spec.path = write("one.csv", "a,label\n1,2\n");
        QVERIFY(inputErrorOf([&] { loadData(spec, Task::Regression, ""); }).contains("at least 2"));
    }

    void standardizesWithTrainingStatistics() {
        QByteArray csv = "x,constant,y\n";
        for (int i = 0; i < 40; ++i) {
            csv += QByteArray::number(i * i % 17 + 0.5 * i) + ",7," + QByteArray::number(i) + "\n";
        }
        DataSpec spec;
        spec.source = "csv";
        spec.path = write("std.csv", csv);
        spec.label = std::string("y");  // a literal trips GCC 12 -Wrestrict
        spec.trainFraction = 0.5;
        spec.seed = 3;
        const DataSplit raw = loadData(spec, Task::Regression, "");
        spec.standardize = true;
        const DataSplit scaled = loadData(spec, Task::Regression, "");
        QVERIFY(!raw.standardizer.active());
        QVERIFY(scaled.standardizer.active());

        // The same split, whether standardised or not.
        QVERIFY(raw.train.targets == scaled.train.targets);

        // Statistics come from the raw training part only.
        const Vector trainMean = raw.train.inputs.rowwise().mean();
        QVERIFY((scaled.standardizer.mean - trainMean).cwiseAbs().maxCoeff() < 1e-4f);
        QCOMPARE(scaled.standardizer.scale(1), 1.0f);  // constant column

        const Vector scaledTrainMean = scaled.train.inputs.rowwise().mean();
        QVERIFY(std::abs(scaledTrainMean(0)) < 1e-5f);
        const float trainStd = std::sqrt(scaled.train.inputs.row(0).squaredNorm() / 20.0f);
        QVERIFY(std::abs(trainStd - 1.0f) < 1e-4f);
        QVERIFY(scaled.train.inputs.row(1).isZero());
        QVERIFY(scaled.test.inputs.row(1).isZero());
        const float testMean = scaled.test.inputs.row(0).mean();
        QVERIFY2(std::abs(testMean) > 1e-3f, qPrintable(QString::number(testMean)));
        const float expected =
            (raw.test.inputs(0, 3) - scaled.standardizer.mean(0)) / scaled.standardizer.scale(0);
        QVERIFY(std::abs(scaled.test.inputs(0, 3) - expected) < 1e-5f);
    }
};

int runCsvTests(int argc, char** argv) {
    TestCsv test;
    return QTest::qExec(&test, argc, argv);
}

}  // namespace nnplay::test

#include "TestCsv.moc"
