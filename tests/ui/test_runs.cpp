// SPDX-License-Identifier: GPL-3.0-or-later
// Runs kept for comparison: a run ends when training starts over from new weights, goes on
// through edits that keep them, is named after what it trained, and the runs view draws each
// one in the window.
#include <qcustomplot.h>

#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <memory>

#include "Project.h"
#include "Wait.h"
#include "document/DocumentEdits.h"
#include "document/ProjectDocument.h"
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
    for (const RunArchive::Run& run : archive.runs()) out << run.name;
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
        RunArchive archive;
        archive.track(rows(1, 0, 3));
        archive.track(rows(1, 3, 2));
        QCOMPARE(archive.current().history.size(), std::size_t(5));
        QVERIFY(archive.runs().empty());
        // A new session starting where the rows end keeps the weights: the same run.
        archive.track(rows(2, 5, 1));
        QVERIFY(archive.runs().empty());
        QCOMPARE(archive.current().history.size(), std::size_t(6));
        // One starting from epoch 0 has new weights: the first run is done.
        archive.track(rows(3, 0, 2));
        QCOMPARE(names(archive), QStringList{QStringLiteral("Run 1")});
        QCOMPARE(archive.runs()[0].history.size(), std::size_t(6));
        QCOMPARE(archive.runs()[0].history.lastEpoch(), 6);
        QCOMPARE(archive.current().name, QStringLiteral("Run 2"));
        QCOMPARE(archive.current().history.size(), std::size_t(2));
    }

    void aSessionThatTrainedNothingLeavesNoRun() {
        RunArchive archive;
        archive.track(rows(1, 0, 0));
        archive.track(rows(2, 0, 0));
        archive.track(rows(3, 0, 1));
        QVERIFY(archive.runs().empty());
        QCOMPARE(archive.current().name, QStringLiteral("Run 1"));
    }

    void runsAreNamedAfterWhatTheyTrained() {
        RunArchive archive;
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

    void theOldestRunsGoFirstAndForgettingKeepsTheCurrentOne() {
        RunArchive archive;
        QSignalSpy changed(&archive, &RunArchive::changed);
        for (int g = 1; g <= RunArchive::kMaxRuns + 3; ++g) archive.track(rows(g, 0, 1));
        QCOMPARE(static_cast<int>(archive.runs().size()), RunArchive::kMaxRuns);
        QCOMPARE(archive.runs().front().name, QStringLiteral("Run 3"));
        QVERIFY(changed.count() > 0);
        archive.clear();
        QVERIFY(archive.runs().empty());
        QCOMPARE(archive.current().history.size(), std::size_t(1));
        archive.reset();
        QVERIFY(archive.current().history.empty());
        QCOMPARE(archive.current().name, QStringLiteral("Run 1"));
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

        QTest::mouseClick(view->forgetButton(), Qt::LeftButton);
        QCOMPARE(view->curveNames(), QStringList{QStringLiteral("Run 2 (now)")});
        QVERIFY(!view->forgetButton()->isEnabled());

        // Another project has runs of its own.
        window.files()->openProject(Project::defaultProject());
        QTRY_VERIFY(views->runs()->current().history.empty());
        QVERIFY(views->runs()->runs().empty());
    }
};

QTEST_MAIN(TestRuns)
#include "test_runs.moc"
