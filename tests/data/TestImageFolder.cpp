// SPDX-License-Identifier: GPL-3.0-or-later
#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include <cstdint>
#include <functional>
#include <vector>

#include "DataTestSuites.h"
#include "TestHelpers.h"
#include "data/DataDescription.h"
#include "data/DataLoader.h"
#include "data/ImageDecoder.h"
#include "data/ImageFolderLoader.h"
#include "data/ImageSources.h"

#define STB_IMAGE_WRITE_IMPLEMENTATION
#define STB_IMAGE_WRITE_STATIC
#include <stb_image_write.h>

namespace nnplay::test {

namespace {

/// Pixel bytes of a width x height image of `channels`, interleaved, from f(row, col, channel).
using PixelFunction = std::function<std::uint8_t(int, int, int)>;

std::vector<std::uint8_t> pixels(int width, int height, int channels, const PixelFunction& f) {
    std::vector<std::uint8_t> out;
    for (int r = 0; r < height; ++r)
        for (int c = 0; c < width; ++c)
            for (int ch = 0; ch < channels; ++ch) out.push_back(f(r, c, ch));
    return out;
}

bool writePng(const QString& path, int width, int height, int channels, const PixelFunction& f) {
    QDir().mkpath(QFileInfo(path).path());
    const std::vector<std::uint8_t> p = pixels(width, height, channels, f);
    return stbi_write_png(path.toLocal8Bit().constData(), width, height, channels, p.data(),
                          width * channels) != 0;
}

bool writeJpeg(const QString& path, int width, int height, std::uint8_t grey) {
    QDir().mkpath(QFileInfo(path).path());
    const std::vector<std::uint8_t> p(static_cast<std::size_t>(width) * height, grey);
    return stbi_write_jpg(path.toLocal8Bit().constData(), width, height, 1, p.data(), 100) != 0;
}

PixelFunction uniform(std::uint8_t value) {
    return [value](int, int, int) { return value; };
}

DataSpec folderSpec(const QString& path, int size = 4, int channels = 1) {
    DataSpec spec;
    spec.source = "image_folder";
    spec.path = path.toStdString();
    spec.imageSize = size;
    spec.imageChannels = channels;
    return spec;
}

/// Two classes, "cats" and "dogs" (written in the other order), of two uniform 8x8 images each:
/// cats 51 and 102, dogs 204 and 255.
void writeTwoClasses(const QString& root) {
    QVERIFY(writePng(root + "/dogs/b.png", 8, 8, 1, uniform(255)));
    QVERIFY(writePng(root + "/dogs/a.png", 8, 8, 1, uniform(204)));
    QVERIFY(writePng(root + "/cats/2.PNG", 8, 8, 1, uniform(102)));
    QVERIFY(writePng(root + "/cats/1.png", 8, 8, 1, uniform(51)));
}

}  // namespace

class TestImageFolder : public QObject {
    Q_OBJECT

private slots:
    void classesAreTheSortedSubfoldersAndLabelsFollowThem() {
        QTemporaryDir dir;
        writeTwoClasses(dir.path());
        // Files of other kinds and hidden folders are not classes or images.
        QVERIFY(writeFile(dir.path() + "/dogs/notes.txt", "not an image"));
        QVERIFY(writePng(dir.path() + "/.thumbnails/x.png", 8, 8, 1, uniform(0)));
        DataInfo info;
        Dataset test;
        const Dataset all = loadImageData(folderSpec(dir.path()), "", info, test);
        QCOMPARE(test.sampleCount(), 0);
        QVERIFY(info.classNames == (std::vector<std::string>{"cats", "dogs"}));
        QCOMPARE(info.inputShape, (Shape{1, 4, 4}));
        QCOMPARE(info.imageShape, (Shape{1, 4, 4}));
        QCOMPARE(static_cast<int>(info.featureNames.size()), 16);
        QVERIFY(all.labels == (std::vector<int>{0, 0, 1, 1}));
        QCOMPARE(all.inputs.rows(), 16);
        // Files in name order within a class: 1.png (51) before 2.PNG (102).
        const float expected[] = {51, 102, 204, 255};
        for (int i = 0; i < 4; ++i) {
            QVERIFY(all.inputs.col(i).minCoeff() > expected[i] / 255.0f - 1e-5f);
            QVERIFY(all.inputs.col(i).maxCoeff() < expected[i] / 255.0f + 1e-5f);
        }
    }

