// SPDX-License-Identifier: GPL-3.0-or-later
// The data panel of a GAN project driven like a learner drives it: clicking targets, the sample
// count, "Draw new samples", the digit and class, a CSV file, checked against the document
// (the settings each target takes and no others), its undo stack and what the panel shows.

#include <QComboBox>
#include <QFile>
#include <QFileInfo>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>
#include <cmath>

#include "Project.h"
#include "data/FashionMnist.h"
#include "data/GanTargets.h"
#include "document/DocumentEdits.h"
#include "document/ProjectDocument.h"
#include "panels/GanDataPanel.h"

using nnplay::DataSpec;
using nnplay::GanTargetInfo;
using nnplay::Project;
using nnplay::Task;
using nnplay::ui::GanDataPanel;
using nnplay::ui::ProjectDocument;

namespace {

/// A document reset to the default GAN project (the ring) and its data panel, shown.
struct GanData {
    ProjectDocument document;
    GanDataPanel panel{&document};

    GanData() {
        document.reset(Project::defaultGanProject(), {});
        panel.show();
    }
    const DataSpec& data() const { return document.project().data; }
    int undoCount() { return document.undoStack()->count(); }
    /// The name of the target the list shows as chosen, or "" for none.
    QString shownTarget() const {
        const QList<QListWidgetItem*> selected = panel.targetList()->selectedItems();
        return selected.size() == 1 ? selected.front()->data(Qt::UserRole).toString() : QString();
    }
    bool shown(QWidget* widget) const { return widget->isVisibleTo(&panel); }
};

/// Clicks the target `name` in the panel's list.
bool clickTarget(GanDataPanel& panel, const QString& name) {
    QListWidget* list = panel.targetList();
    for (int i = 0; i < list->count(); ++i) {
        QListWidgetItem* item = list->item(i);
        if (item->data(Qt::UserRole).toString() != name) continue;
        list->scrollToItem(item);
        QTest::mouseClick(list->viewport(), Qt::LeftButton, {},
                          list->visualItemRect(item).center());
        return true;
    }
    return false;
}

QListWidgetItem* targetItem(GanDataPanel& panel, const QString& name) {
    QListWidget* list = panel.targetList();
    for (int i = 0; i < list->count(); ++i)
        if (list->item(i)->data(Qt::UserRole).toString() == name) return list->item(i);
    return nullptr;
}

/// Why checkGanTarget() refuses `data`, or "" when it accepts it.
QString refusal(const DataSpec& data) {
    try {
        nnplay::checkGanTarget(data);
        return {};
    } catch (const std::exception& e) {
        return QString::fromStdString(e.what());
    }
}

/// Writes `text` to `name` in `dir`; returns the file's absolute path.
QString writeFile(const QTemporaryDir& dir, const QString& name, const QByteArray& text) {
    QFile file(dir.filePath(name));
    if (!file.open(QIODevice::WriteOnly)) return {};
    file.write(text);
    return QFileInfo(file).absoluteFilePath();
}

/// Pixels of `image` with ink (not white) whose distance from the centre, in the plane's units
/// (kPlaneExtent on each side), lies in [from, to).
int inkBetween(const QImage& image, double from, double to) {
    const double half = image.width() / 2.0;
    const double unitsPerPixel = 6.0 / half;
    int ink = 0;
    for (int y = 0; y < image.height(); ++y)
        for (int x = 0; x < image.width(); ++x) {
            const double r = std::hypot(x + 0.5 - half, y + 0.5 - half) * unitsPerPixel;
            if (r >= from && r < to && qRed(image.pixel(x, y)) < 235) ++ink;
        }
    return ink;
}

/// Reads Fashion-MNIST from another folder while it lives.
struct FashionMnistDir {
    explicit FashionMnistDir(const QString& dir) { nnplay::setFashionMnistDir(dir.toStdString()); }
    ~FashionMnistDir() { nnplay::setFashionMnistDir({}); }
};

}  // namespace

