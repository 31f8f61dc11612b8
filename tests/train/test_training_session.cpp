// SPDX-License-Identifier: GPL-3.0-or-later
#include <QTemporaryDir>
#include <QtTest>
#include <algorithm>
#include <cmath>
#include <fstream>

#include "data/DataLoader.h"
#include "data/PlaneGenerators.h"
#include "train/ConvolutionStep.h"
#include "train/TrainingSession.h"

using namespace nnplay;

namespace {

Project planeProject(const std::string& source, const std::vector<int>& units,
                     const std::string& activation) {
    Project p;
    p.data.source = source;
    p.data.samples = 500;
    p.data.noise = 0.0;
    p.data.trainFraction = 0.5;
    p.network() = NetworkSpec::multilayer(units, activation, "sigmoid");
    p.training.loss = LossKind::Bce;
    p.training.optimizer.kind = "adam";
    p.training.optimizer.learningRate = 0.01f;
    p.training.batchSize = 10;
    return p;
}

/// A regression head trained by SGD at a rate of 1e6: diverges within a few epochs.
Project divergingProject() {
    Project p = planeProject("circle", {8, 1}, "relu");
    p.network().layers.back().type = "linear";
    p.training.loss = LossKind::Mse;
    p.training.optimizer.kind = "sgd";
    p.training.optimizer.learningRate = 1e6f;
    return p;
}

std::unique_ptr<TrainingSession> sessionFor(const Project& p, const std::string& baseDir) {
    return std::make_unique<TrainingSession>(p, loadData(p.data, p.task, baseDir));
}

}  // namespace

class TestTrainingSession : public QObject {
    Q_OBJECT
private slots:
    void learnsPlaneData_data();
    void learnsPlaneData();
    void learnsDigits();
    void learnsRegression();
    void learnsCsvWrittenHere();
    void historyHasOneRecordPerEpoch();
    void sameSeedSameNumbers();
    void divergenceStopsAndKeepsFiniteWeights();
    void resumeAfterDivergenceGoesOnFromTheKeptWeights();
    void earlyStoppingRestoresBestWeights();
    void validationPartIsCutFromTrainingData();
    void earlyStoppingNeverLooksAtTheTestPart();
    void divergenceOnHugeTargetsBlamesTheData();
    void sessionInterfaceDrivesTraining();
    void continuesFromStoredWeights();
    void viewsNameDeadAndSaturatedUnits();
    void learningRateChangesWithoutReset();
    void rejectsNetworkThatDoesNotFit();
    void rejectsBadSettings();
    void stepBatchCountsEpochs();
    void recordedStepGradientsMatchFiniteDifferences();
    void recordedStepIsPlainSgdUpdate();
    void scoreAgreesWithMetricsAndPredictions_data();
    void scoreAgreesWithMetricsAndPredictions();
    void traceFollowsOneSampleThroughEveryLayer();
    void convolutionStepAddsUpToTheMap_data();
    void convolutionStepAddsUpToTheMap();
};

void TestTrainingSession::learnsPlaneData_data() {
    QTest::addColumn<QString>("source");
    QTest::addColumn<QString>("activation");
    QTest::addColumn<QStringList>("features");
    QTest::addColumn<int>("hidden");
    QTest::addColumn<int>("epochs");
    QTest::addColumn<double>("minimum");
    QTest::newRow("circle") << "circle"
                            << "tanh" << QStringList{"x1", "x2"} << 8 << 100 << 0.95;
    QTest::newRow("xor") << "xor"
                         << "tanh" << QStringList{"x1", "x2"} << 8 << 100 << 0.95;
    QTest::newRow("gaussian") << "gaussian"
                              << "tanh" << QStringList{"x1", "x2"} << 4 << 30 << 0.95;
    QTest::newRow("moons") << "moons"
                           << "relu" << QStringList{"x1", "x2"} << 16 << 100 << 0.95;
    QTest::newRow("spiral") << "spiral"
                            << "relu" << QStringList{"x1",    "x2",      "x1^2",   "x2^2",
                                                     "x1*x2", "sin(x1)", "sin(x2)"}
                            << 32 << 300 << 0.9;
}

void TestTrainingSession::learnsPlaneData() {
    QFETCH(QString, source);
    QFETCH(QString, activation);
    QFETCH(QStringList, features);
    QFETCH(int, hidden);
    QFETCH(int, epochs);
    QFETCH(double, minimum);
    Project p = planeProject(source.toStdString(), {hidden, hidden, 1}, activation.toStdString());
    p.data.features.clear();
    for (const QString& f : features) p.data.features.push_back(f.toStdString());
    auto session = sessionFor(p, ".");
    session->run(epochs);
    const double accuracy = session->classificationMetrics(session->data().test).accuracy;
    QVERIFY2(accuracy >= minimum, qPrintable(QString("test accuracy %1").arg(accuracy)));
}

