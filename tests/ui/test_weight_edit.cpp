// SPDX-License-Identifier: GPL-3.0-or-later
// Setting weights and biases by hand on the canvas: a click selects a link and shows its
// weight, a vertical drag sets it in the training session and the document as one undo step,
// with a real training worker behind the canvas as in the window.

#include <QGraphicsSceneMouseEvent>
#include <QMouseEvent>
#include <QSignalSpy>
#include <QUndoStack>
#include <QtTest>
#include <cmath>
#include <optional>

#include "Project.h"
#include "Wait.h"
#include "document/ProjectDocument.h"
#include "editor/LayerItem.h"
#include "editor/LinkBundleItem.h"
#include "editor/NetworkScene.h"
#include "editor/NetworkView.h"
#include "editor/NeuronItem.h"
#include "editor/ValueTagItem.h"
#include "train/DocumentSync.h"
#include "train/TrainingController.h"
#include "train/TrainingWorker.h"

using namespace nnplay;
using namespace nnplay::ui;
using nnplay::test::waitForValidSession;
using nnplay::test::waitUntil;

namespace {

/// The canvas with a training worker behind it, wired as the window wires them.
struct Canvas {
    ProjectDocument document;
    TrainingController training;
    DocumentSync sync{&document, &training};
    NetworkScene scene{&document};
    NetworkView view{&scene};

    explicit Canvas(const Project& project) {
        QObject::connect(&training, &TrainingController::snapshotReady, &scene,
                         &NetworkScene::setSnapshot);
        scene.setParameterEditPreparer([this] { return sync.prepareParameterEdit(); });
        document.reset(project, {});
        view.resize(1100, 560);
        view.show();
    }
    QWidget* viewport() { return view.viewport(); }
    QPoint toView(const QPointF& scenePos) const { return view.mapFromScene(scenePos); }
    int undoCount() { return document.undoStack()->count(); }
    /// The document's weight (unit, input) of the first dense layer, if it holds weights.
    std::optional<float> documentWeight(int unit, int input, int tensor = 0) const {
        const auto& params = document.project().network().layers[0].params;
        if (params.size() <= static_cast<std::size_t>(tensor)) return std::nullopt;
        return params[static_cast<std::size_t>(tensor)](unit, input);
    }
    /// The session's weight as the newest snapshot says.
    std::optional<float> sessionWeight(int unit, int input) const {
        const auto& weights = training.lastSnapshot().weights;
        if (weights.empty() || weights[0].rows() <= unit) return std::nullopt;
        return weights[0](unit, input);
    }
    /// The session's parameter right now, read from the worker.
    std::optional<float> currentSessionParam(int unit, int input, int tensor = 0) {
        std::vector<nnplay::NamedNetwork> networks;
        History history;
        if (!training.fetchCurrentState(networks, history)) return std::nullopt;
        return networks.front().spec.layers[0].params[static_cast<std::size_t>(tensor)](unit,
                                                                                        input);
    }
    /// A view position on link (unit, input) of the first dense layer that picks that link.
    std::optional<QPoint> linkPosition(int unit, int input) {
        LinkBundleItem* bundle = scene.linkBundle(0);
        if (!bundle) return std::nullopt;
        for (double along = 0.25; along <= 0.75; along += 0.025) {
            const QPoint pos = toView(bundle->linkPoint(unit, input, along));
            if (bundle->linkAt(view.mapToScene(pos)) == unit * bundle->sourceCount() + input)
                return pos;
        }
        return std::nullopt;
    }
    /// Moves with the left button held (and `modifiers`), as a real drag does.
    void moveHeld(const QPoint& pos, Qt::KeyboardModifiers modifiers = {}) {
        QMouseEvent move(QEvent::MouseMove, QPointF(pos), QPointF(viewport()->mapToGlobal(pos)),
                         Qt::NoButton, Qt::LeftButton, modifiers);
        QCoreApplication::sendEvent(viewport(), &move);
    }
    /// Presses at `from`, moves up by `pixels` in steps, releases.
    void dragUp(const QPoint& from, int pixels, Qt::KeyboardModifiers modifiers = {}) {
        QTest::mousePress(viewport(), Qt::LeftButton, modifiers, from);
        for (int step = 1; step <= 5; ++step)
            moveHeld(from - QPoint(0, pixels * step / 5), modifiers);
        QTest::mouseRelease(viewport(), Qt::LeftButton, modifiers, from - QPoint(0, pixels));
    }
};

bool near(std::optional<float> value, double expected) {
    return value && std::abs(*value - expected) < 1e-4;
}

/// What the value tag says of a weight: two decimals, three for one a fine drag set.
QString weightTag(double v) {
    const bool fine = std::abs(v * 1000 - std::round(v * 1000)) < 0.01 &&
                      std::abs(v * 100 - std::round(v * 100)) > 0.05;
    return QStringLiteral("weight %1").arg(QString::number(v, 'f', fine ? 3 : 2));
}

/// The default project: two inputs into small dense layers.
Project smallNetwork() { return Project::defaultProject(); }

}  // namespace