class TestGanData : public QObject {
    Q_OBJECT

private slots:
    void listsEveryTargetAndShowsTheRing() {
        GanData gan;
        QVERIFY(QTest::qWaitForWindowExposed(&gan.panel));
        const auto& targets = nnplay::ganTargets();
        QCOMPARE(gan.panel.targetList()->count(), static_cast<int>(targets.size()));
        for (int i = 0; i < gan.panel.targetList()->count(); ++i)
            QCOMPARE(gan.panel.targetList()->item(i)->data(Qt::UserRole).toString().toStdString(),
                     targets[static_cast<std::size_t>(i)].name);
        QCOMPARE(gan.shownTarget(), QStringLiteral("ring"));
        QVERIFY(gan.panel.isEnabled());
        QVERIFY(gan.shown(gan.panel.samplesBox()));
        QVERIFY(gan.shown(gan.panel.newSamplesButton()));
        QVERIFY(!gan.shown(gan.panel.digitBox()));
        QVERIFY(!gan.shown(gan.panel.classBox()));
        QVERIFY(!gan.shown(gan.panel.chooseCsvButton()));
        QVERIFY(!gan.shown(gan.panel.pointsHint()));
        QCOMPARE(gan.panel.samplesBox()->value(), 2000);
        QCOMPARE(gan.undoCount(), 0);
    }

    // Each target, clicked: the document's data take it with the settings that apply and none
    // that do not, as one undo step; undo brings the ring back, in the document and the panel.
    void choosingATargetKeepsWhatItTakes_data() {
        QTest::addColumn<QString>("target");
        for (const GanTargetInfo& target : nnplay::ganTargets())
            if (target.name != "ring")
                QTest::newRow(target.name.c_str()) << QString::fromStdString(target.name);
    }
    void choosingATargetKeepsWhatItTakes() {
        QFETCH(QString, target);
        const std::string name = target.toStdString();
        const GanTargetInfo* info = nnplay::findGanTarget(name);
        QVERIFY(info);
        QTemporaryDir dir;
        const QString csv = writeFile(dir, "points.csv", "x1,x2\n0,0\n1.5,-2\n-3,4\n");
        GanData gan;
        QVERIFY(QTest::qWaitForWindowExposed(&gan.panel));
        int asked = 0;
        gan.panel.setFileChooser([&](QWidget*, const QString&, const QString&) {
            ++asked;
            return csv;
        });
        const DataSpec before = gan.data();

        QVERIFY(clickTarget(gan.panel, target));
        const DataSpec after = gan.data();
        QCOMPARE(after.source, name);
        QVERIFY(gan.document.project().task == Task::Gan);
        QCOMPARE(refusal(after), QString());
        QVERIFY(!after.digit);
        QVERIFY(!after.imageClass);
        QCOMPARE(after.trainLimit, 0);
        QCOMPARE(after.points.empty(), name != "points");
        if (name == "points") QCOMPARE(after.points, GanDataPanel::defaultDrawnPoints());
        QCOMPARE(asked, name == "csv" ? 1 : 0);
        if (name == "csv") {
            QCOMPARE(after.path, csv.toStdString());
            QVERIFY(after.csvText.empty());
        }
        QCOMPARE(after.samples, before.samples);
        QCOMPARE(after.seed, before.seed);
        QCOMPARE(gan.undoCount(), 1);

        QCOMPARE(gan.shownTarget(), target);
        QCOMPARE(gan.shown(gan.panel.samplesBox()), info->generated);
        QCOMPARE(gan.shown(gan.panel.newSamplesButton()), info->generated);
        QCOMPARE(gan.shown(gan.panel.digitBox()), name == "digits");
        QCOMPARE(gan.shown(gan.panel.classBox()), name == "fashion-mnist");
        QCOMPARE(gan.shown(gan.panel.chooseCsvButton()), name == "csv");
        QCOMPARE(gan.shown(gan.panel.pointsHint()), name == "points");
        QVERIFY(gan.panel.targetInfo()->text().contains(QString::fromStdString(info->displayName)));

        gan.document.undoStack()->undo();
        QVERIFY(gan.data() == before);
        QCOMPARE(gan.shownTarget(), QStringLiteral("ring"));
        QVERIFY(gan.shown(gan.panel.samplesBox()));
        QVERIFY(!gan.shown(gan.panel.digitBox()));
        QVERIFY(!gan.shown(gan.panel.pointsHint()));
        // Showing the undone state pushed nothing.
        QCOMPARE(gan.undoCount(), 1);
        QVERIFY(gan.document.undoStack()->canRedo());

        gan.document.undoStack()->redo();
        QVERIFY(gan.data() == after);
        QCOMPARE(gan.shownTarget(), target);
    }

