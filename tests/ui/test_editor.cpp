// SPDX-License-Identifier: GPL-3.0-or-later
// The network editor driven like a learner drives it: palette drags dropped on the canvas,
// mouse drags, clicks and keys, checked against the document and its undo stack.

#include <QAbstractItemModel>
#include <QDoubleSpinBox>
#include <QDragEnterEvent>
#include <QLineEdit>
#include <QMimeData>
#include <QPushButton>
#include <QScrollBar>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTreeWidgetItem>
#include <QtTest>
#include <memory>

#include "Project.h"
#include "document/DocumentEdits.h"
#include "document/EditSettingsCommand.h"
#include "document/MergeIds.h"
#include "document/ProjectDocument.h"
#include "editor/FeatureItem.h"
#include "editor/LayerItem.h"
#include "editor/LayerMime.h"
#include "editor/LayerPalette.h"
#include "editor/LayerPaletteTree.h"
#include "editor/LinkBundleItem.h"
#include "editor/NetworkScene.h"
#include "editor/NetworkView.h"
#include "editor/NeuronItem.h"
#include "editor/OutputItem.h"
#include "editor/PropertiesPanel.h"
#include "editor/UnitButtonItem.h"
#include "layers/LayerRegistry.h"
#include "train/EditRules.h"
#include "train/TrainingSnapshot.h"

using namespace nnplay;
using namespace nnplay::ui;

namespace {

/// A document with the default project, shown in a scene and a view of a fixed size.
struct Editor {
    ProjectDocument document;
    NetworkScene scene{&document};
    NetworkView view{&scene};