    void loadDataSplitsByTrainFraction() {
        QTemporaryDir dir;
        writeTwoClasses(dir.path());
        DataSpec spec = folderSpec(dir.path());
        spec.trainFraction = 0.5;
        const DataSplit split = loadData(spec, Task::Classification, "");
        QCOMPARE(split.train.sampleCount() + split.test.sampleCount(), 4);
        QCOMPARE(split.train.sampleCount(), 2);
        QCOMPARE(split.info.classCount(), 2);
    }

    void relativePathsAreReadFromTheProjectFolder() {
        QTemporaryDir dir;
        writeTwoClasses(dir.path() + "/photos");
        const DataInfo info =
            describeData(folderSpec("photos"), Task::Classification, dir.path().toStdString());
        QCOMPARE(info.classCount(), 2);
    }

    void shrinkingAveragesEachArea() {
        QTemporaryDir dir;
        // 8x8 grey ramps; 4x4 pixels each average a 2x2 block: 10*(2R+0.5) + 20*(2C+0.5).
        const auto ramp = [](int r, int c, int) {
            return static_cast<std::uint8_t>(10 * r + 20 * c);
        };
        QVERIFY(writePng(dir.path() + "/a/ramp.png", 8, 8, 1, ramp));
        QVERIFY(writePng(dir.path() + "/b/flat.png", 8, 8, 1, uniform(0)));
        DataInfo info;
        Dataset test;
        const Dataset all = loadImageData(folderSpec(dir.path()), "", info, test);
        for (int r = 0; r < 4; ++r)
            for (int c = 0; c < 4; ++c) {
                const float expected = (10.0f * (2 * r + 0.5f) + 20.0f * (2 * c + 0.5f)) / 255.0f;
                QVERIFY2(std::abs(all.inputs(r * 4 + c, 0) - expected) < 1e-4f,
                         qPrintable(QStringLiteral("pixel %1,%2 is %3, not %4")
                                        .arg(r)
                                        .arg(c)
                                        .arg(all.inputs(r * 4 + c, 0))
                                        .arg(expected)));
            }
    }

    void growingInterpolatesBetweenPixels() {
        QTemporaryDir dir;
        // 2x2 left black, right white, grown to 4x4: the columns rise from black to white.
        const auto halves = [](int, int c, int) { return static_cast<std::uint8_t>(c ? 255 : 0); };
        QVERIFY(writePng(dir.path() + "/a/x.png", 2, 2, 1, halves));
        QVERIFY(writePng(dir.path() + "/b/y.png", 2, 2, 1, uniform(0)));
        DataInfo info;
        Dataset test;
        const Dataset all = loadImageData(folderSpec(dir.path()), "", info, test);
        for (int r = 0; r < 4; ++r) {
            QCOMPARE(all.inputs(r * 4 + 0, 0), 0.0f);
            QVERIFY(all.inputs(r * 4 + 1, 0) > 0.0f && all.inputs(r * 4 + 1, 0) < 0.5f);
            QVERIFY(all.inputs(r * 4 + 2, 0) > 0.5f && all.inputs(r * 4 + 2, 0) < 1.0f);
            QCOMPARE(all.inputs(r * 4 + 3, 0), 1.0f);
        }
    }

