// SPDX-License-Identifier: GPL-3.0-or-later
#include "GuiWorkload.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QTabWidget>
#include <QTimer>
#include <algorithm>

#include "data/DataLoader.h"
#include "train/SnapshotRequest.h"
#include "train/TrainingController.h"
#include "train/TrainingSession.h"
#include "window/MainWindow.h"
#include "window/ProjectFiles.h"
#include "window/TrainingToolBar.h"

namespace nnplay::bench {

namespace {

/// Samples per second of the session the worker runs (full-set evaluation after each epoch
/// included), trained headless for about `seconds`.
double headlessRate(const Project& project, double seconds) {
    auto session = std::make_unique<TrainingSession>(project, loadData(project.data, project.task, "."));
    const int n = session->data().train.sampleCount();
    session->stepEpoch();  // warm-up
    QElapsedTimer clock;
    clock.start();
    int epochs = 0;
    while (clock.nsecsElapsed() < seconds * 1e9) {
        session->stepEpoch();
        ++epochs;
    }
    return n * epochs / (clock.nsecsElapsed() * 1e-9);
}

double percentile(std::vector<double> values, double p) {
    if (values.empty()) return 0;
    std::sort(values.begin(), values.end());
    const std::size_t i = std::min(values.size() - 1, static_cast<std::size_t>(p * values.size()));
    return values[i];
}

}  // namespace

std::vector<Figure> guiW2(double seconds) {
    Project project = spiralProject();
    project.training.epochs = 1000000;  // never pause by itself during the measurement
    const double headless = headlessRate(project, seconds);

    ui::MainWindow window;
    window.resize(1366, 768);
    window.show();
    window.files()->openProject(project);
    window.trainingToolBar()->setSpeed(ui::TrainingWorker::kFullSpeed);  // not a class's pace
    ui::SnapshotRequest request;
    request.gridSize = 100;
    window.training()->setSnapshotRequest(request);

    int frames = 0;
    long long firstBatches = -1, lastBatches = 0;
    // The training rate is taken between the first and the last frame of the measurement,
    // when the batch counts were read: over the whole window it would miss the batches
    // trained before the first frame and after the last one.
    QElapsedTimer sinceStart;
    sinceStart.start();
    qint64 firstFrameNs = 0, lastFrameNs = 0;
    QObject::connect(&window, &ui::MainWindow::snapshotDrawn, [&](const ui::TrainingSnapshot& s) {
        if (!s.running) return;
        ++frames;
        if (firstBatches < 0) {
            firstBatches = s.batches;
            firstFrameNs = sinceStart.nsecsElapsed();
        }
        lastBatches = s.batches;
        lastFrameNs = sinceStart.nsecsElapsed();
    });
    // The event loop's latency: how late a 2 ms timer fires on the UI thread.
    std::vector<double> lateness;
    QElapsedTimer sinceTick;
    QTimer probe;
    probe.setTimerType(Qt::PreciseTimer);
    probe.setInterval(2);
    QObject::connect(&probe, &QTimer::timeout, [&] {
        if (sinceTick.isValid()) lateness.push_back(sinceTick.nsecsElapsed() * 1e-6 - 2.0);
        sinceTick.restart();
    });

    QEventLoop loop;
    QTimer::singleShot(300, &loop,
                       [&] { window.training()->send(&nnplay::ui::TrainingWorker::play); });
    QTimer::singleShot(800, &loop, [&] {  // measure after start-up settles
        frames = 0;
        firstBatches = -1;
        lateness.clear();
        probe.start();
    });
    QElapsedTimer measured;
    QTimer::singleShot(800, &loop, [&] { measured.start(); });
    QTimer::singleShot(800 + static_cast<int>(seconds * 1000), &loop, [&] {
        probe.stop();
        loop.quit();
    });
    loop.exec();
    const double elapsed = measured.nsecsElapsed() * 1e-9;
    window.training()->send(&nnplay::ui::TrainingWorker::pause);

    const double samplesPerBatch = 1000.0 / 32.0;  // 32 batches of up to 32 per epoch
    const double trainedSeconds =
        lastFrameNs > firstFrameNs ? (lastFrameNs - firstFrameNs) * 1e-9 : elapsed;
    const double guiRate =
        (lastBatches - std::max(0LL, firstBatches)) * samplesPerBatch / trainedSeconds;
    Figure fraction = summarize("W2-GUI", "gui/headless", "ratio", {guiRate / headless});
    fraction.extra = {{"gui_samples/s", guiRate}, {"headless_samples/s", headless}};
    Figure fps = summarize("W2-GUI", "frames/s", "fps", {frames / elapsed});
    Figure latency = summarize("W2-GUI", "loop_latency_p99", "ms", {percentile(lateness, 0.99)});
    latency.extra = {{"median_ms", percentile(lateness, 0.5)},
                     {"max_ms", percentile(lateness, 1.0)},
                     {"ticks", static_cast<double>(lateness.size())}};
    return {fraction, fps, latency};
}

}  // namespace nnplay::bench