void TestTrainingSession::learnsDigits() {
    Project p;
    p.data.source = "digits";
    p.data.trainFraction = 0.8;
    p.network() = NetworkSpec::multilayer({128, 10}, "relu", "softmax");
    p.training.loss = LossKind::Cce;
    p.training.optimizer.learningRate = 0.001f;
    p.training.batchSize = 32;
    auto session = sessionFor(p, ".");
    QCOMPARE(session->data().info.classCount(), 10);
    session->run(20);
    const ClassificationMetrics m = session->classificationMetrics(session->data().test);
    QVERIFY2(m.accuracy >= 0.95, qPrintable(QString("test accuracy %1").arg(m.accuracy)));
    QVERIFY(m.macroF1 >= 0.9);
}

void TestTrainingSession::learnsRegression() {
    Project p;
    p.task = Task::Regression;
    p.data.source = "plane";
    p.network() = NetworkSpec::multilayer({8, 1}, "tanh", "linear");
    p.training.loss = LossKind::Mse;
    p.training.optimizer.learningRate = 0.01f;
    auto session = sessionFor(p, ".");
    session->run(60);
    const RegressionMetrics m = session->regressionMetrics(session->data().test);
    QVERIFY2(m.r2 > 0.95, qPrintable(QString("R2 %1").arg(m.r2)));
    const History& h = session->history();
    QVERIFY(std::isnan(h.value(h.size() - 1, HistoryColumn::kTestAccuracy)));
    QVERIFY(std::isfinite(h.value(h.size() - 1, HistoryColumn::kTestLoss)));
}

void TestTrainingSession::learnsCsvWrittenHere() {
    QTemporaryDir dir;
    {
        // Three numeric columns and a text label: "high" when a + 2b - c > 0.
        std::ofstream csv(dir.filePath("points.csv").toStdString());
        csv << "a,b,c,label\n";
        std::mt19937 rng(3);
        std::uniform_real_distribution<float> u(-1.0f, 1.0f);
        for (int i = 0; i < 300; ++i) {
            const float a = u(rng), b = u(rng), c = 50.0f * u(rng);
            csv << a << "," << b << "," << c << "," << (a + 2 * b - c / 50 > 0 ? "high" : "low")
                << "\n";
        }
    }
    Project p;
    p.data.source = "csv";
    p.data.path = "points.csv";
    p.data.label = "label";
    p.data.standardize = true;
    p.data.trainFraction = 0.7;
    p.network() = NetworkSpec::multilayer({8, 2}, "relu", "softmax");
    p.training.loss = LossKind::Cce;
    auto session = sessionFor(p, dir.path().toStdString());
    QCOMPARE(session->data().info.classNames, (std::vector<std::string>{"high", "low"}));
    session->run(60);
    const double accuracy = session->classificationMetrics(session->data().test).accuracy;
    QVERIFY2(accuracy > 0.93, qPrintable(QString("test accuracy %1").arg(accuracy)));
}

void TestTrainingSession::historyHasOneRecordPerEpoch() {
    auto session = sessionFor(planeProject("circle", {4, 1}, "tanh"), ".");
    session->run(5);
    using namespace HistoryColumn;
    const History& h = session->history();
    QCOMPARE(h.size(), std::size_t(5));
    // Without a validation part there are no validation columns.
    QCOMPARE(h.columns(), (std::vector<std::string>{kEpoch, kTrainLoss, kTestLoss, kTrainAccuracy,
                                                    kTestAccuracy}));
    for (std::size_t i = 0; i < 5; ++i) {
        QCOMPARE(h.epoch(i), int(i) + 1);
        QVERIFY(std::isfinite(h.value(i, kTrainLoss)) && std::isfinite(h.value(i, kTestLoss)));
        QVERIFY(h.value(i, kTrainAccuracy) >= 0 && h.value(i, kTrainAccuracy) <= 1);
    }
    // The recorded losses are the full-set losses of the weights after the epoch.
    QCOMPARE(h.value(4, kTestLoss), float(session->loss(session->data().test)));
}

