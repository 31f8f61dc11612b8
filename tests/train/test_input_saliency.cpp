// SPDX-License-Identifier: GPL-3.0-or-later
// Saliency: the gradient of the predicted class's score with respect to the input equals
// central differences of that score, for a conv net, a dense net and a recurrent net.
#include <QtTest>
#include <cmath>

#include "Random.h"
#include "data/DataLoader.h"
#include "train/InputSaliency.h"
#include "train/Model.h"
#include "train/TrainingSession.h"

using namespace nnplay;

namespace {

Matrix randomMatrix(Eigen::Index rows, Eigen::Index cols, std::uint32_t seed) {
    Random rng(seed);
    Matrix m(rows, cols);
    for (Eigen::Index i = 0; i < m.size(); ++i) m.data()[i] = rng.uniform() * 2.0f - 1.0f;
    return m;
}

/// Central differences of `sign` times row `row` of layers [0, end) in inference mode.
Matrix numericGradient(Model& model, Matrix x, int end, int row, float sign) {
    Matrix numeric(x.rows(), 1);
    const double h = 1e-2;
    for (Eigen::Index i = 0; i < x.rows(); ++i) {
        const float saved = x(i, 0);
        x(i, 0) = saved + static_cast<float>(h);
        const double up = model.forward(x, Mode::Infer, end)(row, 0);
        x(i, 0) = saved - static_cast<float>(h);
        const double down = model.forward(x, Mode::Infer, end)(row, 0);
        x(i, 0) = saved;
        numeric(i, 0) = static_cast<float>(sign * (up - down) / (2 * h));
    }
    return numeric;
}

/// Largest |a - n| / max(|a|, |n|), entries smaller than a hundredth of the largest compared
/// against that hundredth: float differences of a score near 10 resolve about 1e-4.
double relativeError(const std::vector<float>& analytic, const Matrix& numeric) {
    const double floor = std::max(1e-2 * numeric.cwiseAbs().maxCoeff(), 1e-4);
    double worst = 0.0;
    for (Eigen::Index i = 0; i < numeric.rows(); ++i) {
        const double a = analytic[static_cast<std::size_t>(i)], n = numeric(i, 0);
        worst = std::max(worst, std::abs(a - n) / std::max({std::abs(a), std::abs(n), floor}));
    }
    return worst;
}

}  // namespace

class TestInputSaliency : public QObject {
    Q_OBJECT

private slots:
    // A conv net with batchnorm and dropout: the score's gradient in inference mode (running
    // statistics moved away from their start, no dropout mask) is the finite difference.
    void convNetMatchesFiniteDifferences() {
        NetworkSpec net;
        net.add("conv2d").settings = {{"filters", 3}, {"kernel_size", 3}};
        net.add("batchnorm");
        net.add("tanh");
        net.add("avgpool2d").settings = {{"pool_size", 2}, {"stride", 2}};
        net.add("flatten");
        net.add("dropout").settings = {{"rate", 0.5}};
        net.add("dense", 4);
        net.add("softmax");
        const Shape input{2, 6, 6};
        Model model(net, input, InitScheme::Auto, 7);
        for (int i = 0; i < 5; ++i)
            model.forward(randomMatrix(input.size(), 16, 100 + i) * 2.0f, Mode::Train);
        const int end = InputSaliency::scoreLayers(net);
        QCOMPARE(end, 7);  // the dense layer's output: the logits before the softmax
        const Matrix x = randomMatrix(input.size(), 1, 3);
        for (int row = 0; row < 4; ++row) {
            std::vector<float> gradient;
            const float score = InputSaliency::scoreGradient(model, x, end, row, 1.0f, gradient);
            QCOMPARE(gradient.size(), std::size_t(input.size()));
            QCOMPARE(score, model.forward(x, Mode::Infer, end)(row, 0));
            const double error = relativeError(gradient, numericGradient(model, x, end, row, 1));
            QVERIFY2(error < 2e-2, qPrintable(QString("relative error %1").arg(error)));
        }
        QVERIFY(!model.inputGradientNeeded());  // left as it was
    }

