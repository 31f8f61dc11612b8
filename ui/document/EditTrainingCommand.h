// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QUndoCommand>

#include "train/TrainingSpec.h"

namespace nnplay::ui {

class ProjectDocument;

/// An edit of the training settings, stored as values before and after. Commands with the
/// same non-negative mergeId merge (typing a learning rate). Prefer editTraining() in
/// DocumentEdits.h, which pushes nothing when nothing changes.
class EditTrainingCommand : public QUndoCommand {
public:
    EditTrainingCommand(ProjectDocument* document, nnplay::TrainingSpec before,
                        nnplay::TrainingSpec after, const QString& text, int mergeId = -1);

    void redo() override;
    void undo() override;
    int id() const override { return m_mergeId; }
    bool mergeWith(const QUndoCommand* other) override;

private:
    ProjectDocument* m_document;
    nnplay::TrainingSpec m_before;
    nnplay::TrainingSpec m_after;
    int m_mergeId;
};

}  // namespace nnplay::ui
