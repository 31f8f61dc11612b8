// SPDX-License-Identifier: GPL-3.0-or-later
#include <QtTest>
#include <cmath>

#include "GradientCheck.h"
#include "layers/LayerRegistry.h"

using namespace nnplay;

namespace {

/// A layer built from the registry for inputs of `inputs` features.
std::unique_ptr<Layer> makeLayer(const std::string& type, int inputs,
                                 std::map<std::string, double> settings = {}) {
    LayerSpec spec;
    spec.type = type;
    spec.settings = std::move(settings);
    auto layer = LayerRegistry::builtin().get(type).create(spec);
    Random rng(7);
    layer->build(Shape::flat(inputs), InitScheme::PyTorch, "", rng);
    return layer;
}

Matrix randomMatrix(int rows, int cols, unsigned seed, float scale = 1.0f) {
    std::mt19937 rng(seed);
    std::uniform_real_distribution<float> u(-scale, scale);
    Matrix m(rows, cols);
    for (Eigen::Index i = 0; i < m.size(); ++i) m.data()[i] = u(rng);
    return m;
}

}  // namespace

class TestLayers : public QObject {
    Q_OBJECT
private slots:
    void gradients_data();
    void gradients();
    void denseForwardByHand();
    void denseMatchesReferenceProducts_data();
    void denseMatchesReferenceProducts();
    void activationForwardByHand_data();
    void activationForwardByHand();
    void softmaxColumnsSumToOne();
    void dropoutTrainAndInfer();
    void buffersDoNotMoveForSmallerBatches();
    void registryKnowsEveryBuiltin();
};

void TestLayers::gradients_data() {
    QTest::addColumn<QString>("type");
    QTest::addColumn<double>("offset");  // keeps inputs away from kinks (relu at 0)
    QTest::newRow("dense") << "dense" << 0.0;
    QTest::newRow("relu") << "relu" << 0.0;
    QTest::newRow("leaky_relu") << "leaky_relu" << 0.0;
    QTest::newRow("sigmoid") << "sigmoid" << 0.0;
    QTest::newRow("tanh") << "tanh" << 0.0;
    QTest::newRow("softmax") << "softmax" << 0.0;
    QTest::newRow("linear") << "linear" << 0.0;
    QTest::newRow("dropout") << "dropout" << 0.0;
}

// Loss L = sum(output .* R) for a fixed random R, so dL/dOutput = R. Checks dL/dInput and
// every parameter gradient against central differences.
void TestLayers::gradients() {
    QFETCH(QString, type);
    const int inputs = 5, batch = 4;
    std::map<std::string, double> settings;
    if (type == "dense") settings["units"] = 3;
    if (type == "leaky_relu") settings["alpha"] = 0.1;
    auto layer = makeLayer(type.toStdString(), inputs, settings);
    // Inputs with |x| >= 0.1 so that relu's kink is never crossed by the step h = 1e-3.
    Matrix x = randomMatrix(inputs, batch, 3, 2.0f);
    for (Eigen::Index i = 0; i < x.size(); ++i)
        if (std::abs(x.data()[i]) < 0.1f) x.data()[i] = 0.3f;
    // Dropout draws a new mask per forward; infer mode makes it deterministic (identity).
    const Mode mode = type == "dropout" ? Mode::Infer : Mode::Train;
    const Matrix probe = layer->forward(x, mode);
    const Matrix r = randomMatrix(static_cast<int>(probe.rows()), batch, 5);
    auto lossAt = [&]() { return static_cast<double>(layer->forward(x, mode).cwiseProduct(r).sum()); };

    layer->forward(x, mode);
    const Matrix gradInput = layer->backward(r);
    QVERIFY(gradInput.rows() == inputs && gradInput.cols() == batch);
    const double inputError = test::maxRelativeError(x, gradInput, lossAt);
    QVERIFY2(inputError < 1e-2, qPrintable(QString("input gradient error %1").arg(inputError)));

    for (const Param& p : layer->params()) {
        layer->forward(x, mode);
        layer->backward(r);
        const Matrix analytic = *p.grad;
        const double error = test::maxRelativeError(*p.value, analytic, lossAt);
        QVERIFY2(error < 1e-2, qPrintable(QString("parameter gradient error %1").arg(error)));
    }
}

