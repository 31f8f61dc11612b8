// SPDX-License-Identifier: GPL-3.0-or-later
#include <QtTest>
#include <cmath>

#include "Random.h"
#include "train/TrainingSession.h"

using namespace nnplay;

namespace {

constexpr int kSteps = 8;

/// Windows of sine waves of random phase and frequency: the input is kSteps values, the
/// targets the value after each step (stepTargets) and after the window (targets).
Dataset sineWindows(int samples, std::uint32_t seed) {
    Random rng(seed);
    Dataset set;
    set.inputs.resize(kSteps, samples);
    set.stepTargets.resize(kSteps, samples);
    set.targets.resize(1, samples);
    for (int s = 0; s < samples; ++s) {
        const double phase = rng.uniform(0, 6.283), freq = rng.uniform(0.2, 0.5);
        for (int t = 0; t <= kSteps; ++t) {
            const float v = static_cast<float>(std::sin(phase + freq * t));
            if (t < kSteps) set.inputs(t, s) = v;
            if (t > 0) set.stepTargets(t - 1, s) = v;
        }
        set.targets(0, s) = set.stepTargets(kSteps - 1, s);
    }
    return set;
}

/// Sequences of three symbols (one-hot per step); each step's class is the symbol one step
/// earlier (0 at the first step), so only a network that remembers can get it right.
Dataset delayedSymbols(int samples, std::uint32_t seed) {
    Random rng(seed);
    Dataset set;
    set.inputs.setZero(kSteps * 3, samples);
    set.stepLabels.resize(kSteps, samples);
    set.labels.resize(static_cast<std::size_t>(samples));
    for (int s = 0; s < samples; ++s) {
        int previous = 0;
        for (int t = 0; t < kSteps; ++t) {
            const int symbol = static_cast<int>(rng.below(3));
            set.inputs(t * 3 + symbol, s) = 1.0f;
            set.stepLabels(t, s) = previous;
            previous = symbol;
        }
        set.labels[static_cast<std::size_t>(s)] = set.stepLabels(kSteps - 1, s);
    }
    return set;
}

LayerSpec recurrent(const std::string& type, int units, bool returnSequences) {
    LayerSpec spec;
    spec.type = type;
    spec.settings = {{"units", units}, {"return_sequences", returnSequences ? 1 : 0}};
    return spec;
}

Project sequenceProject(Task task, LayerSpec first) {
    Project p;
    p.task = task;
    first.id = 1;
    p.network().layers.push_back(first);
    p.training.optimizer.kind = "adam";
    p.training.optimizer.learningRate = 0.01f;
    p.training.batchSize = 16;
    p.training.loss = task == Task::Regression ? LossKind::Mse : LossKind::Cce;
    return p;
}

DataSplit sineSplit() {
    DataSplit split;
    split.info.task = Task::Regression;
    split.info.inputShape = Shape::sequence(kSteps, 1);
    split.train = sineWindows(256, 1);
    split.test = sineWindows(64, 2);
    return split;
}

double figure(const std::vector<Session::Figure>& figures, const std::string& name) {
    for (const auto& f : figures)
        if (f.name == name) return f.value;
    return NAN;
}

}  // namespace

class TestSequenceTraining : public QObject {
    Q_OBJECT
private slots:
    void learnsEveryNextValue_data();
    void learnsEveryNextValue();
    void accuracyCountsEveryStep();
    void sequenceOutputNeedsStepTargets();
    void traceHoldsEveryHiddenState();
};

void TestSequenceTraining::learnsEveryNextValue_data() {
    QTest::addColumn<bool>("returnSequences");
    QTest::newRow("every step") << true;
    QTest::newRow("last step") << false;
}

