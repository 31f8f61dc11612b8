// SPDX-License-Identifier: GPL-3.0-or-later
#include <QTemporaryDir>
#include <QTest>

#include "DataTestSuites.h"
#include "IdxTestFiles.h"
#include "TestHelpers.h"
#include "data/DataDescription.h"
#include "data/DataLoader.h"
#include "data/IdxImageLoader.h"
#include "data/IdxReader.h"

namespace nnplay::test {

namespace {

/// Three 2x3 images with pixels 0..17 and their labels.
QByteArray threeImages() { return idxBytes({3, 2, 3}, countingBytes(18)); }

std::string str(const QString& s) { return s.toStdString(); }

/// An idx data spec of files in a folder (paths relative to it).
DataSpec idxSpec(const char* images, const char* labels, const char* testImages = "",
                 const char* testLabels = "") {
    DataSpec spec;
    spec.source = "idx";
    spec.images = images;
    spec.labels = labels;
    spec.testImages = testImages;
    spec.testLabels = testLabels;
    return spec;
}

}  // namespace

class TestIdxReader : public QObject {
    Q_OBJECT

private slots:
    void readsPlainAndGzip_data() {
        QTest::addColumn<bool>("gzip");
        QTest::newRow("plain") << false;
        QTest::newRow("gzip") << true;
    }

    void readsPlainAndGzip() {
        QFETCH(bool, gzip);
        const QByteArray file = gzip ? gzipBytes(threeImages()) : threeImages();
        const IdxArray all = IdxReader::parse(std::string_view(file.data(), file.size()), "a");
        QCOMPARE(all.header.type, 0x08);
        QVERIFY((all.header.dims == std::vector<std::int64_t>{3, 2, 3}));
        QCOMPARE(all.header.itemValues(), std::int64_t{6});
        QCOMPARE(all.items, std::int64_t{3});
        QCOMPARE(all.values.size(), std::size_t{18});
        QCOMPARE(int(all.values[17]), 17);
        // A limit reads only the first items (and checks nothing beyond them).
        const IdxArray first = IdxReader::parse(std::string_view(file.data(), file.size()), "a", 2);
        QCOMPARE(first.items, std::int64_t{2});
        QCOMPARE(first.values.size(), std::size_t{12});
        QCOMPARE(int(first.values[11]), 11);
        // Concatenated gzip members are one stream, as gunzip reads them.
        if (gzip) {
            const QByteArray whole = threeImages();
            const QByteArray two = gzipBytes(whole.left(10)) + gzipBytes(whole.mid(10));
            const IdxArray joined =
                IdxReader::parse(std::string_view(two.data(), two.size()), "joined");
            QVERIFY(joined.values == all.values);
        }
    }

    void refusesBrokenFiles_data() {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("message");
        const QByteArray good = threeImages();
        QTest::newRow("empty") << QByteArray() << "broken.idx: not an IDX file";
        QTest::newRow("a PNG") << QByteArray("\x89PNG\r\n\x1a\n", 8)
                               << "broken.idx: not an IDX file";
        QTest::newRow("unknown type")
            << idxBytes({3}, countingBytes(3), 0x07) << "broken.idx: unknown IDX value type 0x07";
        QTest::newRow("no dimensions")
            << idxBytes({}, {}) << "broken.idx: the IDX header says 0 dimensions";
        QTest::newRow("cut in the header")
            << good.left(9) << "broken.idx: the file ends inside the IDX header";
        QTest::newRow("cut in the data")
            << good.left(good.size() - 1)
            << "broken.idx: the IDX header says 3 x 2 x 3 (18 bytes of data), but the file "
               "holds only 17";
        QTest::newRow("data after the end")
            << good + "x"
            << "broken.idx: the file holds more data than its IDX header says";
        QTest::newRow("too large")
            << idxBytes({65536, 65536}, {}) << "more than nnplay reads from one file";
        const QByteArray packed = gzipBytes(good);
        QTest::newRow("gzip cut short")
            << packed.left(packed.size() - 12) << "broken.idx: the gzip data is cut short";
        QByteArray corrupt = packed;
        corrupt[10] = char(0xff);  // the first deflate block: a type that does not exist
        QTest::newRow("gzip corrupt") << corrupt << "broken.idx: the gzip data is corrupt";
        QTest::newRow("gzip, header larger than the data")
            << gzipBytes(idxBytes({4, 2, 3}, countingBytes(18)))
            << "the decompressed file holds only 18";
    }

