// SPDX-License-Identifier: GPL-3.0-or-later
#include <QtTest>
#include <cmath>
#include <random>

#include "GradientCheck.h"
#include "io/ProjectFile.h"
#include "layers/LayerRegistry.h"
#include "layers/RecurrentLayer.h"
#include "loss/Loss.h"
#include "train/Model.h"

using namespace nnplay;

namespace {

constexpr int kSteps = 4, kFeatures = 3, kUnits = 3, kBatch = 2;
/// Finite-difference step and the gradient size below which errors count absolutely: float
/// outputs round at ~1e-7 of a loss near 1, which differences over 2h blow up to ~1e-5.
constexpr double kH = 1e-2, kFloor = 1e-3;

LayerSpec recurrentSpec(const std::string& type, int units, bool returnSequences) {
    LayerSpec spec;
    spec.type = type;
    spec.settings = {{"units", units}, {"return_sequences", returnSequences ? 1 : 0}};
    return spec;
}

std::unique_ptr<Layer> makeLayer(const LayerSpec& spec, const Shape& input) {
    auto layer = LayerRegistry::builtin().get(spec.type).create(spec);
    Random rng(11);
    layer->build(input, InitScheme::PyTorch, "", rng);
    return layer;
}

Matrix randomMatrix(Eigen::Index rows, Eigen::Index cols, unsigned seed, float scale = 1.0f) {
    std::mt19937 rng(seed);
    std::uniform_real_distribution<float> u(-scale, scale);
    Matrix m(rows, cols);
    for (Eigen::Index i = 0; i < m.size(); ++i) m.data()[i] = u(rng);
    return m;
}

/// The largest error of dL/dInput and of every parameter gradient of `layer` against central
/// differences, for L = sum(output .* R) with a fixed random R.
double worstGradientError(Layer& layer, Matrix x, QString* where) {
    const Matrix probe = layer.forward(x, Mode::Train);
    const Matrix r = randomMatrix(probe.rows(), probe.cols(), 5);
    auto lossAt = [&]() {
        return layer.forward(x, Mode::Train).cast<double>().cwiseProduct(r.cast<double>()).sum();
    };
    layer.forward(x, Mode::Train);
    const Matrix gradInput = layer.backward(r);
    if (gradInput.rows() != x.rows() || gradInput.cols() != x.cols()) {
        *where = "input gradient shape";
        return INFINITY;
    }
    double worst = test::maxRelativeError(x, gradInput, lossAt, kH, kFloor);
    *where = "input";
    const std::vector<Param> params = layer.params();
    for (std::size_t p = 0; p < params.size(); ++p) {
        layer.forward(x, Mode::Train);
        layer.backward(r);
        const Matrix analytic = *params[p].grad;
        const double error = test::maxRelativeError(*params[p].value, analytic, lossAt, kH, kFloor);
        if (error > worst) {
            worst = error;
            *where = "parameter " + QString::number(p);
        }
    }
    return worst;
}

float sigmoid(float x) { return 1.0f / (1.0f + std::exp(-x)); }

/// A one-unit layer of `type` on one feature, with the given tensors.
std::unique_ptr<Layer> oneUnit(const std::string& type, bool returnSequences,
                               std::initializer_list<float> weightIh,
                               std::initializer_list<float> weightHh,
                               std::initializer_list<float> biasIh,
                               std::initializer_list<float> biasHh) {
    auto layer = makeLayer(recurrentSpec(type, 1, returnSequences), Shape::sequence(2, 1));
    std::vector<Param> params = layer->params();
    int p = 0;
    for (const auto& values : {weightIh, weightHh, biasIh, biasHh}) {
        int i = 0;
        for (float v : values) (*params[p].value)(i++, 0) = v;
        ++p;
    }
    return layer;
}

}  // namespace

class TestRecurrentLayers : public QObject {
    Q_OBJECT
private slots:
    void gradientsThroughTime_data();
    void gradientsThroughTime();
    void simpleRnnForwardByHand();
    void lstmForwardByHand();
    void gruForwardByHand();
    void denseAppliesToEveryStep();
    void perStepSoftmaxCrossEntropyGradients();
    void shapes();
    void shapeErrors_data();
    void shapeErrors();
    void buffersAreReused();
    void fileRoundTripKeepsReturnSequences();
};

void TestRecurrentLayers::gradientsThroughTime_data() {
    QTest::addColumn<QString>("type");
    QTest::addColumn<bool>("returnSequences");
    for (const char* type : {"simple_rnn", "lstm", "gru"}) {
        QTest::newRow((std::string(type) + " last step").c_str()) << type << false;
        QTest::newRow((std::string(type) + " sequences").c_str()) << type << true;
    }
}

