// SPDX-License-Identifier: GPL-3.0-or-later
#include <QtTest>

#include "train/EditRules.h"

using namespace nnplay;

namespace {

/// 2-4-1 tanh/sigmoid with made-up trained parameters on the dense layers.
NetworkSpec trainedNetwork() {
    NetworkSpec spec = NetworkSpec::multilayer({4, 1}, "tanh", "sigmoid");
    for (LayerSpec& layer : spec.layers) {
        if (layer.type != "dense") continue;
        const int units = static_cast<int>(layer.setting("units"));
        layer.params = {Matrix::Constant(units, 2, 0.5f), Matrix::Constant(units, 1, 0.25f)};
    }
    return spec;
}

}  // namespace

Q_DECLARE_METATYPE(NetworkSpec)
Q_DECLARE_METATYPE(TrainingSpec)

class TestEditRules : public QObject {
    Q_OBJECT
private slots:
    void networkEdits_data();
    void networkEdits();
    void unknownInputShapeCountsSettingChangesOfLaterLayers();
    void dataEdits();
    void trainingEdits_data();
    void trainingEdits();
    void sameLayersIgnoresParameters();
    void carryWeightsByIdAndType();
};

void TestEditRules::networkEdits_data() {
    QTest::addColumn<NetworkSpec>("before");
    QTest::addColumn<NetworkSpec>("after");
    QTest::addColumn<bool>("fresh");
    const NetworkSpec base = trainedNetwork();

    NetworkSpec units = base;
    units.layers[0].settings["units"] = 5;
    QTest::newRow("units of a dense layer") << base << units << true;

    NetworkSpec sameUnits = base;
    sameUnits.layers[0].settings["units"] = 4;  // the default, now spelled out
    QTest::newRow("a setting set to its value") << base << sameUnits << false;

    NetworkSpec added = base;
    added.layers.insert(added.layers.begin() + 2, LayerSpec{99, "dropout", {}, {}});
    QTest::newRow("a layer inserted") << base << added << true;

    NetworkSpec removed = base;
    removed.layers.erase(removed.layers.begin() + 1);
    QTest::newRow("a layer removed") << base << removed << true;

    NetworkSpec moved = base;
    std::swap(moved.layers[1], moved.layers[2]);
    QTest::newRow("two layers swapped") << base << moved << true;

    NetworkSpec retyped = base;
    retyped.layers[1].type = "relu";
    QTest::newRow("an activation retyped") << base << retyped << true;

    NetworkSpec cleared = base;
    cleared.clearParams();
    QTest::newRow("parameters dropped") << base << cleared << true;

    NetworkSpec dropout = base;
    dropout.layers.insert(dropout.layers.begin() + 2, LayerSpec{99, "dropout", {}, {}});
    NetworkSpec rate = dropout;
    rate.layers[2].settings["rate"] = 0.2;
    QTest::newRow("a dropout rate") << dropout << rate << false;

    NetworkSpec alpha = base;
    alpha.layers[1].type = "leaky_relu";
    NetworkSpec steeper = alpha;
    steeper.layers[1].settings["alpha"] = 0.2;
    QTest::newRow("a leaky alpha") << alpha << steeper << false;

    QTest::newRow("nothing") << base << base << false;
}

void TestEditRules::networkEdits() {
    QFETCH(NetworkSpec, before);
    QFETCH(NetworkSpec, after);
    QFETCH(bool, fresh);
    QCOMPARE(networkEditNeedsFreshWeights(before, after, Shape::flat(2)), fresh);
    QCOMPARE(networkEditNeedsFreshWeights(before, after), fresh);
}

void TestEditRules::unknownInputShapeCountsSettingChangesOfLaterLayers() {
    // A layer the registry does not know leaves the later shapes unknown: a setting change
    // after it cannot be judged and needs fresh weights.
    NetworkSpec before;
    before.add("unknown_kind");
    before.add("dropout");
    NetworkSpec after = before;
    after.layers[1].settings["rate"] = 0.3;
    QVERIFY(networkEditNeedsFreshWeights(before, after, Shape::flat(2)));
    after.layers[1].settings.clear();
    QVERIFY(!networkEditNeedsFreshWeights(before, after, Shape::flat(2)));
}

void TestEditRules::dataEdits() {
    const DataSpec data;
    QVERIFY(!dataEditNeedsFreshWeights(data, Task::Classification, data, Task::Classification));
    DataSpec noisier = data;
    noisier.noise = 0.2;
    QVERIFY(dataEditNeedsFreshWeights(data, Task::Classification, noisier, Task::Classification));
    QVERIFY(dataEditNeedsFreshWeights(data, Task::Classification, data, Task::Regression));
    DataSpec features = data;
    features.features = {"x1"};
    QVERIFY(dataEditNeedsFreshWeights(data, Task::Classification, features, Task::Classification));
}

void TestEditRules::trainingEdits_data() {
    QTest::addColumn<TrainingSpec>("after");
    QTest::addColumn<bool>("rebuild");
    const TrainingSpec base;
    TrainingSpec s = base;
    s.loss = LossKind::Mse;
    QTest::newRow("loss") << s << true;
    s = base;
    s.init = InitScheme::PyTorch;
    QTest::newRow("initialisation") << s << true;
    s = base;
    s.seed = 7;
    QTest::newRow("seed") << s << true;
    s = base;
    s.optimizer.learningRate = 0.5f;
    QTest::newRow("learning rate") << s << false;
    s = base;
    s.optimizer.kind = "sgd";
    QTest::newRow("optimizer") << s << false;
    s = base;
    s.batchSize = 32;
    QTest::newRow("batch size") << s << false;
    s = base;
    s.epochs = 5;
    QTest::newRow("epochs") << s << false;
    s = base;
    s.l2 = 0.01f;
    QTest::newRow("penalty") << s << false;
    s = base;
    s.patience = 3;
    QTest::newRow("patience") << s << false;
}

void TestEditRules::trainingEdits() {
    QFETCH(TrainingSpec, after);
    QFETCH(bool, rebuild);
    QCOMPARE(trainingEditNeedsRebuild(TrainingSpec{}, after), rebuild);
}

void TestEditRules::sameLayersIgnoresParameters() {
    const NetworkSpec trained = trainedNetwork();
    NetworkSpec untrained = trained;
    untrained.clearParams();
    QVERIFY(sameLayers(trained, untrained));
    untrained.layers[1].settings["alpha"] = 0.1;
    QVERIFY(!sameLayers(trained, untrained));
    NetworkSpec shorter = trained;
    shorter.layers.pop_back();
    QVERIFY(!sameLayers(trained, shorter));
}

void TestEditRules::carryWeightsByIdAndType() {
    const NetworkSpec trained = trainedNetwork();
    NetworkSpec next = trained;
    next.clearParams();
    next.layers[2].type = "relu";  // was the output dense: its weights do not carry
    next.layers.insert(next.layers.begin(), LayerSpec{50, "dense", {}, {}});
    next.layers[1].params = {Matrix::Constant(1, 1, 9.0f)};  // stale: replaced by trained's
    carryWeights(trained, next);
    QVERIFY(next.layers[0].params.empty());  // a new layer
    QCOMPARE(next.layers[1].params.size(), std::size_t(2));
    QCOMPARE(next.layers[1].params[0](0, 0), 0.5f);
    QVERIFY(next.layers[3].params.empty());
}

QTEST_APPLESS_MAIN(TestEditRules)
#include "test_edit_rules.moc"
