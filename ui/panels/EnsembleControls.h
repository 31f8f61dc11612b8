// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

class QCheckBox;
class QSpinBox;

namespace nnplay::ui {

class ProjectDocument;

/// The training panel's "Ensemble" row: how many networks to train (1: one, the default) and
/// whether each trains on its own bootstrap sample. Each change is one undo command through
/// editTraining(); the row redraws from the document (undo included). Bootstrap means nothing
/// for one network, so its box is disabled then.
class EnsembleControls : public QWidget {
    Q_OBJECT
public:
    /// The document is not owned and must outlive the row.
    explicit EnsembleControls(ProjectDocument* document, QWidget* parent = nullptr);

    QSpinBox* membersBox() const { return m_members; }
    QCheckBox* bootstrapBox() const { return m_bootstrap; }

private:
    void refresh();

    ProjectDocument* m_document;
    QSpinBox* m_members;
    QCheckBox* m_bootstrap;
};

}  // namespace nnplay::ui
