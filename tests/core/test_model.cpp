// SPDX-License-Identifier: GPL-3.0-or-later
#include <QtTest>
#include <cmath>
#include <random>

#include "GradientCheck.h"
#include "data/DataLoader.h"
#include "layers/LayerRegistry.h"
#include "loss/Loss.h"
#include "optim/Optimizer.h"
#include "train/Model.h"
#include "train/OutputReading.h"
#include "train/TrainingSession.h"

using namespace nnplay;

namespace {

Matrix randomMatrix(int rows, int cols, unsigned seed, float scale = 1.0f) {
    std::mt19937 rng(seed);
    std::uniform_real_distribution<float> u(-scale, scale);
    Matrix m(rows, cols);
    for (Eigen::Index i = 0; i < m.size(); ++i) m.data()[i] = u(rng);
    return m;
}

/// Targets for `loss` with `outputs` rows: random values (mse), 0/1 (bce), one-hot (cce).
Matrix targetsFor(LossKind loss, int outputs, int batch) {
    Matrix t = Matrix::Zero(outputs, batch);
    for (int c = 0; c < batch; ++c) {
        if (loss == LossKind::Mse)
            t.col(c) = randomMatrix(outputs, 1, 40 + c);
        else if (loss == LossKind::Bce)
            t(0, c) = static_cast<float>(c % 2);
        else
            t(c % outputs, c) = 1.0f;
    }
    return t;
}

}  // namespace

class TestModel : public QObject {
    Q_OBJECT
private slots:
    void wholeModelGradients_data();
    void wholeModelGradients();
    void inputGradientOnlyWhenAsked();
    void frozenLayerIsNotStepped_data();
    void frozenLayerIsNotStepped();
    void frozenLayerIsNotPenalised();
    void outputReading_data();
    void outputReading();
    void singleTanhProbabilitiesStayInRange();
    void readingAgreesWithSession();
    void shapeHasSteps();
    void registryTraits();
};

void TestModel::wholeModelGradients_data() {
    QTest::addColumn<QString>("layers");  // type:units, comma-separated
    QTest::addColumn<int>("loss");
    QTest::addColumn<bool>("fused");  // the loss takes the logits before the last layer
    QTest::addColumn<int>("frozen");  // index of a frozen layer, or -1
    QTest::newRow("mse") << "dense:4,tanh,dense:3,sigmoid,dense:2,linear"
                         << static_cast<int>(LossKind::Mse) << false << -1;
    QTest::newRow("mse no activation")
        << "dense:5,sigmoid,dense:3,tanh,dense:2" << static_cast<int>(LossKind::Mse) << false << -1;
    QTest::newRow("bce") << "dense:4,tanh,dense:3,tanh,dense:1,sigmoid"
                         << static_cast<int>(LossKind::Bce) << false << -1;
    QTest::newRow("bce fused") << "dense:4,tanh,dense:3,tanh,dense:1,sigmoid"
                               << static_cast<int>(LossKind::Bce) << true << -1;
    QTest::newRow("cce") << "dense:4,sigmoid,dense:4,tanh,dense:3,softmax"
                         << static_cast<int>(LossKind::Cce) << false << -1;
    QTest::newRow("cce fused") << "dense:4,sigmoid,dense:4,tanh,dense:3,softmax"
                               << static_cast<int>(LossKind::Cce) << true << -1;
    QTest::newRow("frozen middle") << "dense:4,tanh,dense:3,tanh,dense:3,softmax"
                                   << static_cast<int>(LossKind::Cce) << false << 2;
}

// The loss of the whole model against central differences, for every parameter and the input.
void TestModel::wholeModelGradients() {
    QFETCH(QString, layers);
    QFETCH(int, loss);
    QFETCH(bool, fused);
    QFETCH(int, frozen);
    NetworkSpec spec;
    for (const QString& layer : layers.split(',')) {
        const QStringList parts = layer.split(':');
        spec.add(parts[0].toStdString(), parts.size() > 1 ? parts[1].toInt() : 0);
    }
    if (frozen >= 0) spec.layers[static_cast<std::size_t>(frozen)].trainable = false;
    const int inputs = 3, batch = 5;
    Model model(spec, Shape::flat(inputs), InitScheme::Auto, 11);
    model.setInputGradientNeeded(true);
    const int end = model.layerCount() - (fused ? 1 : 0);
    auto lossFn = makeLoss(static_cast<LossKind>(loss), fused);
    Matrix x = randomMatrix(inputs, batch, 3, 1.5f);
    const Matrix probe = model.forward(x, Mode::Train, end);
    const Matrix t = targetsFor(static_cast<LossKind>(loss), static_cast<int>(probe.rows()), batch);
    auto lossAt = [&]() {
        return static_cast<double>(lossFn->compute(model.forward(x, Mode::Train, end), t, false));
    };

    lossFn->compute(model.forward(x, Mode::Train, end), t, true);
    const Matrix gradInput = model.backward(lossFn->gradient(), end);
    QCOMPARE(gradInput.rows(), static_cast<Eigen::Index>(inputs));
    QCOMPARE(gradInput.cols(), static_cast<Eigen::Index>(batch));
    QVERIFY(gradInput.norm() > 1e-6);
    std::vector<Matrix> analytic;
    for (const Param& p : model.params()) analytic.push_back(*p.grad);

    const double inputError = test::maxRelativeError(x, gradInput, lossAt, 1e-2, 1e-3);
    QVERIFY2(inputError < 2e-2, qPrintable(QString("input gradient error %1").arg(inputError)));
    for (std::size_t i = 0; i < model.params().size(); ++i) {
        const double error =
            test::maxRelativeError(*model.params()[i].value, analytic[i], lossAt, 1e-2, 1e-3);
        QVERIFY2(error < 2e-2,
                 qPrintable(QString("parameter %1 gradient error %2").arg(i).arg(error)));
    }
}

