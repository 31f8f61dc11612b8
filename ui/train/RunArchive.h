// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QString>
#include <vector>

#include "train/History.h"

namespace nnplay::ui {

struct TrainingSnapshot;

/// The training runs of this window, so runs can be compared on one plot: the finished ones
/// and the current one, each with the name it was trained under (a lesson's variant, else
/// "Run 3") and its history. A run ends when a session starts from new weights and the old
/// one had trained at least one epoch; a session that goes on with the same weights (a new
/// learning rate, an undo that keeps them) stays the same run.
class RunArchive : public QObject {
    Q_OBJECT
public:
    struct Run {
        QString name;
        nnplay::History history;
        bool diverged = false;
    };

    /// The most finished runs kept: the oldest goes first.
    static constexpr int kMaxRuns = 8;

    explicit RunArchive(QObject* parent = nullptr);

    /// Follows the snapshots of the window's sessions.
    void track(const TrainingSnapshot& snapshot);
    /// The name the current run (and the runs after it) trains under; empty: "Run N".
    void setRunName(const QString& name);
    /// Forgets the finished runs; the current one stays.
    void clear();
    /// Forgets every run, the current one too (another project was opened).
    void reset();

    /// Finished runs, oldest first.
    const std::vector<Run>& runs() const { return m_runs; }
    const Run& current() const { return m_current; }

signals:
    /// A run was added, forgotten or renamed, or the current one has new rows.
    void changed();

private:
    void finishCurrent();
    /// Names the current run after m_runName (else "Run N"), unlike any finished run's name.
    void nameCurrent();

    std::vector<Run> m_runs;
    Run m_current;
    QString m_runName;
    int m_generation = -1;
    int m_finished = 0;  // runs finished in this window, forgotten ones included
};

}  // namespace nnplay::ui