void TestLayers::denseForwardByHand() {
    auto layer = makeLayer("dense", 2, {{"units", 2}});
    auto params = layer->params();
    *params[0].value << 1, 2, -3, 0.5;  // units x inputs
    *params[1].value << 0.5, -1;
    Matrix x(2, 1);
    x << 2, -1;
    const Matrix y = layer->forward(x, Mode::Infer);
    QCOMPARE(y(0, 0), 1 * 2 + 2 * -1 + 0.5f);
    QCOMPARE(y(1, 0), -3 * 2 + 0.5f * -1 - 1);
}

void TestLayers::denseMatchesReferenceProducts_data() {
    QTest::addColumn<int>("units");
    QTest::addColumn<int>("inputs");
    QTest::addColumn<int>("batch");
    // Whole register tiles, every kind of remainder (rows and columns), and one-unit layers.
    QTest::newRow("64x64 batch 32") << 64 << 64 << 32;
    QTest::newRow("70x37 batch 35") << 70 << 37 << 35;
    QTest::newRow("10x128 batch 33") << 10 << 128 << 33;
    QTest::newRow("1x64 batch 32") << 1 << 64 << 32;
    QTest::newRow("64x2 batch 7") << 64 << 2 << 7;
    QTest::newRow("3x5 batch 1") << 3 << 5 << 1;
    QTest::newRow("29x1 batch 9") << 29 << 1 << 9;
    QTest::newRow("128x19 batch 300") << 128 << 19 << 300;
}

// The dense layer's own products against plain double-precision arithmetic: forward, both
// gradients, at shapes that exercise every tile and edge of the kernels.
void TestLayers::denseMatchesReferenceProducts() {
    QFETCH(int, units);
    QFETCH(int, inputs);
    QFETCH(int, batch);
    auto layer = makeLayer("dense", inputs, {{"units", units}});
    const auto params = layer->params();
    *params[1].value = randomMatrix(units, 1, 11);  // PyTorch's scheme draws small biases
    const Eigen::MatrixXd w = params[0].value->cast<double>();
    const Eigen::MatrixXd b = params[1].value->cast<double>();
    const Matrix x = randomMatrix(inputs, batch, 12);
    const Matrix g = randomMatrix(units, batch, 13);
    const Eigen::MatrixXd xd = x.cast<double>(), gd = g.cast<double>();
    auto expectClose = [](const Matrix& actual, const Eigen::MatrixXd& expected, const char* what) {
        QCOMPARE(actual.rows(), expected.rows());
        QCOMPARE(actual.cols(), expected.cols());
        const double error = (actual.cast<double>() - expected).cwiseAbs().maxCoeff();
        QVERIFY2(error <= 1e-5 * std::max(1.0, expected.cwiseAbs().maxCoeff()),
                 qPrintable(QString("%1 differs by %2").arg(what).arg(error)));
    };
    const Matrix y = layer->forward(x, Mode::Train);
    expectClose(y, (w * xd).colwise() + b.col(0), "output");
    const Matrix gradInput = layer->backward(g);
    expectClose(gradInput, w.transpose() * gd, "input gradient");
    expectClose(*params[0].grad, gd * xd.transpose(), "weight gradient");
    expectClose(*params[1].grad, gd.rowwise().sum(), "bias gradient");
}

