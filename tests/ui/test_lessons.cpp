// SPDX-License-Identifier: GPL-3.0-or-later
// Lessons in the window: the Lesson panel, switching variants (one undo step each, the checked
// button following the document), the controls a lesson hides, File > Lessons and the lookup
// behind `nnplay --lesson`.
#include <QAbstractButton>
#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QDockWidget>
#include <QLabel>
#include <QListWidget>
#include <QMenu>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>
#include <memory>

#include "Project.h"
#include "Wait.h"
#include "data/ResourcePath.h"
#include "document/ProjectDocument.h"
#include "editor/FeatureItem.h"
#include "editor/NetworkScene.h"
#include "editor/NetworkView.h"
#include "io/ProjectFile.h"
#include "lesson/LessonController.h"
#include "lesson/LessonPanel.h"
#include "panels/DataPanel.h"
#include "panels/TrainingPanel.h"
#include "train/RunArchive.h"
#include "train/TrainingController.h"
#include "window/MainWindow.h"
#include "window/PresenterMode.h"
#include "window/ProjectCatalog.h"
#include "window/ProjectFiles.h"
#include "window/TrainingToolBar.h"
#include "window/TrainingViews.h"

using nnplay::NetworkSpec;
using nnplay::Project;
using nnplay::test::waitUntil;
using nnplay::ui::MainWindow;
using nnplay::ui::ProjectCatalog;
using nnplay::ui::TrainingSnapshot;
using nnplay::ui::TrainingWorker;

namespace {

/// The layers as a lesson's variant defines them: no ids, no weights.
NetworkSpec layersOnly(NetworkSpec network) {
    network.clearParams();
    for (auto& layer : network.layers) layer.id = 0;
    return network;
}

Project shippedLesson(const char* baseName) {
    const ProjectCatalog lessons = ProjectCatalog::shipped("lessons");
    const ProjectCatalog::Entry* entry = lessons.find(QString::fromLatin1(baseName));
    return entry ? entry->project : Project{};
}

}  // namespace

