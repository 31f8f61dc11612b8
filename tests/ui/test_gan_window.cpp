// SPDX-License-Identifier: GPL-3.0-or-later
// A GAN project in the window: it opens with a tab per network, each network is built by
// dragging layers onto its own canvas, the step modes train only the networks they say, a target
// is drawn on the Samples plot, and a saved GAN opens again with both networks' weights.
#include <qcustomplot.h>

#include <QApplication>
#include <QComboBox>
#include <QDragEnterEvent>
#include <QLabel>
#include <QListWidget>
#include <QMimeData>
#include <QMouseEvent>
#include <QSettings>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>
#include <algorithm>
#include <memory>
#include <vector>

#include "FileBytes.h"
#include "Project.h"
#include "Wait.h"
#include "document/DocumentEdits.h"
#include "document/ProjectDocument.h"
#include "editor/LayerPalette.h"
#include "editor/LayerPaletteTree.h"
#include "editor/NetworkScene.h"
#include "editor/NetworkView.h"
#include "io/ProjectFile.h"
#include "panels/GanDataPanel.h"
#include "panels/GanTrainingPanel.h"
#include "plots/GanCurveView.h"
#include "plots/GanFlowDiagram.h"
#include "plots/GanSlowMotionPanel.h"
#include "plots/GanStepView.h"
#include "plots/GanView.h"
#include "plots/SampleGallery.h"
#include "train/EditRules.h"
#include "train/TrainingController.h"
#include "window/MainWindow.h"
#include "window/NetworkTabs.h"
#include "window/PresenterMode.h"
#include "window/ProjectFiles.h"
#include "window/TrainingToolBar.h"
#include "window/TrainingViews.h"

using nnplay::NamedNetwork;
using nnplay::NetworkSpec;
using nnplay::Project;
using nnplay::test::waitUntil;
using nnplay::test::writeBytes;
using nnplay::ui::MainWindow;
using nnplay::ui::TrainingViews;

namespace {

/// The layers of the project's network `name` (weights aside).
const NetworkSpec& networkOf(const Project& project, const char* name) {
    return *project.findNetwork(name);
}

/// The weights of every layer of network `name` in `networks`.
std::vector<nnplay::Matrix> weightsOf(const std::vector<NamedNetwork>& networks, const char* name) {
    std::vector<nnplay::Matrix> out;
    for (const NamedNetwork& network : networks) {
        if (network.name != name) continue;
        for (const nnplay::LayerSpec& layer : network.spec.layers)
            for (const nnplay::Matrix& m : layer.params) out.push_back(m);
    }
    return out;
}

}  // namespace

class TestGanWindow : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_settingsDir;
    QTemporaryDir m_dir;
    std::unique_ptr<MainWindow> m_window;

    nnplay::ui::TrainingController* training() { return m_window->training(); }
    bool sessionValid() { return nnplay::test::waitForValidSession(training()); }

    /// Opens the default GAN project from a file.
    bool openGan() {
        const QString file = m_dir.filePath(QStringLiteral("gan.nnplay"));
        if (!writeBytes(file, QByteArray::fromStdString(
                                  nnplay::ProjectFile::serialize(Project::defaultGanProject()))))
            return false;
        return m_window->files()->openFile(file) && sessionValid();
    }

    /// Drops a layer of `type` from the palette onto the middle of the canvas.
    bool dropFromPalette(const QString& type) {
        nnplay::ui::LayerPalette* palette = m_window->layerPalette();
        QTreeWidgetItem* item = palette->itemForType(type);
        if (!item) return false;
        const QModelIndex index = palette->tree()->indexFromItem(item);
        std::unique_ptr<QMimeData> mime(palette->tree()->model()->mimeData({index}));
        QWidget* viewport = m_window->networkView()->viewport();
        const QPoint pos = viewport->rect().center();
        QDragEnterEvent enter(pos, Qt::CopyAction, mime.get(), Qt::LeftButton, Qt::NoModifier);
        QCoreApplication::sendEvent(viewport, &enter);
        QDragMoveEvent move(pos, Qt::CopyAction, mime.get(), Qt::LeftButton, Qt::NoModifier);
        QCoreApplication::sendEvent(viewport, &move);
        QDropEvent drop(QPointF(pos), Qt::CopyAction, mime.get(), Qt::LeftButton, Qt::NoModifier);
        QCoreApplication::sendEvent(viewport, &drop);
        return drop.isAccepted();
    }

    /// Trains `steps` single steps in the current step mode and returns the networks after.
    std::vector<NamedNetwork> stepAndFetch(int steps) {
        for (int i = 0; i < steps; ++i) m_window->trainingToolBar()->stepBatchAction()->trigger();
        std::vector<NamedNetwork> networks;
        nnplay::History history;
        if (!waitUntil([&] { return training()->lastSnapshot().batches >= steps; },
                       "the steps are trained"))
            return {};
        if (!training()->fetchCurrentState(networks, history)) return {};
        return networks;
    }