    void refusesBrokenFiles() {
        QFETCH(QByteArray, bytes);
        QFETCH(QString, message);
        const QString error = inputErrorOf(
            [&] { IdxReader::parse(std::string_view(bytes.data(), bytes.size()), "broken.idx"); });
        QVERIFY2(error.contains(message), qPrintable(error));
    }

    void headerAloneIsCheckedAgainstThePlainFileSize() {
        QTemporaryDir dir;
        const QString path = dir.filePath("images.idx");
        QVERIFY(writeFile(path, threeImages().left(20)));
        const QString error = inputErrorOf([&] { IdxReader::readHeader(str(path)); });
        QVERIFY2(error.contains("images.idx: the IDX header says 3 x 2 x 3 (34 bytes with the "
                                "header), but the file has 20 bytes"),
                 qPrintable(error));
        QVERIFY(writeFile(path, gzipBytes(threeImages())));
        QVERIFY((IdxReader::readHeader(str(path)).dims == std::vector<std::int64_t>{3, 2, 3}));
        QVERIFY(inputErrorOf([] {
                    IdxReader::readHeader("/no/such/file.idx");
                }).contains("/no/such/file.idx: cannot open"));
    }

    void readsImagesWithLabels() {
        QTemporaryDir dir;
        QVERIFY(writeFile(dir.filePath("i.gz"), gzipBytes(threeImages())));
        QVERIFY(writeFile(dir.filePath("l"), idxBytes({3}, QByteArray("\x02\x00\x05", 3))));
        Shape shape;
        const Dataset data =
            readIdxImages(str(dir.filePath("i.gz")), str(dir.filePath("l")), -1, shape);
        QVERIFY((shape == Shape{1, 2, 3}));
        QCOMPARE(data.inputs.rows(), 6);
        QCOMPARE(data.inputs.cols(), 3);
        // Image 1, row 1, column 2 is byte 6 + 3 + 2 = 11.
        QCOMPARE(data.inputs(5, 1), 11.0f / 255.0f);
        QVERIFY((data.labels == std::vector<int>{2, 0, 5}));
    }

    void refusesMismatchedImagesAndLabels_data() {
        QTest::addColumn<QByteArray>("images");
        QTest::addColumn<QByteArray>("labels");
        QTest::addColumn<QString>("message");
        const QByteArray labels = idxBytes({3}, countingBytes(3));
        QTest::newRow("float images") << idxBytes({1, 1, 1}, QByteArray(4, '\0'), 0x0D) << labels
                                      << "images.idx: the images are of IDX type 13";
        QTest::newRow("labels as images")
            << labels << labels << "images.idx: images must have 3 dimensions";
        QTest::newRow("images as labels")
            << threeImages() << threeImages() << "labels.idx: labels must be a list";
        QTest::newRow("different counts")
            << threeImages() << idxBytes({2}, countingBytes(2))
            << "labels.idx holds 2 labels, but %1/images.idx holds 3 images";
        QTest::newRow("no images") << idxBytes({0, 2, 2}, {}) << idxBytes({0}, {})
                                   << "images.idx: the file holds no images";
    }

    void refusesMismatchedImagesAndLabels() {
        QFETCH(QByteArray, images);
        QFETCH(QByteArray, labels);
        QFETCH(QString, message);
        QTemporaryDir dir;
        QVERIFY(writeFile(dir.filePath("images.idx"), images));
        QVERIFY(writeFile(dir.filePath("labels.idx"), labels));
        Shape shape;
        const QString error = inputErrorOf([&] {
            readIdxImages(str(dir.filePath("images.idx")), str(dir.filePath("labels.idx")), -1,
                          shape);
        });
        QVERIFY2(error.contains(message.contains("%1") ? message.arg(dir.path()) : message),
                 qPrintable(error));
    }

