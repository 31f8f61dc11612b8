// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QFrame>
#include <optional>

#include "train/OutputHeadFix.h"

class QLabel;
class QPushButton;

namespace nnplay::ui {

class ProjectDocument;

/// A strip above the canvas, shown while the network's output or loss does not fit the data
/// (after switching between classes and numbers, or to data with another number of classes):
/// it says what the task needs, in a learner's words, and fixes it with one click as one undo
/// step (applyOutputFix). Hidden when nothing needs fixing or the fix lies elsewhere.
class OutputFixBar : public QFrame {
    Q_OBJECT
public:
    /// The document is not owned and must outlive the bar.
    explicit OutputFixBar(ProjectDocument* document, QWidget* parent = nullptr);

    /// Recomputes the fix from the document (called on every change the bar listens to).
    void refresh();

    QPushButton* fixButton() const { return m_fix; }
    QLabel* textLabel() const { return m_text; }

private:
    ProjectDocument* m_document;
    QLabel* m_text;
    QPushButton* m_fix;
    std::optional<nnplay::OutputFix> m_proposal;
};

}  // namespace nnplay::ui
