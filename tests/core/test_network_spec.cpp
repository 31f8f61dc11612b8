// SPDX-License-Identifier: GPL-3.0-or-later
#include <QtTest>

#include "NetworkSpec.h"
#include "train/Model.h"
#include "train/NetworkCheck.h"

using namespace nnplay;

namespace {

NetworkSpec network(std::initializer_list<std::pair<const char*, double>> layers) {
    NetworkSpec spec;
    for (const auto& [type, units] : layers) {
        LayerSpec layer;
        layer.id = spec.freshId();
        layer.type = type;
        if (units > 0) layer.settings["units"] = units;
        spec.layers.push_back(layer);
    }
    return spec;
}

DataInfo classes(int count, int inputs) {
    DataInfo info;
    info.inputShape = Shape::flat(inputs);
    for (int i = 0; i < count; ++i) info.classNames.push_back(std::to_string(i));
    return info;
}

}  // namespace

class TestNetworkSpec : public QObject {
    Q_OBJECT
private slots:
    void shapesAndParameterCounts();
    void errors_data();
    void errors();
    void outputFitsDataAndLoss_data();
    void outputFitsDataAndLoss();
    void modelUsesStoredWeights();
    void idsAreStable();
};

void TestNetworkSpec::shapesAndParameterCounts() {
    const NetworkSpec spec = network({{"dense", 128}, {"relu", 0}, {"dense", 10}, {"softmax", 0}});
    const ShapeReport r = inferShapes(spec, Shape::flat(64));
    QVERIFY2(r.ok(), r.error.c_str());
    QCOMPARE(r.layers.size(), std::size_t(4));
    QCOMPARE(r.layers[0].output, Shape::flat(128));
    QCOMPARE(r.layers[0].paramCount, 64LL * 128 + 128);
    QCOMPARE(r.layers[1].paramCount, 0LL);
    QCOMPARE(r.layers[2].paramCount, 128LL * 10 + 10);
    QCOMPARE(r.totalParams(), 64LL * 128 + 128 + 1290);
    QCOMPARE(r.layers[3].output.toString(), std::string("10"));
}

void TestNetworkSpec::errors_data() {
    QTest::addColumn<QString>("type");
    QTest::addColumn<QString>("key");
    QTest::addColumn<double>("value");
    QTest::addColumn<QString>("message");
    QTest::newRow("unknown type") << "conv9d" << "" << 0.0 << "Layer 2 is of unknown type 'conv9d'";
    QTest::newRow("zero units") << "dense" << "units" << 0.0 << "Dense (layer 2) 'units' must be between 1 and 4096, not 0";
    QTest::newRow("fraction units") << "dense" << "units" << 2.5 << "'units' must be a whole number";
    QTest::newRow("dropout rate") << "dropout" << "rate" << 1.0 << "Dropout (layer 2) 'rate' must be between 0 and 0.95";
    QTest::newRow("unknown setting") << "relu" << "units" << 3.0 << "ReLU (layer 2) has no setting 'units'";
}

void TestNetworkSpec::errors() {
    QFETCH(QString, type);
    QFETCH(QString, key);
    QFETCH(double, value);
    QFETCH(QString, message);
    NetworkSpec spec = network({{"dense", 4}, {"relu", 0}, {"dense", 1}});
    spec.layers[1].type = type.toStdString();
    spec.layers[1].settings.clear();
    if (!key.isEmpty()) spec.layers[1].settings[key.toStdString()] = value;
    const ShapeReport r = inferShapes(spec, Shape::flat(2));
    QVERIFY(!r.ok());
    QCOMPARE(r.errorLayer, 1);
    QVERIFY2(QString::fromStdString(r.error).contains(message), r.error.c_str());
    QVERIFY(!r.layers[1].error.empty());
    QVERIFY(r.layers[0].error.empty());
}

void TestNetworkSpec::outputFitsDataAndLoss_data() {
    QTest::addColumn<QString>("last");
    QTest::addColumn<int>("units");
    QTest::addColumn<int>("classCount");
    QTest::addColumn<QString>("loss");
    QTest::addColumn<int>("errorLayer");
    QTest::addColumn<QString>("message");
    QTest::newRow("bce ok") << "sigmoid" << 1 << 2 << "bce" << -1 << "";
    QTest::newRow("bce three outputs") << "sigmoid" << 3 << 2 << "bce" << 1 << "Dense (layer 2) gives 3 outputs but binary cross-entropy needs 1";
    QTest::newRow("bce without sigmoid") << "tanh" << 1 << 2 << "bce" << 2 << "Tanh (layer 3) ends the network, but binary cross-entropy needs a Sigmoid";
    QTest::newRow("cce ok") << "softmax" << 10 << 10 << "cce" << -1 << "";
    QTest::newRow("cce wrong count") << "softmax" << 8 << 10 << "cce" << 1 << "gives 8 outputs but the data has 10 classes";
    QTest::newRow("mse tanh binary") << "tanh" << 1 << 2 << "mse" << -1 << "";
}

void TestNetworkSpec::outputFitsDataAndLoss() {
    QFETCH(QString, last);
    QFETCH(int, units);
    QFETCH(int, classCount);
    QFETCH(QString, loss);
    QFETCH(int, errorLayer);
    QFETCH(QString, message);
    NetworkSpec spec = network({{"dense", 8}, {"dense", static_cast<double>(units)}, {"relu", 0}});
    spec.layers[2].type = last.toStdString();
    const ShapeReport r =
        checkNetwork(spec, classes(classCount, 2), lossKindFromString(loss.toStdString()));
    QCOMPARE(r.errorLayer, errorLayer);
    QVERIFY2(QString::fromStdString(r.error).contains(message), r.error.c_str());
}

void TestNetworkSpec::modelUsesStoredWeights() {
    NetworkSpec spec = network({{"dense", 2}});
    Matrix w(2, 3), b(2, 1);
    w << 1, 2, 3, 4, 5, 6;
    b << 0.5, -0.5;
    spec.layers[0].params = {w, b};
    Model model(spec, Shape::flat(3), InitScheme::Auto, 1);
    Matrix x(3, 1);
    x << 1, 1, 1;
    const Matrix y = model.forward(x, Mode::Infer);
    QCOMPARE(y(0, 0), 6.5f);
    QCOMPARE(y(1, 0), 14.5f);
    // Weights of the wrong shape are an error naming the layer.
    spec.layers[0].params[0] = Matrix::Zero(2, 2);
    const ShapeReport r = inferShapes(spec, Shape::flat(3));
    QVERIFY(QString::fromStdString(r.error).contains("Dense (layer 1) has stored weights of shape 2x2 but needs 2x3"));
    // The model refuses them with the same check.
    try {
        Model wrong(spec, Shape::flat(3), InitScheme::Auto, 1);
        QFAIL("a model was built from weights of the wrong shape");
    } catch (const InputError& e) {
        QCOMPARE(QString::fromStdString(e.what()), QString::fromStdString(r.error));
    }
}

void TestNetworkSpec::idsAreStable() {
    NetworkSpec spec = network({{"dense", 2}, {"relu", 0}});
    QCOMPARE(spec.layers[0].id, 1);
    QCOMPARE(spec.layers[1].id, 2);
    QCOMPARE(spec.freshId(), 3);
    QCOMPARE(spec.indexOf(2), 1);
    QCOMPARE(spec.indexOf(7), -1);
}

QTEST_GUILESS_MAIN(TestNetworkSpec)
#include "test_network_spec.moc"
