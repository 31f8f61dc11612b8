// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QUndoCommand>

namespace nnplay::ui {

class ProjectDocument;

/// One weight or bias of the first network set by hand: entry (row, col) of parameter tensor
/// `tensor` (0 weights, units x inputs; 1 biases) of the layer at spec index `layerIndex`,
/// stored as the value before and after. The layers stay as they are, so the session keeps
/// training from the new value (ProjectDocument::parameterChanged reaches it through
/// DocumentSync). Consecutive commands of the same drag (the same non-negative `drag`
/// number) on the same entry merge into one undo step; a drag that ends where it began is
/// dropped. Prefer setParameter() in DocumentEdits.h.
class EditParameterCommand : public QUndoCommand {
public:
    EditParameterCommand(ProjectDocument* document, int layerIndex, int tensor, int row, int col,
                         float before, float after, const QString& text, int drag = -1);

    void redo() override;
    void undo() override;
    int id() const override;
    bool mergeWith(const QUndoCommand* other) override;

    float before() const { return m_before; }
    float after() const { return m_after; }

private:
    ProjectDocument* m_document;
    int m_layerIndex;
    int m_tensor;
    int m_row;
    int m_col;
    float m_before;
    float m_after;
    int m_drag;  // the drag this value came from; -1 merges with nothing
};

}  // namespace nnplay::ui
