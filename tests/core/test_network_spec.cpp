// SPDX-License-Identifier: GPL-3.0-or-later
#include <QtTest>

#include <set>

#include "NetworkSpec.h"
#include "Project.h"
#include "data/DataDescription.h"
#include "train/Model.h"
#include "train/NetworkCheck.h"
#include "train/OutputHeadFix.h"

using namespace nnplay;

namespace {

NetworkSpec network(const std::vector<std::pair<std::string, double>>& layers) {
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
    void boundedOutputCannotReachTheTargets();
    void outputFixFitsTheTask_data();
    void outputFixFitsTheTask();
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
    QTest::newRow("bce three outputs") << "sigmoid" << 3 << 2 << "bce" << 1 << "Dense (layer 2) gives 3 outputs. 2 classes need a Dense layer of 1 unit with Sigmoid, and the binary cross-entropy loss";
    QTest::newRow("bce without sigmoid") << "tanh" << 1 << 2 << "bce" << 2 << "Tanh (layer 3) ends the network. 2 classes need a Dense layer of 1 unit with Sigmoid";
    QTest::newRow("bce on three classes") << "sigmoid" << 1 << 3 << "bce" << 1 << "Dense (layer 2) gives 1 output. 3 classes need a Dense layer of 3 units with Softmax, and the categorical cross-entropy loss";
    QTest::newRow("cce two classes softmax") << "softmax" << 2 << 2 << "cce" << -1 << "";
    QTest::newRow("cce ok") << "softmax" << 10 << 10 << "cce" << -1 << "";
    QTest::newRow("cce wrong count") << "softmax" << 8 << 10 << "cce" << 1 << "gives 8 outputs. 10 classes need a Dense layer of 10 units with Softmax";
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

void TestNetworkSpec::boundedOutputCannotReachTheTargets() {
    // The plane data's targets go from -1 to 1: a Sigmoid at the end can never go below 0.
    DataSpec data;
    data.source = "plane";
    const DataInfo info = describeData(data, Task::Regression, "");
    NetworkSpec spec = network({{"dense", 4}, {"tanh", 0}, {"dense", 1}, {"sigmoid", 0}});
    ShapeReport r = checkNetwork(spec, info, LossKind::Mse);
    QCOMPARE(r.errorLayer, 3);
    QVERIFY2(QString::fromStdString(r.error).contains(
                 "Sigmoid (layer 4) gives outputs between 0 and 1 only, but the targets go from "
                 "-1 to 1. A number to predict needs a Dense layer of 1 unit with no activation"),
             r.error.c_str());
    spec.layers[3].type = "tanh";  // reaches -1..1
    QVERIFY(checkNetwork(spec, info, LossKind::Mse).ok());
    spec.layers.pop_back();  // unbounded
    QVERIFY(checkNetwork(spec, info, LossKind::Mse).ok());
}

void TestNetworkSpec::outputFixFitsTheTask_data() {
    QTest::addColumn<QString>("source");
    QTest::addColumn<QString>("lossBefore");
    QTest::addColumn<QStringList>("layersBefore");
    QTest::addColumn<QStringList>("layersAfter");
    QTest::addColumn<QString>("lossAfter");
    QTest::addColumn<QString>("summary");
    // Layers as "type" or "dense:units".
    QTest::newRow("plane regression, sigmoid head")
        << "plane" << "bce" << QStringList{"dense:4", "tanh", "dense:1", "sigmoid"}
        << QStringList{"dense:4", "tanh", "dense:1"} << "mse"
        << "A number to predict needs a Dense layer of 1 unit with no activation after it, and "
           "the mean squared error loss";
    QTest::newRow("digits, binary head")
        << "digits" << "bce" << QStringList{"dense:16", "relu", "dense:1", "sigmoid"}
        << QStringList{"dense:16", "relu", "dense:10", "softmax"} << "cce"
        << "10 classes need a Dense layer of 10 units with Softmax, and the categorical "
           "cross-entropy loss";
    QTest::newRow("circle, regression head")
        << "circle" << "mse" << QStringList{"dense:4", "tanh", "dense:3"}
        << QStringList{"dense:4", "tanh", "dense:1", "sigmoid"} << "bce"
        << "2 classes need a Dense layer of 1 unit with Sigmoid, and the binary cross-entropy "
           "loss";
    QTest::newRow("circle, softmax kept with cce")
        << "circle" << "cce" << QStringList{"dense:4", "relu", "dense:3", "softmax"}
        << QStringList{"dense:4", "relu", "dense:2", "softmax"} << "cce"
        << "2 classes need a Dense layer of 2 units with Softmax, and the categorical "
           "cross-entropy loss";
    QTest::newRow("no dense layer at all")
        << "circle" << "bce" << QStringList{"tanh"} << QStringList{"tanh", "dense:1", "sigmoid"}
        << "bce" << "2 classes need a Dense layer of 1 unit with Sigmoid, and the binary "
                    "cross-entropy loss";
}

void TestNetworkSpec::outputFixFitsTheTask() {
    QFETCH(QString, source);
    QFETCH(QString, lossBefore);
    QFETCH(QStringList, layersBefore);
    QFETCH(QStringList, layersAfter);
    QFETCH(QString, lossAfter);
    QFETCH(QString, summary);
    auto build = [](const QStringList& layers) {
        std::vector<std::pair<std::string, double>> list;
        for (const QString& layer : layers) {
            const QStringList parts = layer.split(':');
            list.push_back({parts[0].toStdString(), parts.size() > 1 ? parts[1].toDouble() : 0});
        }
        return network(list);
    };
    Project project = Project::defaultProject();
    project.data.source = source.toStdString();
    project.task = source == "plane" ? Task::Regression : Task::Classification;
    project.training.loss = lossKindFromString(lossBefore.toStdString());
    project.network() = build(layersBefore);
    const DataInfo info = describeData(project.data, project.task, "");
    QVERIFY(!checkNetwork(project.network(), info, project.training.loss).ok());

    const std::optional<OutputFix> fix = proposeOutputFix(project, info);
    QVERIFY(fix);
    QStringList after;
    for (const LayerSpec& layer : fix->network.layers) {
        after << (layer.type == "dense" ? QStringLiteral("dense:%1").arg(layer.setting("units"))
                                        : QString::fromStdString(layer.type));
    }
    QCOMPARE(after, layersAfter);
    QCOMPARE(QString::fromStdString(toString(fix->loss)), lossAfter);
    QCOMPARE(QString::fromStdString(fix->summary), summary);
    QVERIFY(checkNetwork(fix->network, info, fix->loss).ok());
    // Layers that stay keep their ids; new ones take ids nobody uses.
    std::set<int> ids;
    for (const LayerSpec& layer : fix->network.layers) {
        QVERIFY(ids.insert(layer.id).second);
        const int before = project.network().indexOf(layer.id);
        if (before >= 0) QCOMPARE(project.network().layers[std::size_t(before)].type, layer.type);
    }
    // A network that fits needs no fix.
    project.network() = fix->network;
    project.training.loss = fix->loss;
    QVERIFY(!proposeOutputFix(project, info));
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
