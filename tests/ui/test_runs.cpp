// SPDX-License-Identifier: GPL-3.0-or-later
// Runs kept for comparison: a run ends when training starts over from new weights, goes on
// through edits that keep them, is named after what it trained, and the runs view draws each
// one in the window.
#include <qcustomplot.h>

#include <QPushButton>
#include <QSpinBox>
#include <QTableWidget>
#include <QSettings>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTreeWidget>
#include <QUndoStack>
#include <QTest>
#include <memory>

#include "Project.h"
#include "Wait.h"
#include "document/DocumentEdits.h"
#include "document/ProjectDocument.h"
#include "io/ProjectFile.h"
#include "panels/CrossValidationDialog.h"
#include "panels/RunList.h"
#include "plots/RunComparisonView.h"
#include "train/RunArchive.h"
#include "train/TrainingController.h"
#include "train/TrainingSnapshot.h"
#include "window/MainWindow.h"
#include "window/ProjectFiles.h"
#include "window/TrainingToolBar.h"
#include "window/TrainingViews.h"

using nnplay::History;
using nnplay::Project;
using nnplay::test::waitUntil;
using nnplay::ui::MainWindow;
using nnplay::ui::ProjectDocument;
using nnplay::ui::RunArchive;
using nnplay::ui::RunComparisonView;
using nnplay::ui::TrainingSnapshot;

namespace {

/// A snapshot of session `generation` whose new rows are epochs first+1 .. first+count.
TrainingSnapshot rows(int generation, int first, int count) {
    TrainingSnapshot s;
    s.generation = generation;
    s.valid = true;
    s.historyStart = static_cast<std::size_t>(first);
    for (int i = 0; i < count; ++i) {
        const std::size_t row = s.newHistory.addRow();
        s.newHistory.set(row, nnplay::HistoryColumn::kEpoch, static_cast<float>(first + i + 1));
        s.newHistory.set(row, nnplay::HistoryColumn::kTrainLoss, 1.0f / (first + i + 1));
    }
    return s;
}

QStringList names(const RunArchive& archive) {
    QStringList out;
    for (const nnplay::RunRecord& run : archive.runs()) out << QString::fromStdString(run.name);
    return out;
}

}  // namespace

class TestRuns : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_settingsDir;

