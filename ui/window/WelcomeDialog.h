// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDialog>
#include <QList>

#include "window/ProjectCatalog.h"
#include "window/ProjectThumbnail.h"

class QCheckBox;
class QListWidget;
class QListWidgetItem;
class QPushButton;
class QScrollArea;
class QVBoxLayout;

namespace nnplay::ui {

class CardGrid;
class ProjectCard;
class ProjectDocument;
class ProjectFiles;

/// The welcome screen: the lessons and the examples as cards with a picture of their data,
/// the recent projects (missing files shown, not offered), "Start with the default network"
/// and "Show at start" (WindowSettings). Choosing a project asks about unsaved changes first
/// (ProjectFiles::maybeSave), opens it and closes the screen; a lesson or an example opens
/// untitled under its title. Escape closes it and leaves the project as it is.
class WelcomeDialog : public QDialog {
    Q_OBJECT
public:
    /// `files` opens what is chosen in `document`; neither is owned. `parent` is the window
    /// they belong to.
    WelcomeDialog(ProjectDocument* document, ProjectFiles* files, QWidget* parent);

    /// Whether a start shows the screen: when asked (`--welcome`), else when nothing was
    /// restored, no project or lesson was named and the "Show at start" setting is on.
    static bool showsAtStart(bool asked, bool restored, bool projectNamed);

    /// The size that fits `room` best: as many columns of cards as fit, no more width.
    QSize sizeFor(QSize room) const;

    /// The cards of the lessons and of the examples, in the order shown.
    QList<ProjectCard*> lessonCards() const;
    QList<ProjectCard*> exampleCards() const;
    /// The recent projects; an item's Qt::UserRole is its path, a missing file is disabled.
    QListWidget* recentList() const { return m_recent; }
    QPushButton* startButton() const { return m_start; }
    QCheckBox* showAtStartBox() const { return m_showAtStart; }

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    /// A titled section of cards in `layout`; returns its grid.
    CardGrid* addSection(QVBoxLayout* layout, const QString& title, const QString& hint,
                         const QList<ProjectCatalog::Entry>& entries);
    QWidget* buildSidePanel();
    void fillRecent();
    void openBundled(const ProjectCatalog::Entry& entry);
    void openRecent(QListWidgetItem* item);
    void startDefault();

    ProjectDocument* m_document;
    ProjectFiles* m_files;
    ProjectThumbnail m_thumbnails;
    CardGrid* m_lessons = nullptr;
    CardGrid* m_examples = nullptr;
    QScrollArea* m_scroll = nullptr;
    QListWidget* m_recent = nullptr;
    QPushButton* m_start = nullptr;
    QCheckBox* m_showAtStart = nullptr;
};

}  // namespace nnplay::ui