    // A trained digits conv net: the session's saliency explains its predicted class, and the
    // pixel map is the gradient's magnitude.
    void sessionExplainsThePredictedDigit() {
        Project p;
        p.data.source = "digits";
        p.network().add("conv2d").settings = {{"filters", 4}, {"kernel_size", 3}};
        p.network().add("tanh");
        p.network().add("flatten");
        p.network().add("dropout").settings = {{"rate", 0.3}};
        p.network().add("dense", 10);
        p.network().add("softmax");
        p.training.loss = LossKind::Cce;
        TrainingSession session(p, loadData(p.data, p.task, "."));
        session.run(1);
        for (const int sample : {0, 5}) {
            SessionViews::Saliency saliency;
            InputSaliency::fill(session, sample, saliency);
            QCOMPARE(saliency.sample, sample);
            const Matrix x = session.data().test.inputs.col(sample);
            Matrix out;
            session.predict(x, out);
            QCOMPARE(saliency.klass, session.classify(out)[0]);
            const int end = InputSaliency::scoreLayers(session.network());
            Model& model = session.model();
            QCOMPARE(saliency.score, model.forward(x, Mode::Infer, end)(saliency.klass, 0));
            const double error =
                relativeError(saliency.gradient, numericGradient(model, x, end, saliency.klass, 1));
            QVERIFY2(error < 2e-2, qPrintable(QString("relative error %1").arg(error)));
            const std::vector<float> pixels =
                InputSaliency::pixelMap(saliency.shape, saliency.gradient);
            QCOMPARE(pixels.size(), std::size_t(64));
            for (std::size_t i = 0; i < pixels.size(); ++i)
                QCOMPARE(pixels[i], std::abs(saliency.gradient[i]));
        }
        SessionViews::Saliency none;
        InputSaliency::fill(session, SessionViews::kSampleCount, none);
        QVERIFY(none.empty());
    }

    // A dense net with one sigmoid output: class 1's score is the logit, class 0's its
    // negative, so the map always explains the class the network says.
    void singleOutputScoresThePredictedClass() {
        Project p;
        p.data.source = "gaussian";
        p.data.samples = 200;
        p.network() = NetworkSpec::multilayer({5, 3, 1}, "tanh", "sigmoid");
        p.training.loss = LossKind::Bce;
        TrainingSession session(p, loadData(p.data, p.task, "."));
        session.run(2);
        const int end = InputSaliency::scoreLayers(session.network());
        QCOMPARE(end, 5);
        bool seen[2] = {false, false};
        for (int sample = 0; sample < 12; ++sample) {
            SessionViews::Saliency saliency;
            InputSaliency::fill(session, sample, saliency);
            const float sign = saliency.klass == 1 ? 1.0f : -1.0f;
            seen[saliency.klass] = true;
            const Matrix x = session.data().test.inputs.col(sample);
            Model& model = session.model();
            QVERIFY(saliency.score >= 0.0f);  // the predicted class has the larger score
            const double error =
                relativeError(saliency.gradient, numericGradient(model, x, end, 0, sign));
            QVERIFY2(error < 2e-2, qPrintable(QString("relative error %1").arg(error)));
        }
        QVERIFY(seen[0] && seen[1]);
    }

    // A recurrent net reading 5 steps of 3 values: each step's dependence is the sum of the
    // score's input gradient magnitudes over the step.
    void stepMapSumsTheGradientPerStep() {
        NetworkSpec net;
        net.add("lstm", 4);
        net.add("dense", 3);
        net.add("softmax");
        const Shape input = Shape::sequence(5, 3);
        Model model(net, input, InitScheme::Auto, 11);
        const Matrix x = randomMatrix(input.size(), 1, 5);
        std::vector<float> gradient;
        InputSaliency::scoreGradient(model, x, 2, 1, 1.0f, gradient);
        const Matrix numeric = numericGradient(model, x, 2, 1, 1);
        QVERIFY(relativeError(gradient, numeric) < 2e-2);
        const std::vector<float> steps = InputSaliency::stepMap(input, gradient);
        QCOMPARE(steps.size(), std::size_t(5));
        for (int step = 0; step < 5; ++step) {
            const float expected = numeric.middleRows(step * 3, 3).cwiseAbs().sum();
            QVERIFY2(std::abs(steps[std::size_t(step)] - expected) <= 2e-2f * expected + 1e-5f,
                     qPrintable(QString("step %1: %2 vs %3")
                                    .arg(step)
                                    .arg(steps[std::size_t(step)])
                                    .arg(expected)));
        }
    }
};

QTEST_APPLESS_MAIN(TestInputSaliency)
#include "test_input_saliency.moc"
