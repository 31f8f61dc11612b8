// SPDX-License-Identifier: GPL-3.0-or-later
#include "train/SweepWorker.h"

#include <chrono>

namespace nnplay::ui {

SweepWorker::SweepWorker(std::shared_ptr<std::atomic<int>> wanted) : m_wanted(std::move(wanted)) {}

void SweepWorker::run(std::shared_ptr<Sweep> sweep, int number) {
    using Clock = std::chrono::steady_clock;
    const auto interval = std::chrono::milliseconds(1000 / kProgressPerSecond);
    auto lastReport = Clock::now() - interval;
    const int runs = static_cast<int>(sweep->values().size());
    try {
        while (!sweep->finished()) {
            if (m_wanted->load() != number) {
                emit finished(number, false, QString());
                return;
            }
            const bool rowAdded = sweep->step();
            if (rowAdded) {
                emit tableChanged(number, sweep->table());
                emit runFinished(number, sweep->runs().back());
            }
            if (rowAdded || Clock::now() - lastReport >= interval) {
                lastReport = Clock::now();
                emit progress(number, sweep->currentRun(), runs, sweep->currentEpoch(),
                              sweep->currentPlannedEpochs());
            }
        }
    } catch (const std::exception& e) {
        emit finished(number, false, QString::fromStdString(e.what()));
        return;
    }
    emit finished(number, true, QString());
}

}  // namespace nnplay::ui
