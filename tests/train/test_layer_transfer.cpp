// SPDX-License-Identifier: GPL-3.0-or-later
#include <QtTest>

#include "data/DataLoader.h"
#include "train/LayerTransfer.h"
#include "train/Model.h"
#include "train/Session.h"

using namespace nnplay;

namespace {

/// A conv base and a dense head for images of `input`, with the weights of a built model.
Project convProject(const Shape& input, std::uint32_t seed) {
    Project p;
    NetworkSpec& spec = p.network();
    LayerSpec& conv = spec.add("conv2d");
    conv.settings = {{"filters", 4}, {"kernel_size", 3}, {"padding", 0}};
    spec.add("relu");
    spec.add("maxpool2d");
    spec.add("flatten");
    spec.add("dense", 10);
    spec.add("softmax");
    Model model(spec, input, InitScheme::Auto, seed);
    model.storeParams(spec);
    return p;
}

/// Digits (1x8x8, 10 classes) with a small dense network whose ids clash with convProject's.
Project digitsProject() {
    Project p;
    p.data.source = "digits";
    p.network() = NetworkSpec::multilayer({16, 10}, "relu", "softmax");
    p.training.loss = LossKind::Cce;
    p.training.batchSize = 16;
    return p;
}

}  // namespace

class TestLayerTransfer : public QObject {
    Q_OBJECT
private slots:
    void listsLayersWithTheirWeights();
    void convBaseKeepsItsWeightsExactly();
    void denseAfterFlattenOfOtherImagesStartsFresh();
    void misfitIsRefusedNamingTheLayer();
    void requestOutOfRangeIsRefused();
    void frozenAfterTrainingKeepsItsWeights();
    void lessonsKeepOnlyFrozenWeights();
};

void TestLayerTransfer::listsLayersWithTheirWeights() {
    const Project source = convProject(Shape{1, 28, 28}, 3);
    const auto layers = transferableLayers(source, "");
    QCOMPARE(layers.size(), std::size_t(6));
    QCOMPARE(layers[0].name, std::string("Conv2D (layer 1)"));
    QVERIFY(layers[0].hasWeights && layers[0].trained);
    QCOMPARE(layers[0].storedValues, 4LL * 9 + 4);
    QVERIFY(!layers[1].hasWeights && !layers[1].trained);
    QVERIFY_THROWS_EXCEPTION(InputError, transferableLayers(source, "generator"));
}

void TestLayerTransfer::convBaseKeepsItsWeightsExactly() {
    const Project source = convProject(Shape{1, 28, 28}, 3);
    const Project target = digitsProject();
    const LayerTransfer result =
        transferLayers(source, target, {"", 0, 4, "", 0, true}, Shape{1, 8, 8});
    const auto& layers = result.network.layers;
    QCOMPARE(layers.size(), std::size_t(4 + 4));
    QVERIFY(result.reinitialised.empty());
    QVERIFY(result.notes.empty());
    QCOMPARE(layers[0].type, std::string("conv2d"));
    QCOMPARE(layers[0].params.size(), std::size_t(2));
    QVERIFY(layers[0].params[0] == source.network().layers[0].params[0]);
    QVERIFY(layers[0].params[1] == source.network().layers[0].params[1]);
    QVERIFY(!layers[0].trainable);
    QVERIFY(!layers[3].trainable);  // the flatten too: the whole range is frozen
    QVERIFY(layers[4].trainable);
    // Ids unique in the target project, the target's own layers keeping theirs.
    std::set<int> ids;
    for (const LayerSpec& layer : layers) ids.insert(layer.id);
    QCOMPARE(ids.size(), layers.size());
    QCOMPARE(layers[4].id, target.network().layers[0].id);
    QVERIFY(inferShapes(result.network, Shape{1, 8, 8}, 10).ok());

    // Not frozen when asked, and replacing instead of inserting.
    const LayerTransfer replaced =
        transferLayers(source, target, {"", 0, 4, "", 2, false}, Shape{1, 8, 8});
    QCOMPARE(replaced.network.layers.size(), std::size_t(4 + 2));
    QVERIFY(replaced.network.layers[0].trainable);
    QCOMPARE(replaced.network.layers[4].type, std::string("dense"));
    QCOMPARE(replaced.network.layers[4].id, target.network().layers[2].id);
}

