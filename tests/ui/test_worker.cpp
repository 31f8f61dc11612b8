// SPDX-License-Identifier: GPL-3.0-or-later
// The training worker, driven through TrainingController's queued commands as the window
// drives it: every assertion waits on the reports the worker sends back.
#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <algorithm>
#include <memory>
#include <vector>

#include "Project.h"
#include "Wait.h"
#include "train/DataCache.h"
#include "train/TrainingController.h"
#include "train/TrainingMetaTypes.h"
#include "train/TrainingSnapshot.h"
#include "train/TrainingWorker.h"

using nnplay::Project;
using nnplay::test::kWaitMs;
using nnplay::test::waitUntil;
using nnplay::ui::TrainingController;
using nnplay::ui::TrainingSnapshot;
using nnplay::ui::TrainingWorker;

namespace {

/// Largest absolute difference between the dense weights of two snapshots.
float weightChange(const TrainingSnapshot& a, const TrainingSnapshot& b) {
    float change = 0.0f;
    for (std::size_t i = 0; i < a.weights.size() && i < b.weights.size(); ++i) {
        if (a.weights[i].size() == 0 || a.weights[i].size() != b.weights[i].size()) continue;
        change = std::max(change, (a.weights[i] - b.weights[i]).cwiseAbs().maxCoeff());
    }
    return change;
}

/// Whether two snapshots hold the same dense weights: the same layers, shapes and values.
bool sameWeights(const TrainingSnapshot& a, const TrainingSnapshot& b) {
    if (a.weights.size() != b.weights.size()) return false;
    for (std::size_t i = 0; i < a.weights.size(); ++i) {
        if (a.weights[i].rows() != b.weights[i].rows() ||
            a.weights[i].cols() != b.weights[i].cols() || a.weights[i] != b.weights[i])
            return false;
    }
    return true;
}

/// Threads of this process (Linux): every controller's thread is gone once it is destroyed.
int threadCount() {
    return int(QDir(QStringLiteral("/proc/self/task"))
                   .entryList(QDir::Dirs | QDir::NoDotAndDotDot)
                   .size());
}

}  // namespace

class TestWorker : public QObject {
    Q_OBJECT

private:
    /// The snapshot of the current generation once it is paused and `accept` holds.
    template <typename Accept>
    bool waitPaused(TrainingController& c, Accept accept) {
        return waitUntil(
            [&] {
                const TrainingSnapshot& s = c.lastSnapshot();
                return s.generation == c.generation() && !s.running && accept(s);
            },
            "the current session is paused with the snapshot expected");
    }

    /// The default project with more epochs than any test waits for, so training is still
    /// running when a test looks (a Release build finishes 200 epochs in milliseconds).
    static Project longProject() {
        Project p = Project::defaultProject();
        p.training.epochs = 1000000;
        return p;
    }