class TestLessons : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_settingsDir;
    std::unique_ptr<MainWindow> m_window;

    nnplay::ui::ProjectDocument* doc() const { return m_window->document(); }
    nnplay::ui::LessonController* lesson() const { return m_window->lesson(); }
    QDockWidget* dock(const char* name) const {
        return m_window->findChild<QDockWidget*>(QString::fromLatin1(name));
    }
    QAbstractButton* variantButton(int index) const {
        return m_window->lessonPanel()->variantButtons().value(index);
    }
    /// The index of the checked variant button, or -1.
    int checkedVariant() const {
        const auto& buttons = m_window->lessonPanel()->variantButtons();
        for (int i = 0; i < buttons.size(); ++i)
            if (buttons[i]->isChecked()) return i;
        return -1;
    }
    QMenu* menu(const QString& title) const {
        for (QMenu* m : m_window->findChildren<QMenu*>())
            if (m->title() == title) return m;
        return nullptr;
    }
    QAction* menuAction(const QString& menuTitle, const QString& text) const {
        QMenu* m = menu(menuTitle);
        if (!m) return nullptr;
        for (QAction* action : m->actions())
            if (action->text() == text) return action;
        return nullptr;
    }
    /// Opens a shipped lesson through File > Lessons, as a teacher does.
    bool openFromMenu(const QString& title) {
        QAction* action = menuAction(QStringLiteral("&Lessons"), title);
        if (!action) return false;
        action->trigger();
        return lesson()->isLesson() && lesson()->title() == title;
    }
    bool sessionValid() { return nnplay::test::waitForValidSession(m_window->training()); }
    /// Whether the document is variant `index` of the open lesson (applyVariant's result).
    bool documentIsVariant(int index) const {
        const Project expected =
            nnplay::ProjectFile::applyVariant(lesson()->base(), lesson()->lesson().variants[index]);
        const Project& now = doc()->project();
        return now.data == expected.data && now.task == expected.task &&
               now.training == expected.training &&
               layersOnly(now.network()) == layersOnly(expected.network());
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
        m_window->files()->setMessageHook(
            [](QMessageBox::Icon, const QString&, const QString&, QMessageBox::StandardButtons) {
                return QMessageBox::Discard;
            });
        m_window->resize(1366, 768);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    }

    void cleanup() { m_window.reset(); }

    void theLessonsMenuListsEveryLessonByTitle() {
        QMenu* lessons = menu(QStringLiteral("&Lessons"));
        QVERIFY(lessons);
        QStringList listed;
        for (QAction* action : lessons->actions()) listed << action->text();
        QStringList titles;
        const ProjectCatalog catalog = ProjectCatalog::shipped("lessons");
        for (const auto& entry : catalog.entries())
            titles << QString::fromStdString(entry.project.title);
        QCOMPARE(listed, titles);
        const QDir folder(QString::fromStdString(nnplay::resourcePath("lessons")));
        QCOMPARE(listed.size(), folder.entryList({QStringLiteral("*.nnplay")}, QDir::Files).size());
        // In the order of a course, as their file names number them, not by title.
        QCOMPARE(listed.value(0), QStringLiteral("One neuron draws a line"));
        QCOMPARE(listed.value(1), QStringLiteral("XOR needs a hidden layer"));
        QCOMPARE(listed.value(2), QStringLiteral("Activation functions"));
    }

    void aLessonOpensWithItsPanelUnderItsTitle() {
        // No lesson at start: no panel, and the View menu cannot bring an empty one up.
        QVERIFY(!dock("lessonDock")->isVisible());
        QVERIFY(!dock("lessonDock")->toggleViewAction()->isEnabled());

        QVERIFY(openFromMenu(QStringLiteral("Activation functions")));
        const nnplay::Lesson& l = doc()->project().lesson;
        QTRY_VERIFY(dock("lessonDock")->isVisible());
        QCOMPARE(dock("lessonDock")->windowTitle(), QStringLiteral("Lesson"));
        QCOMPARE(m_window->dockWidgetArea(dock("lessonDock")), Qt::RightDockWidgetArea);
        nnplay::ui::LessonPanel* panel = m_window->lessonPanel();
        QCOMPARE(panel->titleLabel()->text(), QStringLiteral("Activation functions"));
        QCOMPARE(panel->goalLabel()->text(), QString::fromStdString(l.goal));
        QVERIFY(panel->goalLabel()->isVisible());
        QCOMPARE(panel->watchLabel()->text(), QString::fromStdString(l.watch));
        QCOMPARE(panel->questionLabel()->text(), QString::fromStdString(l.question));
        QCOMPARE(panel->stepLabels().size(), 3);
        QCOMPARE(panel->stepLabels()[1]->text(), QString::fromStdString(l.steps[1]));
        QCOMPARE(panel->variantButtons().size(), 3);
        QCOMPARE(variantButton(0)->text(), QStringLiteral("sigmoid"));
        // The file's own project is the "tanh" variant.
        QCOMPARE(checkedVariant(), 1);
        QCOMPARE(lesson()->currentVariant(), 1);
        // Opened untitled, under the lesson's title.
        QVERIFY(doc()->filePath().isEmpty());
        QVERIFY(!doc()->isModified());
        QCOMPARE(m_window->windowTitle(), QStringLiteral("Activation functions[*] — nnplay"));

        // A project that is no lesson puts the panel away.
        menuAction(QStringLiteral("&File"), QStringLiteral("&New"))->trigger();
        QTRY_VERIFY(!dock("lessonDock")->isVisible());
        QVERIFY(!lesson()->isLesson());
        QVERIFY(!dock("lessonDock")->toggleViewAction()->isEnabled());
        QCOMPARE(m_window->windowTitle(), QStringLiteral("Untitled[*] — nnplay"));
    }

    void anExampleOpensUnderItsTitleWithoutThePanel() {
        QVERIFY(openFromMenu(QStringLiteral("XOR needs a hidden layer")));
        QAction* example = menuAction(QStringLiteral("Open &Example"),
                                      QStringLiteral("Circle: a first classifier"));
        QVERIFY(example);
        example->trigger();
        QVERIFY(doc()->filePath().isEmpty());
        QCOMPARE(m_window->windowTitle(), QStringLiteral("Circle: a first classifier[*] — nnplay"));
        QTRY_VERIFY(!dock("lessonDock")->isVisible());
    }

    void clickingAVariantMakesTheDocumentThatVariant() {
        QVERIFY(openFromMenu(QStringLiteral("Activation functions")));
        QVERIFY(sessionValid());
        QUndoStack* undo = doc()->undoStack();
        QCOMPARE(undo->count(), 0);

        QTest::mouseClick(variantButton(0), Qt::LeftButton);
        QVERIFY(documentIsVariant(0));
        QCOMPARE(doc()->project().network().layers[1].type, std::string("sigmoid"));
        QCOMPARE(undo->count(), 1);  // data, network and training: one step
        QCOMPARE(checkedVariant(), 0);
        QVERIFY(m_window->statusBar()->currentMessage().startsWith(
            QStringLiteral("Variant “sigmoid”: other layers.")));
        QVERIFY(doc()->isModified());

        QTest::mouseClick(variantButton(2), Qt::LeftButton);
        QVERIFY(documentIsVariant(2));
        QCOMPARE(undo->count(), 2);
        QCOMPARE(checkedVariant(), 2);

        // Ctrl+Z goes back one variant at a time, and the buttons follow.
        undo->undo();
        QVERIFY(documentIsVariant(0));
        QCOMPARE(checkedVariant(), 0);
        undo->undo();
        QVERIFY(documentIsVariant(1));
        QCOMPARE(checkedVariant(), 1);
        QVERIFY(!doc()->isModified());
        undo->redo();
        QCOMPARE(checkedVariant(), 0);
    }

    void aTrainingVariantSaysWhatChanged() {
        QVERIFY(openFromMenu(QStringLiteral("Learning rate: too small, right, too large")));
        QTest::mouseClick(variantButton(2), Qt::LeftButton);
        QVERIFY(documentIsVariant(2));
        QCOMPARE(doc()->project().training.optimizer.learningRate, 30.0f);
        QCOMPARE(m_window->trainingPanel()->learningRateBox()->currentText(), QStringLiteral("30"));
        QVERIFY(m_window->statusBar()->currentMessage().startsWith(
            QStringLiteral("Variant “too large”: learning rate 30.")));
    }

    void aHandEditMatchesNoVariant() {
        QVERIFY(openFromMenu(QStringLiteral("Activation functions")));
        QCOMPARE(checkedVariant(), 1);
        const int firstDense = doc()->project().network().layers[0].id;
        QVERIFY(m_window->scene()->changeUnits(firstDense, +1));
        QCOMPARE(lesson()->currentVariant(), -1);
        QCOMPARE(checkedVariant(), -1);
        // Changing the network back by hand finds the variant again.
        QVERIFY(m_window->scene()->changeUnits(firstDense, -1));
        QCOMPARE(checkedVariant(), 1);
        // So does a training setting.
        m_window->trainingPanel()->epochsBox()->setValue(21);
        QCOMPARE(checkedVariant(), -1);
        doc()->undoStack()->undo();
        QCOMPARE(checkedVariant(), 1);
    }

    void aVariantStartsFreshAndPlayTrainsIt() {
        QVERIFY(openFromMenu(QStringLiteral("Activation functions")));
        QVERIFY(sessionValid());
        auto* c = m_window->training();
        c->send(&TrainingWorker::trainEpochs, 2);
        QVERIFY(waitUntil([&] { return c->lastSnapshot().epoch == 2 && !c->isRunning(); },
                          "two epochs are trained"));
        // Switching to the variant drops the trained weights; undo brings them back.
        QTest::mouseClick(variantButton(2), Qt::LeftButton);
        QVERIFY(!doc()->project().network().hasParams());
        QVERIFY(waitUntil(
            [&] {
                const TrainingSnapshot& s = c->lastSnapshot();
                return s.generation == c->generation() && s.valid && s.epoch == 0;
            },
            "the variant's session starts from epoch 0"));
        doc()->undoStack()->undo();
        QVERIFY(doc()->project().network().hasParams());
        QCOMPARE(checkedVariant(), 1);
        doc()->undoStack()->redo();

        // Play trains the variant the buttons show.
        m_window->trainingToolBar()->playAction()->trigger();
        QVERIFY(waitUntil([&] { return c->lastSnapshot().epoch >= 1; }, "the variant trains"));
        c->send(&TrainingWorker::pause);
        std::vector<nnplay::NamedNetwork> networks;
        nnplay::History history;
        QVERIFY(c->fetchTrainedState(networks, history));
        const NetworkSpec& trained = networks.front().spec;
        QCOMPARE(trained.layers[1].type, std::string("relu"));
        QVERIFY(trained.hasParams());
    }

    void nextAndPreviousVariantWrapAround() {
        QAction* next = lesson()->nextVariantAction();
        QAction* previous = lesson()->previousVariantAction();
        QVERIFY(!next->isEnabled());  // no lesson open
        QCOMPARE(next->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_BracketRight));
        QCOMPARE(previous->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_BracketLeft));
        QVERIFY(menu(QStringLiteral("&Train"))->actions().contains(next));

        QVERIFY(openFromMenu(QStringLiteral("Activation functions")));
        QVERIFY(next->isEnabled());
        next->trigger();
        QCOMPARE(checkedVariant(), 2);
        QVERIFY(documentIsVariant(2));
        next->trigger();
        QCOMPARE(checkedVariant(), 0);
        previous->trigger();
        QCOMPARE(checkedVariant(), 2);
        QCOMPARE(doc()->undoStack()->count(), 3);

        // From a hand-made network, Next starts at the first variant.
        QVERIFY(m_window->scene()->changeUnits(doc()->project().network().layers[0].id, +1));
        QCOMPARE(checkedVariant(), -1);
        next->trigger();
        QCOMPARE(checkedVariant(), 0);

        // The keys work from the window.
        m_window->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
        QTest::keyClick(m_window.get(), Qt::Key_BracketRight, Qt::ControlModifier);
        QCOMPARE(checkedVariant(), 1);
    }

    void theLessonHidesItsControlsUntilAnotherProjectOpens() {
        QVERIFY(openFromMenu(QStringLiteral("Activation functions")));
        // hide: optimizer, l1, l2, batch_size, loss, features
        nnplay::ui::TrainingPanel* training = m_window->trainingPanel();
        QTRY_VERIFY(training->learningRateBox()->isVisible());
        QVERIFY(!training->optimizerBox()->isVisible());
        QVERIFY(!training->rowShown(training->optimizerBox()));
        QVERIFY(!training->rowShown(training->lossBox()));
        QVERIFY(!training->l1Box()->isVisible());
        QVERIFY(!training->l2Box()->isVisible());
        QVERIFY(!training->batchSizeBox()->isVisible());
        QVERIFY(training->rowShown(training->learningRateBox()));
        QVERIFY(training->epochsBox()->isVisible());
        // Features: only those in use are drawn, and they do not toggle.
        nnplay::ui::NetworkScene* scene = m_window->scene();
        QVERIFY(scene->featureChoiceHidden());
        QVERIFY(scene->featureItem(QStringLiteral("x1"))->isVisible());
        QVERIFY(!scene->featureItem(QStringLiteral("x1^2"))->isVisible());
        QVERIFY(!scene->toggleFeature(QStringLiteral("x1^2")));
        QCOMPARE(doc()->undoStack()->count(), 0);
        // A variant switch keeps them hidden.
        QTest::mouseClick(variantButton(0), Qt::LeftButton);
        QVERIFY(!training->optimizerBox()->isVisible());

        menuAction(QStringLiteral("&File"), QStringLiteral("&New"))->trigger();
        QTRY_VERIFY(training->optimizerBox()->isVisible());
        QVERIFY(training->rowShown(training->lossBox()));
        QVERIFY(training->l1Box()->isVisible());
        QVERIFY(training->batchSizeBox()->isVisible());
        QVERIFY(!scene->featureChoiceHidden());
        QVERIFY(scene->featureItem(QStringLiteral("x1^2"))->isVisible());
    }

    void dataNoiseAndPaletteHideToo() {
        Project p = shippedLesson("xor-hidden-layer");
        p.lesson.hide = {"noise", "data", "palette", "learning_rate"};
        m_window->files()->openProject(p);
        nnplay::ui::DataPanel* data = m_window->dataPanel();
        QTRY_VERIFY(!dock("paletteDock")->isVisible());
        QVERIFY(!data->noiseRowShown());
        QVERIFY(!data->noiseSlider()->isVisible());
        QVERIFY(!data->sourceList()->isVisible());
        QVERIFY(data->sourceInfo()->isVisible());  // still says which data it is
        QVERIFY(data->samplesBox()->isVisible());
        QVERIFY(!m_window->trainingPanel()->learningRateBox()->isVisible());

        // An example is no lesson: everything is back.
        menuAction(QStringLiteral("Open &Example"), QStringLiteral("Circle: a first classifier"))
            ->trigger();
        QTRY_VERIFY(dock("paletteDock")->isVisible());
        QVERIFY(data->noiseRowShown());
        QVERIFY(data->noiseSlider()->isVisible());
        QVERIFY(data->sourceList()->isVisible());
        QVERIFY(m_window->trainingPanel()->learningRateBox()->isVisible());
    }

    void aPaletteTheLearnerClosedStaysClosed() {
        dock("paletteDock")->close();
        Project p = shippedLesson("xor-hidden-layer");
        p.lesson.hide = {"palette"};
        m_window->files()->openProject(p);
        m_window->files()->openProject(Project::defaultProject());
        QTest::qWait(0);
        QVERIFY(dock("paletteDock")->isHidden());
    }

    void showAllControlsBringsThemBack() {
        QVERIFY(openFromMenu(QStringLiteral("Activation functions")));
        QCheckBox* showAll = m_window->lessonPanel()->showAllBox();
        QTRY_VERIFY(showAll->isVisible());
        QVERIFY(!showAll->isChecked());
        nnplay::ui::TrainingPanel* training = m_window->trainingPanel();
        QVERIFY(!training->optimizerBox()->isVisible());
        QTest::mouseClick(showAll, Qt::LeftButton);
        QVERIFY(lesson()->showsAllControls());
        QTRY_VERIFY(training->optimizerBox()->isVisible());
        QVERIFY(training->l2Box()->isVisible());
        QVERIFY(!m_window->scene()->featureChoiceHidden());
        QVERIFY(dock("lessonDock")->isVisible());  // the lesson stays open
        QTest::mouseClick(showAll, Qt::LeftButton);
        QTRY_VERIFY(!training->optimizerBox()->isVisible());

        // Another lesson starts with its own controls hidden again.
        QTest::mouseClick(showAll, Qt::LeftButton);
        QVERIFY(openFromMenu(QStringLiteral("Overfitting")));
        QVERIFY(!showAll->isChecked());
        QTRY_VERIFY(!training->optimizerBox()->isVisible());
    }

    void aClickerStepsThroughVariantsAndRunsKeepTheirNames() {
        QVERIFY(openFromMenu(QStringLiteral("Learning rate: too small, right, too large")));
        nnplay::ui::LessonController* lesson = m_window->lesson();
        QTRY_COMPARE(lesson->currentVariant(), 1);  // the lesson opens as "right"
        auto* controller = m_window->training();
        auto trained = [controller] {
            const nnplay::ui::TrainingSnapshot& s = controller->lastSnapshot();
            return s.generation == controller->generation() && !s.running && s.epoch >= 1;
        };
        m_window->trainingToolBar()->stepAction()->trigger();
        QVERIFY(nnplay::test::waitUntil(trained, "\"right\" trained an epoch"));

        m_window->presenter()->enter(nnplay::ui::PresenterMode::Screen::KeepSize);
        QTest::keyClick(m_window->networkView(), Qt::Key_PageDown);
        QTRY_COMPARE(lesson->currentVariant(), 2);
        m_window->trainingToolBar()->stepAction()->trigger();
        QVERIFY(nnplay::test::waitUntil(trained, "\"too large\" trained"));
        const nnplay::ui::RunArchive* runs = m_window->views()->runs();
        QTRY_COMPARE(runs->runs().size(), std::size_t(1));
        QCOMPARE(QString::fromStdString(runs->runs()[0].name), QStringLiteral("right"));
        QCOMPARE(runs->current().name, QStringLiteral("too large"));
        QTest::keyClick(m_window->networkView(), Qt::Key_PageUp);
        QTRY_COMPARE(lesson->currentVariant(), 1);
        m_window->presenter()->leave();
    }

    void lessonsAreFoundByFileNameOrTitle() {
        for (const QString& name :
             {QStringLiteral("xor-hidden-layer"), QStringLiteral("XOR-Hidden-Layer"),
              QStringLiteral("xor needs a hidden layer")}) {
            QString error;
            const std::optional<Project> found = ProjectCatalog::findLesson(name, &error);
            QVERIFY2(found.has_value(), qPrintable(name));
            QCOMPARE(found->title, std::string("XOR needs a hidden layer"));
            QVERIFY(error.isEmpty());
        }
        QString error;
        QVERIFY(!ProjectCatalog::findLesson(QStringLiteral("xor"), &error));
        QVERIFY(error.contains(QStringLiteral("“xor”")));
        for (const char* name : {"activation-functions", "learning-rate", "one-neuron-line",
                                 "overfitting", "underfitting-spiral", "xor-hidden-layer"})
            QVERIFY2(error.contains(QString::fromLatin1(name)), name);
        QVERIFY(error.contains(QStringLiteral("xor-hidden-layer (XOR needs a hidden layer)")));
    }
};

QTEST_MAIN(TestLessons)
#include "test_lessons.moc"