    // A project whose target holds settings of its own (a digit, a class and an image limit,
    // drawn points, a sample count no generator takes) switched to another target: those
    // settings go, so the engine accepts the data.
    void switchingDropsTheSettingsOfTheTargetBefore_data() {
        QTest::addColumn<QString>("from");
        QTest::addColumn<QString>("to");
        QTest::newRow("digits -> moons") << "digits"
                                         << "moons";
        QTest::newRow("fashion -> line") << "fashion-mnist"
                                         << "line";
        QTest::newRow("points -> grid") << "points"
                                        << "grid";
        QTest::newRow("digits -> fashion") << "digits"
                                           << "fashion-mnist";
        QTest::newRow("fashion -> points") << "fashion-mnist"
                                           << "points";
    }
    void switchingDropsTheSettingsOfTheTargetBefore() {
        QFETCH(QString, from);
        QFETCH(QString, to);
        Project project = Project::defaultGanProject();
        project.data.source = from.toStdString();
        project.data.samples = 1;  // only the generated targets check it
        if (from == "digits") project.data.digit = 3;
        if (from == "fashion-mnist") {
            project.data.imageClass = 4;
            project.data.trainLimit = 500;
        }
        if (from == "points") project.data.points = {{1.0f, 1.0f}, {2.0f, -1.0f}, {-3.0f, 0.5f}};
        QCOMPARE(refusal(project.data), QString());
        GanData gan;
        gan.document.reset(project, {});
        QVERIFY(QTest::qWaitForWindowExposed(&gan.panel));
        QCOMPARE(gan.shownTarget(), from);

        QVERIFY(clickTarget(gan.panel, to));
        const DataSpec& data = gan.data();
        QCOMPARE(data.source, to.toStdString());
        QCOMPARE(refusal(data), QString());
        QVERIFY(!data.digit);
        QVERIFY(!data.imageClass);
        QCOMPARE(data.trainLimit, 0);
        QCOMPARE(data.points.empty(), to != "points");
        const bool generated = nnplay::findGanTarget(to.toStdString())->generated;
        QCOMPARE(data.samples, generated ? 2 : 1);
        QCOMPARE(gan.undoCount(), 1);
        gan.document.undoStack()->undo();
        QVERIFY(gan.data() == project.data);
        QCOMPARE(gan.shownTarget(), from);
    }

    void drawNewSamplesChangesTheSeedOnly() {
        GanData gan;
        QVERIFY(QTest::qWaitForWindowExposed(&gan.panel));
        const DataSpec before = gan.data();
        QTest::mouseClick(gan.panel.newSamplesButton(), Qt::LeftButton);
        DataSpec expected = before;
        expected.seed = before.seed + 1;
        QVERIFY(gan.data() == expected);
        QCOMPARE(gan.undoCount(), 1);
        QVERIFY(gan.panel.targetInfo()->text().contains(QStringLiteral("seed 2")));
        // Each draw is its own step.
        QTest::mouseClick(gan.panel.newSamplesButton(), Qt::LeftButton);
        QCOMPARE(gan.data().seed, before.seed + 2);
        QCOMPARE(gan.undoCount(), 2);
        gan.document.undoStack()->undo();
        gan.document.undoStack()->undo();
        QVERIFY(gan.data() == before);
        QVERIFY(gan.panel.targetInfo()->text().contains(QStringLiteral("seed 1")));
    }