void TestTrainingSession::sameSeedSameNumbers() {
    const Project p = planeProject("spiral", {8, 1}, "relu");
    auto a = sessionFor(p, ".");
    auto b = sessionFor(p, ".");
    a->run(3);
    b->run(3);
    QCOMPARE(a->history(), b->history());
    Project other = p;
    other.training.seed = 2;
    auto c = sessionFor(other, ".");
    c->run(3);
    QVERIFY(!(c->history() == a->history()));
}

void TestTrainingSession::divergenceStopsAndKeepsFiniteWeights() {
    const Project p = divergingProject();
    auto session = sessionFor(p, ".");
    session->run(50);
    QCOMPARE(session->stopReason(), StopReason::Diverged);
    QVERIFY(QString::fromStdString(session->stopMessage()).contains("diverged"));
    QVERIFY(QString::fromStdString(session->stopMessage()).contains("smaller learning rate"));
    QVERIFY(!QString::fromStdString(session->stopMessage()).contains("huge scale"));
    for (const Matrix& m : session->model().paramValues()) QVERIFY(m.allFinite());
    const long long batches = session->steps();
    QVERIFY(!session->step());
    QCOMPARE(session->steps(), batches);
}

void TestTrainingSession::resumeAfterDivergenceGoesOnFromTheKeptWeights() {
    const Project p = divergingProject();
    auto session = sessionFor(p, ".");
    session->run(50);
    QCOMPARE(session->stopReason(), StopReason::Diverged);
    const int kept = session->epoch();
    const std::vector<Matrix> keptWeights = session->model().paramValues();
    TrainingSpec gentle = p.training;
    gentle.optimizer.learningRate = 0.01f;
    session->updateTraining(gentle);
    session->resume();
    QVERIFY(!session->stopped());
    QVERIFY(session->stopMessage().empty());
    QCOMPARE(session->epoch(), kept);
    QCOMPARE(static_cast<int>(session->history().size()), kept);
    QVERIFY(session->model().paramValues() == keptWeights);
    session->run(3);
    QCOMPARE(session->stopReason(), StopReason::None);
    QCOMPARE(session->epoch(), kept + 3);
    QCOMPARE(static_cast<int>(session->history().size()), kept + 3);
    for (const Matrix& m : session->model().paramValues()) QVERIFY(m.allFinite());
}

void TestTrainingSession::earlyStoppingRestoresBestWeights() {
    // Few noisy samples and a big network: the test loss soon rises.
    Project p = planeProject("xor", {64, 64, 1}, "relu");
    p.data.samples = 40;
    p.data.noise = 0.5;
    p.training.optimizer.learningRate = 0.03f;
    p.training.patience = 5;
    auto session = sessionFor(p, ".");
    session->run(500);
    QCOMPARE(session->stopReason(), StopReason::EarlyStopped);
    double best = INFINITY;
    int bestEpoch = 0;
    const History& h = session->history();
    for (std::size_t r = 0; r < h.size(); ++r)
        if (h.value(r, HistoryColumn::kTestLoss) < best)
            best = h.value(r, HistoryColumn::kTestLoss), bestEpoch = h.epoch(r);
    QCOMPARE(session->keptEpoch(), bestEpoch);
    QCOMPARE(session->epoch(), bestEpoch + 5);
    QVERIFY(std::abs(session->loss(session->data().test) - best) < 1e-6);
    QVERIFY(QString::fromStdString(session->stopMessage())
                .contains(QString("weights of epoch %1").arg(bestEpoch)));
}

void TestTrainingSession::validationPartIsCutFromTrainingData() {
    Project p = planeProject("circle", {4, 1}, "tanh");
    p.data.samples = 200;
    p.data.trainFraction = 0.5;
    const DataSplit plain = loadData(p.data, p.task, ".");
    p.data.validationFraction = 0.3;
    const DataSplit split = loadData(p.data, p.task, ".");
    // The test part stays as it was; 30% of the 100 training samples become validation.
    QCOMPARE(split.test.points, plain.test.points);
    QCOMPARE(split.validation.sampleCount(), 30);
    QCOMPARE(split.train.sampleCount(), 70);
    // Every training and validation point is one of the former training points.
    Matrix both(2, 100);
    both << split.train.points, split.validation.points;
    for (Eigen::Index i = 0; i < 100; ++i) {
        bool found = false;
        for (Eigen::Index j = 0; j < 100 && !found; ++j)
            found = both.col(i) == plain.train.points.col(j);
        QVERIFY(found);
    }
    // Seeded: the same spec gives the same parts.
    QCOMPARE(loadData(p.data, p.task, ".").validation.points, split.validation.points);
    p.data.validationFraction = 1.0;
    QVERIFY_THROWS_EXCEPTION(InputError, loadData(p.data, p.task, "."));
}

