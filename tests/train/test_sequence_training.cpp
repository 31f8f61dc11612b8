// SPDX-License-Identifier: GPL-3.0-or-later
#include <QtTest>
#include <cmath>

#include "Random.h"
#include "data/DataLoader.h"
#include "train/SequencePreview.h"
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

/// Character windows of the shipped text for `p`'s recurrent layer, which gets a dense
/// softmax layer over the text's characters after it.
DataSplit textSplit(Project& p, int stride, int maxChars) {
    p.data.source = "text";
    p.data.path = "text/devils-dictionary.txt";
    p.data.sequenceLength = kSteps;
    p.data.stride = stride;
    p.data.maxChars = maxChars;
    DataSplit split = loadData(p.data, p.task, "");
    p.network().add("dense", split.info.classCount());
    p.network().add("softmax");
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
    void traceGatesMatchTheCell_data();
    void traceGatesMatchTheCell();
    void previewOfASeries();
    void previewOfAText();
    void previewFollowsTheChosenLayer();
    void lstmTextBeatsLetterFrequencies();
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

void TestSequenceTraining::traceGatesMatchTheCell_data() {
    QTest::addColumn<QString>("type");
    QTest::newRow("lstm") << "lstm";
    QTest::newRow("gru") << "gru";
}

// The gates in the trace are the cell's own: recomputed by hand from the layer's weights, the
// traced input and the previous hidden state, they give every traced hidden state again.
void TestSequenceTraining::traceGatesMatchTheCell() {
    QFETCH(QString, type);
    const bool lstm = type == "lstm";
    constexpr int H = 4;
    Project p = sequenceProject(Task::Regression, recurrent(type.toStdString(), H, false));
    p.network().add("dense", 1);
    TrainingSession session(p, sineSplit());
    for (int i = 0; i < 20; ++i) session.step();  // weights away from their start
    SessionViews views;
    ViewRequest request;
    request.traceSample = 3;
    session.fillViews(request, views);
    const SessionViews::LayerTrace& trace = views.trace[0];
    QCOMPARE(trace.gates.size(), std::size_t(lstm ? 4 : 3));
    QCOMPARE(QString::fromStdString(trace.gates[0].name), lstm ? "input gate" : "reset gate");
    QCOMPARE(QString::fromStdString(trace.gates[1].name), lstm ? "forget gate" : "update gate");
    QCOMPARE(QString::fromStdString(trace.gates[2].name), QString("candidate"));
    if (lstm) QCOMPARE(QString::fromStdString(trace.gates[3].name), QString("output gate"));
    for (const auto& gate : trace.gates) QCOMPARE(gate.values.size(), std::size_t(kSteps * H));
    QCOMPARE(trace.states.size(), std::size_t(kSteps * H));

    const std::vector<Param> params = session.model().layer(0).params();
    const Matrix &wih = *params[0].value, &whh = *params[1].value, &bih = *params[2].value,
                 &bhh = *params[3].value;
    const auto sigmoid = [](double v) { return 1.0 / (1.0 + std::exp(-v)); };
    const auto gate = [&](int k, int t, int u) {
        return double(trace.gates[std::size_t(k)].values[std::size_t(t * H + u)]);
    };
    std::vector<double> h(H, 0.0), c(H, 0.0);
    double worst = 0.0;
    for (int t = 0; t < kSteps; ++t) {
        const double x = views.traceInput[std::size_t(t)];
        const auto pre = [&](int row, bool withHidden) {
            double a = wih(row, 0) * x + bih(row, 0);
            if (withHidden) {
                a += bhh(row, 0);
                for (int j = 0; j < H; ++j) a += whh(row, j) * h[std::size_t(j)];
            }
            return a;
        };
        std::vector<double> next(H);
        for (int u = 0; u < H; ++u) {
            if (lstm) {
                const double i = sigmoid(pre(u, true)), f = sigmoid(pre(H + u, true)),
                             g = std::tanh(pre(2 * H + u, true)), o = sigmoid(pre(3 * H + u, true));
                for (const auto& [k, v] : {std::pair{0, i}, {1, f}, {2, g}, {3, o}})
                    worst = std::max(worst, std::abs(gate(k, t, u) - v));
                c[std::size_t(u)] = f * c[std::size_t(u)] + i * g;
                next[std::size_t(u)] = o * std::tanh(c[std::size_t(u)]);
            } else {
                const double r = sigmoid(pre(u, true)), z = sigmoid(pre(H + u, true));
                double hn = bhh(2 * H + u, 0);
                for (int j = 0; j < H; ++j) hn += whh(2 * H + u, j) * h[std::size_t(j)];
                const double n = std::tanh(pre(2 * H + u, false) + r * hn);
                for (const auto& [k, v] : {std::pair{0, r}, {1, z}, {2, n}})
                    worst = std::max(worst, std::abs(gate(k, t, u) - v));
                next[std::size_t(u)] = (1 - z) * n + z * h[std::size_t(u)];
            }
            worst = std::max(worst,
                             std::abs(next[std::size_t(u)] - trace.states[std::size_t(t * H + u)]));
        }
        h = next;
    }
    QVERIFY2(worst < 1e-5, qPrintable(QString("largest difference %1").arg(worst)));
    // The gates move with the input: not every step's input gate (or reset gate) is the same.
    QVERIFY(std::abs(gate(0, 0, 0) - gate(0, kSteps - 1, 0)) > 1e-4);
    QVERIFY(views.trace[1].gates.empty());
}

// The series view: a clean wave, its one-step-ahead predictions and the free-running
// continuation, and the LSTM's state and gates along it.
void TestSequenceTraining::previewOfASeries() {
    Project p = sequenceProject(Task::Regression, recurrent("lstm", 6, false));
    p.data.source = "sine";
    p.data.samples = 300;
    p.data.sequenceLength = kSteps;
    p.network().add("dense", 1);
    TrainingSession session(p, loadData(p.data, p.task, ""));
    SessionViews views;
    ViewRequest request;
    session.fillViews(request, views);
    QVERIFY(views.sequence.empty());  // not asked for
    for (int epoch = 0; epoch < 30;)
        if (session.step()) ++epoch;
    request.sequence = true;
    session.fillViews(request, views);
    const auto& seq = views.sequence;
    QCOMPARE(seq.step, session.steps());
    QVERIFY(!seq.isText());
    const int continuation = SequencePreview::continuationSteps(kSteps);
    QCOMPARE(seq.primed, kSteps);
    QCOMPARE(seq.truth.size(), std::size_t(kSteps + continuation));
    QCOMPARE(seq.oneStep.size(), std::size_t(continuation));
    QCOMPARE(seq.freeRunning.size(), std::size_t(continuation));
    QCOMPARE(seq.frequency, 0.5 * (p.data.frequencyMin + p.data.frequencyMax));
    double oneStepError = 0.0;
    for (int i = 0; i < continuation; ++i) {
        QVERIFY(std::isfinite(seq.oneStep[std::size_t(i)]));
        QVERIFY(std::isfinite(seq.freeRunning[std::size_t(i)]));
        oneStepError = std::max(oneStepError, double(std::abs(seq.oneStep[std::size_t(i)] -
                                                              seq.truth[std::size_t(kSteps + i)])));
    }
    QVERIFY2(oneStepError < 0.25, qPrintable(QString("one-step error %1").arg(oneStepError)));
    // Both start from the same true window, so their first prediction is the same.
    QVERIFY(std::abs(seq.oneStep[0] - seq.freeRunning[0]) < 1e-5f);
    // One state column per value read, all but the last.
    QCOMPARE(seq.stateUnits, 6);
    QCOMPARE(seq.stateSteps, kSteps + continuation - 1);
    QCOMPARE(seq.states.size(), std::size_t(seq.stateSteps * seq.stateUnits));
    QCOMPARE(seq.gates.size(), std::size_t(4));
    for (const auto& gate : seq.gates) QCOMPARE(gate.values.size(), seq.states.size());
    QCOMPARE(seq.stateLayer, describeLayer(p.network(), 0));
}

// The text view: a greedy continuation that no seed changes, and a sample at a temperature.
void TestSequenceTraining::previewOfAText() {
    Project p = sequenceProject(Task::Classification, recurrent("gru", 16, false));
    const DataSplit split = textSplit(p, 3, 3000);
    TrainingSession session(p, split);
    for (int epoch = 0; epoch < 2;)
        if (session.step()) ++epoch;
    ViewRequest request;
    request.sequence = true;
    const auto previewAt = [&](double temperature, unsigned seed) {
        request.temperature = temperature;
        request.sequenceSeed = seed;
        SessionViews views;
        session.fillViews(request, views);
        return views.sequence;
    };
    const auto greedy = previewAt(0.0, 1), hot = previewAt(2.0, 1), hotAgain = previewAt(2.0, 1),
               otherSeed = previewAt(2.0, 2);
    QVERIFY(greedy.isText());
    QCOMPARE(greedy.start.size(), std::size_t(kSteps));
    QCOMPARE(greedy.greedy.size(), std::size_t(SequencePreview::kTextCharacters));
    QCOMPARE(greedy.sample, greedy.greedy);  // temperature 0 is greedy
    QCOMPARE(hot.greedy, greedy.greedy);     // greedy takes no random numbers
    QCOMPARE(otherSeed.greedy, greedy.greedy);
    QCOMPARE(hot.sample, hotAgain.sample);  // the same seed, the same sample
    QVERIFY(hot.sample != greedy.greedy);
    QVERIFY(otherSeed.sample != hot.sample);
    QCOMPARE(hot.temperature, 2.0);
    // The start window is the first test window's characters.
    const Dataset& test = session.data().test;
    for (int t = 0; t < kSteps; ++t)
        QCOMPARE(test.inputs(t * split.info.classCount() + greedy.start[std::size_t(t)], 0), 1.0f);
    QCOMPARE(hot.stateUnits, 16);
    QCOMPARE(hot.stateSteps, kSteps + SequencePreview::kTextCharacters - 1);
    QCOMPARE(hot.states.size(), std::size_t(hot.stateSteps * 16));
    QCOMPARE(hot.gates.size(), std::size_t(3));
    // The states follow the sample, not the greedy text.
    QVERIFY(hot.states != greedy.states);
}

// Two recurrent layers: the preview lists both and follows the one the request names, the
// first when it names none or a layer without a state per step.
void TestSequenceTraining::previewFollowsTheChosenLayer() {
    Project p = sequenceProject(Task::Regression, recurrent("lstm", 5, true));
    LayerSpec second = recurrent("gru", 3, false);
    second.id = 2;
    p.network().layers.push_back(second);
    p.network().add("dense", 1);
    p.data.source = "sine";
    p.data.samples = 60;
    p.data.sequenceLength = kSteps;
    TrainingSession session(p, loadData(p.data, p.task, ""));
    ViewRequest request;
    request.sequence = true;
    const auto followed = [&](int layer) {
        request.sequenceLayer = layer;
        SessionViews views;
        session.fillViews(request, views);
        return views.sequence;
    };
    const auto first = followed(-1);
    QCOMPARE(first.recurrentLayers.size(), std::size_t(2));
    QCOMPARE(first.recurrentLayers[0].index, 0);
    QCOMPARE(first.recurrentLayers[1].index, 1);
    QCOMPARE(first.recurrentLayers[1].name, describeLayer(p.network(), 1));
    QCOMPARE(first.stateLayerIndex, 0);
    QCOMPARE(first.stateUnits, 5);
    QCOMPARE(first.gates.size(), std::size_t(4));
    const auto gru = followed(1);
    QCOMPARE(gru.stateLayerIndex, 1);
    QCOMPARE(gru.stateLayer, describeLayer(p.network(), 1));
    QCOMPARE(gru.stateUnits, 3);
    QCOMPARE(gru.gates.size(), std::size_t(3));
    QCOMPARE(gru.stateSteps, first.stateSteps);
    QCOMPARE(gru.freeRunning, first.freeRunning);  // following changes nothing it predicts
    QCOMPARE(followed(2).stateLayerIndex, 0);      // the dense layer keeps no state
}

// What a text model must beat: predicting each character from how often it comes in the
// training text, whose mean loss on the test windows is the cross-entropy of the test
// characters under the training frequencies (at least the entropy of those frequencies).
void TestSequenceTraining::lstmTextBeatsLetterFrequencies() {
    Project p = sequenceProject(Task::Classification, recurrent("lstm", 32, false));
    const DataSplit split = textSplit(p, 2, 15000);
    const int classes = split.info.classCount();
    std::vector<double> frequency(static_cast<std::size_t>(classes), 0.5);  // none unseen
    for (const int label : split.train.labels) frequency[static_cast<std::size_t>(label)] += 1;
    double total = 0, entropy = 0, baseline = 0;
    for (const double f : frequency) total += f;
    for (const double f : frequency) entropy -= f / total * std::log(f / total);
    for (const int label : split.test.labels)
        baseline -= std::log(frequency[static_cast<std::size_t>(label)] / total);
    baseline /= static_cast<double>(split.test.labels.size());
    TrainingSession session(p, split);
    for (int epoch = 0; epoch < 6;)
        if (session.step()) ++epoch;
    const double train = session.loss(session.data().train),
                 test = session.loss(session.data().test);
    const QString figures = QString("train %1, test %2 nats; letter frequencies %3, on test %4")
                                .arg(train)
                                .arg(test)
                                .arg(entropy)
                                .arg(baseline);
    qInfo().noquote() << figures;
    QVERIFY2(train < 0.7 * entropy && test < 0.8 * baseline, qPrintable(figures));
}

QTEST_APPLESS_MAIN(TestSequenceTraining)
#include "test_sequence_training.moc"
