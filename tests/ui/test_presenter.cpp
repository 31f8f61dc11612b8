// SPDX-License-Identifier: GPL-3.0-or-later
// Presenter mode and the window's zoom: which docks it hides and restores, that one scale
// enlarges the canvas labels and the plots' text and lines, the zoom keys and Ctrl+wheel,
// and the keys a teacher uses without a mouse, from wherever the focus is.
#include <qcustomplot.h>

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QDockWidget>
#include <QFontInfo>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QScrollBar>
#include <QSettings>
#include <QSignalSpy>
#include <QSplitter>
#include <QStandardPaths>
#include <QStyle>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBrowser>
#include <QVBoxLayout>
#include <QWheelEvent>
#include <memory>

#include "Project.h"
#include "Wait.h"
#include "editor/EditorStyle.h"
#include "editor/NetworkScene.h"
#include "editor/NetworkView.h"
#include "plots/LossCurveView.h"
#include "style/UiScale.h"
#include "train/TrainingController.h"
#include "window/MainWindow.h"
#include "window/PresenterMode.h"
#include "window/ProjectFiles.h"
#include "window/TrainingToolBar.h"
#include "window/TrainingViews.h"

using nnplay::Project;
using nnplay::test::waitUntil;
using namespace nnplay::ui;

namespace {

/// The canvas labels' size on screen, in pixels.
double canvasLabelPixels(const MainWindow& window) {
    return EditorStyle::labelFont().pixelSize() * window.networkView()->transform().m11();
}

int tickPixels(const MainWindow& window) {
    return QFontInfo(window.views()->lossView()->plot()->xAxis->tickLabelFont()).pixelSize();
}

double trainLossPenWidth(const MainWindow& window) {
    return window.views()->lossView()->plot()->graph(0)->pen().widthF();
}

void sendCtrlWheel(QWidget* widget, int angle) {
    const QPointF at = widget->rect().center();
    QWheelEvent wheel(at, widget->mapToGlobal(at), QPoint(), QPoint(0, angle), Qt::NoButton,
                      Qt::ControlModifier, Qt::NoScrollPhase, false);
    QApplication::sendEvent(widget, &wheel);
}

}  // namespace

class TestPresenter : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_settingsDir;
    std::unique_ptr<MainWindow> m_window;

    QDockWidget* dock(const QString& name) const { return m_window->findChild<QDockWidget*>(name); }
    PresenterMode* presenter() const { return m_window->presenter(); }
    const TrainingSnapshot& last() const { return m_window->training()->lastSnapshot(); }
    bool current() const { return last().generation == m_window->training()->generation(); }

