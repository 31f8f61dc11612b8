// SPDX-License-Identifier: GPL-3.0-or-later
#include "document/EditParameterCommand.h"

#include "document/MergeIds.h"
#include "document/ProjectDocument.h"

namespace nnplay::ui {

EditParameterCommand::EditParameterCommand(ProjectDocument* document, int layerIndex, int tensor,
                                           int row, int col, float before, float after,
                                           const QString& text, int drag)
    : QUndoCommand(text),
      m_document(document),
      m_layerIndex(layerIndex),
      m_tensor(tensor),
      m_row(row),
      m_col(col),
      m_before(before),
      m_after(after),
      m_drag(drag) {}

void EditParameterCommand::redo() {
    m_document->setParameter(m_layerIndex, m_tensor, m_row, m_col, m_after);
}

void EditParameterCommand::undo() {
    m_document->setParameter(m_layerIndex, m_tensor, m_row, m_col, m_before);
}

int EditParameterCommand::id() const { return m_drag >= 0 ? kMergeParameterDrag : kMergeNone; }

bool EditParameterCommand::mergeWith(const QUndoCommand* other) {
    const auto* next = dynamic_cast<const EditParameterCommand*>(other);
    if (!next || m_drag < 0 || next->m_drag != m_drag || next->m_layerIndex != m_layerIndex ||
        next->m_tensor != m_tensor || next->m_row != m_row || next->m_col != m_col) {
        return false;
    }
    m_after = next->m_after;
    if (m_before == m_after) setObsolete(true);
    return true;
}

}  // namespace nnplay::ui