    void sampleCountStepsAreOneUndoStep() {
        GanData gan;
        QVERIFY(QTest::qWaitForWindowExposed(&gan.panel));
        QSpinBox* samples = gan.panel.samplesBox();
        const int step = samples->singleStep();
        QVERIFY(step > 0);
        for (int i = 0; i < 3; ++i) QTest::keyClick(samples, Qt::Key_Up);
        QCOMPARE(gan.data().samples, 2000 + 3 * step);
        QCOMPARE(gan.undoCount(), 1);
        QCOMPARE(refusal(gan.data()), QString());
        gan.document.undoStack()->undo();
        QCOMPARE(gan.data().samples, 2000);
        QCOMPARE(samples->value(), 2000);
        QCOMPARE(gan.undoCount(), 1);
        // Another setting in between ends the merge.
        QTest::keyClick(samples, Qt::Key_Down);
        QTest::mouseClick(gan.panel.newSamplesButton(), Qt::LeftButton);
        QTest::keyClick(samples, Qt::Key_Down);
        QCOMPARE(gan.data().samples, 2000 - 2 * step);
        QCOMPARE(gan.undoCount(), 3);
    }

    void digitChoiceSetsTheDigit() {
        GanData gan;
        QVERIFY(QTest::qWaitForWindowExposed(&gan.panel));
        QVERIFY(clickTarget(gan.panel, "digits"));
        QComboBox* digit = gan.panel.digitBox();
        QCOMPARE(digit->count(), 11);
        QCOMPARE(digit->currentIndex(), 0);  // all digits
        QCOMPARE(digit->itemText(8), QStringLiteral("7"));
        digit->setCurrentIndex(8);
        QCOMPARE(gan.data().digit, std::optional<int>(7));
        QCOMPARE(refusal(gan.data()), QString());
        QCOMPARE(gan.undoCount(), 2);
        QVERIFY(gan.panel.targetInfo()->text().contains(QStringLiteral("7")));
        gan.document.undoStack()->undo();
        QVERIFY(!gan.data().digit);
        QCOMPARE(digit->currentIndex(), 0);
        QCOMPARE(gan.undoCount(), 2);
        gan.document.undoStack()->redo();
        QCOMPARE(digit->currentIndex(), 8);
        digit->setCurrentIndex(0);
        QVERIFY(!gan.data().digit);
        QCOMPARE(gan.undoCount(), 3);
        // A digit chosen, then another target: the digit goes with the digits.
        digit->setCurrentIndex(1);
        QCOMPARE(gan.data().digit, std::optional<int>(0));
        QVERIFY(clickTarget(gan.panel, "spiral"));
        QVERIFY(!gan.data().digit);
        QCOMPARE(refusal(gan.data()), QString());
    }

    void classChoiceSetsTheClass() {
        GanData gan;
        QVERIFY(QTest::qWaitForWindowExposed(&gan.panel));
        QVERIFY(clickTarget(gan.panel, "fashion-mnist"));
        QComboBox* imageClass = gan.panel.classBox();
        const auto& names = nnplay::fashionMnistClassNames();
        QCOMPARE(imageClass->count(), 1 + static_cast<int>(names.size()));
        QCOMPARE(imageClass->itemText(2).toStdString(), names[1]);
        imageClass->setCurrentIndex(2);
        QCOMPARE(gan.data().imageClass, std::optional<int>(1));
        QCOMPARE(refusal(gan.data()), QString());
        QCOMPARE(gan.undoCount(), 2);
        QVERIFY(gan.panel.targetInfo()->text().contains(QString::fromStdString(names[1])));
        gan.document.undoStack()->undo();
        QVERIFY(!gan.data().imageClass);
        QCOMPARE(imageClass->currentIndex(), 0);
        QCOMPARE(gan.undoCount(), 2);
    }