    /// A controller with a long project loaded and its first snapshot received.
    std::unique_ptr<TrainingController> loaded(const Project& project = longProject()) {
        auto c = std::make_unique<TrainingController>();
        c->load(project, QString());
        if (!waitPaused(*c, [](const TrainingSnapshot& s) { return s.valid; })) return nullptr;
        return c;
    }

private slots:
    // The data is read once while only the network or training changes; a changed data
    // section or a file changed on disk is read again.
    void dataIsReadAgainOnlyWhenItChanged() {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        auto writeCsv = [&](int rows) {
            QFile file(dir.filePath(QStringLiteral("points.csv")));
            QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
            file.write("x,label\n");
            for (int i = 0; i < rows; ++i)
                file.write(QByteArray::number(i) + "," + QByteArray::number(i % 2) + "\n");
        };
        writeCsv(20);
        Project p = Project::defaultProject();
        p.data.source = "csv";
        p.data.path = "points.csv";
        p.data.label = "label";
        p.network() = nnplay::NetworkSpec::multilayer({2, 1}, "tanh", "sigmoid");
        nnplay::ui::DataCache cache;
        QCOMPARE(cache.get(p.data, p.task, dir.path()).train.sampleCount() +
                     cache.get(p.data, p.task, dir.path()).test.sampleCount(),
                 20);
        QVERIFY(cache.holds(p.data, p.task, dir.path()));
        nnplay::DataSpec other = p.data;
        other.trainFraction = 0.7;
        QVERIFY(!cache.holds(other, p.task, dir.path()));
        QVERIFY(!cache.holds(p.data, nnplay::Task::Regression, dir.path()));
        writeCsv(30);  // another size on disk
        QVERIFY(!cache.holds(p.data, p.task, dir.path()));
        const nnplay::DataSplit& again = cache.get(p.data, p.task, dir.path());
        QCOMPARE(again.train.sampleCount() + again.test.sampleCount(), 30);
        // Data that cannot be read is not kept.
        other.path = "missing.csv";
        QVERIFY_THROWS_EXCEPTION(std::exception, cache.get(other, p.task, dir.path()));
        QVERIFY(!cache.holds(other, p.task, dir.path()));
        QVERIFY(!cache.holds(p.data, p.task, dir.path()));

        // The worker says when it reads files, and does not read them for a new network.
        TrainingController c;
        QSignalSpy loading(&c, &TrainingController::loadingStarted);
        c.load(p, dir.path());
        QVERIFY(waitPaused(c, [](const TrainingSnapshot& s) { return s.valid; }));
        QCOMPARE(loading.size(), 1);
        p.network() = nnplay::NetworkSpec::multilayer({4, 1}, "tanh", "sigmoid");
        c.rebuild(p, false);
        QVERIFY(waitPaused(c, [&](const TrainingSnapshot& s) {
            return s.valid && s.generation == c.generation();
        }));
        QCOMPARE(loading.size(), 1);
    }
    void loadSendsAFirstSnapshot() {
        TrainingController c;
        QSignalSpy snapshots(&c, &TrainingController::snapshotReady);
        c.load(Project::defaultProject(), QString());
        QVERIFY(snapshots.wait(kWaitMs));
        const auto s = snapshots.last().first().value<TrainingSnapshot>();
        QCOMPARE(s.generation, 1);
        QVERIFY(s.valid);
        QCOMPARE(s.epoch, 0);
        QVERIFY(!s.running);
        QVERIFY(s.data);
        QVERIFY(s.data->info.isPlane);
        QVERIFY(s.data->trainPoints.cols() > 0);
        // Circle has one sigmoid output: one boundary grid over the plane.
        const int grid = nnplay::ui::SnapshotRequest{}.gridSize;
        QCOMPARE(s.gridSize, grid);
        QCOMPARE(int(s.boundary.size()), 1);
        QCOMPARE(int(s.boundary[0].size()), grid * grid);
        for (float v : s.boundary[0]) QVERIFY(v >= 0.0f && v <= 1.0f);
        // A thumbnail per unit of every small layer: the first dense layer has units.
        QVERIFY(!s.thumbnails.empty());
        QVERIFY(!s.thumbnails[0].empty());
        QCOMPARE(int(s.thumbnails[0][0].size()), s.thumbnailSize * s.thumbnailSize);
        QVERIFY(s.weights[0].size() > 0);
        QVERIFY(s.hasMetrics);
    }

    void invalidProjectReportsAnError() {
        TrainingController c;
        QSignalSpy errors(&c, &TrainingController::errorOccurred);
        Project p = Project::defaultProject();
        p.network().layers.clear();
        c.load(p, QString());
        QVERIFY(errors.wait(kWaitMs));
        QVERIFY(!errors.first().first().toString().isEmpty());
        QVERIFY(waitPaused(c, [](const TrainingSnapshot& s) { return !s.valid; }));
        QVERIFY(!c.lastSnapshot().stopMessage.isEmpty());
        // Playing without a session says why instead of crashing.
        errors.clear();
        c.send(&TrainingWorker::play);
        QVERIFY(errors.wait(kWaitMs));
    }

    void playAndPause() {
        auto c = loaded();
        QVERIFY(c);
        c->send(&TrainingWorker::play);
        QTRY_VERIFY_WITH_TIMEOUT(c->lastSnapshot().running && c->lastSnapshot().epoch >= 2,
                                 kWaitMs);
        QSignalSpy states(c.get(), &TrainingController::trainedStateReady);
        c->send(&TrainingWorker::pause);
        QVERIFY(waitPaused(*c, [](const TrainingSnapshot&) { return true; }));
        // Pausing hands the trained weights over so the document can save them.
        QVERIFY(states.count() > 0 || states.wait(kWaitMs));
        const auto networks = states.last().at(0).value<std::vector<nnplay::NamedNetwork>>();
        QCOMPARE(int(networks.size()), 1);
        const nnplay::NetworkSpec& network = networks.front().spec;
        const auto history = states.last().at(1).value<nnplay::History>();
        QVERIFY(network.hasParams());
        QVERIFY(int(history.size()) >= 2);
        // Nothing trains while paused: a step moves exactly one epoch from where it stopped.
        const int epoch = c->lastSnapshot().epoch;
        c->send(&TrainingWorker::stepEpoch);
        QVERIFY(waitPaused(*c, [&](const TrainingSnapshot& s) { return s.epoch != epoch; }));
        QCOMPARE(c->lastSnapshot().epoch, epoch + 1);
    }