void TestTrainingSession::earlyStoppingNeverLooksAtTheTestPart() {
    // Few noisy samples and a big network overfit soon, so early stopping triggers.
    Project p = planeProject("xor", {64, 64, 1}, "relu");
    p.data.samples = 120;
    p.data.noise = 0.5;
    p.data.validationFraction = 0.4;
    p.training.optimizer.learningRate = 0.03f;
    p.training.patience = 5;
    const DataSplit split = loadData(p.data, p.task, ".");
    // The same run with the test part replaced by other points and flipped labels.
    DataSplit other = split;
    other.test.inputs = -2.0f * split.test.inputs.reverse();
    for (int& label : other.test.labels) label = 1 - label;

    TrainingSession a(p, split), b(p, other);
    a.run(500);
    b.run(500);
    QCOMPARE(a.stopReason(), StopReason::EarlyStopped);
    QCOMPARE(b.stopReason(), StopReason::EarlyStopped);
    QVERIFY(QString::fromStdString(a.stopMessage()).contains("validation loss"));
    QCOMPARE(b.keptEpoch(), a.keptEpoch());
    QCOMPARE(b.epoch(), a.epoch());
    const std::vector<Matrix> wa = a.model().paramValues(), wb = b.model().paramValues();
    QCOMPARE(wa.size(), wb.size());
    for (std::size_t i = 0; i < wa.size(); ++i) QVERIFY(wa[i] == wb[i]);

    // The kept epoch is the one with the lowest validation loss, and the test losses of the
    // two runs really differ (the test part was measured, just not used).
    using namespace HistoryColumn;
    const History& h = a.history();
    QVERIFY(h.column(kValLoss) >= 0 && h.column(kValAccuracy) >= 0);
    std::size_t best = 0;
    for (std::size_t r = 0; r < h.size(); ++r)
        if (h.value(r, kValLoss) < h.value(best, kValLoss)) best = r;
    QCOMPARE(a.keptEpoch(), h.epoch(best));
    QVERIFY(h.value(best, kTestLoss) != b.history().value(best, kTestLoss));
    QCOMPARE(h.value(best, kValLoss), b.history().value(best, kValLoss));
    QVERIFY(std::abs(a.loss(a.data().validation) - h.value(best, kValLoss)) < 1e-6);

    // The figures the CLI reports name the kept epoch and the validation scores.
    bool sawBest = false, sawValidation = false;
    for (const Session::Figure& f : a.results()) {
        if (f.name == "best_epoch") sawBest = f.value == a.keptEpoch() && f.whole;
        if (f.name == "val_accuracy") sawValidation = f.value >= 0.0 && f.value <= 1.0;
    }
    QVERIFY(sawBest);
    QVERIFY(sawValidation);
}

void TestTrainingSession::divergenceOnHugeTargetsBlamesTheData() {
    Project p;
    p.task = Task::Regression;
    p.data.source = "plane";
    p.network() = NetworkSpec::multilayer({8, 1}, "tanh", "linear");
    p.training.loss = LossKind::Mse;
    p.training.optimizer.learningRate = 0.001f;
    DataSplit split = loadData(p.data, p.task, ".");
    split.train.targets *= 1e30f;
    split.test.targets *= 1e30f;
    TrainingSession session(p, split);
    session.run(5);
    QCOMPARE(session.stopReason(), StopReason::Diverged);
    const QString message = QString::fromStdString(session.stopMessage());
    QVERIFY2(message.contains("targets are on a huge scale"), qPrintable(message));
    QVERIFY2(message.contains("Rescale the target column"), qPrintable(message));
    QVERIFY2(!message.contains("smaller learning rate"), qPrintable(message));
    for (const Matrix& m : session.model().paramValues()) QVERIFY(m.allFinite());
}

