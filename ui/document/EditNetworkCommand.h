// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QUndoCommand>
#include <optional>
#include <string>

#include "NetworkSpec.h"
#include "Shape.h"
#include "train/History.h"

namespace nnplay::ui {

class ProjectDocument;

/// An edit of one network of the project (by name; empty: the first), stored as the whole spec
/// before and after (values, no pointers). An edit that needs fresh weights
/// (nnplay::networkEditNeedsFreshWeights: layers inserted, removed, moved, units changed)
/// drops the trained parameters and history from `after`; undo brings them back. Any other
/// edit (a dropout rate, a leaky alpha) keeps whatever parameters the document holds when it is
/// applied. An edit whose `after` brings its own weights (layers imported with their trained
/// weights, a lesson's frozen base: `weightsGiven`) sets `after` and, on undo, `before` as they
/// are, and counts as structural: the session restarts from exactly those weights. Commands with
/// the same non-negative mergeId merge (see MergeIds.h). Prefer editNetwork() in DocumentEdits.h,
/// which pushes nothing when nothing changes.
class EditNetworkCommand : public QUndoCommand {
public:
    /// `input` is the data's sample shape when known (see networkEditNeedsFreshWeights).
    EditNetworkCommand(ProjectDocument* document, std::string network, nnplay::NetworkSpec before,
                       nnplay::NetworkSpec after, const QString& text,
                       const std::optional<nnplay::Shape>& input, int mergeId = -1,
                       bool weightsGiven = false);

    void redo() override;
    void undo() override;
    int id() const override { return m_mergeId; }
    bool mergeWith(const QUndoCommand* other) override;

    bool structural() const { return m_structural; }
    const std::string& network() const { return m_network; }
    const nnplay::NetworkSpec& before() const { return m_before; }
    const nnplay::NetworkSpec& after() const { return m_after; }

private:
    void apply(const nnplay::NetworkSpec& spec, const nnplay::History& history);

    ProjectDocument* m_document;
    std::string m_network;
    nnplay::NetworkSpec m_before;
    nnplay::NetworkSpec m_after;
    std::optional<nnplay::Shape> m_input;
    nnplay::History m_historyBefore;  // the document's history when the command was made
    bool m_structural;
    int m_mergeId;
};

}  // namespace nnplay::ui