    void snapshotsCarryEachHistoryRowOnce() {
        // Snapshots carry only the rows added since the one before; appended in order they
        // give exactly the session's history, however many the controller skipped.
        auto c = loaded();
        QVERIFY(c);
        nnplay::History rows;
        bool contiguous = true;
        const auto connection = connect(
            c.get(), &TrainingController::snapshotReady, this, [&](const TrainingSnapshot& s) {
                if (s.generation != c->generation()) return;
                contiguous = contiguous && s.historyStart == rows.size();
                rows.append(s.newHistory);
            });
        QSignalSpy states(c.get(), &TrainingController::trainedStateReady);
        c->send(&TrainingWorker::play);
        QTRY_VERIFY_WITH_TIMEOUT(c->lastSnapshot().epoch >= 40, kWaitMs);
        c->send(&TrainingWorker::pause);
        QVERIFY(waitPaused(*c, [](const TrainingSnapshot&) { return true; }));
        QVERIFY(states.count() > 0 || states.wait(kWaitMs));
        const auto history = states.last().at(1).value<nnplay::History>();
        QVERIFY(contiguous);
        QVERIFY(history.size() >= 40);
        QCOMPARE(rows.size(), history.size());
        QVERIFY(rows == history);
        QCOMPARE(c->lastSnapshot().historySize(), history.size());
        // A paused snapshot has no news.
        c->setSnapshotRequest(nnplay::ui::SnapshotRequest{16, 0, false, false, false});
        QTRY_VERIFY_WITH_TIMEOUT(c->lastSnapshot().gridSize == 16, kWaitMs);
        QVERIFY(c->lastSnapshot().newHistory.empty());
        QCOMPARE(rows.size(), history.size());
        disconnect(connection);
    }

    void stepEpochAddsOneEpoch() {
        auto c = loaded();
        QVERIFY(c);
        for (int expected = 1; expected <= 3; ++expected) {
            c->send(&TrainingWorker::stepEpoch);
            QVERIFY(waitPaused(*c, [&](const TrainingSnapshot& s) { return s.epoch >= expected; }));
            QCOMPARE(c->lastSnapshot().epoch, expected);
            QCOMPARE(int(c->lastSnapshot().historySize()), expected);
        }
    }

    void stepBatchAddsOneBatch() {
        auto c = loaded();
        QVERIFY(c);
        QVERIFY(c->lastSnapshot().batchesPerEpoch > 2);
        c->send(&TrainingWorker::stepBatch);
        QVERIFY(waitPaused(*c, [](const TrainingSnapshot& s) { return s.batches == 1; }));
        c->send(&TrainingWorker::stepBatch);
        QVERIFY(waitPaused(*c, [](const TrainingSnapshot& s) { return s.batches == 2; }));
        QCOMPARE(c->lastSnapshot().epoch, 0);
        // Stepping an epoch from the middle finishes that epoch.
        c->send(&TrainingWorker::stepEpoch);
        QVERIFY(waitPaused(*c, [](const TrainingSnapshot& s) { return s.epoch == 1; }));
        QCOMPARE(c->lastSnapshot().batches, c->lastSnapshot().batchesPerEpoch);
    }

    void resetStartsANewGeneration() {
        auto c = loaded();
        QVERIFY(c);
        c->send(&TrainingWorker::stepEpoch);
        c->send(&TrainingWorker::stepEpoch);
        QVERIFY(waitPaused(*c, [](const TrainingSnapshot& s) { return s.epoch == 2; }));
        const TrainingSnapshot before = c->lastSnapshot();
        c->reset();
        QCOMPARE(c->generation(), before.generation + 1);
        QVERIFY(waitPaused(*c, [](const TrainingSnapshot& s) { return s.valid; }));
        const TrainingSnapshot& after = c->lastSnapshot();
        QCOMPARE(after.generation, before.generation + 1);
        QCOMPARE(after.epoch, 0);
        QCOMPARE(after.historySize(), std::size_t(0));
        QVERIFY(after.newHistory.empty());
        // Same seed, so the same starting weights as a fresh load: not the trained ones.
        QVERIFY(weightChange(before, after) > 0.0f);
        const auto fresh = loaded();
        QVERIFY(fresh);
        QVERIFY(!after.weights.empty());
        QVERIFY(sameWeights(fresh->lastSnapshot(), after));
    }