void TestTrainingSession::sessionInterfaceDrivesTraining() {
    // What the worker and the CLI hold: a Session from the factory.
    Project p = planeProject("circle", {4, 1}, "tanh");
    p.training.batchSize = 50;  // 250 training samples: 5 steps an epoch
    std::unique_ptr<Session> session = makeSession(p, ".");
    QCOMPARE(session->stepsPerEpoch(), 5);
    session->stepEpoch();
    QCOMPARE(session->epoch(), 1);
    QCOMPARE(session->steps(), 5LL);
    session->run(2);
    QCOMPARE(session->history().size(), std::size_t(3));
    SessionViews views;
    ViewRequest request;
    request.gridSize = 8;
    request.thumbnailSize = 4;
    session->fillViews(request, views);
    QCOMPARE(views.gridSize, 8);
    QCOMPARE(views.boundary.size(), std::size_t(1));
    QCOMPARE(views.boundary[0].size(), std::size_t(64));
    QVERIFY(views.hasMetrics);
    // Two classes: every test sample's probability of class 1, and the curves they make.
    const int tested = session->data().test.sampleCount();
    QCOMPARE(views.test.samples, tested);
    QCOMPARE(views.test.scores.size(), std::size_t(tested));
    QVERIFY(views.test.truth == session->data().test.labels);
    QVERIFY(views.test.curves);
    QCOMPARE(views.test.curves->falsePositiveRate.back(), 1.0);
    QCOMPARE(views.test.metricsAt(0.5).accuracy, views.test.classification->accuracy);
    // At threshold 0 every sample is called positive.
    QCOMPARE(views.test.metricsAt(0.0).recall[1], 1.0);
    QCOMPARE(views.samplePredictions.size(), std::size_t(SessionViews::kSampleCount));
    // The boundary is the model's output over the plane: its corner is the prediction there.
    auto* supervised = dynamic_cast<TrainingSession*>(session.get());
    QVERIFY(supervised);
    Matrix corner(2, 1), out;
    corner << -kPlaneExtent, -kPlaneExtent;
    supervised->predict(corner, out);
    QCOMPARE(views.boundary[0][0], out(0, 0));
    Project stored = p;
    session->storeInto(stored);
    QVERIFY(stored.network().hasParams());
    QVERIFY(stored.history == session->history());
}

void TestTrainingSession::viewsNameDeadAndSaturatedUnits() {
    // dense(3) relu dense(2) tanh dense(1) sigmoid, with weights set by hand.
    Project p = planeProject("circle", {3, 2, 1}, "relu");
    auto& layers = p.network().layers;
    QCOMPARE(layers.size(), std::size_t(6));
    layers[3].type = "tanh";
    auto dense = [](int units, int inputs, float weight, std::vector<float> biases) {
        Matrix w = Matrix::Constant(units, inputs, weight), b(units, 1);
        for (int u = 0; u < units; ++u) b(u, 0) = biases[static_cast<std::size_t>(u)];
        return std::vector<Matrix>{w, b};
    };
    // ReLU unit 1 gets a bias far below anything the inputs can lift: dead on every sample.
    layers[0].params = dense(3, 2, 0.1f, {0.5f, -100.0f, 0.0f});
    // Tanh unit 0 gets a bias that pins it near 1; unit 1 stays in its middle.
    layers[2].params = dense(2, 3, 0.01f, {50.0f, 0.0f});
    layers[4].params = dense(1, 2, 0.1f, {0.0f});
    auto session = sessionFor(p, ".");
    SessionViews views;
    ViewRequest request;
    request.gridSize = 0;
    request.thumbnailSize = 0;
    session->fillViews(request, views);
    using State = SessionViews::UnitState;
    QCOMPARE(views.unitStates.size(), layers.size());
    QCOMPARE(views.unitStates[1],
             (std::vector<State>{State::Working, State::Dead, State::Working}));
    QCOMPARE(views.unitStates[3], (std::vector<State>{State::Saturated, State::Working}));
    // Dense layers, and the output activation (a confident answer is no fault), have none.
    QVERIFY(views.unitStates[0].empty());
    QVERIFY(views.unitStates[5].empty());
    request.unitStates = false;
    SessionViews none;
    session->fillViews(request, none);
    QVERIFY(none.unitStates.empty());
}

void TestTrainingSession::continuesFromStoredWeights() {
    Project p = planeProject("circle", {4, 1}, "tanh");
    auto first = sessionFor(p, ".");
    first->run(10);
    Project trained = p;
    first->storeInto(trained);
    QVERIFY(trained.network().hasParams());
    QCOMPARE(trained.history.size(), std::size_t(10));
    auto second = sessionFor(trained, ".");
    QCOMPARE(second->epoch(), 10);
    QCOMPARE(second->loss(second->data().test), first->loss(first->data().test));
    second->stepEpoch();
    QCOMPARE(second->history().lastEpoch(), 11);
}

void TestTrainingSession::learningRateChangesWithoutReset() {
    Project p = planeProject("circle", {4, 1}, "tanh");
    auto session = sessionFor(p, ".");
    session->run(2);
    const std::vector<Matrix> before = session->model().paramValues();
    TrainingSpec t = session->training();
    t.optimizer.learningRate = 0.1f;
    session->updateTraining(t);
    QCOMPARE(session->epoch(), 2);
    QCOMPARE(session->model().paramValues()[0], before[0]);
    QCOMPARE(session->training().optimizer.learningRate, 0.1f);
    t.optimizer.kind = "sgd";
    session->updateTraining(t);
    session->stepEpoch();
    QCOMPARE(session->epoch(), 3);
    t.optimizer.learningRate = -1;
    QVERIFY_THROWS_EXCEPTION(InputError, session->updateTraining(t));
}