class TestWeightEdit : public QObject {
    Q_OBJECT
private slots:
    void clickSelectsLinkAndShowsItsWeight();
    void dragSetsSessionAndDocumentAsOneUndoStep();
    void shiftDragTakesFineSteps();
    void firstDragTakesTheSessionsRandomWeights();
    void dragWhileTrainingPausesFirst();
    void verticalDragOnNeuronSetsItsBias();
};

void TestWeightEdit::clickSelectsLinkAndShowsItsWeight() {
    Canvas canvas(smallNetwork());
    QVERIFY(waitForValidSession(&canvas.training));
    QVERIFY(waitUntil([&] { return canvas.scene.linkBundle(0)->hasWeights(); },
                      "the links show weights"));
    const std::optional<QPoint> at = canvas.linkPosition(1, 0);
    QVERIFY(at);
    QTest::mouseClick(canvas.viewport(), Qt::LeftButton, {}, *at);
    const NetworkScene::ParameterRef selected{0, 0, 1, 0};
    QVERIFY(canvas.scene.selectedParameter() == selected);
    QCOMPARE(canvas.scene.linkBundle(0)->selectedTarget(), 1);
    QCOMPARE(canvas.scene.linkBundle(0)->selectedSource(), 0);
    QVERIFY(canvas.scene.valueTag()->isVisible());
    const float weight = *canvas.sessionWeight(1, 0);
    QCOMPARE(canvas.scene.valueTag()->text(),
             QStringLiteral("weight %1").arg(QString::number(weight, 'f', 2)));
    QCOMPARE(canvas.scene.valueTag()->text(), weightTag(weight));
    QCOMPARE(canvas.undoCount(), 0);  // a click changes nothing

    // A click beside the links drops the selection.
    QTest::mouseClick(canvas.viewport(), Qt::LeftButton, {}, QPoint(5, 5));
    QCOMPARE(canvas.scene.selectedParameter().layerIndex, -1);
    QVERIFY(!canvas.scene.valueTag()->isVisible());
    QCOMPARE(canvas.scene.linkBundle(0)->selectedTarget(), -1);
}

