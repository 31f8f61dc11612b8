// SPDX-License-Identifier: GPL-3.0-or-later
// Optimizers against PyTorch: the same start, the same gradients, the same numbers.
#include <QtTest>
#include <array>
#include <cmath>
#include <memory>

#include "optim/Optimizer.h"

using namespace nnplay;

namespace {

constexpr int kSteps = 4;
/// w00, w01, w10, w11, b0, b1 after each step.
using Trajectory = std::array<std::array<float, 6>, kSteps>;

/// A dense layer's parameters: a 2x2 weight and a 2x1 bias, with their gradients.
struct Params {
    Matrix w{2, 2}, b{2, 1}, gw{2, 2}, gb{2, 1};

    Params() {
        w << 0.5f, -0.3f, 0.2f, 0.8f;
        b << 0.1f, -0.2f;
    }
    std::vector<Param> all() { return {{&w, &gw, true, true}, {&b, &gb, true, false}}; }
    /// The gradients of step t (1-based); reference_updates.py computes the same expressions
    /// in double precision before rounding to float.
    void setGradients(int t) {
        const double d = t;
        gw << static_cast<float>(0.1 * d), static_cast<float>(-0.2),
            static_cast<float>(0.3 - 0.15 * d), static_cast<float>(0.05 * d * d);
        gb << static_cast<float>(0.5 - 0.2 * d), static_cast<float>(0.1 * d);
    }
};

OptimizerSettings settings(const std::string& kind, float learningRate, float momentum = 0,
                           bool nesterov = false) {
    OptimizerSettings s;
    s.kind = kind;
    s.learningRate = learningRate;
    s.momentum = momentum;
    s.nesterov = nesterov;
    return s;  // rho 0.9, beta1 0.9, beta2 0.999, epsilon 1e-8: the defaults under test
}

bool matches(float actual, float expected) {
    return std::abs(actual - expected) <= 2e-6f + 1e-5f * std::abs(expected);
}

}  // namespace

Q_DECLARE_METATYPE(OptimizerSettings)
Q_DECLARE_METATYPE(Trajectory)

class TestOptimizers : public QObject {
    Q_OBJECT

private slots:
    void matchesPyTorch_data();
    void matchesPyTorch();
    void adamCountsStepsNotParameterBlocks();
    void adamFirstStepMovesEveryBlockByLr();
    void rejectsBadSettings_data();
    void rejectsBadSettings();
};