void TestTrainingSession::rejectsNetworkThatDoesNotFit() {
    Project p = planeProject("circle", {4, 3}, "tanh");
    try {
        sessionFor(p, ".");
        QFAIL("no exception");
    } catch (const InputError& e) {
        QVERIFY2(QString(e.what()).contains("Dense (layer 3) gives 3 outputs"), e.what());
    }
}

void TestTrainingSession::rejectsBadSettings() {
    Project p = planeProject("circle", {4, 1}, "tanh");
    p.training.batchSize = 0;
    QVERIFY_THROWS_EXCEPTION(InputError, sessionFor(p, "."));
    p.training.batchSize = 10;
    p.training.optimizer.learningRate = 0;
    QVERIFY_THROWS_EXCEPTION(InputError, sessionFor(p, "."));
}

void TestTrainingSession::stepBatchCountsEpochs() {
    Project p = planeProject("circle", {4, 1}, "tanh");
    p.training.batchSize = 32;  // 250 training samples: 8 batches, the last one of 26
    auto session = sessionFor(p, ".");
    QCOMPARE(session->stepsPerEpoch(), 8);
    for (int i = 0; i < 7; ++i) QVERIFY(!session->step());
    QCOMPARE(session->epoch(), 0);
    QVERIFY(session->step());
    QCOMPARE(session->epoch(), 1);
    QCOMPARE(session->steps(), 8LL);
}

namespace {

/// A 2-3-1 tanh network trained by plain SGD on batches of 6, as the slow-motion lesson does.
Project slowMotionProject() {
    Project p = planeProject("circle", {3, 1}, "tanh");
    p.training.optimizer.kind = "sgd";
    p.training.optimizer.learningRate = 0.3f;
    p.training.batchSize = 6;
    return p;
}

/// The training samples a recorded step trained on.
Dataset batchOf(const TrainingSession& session, const std::vector<int>& samples) {
    const Dataset& train = session.data().train;
    Dataset batch;
    batch.inputs.resize(train.inputs.rows(), static_cast<Eigen::Index>(samples.size()));
    for (std::size_t j = 0; j < samples.size(); ++j) {
        batch.inputs.col(static_cast<Eigen::Index>(j)) = train.inputs.col(samples[j]);
        batch.labels.push_back(train.labels[static_cast<std::size_t>(samples[j])]);
    }
    return batch;
}

}  // namespace

void TestTrainingSession::recordedStepGradientsMatchFiniteDifferences() {
    const Project p = slowMotionProject();
    auto session = sessionFor(p, ".");
    session->step();  // the recorded batch is not the first: the cursor is mid-epoch
    SessionViews::StepStages stages;
    session->stepRecorded(stages);
    QCOMPARE(stages.step, 2LL);
    QCOMPARE(static_cast<int>(stages.samples.size()), 6);
    QCOMPARE(static_cast<int>(stages.gradients.size()), session->model().layerCount());

    // A second session replays the first batch, then probes the loss of the recorded batch
    // around the weights the recorded step started from.
    auto probe = sessionFor(p, ".");
    probe->step();
    const Dataset batch = batchOf(*probe, stages.samples);
    QVERIFY(std::abs(probe->loss(batch) - stages.loss) < 1e-5);
    Model& model = probe->model();
    int checked = 0;
    for (int layer = 0; layer < model.layerCount(); ++layer) {
        const Matrix& grad = stages.gradients[static_cast<std::size_t>(layer)];
        if (grad.size() == 0) continue;
        const std::vector<Param> params = model.layer(layer).params();
        Matrix& w = *params[0].value;
        QCOMPARE(w, stages.weightsBefore[static_cast<std::size_t>(layer)]);
        QCOMPARE(grad.rows(), w.rows());
        QCOMPARE(grad.cols(), w.cols());
        for (Eigen::Index i = 0; i < w.size(); ++i) {
            const float original = w(i);
            const float h = 1e-2f;
            w(i) = original + h;
            const double up = probe->loss(batch);
            w(i) = original - h;
            const double down = probe->loss(batch);
            w(i) = original;
            const double numeric = (up - down) / (2.0 * h);
            const double analytic = grad(i);
            const double scale = std::max({std::abs(numeric), std::abs(analytic), 1e-3});
            QVERIFY2(std::abs(numeric - analytic) / scale < 2e-2,
                     qPrintable(QString("layer %1 weight %2: analytic %3, numeric %4")
                                    .arg(layer)
                                    .arg(i)
                                    .arg(analytic)
                                    .arg(numeric)));
            ++checked;
        }
    }
    QCOMPARE(checked, 2 * 3 + 3 * 1);
}