void TestLayerTransfer::denseAfterFlattenOfOtherImagesStartsFresh() {
    Project source = convProject(Shape{1, 28, 28}, 3);
    Project target = digitsProject();
    const LayerTransfer result =
        transferLayers(source, target, {"", 0, 6, "", 4, true}, Shape{1, 8, 8});
    QCOMPARE(result.network.layers.size(), std::size_t(6));
    QCOMPARE(result.reinitialised, std::vector<int>{4});
    QCOMPARE(result.notes.size(), std::size_t(1));
    QVERIFY2(result.notes[0].find("Dense (layer 5)") == 0, result.notes[0].c_str());
    QVERIFY2(result.notes[0].find("start fresh") != std::string::npos, result.notes[0].c_str());
    QVERIFY(result.network.layers[4].params.empty());
    QVERIFY(result.network.layers[4].trainable);
    QVERIFY(!result.network.layers[0].params.empty());

    // The same images: everything fits, the dense weights come along.
    const LayerTransfer same =
        transferLayers(source, source, {"", 0, 6, "", 6, true}, Shape{1, 28, 28});
    QVERIFY(same.reinitialised.empty());
    QVERIFY(same.network.layers[4].params[0] == source.network().layers[4].params[0]);
}

void TestLayerTransfer::misfitIsRefusedNamingTheLayer() {
    const Project source = convProject(Shape{1, 28, 28}, 3);
    Project target = digitsProject();
    target.data.source = "circle";
    try {
        transferLayers(source, target, {"", 0, 4, "", 0, true}, Shape::flat(2));
        QFAIL("a convolution on 2-D points was accepted");
    } catch (const InputError& e) {
        const std::string message = e.what();
        QVERIFY2(message.find("Conv2D (layer 1)") == 0, e.what());
        QVERIFY2(message.find("image") != std::string::npos, e.what());
    }
}

void TestLayerTransfer::requestOutOfRangeIsRefused() {
    const Project source = convProject(Shape{1, 28, 28}, 3);
    const Project target = digitsProject();
    const Shape input = Shape{1, 8, 8};
    QVERIFY_THROWS_EXCEPTION(InputError, transferLayers(source, target, {"", 0, 0, "", 0}, input));
    QVERIFY_THROWS_EXCEPTION(InputError, transferLayers(source, target, {"", 4, 3, "", 0}, input));
    QVERIFY_THROWS_EXCEPTION(InputError, transferLayers(source, target, {"", 0, 4, "", 5}, input));
    QVERIFY_THROWS_EXCEPTION(InputError,
                             transferLayers(source, target, {"", 0, 4, "discriminator", 0}, input));
}

// The window freezes a layer while training is paused: the document's weights come back from
// the session, the session is rebuilt from them (TrainingWorker::rebuild keeps the weights), and
// from then on the frozen layer keeps its weights while the others go on learning.
void TestLayerTransfer::frozenAfterTrainingKeepsItsWeights() {
    Project project = digitsProject();
    project.data.trainFraction = 0.2;
    const DataSplit split = loadData(project.data, project.task, ".");
    std::unique_ptr<Session> session = makeSession(project, split);
    for (int i = 0; i < 20; ++i) session->step();
    session->storeInto(project);
    QVERIFY(project.network().hasParams());

    project.network().layers[0].trainable = false;
    const NetworkSpec frozen = project.network();
    session = makeSession(project, split);
    for (int i = 0; i < 20; ++i) session->step();
    session->storeInto(project);
    const auto& after = project.network().layers;
    QVERIFY(after[0].params[0] == frozen.layers[0].params[0]);
    QVERIFY(after[0].params[1] == frozen.layers[0].params[1]);
    QVERIFY(!after[0].trainable);
    QVERIFY(!(after[2].params[0] == frozen.layers[2].params[0]));
}

void TestLayerTransfer::lessonsKeepOnlyFrozenWeights() {
    NetworkSpec spec = convProject(Shape{1, 28, 28}, 3).network();
    spec.layers[0].trainable = false;
    const Matrix conv = spec.layers[0].params[0];
    dropLearnedWeights(spec);
    QVERIFY(spec.layers[0].params[0] == conv);
    QVERIFY(spec.layers[4].params.empty());
}

QTEST_GUILESS_MAIN(TestLayerTransfer)
#include "test_layer_transfer.moc"