private slots:
    void initTestCase() {
        QVERIFY(m_settingsDir.isValid());
        QSettings::setDefaultFormat(QSettings::IniFormat);
        QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_settingsDir.path());
    }

    void aRunEndsWhenTrainingStartsOver() {
        ProjectDocument document;
        RunArchive archive(&document);
        archive.track(rows(1, 0, 3));
        archive.track(rows(1, 3, 2));
        QCOMPARE(archive.current().history.size(), std::size_t(5));
        QVERIFY(archive.runs().empty());
        // A new session starting where the rows end keeps the weights: the same run.
        archive.track(rows(2, 5, 1));
        QVERIFY(archive.runs().empty());
        QCOMPARE(archive.current().history.size(), std::size_t(6));
        // One starting from epoch 0 has new weights: the first run is done, and the project
        // keeps it.
        archive.track(rows(3, 0, 2));
        QCOMPARE(names(archive), QStringList{QStringLiteral("Run 1")});
        QCOMPARE(document.project().runs.size(), std::size_t(1));
        QCOMPARE(archive.runs()[0].history.size(), std::size_t(6));
        QCOMPARE(archive.runs()[0].history.lastEpoch(), 6);
        QCOMPARE(archive.current().name, QStringLiteral("Run 2"));
        QCOMPARE(archive.current().history.size(), std::size_t(2));
        // Keeping a run is not an edit: nothing to undo.
        QCOMPARE(document.undoStack()->count(), 0);
    }

    void aRunKeepsTheSettingsItTrainedWith() {
        ProjectDocument document;
        RunArchive archive(&document);
        TrainingSnapshot first = rows(1, 0, 2);
        first.settings = std::make_shared<const std::string>(R"({"training":{"l2":0}})");
        archive.track(first);
        // Later rows under new settings (a rate changed while the run goes on).
        TrainingSnapshot later = rows(1, 2, 1);
        later.settings = std::make_shared<const std::string>(R"({"training":{"l2":0.5}})");
        archive.track(later);
        // A snapshot of the next session may carry settings before its first row.
        TrainingSnapshot next = rows(2, 0, 0);
        next.settings = std::make_shared<const std::string>(R"({"training":{"l2":1}})");
        archive.track(next);
        QCOMPARE(archive.runs().size(), std::size_t(1));
        QCOMPARE(QString::fromStdString(archive.runs()[0].settings),
                 QStringLiteral(R"({"training":{"l2":0.5}})"));
    }

    void aSessionThatTrainedNothingLeavesNoRun() {
        ProjectDocument document;
        RunArchive archive(&document);
        archive.track(rows(1, 0, 0));
        archive.track(rows(2, 0, 0));
        archive.track(rows(3, 0, 1));
        QVERIFY(archive.runs().empty());
        QCOMPARE(archive.current().name, QStringLiteral("Run 1"));
    }

    void runsAreNamedAfterWhatTheyTrained() {
        ProjectDocument document;
        RunArchive archive(&document);
        archive.setRunName(QStringLiteral("sigmoid"));
        QCOMPARE(archive.current().name, QStringLiteral("sigmoid"));
        archive.track(rows(1, 0, 2));
        // Renaming after training started names the next run; this one keeps its name.
        archive.setRunName(QStringLiteral("tanh"));
        QCOMPARE(archive.current().name, QStringLiteral("sigmoid"));
        archive.track(rows(2, 0, 2));
        QCOMPARE(archive.current().name, QStringLiteral("tanh"));
        archive.setRunName(QStringLiteral("sigmoid"));
        archive.track(rows(3, 0, 2));
        archive.track(rows(4, 0, 2));
        // The same variant twice: told apart.
        QCOMPARE(names(archive), (QStringList{QStringLiteral("sigmoid"), QStringLiteral("tanh"),
                                              QStringLiteral("sigmoid (2)")}));
    }

    void theOldestRunsGoFirst() {
        ProjectDocument document;
        RunArchive archive(&document);
        QSignalSpy changed(&archive, &RunArchive::changed);
        for (int g = 1; g <= nnplay::RunRecord::kMaxRuns + 3; ++g) archive.track(rows(g, 0, 1));
        QCOMPARE(static_cast<int>(archive.runs().size()), nnplay::RunRecord::kMaxRuns);
        QCOMPARE(QString::fromStdString(archive.runs().front().name), QStringLiteral("Run 3"));
        QVERIFY(changed.count() > 0);
    }

    void deletingAndRenamingAreUndoSteps() {
        ProjectDocument document;
        RunArchive archive(&document);
        for (int g = 1; g <= 4; ++g) archive.track(rows(g, 0, 1));
        QCOMPARE(names(archive), (QStringList{QStringLiteral("Run 1"), QStringLiteral("Run 2"),
                                              QStringLiteral("Run 3")}));
        QVERIFY(deleteRuns(document, {0, 2}));
        QCOMPARE(names(archive), QStringList{QStringLiteral("Run 2")});
        QCOMPARE(document.undoStack()->undoText(), QStringLiteral("Delete 2 runs"));
        // The current run is not among the kept ones and stays.
        QCOMPARE(archive.current().name, QStringLiteral("Run 4"));
        QCOMPARE(archive.current().history.size(), std::size_t(1));
        document.undoStack()->undo();
        QCOMPARE(names(archive).size(), 3);
        QVERIFY(!deleteRuns(document, {7}));
        QVERIFY(renameRun(document, 1, "wide"));
        QCOMPARE(names(archive)[1], QStringLiteral("wide"));
        QVERIFY(!renameRun(document, 1, "wide"));
        QVERIFY(!renameRun(document, 1, ""));
        document.undoStack()->undo();
        QCOMPARE(names(archive)[1], QStringLiteral("Run 2"));
        QVERIFY(document.isModified() == false);
        // Another project brings its own runs, and no current one.
        Project other = Project::defaultProject();
        other.runs = {nnplay::RunRecord{"theirs", "", History{}, false}};
        document.reset(other, QString());
        QCOMPARE(names(archive), QStringList{QStringLiteral("theirs")});
        QVERIFY(archive.current().history.empty());
        QCOMPARE(archive.current().name, QStringLiteral("Run 2"));
        // Rows of the sessions before it are not taken for its run.
        archive.track(rows(4, 1, 1));
        QVERIFY(archive.current().history.empty());
    }

    void crossValidationFillsItsTableOffTheUiThread() {
        Project project = Project::defaultProject();
        project.data.samples = 60;
        project.training.epochs = 3;
        nnplay::ui::CrossValidationDialog dialog(project, QStringLiteral("."));
        dialog.foldsBox()->setValue(3);
        QSignalSpy finished(&dialog, &nnplay::ui::CrossValidationDialog::finished);
        QTest::mouseClick(dialog.runButton(), Qt::LeftButton);
        QVERIFY(dialog.isRunning());
        QVERIFY(finished.wait(60000));
        QTableWidget* table = dialog.table();
        // Three folds, their mean and their spread.
        QCOMPARE(table->rowCount(), 5);
        QCOMPARE(table->verticalHeaderItem(3)->text(), QStringLiteral("Mean"));
        int accuracy = -1;
        for (int c = 0; c < table->columnCount(); ++c)
            if (table->horizontalHeaderItem(c)->text() == QStringLiteral("Held-out accuracy"))
                accuracy = c;
        QVERIFY(accuracy >= 0);
        double sum = 0.0;
        for (int r = 0; r < 3; ++r) sum += table->item(r, accuracy)->text().remove(" %").toDouble();
        QVERIFY(std::abs(table->item(3, accuracy)->text().remove(" %").toDouble() - sum / 3) < 0.1);
        QVERIFY2(dialog.statusText().contains(QStringLiteral("over 3 folds")),
                 qPrintable(dialog.statusText()));
        // Too many folds for the data: said in the dialog, nothing crashes.
        dialog.foldsBox()->setValue(20);
        project.data.samples = 20;
        nnplay::ui::CrossValidationDialog small(project, QStringLiteral("."));
        small.foldsBox()->setValue(20);
        QSignalSpy smallFinished(&small, &nnplay::ui::CrossValidationDialog::finished);
        QTest::mouseClick(small.runButton(), Qt::LeftButton);
        QVERIFY(smallFinished.wait(60000));
        QVERIFY2(small.statusText().startsWith(QStringLiteral("Cannot cross-validate")),
                 qPrintable(small.statusText()));
    }

    void theWindowKeepsEachRunOnOnePlot() {
        MainWindow window;
        window.files()->setMessageHook(
            [](QMessageBox::Icon, const QString&, const QString&, QMessageBox::StandardButtons) {
                return QMessageBox::Discard;
            });
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        auto* controller = window.training();
        auto trained = [controller](int epochs) {
            const TrainingSnapshot& s = controller->lastSnapshot();
            return s.generation == controller->generation() && !s.running && s.epoch >= epochs;
        };
        window.trainingToolBar()->stepAction()->trigger();
        window.trainingToolBar()->stepAction()->trigger();
        QVERIFY(waitUntil([&] { return trained(2); }, "two epochs are trained"));
        // Reset starts over from new weights: the first run is kept.
        window.trainingToolBar()->resetAction()->trigger();
        window.trainingToolBar()->stepAction()->trigger();
        QVERIFY(waitUntil([&] { return trained(1); }, "the second run trained an epoch"));

        nnplay::ui::TrainingViews* views = window.views();
        views->showView(nnplay::ui::TrainingViews::View::Runs);
        RunComparisonView* view = views->runsView();
        QVERIFY(view->isVisible());
        QTRY_COMPARE(view->curveNames(),
                     (QStringList{QStringLiteral("Run 1"), QStringLiteral("Run 2 (now)")}));
        QCOMPARE(view->plot()->graph(0)->dataCount(), 2);
        QCOMPARE(view->plot()->graph(1)->dataCount(), 1);
        view->setMeasure(RunComparisonView::Measure::TestAccuracy);
        QCOMPARE(view->plot()->yAxis->range().upper, 1.0);
        view->setMeasure(RunComparisonView::Measure::TrainLoss);

        // Smoothing draws a faint raw curve behind each smoothed one, outside the legend.
        view->setSmoothing(0.6);
        QCOMPARE(view->plot()->graphCount(), 4);
        QCOMPARE(view->curveNames().size(), 2);
        view->setSmoothing(0.0);
        // A log scale for losses.
        view->setLogScale(true);
        QCOMPARE(view->plot()->yAxis->scaleType(), QCPAxis::stLogarithmic);
        view->setMeasure(RunComparisonView::Measure::TestAccuracy);
        QCOMPARE(view->plot()->yAxis->scaleType(), QCPAxis::stLinear);
        view->setLogScale(false);

        // The list: unticking a run takes its curve off the plot.
        nnplay::ui::RunList* list = view->list();
        QCOMPARE(list->tree()->topLevelItemCount(), 2);
        // Its figures are the run's last epoch's test loss and accuracy.
        {
            const History& first = views->runs()->runs()[0].history;
            const std::size_t last = first.size() - 1;
            QCOMPARE(list->tree()->topLevelItem(0)->text(2),
                     QString::number(first.value(last, nnplay::HistoryColumn::kTestLoss), 'g', 3));
            QCOMPARE(list->tree()->topLevelItem(0)->text(3),
                     QStringLiteral("%1 %").arg(
                         100.0 * first.value(last, nnplay::HistoryColumn::kTestAccuracy), 0, 'f', 1));
        }
        list->tree()->topLevelItem(0)->setCheckState(0, Qt::Unchecked);
        QCOMPARE(view->curveNames(), QStringList{QStringLiteral("Run 2 (now)")});
        list->tree()->topLevelItem(0)->setCheckState(0, Qt::Checked);
        QCOMPARE(view->curveNames().size(), 2);

        // A third run with another learning rate: selecting it and the first tells what differs.
        auto training = window.document()->project().training;
        training.optimizer.learningRate = 0.3f;
        QVERIFY(nnplay::ui::editTraining(*window.document(), training, QStringLiteral("rate")));
        window.trainingToolBar()->resetAction()->trigger();
        window.trainingToolBar()->stepAction()->trigger();
        QVERIFY(waitUntil([&] { return trained(1) && views->runs()->runs().size() == 2; },
                          "the third run trained an epoch"));
        QTRY_COMPARE(list->tree()->topLevelItemCount(), 3);
        list->select({0, 2});
        QVERIFY2(list->differencesText().contains(QStringLiteral("training.learning_rate")),
                 qPrintable(list->differencesText()));
        QVERIFY(list->differencesText().contains(QStringLiteral("0.3")));
        list->select({0, 1});
        QVERIFY2(list->differencesText().contains(QStringLiteral("same settings")),
                 qPrintable(list->differencesText()));

        // Saved with the project, and back on opening it.
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("runs.nnplay"));
        QVERIFY(window.files()->saveFile(path));
        QCOMPARE(nnplay::ProjectFile::load(path.toStdString()).runs.size(), std::size_t(2));

        // Deleting the selected one is an undo step.
        list->select({0});
        QTest::mouseClick(list->deleteButton(), Qt::LeftButton);
        QCOMPARE(view->curveNames(),
                 (QStringList{QStringLiteral("Run 2"), QStringLiteral("Run 3 (now)")}));
        window.document()->undoStack()->undo();
        QCOMPARE(view->curveNames().size(), 3);

        // Another project has runs of its own; the saved one brings its runs back.
        window.files()->openProject(Project::defaultProject());
        QTRY_VERIFY(views->runs()->current().history.empty());
        QVERIFY(views->runs()->runs().empty());
        QVERIFY(window.files()->openFile(path));
        QTRY_COMPARE(views->runs()->runs().size(), std::size_t(2));
        QCOMPARE(QString::fromStdString(views->runs()->runs()[0].name), QStringLiteral("Run 1"));
    }
};

QTEST_MAIN(TestRuns)
#include "test_runs.moc"