    // Without the package, Fashion-MNIST says so before it is chosen, and choosing it still
    // makes it the target: the engine's own message says what to install.
    void missingFashionMnistSaysSo() {
        QTemporaryDir empty;
        const FashionMnistDir missing(empty.path());
        GanData gan;
        QVERIFY(QTest::qWaitForWindowExposed(&gan.panel));
        QListWidgetItem* item = targetItem(gan.panel, "fashion-mnist");
        QVERIFY(item);
        QVERIFY2(item->toolTip().contains(QStringLiteral("not installed")),
                 qPrintable(item->toolTip()));
        QVERIFY(item->toolTip().contains(QStringLiteral("dataset-fashion-mnist")));
        QVERIFY(!targetItem(gan.panel, "ring")->toolTip().contains(QStringLiteral("installed")));

        QVERIFY(clickTarget(gan.panel, "fashion-mnist"));
        QCOMPARE(gan.data().source, std::string("fashion-mnist"));
        QCOMPARE(refusal(gan.data()), QString());
        QVERIFY(gan.panel.targetInfo()->text().contains(QStringLiteral("not installed")));
        QString message;
        try {
            nnplay::loadGanTarget(gan.data(), {});
        } catch (const nnplay::InputError& e) {
            message = QString::fromStdString(e.what());
        }
        QVERIFY2(message.contains(QStringLiteral("dataset-fashion-mnist")), qPrintable(message));
    }

    // The hand-drawn points start from a default line; points drawn elsewhere (an edit of the
    // document) show in the panel and come back after a detour through another target.
    void drawnPointsStartOnALineAndComeBack() {
        GanData gan;
        QVERIFY(QTest::qWaitForWindowExposed(&gan.panel));
        QVERIFY(clickTarget(gan.panel, "points"));
        const auto defaults = GanDataPanel::defaultDrawnPoints();
        QVERIFY(defaults.size() >= 2);
        QCOMPARE(gan.data().points, defaults);
        QVERIFY(gan.shown(gan.panel.pointsHint()));
        QVERIFY(gan.panel.pointsHint()->text().contains(QStringLiteral("Samples plot")));
        QVERIFY(gan.panel.targetInfo()->text().contains(
            QStringLiteral("%1 points").arg(defaults.size())));

        DataSpec drawn = gan.data();
        drawn.points = {{1.0f, 2.0f}, {3.0f, -1.0f}, {0.5f, 0.5f}};
        QVERIFY(nnplay::ui::editData(gan.document, drawn, Task::Gan, QStringLiteral("Draw")));
        QVERIFY(gan.panel.targetInfo()->text().contains(QStringLiteral("3 points")));
        QCOMPARE(gan.undoCount(), 2);

        QVERIFY(clickTarget(gan.panel, "ring"));
        QVERIFY(gan.data().points.empty());
        QVERIFY(clickTarget(gan.panel, "points"));
        QCOMPARE(gan.data().points, drawn.points);
        QCOMPARE(gan.undoCount(), 4);

        // Starting the drawing over: the default points again, one undo step away.
        QVERIFY(gan.shown(gan.panel.clearPointsButton()));
        QTest::mouseClick(gan.panel.clearPointsButton(), Qt::LeftButton);
        QCOMPARE(gan.data().points, defaults);
        QCOMPARE(gan.undoCount(), 5);
        gan.document.undoStack()->undo();
        QCOMPARE(gan.data().points, drawn.points);
        QVERIFY(clickTarget(gan.panel, "ring"));
        QVERIFY(!gan.shown(gan.panel.clearPointsButton()));
    }

    // Edits made elsewhere, undo and a new project: the panel shows them and pushes nothing.
    void followsTheDocument() {
        GanData gan;
        QVERIFY(QTest::qWaitForWindowExposed(&gan.panel));
        DataSpec d = gan.data();
        d.samples = 750;
        QVERIFY(nnplay::ui::editData(gan.document, d, Task::Gan, QStringLiteral("Samples")));
        QCOMPARE(gan.panel.samplesBox()->value(), 750);
        QCOMPARE(gan.undoCount(), 1);

        Project digits = Project::defaultGanProject();
        digits.data.source = "digits";
        digits.data.digit = 5;
        gan.document.reset(digits, {});
        QCOMPARE(gan.shownTarget(), QStringLiteral("digits"));
        QCOMPARE(gan.panel.digitBox()->currentIndex(), 6);
        QVERIFY(gan.shown(gan.panel.digitBox()));
        QVERIFY(!gan.shown(gan.panel.samplesBox()));
        QCOMPARE(gan.undoCount(), 0);

        gan.document.reset(Project::defaultProject(), {});
        QVERIFY(!gan.panel.isEnabled());
        QCOMPARE(gan.shownTarget(), QString());

        Project moons = Project::defaultGanProject();
        moons.data.source = "moons";
        moons.data.samples = 321;
        gan.document.reset(moons, {});
        QVERIFY(gan.panel.isEnabled());
        QCOMPARE(gan.shownTarget(), QStringLiteral("moons"));
        QCOMPARE(gan.panel.samplesBox()->value(), 321);
        QVERIFY(gan.shown(gan.panel.samplesBox()));
        QVERIFY(!gan.shown(gan.panel.digitBox()));
        QCOMPARE(gan.undoCount(), 0);
    }

