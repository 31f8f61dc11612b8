// SPDX-License-Identifier: GPL-3.0-or-later
#include <QDir>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>
#include <set>

#include "DataTestSuites.h"
#include "IdxTestFiles.h"
#include "TestHelpers.h"
#include "data/DataDescription.h"
#include "data/DataLoader.h"
#include "data/FashionMnist.h"

namespace nnplay::test {

namespace {

constexpr int kPixels = 28 * 28;

/// Writes the package's four files into `dir`: `train` and `test` images whose first pixel is
/// the image's index, labels index % 10 (or `badLabel` for the last test image when >= 0).
bool writeFakePackage(const QString& dir, int train, int test, int badLabel = -1) {
    auto part = [&](const char* prefix, int count, int bad) {
        QByteArray images, labels;
        for (int i = 0; i < count; ++i) {
            QByteArray image(kPixels, '\0');
            image[0] = char(i);
            image[kPixels - 1] = char(255);
            images += image;
            labels += char(bad >= 0 && i == count - 1 ? bad : i % 10);
        }
        const QString base = dir + "/" + prefix;
        return writeFile(base + "-images-idx3-ubyte.gz",
                         gzipBytes(idxBytes({std::uint32_t(count), 28, 28}, images))) &&
               writeFile(base + "-labels-idx1-ubyte.gz",
                         gzipBytes(idxBytes({std::uint32_t(count)}, labels)));
    };
    return part("train", train, -1) && part("t10k", test, badLabel);
}

/// Sets the Fashion-MNIST folder for the life of a test.
struct FolderOverride {
    explicit FolderOverride(const QString& dir) { setFashionMnistDir(dir.toStdString()); }
    ~FolderOverride() { setFashionMnistDir(""); }
};

DataSpec fashionSpec(int trainLimit = 0, int testLimit = 0) {
    DataSpec spec;
    spec.source = "fashion-mnist";
    spec.trainLimit = trainLimit;
    spec.testLimit = testLimit;
    return spec;
}

}  // namespace

class TestFashionMnist : public QObject {
    Q_OBJECT

private slots:
    void describedWithoutReadingTheImages() {
        const DataInfo info = fashionMnistDataInfo();
        QVERIFY((info.inputShape == Shape{1, 28, 28}));
        QVERIFY((info.imageShape == Shape{1, 28, 28}));
        QCOMPARE(info.classCount(), 10);
        QCOMPARE(info.classNames[0], std::string("T-shirt/top"));
        QCOMPARE(info.classNames[1], std::string("Trouser"));
        QCOMPARE(info.classNames[9], std::string("Ankle boot"));
        QCOMPARE(info.featureNames.size(), std::size_t{kPixels});
        QCOMPARE(info.featureNames[29], std::string("pixel 1,1"));
    }

    void missingPackageSaysWhatToInstall() {
        QTemporaryDir dir;
        FolderOverride folder(dir.path());
        for (const QString& message :
             {inputErrorOf([] { loadData(fashionSpec(), Task::Classification, ""); }),
              inputErrorOf([] { describeData(fashionSpec(), Task::Classification, ""); })}) {
            QVERIFY2(message.contains("sudo apt-get install dataset-fashion-mnist"),
                     qPrintable(message));
            QVERIFY2(message.contains(dir.path() + "/train-images-idx3-ubyte.gz"),
                     qPrintable(message));
        }
    }

