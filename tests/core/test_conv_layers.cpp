// SPDX-License-Identifier: GPL-3.0-or-later
#include <QtTest>
#include <cmath>
#include <random>

#include "GradientCheck.h"
#include "ThreadPool.h"
#include "data/DataLoader.h"
#include "io/ProjectFile.h"
#include "layers/FlattenLayer.h"
#include "layers/LayerRegistry.h"
#include "train/Model.h"
#include "train/TrainingSession.h"

using namespace nnplay;

namespace {

using Settings = std::map<std::string, double>;

/// A layer built from the registry for samples of shape `input`.
std::unique_ptr<Layer> makeLayer(const std::string& type, const Shape& input,
                                 Settings settings = {}) {
    LayerSpec spec;
    spec.type = type;
    spec.settings = std::move(settings);
    auto layer = LayerRegistry::builtin().get(type).create(spec);
    Random rng(7);
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

/// Values at least 0.1 apart in a random order, so that no step of a finite difference
/// changes which value of a pooling window is the largest.
Matrix distinctValues(Eigen::Index rows, Eigen::Index cols, unsigned seed) {
    Matrix m(rows, cols);
    std::vector<float> values(static_cast<std::size_t>(m.size()));
    for (std::size_t i = 0; i < values.size(); ++i)
        values[i] = 0.1f * static_cast<float>(i) - 0.05f * static_cast<float>(values.size());
    std::shuffle(values.begin(), values.end(), std::mt19937(seed));
    std::copy(values.begin(), values.end(), m.data());
    return m;
}

Shape image(int c, int h, int w) { return {c, h, w}; }

NetworkSpec network(std::initializer_list<std::pair<std::string, Settings>> layers) {
    NetworkSpec net;
    for (const auto& [type, settings] : layers) {
        LayerSpec& l = net.add(type);
        l.settings = settings;
    }
    return net;
}

}  // namespace

Q_DECLARE_METATYPE(Shape)
Q_DECLARE_METATYPE(Settings)

class TestConvLayers : public QObject {
    Q_OBJECT
private slots:
    void gradients_data();
    void gradients();
    void convForwardByHand();
    void convSamePaddingByHand();
    void convMatchesDirectSum_data();
    void convMatchesDirectSum();
    void poolingForwardByHand();
    void maxPoolMatchesDirectLoops_data();
    void maxPoolMatchesDirectLoops();
    void flattenKeepsValues();
    void batchNormForwardByHand();
    void batchNormUsesRunningStatisticsInInfer();
    void batchNormImagePerChannel();
    void shapesThroughAConvNet();
    void shapeErrors_data();
    void shapeErrors();
    void autoInitLooksPastBatchNormAndPooling();
    void threadsGiveTheSameResults_data();
    void threadsGiveTheSameResults();
    void buffersStayForTheSameBatch();
    void fileRoundTrip();
    void smallCnnLearnsTheDigits();
};

void TestConvLayers::gradients_data() {
    QTest::addColumn<QString>("type");
    QTest::addColumn<Shape>("input");
    QTest::addColumn<Settings>("settings");
    QTest::addColumn<bool>("distinct");  // inputs far apart (pooling)
    QTest::newRow("conv same") << "conv2d" << image(2, 5, 5)
                               << Settings{{"filters", 3}, {"kernel_size", 3}} << false;
    QTest::newRow("conv valid") << "conv2d" << image(2, 6, 5)
                                << Settings{{"filters", 3}, {"kernel_size", 3}, {"padding", 1}}
                                << false;
    QTest::newRow("conv same stride 2")
        << "conv2d" << image(3, 7, 6) << Settings{{"filters", 2}, {"kernel_size", 3}, {"stride", 2}}
        << false;
    QTest::newRow("conv valid stride 2 even kernel")
        << "conv2d" << image(2, 7, 7)
        << Settings{{"filters", 2}, {"kernel_size", 2}, {"stride", 2}, {"padding", 1}} << false;
    QTest::newRow("conv same even kernel")
        << "conv2d" << image(1, 4, 5) << Settings{{"filters", 2}, {"kernel_size", 4}} << false;
    QTest::newRow("maxpool 2") << "maxpool2d" << image(2, 4, 6) << Settings{} << true;
    QTest::newRow("maxpool 3 stride 1")
        << "maxpool2d" << image(2, 5, 5) << Settings{{"pool_size", 3}, {"stride", 1}} << true;
    QTest::newRow("avgpool 2") << "avgpool2d" << image(2, 4, 6) << Settings{} << false;
    QTest::newRow("avgpool 3 stride 2")
        << "avgpool2d" << image(2, 5, 7) << Settings{{"pool_size", 3}, {"stride", 2}} << false;
    QTest::newRow("flatten") << "flatten" << image(2, 3, 3) << Settings{} << false;
    QTest::newRow("batchnorm flat") << "batchnorm" << Shape::flat(4) << Settings{} << false;
    QTest::newRow("batchnorm image") << "batchnorm" << image(3, 2, 3) << Settings{} << false;
}

// Loss L = sum(output .* R) for a fixed random R, so dL/dOutput = R. Checks dL/dInput and
// every parameter gradient against central differences, in training mode.
void TestConvLayers::gradients() {
    QFETCH(QString, type);
    QFETCH(Shape, input);
    QFETCH(Settings, settings);
    QFETCH(bool, distinct);
    const int batch = 3;
    auto layer = makeLayer(type.toStdString(), input, settings);
    Matrix x =
        distinct ? distinctValues(input.size(), batch, 3) : randomMatrix(input.size(), batch, 3);
    const Matrix probe = layer->forward(x, Mode::Train);
    const Shape expected =
        LayerRegistry::builtin()
            .get(type.toStdString())
            .outputShape(LayerSpec{0, type.toStdString(), settings, {}, true}, input);
    QCOMPARE(probe.rows(), static_cast<Eigen::Index>(expected.size()));
    const Matrix r = randomMatrix(probe.rows(), batch, 5);
    auto lossAt = [&]() {
        return static_cast<double>(layer->forward(x, Mode::Train).cwiseProduct(r).sum());
    };
    layer->forward(x, Mode::Train);
    const Matrix gradInput = layer->backward(r);
    QCOMPARE(gradInput.rows(), x.rows());
    QCOMPARE(gradInput.cols(), x.cols());
    // Convolution and average pooling are linear in the input, so a wide step is exact and
    // keeps float rounding of the summed loss small against it.
    const double h = type == "conv2d" || type == "avgpool2d" ? 0.1 : 1e-2;
    const double inputError = test::maxRelativeError(x, gradInput, lossAt, h);
    QVERIFY2(inputError < 1e-2, qPrintable(QString("input gradient error %1").arg(inputError)));
    for (const Param& p : layer->params()) {
        layer->forward(x, Mode::Train);
        layer->backward(r);
        const Matrix analytic = *p.grad;
        const double error = test::maxRelativeError(*p.value, analytic, lossAt, h);
        QVERIFY2(error < 1e-2, qPrintable(QString("parameter gradient error %1").arg(error)));
    }
}

void TestConvLayers::convForwardByHand() {
    // One 2x2 filter over a 3x3 image, no padding: weights in (channel, row, column) order.
    auto layer =
        makeLayer("conv2d", image(1, 3, 3), {{"filters", 1}, {"kernel_size", 2}, {"padding", 1}});
    auto params = layer->params();
    *params[0].value << 1, 2, 3, 4;
    *params[1].value << 0.5;
    Matrix x(9, 1);
    x << 1, 2, 3, 4, 5, 6, 7, 8, 9;  // rows of the image one after another
    const Matrix y = layer->forward(x, Mode::Infer);
    QCOMPARE(y.rows(), Eigen::Index(4));
    QCOMPARE(y(0, 0), 1 * 1 + 2 * 2 + 3 * 4 + 4 * 5 + 0.5f);  // top left
    QCOMPARE(y(1, 0), 1 * 2 + 2 * 3 + 3 * 5 + 4 * 6 + 0.5f);  // top right
    QCOMPARE(y(3, 0), 1 * 5 + 2 * 6 + 3 * 8 + 4 * 9 + 0.5f);  // bottom right
}

void TestConvLayers::convSamePaddingByHand() {
    // Two channels, two filters of ones and of the second channel's centre, "same" padding.
    auto layer = makeLayer("conv2d", image(2, 3, 3), {{"filters", 2}, {"kernel_size", 3}});
    auto params = layer->params();
    params[0].value->setZero();
    params[0].value->row(0).setOnes();
    (*params[0].value)(1, 9 + 4) = 1;  // filter 1: channel 1, kernel centre
    params[1].value->setZero();
    Matrix x(18, 1);
    for (int i = 0; i < 18; ++i) x(i, 0) = static_cast<float>(i + 1);
    const Matrix y = layer->forward(x, Mode::Infer);
    QCOMPARE(y.rows(), Eigen::Index(18));
    // Filter 0 at the centre sums everything (1..18); at the top-left corner the window
    // covers rows 0-1, columns 0-1 of each channel: 1+2+4+5 and 10+11+13+14.
    QCOMPARE(y(4, 0), 171.0f);
    QCOMPARE(y(0, 0), 12.0f + 48.0f);
    // Filter 1 copies channel 1 (its output starts at row 9).
    for (int i = 0; i < 9; ++i) QCOMPARE(y(9 + i, 0), x(9 + i, 0));
}

void TestConvLayers::convMatchesDirectSum_data() {
    QTest::addColumn<Shape>("input");
    QTest::addColumn<Settings>("settings");
    QTest::addColumn<int>("batch");
    QTest::addColumn<int>("threads");
    const Settings strided{{"filters", 4}, {"kernel_size", 3}, {"stride", 2}};
    QTest::newRow("stride 2, same, 3 channels") << image(3, 7, 8) << strided << 2 << 1;
    // Samples are unfolded and multiplied in chunks of about 65k values: one sample of a
    // 4x21x20 image, six of a 2x14x14 one, eight of the strided one; the batches span several
    // chunks, split unevenly between the threads.
    const Settings five{{"filters", 6}, {"kernel_size", 5}};
    QTest::newRow("chunks of one sample, 2 threads") << image(4, 21, 20) << five << 3 << 2;
    QTest::newRow("chunks of six samples") << image(2, 14, 14) << five << 13 << 1;
    QTest::newRow("chunks of six samples, 2 threads") << image(2, 14, 14) << five << 13 << 2;
    // Stride 1 folds the input gradient a row of 16 at a time: rows of more than 16 values
    // and an even kernel's uneven padding.
    QTest::newRow("W8's second conv, valid")
        << image(16, 12, 12) << Settings{{"filters", 8}, {"kernel_size", 5}, {"padding", 1}} << 3
        << 1;
    QTest::newRow("even kernel, same, 19 wide")
        << image(2, 9, 19) << Settings{{"filters", 3}, {"kernel_size", 4}} << 2 << 1;
    QTest::newRow("kernel wider than the image, same")
        << image(1, 3, 2) << Settings{{"filters", 2}, {"kernel_size", 5}} << 2 << 1;
    QTest::newRow("chunks of eight, valid, stride 2")
        << image(5, 23, 22)
        << Settings{{"filters", 3}, {"kernel_size", 4}, {"stride", 2}, {"padding", 1}} << 11 << 1;
}

// Against the textbook loops: the output, and for a loss sum(output .* R) the gradients of the
// input, the weights and the bias.
void TestConvLayers::convMatchesDirectSum() {
    QFETCH(Shape, input);
    QFETCH(Settings, settings);
    QFETCH(int, batch);
    QFETCH(int, threads);
    ThreadPool::shared().setThreadCount(threads);
    auto layer = makeLayer("conv2d", input, settings);
    const Matrix x = randomMatrix(input.size(), batch, 9);
    const Matrix y = layer->forward(x, Mode::Train);
    const Matrix r = randomMatrix(y.rows(), batch, 10);
    const Matrix gradInput = layer->backward(r);
    ThreadPool::shared().setThreadCount(1);
    const Matrix w = *layer->params()[0].value, b = *layer->params()[1].value;
    const Matrix gradW = *layer->params()[0].grad, gradB = *layer->params()[1].grad;

    const int c = input.channels, h = input.height, wd = input.width;
    const int filters = static_cast<int>(settings.at("filters"));
    const int k = static_cast<int>(settings.at("kernel_size"));
    const int s = settings.count("stride") ? static_cast<int>(settings.at("stride")) : 1;
    const bool valid = settings.count("padding") && settings.at("padding") == 1;
    const int oh = valid ? (h - k) / s + 1 : (h + s - 1) / s;
    const int ow = valid ? (wd - k) / s + 1 : (wd + s - 1) / s;
    // "same" puts half the total padding before, the rest after.
    const int padTop = valid ? 0 : std::max((oh - 1) * s + k - h, 0) / 2;
    const int padLeft = valid ? 0 : std::max((ow - 1) * s + k - wd, 0) / 2;
    QCOMPARE(y.rows(), Eigen::Index(filters * oh * ow));
    Eigen::MatrixXd expectedY(y.rows(), batch), expectedGradX(x.rows(), batch);
    Eigen::MatrixXd expectedGradW = Eigen::MatrixXd::Zero(w.rows(), w.cols());
    expectedGradX.setZero();
    for (int n = 0; n < batch; ++n)
        for (int f = 0; f < filters; ++f)
            for (int oy = 0; oy < oh; ++oy)
                for (int ox = 0; ox < ow; ++ox) {
                    const int out = (f * oh + oy) * ow + ox;
                    double sum = b(f);
                    for (int ch = 0; ch < c; ++ch)
                        for (int ki = 0; ki < k; ++ki)
                            for (int kj = 0; kj < k; ++kj) {
                                const int iy = oy * s - padTop + ki, ix = ox * s - padLeft + kj;
                                if (iy < 0 || iy >= h || ix < 0 || ix >= wd) continue;
                                const int in = (ch * h + iy) * wd + ix,
                                          tap = (ch * k + ki) * k + kj;
                                sum += w(f, tap) * x(in, n);
                                expectedGradW(f, tap) += r(out, n) * x(in, n);
                                expectedGradX(in, n) += w(f, tap) * r(out, n);
                            }
                    expectedY(out, n) = sum;
                }
    auto worst = [](const Matrix& actual, const Eigen::MatrixXd& expected) {
        return (actual.cast<double>() - expected).cwiseAbs().maxCoeff() /
               std::max(1.0, expected.cwiseAbs().maxCoeff());
    };
    const Eigen::VectorXd expectedGradB = r.cast<double>()
                                              .reshaped(oh * ow, filters * batch)
                                              .colwise()
                                              .sum()
                                              .reshaped(filters, batch)
                                              .rowwise()
                                              .sum();
    QVERIFY2(worst(y, expectedY) < 1e-5, "output");
    QVERIFY2(worst(gradInput, expectedGradX) < 1e-5, "input gradient");
    QVERIFY2(worst(gradW, expectedGradW) < 1e-5, "weight gradient");
    QVERIFY2(worst(gradB, expectedGradB) < 1e-5, "bias gradient");
}

void TestConvLayers::maxPoolMatchesDirectLoops_data() {
    QTest::addColumn<Shape>("input");
    QTest::addColumn<int>("pool");
    QTest::addColumn<int>("stride");
    // 2x2 windows moved by 2 have their own 16-outputs-at-a-time path: rows of fewer than 16
    // outputs, of more, and an odd width whose last column no window covers.
    QTest::newRow("2/2, 12 outputs a row") << image(3, 24, 24) << 2 << 2;
    QTest::newRow("2/2, 20 outputs a row") << image(2, 6, 40) << 2 << 2;
    QTest::newRow("2/2, odd sizes") << image(1, 7, 9) << 2 << 2;
    QTest::newRow("3/2") << image(2, 9, 11) << 3 << 2;
    QTest::newRow("2/1") << image(2, 5, 6) << 2 << 1;
}

// Against the textbook loops on values with many ties (ReLU's zeros and repeated values): the
// largest value of each window, and the gradient going to the first of them in reading order,
// as PyTorch's max pooling sends it.
void TestConvLayers::maxPoolMatchesDirectLoops() {
    QFETCH(Shape, input);
    QFETCH(int, pool);
    QFETCH(int, stride);
    const int batch = 3;
    Matrix x = randomMatrix(input.size(), batch, 21);
    x = (x.array() * 4.0f).round().max(0.0f) / 4.0f;  // 0, 0.25, ..., 1 with ties
    auto layer = makeLayer("maxpool2d", input, {{"pool_size", pool}, {"stride", stride}});
    const Matrix y = layer->forward(x, Mode::Train);
    const Matrix r = randomMatrix(y.rows(), batch, 22);
    const Matrix gradInput = layer->backward(r);

    const int oh = (input.height - pool) / stride + 1, ow = (input.width - pool) / stride + 1;
    Matrix expectedY(y.rows(), batch);
    Matrix expectedGrad = Matrix::Zero(x.rows(), batch);
    for (int j = 0; j < batch; ++j)
        for (int c = 0; c < input.channels; ++c)
            for (int oy = 0; oy < oh; ++oy)
                for (int ox = 0; ox < ow; ++ox) {
                    int best = -1;
                    for (int dy = 0; dy < pool; ++dy)
                        for (int dx = 0; dx < pool; ++dx) {
                            const int i = (c * input.height + oy * stride + dy) * input.width +
                                          ox * stride + dx;
                            if (best < 0 || x(i, j) > x(best, j)) best = i;
                        }
                    const int o = (c * oh + oy) * ow + ox;
                    expectedY(o, j) = x(best, j);
                    expectedGrad(best, j) += r(o, j);
                }
    QCOMPARE(y.rows(), expectedY.rows());
    QVERIFY2(y == expectedY, "output");
    QVERIFY2((gradInput - expectedGrad).cwiseAbs().maxCoeff() < 1e-6f, "input gradient");
}

void TestConvLayers::poolingForwardByHand() {
    Matrix x(16, 1);
    for (int i = 0; i < 16; ++i) x(i, 0) = static_cast<float>((i * 7) % 16);
    // 4x4 image: 0 7 14 5 / 12 3 10 1 / 8 15 6 13 / 4 11 2 9
    auto maxPool = makeLayer("maxpool2d", image(1, 4, 4));
    const Matrix m = maxPool->forward(x, Mode::Infer);
    QCOMPARE(m.rows(), Eigen::Index(4));
    QCOMPARE(m(0, 0), 12.0f);
    QCOMPARE(m(1, 0), 14.0f);
    QCOMPARE(m(2, 0), 15.0f);
    QCOMPARE(m(3, 0), 13.0f);
    const Matrix back = maxPool->backward(Matrix::Ones(4, 1));
    QCOMPARE(back.sum(), 4.0f);
    QCOMPARE(back(4, 0), 1.0f);  // the 12
    auto avgPool = makeLayer("avgpool2d", image(1, 4, 4), {{"pool_size", 3}, {"stride", 1}});
    const Matrix a = avgPool->forward(x, Mode::Infer);
    QCOMPARE(a.rows(), Eigen::Index(4));
    QCOMPARE(a(0, 0), (0 + 7 + 14 + 12 + 3 + 10 + 8 + 15 + 6) / 9.0f);
}

void TestConvLayers::flattenKeepsValues() {
    auto layer = makeLayer("flatten", image(2, 2, 2));
    const Matrix x = randomMatrix(8, 3, 1);
    QCOMPARE(Matrix(layer->forward(x, Mode::Train)), x);
    QCOMPARE(Matrix(layer->backward(x * 2)), Matrix(x * 2));
    const Shape out = FlattenLayer::outputShape(LayerSpec{}, image(2, 3, 4));
    QVERIFY(out == Shape::flat(24));
}

void TestConvLayers::batchNormForwardByHand() {
    auto layer = makeLayer("batchnorm", Shape::flat(1));
    Matrix x(1, 2);
    x << 1, 3;  // mean 2, biased variance 1
    const Matrix y = layer->forward(x, Mode::Train);
    const float scale = 1.0f / std::sqrt(1.0f + 1e-5f);
    QVERIFY(std::abs(y(0, 0) + scale) < 1e-6f);
    QVERIFY(std::abs(y(0, 1) - scale) < 1e-6f);
    const auto params = layer->params();
    QVERIFY(params[0].trainable && params[1].trainable);
    QVERIFY(!params[2].trainable && !params[3].trainable);
    // Running statistics moved by momentum 0.1 towards the mean 2 and the unbiased variance 2.
    QVERIFY(std::abs((*params[2].value)(0) - 0.2f) < 1e-6f);
    QVERIFY(std::abs((*params[3].value)(0) - 1.1f) < 1e-6f);
}

void TestConvLayers::batchNormUsesRunningStatisticsInInfer() {
    auto layer = makeLayer("batchnorm", Shape::flat(2), {{"momentum", 0.5}});
    auto params = layer->params();
    *params[0].value << 2, 1;     // gamma
    *params[1].value << 0.5, 0;   // beta
    *params[2].value << 1, -1;    // running mean
    *params[3].value << 4, 0.25;  // running variance
    Matrix x(2, 1);
    x << 3, 0;
    const Matrix y = layer->forward(x, Mode::Infer);
    QVERIFY(std::abs(y(0, 0) - (2 * (3 - 1) / std::sqrt(4 + 1e-5f) + 0.5f)) < 1e-5f);
    QVERIFY(std::abs(y(1, 0) - (0 + 1) / std::sqrt(0.25f + 1e-5f)) < 1e-5f);
    // Inference leaves the statistics alone; its input gradient is the fixed scale.
    QCOMPARE((*params[2].value)(0), 1.0f);
    const Matrix g = layer->backward(Matrix::Ones(2, 1));
    QVERIFY(std::abs(g(0, 0) - 2 / std::sqrt(4 + 1e-5f)) < 1e-5f);
}

void TestConvLayers::batchNormImagePerChannel() {
    // Channel 0 holds 0..3 in both samples, channel 1 a constant 5: each channel is
    // normalised over all its pixels and samples.
    auto layer = makeLayer("batchnorm", image(2, 2, 2));
    Matrix x(8, 2);
    for (int j = 0; j < 2; ++j)
        for (int i = 0; i < 4; ++i) {
            x(i, j) = static_cast<float>(i);
            x(4 + i, j) = 5;
        }
    const Matrix y = layer->forward(x, Mode::Train);
    const float std0 = std::sqrt(1.25f + 1e-5f);  // variance of 0..3
    QVERIFY(std::abs(y(0, 1) - (0 - 1.5f) / std0) < 1e-5f);
    QVERIFY(std::abs(y(3, 0) - (3 - 1.5f) / std0) < 1e-5f);
    QVERIFY(y.bottomRows(4).cwiseAbs().maxCoeff() < 1e-6f);
    // Unbiased over 8 values: 1.25 * 8 / 7.
    QVERIFY(std::abs((*layer->params()[3].value)(0) - (0.9f + 0.1f * 1.25f * 8 / 7)) < 1e-6f);
}

void TestConvLayers::shapesThroughAConvNet() {
    const NetworkSpec net =
        network({{"conv2d", {{"filters", 16}, {"kernel_size", 5}, {"padding", 1}}},
                 {"relu", {}},
                 {"maxpool2d", {}},
                 {"batchnorm", {}},
                 {"conv2d", {{"filters", 32}, {"kernel_size", 3}, {"stride", 2}}},
                 {"avgpool2d", {{"pool_size", 3}, {"stride", 1}}},
                 {"flatten", {}},
                 {"dense", {{"units", 10}}}});
    const ShapeReport report = inferShapes(net, image(1, 28, 28));
    QVERIFY2(report.ok(), report.error.c_str());
    QVERIFY(report.layers[0].output == image(16, 24, 24));
    QCOMPARE(report.layers[0].paramCount, 16LL * 25 + 16);
    QVERIFY(report.layers[2].output == image(16, 12, 12));
    QCOMPARE(report.layers[3].paramCount, 4LL * 16);
    QVERIFY(report.layers[4].output == image(32, 6, 6));
    QCOMPARE(report.layers[4].paramCount, 32LL * 16 * 9 + 32);
    QVERIFY(report.layers[5].output == image(32, 4, 4));
    QVERIFY(report.layers[6].output == Shape::flat(512));
    QCOMPARE(report.layers[7].paramCount, 10LL * 512 + 10);
    // A dense layer takes an image as it is, flattening it itself.
    const ShapeReport direct =
        inferShapes(network({{"conv2d", {}}, {"dense", {{"units", 3}}}}), image(1, 8, 8));
    QVERIFY(direct.ok());
    QCOMPARE(direct.layers[1].paramCount, 3LL * 8 * 64 + 3);
}

void TestConvLayers::shapeErrors_data() {
    QTest::addColumn<int>("which");
    QTest::addColumn<int>("layer");
    QTest::addColumn<QString>("message");
    QTest::newRow("conv after dense")
        << 0 << 2
        << "Conv2D (layer 3) needs an image (channels x height x width) but ReLU gives 128: use "
           "image data";
    QTest::newRow("conv on flat data")
        << 1 << 0
        << "Conv2D (layer 1) needs an image (channels x height x width) but the data gives 4";
    QTest::newRow("kernel larger than the input")
        << 2 << 2
        << "Conv2D (layer 3) needs an input of at least 5x5 for its 5x5 kernel with padding "
           "\"valid\" but MaxPool gives 8x4x4: use padding \"same\"";
    QTest::newRow("pool larger than the input") << 3 << 1
                                                << "MaxPool (layer 2) needs an input of at least "
                                                   "4x4 for its 4x4 window but Conv2D gives 8x3x3";
    QTest::newRow("pooling a flat input")
        << 4 << 2
        << "AvgPool (layer 3) needs an image (channels x height x width) but Flatten gives 512";
}

void TestConvLayers::shapeErrors() {
    QFETCH(int, which);
    QFETCH(int, layer);
    QFETCH(QString, message);
    const Settings valid5{{"kernel_size", 5}, {"padding", 1}};
    const std::vector<std::pair<NetworkSpec, Shape>> cases = {
        {network({{"dense", {{"units", 128}}}, {"relu", {}}, {"conv2d", {}}}), image(1, 8, 8)},
        {network({{"conv2d", {}}}), Shape::flat(4)},
        {network({{"conv2d", {}}, {"maxpool2d", {}}, {"conv2d", valid5}}), image(1, 8, 8)},
        {network({{"conv2d", {{"padding", 1}}}, {"maxpool2d", {{"pool_size", 4}}}}),
         image(1, 5, 5)},
        {network({{"conv2d", {}}, {"flatten", {}}, {"avgpool2d", {}}}), image(1, 8, 8)},
    };
    const ShapeReport report = inferShapes(cases[which].first, cases[which].second);
    QCOMPARE(report.errorLayer, layer);
    QVERIFY2(QString::fromStdString(report.error).startsWith(message), report.error.c_str());
    // Model construction refuses the same network with the same words.
    try {
        Model model(cases[which].first, cases[which].second, InitScheme::Auto, 1);
        QFAIL("no error");
    } catch (const InputError& e) {
        QCOMPARE(QString(e.what()), QString::fromStdString(report.error));
    }
}

void TestConvLayers::autoInitLooksPastBatchNormAndPooling() {
    // 16 filters of 3x3 over one channel: He's limit is sqrt(6/9) = 0.82, Glorot's
    // sqrt(6/(9+144)) = 0.2. Auto picks He only when it sees the ReLU behind the batchnorm.
    auto largest = [](const NetworkSpec& net) {
        Model model(net, image(1, 8, 8), InitScheme::Auto, 3);
        return model.params()[0].value->cwiseAbs().maxCoeff();
    };
    const Settings conv{{"filters", 16}};
    QVERIFY(largest(network({{"conv2d", conv}, {"batchnorm", {}}, {"relu", {}}})) > 0.5f);
    QVERIFY(largest(network(
                {{"conv2d", conv}, {"maxpool2d", {}}, {"batchnorm", {}}, {"relu", {}}})) > 0.5f);
    QVERIFY(largest(network({{"conv2d", conv}, {"batchnorm", {}}, {"tanh", {}}})) < 0.21f);
}

void TestConvLayers::threadsGiveTheSameResults_data() {
    QTest::addColumn<QString>("type");
    QTest::addColumn<Settings>("settings");
    QTest::newRow("conv") << "conv2d" << Settings{{"filters", 8}, {"kernel_size", 5}};
    QTest::newRow("maxpool") << "maxpool2d" << Settings{};
    QTest::newRow("avgpool") << "avgpool2d" << Settings{{"pool_size", 3}, {"stride", 2}};
    QTest::newRow("relu") << "relu" << Settings{};
    QTest::newRow("tanh") << "tanh" << Settings{};
}

// A batch large enough for every layer to share it among three threads.
void TestConvLayers::threadsGiveTheSameResults() {
    QFETCH(QString, type);
    QFETCH(Settings, settings);
    const Shape in = image(3, 24, 24);
    const Matrix x = randomMatrix(in.size(), 64, 4);
    auto run = [&](int threads, Matrix& out, Matrix& gradInput, Matrix& gradWeights) {
        ThreadPool::shared().setThreadCount(threads);
        auto layer = makeLayer(type.toStdString(), in, settings);
        out = layer->forward(x, Mode::Train);
        gradInput = layer->backward(out);
        if (!layer->params().empty()) gradWeights = *layer->params()[0].grad;
        ThreadPool::shared().setThreadCount(1);
    };
    Matrix out1, in1, w1, out3, in3, w3;
    run(1, out1, in1, w1);
    run(3, out3, in3, w3);
    QCOMPARE(out3, out1);
    QCOMPARE(in3, in1);
    QCOMPARE(w3.size(), w1.size());
    if (w1.size() > 0) QVERIFY((w3 - w1).cwiseAbs().maxCoeff() <= 1e-4f * w1.cwiseAbs().maxCoeff());
}

void TestConvLayers::buffersStayForTheSameBatch() {
    for (const std::string type : {"conv2d", "maxpool2d", "avgpool2d", "batchnorm"}) {
        auto layer = makeLayer(type, image(2, 6, 6));
        const Matrix x = randomMatrix(72, 5, 2);
        const float* out = layer->forward(x, Mode::Train).data();
        const Matrix g = Matrix::Ones(layer->forward(x, Mode::Train).rows(), 5);
        const float* back = layer->backward(g).data();
        QCOMPARE(layer->forward(x.leftCols(4), Mode::Train).data(), out);
        QCOMPARE(layer->backward(g.leftCols(4)).data(), back);
    }
}

void TestConvLayers::fileRoundTrip() {
    Project p;
    p.data.source = "digits";
    p.network() = network({{"conv2d", {{"filters", 4}, {"kernel_size", 3}, {"padding", 1}}},
                           {"batchnorm", {{"momentum", 0.2}}},
                           {"relu", {}},
                           {"maxpool2d", {{"pool_size", 2}, {"stride", 2}}},
                           {"flatten", {}},
                           {"dense", {{"units", 10}}},
                           {"softmax", {}}});
    p.training.loss = LossKind::Cce;
    Model model(p.network(), image(1, 8, 8), InitScheme::PyTorch, 2);
    model.storeParams(p.network());
    const std::string text = ProjectFile::serialize(p);
    QVERIFY2(text.find("\"padding\": \"valid\"") != std::string::npos, text.c_str());
    QVERIFY(text.find("\"running_var\"") != std::string::npos);
    const Project back = ProjectFile::parse(text);
    QCOMPARE(back.network().layers.size(), p.network().layers.size());
    for (std::size_t i = 0; i < p.network().layers.size(); ++i)
        QVERIFY2(back.network().layers[i] == p.network().layers[i],
                 p.network().layers[i].type.c_str());
    QCOMPARE(back.network().layers[0].setting("padding"), 1.0);
    QCOMPARE(back.network().layers[1].params.size(), std::size_t(4));
}

void TestConvLayers::smallCnnLearnsTheDigits() {
    Project p;
    p.data.source = "digits";
    p.data.trainFraction = 0.8;
    p.network() = network({{"conv2d", {{"filters", 8}, {"kernel_size", 3}}},
                           {"relu", {}},
                           {"maxpool2d", {}},
                           {"dense", {{"units", 10}}},
                           {"softmax", {}}});
    p.training.loss = LossKind::Cce;
    p.training.optimizer.kind = "adam";
    p.training.optimizer.learningRate = 0.01f;
    p.training.batchSize = 32;
    p.training.seed = 3;
    TrainingSession session(p, loadData(p.data, p.task, "."));
    session.run(4);
    const double accuracy = session.classificationMetrics(session.data().test).accuracy;
    QVERIFY2(accuracy >= 0.93, qPrintable(QString("test accuracy %1").arg(accuracy)));
}

QTEST_GUILESS_MAIN(TestConvLayers)
#include "test_conv_layers.moc"