    void idxSourceWithItsOwnTestPart() {
        QTemporaryDir dir;
        QVERIFY(writeFile(dir.filePath("train-images.gz"),
                          gzipBytes(idxBytes({4, 2, 2}, countingBytes(16)))));
        QVERIFY(writeFile(dir.filePath("train-labels"), idxBytes({4}, QByteArray("\3\1\7\1", 4))));
        QVERIFY(writeFile(dir.filePath("test-images"), idxBytes({2, 2, 2}, countingBytes(8, 100))));
        QVERIFY(writeFile(dir.filePath("test-labels"), idxBytes({2}, QByteArray("\7\3", 2))));
        const DataSpec spec =
            idxSpec("train-images.gz", "train-labels", "test-images", "test-labels");
        const DataSplit split = loadData(spec, Task::Classification, str(dir.path()));
        QCOMPARE(split.train.sampleCount(), 4);
        QCOMPARE(split.test.sampleCount(), 2);
        // The classes are the label values present, in order.
        QVERIFY((split.info.classNames == std::vector<std::string>{"1", "3", "7"}));
        QVERIFY((split.train.labels == std::vector<int>{1, 0, 2, 0}));
        QVERIFY((split.test.labels == std::vector<int>{2, 1}));
        QCOMPARE(split.test.inputs(3, 1), 107.0f / 255.0f);
        QVERIFY((split.info.inputShape == Shape{1, 2, 2}));
        QVERIFY((split.info.imageShape == Shape{1, 2, 2}));
        QCOMPARE(split.info.featureNames[3], std::string("pixel 1,1"));

        const DataInfo described = describeData(spec, Task::Classification, str(dir.path()));
        QVERIFY(described.inputShape == split.info.inputShape);
        QVERIFY(described.classNames == split.info.classNames);

        // A test label no training image has cannot be learned: named with its file.
        QVERIFY(writeFile(dir.filePath("test-labels"), idxBytes({2}, QByteArray("\7\4", 2))));
        const QString error =
            inputErrorOf([&] { loadData(spec, Task::Classification, str(dir.path())); });
        QVERIFY2(error.contains("test-labels: label 4 of item 1 is out of range"),
                 qPrintable(error));

        QVERIFY(writeFile(dir.filePath("test-images"), idxBytes({2, 1, 4}, countingBytes(8))));
        for (const QString& message :
             {inputErrorOf([&] { loadData(spec, Task::Classification, str(dir.path())); }),
              inputErrorOf([&] { describeData(spec, Task::Classification, str(dir.path())); })})
            QVERIFY2(message.contains("test-images: the test images are 1x4 pixels, the training "
                                      "images 2x2"),
                     qPrintable(message));
    }

    void idxSourceSplitByTrainFraction() {
        QTemporaryDir dir;
        QVERIFY(writeFile(dir.filePath("images"), idxBytes({10, 3, 3}, countingBytes(90))));
        QByteArray labels;
        for (int i = 0; i < 10; ++i) labels += char(i % 2);
        QVERIFY(writeFile(dir.filePath("labels"), idxBytes({10}, labels)));
        DataSpec spec = idxSpec("images", "labels");
        spec.trainFraction = 0.7;
        const DataSplit split = loadData(spec, Task::Classification, str(dir.path()));
        QCOMPARE(split.train.sampleCount(), 7);
        QCOMPARE(split.test.sampleCount(), 3);
        QVERIFY((split.info.classNames == std::vector<std::string>{"0", "1"}));

        QVERIFY(writeFile(dir.filePath("labels"), idxBytes({10}, QByteArray(10, '\4'))));
        const QString single =
            inputErrorOf([&] { loadData(spec, Task::Classification, str(dir.path())); });
        QVERIFY2(single.contains("labels: every label is 4; classification needs at least two"),
                 qPrintable(single));
    }

    void idxSettingsAreChecked() {
        QVERIFY(inputErrorOf([] {
                    checkDataSpec(idxSpec("", "labels"), Task::Classification);
                }).contains("needs two files: data.images"));
        QVERIFY(inputErrorOf([] {
                    checkDataSpec(idxSpec("a", "b", "c"), Task::Classification);
                }).contains("needs both data.test_images and data.test_labels"));
        const QString missing = inputErrorOf(
            [] { loadData(idxSpec("gone", "labels"), Task::Classification, "/nowhere"); });
        QVERIFY2(missing.contains("/nowhere/labels: cannot open"), qPrintable(missing));
    }
};

int runIdxReaderTests(int argc, char** argv) {
    TestIdxReader test;
    return QTest::qExec(&test, argc, argv);
}

}  // namespace nnplay::test

#include "TestIdxReader.moc"
