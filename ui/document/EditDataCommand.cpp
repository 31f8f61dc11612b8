// SPDX-License-Identifier: GPL-3.0-or-later
#include "document/EditDataCommand.h"

#include <utility>

#include "document/ProjectDocument.h"

namespace nnplay::ui {

EditDataCommand::EditDataCommand(ProjectDocument* document, nnplay::DataSpec before,
                                 nnplay::DataSpec after, nnplay::Task taskBefore,
                                 nnplay::Task taskAfter, const QString& text, int mergeId)
    : QUndoCommand(text),
      m_document(document),
      m_before(std::move(before)),
      m_after(std::move(after)),
      m_taskBefore(taskBefore),
      m_taskAfter(taskAfter),
      m_networkBefore(document->project().network()),
      m_historyBefore(document->project().history),
      m_mergeId(mergeId) {}

void EditDataCommand::redo() {
    m_document->setData(m_after, m_taskAfter);
    const nnplay::Project& project = m_document->project();
    if (project.network().hasParams() || !project.history.empty()) {
        nnplay::NetworkSpec untrained = project.network();
        untrained.clearParams();
        m_document->setNetwork(untrained, true, {});
    }
}

void EditDataCommand::undo() {
    m_document->setData(m_before, m_taskBefore);
    if (m_networkBefore.hasParams() || !m_historyBefore.empty()) {
        m_document->setNetwork(m_networkBefore, true, m_historyBefore);
    }
}

bool EditDataCommand::mergeWith(const QUndoCommand* other) {
    const auto* next = dynamic_cast<const EditDataCommand*>(other);
    if (!next || next->m_mergeId != m_mergeId || m_mergeId < 0) return false;
    m_after = next->m_after;
    m_taskAfter = next->m_taskAfter;
    setText(next->text());
    // Weights dropped by the first edit stay dropped, so only a no-op on untrained data vanishes.
    if (m_before == m_after && m_taskBefore == m_taskAfter && !m_networkBefore.hasParams() &&
        m_historyBefore.empty()) {
        setObsolete(true);
    }
    return true;
}

}  // namespace nnplay::ui
