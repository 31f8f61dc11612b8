// SPDX-License-Identifier: GPL-3.0-or-later
// What a learner sees is whole: labels measured with QFontMetrics fit their boxes and do not
// run into each other, canvas items keep apart and stay readable, in both themes.

#include <QApplication>
#include <QFontMetrics>
#include <QtTest>
#include <memory>

#include "plots/SampleGridView.h"
#include "train/DataPreview.h"
#include "train/TrainingSnapshot.h"
#include "window/Theme.h"

using namespace nnplay;
using namespace nnplay::ui;

namespace {

/// A snapshot of 48 digit pictures whose answers are all wrong ("5 (is 9)"), the longest
/// labels the grid draws.
TrainingSnapshot wrongDigits(int count = 48) {
    auto data = std::make_shared<DataPreview>();
    data->info.task = Task::Classification;
    data->info.imageShape = Shape{1, 8, 8};
    data->info.inputShape = Shape{1, 8, 8};
    for (int c = 0; c < 10; ++c) data->info.classNames.push_back(std::to_string(c));
    data->sampleInputs = Matrix::Random(64, count);
    TrainingSnapshot snapshot;
    snapshot.generation = 1;
    for (int i = 0; i < count; ++i) {
        data->sampleLabels.push_back(i % 10);
        snapshot.samplePredictions.push_back((i + 3) % 10);
        snapshot.sampleOutputs.push_back(0.5f);
    }
    snapshot.data = data;
    return snapshot;
}

}  // namespace

class TestLayout : public QObject {
    Q_OBJECT
private slots:
    void sampleLabelsFitAndKeepApart_data();
    void sampleLabelsFitAndKeepApart();
};

void TestLayout::sampleLabelsFitAndKeepApart_data() {
    QTest::addColumn<QSize>("size");
    // The test-samples tab at 1024x768, 1366x768 and 1920x1080, and a tall narrow one.
    QTest::newRow("1024x768") << QSize(270, 400);
    QTest::newRow("1366x768") << QSize(450, 400);
    QTest::newRow("1920x1080") << QSize(760, 560);
    QTest::newRow("narrow and tall") << QSize(200, 700);
}

void TestLayout::sampleLabelsFitAndKeepApart() {
    QFETCH(QSize, size);
    SampleGridView view;
    view.resize(size);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    const TrainingSnapshot snapshot = wrongDigits();
    view.setSnapshot(snapshot);
    QVERIFY(view.showsImages());
    QCOMPARE(view.wrongCount(), 48);
    const int n = snapshot.data->sampleCount();
    for (int i = 0; i < n; ++i) {
        const QString text = view.labelText(i);
        QCOMPARE(text, QStringLiteral("%1 (is %2)").arg((i + 3) % 10).arg(i % 10));
        const QRect box = view.labelRect(i);
        QVERIFY2(!box.isEmpty(), qPrintable(text));
        QVERIFY2(view.rect().contains(box), qPrintable(text));
        const int needed = QFontMetrics(view.labelFont(i)).horizontalAdvance(text);
        QVERIFY2(
            box.width() >= needed,
            qPrintable(
                QStringLiteral("'%1' needs %2 px, has %3").arg(text).arg(needed).arg(box.width())));
        for (int j = 0; j < i; ++j) {
            QVERIFY2(!box.intersects(view.labelRect(j)),
                     qPrintable(QStringLiteral("labels %1 and %2 overlap").arg(i).arg(j)));
        }
    }
}

QTEST_MAIN(TestLayout)
#include "test_layout.moc"
