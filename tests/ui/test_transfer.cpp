// SPDX-License-Identifier: GPL-3.0-or-later
// Transfer learning in the window: the lock that freezes a layer (canvas, properties panel,
// context menu), undo, the file, freezing while training is paused, and importing layers with
// their trained weights from another project.

#include <QAction>
#include <QCheckBox>
#include <QDialogButtonBox>
#include <QListWidget>
#include <QMenu>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>
#include <memory>

#include "Project.h"
#include "Wait.h"
#include "document/ProjectDocument.h"
#include "editor/ImportLayersDialog.h"
#include "editor/LayerItem.h"
#include "editor/LockItem.h"
#include "editor/NetworkScene.h"
#include "editor/NetworkView.h"
#include "editor/PropertiesPanel.h"
#include "io/ProjectFile.h"
#include "lesson/LessonController.h"
#include "train/Model.h"
#include "train/TrainingController.h"
#include "train/TrainingWorker.h"
#include "window/LayerImporter.h"
#include "window/MainWindow.h"
#include "window/ProjectCatalog.h"
#include "window/ProjectFiles.h"

using namespace nnplay;
using namespace nnplay::ui;
using nnplay::test::waitUntil;

namespace {

/// Digits (1x8x8) with a small conv network.
Project digitsConvProject() {
    Project p;
    p.data.source = "digits";
    p.data.trainFraction = 0.3;
    NetworkSpec& spec = p.network();
    spec.add("conv2d").settings = {{"filters", 4}, {"kernel_size", 3}};
    spec.add("relu");
    spec.add("flatten");
    spec.add("dense", 10);
    spec.add("softmax");
    p.training.loss = LossKind::Cce;
    p.training.batchSize = 16;
    p.training.epochs = 50;
    return p;
}

/// The same network for 1x28x28 images with weights of a built model (no data needed).
Project trainedSource() {
    Project p = digitsConvProject();
    p.data.source = "fashion-mnist";
    Model model(p.network(), Shape{1, 28, 28}, InitScheme::Auto, 7);
    model.storeParams(p.network());
    return p;
}

struct Editor {
    ProjectDocument document;
    NetworkScene scene{&document};
    NetworkView view{&scene};

    explicit Editor(const Project& project) {
        document.reset(project, {});
        view.resize(1100, 600);
        view.show();
    }
    const NetworkSpec& network() const { return document.project().network(); }
    int idAt(int index) const { return network().layers[static_cast<std::size_t>(index)].id; }
    void click(QGraphicsItem* item) {
        const QPoint at = view.mapFromScene(item->sceneBoundingRect().center());
        QTest::mouseClick(view.viewport(), Qt::LeftButton, {}, at);
    }
};

}  // namespace

class TestTransfer : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() {
        QVERIFY(m_settings.isValid());
        QSettings::setDefaultFormat(QSettings::IniFormat);
        QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_settings.path());
        QStandardPaths::setTestModeEnabled(true);  // recovery copies stay out of the home folder
    }
    void lockFreezesAndUndoUnfreezes();
    void onlyLayersWithWeightsHaveALock();
    void panelAndMenuFreezeToo();
    void savedFileKeepsTheFlag();
    void importDialogImportsChosenLayersWithWeights();
    void importThatDoesNotFitIsRefused();
    void freezingWhilePausedKeepsTheTrainedWeights();
    void importerReadsTheFile();
    void lessonVariantsKeepTheShippedBase();

private:
    QTemporaryDir m_settings;
};

