// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QUndoCommand>
#include <utility>
#include <vector>

#include "document/ProjectDocument.h"
#include "train/GanSpec.h"
#include "train/TrainingSpec.h"

namespace nnplay::ui {

/// An edit of one settings section of the project (`Spec`, written through the document's
/// `Set`), stored as values before and after. Commands with the same non-negative mergeId
/// merge (typing a learning rate, spinning a count one click at a time); a merge that ends
/// where it began leaves no undo step. Prefer editTraining() and editGan() in DocumentEdits.h,
/// which push nothing when nothing changes.
template <class Spec, void (ProjectDocument::*Set)(const Spec&)>
class EditSettingsCommand : public QUndoCommand {
public:
    EditSettingsCommand(ProjectDocument* document, Spec before, Spec after, const QString& text,
                        int mergeId = -1)
        : QUndoCommand(text),
          m_document(document),
          m_before(std::move(before)),
          m_after(std::move(after)),
          m_mergeId(mergeId) {}

    void redo() override { (m_document->*Set)(m_after); }
    void undo() override { (m_document->*Set)(m_before); }
    int id() const override { return m_mergeId; }
    bool mergeWith(const QUndoCommand* other) override {
        const auto* next = dynamic_cast<const EditSettingsCommand*>(other);
        if (!next || next->m_mergeId != m_mergeId || m_mergeId < 0) return false;
        m_after = next->m_after;
        setText(next->text());
        if (m_before == m_after) setObsolete(true);
        return true;
    }

private:
    ProjectDocument* m_document;
    Spec m_before;
    Spec m_after;
    int m_mergeId;
};

/// The training settings of a classification or regression project.
using EditTrainingCommand =
    EditSettingsCommand<nnplay::TrainingSpec, &ProjectDocument::setTraining>;
/// A GAN project's noise and training settings.
using EditGanCommand = EditSettingsCommand<nnplay::GanSpec, &ProjectDocument::setGan>;
/// The runs kept for comparison (deleted, renamed).
using EditRunsCommand =
    EditSettingsCommand<std::vector<nnplay::RunRecord>, &ProjectDocument::setRuns>;

}  // namespace nnplay::ui