void TestWeightEdit::dragSetsSessionAndDocumentAsOneUndoStep() {
    Canvas canvas(smallNetwork());
    QVERIFY(waitForValidSession(&canvas.training));
    // Trained a little first: the document holds trained weights.
    canvas.training.send(&TrainingWorker::trainEpochs, 2);
    QVERIFY(waitUntil([&] { return canvas.document.project().history.size() == 2; },
                      "two trained epochs are in the document"));
    QVERIFY(waitUntil([&] { return !canvas.training.isRunning(); }, "training paused"));
    const float before = *canvas.documentWeight(1, 0);
    QVERIFY(near(canvas.sessionWeight(1, 0), before));
    const auto boundaryBefore = canvas.training.lastSnapshot().boundary;
    QVERIFY(!boundaryBefore.empty());

    const std::optional<QPoint> at = canvas.linkPosition(1, 0);
    QVERIFY(at);
    canvas.dragUp(*at, 50);
    const double expected = std::round((before + 0.5) * 100) / 100;
    QVERIFY(near(canvas.documentWeight(1, 0), expected));
    QCOMPARE(canvas.undoCount(), 1);
    QVERIFY(canvas.document.isModified());
    QVERIFY(waitUntil([&] { return near(canvas.sessionWeight(1, 0), expected); },
                      "the session's snapshot has the new weight"));
    QVERIFY(canvas.training.lastSnapshot().boundary != boundaryBefore);
    QVERIFY(near(canvas.currentSessionParam(1, 0), expected));
    // The canvas follows: the link's weight and its tag.
    QVERIFY(near(canvas.scene.linkBundle(0)->weightAt(1, 0), expected));
    QCOMPARE(canvas.scene.valueTag()->text(), weightTag(expected));
    // A weight edit keeps the session: no rebuild, no new generation.
    const int generation = canvas.training.generation();

    canvas.document.undoStack()->undo();
    QVERIFY(near(canvas.documentWeight(1, 0), before));
    QVERIFY(waitUntil([&] { return near(canvas.sessionWeight(1, 0), before); },
                      "the session has the old weight back"));
    QVERIFY(near(canvas.currentSessionParam(1, 0), before));
    QCOMPARE(canvas.training.generation(), generation);
    QCOMPARE(canvas.document.project().history.size(), std::size_t(2));

    // A second drag is a second undo step.
    canvas.document.undoStack()->redo();
    canvas.dragUp(*canvas.linkPosition(1, 0), 20);
    QCOMPARE(canvas.undoCount(), 2);
}

void TestWeightEdit::shiftDragTakesFineSteps() {
    Canvas canvas(smallNetwork());
    QVERIFY(waitForValidSession(&canvas.training));
    QVERIFY(waitUntil([&] { return canvas.scene.linkBundle(0)->hasWeights(); },
                      "the links show weights"));
    const std::optional<QPoint> at = canvas.linkPosition(0, 1);
    QVERIFY(at);
    const float before = *canvas.sessionWeight(0, 1);
    canvas.dragUp(*at, 40, Qt::ShiftModifier);
    const double expected = std::round((before + 0.04) * 1000) / 1000;
    QVERIFY(near(canvas.documentWeight(0, 1), expected));
    QCOMPARE(canvas.undoCount(), 1);
    QVERIFY(waitUntil([&] { return near(canvas.sessionWeight(0, 1), expected); },
                      "the session has the finely set weight"));
    // Three decimals show when they matter.
    QCOMPARE(canvas.scene.valueTag()->text(), weightTag(expected));
}

void TestWeightEdit::firstDragTakesTheSessionsRandomWeights() {
    Canvas canvas(smallNetwork());
    QVERIFY(waitForValidSession(&canvas.training));
    QVERIFY(waitUntil([&] { return canvas.scene.linkBundle(0)->hasWeights(); },
                      "the links show the session's random weights"));
    QVERIFY(!canvas.document.project().network().hasParams());
    const nnplay::Matrix random = canvas.training.lastSnapshot().weights[0];
    const std::optional<QPoint> at = canvas.linkPosition(0, 0);
    QVERIFY(at);
    canvas.dragUp(*at, -30);  // down: smaller
    QVERIFY(canvas.document.project().network().hasParams());
    const nnplay::Matrix& stored = canvas.document.project().network().layers[0].params[0];
    QCOMPARE(stored.rows(), random.rows());
    for (Eigen::Index r = 0; r < stored.rows(); ++r) {
        for (Eigen::Index c = 0; c < stored.cols(); ++c) {
            const double expected =
                r == 0 && c == 0 ? std::round((random(0, 0) - 0.3) * 100) / 100 : random(r, c);
            QVERIFY2(std::abs(stored(r, c) - expected) < 1e-4, "the session's weights");
        }
    }
    QCOMPARE(canvas.undoCount(), 1);
    canvas.document.undoStack()->undo();
    QVERIFY(near(canvas.documentWeight(0, 0), random(0, 0)));
    QVERIFY(waitUntil([&] { return near(canvas.sessionWeight(0, 0), random(0, 0)); },
                      "the session has the random weight back"));
}

