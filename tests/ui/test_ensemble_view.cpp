// SPDX-License-Identifier: GPL-3.0-or-later
// The ensemble in the window: the training panel's Ensemble row (undoable) and the Ensemble
// tab, which shows each member's boundary beside the average.
#include <QCheckBox>
#include <QLabel>
#include <QSettings>
#include <QSpinBox>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>

#include "Project.h"
#include "Wait.h"
#include "document/ProjectDocument.h"
#include "io/ProjectFile.h"
#include "panels/EnsembleControls.h"
#include "panels/TrainingPanel.h"
#include "plots/DecisionBoundaryView.h"
#include "plots/EnsembleView.h"
#include "plots/PictureActions.h"
#include "train/TrainingController.h"
#include "window/MainWindow.h"
#include "window/ProjectFiles.h"
#include "window/TrainingToolBar.h"
#include "window/TrainingViews.h"

using nnplay::Project;
using nnplay::test::waitUntil;
using nnplay::ui::MainWindow;
using nnplay::ui::TrainingViews;

namespace {

Project moonsProject() {
    Project p;
    p.data.source = "moons";
    p.data.samples = 100;
    p.data.noise = 0.2;
    p.network() = nnplay::NetworkSpec::multilayer({8, 1}, "tanh", "sigmoid");
    p.training.loss = nnplay::LossKind::Bce;
    p.training.optimizer.kind = "adam";
    p.training.optimizer.learningRate = 0.03f;
    return p;
}

}  // namespace

class TestEnsembleView : public QObject {
    Q_OBJECT
    QTemporaryDir m_settingsDir;

private slots:
    void initTestCase() {
        QVERIFY(m_settingsDir.isValid());
        QSettings::setDefaultFormat(QSettings::IniFormat);
        QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_settingsDir.path());
    }

    void theEnsembleRowEditsTheDocumentWithUndo() {
        MainWindow window;
        window.files()->openProject(moonsProject());
        nnplay::ui::EnsembleControls* row = window.trainingPanel()->ensembleControls();
        nnplay::ui::ProjectDocument* doc = window.document();
        QVERIFY(!row->bootstrapBox()->isEnabled());  // nothing to resample for one network
        const int before = doc->undoStack()->count();
        row->membersBox()->setValue(4);
        QCOMPARE(doc->project().training.ensemble.members, 4);
        QVERIFY(row->bootstrapBox()->isEnabled());
        row->bootstrapBox()->click();
        QVERIFY(doc->project().training.ensemble.bootstrap);
        QCOMPARE(doc->undoStack()->count(), before + 2);
        doc->undoStack()->undo();
        QVERIFY(!doc->project().training.ensemble.bootstrap);
        QVERIFY(!row->bootstrapBox()->isChecked());
        doc->undoStack()->undo();
        QCOMPARE(doc->project().training.ensemble.members, 1);
        QCOMPARE(row->membersBox()->value(), 1);
    }

    void theTabShowsEveryMemberBesideTheEnsemble() {
        Project p = moonsProject();
        p.training.ensemble = {3, true};
        MainWindow window;
        window.resize(1366, 768);
        window.files()->openProject(p);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        auto* controller = window.training();
        QVERIFY(nnplay::test::waitForValidSession(controller));
        TrainingViews* views = window.views();
        QCOMPARE(TrainingViews::viewNamed(QStringLiteral("ensemble")),
                 std::optional(TrainingViews::View::Ensemble));
        QVERIFY(views->isAvailable(TrainingViews::View::Ensemble));
        views->showView(TrainingViews::View::Ensemble);
        window.trainingToolBar()->stepAction()->trigger();
        QVERIFY(waitUntil([&] { return controller->lastSnapshot().epoch >= 1; }, "an epoch"));
        nnplay::ui::EnsembleView* view = views->ensembleView();
        QVERIFY(waitUntil([&] { return view->memberPlotCount() == 3; }, "three member plots"));
        const auto& figures = controller->lastSnapshot().ensemble.testFigures;
        QCOMPARE(figures.size(), std::size_t(3));
        for (int k = 0; k < 3; ++k) {
            QVERIFY(view->memberPlot(k)->isVisible());
            QVERIFY2(view->memberTitle(k)->text().startsWith(QStringLiteral("%1: ").arg(k + 1)) &&
                         view->memberTitle(k)->text().endsWith(QStringLiteral(" %")),
                     qPrintable(view->memberTitle(k)->text()));
        }
        QVERIFY2(view->ensembleTitle()->text().startsWith(QStringLiteral("Average of 3 networks")),
                 qPrintable(view->ensembleTitle()->text()));
        // Each member draws its own boundary: two members differ somewhere on the plane.
        bool differ = false;
        for (int c = 0; c < 48 && !differ; c += 3)
            for (int r = 0; r < 48 && !differ; r += 3)
                differ =
                    view->memberPlot(0)->cellValue(c, r) != view->memberPlot(1)->cellValue(c, r);
        QVERIFY(differ);
        QVERIFY(nnplay::ui::PictureActions::saveAction(view));

        // Save keeps every member: the network holds the first, the file the other two.
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(QStringLiteral("ensemble.nnplay"));
        QVERIFY(window.files()->saveFile(path));
        const Project saved = nnplay::ProjectFile::load(path.toStdString());
        QVERIFY(saved.network().hasParams());
        QCOMPARE(saved.ensembleMembers.size(), std::size_t(2));
        QCOMPARE(saved.training.ensemble, p.training.ensemble);
    }

    void oneNetworkSaysHowToMakeAnEnsemble() {
        MainWindow window;
        window.resize(1366, 768);
        window.files()->openProject(moonsProject());
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(nnplay::test::waitForValidSession(window.training()));
        TrainingViews* views = window.views();
        views->showView(TrainingViews::View::Ensemble);
        nnplay::ui::EnsembleView* view = views->ensembleView();
        QVERIFY(waitUntil([&] { return view->message()->text().contains("one network"); },
                          "the message"));
        QVERIFY(view->showsMessage());
        QCOMPARE(view->memberPlotCount(), 0);
    }
};

QTEST_MAIN(TestEnsembleView)
#include "test_ensemble_view.moc"
