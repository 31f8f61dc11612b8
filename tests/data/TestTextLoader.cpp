// SPDX-License-Identifier: GPL-3.0-or-later
#include <QDir>
#include <QTemporaryDir>
#include <QTest>

#include "DataTestSuites.h"
#include "TestHelpers.h"
#include "data/DataDescription.h"
#include "data/DataLoader.h"
#include "data/TextLoader.h"

namespace nnplay::test {

namespace {

QString qs(const std::string& s) { return QString::fromStdString(s); }

/// The class of every character of a window's one-hot input, step by step.
std::vector<int> decodeWindow(const Dataset& data, int window, int steps, int classes) {
    std::vector<int> out;
    for (int t = 0; t < steps; ++t) {
        int hot = -1;
        for (int c = 0; c < classes; ++c) {
            const float v = data.inputs(t * classes + c, window);
            if (v == 1.0f)
                hot = hot == -1 ? c : -2;  // -2: more than one
            else if (v != 0.0f)
                hot = -3;
        }
        out.push_back(hot);
    }
    return out;
}

}  // namespace

class TestTextLoader : public QObject {
    Q_OBJECT

private slots:
    void classesAreTheSortedDistinctCharacters() {
        const CharacterText text = parseCharacterText("abcd\nab", "t.txt");
        QCOMPARE(text.classCount(), 5);
        QVERIFY((text.alphabet == std::vector<char32_t>{'\n', 'a', 'b', 'c', 'd'}));
        QVERIFY((text.classes == std::vector<int>{1, 2, 3, 4, 0, 1, 2}));
        const DataInfo info = textDataInfo(text, 3, 1);
        QVERIFY(info.task == Task::Classification);
        QCOMPARE(info.inputShape, Shape::sequence(3, 5));
        QVERIFY((info.classNames == std::vector<std::string>{"newline", "a", "b", "c", "d"}));
        QVERIFY(info.featureNames == info.classNames);
    }

    void windowsLabelsAndStepLabels() {
        const CharacterText text = parseCharacterText("abcd\nab", "t.txt");
        const Dataset data = makeTextWindows(text, 3, 1);
        // Windows start at 0..3; each needs the character after it.
        QCOMPARE(data.sampleCount(), 4);
        QCOMPARE(data.inputs.rows(), 15);
        QVERIFY((decodeWindow(data, 0, 3, 5) == std::vector<int>{1, 2, 3}));  // abc
        QVERIFY((decodeWindow(data, 3, 3, 5) == std::vector<int>{4, 0, 1}));  // d\na
        QVERIFY((data.labels == std::vector<int>{4, 0, 1, 2}));               // d \n a b
        QCOMPARE(data.stepLabels.rows(), 3);
        QCOMPARE(data.stepLabels.cols(), 4);
        QVERIFY((data.stepLabels.col(0) == Eigen::Vector3i(2, 3, 4)));  // b c d
        QVERIFY((data.stepLabels.col(3) == Eigen::Vector3i(0, 1, 2)));  // \n a b
        for (int w = 0; w < 4; ++w) QCOMPARE(data.stepLabels(2, w), data.labels[std::size_t(w)]);
        QVERIFY(data.targets.size() == 0);
        QVERIFY(data.stepTargets.size() == 0);
    }

    void strideSpacesTheWindows() {
        const CharacterText text = parseCharacterText("abcd\nab", "t.txt");
        const Dataset data = makeTextWindows(text, 3, 2);
        QCOMPARE(data.sampleCount(), 2);  // starts 0 and 2; 4 would have no next character
        QVERIFY((decodeWindow(data, 1, 3, 5) == std::vector<int>{3, 4, 0}));  // cd\n
        QVERIFY((data.labels == std::vector<int>{4, 1}));
        QCOMPARE(makeTextWindows(text, 3, 3).sampleCount(), 2);  // 0 and 3
        QCOMPARE(makeTextWindows(text, 3, 4).sampleCount(), 1);
        QCOMPARE(makeTextWindows(text, 6, 1).sampleCount(), 1);
    }

    void readsCodePointsOfUtf8() {
        // A byte-order mark is skipped, "\r\n" is one newline, and é (2 bytes) and € (3 bytes)
        // and an emoji (4 bytes) are one character each.
        const CharacterText text = parseCharacterText(
            "\xef\xbb\xbf"
            "caf\xc3\xa9\r\n\xe2\x82\xac\xf0\x9f\x98\x80",
            "u.txt");
        QCOMPARE(text.characterCount(), 7);
        QVERIFY(
            (text.alphabet == std::vector<char32_t>{'\n', 'a', 'c', 'f', 0xe9, 0x20ac, 0x1f600}));
        const DataInfo info = textDataInfo(text, 2, 1);
        QCOMPARE(qs(info.classNames[4]), QStringLiteral("é"));
        QCOMPARE(qs(info.classNames[5]), QStringLiteral("€"));
        QCOMPARE(qs(info.classNames[6]), QString::fromUtf8("\xf0\x9f\x98\x80"));
        // A lone "\r" stays a character of its own.
        QCOMPARE(parseCharacterText("a\rb", "r.txt").characterCount(), 3);
    }