    void resetWhileRunningStopsCleanly() {
        auto c = loaded();
        QVERIFY(c);
        c->send(&TrainingWorker::play);
        QTRY_VERIFY_WITH_TIMEOUT(c->lastSnapshot().epoch >= 1, kWaitMs);
        c->reset();
        QVERIFY(waitPaused(*c, [](const TrainingSnapshot& s) { return s.valid; }));
        QCOMPARE(c->lastSnapshot().epoch, 0);
    }

    void updateTrainingKeepsTheWeights() {
        Project p = Project::defaultProject();
        p.training.optimizer.kind = "sgd";
        auto c = loaded(p);
        QVERIFY(c);
        c->send(&TrainingWorker::stepEpoch);
        QVERIFY(waitPaused(*c, [](const TrainingSnapshot& s) { return s.epoch == 1; }));
        const int generation = c->generation();

        // A learning rate so small that an epoch cannot move the weights measurably...
        p.training.optimizer.learningRate = 1e-12f;
        c->send(&TrainingWorker::updateTraining, p.training);
        TrainingSnapshot before = c->lastSnapshot();
        c->send(&TrainingWorker::stepEpoch);
        QVERIFY(waitPaused(*c, [](const TrainingSnapshot& s) { return s.epoch == 2; }));
        QCOMPARE(c->lastSnapshot().generation, generation);  // no reset
        QVERIFY(weightChange(before, c->lastSnapshot()) < 1e-6f);

        // ...and a large one that must.
        p.training.optimizer.learningRate = 0.5f;
        c->send(&TrainingWorker::updateTraining, p.training);
        before = c->lastSnapshot();
        c->send(&TrainingWorker::stepEpoch);
        QVERIFY(waitPaused(*c, [](const TrainingSnapshot& s) { return s.epoch == 3; }));
        QCOMPARE(c->lastSnapshot().generation, generation);
        QCOMPARE(int(c->lastSnapshot().historySize()), 3);
        QVERIFY(weightChange(before, c->lastSnapshot()) > 1e-4f);

        // An invalid value is refused with a message and changes nothing.
        QSignalSpy errors(c.get(), &TrainingController::errorOccurred);
        p.training.optimizer.learningRate = -1.0f;
        c->send(&TrainingWorker::updateTraining, p.training);
        QVERIFY(errors.wait(kWaitMs));
        QVERIFY(!errors.first().first().toString().isEmpty());
        // The session goes on with the last valid rate: 0.5 still moves the weights.
        before = c->lastSnapshot();
        c->send(&TrainingWorker::stepEpoch);
        QVERIFY(waitPaused(*c, [](const TrainingSnapshot& s) { return s.epoch == 4; }));
        QCOMPARE(c->lastSnapshot().generation, generation);
        QVERIFY(weightChange(before, c->lastSnapshot()) > 1e-4f);
    }

    void augmentationChangesWithoutReset() {
        auto c = loaded(Project::defaultProject());  // circle: 2-D points take jitter
        QVERIFY(c);
        c->send(&TrainingWorker::stepEpoch);
        QVERIFY(waitPaused(*c, [](const TrainingSnapshot& s) { return s.epoch == 1; }));
        const int generation = c->generation();
        Project p = Project::defaultProject();
        p.training.augmentation.jitter = 0.3f;
        c->send(&TrainingWorker::updateTraining, p.training);
        const TrainingSnapshot before = c->lastSnapshot();
        c->send(&TrainingWorker::stepEpoch);
        QVERIFY(waitPaused(*c, [](const TrainingSnapshot& s) { return s.epoch == 2; }));
        QCOMPARE(c->lastSnapshot().generation, generation);  // the weights went on training
        QCOMPARE(int(c->lastSnapshot().historySize()), 2);
        QVERIFY(weightChange(before, c->lastSnapshot()) > 0.0f);

        // An image setting on points is refused with the key named; the session goes on.
        QSignalSpy errors(c.get(), &TrainingController::errorOccurred);
        p.training.augmentation.shift = 2;
        c->send(&TrainingWorker::updateTraining, p.training);
        QVERIFY(errors.wait(kWaitMs));
        QVERIFY2(errors.first().first().toString().contains("training.augmentation.shift"),
                 qPrintable(errors.first().first().toString()));
        c->send(&TrainingWorker::stepEpoch);
        QVERIFY(waitPaused(*c, [](const TrainingSnapshot& s) { return s.epoch == 3; }));
        QCOMPARE(c->lastSnapshot().generation, generation);
    }