void TestTrainingSession::recordedStepIsPlainSgdUpdate() {
    const Project p = slowMotionProject();
    auto session = sessionFor(p, ".");
    SessionViews::StepStages stages;
    session->stepRecorded(stages);
    QCOMPARE(session->steps(), 1LL);
    const float rate = p.training.optimizer.learningRate;
    Model& model = session->model();
    bool moved = false;
    for (int layer = 0; layer < model.layerCount(); ++layer) {
        const auto l = static_cast<std::size_t>(layer);
        if (stages.gradients[l].size() == 0) continue;
        const Matrix expected = stages.weightsBefore[l] - rate * stages.gradients[l];
        QVERIFY((stages.weightsAfter[l] - expected).cwiseAbs().maxCoeff() < 1e-6f);
        QCOMPARE(stages.weightsAfter[l], *model.layer(layer).params()[0].value);
        moved = moved || stages.weightsAfter[l] != stages.weightsBefore[l];
    }
    QVERIFY(moved);
    // An ordinary step records nothing: the next snapshot's stages stay empty.
    SessionViews views;
    session->step();
    session->fillViews(ViewRequest{}, views);
    QVERIFY(views.stages.empty());
}

void TestTrainingSession::scoreAgreesWithMetricsAndPredictions_data() {
    QTest::addColumn<QString>("output");
    QTest::addColumn<QString>("loss");
    QTest::newRow("sigmoid + bce (fused)") << "sigmoid"
                                           << "bce";
    QTest::newRow("tanh + mse") << "tanh"
                                << "mse";
    QTest::newRow("softmax + cce (fused)") << "softmax"
                                           << "cce";
}

// The epoch score takes one pass over the logits; it must equal what predictions after the
// output activation say.
void TestTrainingSession::scoreAgreesWithMetricsAndPredictions() {
    QFETCH(QString, output);
    QFETCH(QString, loss);
    Project p = planeProject("xor", {8, output == "softmax" ? 2 : 1}, "tanh");
    p.data.samples = 1500;  // more than one evaluation slice
    p.data.noise = 0.3;
    p.network().layers.back().type = output.toStdString();
    p.training.loss = lossKindFromString(loss.toStdString());
    auto session = sessionFor(p, ".");
    session->run(3);
    const Dataset& test = session->data().test;
    const TrainingSession::Score score = session->score(test);
    QCOMPARE(score.accuracy, session->classificationMetrics(test).accuracy);
    Matrix predictions, targets;
    session->predict(test.inputs, predictions);
    targets.setZero(predictions.rows(), test.sampleCount());
    const float negative = output == "tanh" ? -1.0f : 0.0f;
    for (int i = 0; i < test.sampleCount(); ++i) {
        if (predictions.rows() == 1)
            targets(0, i) = test.labels[i] == 1 ? 1.0f : negative;
        else
            targets(test.labels[i], i) = 1.0f;
    }
    const double direct = makeLoss(p.training.loss, false)->compute(predictions, targets, false);
    QVERIFY2(std::abs(score.loss - direct) < 1e-4 * std::max(1.0, direct),
             qPrintable(QString("%1 vs %2").arg(score.loss).arg(direct)));
}