    void refusesInvalidUtf8WithItsByteOffset_data() {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("part");
        QTest::newRow("stray byte") << QByteArray(
                                           "ab\xff"
                                           "c")
                                    << "byte 2 (0xFF)";
        QTest::newRow("continuation first") << QByteArray(
                                                   "\x80"
                                                   "abc")
                                            << "byte 0 (0x80)";
        QTest::newRow("truncated") << QByteArray("abc\xc3") << "byte 3 (0xC3)";
        QTest::newRow("overlong") << QByteArray("a\xc0\xaf") << "byte 1 (0xC0)";
        QTest::newRow("surrogate") << QByteArray("ab\xed\xa0\x80") << "byte 2 (0xED)";
        QTest::newRow("beyond U+10FFFF") << QByteArray("\xf4\x90\x80\x80") << "byte 0 (0xF4)";
    }

    void refusesInvalidUtf8WithItsByteOffset() {
        QFETCH(QByteArray, bytes);
        QFETCH(QString, part);
        const QString message =
            inputErrorOf([&] { parseCharacterText(bytes.toStdString(), "bad.txt"); });
        QVERIFY2(message.startsWith("bad.txt: ") && message.contains(part) &&
                     message.contains("not valid UTF-8"),
                 qPrintable(message));
    }

    void maxCharsKeepsTheBeginning() {
        const CharacterText text = parseCharacterText("abcdef\xff", "m.txt", 4);
        QCOMPARE(text.characterCount(), 4);  // the invalid byte is never reached
        QCOMPARE(text.classCount(), 4);
    }

    void classNamesAreReadableAndReversible() {
        QCOMPARE(qs(characterClassName(' ')), QStringLiteral("space"));
        QCOMPARE(qs(characterClassName('\n')), QStringLiteral("newline"));
        QCOMPARE(qs(characterClassName('\t')), QStringLiteral("tab"));
        QCOMPARE(qs(characterClassName(7)), QStringLiteral("U+0007"));
        QCOMPARE(qs(characterClassName(0x85)), QStringLiteral("U+0085"));
        QCOMPARE(qs(characterClassName('x')), QStringLiteral("x"));
        for (const char32_t c :
             {char32_t(' '), char32_t('\n'), char32_t('\t'), char32_t(0), char32_t(7),
              char32_t(0x85), char32_t('x'), char32_t(0xe9), char32_t(0x1f600)}) {
            const CharacterText one = parseCharacterText(
                c == 0 ? std::string(1, '\0') : characterOfClassName(characterClassName(c)), "c");
            QCOMPARE(one.alphabet.size(), std::size_t(1));
            QCOMPARE(static_cast<unsigned>(one.alphabet[0]), static_cast<unsigned>(c));
        }
        QCOMPARE(qs(characterOfClassName("U+0000")), QString(QChar(0)));
        QCOMPARE(qs(characterOfClassName("U+ZZZZ")), QStringLiteral("U+ZZZZ"));
    }

    void refusesTooManyDistinctCharacters() {
        std::string bytes;
        for (char32_t c = 0x100; c < 0x100 + 300; ++c) {
            bytes += static_cast<char>(0xc0 | (c >> 6));
            bytes += static_cast<char>(0x80 | (c & 0x3f));
        }
        const QString message = inputErrorOf([&] { parseCharacterText(bytes, "wide.txt"); });
        QVERIFY2(message.startsWith("wide.txt: ") && message.contains("300 distinct characters") &&
                     message.contains("256"),
                 qPrintable(message));
        // 256 are allowed.
        QCOMPARE(parseCharacterText(bytes, "wide.txt", 256).classCount(), 256);
    }

    void refusesTextsTooShortOrTooLarge() {
        const CharacterText text = parseCharacterText("abcd", "short.txt");
        const QString shortMessage = inputErrorOf([&] { makeTextWindows(text, 4, 1); });
        QVERIFY2(shortMessage.startsWith("short.txt: the text has 4 characters") &&
                     shortMessage.contains("need 5"),
                 qPrintable(shortMessage));
        QCOMPARE(inputErrorOf([&] { textDataInfo(text, 4, 1); }), shortMessage);
        QVERIFY(inputErrorOf([&] {
                    parseCharacterText("", "empty.txt");
                }).contains("empty.txt: the text is empty"));
        // 100000 windows x 1000 steps x 2 classes.
        const CharacterText large = parseCharacterText(std::string(101000, 'a') + "b", "big.txt");
        const QString big = inputErrorOf([&] { textWindowCount(large, 1000, 1); });
        QVERIFY2(big.startsWith("big.txt: ") && big.contains("data.stride"), qPrintable(big));
        QCOMPARE(textWindowCount(large, 1000, 100), 1001);
    }

