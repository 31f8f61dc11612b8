// SPDX-License-Identifier: GPL-3.0-or-later
#include "document/EditDataCommand.h"

#include <utility>

#include "document/ProjectDocument.h"
#include "train/EditRules.h"

namespace nnplay::ui {

namespace {

bool anyTrained(const std::vector<nnplay::NamedNetwork>& networks, const nnplay::History& history) {
    if (!history.empty()) return true;
    for (const nnplay::NamedNetwork& n : networks) {
        if (n.spec.hasParams()) return true;
    }
    return false;
}

}  // namespace

EditDataCommand::EditDataCommand(ProjectDocument* document, nnplay::DataSpec before,
                                 nnplay::DataSpec after, nnplay::Task taskBefore,
                                 nnplay::Task taskAfter, const QString& text, int mergeId)
    : QUndoCommand(text),
      m_document(document),
      m_before(std::move(before)),
      m_after(std::move(after)),
      m_taskBefore(taskBefore),
      m_taskAfter(taskAfter),
      m_networksBefore(document->project().networks),
      m_historyBefore(document->project().history),
      m_mergeId(mergeId) {}

void EditDataCommand::redo() {
    m_document->setData(m_after, m_taskAfter);
    if (!nnplay::dataEditNeedsFreshWeights(m_before, m_taskBefore, m_after, m_taskAfter)) return;
    const nnplay::Project& project = m_document->project();
    if (!anyTrained(project.networks, project.history)) return;
    const std::vector<nnplay::NamedNetwork> networks = project.networks;
    for (const nnplay::NamedNetwork& n : networks) {
        nnplay::NetworkSpec untrained = n.spec;
        untrained.clearParams();
        m_document->setNetwork(n.name, untrained, true, {});
    }
}

void EditDataCommand::undo() {
    m_document->setData(m_before, m_taskBefore);
    if (!anyTrained(m_networksBefore, m_historyBefore)) return;
    for (const nnplay::NamedNetwork& n : m_networksBefore) {
        m_document->setNetwork(n.name, n.spec, true, m_historyBefore);
    }
}

bool EditDataCommand::mergeWith(const QUndoCommand* other) {
    const auto* next = dynamic_cast<const EditDataCommand*>(other);
    if (!next || next->m_mergeId != m_mergeId || m_mergeId < 0) return false;
    m_after = next->m_after;
    m_taskAfter = next->m_taskAfter;
    setText(next->text());
    // Weights dropped by the first edit stay dropped, so only a no-op on untrained data vanishes.
    if (m_before == m_after && m_taskBefore == m_taskAfter &&
        !anyTrained(m_networksBefore, m_historyBefore)) {
        setObsolete(true);
    }
    return true;
}

}  // namespace nnplay::ui