    void limitsTakeTheFirstImagesOfEachPart() {
        QTemporaryDir dir;
        QVERIFY(writeFakePackage(dir.path(), 30, 12));
        FolderOverride folder(dir.path());
        const DataSplit all = loadData(fashionSpec(), Task::Classification, "");
        QCOMPARE(all.train.sampleCount(), 30);
        QCOMPARE(all.test.sampleCount(), 12);

        const DataSplit split = loadData(fashionSpec(20, 5), Task::Classification, "");
        QCOMPARE(split.train.sampleCount(), 20);
        QCOMPARE(split.test.sampleCount(), 5);
        QCOMPARE(split.train.inputs.rows(), kPixels);
        // The package's own order: image i is the i-th of its file, label i % 10.
        for (int i = 0; i < 20; ++i) {
            QCOMPARE(split.train.inputs(0, i), float(i) / 255.0f);
            QCOMPARE(split.train.labels[std::size_t(i)], i % 10);
        }
        QCOMPARE(split.train.inputs(kPixels - 1, 3), 1.0f);
        QCOMPARE(split.test.labels[4], 4);
        QCOMPARE(split.info.classNames[4], std::string("Coat"));
        QVERIFY((split.info.imageShape == Shape{1, 28, 28}));

        // A validation part comes out of the training part; the test part stays the package's.
        DataSpec validated = fashionSpec(20, 5);
        validated.validationFraction = 0.25;
        const DataSplit three = loadData(validated, Task::Classification, "");
        QCOMPARE(three.train.sampleCount(), 15);
        QCOMPARE(three.validation.sampleCount(), 5);
        QCOMPARE(three.test.sampleCount(), 5);
    }

    void labelOutsideTheTenClassesIsNamed() {
        QTemporaryDir dir;
        QVERIFY(writeFakePackage(dir.path(), 10, 4, 12));
        FolderOverride folder(dir.path());
        const QString message =
            inputErrorOf([] { loadData(fashionSpec(), Task::Classification, ""); });
        QVERIFY2(message.contains("t10k-labels-idx1-ubyte.gz: label 12 of item 3 is out of range"),
                 qPrintable(message));
        // The limit stops before the bad label, so it is not read.
        QCOMPARE(loadData(fashionSpec(0, 3), Task::Classification, "").test.sampleCount(), 3);
    }

    void limitsBelongToFashionMnist() {
        DataSpec spec = fashionSpec(-1);
        QVERIFY(inputErrorOf([&] {
                    checkDataSpec(spec, Task::Classification);
                }).contains("data.train_limit must be at least 1"));
        spec = fashionSpec(0, 10);
        spec.source = "digits";
        QVERIFY(inputErrorOf([&] {
                    checkDataSpec(spec, Task::Classification);
                }).contains("data.test_limit belongs to the fashion-mnist data"));
        spec.source = "fashion-mnist";
        QVERIFY(inputErrorOf([&] {
                    checkDataSpec(spec, Task::Regression);
                }).contains("for classification"));
    }

    void readsThePackageWithLimits() {
        if (!QFileInfo::exists(QString::fromStdString(fashionMnistDir()) +
                               "/train-images-idx3-ubyte.gz"))
            QSKIP("Debian's dataset-fashion-mnist package is not installed");
        const DataSplit split = loadData(fashionSpec(500, 200), Task::Classification, "");
        QCOMPARE(split.train.sampleCount(), 500);
        QCOMPARE(split.test.sampleCount(), 200);
        QCOMPARE(split.train.inputs.rows(), kPixels);
        QCOMPARE(split.train.inputs.minCoeff(), 0.0f);
        QCOMPARE(split.train.inputs.maxCoeff(), 1.0f);
        // The first training image of Fashion-MNIST is an ankle boot, the first test image too.
        QCOMPARE(split.train.labels[0], 9);
        QCOMPARE(split.test.labels[0], 9);
        QCOMPARE(std::set<int>(split.train.labels.begin(), split.train.labels.end()).size(),
                 std::size_t{10});
        QCOMPARE(split.info.classCount(), 10);
        const DataInfo described = describeData(fashionSpec(), Task::Classification, "");
        QVERIFY(described.inputShape == split.info.inputShape);
        QVERIFY(described.classNames == split.info.classNames);
    }
};

int runFashionMnistTests(int argc, char** argv) {
    TestFashionMnist test;
    return QTest::qExec(&test, argc, argv);
}

}  // namespace nnplay::test

#include "TestFashionMnist.moc"
