// SPDX-License-Identifier: GPL-3.0-or-later
#include "document/EditNetworkCommand.h"

#include <utility>

#include "document/ProjectDocument.h"
#include "train/EditRules.h"

namespace nnplay::ui {

EditNetworkCommand::EditNetworkCommand(ProjectDocument* document, std::string network,
                                       nnplay::NetworkSpec before, nnplay::NetworkSpec after,
                                       const QString& text,
                                       const std::optional<nnplay::Shape>& input, int mergeId,
                                       bool weightsGiven)
    : QUndoCommand(text),
      m_document(document),
      m_network(std::move(network)),
      m_before(std::move(before)),
      m_after(std::move(after)),
      m_input(input),
      m_historyBefore(document->project().history),
      // Given weights are the document's as they stand: the session restarts from them.
      m_structural(weightsGiven ||
                   nnplay::networkEditNeedsFreshWeights(m_before, m_after, m_input)),
      m_mergeId(mergeId) {
    if (m_structural && !weightsGiven) m_after.clearParams();
}

void EditNetworkCommand::redo() { apply(m_after, {}); }

void EditNetworkCommand::undo() { apply(m_before, m_historyBefore); }

void EditNetworkCommand::apply(const nnplay::NetworkSpec& spec, const nnplay::History& history) {
    if (m_structural) {
        m_document->setNetwork(m_network, spec, true, history);
        return;
    }
    // Training may have stored newer weights since this command was made: keep them.
    nnplay::NetworkSpec result = spec;
    if (const nnplay::NetworkSpec* current = m_document->network(m_network)) {
        nnplay::carryWeights(*current, result);
    }

    m_document->setNetwork(m_network, result, false);
}

bool EditNetworkCommand::mergeWith(const QUndoCommand* other) {
    const auto* next = dynamic_cast<const EditNetworkCommand*>(other);
    if (!next || next->m_mergeId != m_mergeId || m_mergeId < 0 || next->m_network != m_network) {
        return false;
    }
    m_after = next->m_after;
    // Weights the first edit dropped stay dropped.
    m_structural = m_structural || next->m_structural;
    if (m_structural) m_after.clearParams();
    setText(next->text());
    if (m_structural ? m_before == m_after : nnplay::sameLayers(m_before, m_after)) {
        setObsolete(true);
    }
    return true;
}

}  // namespace nnplay::ui
