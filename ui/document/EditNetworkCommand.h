// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QUndoCommand>

#include "NetworkSpec.h"
#include "train/History.h"

namespace nnplay::ui {

class ProjectDocument;

/// An edit of the network, stored as the whole spec before and after (values, no pointers).
/// A structural edit (layers inserted, removed, moved, units changed) drops the trained
/// parameters and history from `after`; undo brings them back. A non-structural edit (a
/// dropout rate, a leaky alpha) keeps whatever parameters the document holds when it is
/// applied. Commands with the same non-negative mergeId merge (see MergeIds.h).
/// Prefer editNetwork() in DocumentEdits.h, which pushes nothing when nothing changes.
class EditNetworkCommand : public QUndoCommand {
public:
    EditNetworkCommand(ProjectDocument* document, nnplay::NetworkSpec before,
                       nnplay::NetworkSpec after, const QString& text, bool structural,
                       int mergeId = -1);

    void redo() override;
    void undo() override;
    int id() const override { return m_mergeId; }
    bool mergeWith(const QUndoCommand* other) override;

    bool structural() const { return m_structural; }
    const nnplay::NetworkSpec& before() const { return m_before; }
    const nnplay::NetworkSpec& after() const { return m_after; }

private:
    void apply(const nnplay::NetworkSpec& spec, const nnplay::History& history);

    ProjectDocument* m_document;
    nnplay::NetworkSpec m_before;
    nnplay::NetworkSpec m_after;
    nnplay::History m_historyBefore;  // the document's history when the command was made
    bool m_structural;
    int m_mergeId;
};

}  // namespace nnplay::ui
