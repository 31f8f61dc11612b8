// SPDX-License-Identifier: GPL-3.0-or-later
#include "window/WelcomeDialog.h"

#include <QApplication>
#include <QCheckBox>
#include <QDir>
#include <QFileInfo>
#include <QKeyEvent>
#include <QLabel>
#include <QListWidget>
#include <QPointer>
#include <QPushButton>
#include <QScrollArea>
#include <QStyle>
#include <QVBoxLayout>

#include "data/DataLoader.h"
#include "document/ProjectDocument.h"
#include "window/ApplicationIcon.h"
#include "window/CardGrid.h"
#include "window/ProjectCard.h"
#include "window/ProjectFiles.h"
#include "window/RecentProjectDelegate.h"
#include "window/WindowSettings.h"

namespace nnplay::ui {

namespace {

constexpr int kSideWidth = 230;
/// Room right of the cards, for the scroll bar.
constexpr int kGridRight = 12;
constexpr int kMargin = 24;

QLabel* heading(const QString& text, qreal scale) {
    auto* label = new QLabel(text);
    QFont font = label->font();
    font.setBold(true);
    font.setPointSizeF(font.pointSizeF() * scale);
    label->setFont(font);
    return label;
}

QLabel* hint(const QString& text) {
    auto* label = new QLabel(text);
    label->setWordWrap(true);
    return label;
}

/// A folder for people: the home folder as "~".
QString shortFolder(const QString& path) {
    const QString folder = QDir::toNativeSeparators(QFileInfo(path).absolutePath());
    const QString home = QDir::toNativeSeparators(QDir::homePath());
    if (folder == home) return QStringLiteral("~");
    if (folder.startsWith(home + QDir::separator()))
        return QStringLiteral("~") + folder.mid(home.size());
    return folder;
}

/// The data a project draws from, in the palette's words ("Data: Spiral").
QString dataLine(const Project& project) {
    if (project.data.source == "csv" && !project.data.path.empty()) {
        return QCoreApplication::translate("WelcomeDialog", "Data: %1")
            .arg(QFileInfo(QString::fromStdString(project.data.path)).fileName());
    }
    const SourceInfo* source = findSource(project.data.source);
    return source ? QCoreApplication::translate("WelcomeDialog", "Data: %1")
                        .arg(QString::fromStdString(source->displayName))
                  : QString();
}

}  // namespace

WelcomeDialog::WelcomeDialog(ProjectDocument* document, ProjectFiles* files, QWidget* parent)
    : QDialog(parent),
      m_document(document),
      m_files(files),
      m_thumbnails(ProjectCard::thumbnailSize(), palette()) {
    setObjectName(QStringLiteral("welcomeDialog"));
    setWindowTitle(tr("Welcome to nnplay"));

    // The header: who we are and what one does here.
    auto* icon = new QLabel;
    icon->setPixmap(applicationIcon().pixmap(QSize(56, 56)));
    auto* titles = new QVBoxLayout;
    titles->setSpacing(2);
    titles->addWidget(heading(tr("Welcome to nnplay"), 1.9));
    titles->addWidget(
        hint(tr("Build a neural network from layers, press Play and watch it "
                "learn. Pick a lesson to begin, or explore an example.")));
    auto* header = new QHBoxLayout;
    header->setSpacing(16);
    header->addWidget(icon, 0, Qt::AlignTop);
    header->addLayout(titles, 1);

    // The lessons and examples, in a scroll area whose grids reflow with its width.
    auto* content = new QWidget;
    content->setBackgroundRole(QPalette::Window);
    auto* sections = new QVBoxLayout(content);
    sections->setContentsMargins(0, 0, kGridRight, kGridRight);
    sections->setSpacing(8);
    m_lessons = addSection(sections, tr("Lessons"),
                           tr("Each lesson shows one idea, with a few things to try."),
                           ProjectCatalog::shipped("lessons").entries());
    m_examples = addSection(sections, tr("Examples"), tr("Ready-made projects to explore."),
                            ProjectCatalog::shipped("examples").entries());
    sections->addStretch(1);
    m_scroll = new QScrollArea;
    m_scroll->setObjectName(QStringLiteral("welcomeProjects"));
    m_scroll->setWidget(content);
    m_scroll->setWidgetResizable(true);
    m_scroll->setFrameShape(QFrame::NoFrame);
    m_scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_scroll->viewport()->setBackgroundRole(QPalette::Window);

    auto* body = new QHBoxLayout;
    body->setSpacing(kMargin);
    body->addWidget(buildSidePanel());
    body->addWidget(m_scroll, 1);

    auto* root = new QVBoxLayout(this);
    root->setContentsMargins(kMargin, kMargin, kMargin / 2, kMargin);
    root->setSpacing(kMargin);
    root->addLayout(header);
    root->addLayout(body, 1);

    // A card the keyboard reached is scrolled into sight. Focus also moves while the dialog's
    // children are destroyed: the scroll area is watched, not trusted.
    connect(qApp, &QApplication::focusChanged, this,
            [scroll = QPointer<QScrollArea>(m_scroll)](QWidget*, QWidget* now) {
                if (scroll && now && scroll->widget() && scroll->widget()->isAncestorOf(now))
                    scroll->ensureWidgetVisible(now, 8, 8);
            });
    if (!m_lessons->cards().isEmpty()) m_lessons->cards().first()->setFocus();
}

bool WelcomeDialog::showsAtStart(bool asked, bool restored, bool projectNamed) {
    return asked || (!restored && !projectNamed && WindowSettings::showWelcomeAtStart());
}

QSize WelcomeDialog::sizeFor(QSize room) const {
    const int scrollBar = style()->pixelMetric(QStyle::PM_ScrollBarExtent, nullptr, this);
    const int chrome = kMargin + kMargin / 2 + kSideWidth + kMargin + kGridRight + scrollBar + 4;
    const int columns = CardGrid::columnsFor(room.width() - chrome);
    const int width =
        chrome + columns * (ProjectCard::kWidth + CardGrid::kSpacing) - CardGrid::kSpacing;
    return QSize(width, room.height()).expandedTo(minimumSizeHint()).boundedTo(room);
}

CardGrid* WelcomeDialog::addSection(QVBoxLayout* layout, const QString& title,
                                    const QString& hintText,
                                    const QList<ProjectCatalog::Entry>& entries) {
    auto* grid = new CardGrid(layout->parentWidget());
    const qreal ratio = devicePixelRatioF();
    for (const ProjectCatalog::Entry& entry : entries) {
        const QString text = entry.project.lesson.empty()
                                 ? dataLine(entry.project)
                                 : QString::fromStdString(entry.project.lesson.goal);
        auto* card = new ProjectCard(m_thumbnails.pixmap(entry.path, entry.project, ratio),
                                     entry.title, text);
        card->setToolTip(QDir::toNativeSeparators(entry.path));
        connect(card, &ProjectCard::clicked, this, [this, entry] { openBundled(entry); });
        grid->addCard(card);
    }
    // No heading over nothing (an installation without its resources).
    if (entries.isEmpty()) {
        grid->hide();
        return grid;
    }
    layout->addWidget(heading(title, 1.35));
    layout->addWidget(hint(hintText));
    layout->addSpacing(4);
    layout->addWidget(grid);
    layout->addSpacing(16);
    return grid;
}

QWidget* WelcomeDialog::buildSidePanel() {
    auto* panel = new QWidget;
    panel->setFixedWidth(kSideWidth);
    auto* layout = new QVBoxLayout(panel);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(8);

    layout->addWidget(heading(tr("Start"), 1.35));
    m_start = new QPushButton(tr("Start with the default network"));
    m_start->setObjectName(QStringLiteral("welcomeStart"));
    m_start->setMinimumHeight(m_start->sizeHint().height() * 3 / 2);
    connect(m_start, &QPushButton::clicked, this, &WelcomeDialog::startDefault);
    layout->addWidget(m_start);
    layout->addWidget(hint(tr("Circle data and a small network, ready for Play.")));

    layout->addSpacing(16);
    layout->addWidget(heading(tr("Recent projects"), 1.35));
    m_recent = new QListWidget;
    m_recent->setObjectName(QStringLiteral("welcomeRecent"));
    m_recent->setFrameShape(QFrame::NoFrame);
    m_recent->setItemDelegate(new RecentProjectDelegate(m_recent));
    m_recent->setMouseTracking(true);
    m_recent->setSpacing(2);
    m_recent->viewport()->setBackgroundRole(QPalette::Window);
    m_recent->installEventFilter(this);
    connect(m_recent, &QListWidget::itemClicked, this, &WelcomeDialog::openRecent);
    layout->addWidget(m_recent, 1);
    fillRecent();
    if (m_recent->count() == 0) {
        m_recent->hide();
        layout->addWidget(
            hint(tr("No recent projects yet: the projects you open or save will "
                    "be listed here.")));
        layout->addStretch(1);
    }

    m_showAtStart = new QCheckBox(tr("Show at start"));
    m_showAtStart->setObjectName(QStringLiteral("welcomeShowAtStart"));
    m_showAtStart->setChecked(WindowSettings::showWelcomeAtStart());
    m_showAtStart->setToolTip(tr("Help > Welcome shows this screen at any time."));
    connect(m_showAtStart, &QCheckBox::toggled, this, &WindowSettings::setShowWelcomeAtStart);
    layout->addWidget(m_showAtStart);
    return panel;
}

void WelcomeDialog::fillRecent() {
    const QStringList files = m_files->recentFiles();
    for (const QString& path : files) {
        const bool exists = QFileInfo::exists(path);
        auto* item = new QListWidgetItem(QFileInfo(path).fileName(), m_recent);
        item->setData(RecentProjectDelegate::kFolderRole,
                      exists ? shortFolder(path) : tr("Not found in %1").arg(shortFolder(path)));
        item->setData(Qt::UserRole, path);
        item->setToolTip(QDir::toNativeSeparators(path));
        if (!exists) item->setFlags(item->flags() & ~(Qt::ItemIsEnabled | Qt::ItemIsSelectable));
    }
}

QList<ProjectCard*> WelcomeDialog::lessonCards() const { return m_lessons->cards(); }

QList<ProjectCard*> WelcomeDialog::exampleCards() const { return m_examples->cards(); }

bool WelcomeDialog::eventFilter(QObject* watched, QEvent* event) {
    // Enter opens the current recent project, and goes no further (the dialog would take it
    // for its default button).
    if (watched == m_recent && event->type() == QEvent::KeyPress) {
        const int key = static_cast<QKeyEvent*>(event)->key();
        if (key == Qt::Key_Return || key == Qt::Key_Enter) {
            if (QListWidgetItem* item = m_recent->currentItem()) openRecent(item);
            return true;
        }
    }
    return QDialog::eventFilter(watched, event);
}

void WelcomeDialog::openBundled(const ProjectCatalog::Entry& entry) {
    if (!m_files->maybeSave()) return;
    // Untitled: Save asks where, the shipped file stays as it is.
    m_files->openProject(entry.project);
    accept();
}

void WelcomeDialog::openRecent(QListWidgetItem* item) {
    const QString path = item->data(Qt::UserRole).toString();
    if (path.isEmpty() || !(item->flags() & Qt::ItemIsEnabled) || !QFileInfo::exists(path)) return;
    if (!m_files->maybeSave()) return;
    if (m_files->openFile(path)) accept();
}

void WelcomeDialog::startDefault() {
    // At start the window already holds the default network: then there is nothing to open.
    const bool fresh = m_document->filePath().isEmpty() && !m_document->isModified() &&
                       m_document->project() == Project::defaultProject();
    if (!fresh) {
        if (!m_files->maybeSave()) return;
        m_files->openProject(Project::defaultProject());
    }
    accept();
}

}  // namespace nnplay::ui