    void colourImagesLieChannelByChannel() {
        QTemporaryDir dir;
        const auto colour = [](int, int, int ch) {
            return static_cast<std::uint8_t>(ch == 0 ? 255 : ch == 1 ? 0 : 102);
        };
        QVERIFY(writePng(dir.path() + "/a/c.png", 4, 4, 3, colour));
        QVERIFY(writePng(dir.path() + "/b/grey.png", 4, 4, 1, uniform(51)));
        DataInfo info;
        Dataset test;
        const Dataset all = loadImageData(folderSpec(dir.path(), 4, 3), "", info, test);
        QCOMPARE(info.inputShape, (Shape{3, 4, 4}));
        QCOMPARE(qs(info.featureNames[16]), QStringLiteral("green 0,0"));
        QCOMPARE(all.inputs.rows(), 48);
        for (int p = 0; p < 16; ++p) {
            QCOMPARE(all.inputs(p, 0), 1.0f);
            QCOMPARE(all.inputs(16 + p, 0), 0.0f);
            QCOMPARE(all.inputs(32 + p, 0), 102.0f / 255.0f);
            // A grey file read in colour has the same value in every channel.
            QCOMPARE(all.inputs(32 + p, 1), 51.0f / 255.0f);
        }
        // A colour file read in grey is one channel between its colours.
        const Dataset grey = loadImageData(folderSpec(dir.path(), 4, 1), "", info, test);
        QCOMPARE(grey.inputs.rows(), 16);
        QVERIFY(grey.inputs(0, 0) > 0.2f && grey.inputs(0, 0) < 0.6f);
    }

    void readsJpegFiles() {
        QTemporaryDir dir;
        QVERIFY(writeJpeg(dir.path() + "/a/x.jpg", 16, 16, 200));
        QVERIFY(writeJpeg(dir.path() + "/b/y.JPEG", 16, 16, 40));
        DataInfo info;
        Dataset test;
        const Dataset all = loadImageData(folderSpec(dir.path(), 8), "", info, test);
        QCOMPARE(all.sampleCount(), 2);
        QVERIFY(std::abs(all.inputs.col(0).mean() - 200.0f / 255.0f) < 0.02f);
        QVERIFY(std::abs(all.inputs.col(1).mean() - 40.0f / 255.0f) < 0.02f);
    }

    void aTestFolderGivesTheTestPart() {
        QTemporaryDir dir;
        writeTwoClasses(dir.path() + "/train");
        QVERIFY(writePng(dir.path() + "/test/cats/t.png", 8, 8, 1, uniform(0)));
        QVERIFY(writePng(dir.path() + "/test/dogs/t.png", 8, 8, 1, uniform(255)));
        DataSpec spec = folderSpec("train");
        spec.testPath = "test";
        const DataSplit split = loadData(spec, Task::Classification, dir.path().toStdString());
        QCOMPARE(split.train.sampleCount(), 4);
        QCOMPARE(split.test.sampleCount(), 2);
        QVERIFY(split.test.labels == (std::vector<int>{0, 1}));
        QCOMPARE(split.test.inputs(0, 1), 1.0f);
    }

    void aTestFolderNeedsTheSameClasses() {
        QTemporaryDir dir;
        writeTwoClasses(dir.path() + "/train");
        QVERIFY(writePng(dir.path() + "/test/cats/t.png", 8, 8, 1, uniform(0)));
        QVERIFY(writePng(dir.path() + "/test/birds/t.png", 8, 8, 1, uniform(0)));
        DataSpec spec = folderSpec("train");
        spec.testPath = "test";
        const QString message = inputErrorOf(
            [&] { describeData(spec, Task::Classification, dir.path().toStdString()); });
        QVERIFY2(
            message.contains(dir.path() + "/test: the test folder needs the class subfolders") &&
                message.contains("it lacks 'dogs'") &&
                message.contains("the training folder has no 'birds'"),
            qPrintable(message));
    }