// Four steps, so the gradient flows back through three recurrences (BPTT); both outputs.
void TestRecurrentLayers::gradientsThroughTime() {
    QFETCH(QString, type);
    QFETCH(bool, returnSequences);
    auto layer = makeLayer(recurrentSpec(type.toStdString(), kUnits, returnSequences),
                           Shape::sequence(kSteps, kFeatures));
    // Larger weights than the initialisation so every gate is well away from linear.
    for (const Param& p : layer->params())
        *p.value = randomMatrix(p.value->rows(), p.value->cols(), 21, 0.8f);
    const Matrix x = randomMatrix(kSteps * kFeatures, kBatch, 3, 1.5f);
    const Matrix out = layer->forward(x, Mode::Train);
    QCOMPARE(out.rows(), Eigen::Index(returnSequences ? kSteps * kUnits : kUnits));
    QString where;
    const double error = worstGradientError(*layer, x, &where);
    QVERIFY2(error < 1e-2, qPrintable(QString("%1 gradient error %2").arg(where).arg(error)));

    // Every gate takes part: each block of gate rows of both weight gradients is non-zero.
    const std::vector<Param> params = layer->params();
    const int gates = static_cast<int>(params[0].value->rows()) / kUnits;
    for (int tensor : {0, 1})
        for (int g = 0; g < gates; ++g)
            QVERIFY2(
                params[tensor].grad->middleRows(g * kUnits, kUnits).norm() > 1e-3f,
                qPrintable(QString("gate %1 of tensor %2 has no gradient").arg(g).arg(tensor)));
    // The first step's input matters to the last output only through the recurrence.
    const Matrix gradInput = [&] {
        layer->forward(x, Mode::Train);
        return Matrix(layer->backward(Matrix::Ones(out.rows(), out.cols())));
    }();
    QVERIFY(gradInput.topRows(kFeatures).norm() > 1e-4f);
}

void TestRecurrentLayers::simpleRnnForwardByHand() {
    auto layer = oneUnit("simple_rnn", true, {0.5f}, {-1.0f}, {0.1f}, {0.2f});
    Matrix x(2, 1);
    x << 1, 2;
    const Matrix h = layer->forward(x, Mode::Infer);
    const float h0 = std::tanh(0.5f * 1 + 0.1f + 0.2f);
    QCOMPARE(h(0, 0), h0);
    QCOMPARE(h(1, 0), std::tanh(0.5f * 2 + 0.1f + 0.2f - h0));
}

void TestRecurrentLayers::lstmForwardByHand() {
    // Gates i, f, g, o; the last step only.
    auto layer = oneUnit("lstm", false, {0.5f, -0.5f, 1.0f, 2.0f}, {0.1f, 0.2f, 0.3f, 0.4f},
                         {0.0f, 1.0f, 0.0f, 0.0f}, {0.1f, 0.0f, -0.2f, 0.0f});
    Matrix x(2, 1);
    x << 1, -1;
    const Matrix h = layer->forward(x, Mode::Infer);
    QCOMPARE(h.rows(), Eigen::Index(1));
    // Step 0: h_{-1} = c_{-1} = 0.
    const float c0 = sigmoid(0.5f + 0.1f) * std::tanh(1.0f - 0.2f);
    const float h0 = sigmoid(2.0f) * std::tanh(c0);
    // Step 1, x = -1.
    const float i1 = sigmoid(-0.5f + 0.1f * h0 + 0.1f), f1 = sigmoid(0.5f + 0.2f * h0 + 1.0f),
                g1 = std::tanh(-1.0f + 0.3f * h0 - 0.2f), o1 = sigmoid(-2.0f + 0.4f * h0);
    const float c1 = f1 * c0 + i1 * g1;
    QVERIFY(std::abs(h(0, 0) - o1 * std::tanh(c1)) < 1e-6f);
}

void TestRecurrentLayers::gruForwardByHand() {
    // Gates r, z, n; PyTorch's candidate n = tanh(W_in x + b_in + r (W_hn h + b_hn)).
    auto layer = oneUnit("gru", true, {0.5f, -1.0f, 2.0f}, {0.3f, 0.6f, -0.7f}, {0.0f, 0.1f, 0.0f},
                         {0.2f, 0.0f, 0.5f});
    Matrix x(2, 1);
    x << 1, 0.5;
    const Matrix h = layer->forward(x, Mode::Infer);
    const float r0 = sigmoid(0.5f + 0.2f), z0 = sigmoid(-1.0f + 0.1f);
    const float n0 = std::tanh(2.0f + r0 * 0.5f);
    const float h0 = (1 - z0) * n0;  // + z0 * h_{-1} = 0
    QVERIFY(std::abs(h(0, 0) - h0) < 1e-6f);
    const float r1 = sigmoid(0.25f + 0.3f * h0 + 0.2f), z1 = sigmoid(-0.5f + 0.1f + 0.6f * h0);
    const float n1 = std::tanh(1.0f + r1 * (-0.7f * h0 + 0.5f));
    QVERIFY(std::abs(h(1, 0) - ((1 - z1) * n1 + z1 * h0)) < 1e-6f);
}

