// SPDX-License-Identifier: GPL-3.0-or-later
// Backpropagation in slow motion: Step in Slow Motion trains exactly one batch, then its
// stages play on the canvas in order (forward column by column, loss, gradients on the links
// from the output back, the update), the caption strip says which one shows, N skips ahead
// and Space holds a stage.
#include <QAction>
#include <QLocale>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>
#include <memory>
#include <vector>

#include "Project.h"
#include "Wait.h"
#include "editor/LinkBundleItem.h"
#include "editor/NetworkScene.h"
#include "editor/NetworkView.h"
#include "editor/SlowMotionBar.h"
#include "editor/SlowMotionPlayer.h"
#include "train/TrainingController.h"
#include "window/MainWindow.h"
#include "window/ProjectCatalog.h"
#include "window/ProjectFiles.h"
#include "window/TrainingToolBar.h"

using nnplay::Matrix;
using nnplay::test::kWaitMs;
using nnplay::ui::LinkBundleItem;
using nnplay::ui::MainWindow;
using nnplay::ui::SlowMotionPlayer;

class TestSlowMotion : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_settingsDir;
    std::unique_ptr<MainWindow> m_window;

    SlowMotionPlayer* player() const { return m_window->slowMotion(); }
    nnplay::ui::SlowMotionBar* bar() const { return m_window->slowMotionBar(); }
    const nnplay::ui::TrainingSnapshot& last() const {
        return m_window->training()->lastSnapshot();
    }
    /// Clicks the toolbar's Step in Slow Motion button, as a teacher does.
    void clickSlowMotion() {
        nnplay::ui::TrainingToolBar* toolBar = m_window->trainingToolBar();
        QWidget* button = toolBar->widgetForAction(toolBar->slowMotionAction());
        QVERIFY(button);
        QTest::mouseClick(button, Qt::LeftButton);
    }