void TestOptimizers::matchesPyTorch_data() {
    QTest::addColumn<OptimizerSettings>("settings");
    QTest::addColumn<Trajectory>("expected");

    // Recorded with tests/optim/reference_updates.py (torch 1.13, float32):
    //   /usr/bin/python3 tests/optim/reference_updates.py
    // torch.optim.SGD(lr=0.1), SGD(lr=0.1, momentum=0.9), SGD(lr=0.1, momentum=0.9,
    // nesterov=True), RMSprop(lr=0.01, alpha=0.9, eps=1e-8), Adam(lr=0.01,
    // betas=(0.9, 0.999), eps=1e-8).
    QTest::newRow("sgd") << settings("sgd", 0.1f)
                         << Trajectory{{{0.49000001f, -0.280000001f, 0.185000002f, 0.795000017f,
                                         0.0700000003f, -0.210000008f},
                                        {0.469999999f, -0.25999999f, 0.185000002f, 0.775000036f,
                                         0.0599999987f, -0.230000004f},
                                        {0.439999998f, -0.239999995f, 0.200000003f, 0.730000019f,
                                         0.0700000003f, -0.26000002f},
                                        {0.400000006f, -0.219999999f, 0.230000004f, 0.650000036f,
                                         0.100000001f, -0.300000012f}}};
    QTest::newRow("sgd momentum 0.9") << settings("sgd", 0.1f, 0.9f)
                                      << Trajectory{{{0.49000001f, -0.280000001f, 0.185000002f,
                                                      0.795000017f, 0.0700000003f, -0.210000008f},
                                                     {0.460999995f, -0.241999999f, 0.171499997f,
                                                      0.770500004f, 0.0329999998f, -0.239000008f},
                                                     {0.404899985f, -0.187800005f, 0.174349993f,
                                                      0.703450024f, 0.00969999842f, -0.295100003f},
                                                     {0.314410001f, -0.119020008f, 0.206914991f,
                                                      0.563105047f, 0.0187299997f, -0.385589987f}}};
    QTest::newRow("sgd nesterov 0.9")
        << settings("sgd", 0.1f, 0.9f, true)
        << Trajectory{{{0.481000006f, -0.262000024f, 0.171499997f, 0.790499985f, 0.0430000015f,
                        -0.218999997f},
                       {0.434900016f, -0.207800031f, 0.159349993f, 0.748449981f, -0.000299999025f,
                        -0.265100002f},
                       {0.354410022f, -0.139020026f, 0.17691499f, 0.64310497f, -0.0112699997f,
                        -0.345589995f},
                       {0.232969031f, -0.0571180284f, 0.236223489f, 0.43679446f, 0.0268570036f,
                        -0.467031002f}}};
    QTest::newRow("rmsprop") << settings("rmsprop", 0.01f)
                             << Trajectory{{{0.468377233f, -0.268377244f, 0.168377236f,
                                             0.768377244f, 0.0683772266f, -0.23162277f},
                                            {0.439805806f, -0.24543567f, 0.168377236f, 0.737608016f,
                                             0.0578943789f, -0.260194182f},
                                            {0.413899422f, -0.226226196f, 0.191882253f,
                                             0.708592355f, 0.0683257729f, -0.286100566f},
                                            {0.390024245f, -0.209173858f, 0.218539447f,
                                             0.681256473f, 0.0911534876f, -0.309975743f}}};
    QTest::newRow("adam") << settings("adam", 0.01f)
                          << Trajectory{{{0.49000001f, -0.290000021f, 0.189999998f, 0.790000021f,
                                          0.0900000036f, -0.210000008f},
                                         {0.4803482f, -0.280000031f, 0.183299422f, 0.781156242f,
                                          0.0812893659f, -0.219651833f},
                                         {0.470768183f, -0.270000041f, 0.184158102f, 0.772502005f,
                                          0.0767976865f, -0.229231849f},
                                         {0.461164087f, -0.26000005f, 0.189310402f, 0.763831019f,
                                          0.0779719651f, -0.238835961f}}};
}

void TestOptimizers::matchesPyTorch() {
    QFETCH(OptimizerSettings, settings);
    QFETCH(Trajectory, expected);

    Params p;
    const std::unique_ptr<Optimizer> optimizer = makeOptimizer(settings);
    QVERIFY(optimizer);
    const std::vector<Param> params = p.all();
    for (int t = 1; t <= kSteps; ++t) {
        p.setGradients(t);
        optimizer->step(params);
        const std::array<float, 6> actual{p.w(0, 0), p.w(0, 1), p.w(1, 0),
                                          p.w(1, 1), p.b(0, 0), p.b(1, 0)};
        static const char* const kNames[] = {"w00", "w01", "w10", "w11", "b0", "b1"};
        for (int i = 0; i < 6; ++i) {
            const float want =
                expected[static_cast<std::size_t>(t - 1)][static_cast<std::size_t>(i)];
            QVERIFY2(matches(actual[static_cast<std::size_t>(i)], want),
                     qPrintable(QStringLiteral("step %1, %2: %3, PyTorch %4")
                                    .arg(t)
                                    .arg(QLatin1String(kNames[i]))
                                    .arg(double(actual[static_cast<std::size_t>(i)]), 0, 'g', 9)
                                    .arg(double(want), 0, 'g', 9)));
        }
    }
}

