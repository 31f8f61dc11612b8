// SPDX-License-Identifier: GPL-3.0-or-later
#include <QtTest>
#include <cmath>

#include "GradientCheck.h"
#include "layers/SoftmaxLayer.h"
#include "loss/Loss.h"

using namespace nnplay;

Q_DECLARE_METATYPE(nnplay::LossKind)

namespace {

Matrix sigmoid(const Matrix& z) { return (1.0f / (1.0f + (-z.array()).exp())).matrix(); }

Matrix softmax(const Matrix& z) {
    Matrix out(z.rows(), z.cols());
    Matrix buffer(z.rows(), z.cols());
    SoftmaxLayer::apply(z, buffer.leftCols(z.cols()));
    out = buffer;
    return out;
}

}  // namespace

class TestLosses : public QObject {
    Q_OBJECT
private slots:
    void gradients_data();
    void gradients();
    void valuesByHand();
    void fusedMatchesUnfused();
    void fusedIsStableForLargeLogits();
    void unknownName();
};

void TestLosses::gradients_data() {
    QTest::addColumn<LossKind>("kind");
    QTest::addColumn<bool>("fused");
    QTest::newRow("mse") << LossKind::Mse << false;
    QTest::newRow("bce") << LossKind::Bce << false;
    QTest::newRow("bce fused") << LossKind::Bce << true;
    QTest::newRow("cce") << LossKind::Cce << false;
    QTest::newRow("cce fused") << LossKind::Cce << true;
}

void TestLosses::gradients() {
    QFETCH(LossKind, kind);
    QFETCH(bool, fused);
    const int outputs = kind == LossKind::Bce ? 1 : 3, batch = 5;
    std::mt19937 rng(11);
    std::uniform_real_distribution<float> u(-2.0f, 2.0f);
    Matrix prediction(outputs, batch), target = Matrix::Zero(outputs, batch);
    for (Eigen::Index i = 0; i < prediction.size(); ++i) prediction.data()[i] = u(rng);
    for (int c = 0; c < batch; ++c) {
        if (kind == LossKind::Mse) for (int o = 0; o < outputs; ++o) target(o, c) = u(rng);
        else if (kind == LossKind::Bce) target(0, c) = c % 2;
        else target(c % outputs, c) = 1.0f;
    }
    // Unfused bce/cce take probabilities: keep them inside (0, 1).
    if (!fused && kind == LossKind::Bce) prediction = sigmoid(prediction);
    if (!fused && kind == LossKind::Cce) prediction = softmax(prediction);

    auto loss = makeLoss(kind, fused);
    loss->compute(prediction, target, true);
    const Matrix analytic = loss->gradient();
    auto f = [&]() { return static_cast<double>(loss->compute(prediction, target, false)); };
    const double error = test::maxRelativeError(prediction, analytic, f, 1e-2);
    QVERIFY2(error < 2e-2, qPrintable(QString("gradient error %1").arg(error)));
}

void TestLosses::valuesByHand() {
    Matrix p(1, 2), t(1, 2);
    p << 0.5f, 2.0f;
    t << 1.0f, 1.0f;
    // mse: ((0.5-1)^2 + (2-1)^2) / 2 = 0.625
    QCOMPARE(makeLoss(LossKind::Mse, false)->compute(p, t, false), 0.625f);
    // bce: -(log 0.8 + log(1 - 0.25)) / 2
    p << 0.8f, 0.25f;
    t << 1.0f, 0.0f;
    const float bce = makeLoss(LossKind::Bce, false)->compute(p, t, false);
    QVERIFY(std::abs(bce - static_cast<float>(-(std::log(0.8) + std::log(0.75)) / 2)) < 1e-6f);
    // cce on one sample: -log(0.7)
    Matrix q(3, 1), oneHot(3, 1);
    q << 0.2f, 0.7f, 0.1f;
    oneHot << 0, 1, 0;
    const float cce = makeLoss(LossKind::Cce, false)->compute(q, oneHot, false);
    QVERIFY(std::abs(cce - static_cast<float>(-std::log(0.7))) < 1e-6f);
}

void TestLosses::fusedMatchesUnfused() {
    Matrix z(3, 4);
    z << 0.1f, -1.0f, 2.0f, 0.5f, 1.5f, 0.0f, -0.3f, 0.7f, -2.0f, 0.4f, 1.0f, -1.2f;
    Matrix oneHot = Matrix::Zero(3, 4);
    oneHot(0, 0) = oneHot(1, 1) = oneHot(2, 2) = oneHot(0, 3) = 1;
    const float fused = makeLoss(LossKind::Cce, true)->compute(z, oneHot, false);
    const float plain = makeLoss(LossKind::Cce, false)->compute(softmax(z), oneHot, false);
    QVERIFY(std::abs(fused - plain) < 1e-5f);
    Matrix zb = z.topRows(1), tb(1, 4);
    tb << 1, 0, 1, 0;
    const float fusedB = makeLoss(LossKind::Bce, true)->compute(zb, tb, false);
    const float plainB = makeLoss(LossKind::Bce, false)->compute(sigmoid(zb), tb, false);
    QVERIFY(std::abs(fusedB - plainB) < 1e-5f);
}

void TestLosses::fusedIsStableForLargeLogits() {
    Matrix z(1, 2), t(1, 2);
    z << 200.0f, -200.0f;
    t << 0.0f, 1.0f;
    auto bce = makeLoss(LossKind::Bce, true);
    const float value = bce->compute(z, t, true);
    QVERIFY(std::isfinite(value));
    QVERIFY(std::abs(value - 200.0f) < 1e-3f);
    QVERIFY(bce->gradient().allFinite());
    Matrix zc(2, 1), tc(2, 1);
    zc << 1000.0f, -1000.0f;
    tc << 0, 1;
    auto cce = makeLoss(LossKind::Cce, true);
    QVERIFY(std::abs(cce->compute(zc, tc, true) - 2000.0f) < 1e-2f);
    QVERIFY(cce->gradient().allFinite());
}

void TestLosses::unknownName() {
    QVERIFY(lossKindFromString("cce") == LossKind::Cce);
    try {
        lossKindFromString("hinge");
        QFAIL("no exception");
    } catch (const InputError& e) {
        QVERIFY(QString(e.what()).contains("unknown loss 'hinge'"));
    }
}

QTEST_GUILESS_MAIN(TestLosses)
#include "test_losses.moc"
