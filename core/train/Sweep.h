// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "Project.h"
#include "data/Dataset.h"
#include "train/Session.h"
#include "train/SweepSetting.h"
#include "train/SweepTable.h"

namespace nnplay {

/// A parameter sweep: for each value of one setting, the changed project (SweepSetting) is
/// trained from fresh weights for its training.epochs through makeSession (early stopping as
/// set) and its Session::results() become one SweepRow. It advances one training step at a
/// time, so a caller can stop between steps and between runs; it never blocks or sleeps.
class Sweep {
public:
    /// Builds the project of every value up front, so a bad key or value fails before any
    /// training. `baseDir` resolves relative data paths. Throws InputError (a GAN project,
    /// an unknown key, no values, a value the reader refuses: "KEY = VALUE: ...").
    Sweep(const Project& project, const std::string& key, std::vector<std::string> values,
          std::string baseDir);
    ~Sweep();

    /// Takes one training step of the current run (starting its session first). Returns true
    /// when that finished the run and table() has a new row. Does nothing once finished().
    /// Throws InputError "KEY = VALUE: ..." when the value's project cannot train.
    bool step();
    /// Steps until every run is done or `stopRequested` (asked before every step) says so;
    /// `onRow` hears each finished row.
    void run(const std::function<bool()>& stopRequested = {},
             const std::function<void(const SweepRow&)>& onRow = {});

    bool finished() const { return m_next >= m_values.size() && !m_session; }
    const SweepSetting& setting() const { return m_setting; }
    const std::vector<std::string>& values() const { return m_values; }
    const SweepTable& table() const { return m_table; }
    /// The finished runs as the Runs tab keeps them: named "KEY = VALUE", with their settings
    /// and history, in the order of table().
    const std::vector<RunRecord>& runs() const { return m_runs; }
    /// The run in progress or next (index into values()); values().size() when finished.
    int currentRun() const { return static_cast<int>(m_table.rows().size()); }
    /// Epochs done and planned in the run in progress (0 and the next run's plan between runs).
    int currentEpoch() const;
    int currentPlannedEpochs() const;

private:
    SweepRow finishRun();

    SweepSetting m_setting;
    std::vector<std::string> m_values;
    std::vector<Project> m_projects;
    std::string m_baseDir;
    SweepTable m_table;
    std::vector<RunRecord> m_runs;
    std::size_t m_next = 0;  ///< the value whose run starts next
    std::unique_ptr<Session> m_session;
    /// The last run's data, reused while the data section stays the same.
    std::optional<DataSpec> m_dataSpec;
    DataSplit m_data;
};

}  // namespace nnplay
