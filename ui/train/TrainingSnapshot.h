// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QMetaType>
#include <QString>
#include <QVector>
#include <memory>
#include <string>
#include <vector>

#include "Types.h"
#include "train/DataPreview.h"
#include "train/History.h"
#include "train/Metrics.h"
#include "train/SessionViews.h"

namespace nnplay::ui {

/// What the views need from a training session, copied out by the worker as plain values:
/// the session's views (SessionViews) and the state of the run.
struct TrainingSnapshot : nnplay::SessionViews {
    /// Increments with every session the worker builds (a reset), so views can drop stale data.
    int generation = 0;
    int epoch = 0;
    /// Batches trained by the session (a GAN: its steps, a loaded file's included).
    long long batches = 0;
    /// Batches in one epoch (0 when there is no session).
    int batchesPerEpoch = 0;
    /// The history rows the session added since the previous snapshot of this generation (all
    /// of them in the first): receivers append them to what they hold.
    nnplay::History newHistory;
    /// Index in the session's history of newHistory's first row.
    std::size_t historyStart = 0;
    bool running = false;
    /// False when the worker has no session (the project could not be built); `stopMessage`
    /// then says why.
    bool valid = false;
    /// Non-empty when training stopped by itself (epochs done, early stop, divergence).
    QString stopMessage;
    bool diverged = false;
    /// Early stopping restored the weights of this epoch (nnplay::Session::restoredEpoch); 0: no.
    int restoredEpoch = 0;

    /// The session's data as the views show it; shared by all snapshots of one generation.
    std::shared_ptr<const DataPreview> data;
    /// The settings the session trains with (nnplay::RunSettings::of), shared by the snapshots
    /// until they change.
    std::shared_ptr<const std::string> settings;

    /// Rows in the session's history up to this snapshot.
    std::size_t historySize() const { return historyStart + newHistory.size(); }
};

}  // namespace nnplay::ui

Q_DECLARE_METATYPE(nnplay::ui::TrainingSnapshot)