private slots:
    void initTestCase() {
        QVERIFY(m_settingsDir.isValid());
        QSettings::setDefaultFormat(QSettings::IniFormat);
        QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_settingsDir.path());
        QStandardPaths::setTestModeEnabled(true);
    }

    void init() {
        m_window = std::make_unique<MainWindow>();
        m_window->files()->setMessageHook(
            [](QMessageBox::Icon, const QString&, const QString&, QMessageBox::StandardButtons) {
                return QMessageBox::Discard;
            });
        m_window->resize(1366, 768);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
        m_window->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
        QVERIFY(waitUntil([&] { return current() && last().valid; }, "the first snapshot"));
    }

    void cleanup() {
        m_window.reset();
        QCOMPARE(UiScale::instance()->percent(), UiScale::kMinPercent);
        QVERIFY(!UiScale::instance()->bold());
    }

    void hidesThePanelsAndRestoresTheWindow() {
        // A dock hidden before stays hidden; a dock that is not a panel stays shown.
        dock(QStringLiteral("trainingDock"))->hide();
        auto* lesson = new QDockWidget(QStringLiteral("Lesson"), m_window.get());
        lesson->setObjectName(QStringLiteral("lessonDock"));
        lesson->setWidget(new QLabel(QStringLiteral("text")));
        m_window->addDockWidget(Qt::RightDockWidgetArea, lesson);
        QTRY_VERIFY(lesson->isVisible());
        const QRect geometry = m_window->geometry();
        const Qt::WindowStates state = m_window->windowState();
        const QList<int> central = m_window->centralSplitter()->sizes();
        const QList<int> views = m_window->viewSplitter()->sizes();
        const int paletteWidth = dock(QStringLiteral("paletteDock"))->width();
        const QFont font = QApplication::font();

        m_window->networkView()->setFocus();
        QTest::keyClick(m_window->networkView(), Qt::Key_F11);
        QVERIFY(presenter()->isActive());
        QVERIFY(presenter()->toggleAction()->isChecked());
        QVERIFY(m_window->windowState() & Qt::WindowFullScreen);
        for (const QString& name : PresenterMode::kPanelDocks)
            QVERIFY2(dock(name)->isHidden(), qPrintable(name));
        QVERIFY(lesson->isVisible());
        QCOMPARE(UiScale::instance()->percent(), PresenterMode::kDefaultPercent);
        QVERIFY(QApplication::font().bold());
        QTRY_VERIFY(m_window->presenter()->zoomLabel()->isVisible());
        QCOMPARE(m_window->presenter()->zoomLabel()->text(), QStringLiteral("Zoom 150 %"));

        QTest::keyClick(m_window->networkView(), Qt::Key_Escape);
        QVERIFY(!presenter()->isActive());
        QVERIFY(!presenter()->toggleAction()->isChecked());
        QCOMPARE(m_window->windowState(), state);
        QTRY_COMPARE(m_window->geometry(), geometry);
        QTRY_COMPARE(QApplication::font(), font);
        QVERIFY(dock(QStringLiteral("trainingDock"))->isHidden());
        for (const char* name : {"paletteDock", "propertiesDock", "dataDock"})
            QVERIFY2(dock(QString::fromLatin1(name))->isVisible(), name);
        QVERIFY(lesson->isVisible());
        QCOMPARE(QApplication::font(), font);
        QTRY_COMPARE(m_window->centralSplitter()->sizes(), central);
        QCOMPARE(m_window->viewSplitter()->sizes(), views);
        QCOMPARE(dock(QStringLiteral("paletteDock"))->width(), paletteWidth);
        QVERIFY(!m_window->presenter()->zoomLabel()->isVisible());

        // F11 leaves, too; the lesson dock closed meanwhile stays closed.
        QTest::keyClick(m_window->networkView(), Qt::Key_F11);
        lesson->hide();
        QTest::keyClick(m_window->networkView(), Qt::Key_F11);
        QVERIFY(!presenter()->isActive());
        QVERIFY(lesson->isHidden());
        QVERIFY(dock(QStringLiteral("paletteDock"))->isVisible());
    }

    void closingInPresenterModeKeepsTheWindowsOwnLayout() {
        const QSize size = m_window->size();
        presenter()->enter();
        QVERIFY(m_window->windowState() & Qt::WindowFullScreen);
        QVERIFY(m_window->close());
        // What the next start restores: the window as it was, panels shown, text at 100 %.
        QVERIFY(!presenter()->isActive());
        QCOMPARE(UiScale::instance()->percent(), UiScale::kMinPercent);
        m_window = std::make_unique<MainWindow>();
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
        QVERIFY(!(m_window->windowState() & Qt::WindowFullScreen));
        QCOMPARE(m_window->size(), size);
        for (const QString& name : PresenterMode::kPanelDocks)
            QVERIFY2(dock(name)->isVisible(), qPrintable(name));
    }

    void oneScaleEnlargesCanvasAndPlots() {
        QTRY_VERIFY(m_window->networkView()->transform().m11() > 0);
        const double label = canvasLabelPixels(*m_window);
        const int ticks = tickPixels(*m_window);
        const double pen = trainLossPenWidth(*m_window);
        const int menu = QFontInfo(m_window->menuBar()->font()).pixelSize();

        presenter()->enter(PresenterMode::Screen::KeepSize);
        QCOMPARE(m_window->size(), QSize(1366, 768));
        QTRY_VERIFY(QFontInfo(m_window->menuBar()->font()).pixelSize() > menu);
        QTRY_VERIFY(canvasLabelPixels(*m_window) > label);
        QVERIFY(canvasLabelPixels(*m_window) >= QFontInfo(m_window->menuBar()->font()).pixelSize());
        // Widgets take the new application font from the event loop.
        QTRY_VERIFY(QFontInfo(m_window->menuBar()->font()).pixelSize() > menu);
        QTRY_VERIFY(tickPixels(*m_window) > ticks);
        QVERIFY(m_window->views()->lossView()->plot()->xAxis->tickLabelFont().bold());
        QCOMPARE(trainLossPenWidth(*m_window), pen * PresenterMode::kDefaultPercent / 100.0);
        QVERIFY(m_window->trainingToolBar()->iconSize().width() >
                m_window->style()->pixelMetric(QStyle::PM_ToolBarIconSize));
        QVERIFY(EditorStyle::labelFont().bold());

        // Zooming further enlarges everything again, from the same rule.
        const int ticksAt150 = tickPixels(*m_window);
        QTest::keyClick(m_window->networkView(), Qt::Key_Plus, Qt::ControlModifier);
        QCOMPARE(UiScale::instance()->percent(), 175);
        QTRY_VERIFY(tickPixels(*m_window) > ticksAt150);
        QTRY_VERIFY(canvasLabelPixels(*m_window) >=
                    QFontInfo(m_window->menuBar()->font()).pixelSize());

        presenter()->leave();
        QTRY_COMPARE(canvasLabelPixels(*m_window), label);
        QTRY_COMPARE(tickPixels(*m_window), ticks);
        QVERIFY(!m_window->views()->lossView()->plot()->xAxis->tickLabelFont().bold());
        QCOMPARE(trainLossPenWidth(*m_window), pen);
        QTRY_COMPARE(QFontInfo(m_window->menuBar()->font()).pixelSize(), menu);
        QVERIFY(!EditorStyle::labelFont().bold());
    }

    void zoomKeysStepAndClamp() {
        UiScale* scale = UiScale::instance();
        QWidget* focus = m_window->networkView();
        focus->setFocus();
        QTest::keyClick(focus, Qt::Key_Plus, Qt::ControlModifier);
        QCOMPARE(scale->percent(), 125);
        QTRY_COMPARE(presenter()->zoomLabel()->text(), QStringLiteral("Zoom 125 %"));
        QVERIFY(presenter()->zoomLabel()->isVisible());
        QTest::keyClick(focus, Qt::Key_Equal, Qt::ControlModifier);  // plus without Shift
        QCOMPARE(scale->percent(), 150);
        QTest::keyClick(focus, Qt::Key_Minus, Qt::ControlModifier);
        QCOMPARE(scale->percent(), 125);
        for (int i = 0; i < 10; ++i) QTest::keyClick(focus, Qt::Key_Plus, Qt::ControlModifier);
        QCOMPARE(scale->percent(), UiScale::kMaxPercent);
        QVERIFY(!presenter()->zoomInAction()->isEnabled());
        QTest::keyClick(focus, Qt::Key_0, Qt::ControlModifier);
        QCOMPARE(scale->percent(), UiScale::kMinPercent);
        QVERIFY(!presenter()->zoomOutAction()->isEnabled());
        QTest::keyClick(focus, Qt::Key_Minus, Qt::ControlModifier);
        QCOMPARE(scale->percent(), UiScale::kMinPercent);
        // The plain keys still change the selected layer's units, not the zoom.
        QTest::keyClick(focus, Qt::Key_Plus);
        QCOMPARE(scale->percent(), UiScale::kMinPercent);

        // Ctrl+wheel over the canvas and over a plot: one step per notch, half notches add up.
        sendCtrlWheel(m_window->networkView()->viewport(), 120);
        QCOMPARE(scale->percent(), 125);
        sendCtrlWheel(m_window->views()->lossView()->plot(), 60);
        QCOMPARE(scale->percent(), 125);
        sendCtrlWheel(m_window->views()->lossView()->plot(), 60);
        QCOMPARE(scale->percent(), 150);
        // The canvas keeps fitting its drawing, never smaller than the enlarged text.
        QTRY_VERIFY(canvasLabelPixels(*m_window) >=
                    QFontInfo(m_window->networkView()->font()).pixelSize());
        const double zoomAt150 = m_window->networkView()->transform().m11();
        sendCtrlWheel(m_window->networkView()->viewport(), -240);
        QCOMPARE(scale->percent(), UiScale::kMinPercent);
        QTRY_VERIFY(m_window->networkView()->transform().m11() < zoomAt150);
        QVERIFY(m_window->networkView()->transform().m11() >= NetworkView::kMinScale);

        // Presenter mode keeps its own zoom; leaving goes back to the window's.
        QTest::keyClick(focus, Qt::Key_Plus, Qt::ControlModifier);
        presenter()->enter(PresenterMode::Screen::KeepSize);
        QCOMPARE(scale->percent(), PresenterMode::kDefaultPercent);
        QTest::keyClick(m_window->networkView(), Qt::Key_Plus, Qt::ControlModifier);
        QCOMPARE(scale->percent(), 175);
        presenter()->leave();
        QCOMPARE(scale->percent(), 125);
        presenter()->enter(PresenterMode::Screen::KeepSize);
        QCOMPARE(scale->percent(), 175);
        presenter()->leave();
        QTest::keyClick(m_window->networkView(), Qt::Key_0, Qt::ControlModifier);
        QCOMPARE(scale->percent(), UiScale::kMinPercent);
    }

    void keysStepResetAndPlayFromAnyFocus() {
        Project project = Project::defaultProject();
        project.training.epochs = 1000000;
        m_window->files()->openProject(project);
        QVERIFY(waitUntil([&] { return current() && last().valid && last().epoch == 0; },
                          "the long project is ready"));
        presenter()->enter(PresenterMode::Screen::KeepSize);
        // Focus on a check box of a view, which would take Space for itself.
        QCheckBox* logBox = m_window->views()->lossView()->findChild<QCheckBox*>();
        QVERIFY(logBox);
        logBox->setFocus();
        QTRY_VERIFY(logBox->hasFocus());
        QTest::keyClick(logBox, Qt::Key_Right);
        QVERIFY(waitUntil([&] { return current() && last().epoch == 1 && !last().running; },
                          "Right stepped one epoch"));
        QTest::keyClick(logBox, Qt::Key_S);
        QVERIFY(waitUntil([&] { return current() && last().epoch == 2 && !last().running; },
                          "S stepped one epoch"));
        QTest::keyClick(logBox, Qt::Key_Space);
        QVERIFY(waitUntil([&] { return current() && last().running && last().epoch > 2; },
                          "Space played"));
        QVERIFY(!logBox->isChecked());
        QTest::keyClick(logBox, Qt::Key_Space);
        QVERIFY(waitUntil([&] { return current() && !last().running; }, "Space paused"));
        QTest::keyClick(logBox, Qt::Key_R);
        QVERIFY(waitUntil([&] { return current() && last().epoch == 0 && !last().running; },
                          "R reset the weights"));
        QVERIFY(presenter()->isActive());

        // In a field the learner types into, the letters are typed.
        auto* field = new QLineEdit;
        auto* notes = new QDockWidget(QStringLiteral("Notes"), m_window.get());
        notes->setObjectName(QStringLiteral("notesDock"));
        notes->setWidget(field);
        m_window->addDockWidget(Qt::RightDockWidgetArea, notes);
        QTRY_VERIFY(field->isVisible());
        field->setFocus();
        QTRY_VERIFY(field->hasFocus());
        QTest::keyClicks(field, QStringLiteral("rs s"));
        QTest::keyClick(field, Qt::Key_Right);
        QTest::keyClick(field, Qt::Key_Escape);
        QCOMPARE(field->text(), QStringLiteral("rs s"));
        QVERIFY(presenter()->isActive());
        QCoreApplication::processEvents();
        QVERIFY(current() && last().epoch == 0 && !last().running);

        // Out of presenter mode, the letters are not commands.
        presenter()->leave();
        m_window->networkView()->setFocus();
        QTest::keyClick(m_window->networkView(), Qt::Key_S);
        QTest::keyClick(m_window->networkView(), Qt::Key_Right);
        QVERIFY(waitUntil([&] { return current() && !last().running; }, "still paused"));
        QCOMPARE(last().epoch, 0);
    }

    void pageKeysEmitTheVariantSignals() {
        QSignalSpy next(presenter(), &PresenterMode::nextVariantRequested);
        QSignalSpy previous(presenter(), &PresenterMode::previousVariantRequested);
        // An action with the same key elsewhere in the window does not take it first.
        auto* other = new QAction(m_window.get());
        other->setShortcut(QKeySequence(Qt::Key_PageDown));
        m_window->addAction(other);
        QSignalSpy otherTriggered(other, &QAction::triggered);

        QTest::keyClick(m_window->networkView(), Qt::Key_PageDown);
        QCOMPARE(next.count(), 0);  // only in presenter mode
        presenter()->enter(PresenterMode::Screen::KeepSize);
        auto* text = new QTextBrowser;
        text->setPlainText(
            QStringLiteral("A lesson's text, long enough to scroll.\n").repeated(80));
        auto* field = new QLineEdit;
        auto* box = new QWidget;
        auto* layout = new QVBoxLayout(box);
        layout->addWidget(text);
        layout->addWidget(field);
        auto* lesson = new QDockWidget(QStringLiteral("Lesson"), m_window.get());
        lesson->setObjectName(QStringLiteral("lessonDock"));
        lesson->setWidget(box);
        m_window->addDockWidget(Qt::RightDockWidgetArea, lesson);
        QTRY_VERIFY(text->isVisible());
        for (QWidget* focus : {static_cast<QWidget*>(m_window->networkView()),
                               static_cast<QWidget*>(text), static_cast<QWidget*>(field)}) {
            focus->setFocus();
            QTRY_VERIFY(focus->hasFocus());
            const int before = next.count();
            QTest::keyClick(focus, Qt::Key_PageDown);
            QCOMPARE(next.count(), before + 1);
            QTest::keyClick(focus, Qt::Key_PageUp);
        }
        QCOMPARE(previous.count(), 3);
        QCOMPARE(text->verticalScrollBar()->value(), 0);  // the page keys did not scroll it
        QCOMPARE(otherTriggered.count(), 1);              // only the press outside presenter mode
        presenter()->leave();
    }
};

QTEST_MAIN(TestPresenter)
#include "test_presenter.moc"