void TestOptimizers::adamCountsStepsNotParameterBlocks() {
    // The weight must follow the same path whether or not a bias block sits beside it: a counter
    // that advanced once per block would bias-correct the second block (and every later step)
    // with the wrong t.
    Params alone, together;
    const std::unique_ptr<Optimizer> a = makeOptimizer(settings("adam", 0.01f));
    const std::unique_ptr<Optimizer> b = makeOptimizer(settings("adam", 0.01f));
    const std::vector<Param> weightOnly{{&alone.w, &alone.gw, true, true}};
    const std::vector<Param> weightFirst = together.all();
    // The bias alone, too: as the second block it must get the same update as when it is first.
    Params biasAlone;
    const std::unique_ptr<Optimizer> c = makeOptimizer(settings("adam", 0.01f));
    const std::vector<Param> biasOnly{{&biasAlone.b, &biasAlone.gb, true, false}};
    for (int t = 1; t <= 5; ++t) {
        alone.setGradients(t);
        together.setGradients(t);
        biasAlone.setGradients(t);
        a->step(weightOnly);
        b->step(weightFirst);
        c->step(biasOnly);
        for (Eigen::Index i = 0; i < 4; ++i)
            QVERIFY2(matches(together.w.data()[i], alone.w.data()[i]),
                     qPrintable(QStringLiteral("step %1, weight %2").arg(t).arg(i)));
        for (Eigen::Index i = 0; i < 2; ++i)
            QVERIFY2(matches(together.b.data()[i], biasAlone.b.data()[i]),
                     qPrintable(QStringLiteral("step %1, bias %2").arg(t).arg(i)));
    }
}

void TestOptimizers::adamFirstStepMovesEveryBlockByLr() {
    // After Adam's first step every element moves by lr * g / (|g| + eps), i.e. by almost
    // exactly lr against its gradient's sign, in every block. With a counter at 2 for the
    // second block the bias would move by about 0.74 * lr instead.
    Params p;
    p.setGradients(1);  // no zero gradient at t = 1
    const Matrix w0 = p.w, b0 = p.b;
    const std::unique_ptr<Optimizer> adam = makeOptimizer(settings("adam", 0.01f));
    adam->step(p.all());
    for (Eigen::Index i = 0; i < 4; ++i)
        QCOMPARE_LE(std::abs(std::abs(p.w.data()[i] - w0.data()[i]) - 0.01f), 1e-6f);
    for (Eigen::Index i = 0; i < 2; ++i)
        QCOMPARE_LE(std::abs(std::abs(p.b.data()[i] - b0.data()[i]) - 0.01f), 1e-6f);
}

void TestOptimizers::rejectsBadSettings_data() {
    QTest::addColumn<QString>("kind");
    QTest::addColumn<float>("learningRate");
    QTest::addColumn<QStringList>("messageParts");

    QTest::newRow("unknown kind") << "adagrad" << 0.01f
                                  << QStringList{"unknown optimizer", "'adagrad'", "sgd", "rmsprop",
                                                 "adam"};
    QTest::newRow("empty kind") << "" << 0.01f << QStringList{"unknown optimizer"};
    QTest::newRow("zero learning rate")
        << "sgd" << 0.0f << QStringList{"learning rate", "positive"};
    QTest::newRow("negative learning rate")
        << "adam" << -0.1f << QStringList{"learning rate", "positive"};
    QTest::newRow("NaN learning rate")
        << "rmsprop" << std::nanf("") << QStringList{"learning rate", "positive"};
    QTest::newRow("infinite learning rate")
        << "adam" << INFINITY << QStringList{"learning rate", "positive"};
}

void TestOptimizers::rejectsBadSettings() {
    QFETCH(QString, kind);
    QFETCH(float, learningRate);
    QFETCH(QStringList, messageParts);

    QString message;
    try {
        makeOptimizer(settings(kind.toStdString(), learningRate));
    } catch (const InputError& e) {
        message = QString::fromStdString(e.what());
    }
    QVERIFY2(!message.isEmpty(), "makeOptimizer accepted the settings");
    for (const QString& part : messageParts)
        QVERIFY2(message.contains(part), qPrintable(message + " lacks " + part));
}

QTEST_APPLESS_MAIN(TestOptimizers)
#include "test_optimizers.moc"
