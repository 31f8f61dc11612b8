// SPDX-License-Identifier: GPL-3.0-or-later
#include "document/EditNetworkCommand.h"

#include <utility>

#include "document/ProjectDocument.h"

namespace nnplay::ui {

namespace {

/// True when both specs have the same layers and settings, whatever their parameters.
bool sameIgnoringParams(const nnplay::NetworkSpec& a, const nnplay::NetworkSpec& b) {
    if (a.layers.size() != b.layers.size()) return false;
    for (std::size_t i = 0; i < a.layers.size(); ++i) {
        const auto& x = a.layers[i];
        const auto& y = b.layers[i];
        if (x.id != y.id || x.type != y.type || x.settings != y.settings) return false;
    }
    return true;
}

}  // namespace

EditNetworkCommand::EditNetworkCommand(ProjectDocument* document, nnplay::NetworkSpec before,
                                       nnplay::NetworkSpec after, const QString& text,
                                       bool structural, int mergeId)
    : QUndoCommand(text),
      m_document(document),
      m_before(std::move(before)),
      m_after(std::move(after)),
      m_historyBefore(document->project().history),
      m_structural(structural),
      m_mergeId(mergeId) {
    if (m_structural) m_after.clearParams();
}

void EditNetworkCommand::redo() { apply(m_after, {}); }

void EditNetworkCommand::undo() { apply(m_before, m_historyBefore); }

void EditNetworkCommand::apply(const nnplay::NetworkSpec& spec, const nnplay::History& history) {
    if (m_structural) {
        m_document->setNetwork(spec, true, history);
        return;
    }
    // Training may have stored newer weights since this command was made: keep them.
    nnplay::NetworkSpec result = spec;
    const nnplay::NetworkSpec& current = m_document->project().network();
    for (auto& layer : result.layers) {
        const int index = current.indexOf(layer.id);
        layer.params = index >= 0 ? current.layers[static_cast<std::size_t>(index)].params
                                  : std::vector<nnplay::Matrix>{};
    }
    m_document->setNetwork(result, false);
}

bool EditNetworkCommand::mergeWith(const QUndoCommand* other) {
    const auto* next = dynamic_cast<const EditNetworkCommand*>(other);
    if (!next || next->m_mergeId != m_mergeId || m_mergeId < 0) return false;
    m_after = next->m_after;
    m_structural = m_structural || next->m_structural;
    if (m_structural) m_after.clearParams();
    setText(next->text());
    if (m_structural ? m_before == m_after : sameIgnoringParams(m_before, m_after)) {
        setObsolete(true);
    }
    return true;
}

}  // namespace nnplay::ui