private slots:
    void initTestCase() {
        QVERIFY(m_settingsDir.isValid());
        QStandardPaths::setTestModeEnabled(true);
        QSettings::setDefaultFormat(QSettings::IniFormat);
        QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_settingsDir.path());
    }

    void init() {
        m_window = std::make_unique<MainWindow>();
        m_window->resize(1366, 768);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
        const auto lessons = nnplay::ui::ProjectCatalog::shipped("lessons");
        const auto* entry = lessons.find(QStringLiteral("backprop-slow-motion"));
        QVERIFY(entry);
        m_window->files()->openProject(entry->project);
        QVERIFY(nnplay::test::waitForValidSession(m_window->training()));
        QCOMPARE(last().batches, 0LL);
        m_window->networkView()->setFocus();
    }

    void cleanup() { m_window.reset(); }

    void stagesPlayInOrderAfterOneBatch() {
        QVERIFY(!bar()->isVisible());
        std::vector<QString> titles;
        std::vector<int> columns;
        const auto watching = connect(player(), &SlowMotionPlayer::stageChanged, this, [&] {
            if (titles.empty() || titles.back() != bar()->title()) titles.push_back(bar()->title());
            if (player()->forwardColumn() >= 0) columns.push_back(player()->forwardColumn());
        });
        clickSlowMotion();
        QTRY_COMPARE_WITH_TIMEOUT(player()->stageNumber(), 1, kWaitMs);
        QVERIFY(bar()->isVisible());
        QCOMPARE(last().batches, 1LL);  // exactly one batch, and training stays paused
        QVERIFY(!last().running);
        const nnplay::SessionViews::StepStages stages = player()->stages();
        QCOMPARE(static_cast<int>(stages.samples.size()), 6);

        LinkBundleItem* hidden = m_window->scene()->linkBundle(0);
        LinkBundleItem* output = m_window->scene()->linkBundle(2);
        QVERIFY(hidden && output);
        QVERIFY(!hidden->showsGradients() && !output->showsGradients());

        QTRY_COMPARE_WITH_TIMEOUT(player()->stageNumber(), 2, kWaitMs);
        QVERIFY(bar()->caption().contains(QLocale().toString(stages.loss, 'g', 3)));
        QVERIFY(!output->showsGradients());

        // Backward: the output layer's gradients first, then the hidden layer's.
        QTRY_COMPARE_WITH_TIMEOUT(player()->stageNumber(), 3, kWaitMs);
        QVERIFY(bar()->caption().contains(QStringLiteral("gradient")));
        QVERIFY(output->showsGradients());
        QCOMPARE(output->gradients(), stages.gradients[2]);
        QTRY_COMPARE_WITH_TIMEOUT(player()->gradientsShown(), 2, kWaitMs);
        QVERIFY(hidden->showsGradients());
        QCOMPARE(hidden->gradients(), stages.gradients[0]);

        QTRY_COMPARE_WITH_TIMEOUT(player()->stageNumber(), 4, kWaitMs);
        QVERIFY(!hidden->showsGradients() && !output->showsGradients());
        QVERIFY(stages.weightsAfter[0] != stages.weightsBefore[0]);
        QCOMPARE(last().weights[0], stages.weightsAfter[0]);
        QCOMPARE(last().batches, 1LL);

        const std::vector<QString> expected{
            nnplay::ui::SlowMotionBar::stageTitle(1), nnplay::ui::SlowMotionBar::stageTitle(2),
            nnplay::ui::SlowMotionBar::stageTitle(3), nnplay::ui::SlowMotionBar::stageTitle(4)};
        QCOMPARE(titles, expected);
        // The forward stage lit every column once, from the inputs to the output.
        std::vector<int> inOrder(static_cast<std::size_t>(player()->forwardColumnCount()));
        for (std::size_t i = 0; i < inOrder.size(); ++i) inOrder[i] = static_cast<int>(i);
        QCOMPARE(columns, inOrder);

        disconnect(watching);
        // The update stays until the teacher goes on.
        QTest::keyClick(m_window.get(), Qt::Key_N);
        QCOMPARE(player()->stageNumber(), 0);
        QVERIFY(!bar()->isVisible());
        QCOMPARE(last().batches, 1LL);
    }

    void nextStageSkipsAhead() {
        clickSlowMotion();
        QTRY_COMPARE_WITH_TIMEOUT(player()->stageNumber(), 1, kWaitMs);
        QTest::keyClick(m_window.get(), Qt::Key_N);
        QCOMPARE(player()->stageNumber(), 2);
        QCOMPARE(bar()->title(), nnplay::ui::SlowMotionBar::stageTitle(2));
        QTest::mouseClick(bar()->findChild<QToolButton*>(), Qt::LeftButton);
        QCOMPARE(player()->stageNumber(), 3);
        QVERIFY(m_window->scene()->linkBundle(2)->showsGradients());
        QTest::keyClick(m_window.get(), Qt::Key_N);
        QCOMPARE(player()->stageNumber(), 4);
        QTest::keyClick(m_window.get(), Qt::Key_N);
        QCOMPARE(player()->stageNumber(), 0);
        QCOMPARE(last().batches, 1LL);  // skipping trains nothing more
        // Again: the next batch.
        clickSlowMotion();
        QTRY_COMPARE_WITH_TIMEOUT(last().batches, 2LL, kWaitMs);
        QTRY_COMPARE_WITH_TIMEOUT(player()->stageNumber(), 1, kWaitMs);
        // An ordinary step meanwhile ends slow motion: its stages are no longer the last step.
        m_window->trainingToolBar()->stepBatchAction()->trigger();
        QTRY_COMPARE_WITH_TIMEOUT(last().batches, 3LL, kWaitMs);
        QTRY_COMPARE_WITH_TIMEOUT(player()->stageNumber(), 0, kWaitMs);
        QVERIFY(!bar()->isVisible());
        QVERIFY(!m_window->scene()->linkBundle(2)->showsGradients());
    }

    void spaceHoldsAStage() {
        clickSlowMotion();
        QTRY_COMPARE_WITH_TIMEOUT(player()->stageNumber(), 1, kWaitMs);
        QTest::keyClick(m_window.get(), Qt::Key_N);
        QCOMPARE(player()->stageNumber(), 2);
        QTest::keyClick(m_window.get(), Qt::Key_Space);
        QVERIFY(player()->paused());
        QVERIFY(bar()->title().contains(QStringLiteral("paused")));
        // Held, N still goes on by hand, and the next stage stays held too; nothing trains.
        QTest::keyClick(m_window.get(), Qt::Key_N);
        QCOMPARE(player()->stageNumber(), 3);
        QVERIFY(player()->paused());
        QVERIFY(!last().running);
        QCOMPARE(last().batches, 1LL);
        QTest::keyClick(m_window.get(), Qt::Key_Space);
        QVERIFY(!player()->paused());
        QTRY_COMPARE_WITH_TIMEOUT(player()->stageNumber(), 4, kWaitMs);
        QVERIFY(!last().running);
        // Play once slow motion is over trains as before.
        QTest::keyClick(m_window.get(), Qt::Key_N);
        QTest::keyClick(m_window.get(), Qt::Key_Space);
        QTRY_VERIFY_WITH_TIMEOUT(last().running, kWaitMs);
    }
};

QTEST_MAIN(TestSlowMotion)
#include "test_slow_motion.moc"