    void csvFileChosenOrRefused() {
        QTemporaryDir dir;
        const QString good = writeFile(dir, "good.csv", "x1,x2\n1,1\n2,2\n-1,3\n");
        const QString other = writeFile(dir, "other.csv", "a,b\n0,0\n-5,5\n");
        const QString wide = writeFile(dir, "wide.csv", "x1,x2,x3\n1,2,3\n4,5,6\n");
        GanData gan;
        QVERIFY(QTest::qWaitForWindowExposed(&gan.panel));
        QString answer;
        gan.panel.setFileChooser([&](QWidget*, const QString&, const QString&) { return answer; });
        QSignalSpy failed(&gan.panel, &GanDataPanel::csvFailed);

        // Cancelled: nothing changes and the ring stays chosen.
        QVERIFY(clickTarget(gan.panel, "csv"));
        QCOMPARE(gan.data().source, std::string("ring"));
        QCOMPARE(gan.shownTarget(), QStringLiteral("ring"));
        QCOMPARE(gan.undoCount(), 0);

        // Three columns: refused with the engine's reason.
        answer = wide;
        QVERIFY(clickTarget(gan.panel, "csv"));
        QCOMPARE(gan.data().source, std::string("ring"));
        QCOMPARE(gan.shownTarget(), QStringLiteral("ring"));
        QCOMPARE(gan.undoCount(), 0);
        QCOMPARE(failed.count(), 1);
        QVERIFY2(failed.at(0).at(0).toString().contains(QStringLiteral("2 columns")),
                 qPrintable(failed.at(0).at(0).toString()));

        answer = good;
        QVERIFY(clickTarget(gan.panel, "csv"));
        QCOMPARE(gan.data().source, std::string("csv"));
        QCOMPARE(gan.data().path, good.toStdString());
        QCOMPARE(gan.undoCount(), 1);
        QVERIFY(gan.panel.targetInfo()->text().contains(QStringLiteral("good.csv")));

        // The button picks another file, one more step.
        answer = other;
        QTest::mouseClick(gan.panel.chooseCsvButton(), Qt::LeftButton);
        QCOMPARE(gan.data().path, other.toStdString());
        QCOMPARE(gan.undoCount(), 2);
        QCOMPARE(refusal(gan.data()), QString());
        gan.document.undoStack()->undo();
        QCOMPARE(gan.data().path, good.toStdString());
        QVERIFY(gan.panel.targetInfo()->text().contains(QStringLiteral("good.csv")));
        QCOMPARE(failed.count(), 1);
    }

    // The pictures are the engine's real samples: the ring has its hole, the line crosses the
    // centre, and the same picture comes every time.
    void picturesShowRealSamples() {
        const int size = 80;
        const QImage ring =
            nnplay::ui::ganTargetIcon("ring", size).pixmap(QSize(size, size), 1.0).toImage();
        const QImage line =
            nnplay::ui::ganTargetIcon("line", size).pixmap(QSize(size, size), 1.0).toImage();
        QCOMPARE(ring.size(), QSize(size, size));
        QCOMPARE(inkBetween(ring, 0.0, 1.2), 0);
        QVERIFY(inkBetween(ring, 3.5, 4.5) > 100);
        QVERIFY(inkBetween(line, 0.0, 1.2) > 10);
        QVERIFY(ring != line);
        const QImage again =
            nnplay::ui::ganTargetIcon("ring", size).pixmap(QSize(size, size), 1.0).toImage();
        QVERIFY(again == ring);
    }
};

QTEST_MAIN(TestGanData)

#include "test_gan_data.moc"
