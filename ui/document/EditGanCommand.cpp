// SPDX-License-Identifier: GPL-3.0-or-later
#include "document/EditGanCommand.h"

#include <utility>

#include "document/ProjectDocument.h"

namespace nnplay::ui {

EditGanCommand::EditGanCommand(ProjectDocument* document, nnplay::GanSpec before,
                               nnplay::GanSpec after, const QString& text, int mergeId)
    : QUndoCommand(text),
      m_document(document),
      m_before(std::move(before)),
      m_after(std::move(after)),
      m_mergeId(mergeId) {}

void EditGanCommand::redo() { m_document->setGan(m_after); }

void EditGanCommand::undo() { m_document->setGan(m_before); }

bool EditGanCommand::mergeWith(const QUndoCommand* other) {
    const auto* next = dynamic_cast<const EditGanCommand*>(other);
    if (!next || next->m_mergeId != m_mergeId || m_mergeId < 0) return false;
    m_after = next->m_after;
    setText(next->text());
    if (m_before == m_after) setObsolete(true);
    return true;
}

}  // namespace nnplay::ui