    void refusesSettingsOutOfRange_data() {
        QTest::addColumn<QString>("key");
        QTest::addColumn<int>("value");
        QTest::addColumn<QString>("part");
        QTest::newRow("one step") << "sequence_length" << 1
                                  << "data.sequence_length) must be from 2 to 1000, not 1";
        QTest::newRow("stride 0") << "stride" << 0
                                  << "data.stride) must be from 1 to 100000, not 0";
        QTest::newRow("max_chars 1")
            << "max_chars" << 1 << "data.max_chars) must be at least 3, not 1";
        QTest::newRow("no path") << "path" << 0 << "no text file chosen for the data (data.path)";
    }

    void refusesSettingsOutOfRange() {
        QFETCH(QString, key);
        QFETCH(int, value);
        QFETCH(QString, part);
        DataSpec spec;
        spec.source = "text";
        spec.path = "notes.txt";
        checkDataSpec(spec, Task::Classification);
        if (key == "sequence_length") spec.sequenceLength = value;
        if (key == "stride") spec.stride = value;
        if (key == "max_chars") spec.maxChars = value;
        if (key == "path") spec.path.clear();
        const QString message = inputErrorOf([&] { checkDataSpec(spec, Task::Classification); });
        QVERIFY2(message.contains(part), qPrintable(message));
    }

    void loadsAFileBesideTheProject() {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QVERIFY(writeFile(dir.filePath("notes.txt"), "the cat sat on the mat\n"));
        DataSpec spec;
        spec.source = "text";
        spec.path = "notes.txt";
        spec.sequenceLength = 5;
        spec.stride = 2;
        spec.trainFraction = 0.75;
        const DataSplit split = loadData(spec, Task::Classification, dir.path().toStdString());
        // 23 characters: windows start at 0, 2, ..., 16 (the one at 18 would have no next one).
        QCOMPARE(split.train.sampleCount() + split.test.sampleCount(), 9);
        QCOMPARE(split.info.inputShape, Shape::sequence(5, 11));  // "\n acehmnost"
        QCOMPARE(qs(split.info.classNames[0]), QStringLiteral("newline"));
        QCOMPARE(qs(split.info.classNames[1]), QStringLiteral("space"));
        for (const Dataset* part : {&split.train, &split.test}) {
            QCOMPARE(part->stepLabels.rows(), 5);
            QCOMPARE(part->stepLabels.cols(), part->inputs.cols());
            for (int w = 0; w < part->sampleCount(); ++w) {
                // Each window carries its own step labels: the last is its label, and step t's
                // label is the input character of step t + 1.
                QCOMPARE(part->stepLabels(4, w), part->labels[std::size_t(w)]);
                const std::vector<int> window = decodeWindow(*part, w, 5, 11);
                for (int t = 0; t + 1 < 5; ++t) QCOMPARE(part->stepLabels(t, w), window[t + 1]);
            }
        }
        const DataInfo described =
            describeData(spec, Task::Classification, dir.path().toStdString());
        QCOMPARE(described.inputShape, split.info.inputShape);
        QVERIFY(described.classNames == split.info.classNames);
        QVERIFY(described.featureNames == split.info.featureNames);
        // Text is classification only.
        QVERIFY(inputErrorOf([&] {
                    checkDataSpec(spec, Task::Regression);
                }).contains("classification"));
    }

    void missingFileIsNamed() {
        QTemporaryDir dir;
        DataSpec spec;
        spec.source = "text";
        spec.path = "absent.txt";
        const QString message =
            inputErrorOf([&] { loadData(spec, Task::Classification, dir.path().toStdString()); });
        QVERIFY2(message.contains(dir.filePath("absent.txt")) && message.contains("no such"),
                 qPrintable(message));
        QCOMPARE(inputErrorOf(
                     [&] { describeData(spec, Task::Classification, dir.path().toStdString()); }),
                 message);
    }

    void readsTheShippedText() {
        QTemporaryDir dir;
        DataSpec spec;
        spec.source = "text";
        spec.path = "text/devils-dictionary.txt";
        spec.sequenceLength = 32;
        spec.stride = 16;
        const DataSplit split = loadData(spec, Task::Classification, dir.path().toStdString());
        const int windows = split.train.sampleCount() + split.test.sampleCount();
        QVERIFY2(windows > 3000 && windows < 6000, qPrintable(QString::number(windows)));
        QVERIFY(split.info.classCount() > 50 && split.info.classCount() < 100);
        // A project's own file of the same name comes first.
        QVERIFY(QDir(dir.path()).mkpath("text"));
        QVERIFY(writeFile(dir.filePath("text/devils-dictionary.txt"), "mine, not Bierce's"));
        spec.stride = 1;
        spec.sequenceLength = 4;
        QCOMPARE(describeData(spec, Task::Classification, dir.path().toStdString()).classCount(),
                 13);  // "mine, not Bierce's": m i n e , space o t B r c ' s
    }
};

int runTextLoaderTests(int argc, char** argv) {
    TestTextLoader test;
    return QTest::qExec(&test, argc, argv);
}

}  // namespace nnplay::test

#include "TestTextLoader.moc"
