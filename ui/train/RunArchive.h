// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QString>
#include <memory>
#include <string>
#include <vector>

#include "train/History.h"
#include "train/RunRecord.h"

namespace nnplay::ui {

class ProjectDocument;
struct TrainingSnapshot;

/// The training runs of a project, so runs can be compared on one plot: the current one, which
/// follows the worker's snapshots, and the finished ones, which the project keeps
/// (Project::runs) and a saved file stores. A run ends when a session starts from new weights
/// and the old one had trained at least one epoch: it is then kept in the document under the
/// name it was trained under (a lesson's variant, else "Run 3") with the settings of its last
/// epochs. A session that goes on with the same weights (a new learning rate, an undo that keeps
/// them) stays the same run.
class RunArchive : public QObject {
    Q_OBJECT
public:
    /// The run training now.
    struct Run {
        QString name;
        nnplay::History history;
        bool diverged = false;
        /// The settings of its session (nnplay::RunSettings::of), as the last snapshot had them.
        std::shared_ptr<const std::string> settings;
    };

    /// `document` is not owned and must outlive the archive.
    explicit RunArchive(ProjectDocument* document, QObject* parent = nullptr);

    /// Follows the snapshots of the window's sessions.
    void track(const TrainingSnapshot& snapshot);
    /// The name the current run (and the runs after it) trains under; empty: "Run N".
    void setRunName(const QString& name);

    /// Finished runs, oldest first (the project's).
    const std::vector<nnplay::RunRecord>& runs() const;
    const Run& current() const { return m_current; }
    /// The current run as the project would keep it.
    nnplay::RunRecord currentRecord() const;

signals:
    /// A run was kept, deleted or renamed, or the current one has new rows.
    void changed();

private:
    void finishCurrent();
    /// Another project: no current run, and its own finished ones.
    void restart();
    /// Names the current run after m_runName (else "Run N"), unlike any finished run's name.
    void nameCurrent();

    ProjectDocument* m_document;
    Run m_current;
    QString m_runName;
    int m_generation = -1;
    int m_lastOfPrevious = -1;  // the newest generation seen before the project was replaced
};

}  // namespace nnplay::ui
