// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QUndoCommand>
#include <vector>

#include "Project.h"
#include "Types.h"
#include "data/DataSpec.h"
#include "train/History.h"

namespace nnplay::ui {

class ProjectDocument;

/// An edit of the data settings and task, stored as values before and after. Trained weights
/// and history describe the old data (nnplay::dataEditNeedsFreshWeights), so applying the edit
/// drops them from the trained network (and emits networkChanged(true)); undo brings them back.
/// Commands with the same non-negative mergeId merge (a noise slider). Prefer editData() in
/// DocumentEdits.h.
class EditDataCommand : public QUndoCommand {
public:
    EditDataCommand(ProjectDocument* document, nnplay::DataSpec before, nnplay::DataSpec after,
                    nnplay::Task taskBefore, nnplay::Task taskAfter, const QString& text,
                    int mergeId = -1);

    void redo() override;
    void undo() override;
    int id() const override { return m_mergeId; }
    bool mergeWith(const QUndoCommand* other) override;

private:
    ProjectDocument* m_document;
    nnplay::DataSpec m_before;
    nnplay::DataSpec m_after;
    nnplay::Task m_taskBefore;
    nnplay::Task m_taskAfter;
    // The trained networks and history when the command was made (restored by undo).
    std::vector<nnplay::NamedNetwork> m_networksBefore;
    nnplay::History m_historyBefore;
    int m_mergeId;
};

}  // namespace nnplay::ui