void TestModel::inputGradientOnlyWhenAsked() {
    const NetworkSpec spec = NetworkSpec::multilayer({4, 2}, "tanh", "");
    Model model(spec, Shape::flat(3), InitScheme::PyTorch, 5);
    QVERIFY(!model.inputGradientNeeded());
    const Matrix x = randomMatrix(3, 6, 1);
    const Matrix g = randomMatrix(2, 6, 2);
    model.forward(x, Mode::Train);
    model.setInputGradientNeeded(true);
    const Matrix asked = model.backward(g);
    QCOMPARE(asked.rows(), 3);
    // dL/dx = W1^T (dL/dh1), with dL/dh1 from the layers above: the first layer's product.
    const Matrix& w1 = *model.params()[0].value;
    const Matrix above = model.layer(1).backward(model.layer(2).backward(g));
    QVERIFY((asked - w1.transpose() * above).norm() < 1e-5);
    // Asked for again with the same input: the same values.
    model.forward(x, Mode::Train);
    QVERIFY((Matrix(model.backward(g)) - asked).norm() < 1e-6);
}

void TestModel::frozenLayerIsNotStepped_data() {
    QTest::addColumn<QString>("optimizer");
    QTest::addColumn<double>("momentum");
    QTest::newRow("sgd") << "sgd" << 0.0;
    QTest::newRow("sgd momentum") << "sgd" << 0.9;
    QTest::newRow("rmsprop") << "rmsprop" << 0.0;
    QTest::newRow("adam") << "adam" << 0.0;
}

// A frozen middle layer keeps its weights; the layers on both sides change, so the gradient
// reached the first layer through it.
void TestModel::frozenLayerIsNotStepped() {
    QFETCH(QString, optimizer);
    QFETCH(double, momentum);
    NetworkSpec spec = NetworkSpec::multilayer({4, 4, 1}, "tanh", "sigmoid");
    spec.layers[2].trainable = false;  // the second dense layer
    Model model(spec, Shape::flat(2), InitScheme::Auto, 3);
    const std::vector<Param>& params = model.params();
    QCOMPARE(params.size(), std::size_t(6));
    for (std::size_t i = 0; i < params.size(); ++i)
        QCOMPARE(params[i].trainable, i == 2 || i == 3 ? false : true);
    const std::vector<Matrix> before = model.paramValues();
    OptimizerSettings settings;
    settings.kind = optimizer.toStdString();
    settings.learningRate = 0.05f;
    settings.momentum = static_cast<float>(momentum);
    auto opt = makeOptimizer(settings);
    auto loss = makeLoss(LossKind::Bce, false);
    const Matrix x = randomMatrix(2, 8, 4);
    const Matrix t = targetsFor(LossKind::Bce, 1, 8);
    for (int step = 0; step < 5; ++step) {
        loss->compute(model.forward(x, Mode::Train), t, true);
        model.backward(loss->gradient());
        opt->step(params);
    }
    const std::vector<Matrix> after = model.paramValues();
    for (std::size_t i = 0; i < params.size(); ++i) {
        const float change = (after[i] - before[i]).cwiseAbs().maxCoeff();
        if (i == 2 || i == 3)
            QCOMPARE(change, 0.0f);
        else
            QVERIFY2(change > 1e-5f, qPrintable(QString("parameter %1 did not move").arg(i)));
    }
}