    Editor() {
        document.reset(Project::defaultProject(), {});
        view.resize(1100, 560);
        view.show();
    }
    const NetworkSpec& network() const { return document.project().network(); }
    int undoCount() { return document.undoStack()->count(); }
    QWidget* viewport() { return view.viewport(); }
    QPoint toView(const QPointF& scenePos) const { return view.mapFromScene(scenePos); }
    int idAt(int index) const { return network().layers[static_cast<std::size_t>(index)].id; }
};

/// The palette's own drag data for a layer type (what a real drag from the palette carries).
std::unique_ptr<QMimeData> paletteMime(LayerPalette& palette, const QString& type) {
    QTreeWidgetItem* item = palette.itemForType(type);
    if (!item) return nullptr;
    const QModelIndex index = palette.tree()->indexFromItem(item);
    return std::unique_ptr<QMimeData>(palette.tree()->model()->mimeData({index}));
}

/// Sends enter, move and drop of `mime` at `pos` (viewport coordinates). Returns whether the
/// view accepted the drag.
bool dropAt(Editor& editor, const QMimeData* mime, const QPoint& pos, int* markerDuringDrag) {
    QDragEnterEvent enter(pos, Qt::CopyAction, mime, Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(editor.viewport(), &enter);
    if (!enter.isAccepted()) return false;
    QDragMoveEvent move(pos, Qt::CopyAction, mime, Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(editor.viewport(), &move);
    if (markerDuringDrag) *markerDuringDrag = editor.scene.insertionMarkerIndex();
    QDropEvent drop(QPointF(pos), Qt::CopyAction, mime, Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(editor.viewport(), &drop);
    return drop.isAccepted();
}

void clickScene(Editor& editor, const QPointF& scenePos) {
    QTest::mouseClick(editor.viewport(), Qt::LeftButton, {}, editor.toView(scenePos));
}

/// Gives the document trained parameters (as training would store them) and a history.
void fakeTraining(ProjectDocument& document) {
    NetworkSpec trained = document.project().network();
    int inputs = static_cast<int>(document.project().data.features.size());
    for (auto& layer : trained.layers) {
        if (layer.type != "dense") continue;
        const int units = static_cast<int>(layer.setting("units"));
        layer.params = {Matrix::Constant(units, inputs, 0.5f), Matrix::Constant(units, 1, 0.1f)};
        inputs = units;
    }
    History history;
    for (int e = 1; e <= 3; ++e) history.set(history.addRow(), HistoryColumn::kEpoch, float(e));
    document.setTrainedState({{nnplay::Project::kModel, trained}}, history);
}

}  // namespace

class TestEditor : public QObject {
    Q_OBJECT

private slots:
    void paletteShowsRegistryGroups();
    void paletteFilter();
    void dropInsertsLayer_data();
    void dropInsertsLayer();
    void foreignDropIsRefused();
    void mouseDragReordersLayer_data();
    void mouseDragReordersLayer();
    void clickSelectsAndDeleteRemoves();
    void unitButtonsChangeUnits();
    void plusAndMinusKeysChangeUnits();
    void dropOutsideTheNetworkCancels();
    void structuralEditDropsAndUndoRestoresWeights();
    void nonStructuralEditKeepsWeights();
    void featureTogglesEditData();
    void invalidNetworkMarksLayer();
    void imageDataShowsInputBlock();
    void snapshotFillsNeuronsAndLinks();
    void ganLayersShowTheirWeightsAndTheOutputSaysItOnce();
    void hoverReportsNeuron();
    void deadAndSaturatedUnitsAreMarked();
    void viewFitsWholeNetwork_data();
    void viewFitsWholeNetwork();
    void chipsKeepingTheShapeHaveNoFooter();
    void propertiesPanelMergesTyping();
    void propertiesPanelFollowsDocument();
    void editFunctionsPushOnlyChanges();
    void editsAddressNetworksByName();
};

void TestEditor::paletteShowsRegistryGroups() {
    LayerPalette palette;
    QStringList expected;
    for (const LayerInfo& info : LayerRegistry::builtin().all())
        expected << QString::fromStdString(info.type);
    QCOMPARE(palette.visibleTypes().size(), expected.size());
    for (const QString& type : expected) {
        QTreeWidgetItem* item = palette.itemForType(type);
        QVERIFY2(item, qPrintable(type));
        const LayerInfo& info = LayerRegistry::builtin().get(type.toStdString());
        QCOMPARE(item->text(0), QString::fromStdString(info.displayName));
        QCOMPARE(item->toolTip(0), QString::fromStdString(info.description));
        QCOMPARE(item->parent()->text(0), QString::fromStdString(info.group));
        QVERIFY(item->flags() & Qt::ItemIsDragEnabled);
        const auto mime = paletteMime(palette, type);
        QVERIFY(mime);
        QVERIFY(mime->hasFormat(LayerMime::kMimeType));
        QCOMPARE(LayerMime::decode(mime.get()), type);
    }
    QCOMPARE(palette.itemForType("dense")->parent()->text(0), QString("Core"));
    QCOMPARE(palette.itemForType("tanh")->parent()->text(0), QString("Activations"));
    // Group headers carry no drag data.
    const QModelIndex group = palette.tree()->model()->index(0, 0);
    QVERIFY(!(palette.tree()->model()->flags(group) & Qt::ItemIsDragEnabled));
}

void TestEditor::paletteFilter() {
    LayerPalette palette;
    QTest::keyClicks(palette.filterEdit(), "relu");
    QCOMPARE(palette.visibleTypes(), QStringList({"relu", "leaky_relu"}));
    QVERIFY(palette.itemForType("dense")->parent()->isHidden());  // Core has no match
    palette.setFilter("PROBABIL");  // descriptions match too, case-insensitively
    QVERIFY(palette.visibleTypes().contains("softmax"));
    QVERIFY(!palette.visibleTypes().contains("relu"));
    palette.setFilter("");
    QCOMPARE(palette.visibleTypes().size(),
             static_cast<qsizetype>(LayerRegistry::builtin().all().size()));
}

void TestEditor::dropInsertsLayer_data() {
    QTest::addColumn<QString>("type");
    QTest::addColumn<int>("index");
    QTest::newRow("relu first") << "relu" << 0;
    QTest::newRow("dropout after first activation") << "dropout" << 2;
    QTest::newRow("leaky relu in the middle") << "leaky_relu" << 3;
    QTest::newRow("dense at the end") << "dense" << 6;
}

void TestEditor::dropInsertsLayer() {
    QFETCH(QString, type);
    QFETCH(int, index);
    Editor editor;
    LayerPalette palette;
    QSignalSpy selected(&editor.scene, &NetworkScene::layerSelected);
    const NetworkSpec before = editor.network();
    const auto mime = paletteMime(palette, type);
    QVERIFY(mime);

    const QPoint pos = editor.toView(editor.scene.insertionPoint(index));
    QCOMPARE(editor.scene.insertionIndexAt(editor.view.mapToScene(pos)), index);
    int marker = -2;
    QVERIFY(dropAt(editor, mime.get(), pos, &marker));

    QCOMPARE(marker, index);
    QCOMPARE(editor.scene.insertionMarkerIndex(), -1);
    QCOMPARE(editor.undoCount(), 1);
    QCOMPARE(editor.network().layers.size(), before.layers.size() + 1);
    const LayerSpec& inserted = editor.network().layers[static_cast<std::size_t>(index)];
    QCOMPARE(QString::fromStdString(inserted.type), type);
    QCOMPARE(before.indexOf(inserted.id), -1);
    QCOMPARE(editor.scene.selectedLayerId(), inserted.id);
    QCOMPARE(selected.last().at(0).toInt(), inserted.id);
    QVERIFY(editor.scene.layerItemAt(index));
    QCOMPARE(editor.scene.layerItemAt(index)->layerId(), inserted.id);
    const NetworkSpec after = editor.network();

    editor.document.undoStack()->undo();
    QCOMPARE(editor.network(), before);
    QCOMPARE(editor.scene.layout().layerCount(), static_cast<int>(before.layers.size()));
    editor.document.undoStack()->redo();
    QCOMPARE(editor.network(), after);
}

void TestEditor::foreignDropIsRefused() {
    Editor editor;
    QMimeData text;
    text.setText("dense");
    const QPoint pos = editor.toView(editor.scene.insertionPoint(1));
    QVERIFY(!dropAt(editor, &text, pos, nullptr));
    QMimeData unknown;
    unknown.setData(LayerMime::kMimeType, "no_such_layer");
    QVERIFY(!dropAt(editor, &unknown, pos, nullptr));
    QCOMPARE(editor.undoCount(), 0);
    QCOMPARE(editor.network(), Project::defaultProject().network());
}

void TestEditor::mouseDragReordersLayer_data() {
    QTest::addColumn<int>("from");
    QTest::addColumn<int>("gap");
    QTest::addColumn<int>("expectedIndex");
    QTest::newRow("first dense to after its tanh") << 0 << 2 << 1;
    QTest::newRow("sigmoid to the front") << 5 << 0 << 0;
    QTest::newRow("tanh to the end") << 1 << 6 << 5;
    QTest::newRow("onto itself: nothing") << 2 << 3 << 2;
}

void TestEditor::mouseDragReordersLayer() {
    QFETCH(int, from);
    QFETCH(int, gap);
    QFETCH(int, expectedIndex);
    Editor editor;
    const NetworkSpec before = editor.network();
    const int id = editor.idAt(from);
    LayerItem* item = editor.scene.layerItemAt(from);
    QVERIFY(item);
    // Grab the layer in its header, below the title and away from the ± buttons.
    const QPointF grab = item->mapToScene(QPointF(item->boundingRect().center().x(), 14));
    const QPointF target = editor.scene.insertionPoint(gap);

    QTest::mousePress(editor.viewport(), Qt::LeftButton, {}, editor.toView(grab));
    for (int step = 1; step <= 6; ++step) {
        const QPointF at = grab + (QPointF(target.x(), grab.y()) - grab) * (step / 6.0);
        QTest::mouseMove(editor.viewport(), editor.toView(at));
        if (step == 3) QVERIFY(editor.scene.isDraggingLayer());
    }
    const bool moves = gap != from && gap != from + 1;
    QCOMPARE(editor.scene.insertionMarkerIndex(), moves ? gap : -1);
    QTest::mouseRelease(editor.viewport(), Qt::LeftButton, {},
                        editor.toView(QPointF(target.x(), grab.y())));

    QCOMPARE(editor.scene.insertionMarkerIndex(), -1);
    QCOMPARE(editor.undoCount(), moves ? 1 : 0);
    QCOMPARE(editor.network().indexOf(id), expectedIndex);
    QCOMPARE(editor.network().layers.size(), before.layers.size());
    // The drawing follows: the item of this id sits at its new column.
    QTRY_VERIFY(editor.scene.layerItem(id));
    QCOMPARE(editor.scene.layerItem(id)->pos(),
             editor.scene.layout().layer(expectedIndex).rect.topLeft());
    if (moves) {
        editor.document.undoStack()->undo();
        QCOMPARE(editor.network(), before);
    }
}

void TestEditor::plusAndMinusKeysChangeUnits() {
    Editor editor;
    const int denseId = editor.idAt(0);
    editor.scene.selectLayer(denseId);
    editor.view.setFocus();
    QTest::keyClick(&editor.view, Qt::Key_Plus);
    QCOMPARE(editor.network().layers[0].setting("units"), 5.0);
    QTest::keyClick(&editor.view, Qt::Key_Equal);  // + without Shift
    QCOMPARE(editor.network().layers[0].setting("units"), 6.0);
    QTest::keyClick(&editor.view, Qt::Key_Minus);
    QCOMPARE(editor.network().layers[0].setting("units"), 5.0);
    QCOMPARE(editor.undoCount(), 3);
    QCOMPARE(editor.scene.selectedLayerId(), denseId);  // still selected for the next key
    // A layer without units ignores the keys; nothing selected, nothing changes.
    editor.scene.selectLayer(editor.idAt(1));
    QTest::keyClick(&editor.view, Qt::Key_Plus);
    editor.scene.selectLayer(-1);
    QTest::keyClick(&editor.view, Qt::Key_Minus);
    QCOMPARE(editor.undoCount(), 3);
}

void TestEditor::dropOutsideTheNetworkCancels() {
    Editor editor;
    LayerPalette palette;
    const NetworkSpec before = editor.network();
    const QRectF drawn = editor.scene.layout().bounds();
    // The canvas around the network: corners and edges of the view outside what is drawn.
    const QRect area = editor.viewport()->rect().adjusted(3, 3, -3, -3);
    int outsideSpots = 0;
    for (const QPoint& pos : {area.topLeft(), area.topRight(), area.bottomLeft(),
                              area.bottomRight(), QPoint(area.center().x(), area.bottom())}) {
        if (drawn.contains(editor.view.mapToScene(pos))) continue;
        ++outsideSpots;
        const auto mime = paletteMime(palette, "dense");
        QVERIFY(!dropAt(editor, mime.get(), pos, nullptr));
        QCOMPARE(editor.scene.insertionMarkerIndex(), -1);
    }
    QVERIFY2(outsideSpots > 0, "the view shows canvas around the network");
    QCOMPARE(editor.undoCount(), 0);

    // A layer dragged out of the view and let go there goes back where it was.
    const int id = editor.idAt(1);
    LayerItem* item = editor.scene.layerItemAt(1);
    const QPoint grab =
        editor.toView(item->mapToScene(QPointF(item->boundingRect().center().x(), 14)));
    const QPoint away(editor.viewport()->width() + 80, grab.y());
    QTest::mousePress(editor.viewport(), Qt::LeftButton, {}, grab);
    for (int step = 1; step <= 6; ++step) {
        QTest::mouseMove(editor.viewport(), grab + (away - grab) * step / 6);
    }
    QVERIFY(editor.scene.isDraggingLayer());
    QCOMPARE(editor.scene.insertionMarkerIndex(), -1);
    QTest::mouseRelease(editor.viewport(), Qt::LeftButton, {}, away);
    QCOMPARE(editor.undoCount(), 0);
    QCOMPARE(editor.network(), before);
    QTRY_VERIFY(editor.scene.layerItem(id));
    QCOMPARE(editor.scene.layerItem(id)->pos(), editor.scene.layout().layer(1).rect.topLeft());
}

void TestEditor::clickSelectsAndDeleteRemoves() {
    Editor editor;
    QSignalSpy selected(&editor.scene, &NetworkScene::layerSelected);
    const NetworkSpec before = editor.network();
    const int tanhId = editor.idAt(1);
    LayerItem* chip = editor.scene.layerItemAt(1);
    clickScene(editor, chip->mapToScene(
                           QPointF(chip->boundingRect().center().x(), NetworkLayout::centerY())));
    QCOMPARE(editor.scene.selectedLayerId(), tanhId);
    QCOMPARE(selected.count(), 1);
    QCOMPARE(selected.last().at(0).toInt(), tanhId);

    editor.view.setFocus();
    QTest::keyClick(&editor.view, Qt::Key_Delete);
    QCOMPARE(editor.undoCount(), 1);
    QCOMPARE(editor.network().layers.size(), before.layers.size() - 1);
    QCOMPARE(editor.network().indexOf(tanhId), -1);
    QCOMPARE(editor.scene.selectedLayerId(), -1);
    QCOMPARE(selected.last().at(0).toInt(), -1);

    // Nothing selected: Delete does nothing.
    QTest::keyClick(&editor.view, Qt::Key_Delete);
    QCOMPARE(editor.undoCount(), 1);

    editor.document.undoStack()->undo();
    QCOMPARE(editor.network(), before);

    // Clicking the empty canvas clears the selection.
    editor.scene.selectLayer(tanhId);
    clickScene(editor, editor.scene.insertionPoint(0) +
                           QPointF(0, -NetworkLayout::kContentHeight / 2 - 40));
    QCOMPARE(editor.scene.selectedLayerId(), -1);
}

void TestEditor::unitButtonsChangeUnits() {
    Editor editor;
    const NetworkSpec before = editor.network();
    const int denseId = editor.idAt(0);
    auto click = [&](int delta) {
        UnitButtonItem* button = editor.scene.unitButton(denseId, delta);
        QVERIFY(button);
        clickScene(editor, button->sceneBoundingRect().center());
    };
    click(+1);
    QCOMPARE(editor.network().layers[0].setting("units"), 5.0);
    QCOMPARE(editor.undoCount(), 1);
    QVERIFY(editor.scene.neuronItem(0, 4));  // redrawn with five neurons
    QVERIFY(!editor.scene.neuronItem(0, 5));
    QCOMPARE(editor.scene.linkBundle(0)->layerIndex(), 0);
    click(-1);
    click(-1);
    QCOMPARE(editor.network().layers[0].setting("units"), 3.0);
    QCOMPARE(editor.undoCount(), 3);  // clicks are separate steps

    // The output layer has one unit: its − button is disabled and does nothing.
    const int outputId = editor.idAt(4);
    UnitButtonItem* minus = editor.scene.unitButton(outputId, -1);
    QVERIFY(minus && !minus->isEnabled());
    clickScene(editor, minus->sceneBoundingRect().center());
    QCOMPARE(editor.undoCount(), 3);
    QCOMPARE(editor.network().layers[4].setting("units"), 1.0);

    while (editor.document.undoStack()->canUndo()) editor.document.undoStack()->undo();
    QCOMPARE(editor.network(), before);
}

void TestEditor::structuralEditDropsAndUndoRestoresWeights() {
    Editor editor;
    fakeTraining(editor.document);
    const Project trained = editor.document.project();
    QVERIFY(trained.network().hasParams());
    QSignalSpy changed(&editor.document, &ProjectDocument::networkChanged);

    QVERIFY(editor.scene.changeUnits(editor.idAt(2), +1));
    QCOMPARE(changed.count(), 1);
    QCOMPARE(changed.last().at(0).toBool(), true);  // structural: the worker resets
    QVERIFY(!editor.network().hasParams());
    QVERIFY(editor.document.project().history.empty());

    editor.document.undoStack()->undo();
    QCOMPARE(changed.last().at(0).toBool(), true);
    QCOMPARE(editor.network(), trained.network());
    QCOMPARE(editor.document.project().history.size(), trained.history.size());

    // Inserting, moving and removing are structural too; so is a data change.
    QVERIFY(insertLayer(editor.document, 0, "relu") >= 0);
    QVERIFY(!editor.network().hasParams());
    editor.document.undoStack()->undo();
    QVERIFY(editor.network().hasParams());
    QVERIFY(editor.scene.toggleFeature("x1^2"));
    QVERIFY(!editor.network().hasParams());
    editor.document.undoStack()->undo();
    QCOMPARE(editor.network(), trained.network());
}

void TestEditor::nonStructuralEditKeepsWeights() {
    Editor editor;
    const int leakyId = insertLayer(editor.document, 1, "leaky_relu");
    fakeTraining(editor.document);
    const NetworkSpec trained = editor.network();
    QSignalSpy changed(&editor.document, &ProjectDocument::networkChanged);

    QVERIFY(setLayerSetting(editor.document, leakyId, "alpha", 0.2));
    QCOMPARE(changed.count(), 1);
    QCOMPARE(changed.last().at(0).toBool(), false);
    QVERIFY(editor.network().hasParams());
    QCOMPARE(editor.network().layers[1].setting("alpha"), 0.2);
    QVERIFY(!networkEditNeedsFreshWeights(trained, editor.network()));

    // Training goes on and stores newer weights; undoing the setting keeps them.
    NetworkSpec newer = editor.network();
    newer.layers[0].params[0](0, 0) = 42.0f;
    editor.document.setTrainedState({{nnplay::Project::kModel, newer}}, {});
    editor.document.undoStack()->undo();
    QCOMPARE(editor.network().layers[1].setting("alpha"), trained.layers[1].setting("alpha"));
    QCOMPARE(editor.network().layers[0].params[0](0, 0), 42.0f);
}

void TestEditor::featureTogglesEditData() {
    Editor editor;
    const DataSpec before = editor.document.project().data;
    QCOMPARE(before.features, (std::vector<std::string>{"x1", "x2"}));
    QVERIFY(editor.scene.featureItem("x1")->isActive());
    QVERIFY(!editor.scene.featureItem("x1^2")->isActive());

    clickScene(editor, editor.scene.featureItem("x1^2")->sceneBoundingRect().center());
    QCOMPARE(editor.document.project().data.features,
             (std::vector<std::string>{"x1", "x2", "x1^2"}));
    QCOMPARE(editor.undoCount(), 1);
    QVERIFY(editor.scene.featureItem("x1^2")->isActive());
    QCOMPARE(editor.scene.shapeReport().layers.at(0).paramCount, 4 * 3 + 4);

    // Turn off x1 and x2: x1^2 is left and cannot be turned off.
    clickScene(editor, editor.scene.featureItem("x1")->sceneBoundingRect().center());
    clickScene(editor, editor.scene.featureItem("x2")->sceneBoundingRect().center());
    QCOMPARE(editor.document.project().data.features, (std::vector<std::string>{"x1^2"}));
    clickScene(editor, editor.scene.featureItem("x1^2")->sceneBoundingRect().center());
    QCOMPARE(editor.document.project().data.features, (std::vector<std::string>{"x1^2"}));
    QCOMPARE(editor.undoCount(), 3);

    while (editor.document.undoStack()->canUndo()) editor.document.undoStack()->undo();
    QCOMPARE(editor.document.project().data, before);
    QVERIFY(!editor.scene.featureItem("x1^2")->isActive());
}

void TestEditor::invalidNetworkMarksLayer() {
    Editor editor;
    QVERIFY(editor.scene.networkValid());
    QSignalSpy validity(&editor.scene, &NetworkScene::validityChanged);
    const int outputId = editor.idAt(4);

    // Binary cross-entropy wants one output: three is an error on that layer.
    QVERIFY(editor.scene.changeUnits(outputId, +2));
    QCOMPARE(validity.count(), 1);
    QCOMPARE(validity.last().at(0).toBool(), false);
    const QString message = validity.last().at(1).toString();
    QVERIFY2(message.contains("Dense"), qPrintable(message));
    QVERIFY(!editor.scene.networkValid());
    QCOMPARE(editor.scene.validityMessage(), message);
    QVERIFY(editor.scene.layerItem(outputId)->hasError());
    QVERIFY(editor.scene.layerItem(outputId)->toolTip().contains(message));
    QVERIFY(!editor.scene.layerItemAt(0)->hasError());

    editor.document.undoStack()->undo();
    QCOMPARE(validity.count(), 2);
    QCOMPARE(validity.last().at(0).toBool(), true);
    QVERIFY(validity.last().at(1).toString().isEmpty());
    QVERIFY(!editor.scene.layerItem(outputId)->hasError());

    // Removing the sigmoid leaves bce without its output activation.
    editor.scene.selectLayer(editor.idAt(5));
    QVERIFY(editor.scene.removeSelectedLayer());
    QVERIFY(!editor.scene.networkValid());
    QVERIFY(editor.scene.layerItemAt(4)->hasError());
}

void TestEditor::imageDataShowsInputBlock() {
    Editor editor;
    QSignalSpy validity(&editor.scene, &NetworkScene::validityChanged);
    DataSpec digits = editor.document.project().data;
    digits.source = "digits";
    QVERIFY(editData(editor.document, digits, "Use digits"));
    // The document describes the digits without loading them: 1x8x8 pictures of ten classes.
    QVERIFY(editor.document.dataInfo().has_value());
    QCOMPARE(editor.document.dataInfo()->inputShape, (Shape{1, 8, 8}));
    QVERIFY(!editor.scene.featureItem("x1"));
    QCOMPARE(validity.count(), 1);
    QVERIFY(!editor.scene.networkValid());  // one sigmoid output for ten classes
    QVERIFY(editor.scene.validityMessage().contains(QStringLiteral("10")));
    QCOMPARE(editor.scene.shapeReport().layers.at(0).paramCount, 64 * 4 + 4);
    QVERIFY(!editor.scene.linkBundle(0));  // 64 inputs are not drawn one by one
}

void TestEditor::snapshotFillsNeuronsAndLinks() {
    Editor editor;
    QVERIFY(!editor.scene.neuronItem(0, 0)->hasImage());
    QVERIFY(!editor.scene.linkBundle(0)->hasWeights());

    TrainingSnapshot snapshot;
    snapshot.thumbnailSize = 4;
    snapshot.thumbnails.resize(6);
    const std::vector<int> units{4, 4, 2, 2, 1, 1};
    for (int layer = 0; layer < 6; ++layer) {
        snapshot.thumbnails[static_cast<std::size_t>(layer)].assign(
            static_cast<std::size_t>(units[static_cast<std::size_t>(layer)]),
            std::vector<float>(16, 0.5f));
    }
    snapshot.weights.resize(6);
    snapshot.weights[0] = Matrix::Constant(4, 2, -0.7f);
    snapshot.weights[2] = Matrix::Constant(3, 3, 1.0f);  // does not fit: ignored
    editor.scene.setSnapshot(snapshot);

    QVERIFY(editor.scene.neuronItem(0, 3)->hasImage());
    QCOMPARE(editor.scene.neuronItem(0, 0)->layerIndex(), 1);  // shows the tanh output
    QVERIFY(editor.scene.linkBundle(0)->hasWeights());
    QVERIFY(!editor.scene.linkBundle(2)->hasWeights());

    // A structural edit drops pictures that no longer fit.
    QVERIFY(editor.scene.changeUnits(editor.idAt(0), +1));
    QVERIFY(!editor.scene.neuronItem(0, 0)->hasImage());
}

void TestEditor::ganLayersShowTheirWeightsAndTheOutputSaysItOnce() {
    Editor editor;
    editor.document.reset(Project::defaultGanProject(), {});
    editor.scene.setNetworkName(Project::kDiscriminator);
    // Dense 32, ReLU, Dense 1, Sigmoid: no plane pictures and no links for the lone neuron,
    // so both dense layers are blocks of their weights.
    QCOMPARE(editor.scene.layerItemAt(0)->kind(), NetworkLayout::Kind::Block);
    QCOMPARE(editor.scene.layerItemAt(2)->kind(), NetworkLayout::Kind::Block);
    QVERIFY(!editor.scene.neuronItem(2, 0));
    TrainingSnapshot snapshot;
    snapshot.gan.discriminatorWeights.resize(4);
    snapshot.gan.discriminatorWeights[0] = Matrix::Constant(32, 2, 0.5f);
    snapshot.gan.discriminatorWeights[2] = Matrix::Constant(1, 32, -0.5f);
    editor.scene.setSnapshot(snapshot);
    QCOMPARE(editor.scene.layerItemAt(0)->heatmap().size(), QSize(2, 32));
    // One neuron's 32 weights run down the block, beside the 32 rows of the layer before.
    QCOMPARE(editor.scene.layerItemAt(2)->heatmap().size(), QSize(1, 32));

    // The verdict is named once, in the middle; the footer says where it comes from.
    const OutputItem* output = editor.scene.outputItem();
    QVERIFY(output);
    QCOMPARE(output->headline(), QStringLiteral("Real?"));
    QVERIFY(output->footerTitle().isEmpty());
    editor.scene.setNetworkName(Project::kGenerator);
    QCOMPARE(editor.scene.outputItem()->headline(), QStringLiteral("Fake"));
    QVERIFY(editor.scene.outputItem()->footerTitle().isEmpty());
    QCOMPARE(editor.scene.layerItemAt(2)->kind(), NetworkLayout::Kind::Block);  // Dense 2

    // Neurons that links join stay neurons: Dense 4 -> Tanh -> Dense 1.
    NetworkSpec small = NetworkSpec::multilayer({4, 1}, "tanh", "sigmoid");
    int id = editor.document.project().freshLayerId();
    for (LayerSpec& layer : small.layers) layer.id = id++;
    QVERIFY(editNetwork(editor.document, small, "Smaller", kMergeNone, Project::kGenerator));
    QCOMPARE(editor.scene.layerItemAt(0)->kind(), NetworkLayout::Kind::Neurons);
    QCOMPARE(editor.scene.layerItemAt(2)->kind(), NetworkLayout::Kind::Neurons);
    QVERIFY(editor.scene.linkBundle(2));

    // With pictures in the middle (a plane's classes) the footer names them.
    Editor plane;
    QVERIFY(!plane.scene.outputItem()->nodes().empty());
    QCOMPARE(plane.scene.outputItem()->footerTitle(), plane.scene.outputItem()->headline());
}

void TestEditor::deadAndSaturatedUnitsAreMarked() {
    // The default network: dense(4) tanh dense(2) tanh dense(1) sigmoid.
    Editor editor;
    using State = nnplay::SessionViews::UnitState;
    TrainingSnapshot snapshot;
    snapshot.unitStates.resize(6);
    snapshot.unitStates[1] = {State::Working, State::Saturated, State::Working, State::Saturated};
    snapshot.unitStates[3] = {State::Dead, State::Working};
    editor.scene.setSnapshot(snapshot);
    QCOMPARE(editor.scene.neuronItem(0, 1)->state(), State::Saturated);
    QVERIFY(editor.scene.neuronItem(0, 1)->toolTip().contains(QStringLiteral("Saturated")));
    QCOMPARE(editor.scene.neuronItem(0, 0)->state(), State::Working);
    QVERIFY(!editor.scene.neuronItem(0, 0)->toolTip().contains(QStringLiteral("Saturated")));
    QVERIFY(editor.scene.neuronItem(0, 1)->toolTip().startsWith(QStringLiteral("Neuron 2")));
    QCOMPARE(editor.scene.neuronItem(2, 0)->state(), State::Dead);
    QCOMPARE(editor.scene.layerItemAt(1)->note(), QStringLiteral("2 of 4\nsaturated"));
    QCOMPARE(editor.scene.layerItemAt(3)->note(), QStringLiteral("1 of 2\ndead"));
    QVERIFY(editor.scene.layerItemAt(5)->note().isEmpty());
    // Fresh weights: nothing is known about the units any more.
    editor.scene.clearSnapshot();
    QCOMPARE(editor.scene.neuronItem(2, 0)->state(), State::Working);
    QVERIFY(editor.scene.layerItemAt(3)->note().isEmpty());
}

void TestEditor::hoverReportsNeuron() {
    Editor editor;
    editor.viewport()->setMouseTracking(true);
    QSignalSpy hovered(&editor.scene, &NetworkScene::neuronHovered);
    NeuronItem* neuron = editor.scene.neuronItem(2, 1);
    QVERIFY(neuron);
    QTest::mouseMove(editor.viewport(), editor.toView(neuron->sceneBoundingRect().center()));
    QTRY_VERIFY(!hovered.isEmpty());
    QCOMPARE(hovered.last().at(0).toInt(), 3);  // dense 2 shows the tanh after it
    QCOMPARE(hovered.last().at(1).toInt(), 1);
    QTest::mouseMove(editor.viewport(),
                     editor.toView(editor.scene.insertionPoint(0) + QPointF(0, -220)));
    QTRY_COMPARE(hovered.last().at(0).toInt(), -1);
}

void TestEditor::viewFitsWholeNetwork_data() {
    QTest::addColumn<QSize>("viewSize");
    QTest::addColumn<int>("extraLayers");
    QTest::addColumn<bool>("enlarged");
    // The canvas of the main window at 1366x768 is about 480x680: the default network shrinks
    // to fit; a wide one stops at the smallest readable zoom and scrolls.
    QTest::newRow("narrow canvas, wide network") << QSize(480, 680) << 4 << false;
    QTest::newRow("narrow canvas, default network") << QSize(480, 680) << 0 << false;
    QTest::newRow("canvas at 1024x768") << QSize(330, 650) << 0 << false;
    // A big canvas enlarges a small network, up to the limit.
    QTest::newRow("big canvas, default network") << QSize(3200, 2000) << 0 << true;
    QTest::newRow("wide short canvas") << QSize(1600, 300) << 0 << false;
}

void TestEditor::viewFitsWholeNetwork() {
    QFETCH(QSize, viewSize);
    QFETCH(int, extraLayers);
    QFETCH(bool, enlarged);
    Editor editor;
    // All seven features on and more layers, like the spiral-features lesson.
    DataSpec data = editor.document.project().data;
    data.features = {"x1", "x2", "x1^2", "x2^2", "x1*x2", "sin(x1)", "sin(x2)"};
    QVERIFY(editData(editor.document, data, "features"));
    for (int i = 0; i < extraLayers; ++i)
        QVERIFY(insertLayer(editor.document, 0, i % 2 ? "tanh" : "dense") >= 0);
    editor.view.resize(viewSize);
    QCoreApplication::processEvents();

    const QRectF scene = editor.scene.sceneRect();
    const double fit =
        std::min(viewSize.width() / scene.width(), viewSize.height() / scene.height());
    const double scale = editor.view.transform().m11();
    QCOMPARE(editor.view.transform().m22(), scale);  // aspect ratio kept
    QCOMPARE(scale > 1.0, enlarged);
    if (enlarged) QCOMPARE(scale, NetworkView::kMaxScale);
    QVERIFY(scale >= NetworkView::kMinScale);
    const QRect viewport = editor.viewport()->rect();
    if (fit < NetworkView::kMinScale) {
        // Too big to fit readably: the smallest readable zoom, scrolling in the direction
        // that does not fit, and the output column in reach.
        QCOMPARE(scale, NetworkView::kMinScale);
        const bool tooWide = viewSize.width() / scene.width() < NetworkView::kMinScale;
        QScrollBar* bar =
            tooWide ? editor.view.horizontalScrollBar() : editor.view.verticalScrollBar();
        QTRY_VERIFY(bar->isVisible());
        QCOMPARE(editor.view.horizontalScrollBar()->isVisible(), tooWide);
        bar->setValue(bar->maximum());
        const QRectF output = editor.scene.layout().output().rect;
        const QPointF end =
            tooWide ? output.center() : QPointF(output.center().x(), output.bottom() - 20);
        QVERIFY(editor.viewport()->rect().contains(editor.toView(end)));
        return;
    }
    QCOMPARE(viewport.size(), viewSize);  // no scroll bars take space
    QVERIFY(!editor.view.horizontalScrollBar()->isVisible());
    QVERIFY(!editor.view.verticalScrollBar()->isVisible());
    QCOMPARE(scale, std::min(fit, NetworkView::kMaxScale));
    // Everything drawn is inside the viewport, the output column included.
    const QRect shown = editor.view.mapFromScene(scene).boundingRect();
    QVERIFY2(viewport.adjusted(-1, -1, 1, 1).contains(shown),
             qPrintable(QStringLiteral("%1,%2 %3x%4")
                            .arg(shown.x())
                            .arg(shown.y())
                            .arg(shown.width())
                            .arg(shown.height())));
    QVERIFY(viewport.contains(editor.toView(editor.scene.layout().output().rect.center())));

    // Adding a layer refits: the drawing gets wider, the zoom smaller (or the same when
    // the height limits it).
    QVERIFY(insertLayer(editor.document, 0, "dense") >= 0);
    QVERIFY(editor.scene.sceneRect().width() > scene.width());
    QVERIFY(editor.view.transform().m11() <= scale);
    if (editor.view.transform().m11() > NetworkView::kMinScale) {
        QVERIFY(viewport.adjusted(-1, -1, 1, 1)
                    .contains(editor.view.mapFromScene(editor.scene.sceneRect()).boundingRect()));
    }

    // A resize refits too, never below the readable zoom.
    editor.view.resize(viewSize / 2);
    QCoreApplication::processEvents();
    const double half = std::min(viewSize.width() / 2 / editor.scene.sceneRect().width(),
                                 viewSize.height() / 2 / editor.scene.sceneRect().height());
    QCOMPARE(editor.view.transform().m11(),
             std::clamp(half, NetworkView::kMinScale, NetworkView::kMaxScale));
}

void TestEditor::chipsKeepingTheShapeHaveNoFooter() {
    Editor editor;
    // dense(4) tanh dense(2) tanh dense(1) sigmoid: the tanh keeps 4, dense shows "→ 4".
    const LayerItem* dense = editor.scene.layerItemAt(0);
    const LayerItem* tanh = editor.scene.layerItemAt(1);
    QCOMPARE(dense->content().shapeText, QString("→ 4"));
    QCOMPARE(dense->content().paramsText, QString("12 params"));
    QVERIFY(tanh->content().shapeText.isEmpty());
    QVERIFY(tanh->content().paramsText.isEmpty());
    QVERIFY(tanh->toolTip().contains("0 params"));  // still said where it is asked for
}

void TestEditor::propertiesPanelMergesTyping() {
    Editor editor;
    PropertiesPanel panel(&editor.document);
    panel.show();
    const int dropoutId = insertLayer(editor.document, 2, "dropout");
    const NetworkSpec before = editor.network();
    panel.setLayer(dropoutId);
    auto* rate = qobject_cast<QDoubleSpinBox*>(panel.editorFor("rate"));
    QVERIFY(rate);
    QCOMPARE(rate->value(), 0.5);
    QVERIFY(!rate->toolTip().isEmpty());

    rate->setFocus();
    rate->selectAll();
    QTest::keyClicks(rate, "0.25");
    QCOMPARE(editor.network().layers[2].setting("rate"), 0.25);
    QCOMPARE(editor.undoCount(), 2);  // the insert, then one step for all the typing

    auto* units = panel.editorFor("units");
    QVERIFY(!units);  // dropout has no units
    panel.setLayer(editor.idAt(0));
    auto* unitsBox = qobject_cast<QSpinBox*>(panel.editorFor("units"));
    QVERIFY(unitsBox);
    QCOMPARE(unitsBox->value(), 4);
    unitsBox->setFocus();
    unitsBox->selectAll();
    QTest::keyClicks(unitsBox, "12");
    QCOMPARE(editor.network().layers[0].setting("units"), 12.0);
    QCOMPARE(editor.undoCount(), 3);

    editor.document.undoStack()->undo();
    QCOMPARE(unitsBox->value(), 4);  // the panel follows undo
    editor.document.undoStack()->undo();
    QCOMPARE(editor.network(), before);
}

void TestEditor::propertiesPanelFollowsDocument() {
    Editor editor;
    PropertiesPanel panel(&editor.document);
    connect(&editor.scene, &NetworkScene::layerSelected, &panel, &PropertiesPanel::setLayer);
    editor.scene.selectLayer(editor.idAt(2));
    QCOMPARE(panel.layerId(), editor.idAt(2));
    QVERIFY(panel.removeButton()->isVisibleTo(&panel));
    QTest::mouseClick(panel.removeButton(), Qt::LeftButton);
    QCOMPARE(editor.undoCount(), 1);
    QCOMPARE(panel.layerId(), -1);
    QVERIFY(!panel.removeButton()->isVisibleTo(&panel));
}

void TestEditor::editFunctionsPushOnlyChanges() {
    Editor editor;
    TrainingSpec training = editor.document.project().training;
    QVERIFY(!editTraining(editor.document, training, "nothing"));
    QVERIFY(!editNetwork(editor.document, editor.network(), "nothing"));
    QVERIFY(!editData(editor.document, editor.document.project().data, "nothing"));
    QVERIFY(!setLayerSetting(editor.document, editor.idAt(0), "units", 4));
    QVERIFY(!moveLayer(editor.document, editor.idAt(0), 1));
    QCOMPARE(editor.undoCount(), 0);

    const float original = training.optimizer.learningRate;
    for (const float rate : {0.1f, 0.12f, 0.125f}) {
        training.optimizer.learningRate = rate;
        QVERIFY(editTraining(editor.document, training, "Learning rate", kMergeLearningRate));
    }
    QCOMPARE(editor.undoCount(), 1);
    QCOMPARE(editor.document.project().training.optimizer.learningRate, 0.125f);
    training.optimizer.learningRate = original;
    QVERIFY(editTraining(editor.document, training, "Learning rate", kMergeLearningRate));
    QCOMPARE(editor.undoCount(), 0);  // typed back to where it was: the step vanishes
    QCOMPARE(editor.document.project().training, Project::defaultProject().training);
    QVERIFY(!editor.document.isModified());
}

QTEST_MAIN(TestEditor)
void TestEditor::editsAddressNetworksByName() {
    Project project = Project::defaultProject();
    NetworkSpec second;
    second.add("dense", 3);
    second.layers[0].id = project.freshLayerId();
    project.networks.push_back({"critic", second});
    ProjectDocument document;
    document.reset(project, {});
    QCOMPARE(document.networkNames(), (std::vector<std::string>{Project::kModel, "critic"}));
    QCOMPARE(document.network(), &document.project().network());
    QVERIFY(!document.network("nobody"));

    // A new layer in the second network gets an id no layer of either network has.
    const int id = insertLayer(document, 1, "relu", "critic");
    QVERIFY(id > 0);
    QCOMPARE(document.network("critic")->layers.size(), std::size_t(2));
    QCOMPARE(document.network("critic")->layers[1].id, id);
    QCOMPARE(document.project().network().indexOf(id), -1);
    QCOMPARE(document.project().network().layers.size(), project.network().layers.size());
    QVERIFY(id != second.layers[0].id);

    QVERIFY(setLayerSetting(document, second.layers[0].id, "units", 5, kMergeNone, "critic"));
    QCOMPARE(document.network("critic")->layers[0].setting("units"), 5.0);
    // Without a name, the network holding the layer.
    QVERIFY(setLayerSetting(document, second.layers[0].id, "units", 6));
    QCOMPARE(document.network("critic")->layers[0].setting("units"), 6.0);
    QVERIFY(!removeLayer(document, id, "nobody"));
    QVERIFY(removeLayer(document, id, "critic"));
    QCOMPARE(document.network("critic")->layers.size(), std::size_t(1));
    QCOMPARE(document.undoStack()->count(), 4);
    for (int i = 0; i < 3; ++i) document.undoStack()->undo();
    QCOMPARE(document.network("critic")->layers[0].setting("units"), 3.0);
    QCOMPARE(document.network("critic")->layers[1].id, id);
}

#include "test_editor.moc"