void TestTransfer::lockFreezesAndUndoUnfreezes() {
    Editor editor(digitsConvProject());
    const int conv = editor.idAt(0);
    LockItem* lock = editor.scene.lockItem(conv);
    QVERIFY(lock);
    QVERIFY(!lock->frozen());
    QVERIFY(!editor.scene.layerItem(conv)->frozen());
    editor.click(lock);
    QVERIFY(!editor.network().layers[0].trainable);
    QCOMPARE(editor.document.undoStack()->count(), 1);
    QCOMPARE(editor.document.undoStack()->text(0), QStringLiteral("Freeze Conv2D"));
    // The canvas redraws: the lock is closed and the layer looks frozen.
    QVERIFY(editor.scene.lockItem(conv)->frozen());
    QVERIFY(editor.scene.layerItem(conv)->frozen());
    QVERIFY(editor.scene.layerItem(conv)->content().toolTip.contains(QStringLiteral("Frozen")));

    editor.document.undoStack()->undo();
    QVERIFY(editor.network().layers[0].trainable);
    QVERIFY(!editor.scene.lockItem(conv)->frozen());
    editor.document.undoStack()->redo();
    QVERIFY(!editor.network().layers[0].trainable);
    // A second click unfreezes.
    editor.click(editor.scene.lockItem(conv));
    QVERIFY(editor.network().layers[0].trainable);
    QCOMPARE(editor.document.undoStack()->count(), 2);
}

void TestTransfer::onlyLayersWithWeightsHaveALock() {
    Editor editor(digitsConvProject());
    QVERIFY(editor.scene.lockItem(editor.idAt(0)));   // conv
    QVERIFY(!editor.scene.lockItem(editor.idAt(1)));  // relu
    QVERIFY(!editor.scene.lockItem(editor.idAt(2)));  // flatten
    QVERIFY(editor.scene.lockItem(editor.idAt(3)));   // dense
}

void TestTransfer::panelAndMenuFreezeToo() {
    Editor editor(digitsConvProject());
    PropertiesPanel panel(&editor.document);
    panel.show();
    const int dense = editor.idAt(3);
    panel.setLayer(dense);
    QVERIFY(panel.frozenBox()->isVisible());
    QVERIFY(!panel.frozenBox()->isChecked());
    QTest::mouseClick(panel.frozenBox(), Qt::LeftButton);
    QVERIFY(!editor.network().layers[3].trainable);
    QVERIFY(editor.scene.lockItem(dense)->frozen());
    editor.document.undoStack()->undo();
    QVERIFY(!panel.frozenBox()->isChecked());  // follows undo
    panel.setLayer(editor.idAt(1));
    QVERIFY(!panel.frozenBox()->isVisible());  // a ReLU has nothing to freeze

    std::unique_ptr<QMenu> menu(editor.scene.layerMenu(dense));
    QVERIFY(menu);
    auto* freeze = menu->findChild<QAction*>(QStringLiteral("freeze"));
    QVERIFY(freeze && freeze->isCheckable() && !freeze->isChecked());
    freeze->trigger();
    QVERIFY(!editor.network().layers[3].trainable);
    std::unique_ptr<QMenu> relu(editor.scene.layerMenu(editor.idAt(1)));
    QVERIFY(!relu->findChild<QAction*>(QStringLiteral("freeze")));
}

void TestTransfer::savedFileKeepsTheFlag() {
    Editor editor(digitsConvProject());
    editor.click(editor.scene.lockItem(editor.idAt(0)));
    QTemporaryDir dir;
    const std::string path = (dir.path() + "/frozen.nnplay").toStdString();
    ProjectFile::save(path, editor.document.project());
    const Project back = ProjectFile::load(path);
    QVERIFY(!back.network().layers[0].trainable);
    QVERIFY(back.network().layers[3].trainable);
}