void TestModel::frozenLayerIsNotPenalised() {
    Project p;
    p.data.source = "gaussian";
    p.data.samples = 100;
    p.network() = NetworkSpec::multilayer({3, 1}, "tanh", "sigmoid");
    p.network().layers[0].trainable = false;
    p.training.loss = LossKind::Bce;
    p.training.l1 = 0.01f;
    p.training.l2 = 0.1f;
    p.training.batchSize = 10;
    auto session = std::make_unique<TrainingSession>(p, loadData(p.data, p.task, "."));
    const std::vector<Matrix> before = session->model().paramValues();
    for (const Param& param : session->model().layer(0).params()) QVERIFY(!param.penaltyApplies());
    QVERIFY(session->model().layer(2).params()[0].penaltyApplies());
    QVERIFY(!session->model().layer(2).params()[1].penaltyApplies());
    session->run(3);
    const std::vector<Matrix> after = session->model().paramValues();
    QCOMPARE(after[0], before[0]);
    QCOMPARE(after[1], before[1]);
    QVERIFY((after[2] - before[2]).norm() > 1e-4);
    // The frozen flag survives into the stored project.
    Project stored = p;
    session->storeInto(stored);
    QVERIFY(!stored.network().layers[0].trainable);
    QCOMPARE(stored.network().layers[0].params[0], before[0]);
}

void TestModel::outputReading_data() {
    QTest::addColumn<int>("kind");
    QTest::addColumn<QList<float>>("outputs");  // one sample
    QTest::addColumn<int>("expectedClass");
    QTest::addColumn<QList<float>>("probabilities");  // per class
    QTest::addColumn<float>("absentTarget");
    using K = OutputKind;
    QTest::newRow("sigmoid") << int(K::Probability) << QList<float>{0.3f} << 0
                             << QList<float>{0.7f, 0.3f} << 0.0f;
    QTest::newRow("sigmoid at 0.5")
        << int(K::Probability) << QList<float>{0.5f} << 1 << QList<float>{0.5f, 0.5f} << 0.0f;
    QTest::newRow("tanh negative")
        << int(K::Symmetric) << QList<float>{-0.5f} << 0 << QList<float>{0.75f, 0.25f} << -1.0f;
    QTest::newRow("tanh positive")
        << int(K::Symmetric) << QList<float>{0.2f} << 1 << QList<float>{0.4f, 0.6f} << -1.0f;
    QTest::newRow("tanh at 0") << int(K::Symmetric) << QList<float>{0.0f} << 1
                               << QList<float>{0.5f, 0.5f} << -1.0f;
    QTest::newRow("linear above 1")
        << int(K::Unbounded) << QList<float>{1.7f} << 1 << QList<float>{0.0f, 1.0f} << 0.0f;
    QTest::newRow("linear below 0.5")
        << int(K::Unbounded) << QList<float>{0.4f} << 0 << QList<float>{0.6f, 0.4f} << 0.0f;
    QTest::newRow("softmax") << int(K::Distribution) << QList<float>{0.2f, 0.5f, 0.3f} << 1
                             << QList<float>{0.2f, 0.5f, 0.3f} << 0.0f;
    // Several tanh outputs are trained on one-hot 0/1 targets: their values read directly.
    QTest::newRow("tanh per class")
        << int(K::Symmetric) << QList<float>{-0.4f, 0.9f} << 1 << QList<float>{0.0f, 0.9f} << 0.0f;
}

void TestModel::outputReading() {
    QFETCH(int, kind);
    QFETCH(QList<float>, outputs);
    QFETCH(int, expectedClass);
    QFETCH(QList<float>, probabilities);
    QFETCH(float, absentTarget);
    Matrix y(outputs.size(), 1);
    for (int i = 0; i < outputs.size(); ++i) y(i, 0) = outputs[i];
    const OutputReading reading(static_cast<OutputKind>(kind), outputs.size());
    QCOMPARE(reading.classOf(y, 0), expectedClass);
    for (int k = 0; k < probabilities.size(); ++k)
        QVERIFY2(std::abs(reading.probability(y, 0, k) - probabilities[k]) < 1e-6f,
                 qPrintable(QString("class %1: %2").arg(k).arg(reading.probability(y, 0, k))));
    QCOMPARE(reading.absentTarget(), absentTarget);
    std::vector<int> classes;
    reading.classify(y, classes);
    QCOMPARE(classes, std::vector<int>{expectedClass});
}

// The bug this rule fixes: a single tanh output's class-0 probability was 1 - y, up to 200%.
void TestModel::singleTanhProbabilitiesStayInRange() {
    const OutputReading reading(OutputKind::Symmetric, 1);
    Matrix y(1, 41);
    for (int i = 0; i <= 40; ++i) y(0, i) = -1.0f + 0.05f * static_cast<float>(i);
    for (Eigen::Index i = 0; i < y.cols(); ++i) {
        const int predicted = reading.classOf(y, i);
        const float p = reading.probability(y, i, predicted);
        QVERIFY2(p >= 0.5f && p <= 1.0f, qPrintable(QString("y %1: %2").arg(y(0, i)).arg(p)));
        QVERIFY(std::abs(reading.probability(y, i, 0) + reading.probability(y, i, 1) - 1) < 1e-6f);
        QCOMPARE(predicted, y(0, i) >= 0.0f ? 1 : 0);
        QCOMPARE(reading.centred(y(0, i)), y(0, i));
    }
}

