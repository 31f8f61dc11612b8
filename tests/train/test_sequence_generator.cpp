// SPDX-License-Identifier: GPL-3.0-or-later
#include <QtTest>
#include <cmath>
#include <numbers>

#include "Random.h"
#include "train/SequenceGenerator.h"
#include "train/TrainingSession.h"

using namespace nnplay;

namespace {

constexpr int kSteps = 6;
constexpr int kClasses = 4;

/// A text of four characters "a", "b", "c", "space" and windows of kSteps.
DataInfo textInfo() {
    DataInfo info;
    info.task = Task::Classification;
    info.inputShape = Shape::sequence(kSteps, kClasses);
    info.classNames = {"space", "a", "b", "c"};
    return info;
}

/// SimpleRNN 8 -> Dense 4 -> Softmax with seeded random weights: a model whose next-character
/// probabilities are uneven but known only by running it.
NetworkSpec textNetwork() {
    NetworkSpec spec;
    spec.add("simple_rnn", 8);
    spec.add("dense", kClasses);
    spec.add("softmax");
    return spec;
}

std::uint32_t seedOf(int i) { return static_cast<std::uint32_t>(i); }

/// Windows of sine waves whose frequency (cycles per step) and phase (cycles) are drawn from
/// [0.05, 0.1] and [0, 1]: kSteps values predicting the one after.
Dataset sineWindows(int samples, std::uint32_t seed) {
    Random rng(seed);
    Dataset set;
    set.inputs.resize(kSteps, samples);
    set.targets.resize(1, samples);
    for (int s = 0; s < samples; ++s) {
        const double f = rng.uniform(0.05, 0.1), phase = rng.uniform(0, 1);
        for (int t = 0; t <= kSteps; ++t) {
            const auto v = static_cast<float>(std::sin(2 * std::numbers::pi * (f * t + phase)));
            if (t < kSteps)
                set.inputs(t, s) = v;
            else
                set.targets(0, s) = v;
        }
    }
    return set;
}

}  // namespace

class TestSequenceGenerator : public QObject {
    Q_OBJECT
private slots:
    void temperatureZeroIsTheArgmaxEveryStep() {
        const DataInfo info = textInfo();
        Model model(textNetwork(), info.inputShape, InitScheme::PyTorch, 7);
        SequenceGenerator generator(model, info, OutputReading(OutputKind::Distribution, kClasses));
        const std::vector<int> start{1, 2, 3};
        const std::vector<int> greedy = generator.sampleClasses(start, 20, 0.0, 1);
        QCOMPARE(generator.sampleClasses(start, 20, 0.0, 99), greedy);
        // Step by step: each character is the most likely after the window so far.
        std::vector<int> window = start;
        for (const int chosen : greedy) {
            const std::vector<double> p = generator.nextClassDistribution(window, 1.0);
            const int best = static_cast<int>(std::max_element(p.begin(), p.end()) - p.begin());
            QCOMPARE(chosen, best);
            window.push_back(chosen);
        }
        // The untrained model is not constant, or the comparison above says little.
        QVERIFY(std::adjacent_find(greedy.begin(), greedy.end(), std::not_equal_to<>()) !=
                greedy.end());
    }

    void temperatureOneIsTheModelsDistribution() {
        const DataInfo info = textInfo();
        Model model(textNetwork(), info.inputShape, InitScheme::PyTorch, 7);
        SequenceGenerator generator(model, info, OutputReading(OutputKind::Distribution, kClasses));
        const std::vector<int> window{0, 1, 2, 3, 0, 1};
        const std::vector<double> p = generator.nextClassDistribution(window, 1.0);
        Matrix input = Matrix::Zero(kSteps * kClasses, 1);
        for (int t = 0; t < kSteps; ++t) input(t * kClasses + window[t], 0) = 1.0f;
        const Matrix out = model.forward(input, Mode::Infer);
        const Eigen::Index last = out.rows() - kClasses;
        for (int k = 0; k < kClasses; ++k) QVERIFY(std::abs(p[k] - out(last + k, 0)) < 1e-6);
        // A low temperature sharpens towards the argmax, a high one flattens.
        const std::vector<double> cold = generator.nextClassDistribution(window, 0.01);
        const std::vector<double> hot = generator.nextClassDistribution(window, 100.0);
        const int best = static_cast<int>(std::max_element(p.begin(), p.end()) - p.begin());
        QVERIFY(cold[best] > p[best] && cold[best] > 0.9);
        for (const double v : hot) QVERIFY(std::abs(v - 1.0 / kClasses) < 0.01);
    }