void TestRecurrentLayers::denseAppliesToEveryStep() {
    LayerSpec spec;
    spec.type = "dense";
    spec.settings = {{"units", 4}};
    const Shape input = Shape::sequence(kSteps, kFeatures);
    QCOMPARE(LayerRegistry::builtin().get("dense").outputShape(spec, input),
             Shape::sequence(kSteps, 4));
    auto layer = makeLayer(spec, input);
    QCOMPARE(layer->params()[0].value->cols(), Eigen::Index(kFeatures));
    const Matrix x = randomMatrix(kSteps * kFeatures, kBatch, 8);
    const Matrix y = layer->forward(x, Mode::Infer);
    const Matrix& w = *layer->params()[0].value;
    const Matrix& b = *layer->params()[1].value;
    for (int t = 0; t < kSteps; ++t)
        for (int s = 0; s < kBatch; ++s) {
            const Vector expected = w * x.block(t * kFeatures, s, kFeatures, 1) + b;
            QVERIFY((y.block(t * 4, s, 4, 1) - expected).norm() < 1e-5f);
        }
    QString where;
    const double error = worstGradientError(*layer, x, &where);
    QVERIFY2(error < 1e-2, qPrintable(QString("%1 gradient error %2").arg(where).arg(error)));
}

// LSTM (every step) -> Dense 3 -> Softmax trained with the fused softmax + cross-entropy over
// every step: the loss is the mean over samples and steps of -log p(target), and its gradient
// reaches the recurrent weights.
void TestRecurrentLayers::perStepSoftmaxCrossEntropyGradients() {
    const int classes = 3;
    NetworkSpec net;
    net.layers.push_back(recurrentSpec("lstm", kUnits, true));
    net.add("dense", classes);
    net.add("softmax");
    const Shape input = Shape::sequence(kSteps, kFeatures);
    const ShapeReport report = inferShapes(net, input);
    QVERIFY2(report.ok(), report.error.c_str());
    QCOMPARE(report.layers.back().output, Shape::sequence(kSteps, classes));
    Model model(net, input, InitScheme::PyTorch, 4);
    const Matrix x = randomMatrix(kSteps * kFeatures, kBatch, 9, 1.5f);
    Matrix target = Matrix::Zero(kSteps * classes, kBatch);
    for (int s = 0; s < kBatch; ++s)
        for (int t = 0; t < kSteps; ++t) target(t * classes + (s + t) % classes, s) = 1.0f;

    // The unfused value, by hand from the softmax outputs: each step's columns sum to 1.
    const Matrix p = model.forward(x, Mode::Infer);
    double byHand = 0.0;
    for (int s = 0; s < kBatch; ++s)
        for (int t = 0; t < kSteps; ++t) {
            QVERIFY(std::abs(p.block(t * classes, s, classes, 1).sum() - 1.0f) < 1e-5f);
            byHand -= std::log(p(t * classes + (s + t) % classes, s));
        }
    byHand /= kBatch * kSteps;

    auto loss = makeLoss(LossKind::Cce, true);
    const int end = model.layerCount() - 1;  // the logits
    auto lossAt = [&]() {
        return static_cast<double>(
            loss->compute(stepColumns(model.forward(x, Mode::Train, end), kSteps),
                          stepColumns(target, kSteps), false));
    };
    QVERIFY(std::abs(lossAt() - byHand) < 1e-5);
    for (std::size_t i = 0; i < model.params().size(); ++i) {
        loss->compute(stepColumns(model.forward(x, Mode::Train, end), kSteps),
                      stepColumns(target, kSteps), true);
        model.backward(sampleColumns(loss->gradient(), kSteps), end);
        const Matrix analytic = *model.params()[i].grad;
        const double error =
            test::maxRelativeError(*model.params()[i].value, analytic, lossAt, kH, kFloor);
        QVERIFY2(error < 1e-2, qPrintable(QString("parameter %1 error %2").arg(i).arg(error)));
    }
}