private slots:
    void initTestCase() {
        QVERIFY(m_settingsDir.isValid());
        QVERIFY(m_dir.isValid());
        QStandardPaths::setTestModeEnabled(true);
        QSettings::setDefaultFormat(QSettings::IniFormat);
        QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_settingsDir.path());
    }
    void init() {
        m_window = std::make_unique<MainWindow>();
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    }
    void cleanup() { m_window.reset(); }

    void aGanOpensWithATabPerNetworkAndItsOwnViews() {
        QVERIFY(!m_window->networkTabs()->isVisible());  // one network: no tabs
        QVERIFY(openGan());
        nnplay::ui::NetworkTabs* tabs = m_window->networkTabs();
        QVERIFY(tabs->isVisible());
        QCOMPARE(tabs->count(), 2);
        QCOMPARE(tabs->tabText(0), QStringLiteral("Generator"));
        QCOMPARE(tabs->tabText(1), QStringLiteral("Discriminator"));
        QCOMPARE(m_window->scene()->networkName(), std::string());
        QVERIFY(&m_window->scene()->shownNetwork() ==
                m_window->document()->project().findNetwork(Project::kGenerator));
        tabs->setCurrentIndex(1);
        QVERIFY(&m_window->scene()->shownNetwork() ==
                m_window->document()->project().findNetwork(Project::kDiscriminator));
        QVERIFY(m_window->scene()->networkValid());

        TrainingViews* views = m_window->views();
        QVERIFY(views->isAvailable(TrainingViews::View::Gan));
        QVERIFY(!views->isAvailable(TrainingViews::View::Output));
        QVERIFY(!views->isAvailable(TrainingViews::View::Metrics));
        QCOMPARE(views->tabs()->currentWidget(), static_cast<QWidget*>(views->ganView()));
        QCOMPARE(views->curves()->currentWidget(), static_cast<QWidget*>(views->ganCurveView()));
        QVERIFY(m_window->ganTrainingPanel()->isVisible());
        QVERIFY(m_window->ganDataPanel()->isVisible());
        QVERIFY(m_window->trainingToolBar()->ganMode());
        QVERIFY(m_window->trainingToolBar()->stepModeBox()->isVisible());

        // The noise is the generator's input: a new dimension redraws its first layer.
        tabs->setCurrentIndex(0);
        QCOMPARE(m_window->scene()->shapeReport().layers[0].paramCount, 2LL * 32 + 32);
        nnplay::GanSpec gan = m_window->document()->project().gan;
        gan.noise.dim = 3;
        QVERIFY(nnplay::ui::editGan(*m_window->document(), gan, "noise"));
        QCOMPARE(m_window->scene()->shapeReport().layers[0].paramCount, 3LL * 32 + 32);

        // Back to a supervised project: one canvas, the supervised views and panels.
        m_window->files()->openProject(Project::defaultProject(), {});
        QVERIFY(sessionValid());
        QVERIFY(!tabs->isVisible());
        QVERIFY(!views->isAvailable(TrainingViews::View::Gan));
        QVERIFY(views->isAvailable(TrainingViews::View::Output));
        QVERIFY(!m_window->trainingToolBar()->ganMode());
        QVERIFY(!m_window->trainingToolBar()->stepModeBox()->isVisible());
    }

    void eachNetworkIsBuiltByDraggingOntoItsCanvas() {
        QVERIFY(openGan());
        const Project before = m_window->document()->project();
        m_window->networkTabs()->setCurrentIndex(1);
        QVERIFY(dropFromPalette(QStringLiteral("dropout")));
        const Project& after = m_window->document()->project();
        const NetworkSpec& discriminator = networkOf(after, Project::kDiscriminator);
        QCOMPARE(discriminator.layers.size(),
                 networkOf(before, Project::kDiscriminator).layers.size() + 1);
        QVERIFY(nnplay::sameLayers(networkOf(after, Project::kGenerator),
                                   networkOf(before, Project::kGenerator)));
        bool dropped = false;
        for (const auto& layer : discriminator.layers) dropped |= layer.type == "dropout";
        QVERIFY(dropped);
        // Ids stay unique across both networks.
        std::vector<int> ids;
        for (const NamedNetwork& network : after.networks)
            for (const auto& layer : network.spec.layers) ids.push_back(layer.id);
        std::sort(ids.begin(), ids.end());
        QVERIFY(std::adjacent_find(ids.begin(), ids.end()) == ids.end());

        m_window->networkTabs()->setCurrentIndex(0);
        QVERIFY(dropFromPalette(QStringLiteral("tanh")));
        QCOMPARE(networkOf(m_window->document()->project(), Project::kGenerator).layers.size(),
                 networkOf(before, Project::kGenerator).layers.size() + 1);

        m_window->document()->undoStack()->undo();
        m_window->document()->undoStack()->undo();
        QVERIFY(nnplay::sameLayers(m_window->document()->project().networks, before.networks));
    }

    void stepModesTrainOnlyTheNetworksTheySay() {
        QVERIFY(openGan());
        std::vector<NamedNetwork> start;
        nnplay::History history;
        QVERIFY(training()->fetchCurrentState(start, history));
        QComboBox* mode = m_window->trainingToolBar()->stepModeBox();

        // Only D: the generator keeps its weights, the discriminator learns.
        mode->setCurrentIndex(1);
        emit mode->activated(1);
        std::vector<NamedNetwork> afterD = stepAndFetch(3);
        QVERIFY(!afterD.empty());
        QVERIFY(weightsOf(afterD, Project::kGenerator) == weightsOf(start, Project::kGenerator));
        QVERIFY(weightsOf(afterD, Project::kDiscriminator) !=
                weightsOf(start, Project::kDiscriminator));

        // Only G: now the discriminator stays as it is.
        mode->setCurrentIndex(2);
        emit mode->activated(2);
        std::vector<NamedNetwork> afterG = stepAndFetch(6);
        QVERIFY(!afterG.empty());
        QVERIFY(weightsOf(afterG, Project::kDiscriminator) ==
                weightsOf(afterD, Project::kDiscriminator));
        QVERIFY(weightsOf(afterG, Project::kGenerator) != weightsOf(afterD, Project::kGenerator));
    }

    // Slow motion records one step and shows its ten parts in order, each with its number and
    // a sentence, the overview outlining D for the first five and G for the last five.
    void slowMotionStepsThroughTheTenParts() {
        QVERIFY(openGan());
        using nnplay::ui::GanFlowDiagram;
        using nnplay::ui::GanSlowMotionPanel;
        GanSlowMotionPanel* panel = m_window->ganSlowMotion();
        QAction* slow = m_window->trainingToolBar()->slowMotionAction();
        QVERIFY(slow->isVisible() && slow->isEnabled());
        slow->trigger();
        QVERIFY(waitUntil([&] { return panel->active(); }, "the recorded step arrives"));
        QVERIFY(panel->isVisible());
        QVERIFY(panel->record().trainedDiscriminator && panel->record().trainedGenerator);
        QCOMPARE(panel->firstPart(), 1);
        QCOMPARE(panel->lastPart(), GanSlowMotionPanel::kPartCount);
        QStringList captions;
        for (int part = 1; part <= GanSlowMotionPanel::kPartCount; ++part) {
            QCOMPARE(panel->part(), part);
            QVERIFY2(panel->title().startsWith(GanSlowMotionPanel::partTitle(part)),
                     qPrintable(panel->title()));
            QVERIFY(!panel->caption().isEmpty());
            QVERIFY(!captions.contains(panel->caption()));
            captions << panel->caption();
            QCOMPARE(panel->diagram()->part(), part);
            QCOMPARE(panel->diagram()->updatedNetwork(),
                     part <= 5 ? GanFlowDiagram::Network::Discriminator
                               : GanFlowDiagram::Network::Generator);
            // The gradients' sizes name the layers as the canvas does.
            const QString note =
                panel->stepView()->note().replace(QChar::Nbsp, QLatin1Char(' '));
            if (part == 4) {
                QVERIFY2(note.contains(QStringLiteral(" in Dense 32,")) &&
                             note.contains(QStringLiteral(" in Dense 1")) &&
                             !note.contains(QStringLiteral("layer")),
                         qPrintable(note));
            }
            if (part == 9) {
                QVERIFY2(note.contains(QStringLiteral(" in Dense 32,")) &&
                             note.contains(QStringLiteral(" in Dense 2")),
                         qPrintable(note));
            }
            if (part < GanSlowMotionPanel::kPartCount) panel->nextAction()->trigger();
        }
        panel->previousAction()->trigger();
        QCOMPARE(panel->part(), GanSlowMotionPanel::kPartCount - 1);
        panel->backAction()->trigger();
        QVERIFY(!panel->active());
        QVERIFY(!panel->isVisible());
        QVERIFY(m_window->networkView()->isVisible());
    }

    void slowMotionTextGrowsInPresenterMode() {
        QVERIFY(openGan());
        const auto* title =
            m_window->ganSlowMotion()->findChild<QLabel*>(QStringLiteral("ganSlowMotionTitle"));
        QVERIFY(title);
        const auto* note =
            m_window->ganSlowMotion()->findChild<QLabel*>(QStringLiteral("ganStepNote"));
        QVERIFY(note);
        const auto* gallery = m_window->ganSlowMotion()->findChild<nnplay::ui::SampleGallery*>();
        QVERIFY(gallery);
        const int galleryBefore = QFontInfo(gallery->font()).pixelSize();
        const int before = QFontInfo(title->font()).pixelSize();
        const int noteBefore = QFontInfo(note->font()).pixelSize();
        m_window->presenter()->enter(nnplay::ui::PresenterMode::Screen::KeepSize);
        const int after = QFontInfo(title->font()).pixelSize();
        const int noteAfter = QFontInfo(note->font()).pixelSize();
        const int galleryAfter = QFontInfo(gallery->font()).pixelSize();
        m_window->presenter()->leave();
        QVERIFY2(after >= 1.4 * before,
                 qPrintable(QStringLiteral("%1 -> %2").arg(before).arg(after)));
        QVERIFY2(noteAfter >= 1.4 * noteBefore,
                 qPrintable(QStringLiteral("%1 -> %2").arg(noteBefore).arg(noteAfter)));
        QVERIFY2(galleryAfter >= 1.4 * galleryBefore,
                 qPrintable(QStringLiteral("%1 -> %2").arg(galleryBefore).arg(galleryAfter)));
        QCOMPARE(QFontInfo(title->font()).pixelSize(), before);
        QCOMPARE(QFontInfo(note->font()).pixelSize(), noteBefore);
    }

    void aTargetIsDrawnOnTheSamplesPlot() {
        QVERIFY(openGan());
        nnplay::ui::GanView* view = m_window->views()->ganView();
        QVERIFY(!view->drawingEnabled());  // the ring is no drawing
        // Choose "Draw" in the data panel: the plot takes strokes.
        QListWidget* targets = m_window->ganDataPanel()->targetList();
        QListWidgetItem* draw = nullptr;
        for (int i = 0; i < targets->count(); ++i)
            if (targets->item(i)->data(Qt::UserRole).toString() == QLatin1String("points"))
                draw = targets->item(i);
        QVERIFY(draw);
        targets->scrollToItem(draw);
        QTest::mouseClick(targets->viewport(), Qt::LeftButton, {},
                          targets->visualItemRect(draw).center());
        QCOMPARE(m_window->document()->project().data.source, std::string("points"));
        QVERIFY(view->drawingEnabled());
        QVERIFY(sessionValid());
        m_window->views()->showView(TrainingViews::View::Gan);
        QVERIFY(waitUntil([&] { return view->plot()->isVisible(); }, "the plot shows"));

        // A drag from (-3, 2) to (3, 2) across the plot: a stroke of points along it.
        QCustomPlot* plot = view->plot();
        auto pixel = [&](double x, double y) {
            return QPoint(qRound(plot->xAxis->coordToPixel(x)),
                          qRound(plot->yAxis->coordToPixel(y)));
        };
        const std::size_t before = m_window->document()->project().data.points.size();
        const int undoBefore = m_window->document()->undoStack()->count();
        QTest::mousePress(plot, Qt::LeftButton, {}, pixel(-3, 2));
        for (int i = 1; i <= 12; ++i) {
            QMouseEvent move(QEvent::MouseMove, pixel(-3 + i * 0.5, 2),
                             plot->mapToGlobal(pixel(-3 + i * 0.5, 2)), Qt::NoButton,
                             Qt::LeftButton, Qt::NoModifier);
            QCoreApplication::sendEvent(plot, &move);
        }
        QTest::mouseRelease(plot, Qt::LeftButton, {}, pixel(3, 2));
        const std::vector<std::array<float, 2>>& points =
            m_window->document()->project().data.points;
        QCOMPARE(m_window->document()->undoStack()->count(), undoBefore + 1);
        QCOMPARE(points.size(), before + 13);
        const double tolerance = 2.0 * plot->xAxis->range().size() / plot->axisRect()->width();
        for (std::size_t i = before; i < points.size(); ++i) {
            QVERIFY(std::abs(points[i][1] - 2.0f) < tolerance);
            QVERIFY(std::abs(points[i][0] - (-3.0f + 0.5f * float(i - before))) < tolerance);
        }
        // The new real samples are what the session trains on.
        QVERIFY(waitUntil(
            [&] {
                return training()->lastSnapshot().gan.real.cols() ==
                       Eigen::Index(m_window->document()->project().data.points.size());
            },
            "the session trains on the drawn points"));
        // Undo takes the stroke back.
        m_window->document()->undoStack()->undo();
        QCOMPARE(m_window->document()->project().data.points.size(), before);
    }

    void playStopsWhereTheEditedPlanEnds() {
        QVERIFY(openGan());
        nnplay::GanSpec gan = m_window->document()->project().gan;
        gan.steps = 1000000;
        QVERIFY(nnplay::ui::editGan(*m_window->document(), gan, "long"));
        // 2 measurements (200 steps) a second: the edit arrives long before the plan's end.
        m_window->trainingToolBar()->setSpeed(2);
        m_window->trainingToolBar()->playAction()->trigger();
        QVERIFY(waitUntil([&] { return training()->lastSnapshot().batches > 150; }, "it trains"));
        // A shorter plan while it plays: it stops at the measurement that ends the new plan.
        const long long now = training()->lastSnapshot().batches;
        gan.steps = static_cast<int>(now) + 450;
        QVERIFY(nnplay::ui::editGan(*m_window->document(), gan, "shorter"));
        QVERIFY(waitUntil([&] { return !training()->lastSnapshot().running; }, "it pauses"));
        const long long every = gan.measureEvery;
        const long long end = (gan.steps + every - 1) / every * every;
        QVERIFY2(training()->lastSnapshot().batches == end,
                 qPrintable(QStringLiteral("stopped at %1, the plan ends at %2")
                                .arg(training()->lastSnapshot().batches)
                                .arg(end)));
    }

    void aSavedGanOpensWithBothNetworksTrained() {
        QVERIFY(openGan());
        training()->send(&nnplay::ui::TrainingWorker::trainEpochs, 2);
        QVERIFY(waitUntil([&] { return training()->lastSnapshot().historySize() >= 2; },
                          "two measurements are trained"));
        QVERIFY(waitUntil([&] { return !training()->lastSnapshot().running; }, "it pauses"));
        QVERIFY(training()->lastSnapshot().gan.generated.size() > 0);
        const QString file = m_dir.filePath(QStringLiteral("trained-gan.nnplay"));
        QVERIFY(m_window->files()->saveFile(file));
        const Project saved = nnplay::ProjectFile::load(file.toStdString());
        QVERIFY(networkOf(saved, Project::kGenerator).hasParams());
        QVERIFY(networkOf(saved, Project::kDiscriminator).hasParams());
        QCOMPARE(saved.history.size(), std::size_t(2));

        QVERIFY(m_window->files()->openFile(file));
        QVERIFY(sessionValid());
        QCOMPARE(training()->lastSnapshot().historySize(), std::size_t(2));
        std::vector<NamedNetwork> reopened;
        nnplay::History history;
        QVERIFY(training()->fetchCurrentState(reopened, history));
        QVERIFY(weightsOf(reopened, Project::kGenerator) ==
                weightsOf(saved.networks, Project::kGenerator));
        QVERIFY(weightsOf(reopened, Project::kDiscriminator) ==
                weightsOf(saved.networks, Project::kDiscriminator));
    }
};

QTEST_MAIN(TestGanWindow)
#include "test_gan_window.moc"