    void describeListsWithoutDecoding() {
        QTemporaryDir dir;
        writeTwoClasses(dir.path());
        QVERIFY(writeFile(dir.path() + "/dogs/broken.png", "not a png"));
        const DataInfo info = describeData(folderSpec(dir.path(), 6, 3), Task::Classification, "");
        QVERIFY(info.classNames == (std::vector<std::string>{"cats", "dogs"}));
        QCOMPARE(info.inputShape, (Shape{3, 6, 6}));
        // Loading decodes every file and names the one that fails.
        const QString message =
            inputErrorOf([&] { loadData(folderSpec(dir.path(), 6, 3), Task::Classification, ""); });
        QVERIFY2(
            message.startsWith(dir.path() + "/dogs/broken.png: cannot be read as a PNG or JPEG"),
            qPrintable(message));
    }

    void errorsNameTheFolderAndWhatIsWrong_data() {
        QTest::addColumn<QString>("layout");  // what to write into the folder
        QTest::addColumn<QString>("path");    // data.path, relative to the temporary folder
        QTest::addColumn<int>("size");
        QTest::addColumn<int>("channels");
        QTest::addColumn<QString>("expected");  // %1 is the temporary folder
        QTest::newRow("no such folder")
            << ""
            << "missing" << 4 << 1 << "%1/missing: there is no such folder";
        QTest::newRow("a file") << "file"
                                << "plain.txt" << 4 << 1 << "%1/plain.txt: is a file, not a folder";
        QTest::newRow("no subfolders") << "flat"
                                       << "flat" << 4 << 1 << "%1/flat: has no class subfolders";
        QTest::newRow("one class")
            << "one"
            << "one" << 4 << 1 << "%1/one: has only one class subfolder, 'cats'";
        QTest::newRow("an empty class")
            << "empty"
            << "empty" << 4 << 1 << "%1/empty/dogs: the class folder holds no PNG or JPEG";
        QTest::newRow("two channels") << "two"
                                      << "two" << 4 << 2
                                      << "data.channels of the image_folder data must be 1 "
                                         "(grey) or 3 (colour), not 2";
        QTest::newRow("size 3") << "two"
                                << "two" << 3 << 1
                                << "data.size of the image_folder data (the side images are "
                                   "resized to) must be from 4 to 512 pixels, not 3";
        QTest::newRow("size 513") << "two"
                                  << "two" << 513 << 1
                                  << "data.size of the image_folder data (the side images are "
                                     "resized to) must be from 4 to 512 pixels, not 513";
        QTest::newRow("too many values")
            << "many"
            << "many" << 512 << 3
            << "%1/many: 64 images of 3x512x512 would be 50331648 values, more than nnplay holds";
    }

    void errorsNameTheFolderAndWhatIsWrong() {
        QFETCH(QString, layout);
        QFETCH(QString, path);
        QFETCH(int, size);
        QFETCH(int, channels);
        QFETCH(QString, expected);
        QTemporaryDir dir;
        const QString root = dir.path();
        if (layout == "file") QVERIFY(writeFile(root + "/plain.txt", "x"));
        if (layout == "flat") QVERIFY(writePng(root + "/flat/a.png", 4, 4, 1, uniform(0)));
        if (layout == "one") QVERIFY(writePng(root + "/one/cats/a.png", 4, 4, 1, uniform(0)));
        if (layout == "empty") {
            QVERIFY(writePng(root + "/empty/cats/a.png", 4, 4, 1, uniform(0)));
            QVERIFY(QDir().mkpath(root + "/empty/dogs"));
            QVERIFY(writeFile(root + "/empty/dogs/readme.txt", "no images here"));
        }
        if (layout == "two") writeTwoClasses(root + "/two");
        if (layout == "many") {
            // Counted before any file is decoded, so these need not be images.
            QDir().mkpath(root + "/many/a");
            QDir().mkpath(root + "/many/b");
            for (int i = 0; i < 32; ++i) {
                QVERIFY(writeFile(root + QStringLiteral("/many/a/%1.png").arg(i), "x"));
                QVERIFY(writeFile(root + QStringLiteral("/many/b/%1.png").arg(i), "x"));
            }
        }
        const DataSpec spec = folderSpec(path, size, channels);
        const QString message =
            inputErrorOf([&] { loadData(spec, Task::Classification, root.toStdString()); });
        QVERIFY2(message.startsWith(expected.contains("%1") ? expected.arg(root) : expected),
                 qPrintable(message));
    }