void TestTransfer::importDialogImportsChosenLayersWithWeights() {
    Editor editor(digitsConvProject());
    QVERIFY(editor.document.dataInfo());
    const NetworkSpec before = editor.network();
    const Project source = trainedSource();
    ImportLayersDialog dialog(source, QStringLiteral("fashion.nnplay"), &editor.document);
    // Offered by default: the convolution base, up to the Flatten.
    QCOMPARE(dialog.layerList()->count(), 5);
    QCOMPARE(dialog.layerList()->selectedItems().size(), 3);
    QVERIFY(dialog.layerList()->item(0)->text().contains(QStringLiteral("40 trained weights")));
    dialog.setReplaceCount(0);
    QVERIFY(!dialog.transfer());  // a Conv2D after the Flatten
    QVERIFY2(dialog.message().contains(QStringLiteral("Conv2D (layer 4)")),
             qPrintable(dialog.message()));
    dialog.setReplaceCount(3);
    QVERIFY(dialog.transfer());
    QVERIFY(dialog.buttons()->button(QDialogButtonBox::Ok)->isEnabled());
    dialog.accept();

    const NetworkSpec& after = editor.network();
    QCOMPARE(after.layers.size(), std::size_t(5));
    QVERIFY(after.layers[0].params[0] == source.network().layers[0].params[0]);
    QVERIFY(after.layers[0].params[1] == source.network().layers[0].params[1]);
    QVERIFY(!after.layers[0].trainable);
    QVERIFY(after.layers[3].trainable);
    QCOMPARE(editor.document.undoStack()->count(), 1);
    QVERIFY(editor.scene.lockItem(after.layers[0].id)->frozen());
    editor.document.undoStack()->undo();
    QCOMPARE(editor.network(), before);

    // The whole network: the Dense after the Flatten was made for 28x28 images and starts
    // fresh, and the dialog says so before anything changes.
    ImportLayersDialog whole(source, QStringLiteral("fashion.nnplay"), &editor.document);
    whole.selectRange(0, 5);
    whole.setReplaceCount(5);
    QVERIFY(whole.transfer());
    QVERIFY2(whole.message().contains(QStringLiteral("Dense (layer 4)")),
             qPrintable(whole.message()));
    QVERIFY(whole.message().contains(QStringLiteral("start fresh")));
    QCOMPARE(editor.network(), before);
    whole.accept();
    QVERIFY(editor.network().layers[3].params.empty());
    QVERIFY(!editor.network().layers[0].params.empty());
}

void TestTransfer::importThatDoesNotFitIsRefused() {
    Project flat = digitsConvProject();
    flat.data.source = "circle";
    flat.network() = NetworkSpec::multilayer({4, 1}, "tanh", "sigmoid");
    flat.training.loss = LossKind::Bce;
    Editor editor(flat);
    const NetworkSpec before = editor.network();
    ImportLayersDialog dialog(trainedSource(), QStringLiteral("fashion.nnplay"), &editor.document);
    QVERIFY(!dialog.transfer());
    QVERIFY2(dialog.message().contains(QStringLiteral("Conv2D (layer 1)")),
             qPrintable(dialog.message()));
    QVERIFY(!dialog.buttons()->button(QDialogButtonBox::Ok)->isEnabled());
    dialog.accept();
    QCOMPARE(editor.network(), before);
    QCOMPARE(editor.document.undoStack()->count(), 0);
}

// Paused after some training, the learner freezes the first layer and goes on: the weights
// trained so far stay (no fresh start), the frozen layer keeps them, the others keep learning.
void TestTransfer::freezingWhilePausedKeepsTheTrainedWeights() {
    MainWindow window;
    window.show();
    window.files()->openProject(digitsConvProject());
    TrainingController* training = window.training();
    QVERIFY(nnplay::test::waitForValidSession(training));
    training->send(&TrainingWorker::trainEpochs, 2);
    QVERIFY(waitUntil(
        [&] {
            const auto& s = training->lastSnapshot();
            return s.epoch == 2 && !s.running;
        },
        "two epochs are trained"));
    std::vector<NamedNetwork> trained;
    History history;
    QVERIFY(training->fetchCurrentState(trained, history));
    const int conv = trained.front().spec.layers[0].id;

    const int generation = training->generation();
    QVERIFY(window.scene()->setLayerFrozen(conv, true));
    // The edit reaches the worker at the end of the event, as a rebuild keeping the weights.
    QVERIFY(
        waitUntil([&] { return training->generation() != generation; }, "the session is rebuilt"));
    QVERIFY(nnplay::test::waitForValidSession(training));
    QCOMPARE(training->lastSnapshot().epoch, 2);  // not a fresh start
    training->send(&TrainingWorker::trainEpochs, 2);
    QVERIFY(waitUntil(
        [&] {
            const auto& s = training->lastSnapshot();
            return s.epoch == 4 && !s.running;
        },
        "two more epochs are trained"));
    std::vector<NamedNetwork> later;
    QVERIFY(training->fetchCurrentState(later, history));
    const auto& was = trained.front().spec.layers;
    const auto& now = later.front().spec.layers;
    QVERIFY(!now[0].trainable);
    QVERIFY(now[0].params[0] == was[0].params[0]);
    QVERIFY(now[0].params[1] == was[0].params[1]);
    QVERIFY(!(now[3].params[0] == was[3].params[0]));
}

