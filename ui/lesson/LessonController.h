// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QString>
#include <optional>
#include <string>
#include <vector>

#include "Lesson.h"
#include "Project.h"

class QAction;

namespace nnplay::ui {

class DocumentSync;
class ProjectDocument;
class TrainingController;

/// The window's side of a lesson: the project as the lesson was opened (its base), each
/// variant's project (ProjectFile::applyVariant on the base), which variant the document now
/// is, and which controls the window hides. Switching to a variant pushes the difference
/// (data, network, training) as one undo step through DocumentEdits and starts fresh weights,
/// as `nnplay-cli check-lesson` trains it. Follows the document: after undo or a hand edit
/// that matches no variant, currentVariant() is -1. A project that is no lesson clears it all.
class LessonController : public QObject {
    Q_OBJECT
public:
    /// None is owned; all must outlive this object.
    LessonController(ProjectDocument* document, DocumentSync* sync, TrainingController* training,
                     QObject* parent = nullptr);

    /// Whether the open project is a lesson.
    bool isLesson() const { return !m_base.lesson.empty(); }
    const nnplay::Lesson& lesson() const { return m_base.lesson; }
    /// The project as the lesson was opened (its trained weights dropped).
    const nnplay::Project& base() const { return m_base; }
    /// The title the lesson shows (the project's title, else "Lesson").
    QString title() const;
    int variantCount() const { return static_cast<int>(m_variants.size()); }
    /// Variant i's project; nullptr when its changes do not make a usable project.
    const nnplay::Project* variantProject(int index) const;
    /// The variant the document matches (data, task, training and layers, ignoring layer ids
    /// and weights), or -1.
    int currentVariant() const { return m_current; }

    /// Turns the document into variant `index` as one undo step and starts fresh weights.
    /// False (nothing pushed) for an index out of range or a variant that cannot be used.
    bool switchToVariant(int index);
    /// The next/previous variant after the current one (wrapping); the first/last when the
    /// document matches none.
    void nextVariant();
    void previousVariant();
    /// Actions for them (Ctrl+] and Ctrl+[), enabled while a lesson with variants is open.
    QAction* nextVariantAction() const { return m_next; }
    QAction* previousVariantAction() const { return m_previous; }

    /// The names of Lesson::kHideable the window hides now: the lesson's `hide`, or none when
    /// no lesson is open or setShowAllControls(true).
    std::vector<std::string> hiddenControls() const;
    bool showsAllControls() const { return m_showAll; }
    /// For a teacher who wants every control back while the lesson stays open. Reset to false
    /// when another project is opened.
    void setShowAllControls(bool show);

signals:
    /// Another project was opened: a lesson or none (isLesson()).
    void lessonChanged();
    /// The document now matches another variant (-1: none).
    void currentVariantChanged(int index);
    /// hiddenControls() changed.
    void hiddenControlsChanged(const std::vector<std::string>& names);
    /// A sentence for the status bar ("Variant “tanh”: …").
    void statusMessage(const QString& message);

private:
    void onProjectReplaced();
    void updateCurrent();
    /// What switching from the document's project to `target` changes, in a learner's words.
    QString describeChange(const nnplay::Project& target) const;

    ProjectDocument* m_document;
    DocumentSync* m_sync;
    TrainingController* m_training;
    nnplay::Project m_base;
    std::vector<std::optional<nnplay::Project>> m_variants;  // by variant index
    int m_current = -1;
    bool m_showAll = false;
    QAction* m_next;
    QAction* m_previous;
};

}  // namespace nnplay::ui