// SimpleRNN 16 -> Dense 1: with return_sequences the dense layer predicts at every step and
// the loss is the mean over samples and steps of stepTargets; else it predicts the value after
// the window.
void TestSequenceTraining::learnsEveryNextValue() {
    QFETCH(bool, returnSequences);
    Project p = sequenceProject(Task::Regression, recurrent("simple_rnn", 16, returnSequences));
    p.network().add("dense", 1);
    TrainingSession session(p, sineSplit());
    const double before = session.loss(session.data().test);
    for (int epoch = 0; epoch < 25;)
        if (session.step()) ++epoch;
    const auto results = session.results();
    const double mse = figure(results, "test_mse");
    // The first steps cannot know the wave's direction or frequency yet, so the mean over every
    // step stays above the last step's.
    QVERIFY2(mse < (returnSequences ? 0.03 : 0.01) && mse < before / 10,
             qPrintable(QString("test MSE %1 (before %2)").arg(mse).arg(before)));
    // The loss is the same mean the metrics report (MSE over every predicted value).
    QVERIFY(std::abs(figure(results, "test_loss") - mse) < 1e-4);
    Matrix out;
    session.predict(session.data().test.inputs, out);
    QCOMPARE(out.rows(), Eigen::Index(returnSequences ? kSteps : 1));
}

void TestSequenceTraining::accuracyCountsEveryStep() {
    Project p = sequenceProject(Task::Classification, recurrent("gru", 12, true));
    p.network().add("dense", 3);
    p.network().add("softmax");
    DataSplit split;
    split.info.task = Task::Classification;
    split.info.inputShape = Shape::sequence(kSteps, 3);
    split.info.classNames = {"a", "b", "c"};
    split.train = delayedSymbols(256, 3);
    split.test = delayedSymbols(64, 4);
    TrainingSession session(p, split);
    for (int epoch = 0; epoch < 15;)
        if (session.step()) ++epoch;
    // The accuracy by hand: the largest of each step's three outputs against its label.
    const Dataset& test = session.data().test;
    Matrix out;
    session.predict(test.inputs, out);
    QCOMPARE(out.rows(), Eigen::Index(kSteps * 3));
    int correct = 0;
    for (int s = 0; s < test.sampleCount(); ++s)
        for (int t = 0; t < kSteps; ++t) {
            int best = 0;
            out.col(s).segment(t * 3, 3).maxCoeff(&best);
            correct += best == test.stepLabels(t, s);
        }
    const double byHand = static_cast<double>(correct) / (test.sampleCount() * kSteps);
    const TrainingSession::Score score = session.score(test);
    QCOMPARE(score.accuracy, byHand);
    QVERIFY2(score.accuracy > 0.95, qPrintable(QString("accuracy %1").arg(score.accuracy)));
    QCOMPARE(session.classificationMetrics(test).accuracy, byHand);
    // Per sample the reading is the last step's.
    QCOMPARE(session.classify(out).size(), std::size_t(test.sampleCount()));
}

void TestSequenceTraining::sequenceOutputNeedsStepTargets() {
    Project p = sequenceProject(Task::Regression, recurrent("lstm", 4, true));
    p.network().add("dense", 1);
    DataSplit split = sineSplit();
    split.train.stepTargets.resize(0, 0);
    try {
        TrainingSession session(p, split);
        QFAIL("a sequence output trained on one target per sample");
    } catch (const InputError& e) {
        QVERIFY2(std::string(e.what()).find("turn return_sequences off") != std::string::npos,
                 e.what());
    }
}

// An LSTM returning only its last state still shows every step's hidden state in the trace;
// the last of them is what it passes on.
void TestSequenceTraining::traceHoldsEveryHiddenState() {
    Project p = sequenceProject(Task::Regression, recurrent("lstm", 5, false));
    p.network().add("dense", 1);
    TrainingSession session(p, sineSplit());
    SessionViews views;
    ViewRequest request;
    request.traceSample = 0;
    session.fillViews(request, views);
    QCOMPARE(views.trace.size(), std::size_t(2));
    const auto& lstm = views.trace[0];
    QCOMPARE(lstm.stateSteps, kSteps);
    QCOMPARE(lstm.stateUnits, 5);
    QCOMPARE(lstm.states.size(), std::size_t(kSteps * 5));
    QCOMPARE(lstm.values.size(), std::size_t(5));
    for (int u = 0; u < 5; ++u)
        QCOMPARE(lstm.states[std::size_t((kSteps - 1) * 5 + u)], lstm.values[std::size_t(u)]);
    // The states move: the first and last steps differ.
    float change = 0;
    for (int u = 0; u < 5; ++u)
        change += std::abs(lstm.states[std::size_t(u)] - lstm.values[std::size_t(u)]);
    QVERIFY(change > 1e-3f);
    QVERIFY(views.trace[1].states.empty());
}

QTEST_APPLESS_MAIN(TestSequenceTraining)
#include "test_sequence_training.moc"