void TestTransfer::importerReadsTheFile() {
    Editor editor(digitsConvProject());
    QWidget host;
    LayerImporter importer(&editor.document, nullptr, &host);
    QTemporaryDir dir;
    const QString path = dir.path() + "/source.nnplay";
    const Project source = trainedSource();
    ProjectFile::save(path.toStdString(), source);
    QSignalSpy opened(&importer, &LayerImporter::dialogOpened);
    QVERIFY(importer.openFrom(path));
    QCOMPARE(opened.count(), 1);
    auto* dialog = opened.at(0).at(0).value<ImportLayersDialog*>();
    QVERIFY(dialog && dialog->isVisible());
    QTest::mouseClick(dialog->buttons()->button(QDialogButtonBox::Ok), Qt::LeftButton);
    // By default the base takes the place of the current one, up to its Flatten.
    QCOMPARE(editor.network().layers.size(), std::size_t(5));
    QVERIFY(editor.network().layers[0].params[0] == source.network().layers[0].params[0]);
}

// Lesson 19 ships a frozen base: opening it, switching to "from scratch" and back brings the
// shipped weights back, and undo of the switch too.
void TestTransfer::lessonVariantsKeepTheShippedBase() {
    const ProjectCatalog lessons = ProjectCatalog::shipped("lessons");
    const ProjectCatalog::Entry* entry = lessons.find(QStringLiteral("transfer-learning"));
    QVERIFY(entry);
    const NetworkSpec shipped = entry->project.network();
    QVERIFY(!shipped.layers[0].trainable && !shipped.layers[0].params.empty());
    MainWindow window;
    window.show();
    window.files()->openProject(entry->project);
    LessonController* lesson = window.lesson();
    QTRY_COMPARE(lesson->currentVariant(), 0);
    const NetworkSpec& network = window.document()->project().network();
    QVERIFY(network.layers[0].params[0] == shipped.layers[0].params[0]);

    QVERIFY(lesson->switchToVariant(1));
    QVERIFY(window.document()->project().network().layers[0].params.empty());
    QVERIFY(window.document()->project().network().layers[0].trainable);
    QVERIFY(lesson->switchToVariant(0));
    const NetworkSpec& back = window.document()->project().network();
    QVERIFY(!back.layers[0].trainable);
    QVERIFY(!back.layers[0].params.empty());
    QVERIFY(back.layers[0].params[0] == shipped.layers[0].params[0]);
    QVERIFY(back.layers[2].params[0] == shipped.layers[2].params[0]);
    QTRY_COMPARE(lesson->currentVariant(), 0);
    window.document()->undoStack()->undo();
    QVERIFY(window.document()->project().network().layers[0].params.empty());
    window.document()->undoStack()->undo();
    QVERIFY(window.document()->project().network().layers[0].params[0] ==
            shipped.layers[0].params[0]);
}

QTEST_MAIN(TestTransfer)
#include "test_transfer.moc"
