// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QString>
#include <atomic>
#include <memory>

#include "train/Sweep.h"
#include "train/SweepMetaType.h"

namespace nnplay::ui {

/// Runs a Sweep on SweepRunner's thread, one training step after another, and reports the
/// table and the progress by queued signals. It owns the sweep (and so its sessions) while it
/// runs; the window's training worker is not involved. A run goes on while `wanted` holds its
/// number, so the runner cancels it (or replaces it) by changing that number from any thread.
class SweepWorker : public QObject {
    Q_OBJECT
public:
    explicit SweepWorker(std::shared_ptr<std::atomic<int>> wanted);

    /// Most progress reports a second.
    static constexpr int kProgressPerSecond = 20;

    /// Runs `sweep` to its end, or until `wanted` no longer holds `number`.
    void run(std::shared_ptr<nnplay::Sweep> sweep, int number);

signals:
    /// The table after each finished run.
    void tableChanged(int number, const nnplay::SweepTable& table);
    /// A run finished, as the Runs tab keeps it (Sweep::runs).
    void runFinished(int number, const nnplay::RunRecord& run);
    /// The run in progress (0-based) of `runs`, and its epochs done of planned.
    void progress(int number, int run, int runs, int epoch, int epochs);
    /// The sweep ended: all runs done, cancelled, or stopped by `error` (empty otherwise).
    void finished(int number, bool completed, const QString& error);

private:
    std::shared_ptr<std::atomic<int>> m_wanted;
};

}  // namespace nnplay::ui