// The session classifies, trains on targets and scores with the same rule.
void TestModel::readingAgreesWithSession() {
    Project p;
    p.data.source = "gaussian";
    p.data.samples = 200;
    p.network() = NetworkSpec::multilayer({4, 1}, "relu", "tanh");
    p.training.loss = LossKind::Mse;
    p.training.batchSize = 10;
    auto session = std::make_unique<TrainingSession>(p, loadData(p.data, p.task, "."));
    session->run(10);
    QCOMPARE(session->outputReading().kind(), OutputKind::Symmetric);
    const Dataset& test = session->data().test;
    Matrix out;
    session->predict(test.inputs, out);
    std::vector<int> classes;
    session->outputReading().classify(out, classes);
    QCOMPARE(session->classify(out), classes);
    long long correct = 0;
    for (std::size_t i = 0; i < classes.size(); ++i) correct += classes[i] == test.labels[i];
    const double accuracy = static_cast<double>(correct) / static_cast<double>(classes.size());
    QVERIFY2(accuracy > 0.9, qPrintable(QString::number(accuracy)));
    QCOMPARE(session->score(test).accuracy, accuracy);
}

void TestModel::shapeHasSteps() {
    QCOMPARE(Shape::flat(4).toString(), std::string("4"));
    QCOMPARE((Shape{1, 8, 8}).toString(), std::string("1x8x8"));
    const Shape sequence = Shape::sequence(10, 4);
    QCOMPARE(sequence.size(), 40);
    QCOMPARE(sequence.stepSize(), 4);
    QVERIFY(sequence.isSequence());
    QCOMPARE(sequence.toString(), std::string("10 steps x 4"));
    QCOMPARE((Shape{3, 8, 8, 5}).toString(), std::string("5 steps x 3x8x8"));
    QCOMPARE((Shape{3, 8, 8, 5}).size(), 3 * 8 * 8 * 5);
    QVERIFY(!(sequence == Shape::flat(40)));
    // A dense layer on a sequence applies to every step, with one set of weights.
    const LayerInfo& dense = LayerRegistry::builtin().get("dense");
    LayerSpec spec;
    spec.type = "dense";
    spec.settings["units"] = 3;
    QCOMPARE(dense.paramCount(spec, sequence), 3LL * 4 + 3);
    QCOMPARE(dense.outputShape(spec, sequence), Shape::sequence(10, 3));
}

void TestModel::registryTraits() {
    const LayerRegistry& r = LayerRegistry::builtin();
    const LayerInfo& dense = r.get("dense");
    QVERIFY(dense.hasWeights() && dense.drawsNeurons && !dense.isActivation);
    QCOMPARE(dense.params.size(), std::size_t(2));
    QCOMPARE(dense.params[0].name, std::string("weights"));
    QCOMPARE(dense.params[0].storage, ParamStorage::Matrix);
    QVERIFY(dense.params[0].penalized && dense.params[0].trainable);
    QCOMPARE(dense.params[1].name, std::string("bias"));
    QCOMPARE(dense.params[1].storage, ParamStorage::List);
    QVERIFY(!dense.params[1].penalized);
    QCOMPARE(dense.outputKind, OutputKind::Unbounded);
    QCOMPARE(r.get("sigmoid").outputKind, OutputKind::Probability);
    QCOMPARE(r.get("tanh").outputKind, OutputKind::Symmetric);
    QCOMPARE(r.get("softmax").outputKind, OutputKind::Distribution);
    QCOMPARE(r.get("linear").outputKind, OutputKind::Unbounded);
    for (const LayerInfo& info : r.all()) {
        QVERIFY2(info.imageLayer == (info.group == "Convolution"), info.type.c_str());
        QVERIFY2(info.glyph != LayerInfo::Glyph::Curve || info.glyphCurve, info.type.c_str());
        if (info.isActivation) QVERIFY(!info.hasWeights() && !info.drawsNeurons);
    }
    const NetworkSpec net = NetworkSpec::multilayer({4, 2}, "relu", "softmax");
    QCOMPARE(r.outputKind(net), OutputKind::Distribution);
    QCOMPARE(r.sizingLayer(net), 2);
    QCOMPARE(r.outputKind(NetworkSpec{}), OutputKind::Unbounded);
}

QTEST_GUILESS_MAIN(TestModel)
#include "test_model.moc"