// The trace of one test sample holds what each layer gives for it: ReLU's values are the
// convolution's clipped at zero, max pooling keeps each 2x2 block's largest, and the last
// layer's values are the network's prediction for that sample.
void TestTrainingSession::traceFollowsOneSampleThroughEveryLayer() {
    Project p;
    p.data.source = "digits";
    p.network().add("conv2d").settings = {{"filters", 4}, {"kernel_size", 3}, {"padding", 0}};
    p.network().add("relu");
    p.network().add("maxpool2d").settings = {{"pool_size", 2}, {"stride", 2}};
    p.network().add("dense", 10);
    p.network().add("softmax");
    p.training.loss = LossKind::Cce;
    auto session = sessionFor(p, ".");
    session->run(1);
    SessionViews views;
    ViewRequest request;
    request.traceSample = 3;
    session->fillViews(request, views);
    QCOMPARE(views.traceSample, 3);
    QCOMPARE(views.trace.size(), std::size_t(5));
    const auto& convTrace = views.trace[0];
    QCOMPARE(convTrace.type, std::string("conv2d"));
    QCOMPARE(convTrace.shape, (Shape{4, 8, 8}));
    QCOMPARE(convTrace.values.size(), std::size_t(4 * 8 * 8));
    const auto& relu = views.trace[1].values;
    for (std::size_t i = 0; i < relu.size(); ++i)
        QCOMPARE(relu[i], std::max(0.0f, convTrace.values[i]));
    const auto& pooled = views.trace[2];
    QCOMPARE(pooled.shape, (Shape{4, 4, 4}));
    // Channel 2, pooled row 1, column 3: the largest of rows 2-3, columns 6-7 of channel 2.
    const auto at = [&](int c, int y, int x) { return relu[std::size_t(c * 64 + y * 8 + x)]; };
    const float largest = std::max({at(2, 2, 6), at(2, 2, 7), at(2, 3, 6), at(2, 3, 7)});
    QCOMPARE(pooled.values[std::size_t(2 * 16 + 1 * 4 + 3)], largest);
    Matrix out;
    session->predict(session->data().test.inputs.col(3), out);
    const auto& last = views.trace.back().values;
    QCOMPARE(last.size(), std::size_t(10));
    for (int c = 0; c < 10; ++c) QVERIFY(std::abs(last[std::size_t(c)] - out(c, 0)) < 1e-6f);
    QVERIFY(views.trace[0].states.empty());

    // Not asked for: nothing traced.
    SessionViews none;
    session->fillViews(ViewRequest{}, none);
    QCOMPARE(none.traceSample, -1);
    QVERIFY(none.trace.empty());
}

void TestTrainingSession::convolutionStepAddsUpToTheMap_data() {
    QTest::addColumn<int>("padding");
    QTest::addColumn<int>("stride");
    QTest::newRow("same") << 0 << 1;
    QTest::newRow("valid") << 1 << 1;
    QTest::newRow("same, stride 2") << 0 << 2;
}

// Every value of two stacked convolutions' maps is the sum of its window's products and the
// bias, padding taps reading 0, as the step-by-step explanation shows it.
void TestTrainingSession::convolutionStepAddsUpToTheMap() {
    QFETCH(int, padding);
    QFETCH(int, stride);
    Project p;
    p.data.source = "digits";
    p.network().add("conv2d").settings = {
        {"filters", 3}, {"kernel_size", 3}, {"padding", padding}, {"stride", stride}};
    p.network().add("relu");
    p.network().add("conv2d").settings = {{"filters", 2}, {"kernel_size", 2}, {"padding", padding}};
    p.network().add("dense", 10);
    p.network().add("softmax");
    p.training.loss = LossKind::Cce;
    auto session = sessionFor(p, ".");
    session->run(1);
    SessionViews views;
    ViewRequest request;
    request.traceSample = 1;
    session->fillViews(request, views);
    QCOMPARE(views.traceInput.size(), std::size_t(64));
    const Shape picture{1, 8, 8};
    for (const int layer : {0, 2}) {
        const auto& trace = views.trace[std::size_t(layer)];
        QVERIFY(trace.kernel.size > 0);
        const Shape& input = layer == 0 ? picture : views.trace[1].shape;
        const std::vector<float>& values = layer == 0 ? views.traceInput : views.trace[1].values;
        bool paddingSeen = false;
        for (int f = 0; f < trace.shape.channels; ++f) {
            for (int y = 0; y < trace.shape.height; ++y) {
                for (int x = 0; x < trace.shape.width; ++x) {
                    const auto step = ConvolutionStep::at(trace, input, values, f, y, x);
                    const float expected = trace.values[std::size_t(
                        (f * trace.shape.height + y) * trace.shape.width + x)];
                    QVERIFY2(std::abs(step.total - expected) <
                                 1e-4f * std::max(1.0f, std::abs(expected)),
                             qPrintable(QString("layer %1 filter %2 at %3,%4: %5 vs %6")
                                            .arg(layer)
                                            .arg(f)
                                            .arg(y)
                                            .arg(x)
                                            .arg(step.total)
                                            .arg(expected)));
                    for (bool in : step.inside) paddingSeen = paddingSeen || !in;
                }
            }
        }
        QCOMPARE(paddingSeen, padding == 0);
    }
    QVERIFY(views.trace[1].kernel.size == 0);  // ReLU slides no kernel
}

QTEST_GUILESS_MAIN(TestTrainingSession)
#include "test_training_session.moc"