void TestLayers::activationForwardByHand_data() {
    QTest::addColumn<QString>("type");
    QTest::addColumn<float>("input");
    QTest::addColumn<float>("expected");
    QTest::newRow("relu+") << "relu" << 1.5f << 1.5f;
    QTest::newRow("relu-") << "relu" << -1.5f << 0.0f;
    QTest::newRow("leaky-") << "leaky_relu" << -2.0f << -0.02f;
    QTest::newRow("sigmoid0") << "sigmoid" << 0.0f << 0.5f;
    QTest::newRow("sigmoid2") << "sigmoid" << 2.0f << 0.8807971f;
    QTest::newRow("sigmoid-large") << "sigmoid" << -100.0f << 0.0f;
    QTest::newRow("tanh1") << "tanh" << 1.0f << 0.7615942f;
    QTest::newRow("linear") << "linear" << -3.25f << -3.25f;
}

void TestLayers::activationForwardByHand() {
    QFETCH(QString, type);
    QFETCH(float, input);
    QFETCH(float, expected);
    auto layer = makeLayer(type.toStdString(), 1);
    Matrix x(1, 1);
    x << input;
    const float y = layer->forward(x, Mode::Infer)(0, 0);
    QVERIFY2(std::abs(y - expected) < 1e-6f, qPrintable(QString::number(y)));
}

void TestLayers::softmaxColumnsSumToOne() {
    auto layer = makeLayer("softmax", 3);
    Matrix x(3, 2);
    x << 1, 1000, 2, 1001, 3, 1002;  // the second column would overflow a naive exp
    const Matrix y = layer->forward(x, Mode::Infer);
    for (int c = 0; c < 2; ++c) QVERIFY(std::abs(y.col(c).sum() - 1.0f) < 1e-6f);
    QVERIFY(std::abs(y(0, 0) - 0.09003057f) < 1e-6f);
    QVERIFY(std::abs(y(2, 1) - 0.66524096f) < 1e-6f);
}

void TestLayers::dropoutTrainAndInfer() {
    auto layer = makeLayer("dropout", 100, {{"rate", 0.25}});
    const Matrix x = Matrix::Ones(100, 50);
    const Matrix train = layer->forward(x, Mode::Train);
    const long zeros = (train.array() == 0.0f).count();
    QVERIFY(zeros > 0.2 * x.size() && zeros < 0.3 * x.size());
    // Survivors are scaled by 1/(1-rate), so the expectation is unchanged.
    QVERIFY(((train.array() == 0.0f) || ((train.array() - 4.0f / 3.0f).abs() < 1e-6f)).all());
    const Matrix back = layer->backward(Matrix::Ones(100, 50));
    QVERIFY(((back.array() == 0.0f) == (train.array() == 0.0f)).all());
    QCOMPARE(Matrix(layer->forward(x, Mode::Infer)), x);
}

void TestLayers::buffersDoNotMoveForSmallerBatches() {
    auto layer = makeLayer("dense", 3, {{"units", 4}});
    const Matrix big = randomMatrix(3, 32, 1);
    const float* data = layer->forward(big, Mode::Train).data();
    const Matrix small = randomMatrix(3, 8, 2);
    QCOMPARE(layer->forward(small, Mode::Train).data(), data);
    QCOMPARE(layer->forward(big, Mode::Train).data(), data);
}

void TestLayers::registryKnowsEveryBuiltin() {
    const LayerRegistry& r = LayerRegistry::builtin();
    for (const char* type : {"dense", "dropout", "relu", "leaky_relu", "sigmoid", "tanh",
                             "softmax", "linear"}) {
        const LayerInfo* info = r.find(type);
        QVERIFY2(info, type);
        QVERIFY(!info->description.empty());
        QVERIFY(info->group == "Core" || info->group == "Activations");
    }
    QVERIFY(r.find("conv9d") == nullptr);
    try {
        r.get("conv9d");
        QFAIL("no exception");
    } catch (const InputError& e) {
        QVERIFY(QString(e.what()).contains("unknown layer type 'conv9d'"));
    }
}

QTEST_GUILESS_MAIN(TestLayers)
#include "test_layers.moc"
