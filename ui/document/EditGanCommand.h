// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QUndoCommand>

#include "train/GanSpec.h"

namespace nnplay::ui {

class ProjectDocument;

/// An edit of a GAN project's noise and training settings, stored as values before and after.
/// Commands with the same non-negative mergeId merge (spinning the steps up one click at a
/// time). Prefer editGan() in DocumentEdits.h, which pushes nothing when nothing changes.
class EditGanCommand : public QUndoCommand {
public:
    EditGanCommand(ProjectDocument* document, nnplay::GanSpec before, nnplay::GanSpec after,
                   const QString& text, int mergeId = -1);

    void redo() override;
    void undo() override;
    int id() const override { return m_mergeId; }
    bool mergeWith(const QUndoCommand* other) override;

private:
    ProjectDocument* m_document;
    nnplay::GanSpec m_before;
    nnplay::GanSpec m_after;
    int m_mergeId;
};

}  // namespace nnplay::ui