    void rebuildCarriesTheWeightsOver() {
        Project p = longProject();
        auto c = loaded(p);
        QVERIFY(c);
        c->send(&TrainingWorker::stepEpoch);
        c->send(&TrainingWorker::stepEpoch);
        QVERIFY(waitPaused(*c, [](const TrainingSnapshot& s) { return s.epoch == 2; }));
        const TrainingSnapshot trained = c->lastSnapshot();

        // A new loss rebuilds the session but keeps what was learned.
        p.training.loss = nnplay::LossKind::Mse;
        c->rebuild(p, true);
        QVERIFY(waitPaused(*c, [](const TrainingSnapshot& s) { return s.valid; }));
        QCOMPARE(c->lastSnapshot().generation, trained.generation + 1);
        QCOMPARE(c->lastSnapshot().epoch, 2);
        QCOMPARE(int(c->lastSnapshot().historySize()), 2);
        QCOMPARE(weightChange(trained, c->lastSnapshot()), 0.0f);

        // Without keepWeights the project's own (none here) are used: a fresh start.
        c->rebuild(p, false);
        QVERIFY(waitPaused(*c, [](const TrainingSnapshot& s) { return s.valid; }));
        QCOMPARE(c->lastSnapshot().epoch, 0);
        QVERIFY(weightChange(trained, c->lastSnapshot()) > 0.0f);
        const auto fresh = loaded(p);
        QVERIFY(fresh);
        QVERIFY(sameWeights(fresh->lastSnapshot(), c->lastSnapshot()));

        // A running session goes on running after a rebuild.
        c->send(&TrainingWorker::play);
        QTRY_VERIFY_WITH_TIMEOUT(c->lastSnapshot().running, kWaitMs);
        c->rebuild(p, true);
        QTRY_VERIFY_WITH_TIMEOUT(
            c->lastSnapshot().generation == c->generation() && c->lastSnapshot().running, kWaitMs);
        c->send(&TrainingWorker::pause);
        QVERIFY(waitPaused(*c, [](const TrainingSnapshot&) { return true; }));
    }

    void trainEpochsStopsAtTheTarget() {
        auto c = loaded();
        QVERIFY(c);
        QSignalSpy states(c.get(), &TrainingController::trainedStateReady);
        c->send(&TrainingWorker::trainEpochs, 5);
        QVERIFY(waitPaused(*c, [](const TrainingSnapshot& s) { return s.epoch > 0; }));
        QCOMPARE(c->lastSnapshot().epoch, 5);
        QVERIFY(states.count() > 0 || states.wait(kWaitMs));
        QCOMPARE(int(states.last().at(1).value<nnplay::History>().size()), 5);
    }

    void playGoesPastThePlannedEpochs() {
        Project p = Project::defaultProject();
        p.training.epochs = 2;
        auto c = loaded(p);
        QVERIFY(c);
        c->send(&TrainingWorker::play);
        QVERIFY(waitPaused(*c, [](const TrainingSnapshot& s) { return s.epoch == 2; }));
        QVERIFY(!c->lastSnapshot().stopMessage.isEmpty());
        c->send(&TrainingWorker::play);
        QTRY_VERIFY_WITH_TIMEOUT(c->lastSnapshot().epoch > 2, kWaitMs);
        c->send(&TrainingWorker::pause);
        QVERIFY(waitPaused(*c, [](const TrainingSnapshot&) { return true; }));
    }