    void aHighTemperatureSamplesNearlyUniformly() {
        const DataInfo info = textInfo();
        Model model(textNetwork(), info.inputShape, InitScheme::PyTorch, 7);
        SequenceGenerator generator(model, info, OutputReading(OutputKind::Distribution, kClasses));
        const int n = 2000;
        const std::vector<int> sampled = generator.sampleClasses({1}, n, 1000.0, 5);
        std::vector<int> counts(kClasses, 0);
        for (const int c : sampled) ++counts[static_cast<std::size_t>(c)];
        // 500 expected each; the standard deviation of a count is about 19.
        for (const int c : counts) QVERIFY2(c > 400 && c < 600, qPrintable(QString::number(c)));
        // At temperature 1 the same model is far from uniform over as many draws.
        const std::vector<int> plain = generator.sampleClasses({1}, n, 1.0, 5);
        QVERIFY(plain != sampled);
    }

    void textMapsToClassesAndBack() {
        const DataInfo info = textInfo();
        const std::vector<int> classes = SequenceGenerator::classesOfText("ab c", info, "--start");
        QCOMPARE(classes, (std::vector<int>{1, 2, 0, 3}));
        QCOMPARE(SequenceGenerator::textOfClasses(classes, info), std::string("ab c"));
    }

    void unknownCharactersAreNamed() {
        const DataInfo info = textInfo();
        try {
            SequenceGenerator::classesOfText("abxcy!", info, "--start");
            QFAIL("no error");
        } catch (const InputError& e) {
            QCOMPARE(QString(e.what()),
                     QStringLiteral("--start has characters the project's text does not have: "
                                    "'!', 'x', 'y'; the network knows only the 4 characters of "
                                    "its text"));
        }
    }

    void aTrainedSineModelContinuesTheWave() {
        Project p;
        p.task = Task::Regression;
        p.network().add("lstm", 12);
        p.network().add("dense", 1);
        p.training.optimizer.kind = "adam";
        p.training.optimizer.learningRate = 0.02f;
        p.training.batchSize = 16;
        p.training.loss = LossKind::Mse;
        DataSplit split;
        split.info.task = Task::Regression;
        split.info.inputShape = Shape::sequence(kSteps, 1);
        split.train = sineWindows(256, seedOf(1));
        split.test = sineWindows(32, seedOf(2));
        TrainingSession session(p, split);
        for (int epoch = 0; epoch < 30;)
            if (session.step()) ++epoch;
        SequenceGenerator generator(session.model(), session.data().info, session.outputReading());
        const double f = 0.075, phase = 0.3;
        const auto wave = [&](int t) {
            return static_cast<float>(std::sin(2 * std::numbers::pi * (f * t + phase)));
        };
        std::vector<float> start;
        for (int t = 0; t < kSteps; ++t) start.push_back(wave(t));
        const std::vector<float> next = generator.continueSeries(start, 4);
        QCOMPARE(next.size(), std::size_t(4));
        for (int i = 0; i < 4; ++i)
            QVERIFY2(std::abs(next[i] - wave(kSteps + i)) < 0.2,
                     qPrintable(QString("value %1 is %2, the wave %3")
                                    .arg(i)
                                    .arg(next[i])
                                    .arg(wave(kSteps + i))));
        // An untrained model is nowhere near: the check above measures the training.
        Model untrained(p.network(), split.info.inputShape, InitScheme::PyTorch, 3);
        SequenceGenerator guess(untrained, split.info, session.outputReading());
        const std::vector<float> guessed = guess.continueSeries(start, 4);
        double error = 0;
        for (int i = 0; i < 4; ++i) error += std::abs(guessed[i] - wave(kSteps + i));
        QVERIFY(error > 0.8);
    }

    void flatDataAreRefused() {
        DataInfo info;
        info.inputShape = Shape::flat(2);
        info.classNames = {"-1", "+1"};
        NetworkSpec spec;
        spec.add("dense", 2);
        Model model(spec, info.inputShape, InitScheme::PyTorch, 1);
        try {
            SequenceGenerator generator(model, info, OutputReading(OutputKind::Unbounded, 2));
            QFAIL("no error");
        } catch (const InputError& e) {
            QVERIFY2(
                QString(e.what()).startsWith("only sequence data (sine, text) can be generated"),
                e.what());
        }
    }
};

QTEST_GUILESS_MAIN(TestSequenceGenerator)
#include "test_sequence_generator.moc"