void TestRecurrentLayers::shapes() {
    NetworkSpec net;
    net.layers.push_back(recurrentSpec("gru", 8, true));
    net.layers.push_back(recurrentSpec("simple_rnn", 5, false));
    net.add("dense", 2);
    const ShapeReport report = inferShapes(net, Shape::sequence(6, 3));
    QVERIFY2(report.ok(), report.error.c_str());
    QCOMPARE(report.layers[0].output, Shape::sequence(6, 8));
    QCOMPARE(report.layers[1].output, Shape::flat(5));
    QCOMPARE(report.layers[2].output, Shape::flat(2));
    // PyTorch's counts: 3 gates x (8*3 + 8*8 + 8 + 8); 5*8 + 5*5 + 5 + 5; 2*5 + 2.
    QCOMPARE(report.layers[0].paramCount, 3LL * (24 + 64 + 16));
    QCOMPARE(report.layers[1].paramCount, 40LL + 25 + 10);
    QCOMPARE(report.totalParams(), 3LL * 104 + 75 + 12);
    const LayerInfo& lstm = LayerRegistry::builtin().get("lstm");
    QCOMPARE(lstm.group, std::string("Recurrent"));
    QVERIFY(lstm.sequenceLayer);
    QCOMPARE(lstm.findSetting("return_sequences")->kind, SettingInfo::Kind::Flag);
    QCOMPARE(lstm.params[0].name, std::string("weight_ih"));
}

void TestRecurrentLayers::shapeErrors_data() {
    QTest::addColumn<QString>("layers");  // comma-separated; "lstm+" returns sequences
    QTest::addColumn<bool>("sequenceInput");
    QTest::addColumn<QString>("message");
    QTest::newRow("after dense on flat data")
        << "dense,lstm" << false
        << "LSTM (layer 2) needs a sequence (steps x features) but Dense gives 16: recurrent "
           "layers read sequence data (sine, text) and come before the Dense layers";
    QTest::newRow("first on flat data")
        << "gru" << false
        << "GRU (layer 1) needs a sequence (steps x features) but the data gives 16";
    QTest::newRow("after the last step only")
        << "simple_rnn,lstm" << true
        << "LSTM (layer 2) needs a sequence (steps x features) but SimpleRNN gives 16: turn on "
           "return_sequences in SimpleRNN (layer 1) so it passes on every step";
    QTest::newRow("stored weights of another size")
        << "lstm*" << true << "LSTM (layer 1) has stored weight_ih of shape 3x1 but needs 64x2";
}

void TestRecurrentLayers::shapeErrors() {
    QFETCH(QString, layers);
    QFETCH(bool, sequenceInput);
    QFETCH(QString, message);
    NetworkSpec net;
    for (const QString& name : layers.split(',')) {
        if (name == "dense") {
            net.add("dense", 16);
            continue;
        }
        const std::string type = QString(name).remove('*').toStdString();
        net.layers.push_back(recurrentSpec(type, 16, false));
        net.layers.back().id = net.freshId();
        if (name.endsWith('*'))
            net.layers.back().params = {Matrix(3, 1), Matrix(64, 16), Matrix(64, 1), Matrix(64, 1)};
    }
    const ShapeReport report =
        inferShapes(net, sequenceInput ? Shape::sequence(5, 2) : Shape::flat(16));
    QVERIFY(!report.ok());
    QVERIFY2(QString::fromStdString(report.error).startsWith(message), report.error.c_str());
}

void TestRecurrentLayers::buffersAreReused() {
    auto layer = makeLayer(recurrentSpec("lstm", kUnits, true), Shape::sequence(kSteps, kFeatures));
    const Matrix x = randomMatrix(kSteps * kFeatures, 8, 1);
    const float* out = layer->forward(x, Mode::Train).data();
    const float* grad = layer->backward(Matrix::Ones(kSteps * kUnits, 8)).data();
    // A smaller last batch and the next full one use the same memory.
    layer->forward(x.leftCols(3), Mode::Train);
    layer->backward(Matrix::Ones(kSteps * kUnits, 3));
    QCOMPARE(layer->forward(x, Mode::Train).data(), out);
    QCOMPARE(layer->backward(Matrix::Ones(kSteps * kUnits, 8)).data(), grad);
}

void TestRecurrentLayers::fileRoundTripKeepsReturnSequences() {
    Project project;
    project.task = Task::Regression;
    NetworkSpec& net = project.network();
    net.layers.push_back(recurrentSpec("gru", 4, true));
    net.layers.back().id = net.freshId();
    net.add("dense", 1);
    Model model(net, Shape::sequence(5, 1), InitScheme::PyTorch, 3);
    model.storeParams(net);
    const std::string text = ProjectFile::serialize(project);
    QVERIFY(text.find("\"return_sequences\": true") != std::string::npos);
    QVERIFY(text.find("\"weight_hh\"") != std::string::npos);
    const Project back = ProjectFile::parse(text);
    QCOMPARE(back.network().layers[0].setting("return_sequences"), 1.0);
    QVERIFY(back.network().layers[0].params == net.layers[0].params);
    QVERIFY(back.network() == net);
}

QTEST_APPLESS_MAIN(TestRecurrentLayers)
#include "test_recurrent_layers.moc"