    void snapshotsAreThrottled() {
        // While the UI thread draws nothing, the worker trains on but sends no periodic
        // snapshot while one is still on its way: however many epochs pass, at most one.
        auto c = loaded();
        QVERIFY(c);
        c->send(&TrainingWorker::play);
        QTRY_VERIFY_WITH_TIMEOUT(c->lastSnapshot().running && c->lastSnapshot().epoch >= 1,
                                 kWaitMs);
        QSignalSpy snapshots(c.get(), &TrainingController::snapshotReady);
        std::vector<nnplay::NamedNetwork> networks;
        nnplay::History history;
        QVERIFY(c->fetchTrainedState(networks, history));
        const std::size_t start = history.size();
        // No event processing here: fetchTrainedState() blocks on the worker's thread only.
        const QDeadlineTimer deadline(kWaitMs);
        while (history.size() < start + 200 && !deadline.hasExpired()) {
            QThread::msleep(5);
            QVERIFY(c->fetchTrainedState(networks, history));
        }
        QVERIFY2(history.size() >= start + 200, "training did not go on while the UI was busy");
        QCoreApplication::processEvents();
        QVERIFY2(snapshots.count() <= 1,
                 qPrintable(QStringLiteral("%1 snapshots while %2 epochs trained")
                                .arg(snapshots.count())
                                .arg(history.size() - start)));
        c->send(&TrainingWorker::pause);
        QVERIFY(waitPaused(*c, [](const TrainingSnapshot&) { return true; }));
        QVERIFY(c->lastSnapshot().historySize() >= start + 200);
    }

    void speedLevels() {
        auto c = loaded();
        QVERIFY(c);
        c->send(&TrainingWorker::setSpeed, 0);  // slow motion: a batch every 400 ms
        c->send(&TrainingWorker::play);
        QTRY_VERIFY_WITH_TIMEOUT(c->lastSnapshot().batches >= 1, kWaitMs);
        QVERIFY(c->lastSnapshot().epoch == 0);
        c->send(&TrainingWorker::setSpeed, TrainingWorker::kFullSpeed);
        QTRY_VERIFY_WITH_TIMEOUT(c->lastSnapshot().epoch >= 2, kWaitMs);
        c->send(&TrainingWorker::pause);
        QVERIFY(waitPaused(*c, [](const TrainingSnapshot&) { return true; }));
    }

    void rapidCommandsEndCleanly() {
        auto c = loaded();
        QVERIFY(c);
        // Reports of replaced sessions never reach the views: generations only go up, and each
        // is the controller's current one when it arrives.
        std::vector<int> generations;
        bool current = true;
        const auto connection = connect(c.get(), &TrainingController::snapshotReady, this,
                                        [&](const TrainingSnapshot& s) {
                                            current = current && s.generation == c->generation();
                                            generations.push_back(s.generation);
                                        });
        for (int i = 0; i < 200; ++i) {
            c->send(&TrainingWorker::play);
            if (i % 7 == 0) QCoreApplication::processEvents();
            c->send(&TrainingWorker::pause);
            if (i % 3 == 0) c->reset();
            if (i % 5 == 0) c->send(&TrainingWorker::stepBatch);
        }
        const int generation = c->generation();
        QCOMPARE(generation, 1 + 67);  // one per reset
        QVERIFY(waitPaused(
            *c, [&](const TrainingSnapshot& s) { return s.generation == generation && s.valid; }));
        QVERIFY(current);
        QVERIFY(std::is_sorted(generations.begin(), generations.end()));
        QCOMPARE(generations.back(), generation);
        disconnect(connection);
        // Still answering: one more epoch from where the last command left it.
        const int epoch = c->lastSnapshot().epoch;
        c->send(&TrainingWorker::stepEpoch);
        QVERIFY(waitPaused(*c, [&](const TrainingSnapshot& s) { return s.epoch == epoch + 1; }));
    }

    void destroyingWhileTrainingIsSafe() {
        const int threadsBefore = threadCount();
        for (int round = 0; round < 5; ++round) {
            auto c = loaded();
            QVERIFY(c);
            QVERIFY(threadCount() > 1);  // the training thread runs
            c->send(&TrainingWorker::play);
            QTRY_VERIFY_WITH_TIMEOUT(c->lastSnapshot().running, kWaitMs);
            c->load(longProject(), QString());  // a new session mid-training
            c->send(&TrainingWorker::play);
            QVERIFY(waitUntil(
                [&] { return c->lastSnapshot().generation == 2 && c->lastSnapshot().running; },
                "the second session is training"));
            c.reset();  // must return: quit(); wait(); no deadlock
            // The thread has ended (its kernel task goes a moment after wait() returns; a thread
            // of an earlier test may still have been ending when threadsBefore was read).
            QVERIFY(waitUntil([&] { return threadCount() <= threadsBefore; },
                              "the training thread has exited"));
        }
    }
};

QTEST_MAIN(TestWorker)
#include "test_worker.moc"
