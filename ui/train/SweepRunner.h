// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QThread>
#include <atomic>
#include <memory>

#include "train/SweepMetaType.h"

namespace nnplay {
class Sweep;
}

namespace nnplay::ui {

class SweepWorker;

/// Runs sweeps off the UI thread: owns a QThread with a SweepWorker on it, starts one sweep at a
/// time and passes on only the reports of the sweep it runs now. The window's training is
/// untouched: the worker holds its own sessions.
class SweepRunner : public QObject {
    Q_OBJECT
public:
    explicit SweepRunner(QObject* parent = nullptr);
    /// Cancels a running sweep and waits for the thread to end.
    ~SweepRunner() override;

    /// Starts `sweep` (made on the caller's thread, so bad keys and values are refused there),
    /// cancelling one that runs.
    void start(std::shared_ptr<nnplay::Sweep> sweep);
    /// Stops the running sweep after its current training step; finished() follows.
    void cancel();
    bool isRunning() const { return m_running; }

signals:
    void tableChanged(const nnplay::SweepTable& table);
    /// A run of the sweep finished (SweepWorker::runFinished).
    void runFinished(const nnplay::RunRecord& run);
    /// The run in progress (0-based) of `runs`, and its epochs done of planned.
    void progress(int run, int runs, int epoch, int epochs);
    /// The sweep ended: all runs done (`completed`), cancelled, or stopped by `error`.
    void finished(bool completed, const QString& error);

private:
    QThread m_thread;
    SweepWorker* m_worker;
    /// The number of the sweep that should run; any other stops.
    std::shared_ptr<std::atomic<int>> m_wanted;
    int m_number = 0;
    bool m_running = false;
};

}  // namespace nnplay::ui
