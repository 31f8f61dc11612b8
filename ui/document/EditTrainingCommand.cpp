// SPDX-License-Identifier: GPL-3.0-or-later
#include "document/EditTrainingCommand.h"

#include <utility>

#include "document/ProjectDocument.h"

namespace nnplay::ui {

EditTrainingCommand::EditTrainingCommand(ProjectDocument* document, nnplay::TrainingSpec before,
                                         nnplay::TrainingSpec after, const QString& text,
                                         int mergeId)
    : QUndoCommand(text),
      m_document(document),
      m_before(std::move(before)),
      m_after(std::move(after)),
      m_mergeId(mergeId) {}

void EditTrainingCommand::redo() { m_document->setTraining(m_after); }

void EditTrainingCommand::undo() { m_document->setTraining(m_before); }

bool EditTrainingCommand::mergeWith(const QUndoCommand* other) {
    const auto* next = dynamic_cast<const EditTrainingCommand*>(other);
    if (!next || next->m_mergeId != m_mergeId || m_mergeId < 0) return false;
    m_after = next->m_after;
    setText(next->text());
    if (m_before == m_after) setObsolete(true);
    return true;
}

}  // namespace nnplay::ui