    void decodeImageRefusesWhatIsNotAnImage() {
        std::vector<float> out(16);
        const QString message =
            inputErrorOf([&] { decodeImage("GIF89a....", "x.png", 4, 1, out.data()); });
        QVERIFY2(message.startsWith("x.png: cannot be read as a PNG or JPEG image ("),
                 qPrintable(message));
    }

    // stb_image 2.27 writes past its arrays for a table of more than 256 codes.
    void decodeImageRefusesAnOversizedHuffmanTable() {
        std::string jpeg("\xFF\xD8\xFF\xC4\x00\x13\x00", 7);
        jpeg += std::string(16, '\xFF');
        jpeg += std::string(64, '\x01');
        std::vector<float> out(16);
        const QString message =
            inputErrorOf([&] { decodeImage(jpeg, "bad.jpg", 4, 1, out.data()); });
        QVERIFY2(message == "bad.jpg: cannot be read as a JPEG image (a Huffman table is corrupt)",
                 qPrintable(message));
        // Fill bytes before the start marker, which stb_image skips.
        QVERIFY(inputErrorOf([&] { decodeImage("\xFF\xFF" + jpeg.substr(1), "fill.jpg", 4, 1,
                                               out.data()); })
                    .contains("a Huffman table is corrupt"));
        // A table cut off by the end of the file: stb_image reads the missing counts as zeros.
        const std::string cut("\xFF\xD8\xFF\xC4\x01\xA2\x00\x00\xA8\xA9", 10);
        QVERIFY(inputErrorOf([&] { decodeImage(cut, "cut.jpg", 4, 1, out.data()); })
                    .contains("a Huffman table is corrupt"));
    }

    // A file's header says how many pixels it decodes to: a few bytes claiming a huge image
    // are refused at once, and so is a real image beyond kMaxDecodedPixels.
    void decodeImageRefusesWhatItWouldTakeSecondsToDecode() {
        QTemporaryDir dir;
        const QString path = dir.path() + "/x.jpg";
        QVERIFY(writeJpeg(path, 16, 16, 100));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const std::string jpeg = file.readAll().toStdString();
        // The baseline frame header: FF C0, length, precision, height, width.
        const std::size_t sof = jpeg.find("\xFF\xC0");
        QVERIFY(sof != std::string::npos);
        auto claiming = [&](int height, int width) {
            std::string out = jpeg;
            out[sof + 5] = static_cast<char>(height >> 8);
            out[sof + 6] = static_cast<char>(height & 0xFF);
            out[sof + 7] = static_cast<char>(width >> 8);
            out[sof + 8] = static_cast<char>(width & 0xFF);
            return out;
        };
        std::vector<float> out(16);
        const std::string bomb = claiming(252, 65528);
        const QString message =
            inputErrorOf([&] { decodeImage(bomb, "bomb.jpg", 4, 1, out.data()); });
        QVERIFY2(message == qs("bomb.jpg: the file claims 65528x252 pixels in only " +
                               std::to_string(bomb.size()) + " bytes; it is damaged"),
                 qPrintable(message));
        // Enough bytes for its size (padding after the end), but more pixels than decoded.
        std::string large = claiming(4100, 4100);
        large += std::string(static_cast<std::size_t>(4100 * 4100 / kMaxPixelsPerByte), '\0');
        QVERIFY(4100LL * 4100 > kMaxDecodedPixels);
        QVERIFY(inputErrorOf([&] { decodeImage(large, "large.jpg", 4, 1, out.data()); })
                    .contains("more than nnplay decodes (16 megapixels)"));
    }

private:
    static QString qs(const std::string& s) { return QString::fromStdString(s); }
};

int runImageFolderTests(int argc, char** argv) {
    TestImageFolder test;
    return QTest::qExec(&test, argc, argv);
}

}  // namespace nnplay::test

#include "TestImageFolder.moc"