void TestWeightEdit::dragWhileTrainingPausesFirst() {
    Canvas canvas(smallNetwork());
    QVERIFY(waitForValidSession(&canvas.training));
    QSignalSpy status(&canvas.sync, &DocumentSync::statusMessage);
    // At a class's pace: at full speed the 200 epochs may end before a snapshot says running.
    canvas.training.send(&TrainingWorker::setSpeed, int(TrainingWorker::kDefaultSpeed));
    canvas.training.send(&TrainingWorker::play);
    QVERIFY(waitUntil([&] { return canvas.training.isRunning(); }, "training runs"));
    const std::optional<QPoint> at = canvas.linkPosition(1, 1);
    QVERIFY(at);
    canvas.dragUp(*at, 30);
    QCOMPARE(canvas.undoCount(), 1);
    // What the drag set, before the worker's answers arrive.
    const float set = *canvas.documentWeight(1, 1);
    QVERIFY(waitUntil([&] { return !canvas.training.isRunning(); }, "training paused"));
    QVERIFY(!status.isEmpty());
    QVERIFY(status.last().at(0).toString().contains(QStringLiteral("Paused")));
    // The value set by hand is what both hold once the pause has settled.
    QVERIFY(waitUntil([&] { return near(canvas.sessionWeight(1, 1), set); },
                      "the session has the weight set by hand"));
    QVERIFY(near(canvas.currentSessionParam(1, 1), set));
    QVERIFY(waitUntil([&] { return near(canvas.documentWeight(1, 1), set); },
                      "the document still has it after the pause's trained state"));
    // Undo puts back what training had reached when the drag began (the drag added 0.30,
    // rounded to hundredths).
    const float before = set - 0.3f;
    canvas.document.undoStack()->undo();
    QVERIFY(waitUntil([&] { return std::abs(*canvas.currentSessionParam(1, 1) - before) < 6e-3; },
                      "the session has the weight from before the drag"));
}

void TestWeightEdit::verticalDragOnNeuronSetsItsBias() {
    Canvas canvas(smallNetwork());
    QVERIFY(waitForValidSession(&canvas.training));
    QVERIFY(waitUntil([&] { return canvas.scene.linkBundle(0)->hasWeights(); },
                      "the links show weights"));
    const std::vector<int> order = [&] {
        std::vector<int> ids;
        for (const auto& layer : canvas.document.project().network().layers)
            ids.push_back(layer.id);
        return ids;
    }();
    NeuronItem* neuron = canvas.scene.neuronItem(0, 1);
    QVERIFY(neuron);
    const QPoint at = canvas.toView(neuron->sceneBoundingRect().center());
    canvas.dragUp(at, 25);
    QCOMPARE(canvas.undoCount(), 1);
    const float bias = *canvas.documentWeight(1, 0, 1);
    QVERIFY(waitUntil([&] { return near(canvas.currentSessionParam(1, 0, 1), bias); },
                      "the session has the new bias"));
    QVERIFY(canvas.scene.valueTag()->text().startsWith(QStringLiteral("bias ")));
    std::vector<int> after;
    for (const auto& layer : canvas.document.project().network().layers) after.push_back(layer.id);
    QCOMPARE(after, order);  // the layer did not move
    canvas.document.undoStack()->undo();
    QVERIFY(waitUntil(
        [&] { return std::abs(*canvas.currentSessionParam(1, 0, 1) - (bias - 0.25)) < 6e-3; },
        "the session has the old bias back"));
}

QTEST_MAIN(TestWeightEdit)
#include "test_weight_edit.moc"
