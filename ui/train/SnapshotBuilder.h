// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstddef>
#include <memory>

#include "NetworkSpec.h"
#include "data/PlaneGenerators.h"
#include "train/DataPreview.h"
#include "train/SnapshotRequest.h"
#include "train/TrainingSnapshot.h"

namespace nnplay {
class Session;
struct DataSplit;
}  // namespace nnplay

namespace nnplay::ui {

/// Copies what the views need out of a Session into TrainingSnapshots, on the worker thread:
/// the counters, the history rows added since the previous snapshot, the stop reason and the
/// views the request asks for (computed by the session). One builder serves one session at a
/// time; restart() when the worker builds another.
class SnapshotBuilder {
public:
    /// What the views show of a split's data (built once per session).
    static std::shared_ptr<const DataPreview> makePreview(const nnplay::DataSplit& split,
                                                          const nnplay::NetworkSpec& network);

    /// Fills the session's part of `snapshot`. The history rows are taken before the views, so
    /// a view that throws (the exception passes on) loses no rows.
    void fill(nnplay::Session& session, const SnapshotRequest& request, TrainingSnapshot& snapshot);
    /// The next snapshot starts the history over (a new session, a new generation).
    void restart() { m_sentRows = 0; }

private:
    std::size_t m_sentRows = 0;  // rows of the session's history already sent
};

}  // namespace nnplay::ui
