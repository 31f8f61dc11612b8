// SPDX-License-Identifier: GPL-3.0-or-later
// The welcome screen: every shipped lesson and example on a card with a picture of its data,
// the recent projects (a missing one not offered), opening what is clicked or chosen with the
// keyboard (after the unsaved-changes prompt), "Show at start" kept, Escape changing nothing.
// QSettings live in a temporary folder, never in the user's.
#include <QCheckBox>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QListWidget>
#include <QPointer>
#include <QProcess>
#include <QPushButton>
#include <QScrollArea>
#include <QScrollBar>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>
#include <memory>
#include <set>

#include "Project.h"
#include "Wait.h"
#include "data/ResourcePath.h"
#include "document/DocumentEdits.h"
#include "document/ProjectDocument.h"
#include "io/ProjectFile.h"
#include "plots/PlotStyle.h"
#include "window/CardGrid.h"
#include "window/MainWindow.h"
#include "window/ProjectCard.h"
#include "window/ProjectFiles.h"
#include "window/RecentProjectDelegate.h"
#include "window/WelcomeDialog.h"
#include "window/WindowSettings.h"

using nnplay::Project;
using nnplay::test::kWaitMs;
using nnplay::ui::MainWindow;
using nnplay::ui::PlotStyle;
using nnplay::ui::ProjectCard;
using nnplay::ui::RecentProjectDelegate;
using nnplay::ui::WelcomeDialog;
using nnplay::ui::WindowSettings;

namespace {

/// Title and goal of every shipped project in resources/`folder`, read here on their own.
QMap<QString, QString> shipped(const char* folder) {
    QMap<QString, QString> goals;
    const QDir dir(QString::fromStdString(nnplay::resourcePath(folder)));
    for (const QString& name : dir.entryList({QStringLiteral("*.nnplay")}, QDir::Files)) {
        const Project p = nnplay::ProjectFile::load(dir.filePath(name).toStdString());
        goals.insert(QString::fromStdString(p.title), QString::fromStdString(p.lesson.goal));
    }
    return goals;
}

ProjectCard* cardTitled(const QList<ProjectCard*>& cards, const QString& title) {
    for (ProjectCard* card : cards)
        if (card->title() == title) return card;
    return nullptr;
}

/// How many pixels of `image` have exactly the colour `color`.
int pixelsOf(const QImage& image, const QColor& color) {
    const QImage rgb = image.convertToFormat(QImage::Format_RGB32);
    int count = 0;
    for (int y = 0; y < rgb.height(); ++y)
        for (int x = 0; x < rgb.width(); ++x)
            if (rgb.pixelColor(x, y).rgb() == color.rgb()) ++count;
    return count;
}

/// The picture `nnplay --screenshot FILE --quit` takes with `extra` arguments, offscreen.
QImage screenshot(const QString& file, const QStringList& extra) {
    QProcess app;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    app.setProcessEnvironment(env);
    app.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    app.start(QStringLiteral(NNPLAY_APP_PATH),
              QStringList{QStringLiteral("--screenshot"), file, QStringLiteral("--quit")} + extra);
    if (!app.waitForFinished(kWaitMs) || app.exitCode() != 0) return {};
    return QImage(file);
}

void clickItem(QListWidget* list, QListWidgetItem* item) {
    QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, list->visualItemRect(item).center());
}

}  // namespace

class TestWelcome : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_settingsDir;
    QTemporaryDir m_dir;
    std::unique_ptr<MainWindow> m_window;
    QStringList m_questions;  // titles of the messages shown
    QMessageBox::StandardButton m_answer = QMessageBox::Discard;

    QString path(const QString& name) const {
        return QFileInfo(m_dir.filePath(name)).absoluteFilePath();
    }

    QPointer<WelcomeDialog> openWelcome() {
        QPointer<WelcomeDialog> dialog = m_window->showWelcome();
        if (dialog && !QTest::qWaitForWindowExposed(dialog.data())) return nullptr;
        return dialog;
    }

    QString shownTitle() const { return m_window->windowTitle().remove(QStringLiteral("[*]")); }

private slots:
    void initTestCase() {
        QVERIFY(m_settingsDir.isValid());
        QVERIFY(m_dir.isValid());
        QSettings::setDefaultFormat(QSettings::IniFormat);
        QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_settingsDir.path());
        QStandardPaths::setTestModeEnabled(true);  // recovery copies stay out of the home folder
    }

    void init() {
        QSettings().clear();
        m_questions.clear();
        m_answer = QMessageBox::Discard;
        m_window = std::make_unique<MainWindow>();
        m_window->files()->setMessageHook([this](QMessageBox::Icon, const QString& title,
                                                 const QString&, QMessageBox::StandardButtons) {
            m_questions << title;
            return m_answer;
        });
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    }

    void cleanup() { m_window.reset(); }

    void everyLessonAndExampleHasACard() {
        const QPointer<WelcomeDialog> dialog = openWelcome();
        QVERIFY(dialog);
        const QMap<QString, QString> lessons = shipped("lessons");
        const QMap<QString, QString> examples = shipped("examples");
        QVERIFY(lessons.size() >= 6);
        QCOMPARE(dialog->lessonCards().size(), lessons.size());
        QCOMPARE(dialog->exampleCards().size(), examples.size());
        for (auto it = lessons.cbegin(); it != lessons.cend(); ++it) {
            ProjectCard* card = cardTitled(dialog->lessonCards(), it.key());
            QVERIFY2(card, qPrintable(it.key()));
            QVERIFY(!it.value().isEmpty());
            QCOMPARE(card->text(), it.value());
            QVERIFY(card->isVisible());
        }
        for (const QString& title : examples.keys()) {
            ProjectCard* card = cardTitled(dialog->exampleCards(), title);
            QVERIFY2(card, qPrintable(title));
            QVERIFY(!card->thumbnail().isNull());
        }
    }

    void theCardsScrollNoFurtherThanTheLast() {
        const QPointer<WelcomeDialog> dialog = openWelcome();
        QVERIFY(dialog);
        auto* scroll = dialog->findChild<QScrollArea*>(QStringLiteral("welcomeProjects"));
        QVERIFY(scroll);
        scroll->verticalScrollBar()->setValue(scroll->verticalScrollBar()->maximum());
        ProjectCard* last = dialog->exampleCards().last();
        const int bottom = last->mapTo(scroll->viewport(), QPoint(0, last->height())).y();
        QVERIFY2(bottom <= scroll->viewport()->height(), qPrintable(QString::number(bottom)));
        // Nothing but the margin below the last card.
        QVERIFY2(
            bottom >= scroll->viewport()->height() - 40,
            qPrintable(QStringLiteral("%1 of %2").arg(bottom).arg(scroll->viewport()->height())));
    }

    void aThumbnailShowsTheClasses() {
        const QPointer<WelcomeDialog> dialog = openWelcome();
        QVERIFY(dialog);
        const QString xor_ = QString::fromStdString(
            nnplay::ProjectFile::load(nnplay::resourcePath("lessons/02-xor-hidden-layer.nnplay"))
                .title);
        ProjectCard* card = cardTitled(dialog->lessonCards(), xor_);
        QVERIFY(card);
        const QImage picture = card->thumbnail().toImage();
        QCOMPARE(picture.size(), ProjectCard::thumbnailSize() * card->devicePixelRatioF());
        // Both classes, in the decision-boundary view's colours.
        QVERIFY(pixelsOf(picture, PlotStyle::classColor(0)) > 20);
        QVERIFY(pixelsOf(picture, PlotStyle::classColor(1)) > 20);
        // The digits show pictures: many shades, not one flat colour.
        ProjectCard* digits = nullptr;
        for (ProjectCard* c : dialog->exampleCards())
            if (c->title().startsWith(QStringLiteral("Digits"))) digits = c;
        QVERIFY(digits);
        const QImage samples = digits->thumbnail().toImage();
        std::set<QRgb> shades;
        for (int y = 0; y < samples.height(); ++y)
            for (int x = 0; x < samples.width(); ++x) shades.insert(samples.pixel(x, y));
        QVERIFY(shades.size() > 10);
    }

    void clickingALessonOpensIt() {
        const QPointer<WelcomeDialog> dialog = openWelcome();
        QVERIFY(dialog);
        ProjectCard* card = dialog->lessonCards().value(2);
        QVERIFY(card);
        const QString title = card->title();
        QTest::mouseClick(card, Qt::LeftButton);
        QTRY_VERIFY(!dialog || !dialog->isVisible());
        const Project& project = m_window->document()->project();
        QCOMPARE(QString::fromStdString(project.title), title);
        QVERIFY(!project.lesson.empty());
        QVERIFY(m_window->document()->filePath().isEmpty());  // untitled: Save asks where
        QCOMPARE(shownTitle(), title + QStringLiteral(" — nnplay"));
        QVERIFY(m_questions.isEmpty());
    }

    void theKeyboardChoosesACard() {
        const QPointer<WelcomeDialog> dialog = openWelcome();
        QVERIFY(dialog);
        const QList<ProjectCard*> lessons = dialog->lessonCards();
        const int columns =
            nnplay::ui::CardGrid::columnsFor(lessons.first()->parentWidget()->width());
        QVERIFY(columns >= 2);
        QVERIFY(lessons.size() > columns + 1);
        QTRY_VERIFY(lessons.first()->hasFocus());
        QTest::keyClick(lessons.first(), Qt::Key_Right);
        QTRY_VERIFY(lessons.at(1)->hasFocus());
        // Down is the card below, in the next row.
        QTest::keyClick(lessons.at(1), Qt::Key_Down);
        ProjectCard* below = lessons.at(1 + columns);
        QTRY_VERIFY(below->hasFocus());
        QCOMPARE(below->x(), lessons.at(1)->x());
        QVERIFY(below->y() > lessons.at(1)->y());
        QTest::keyClick(below, Qt::Key_Up);
        QTRY_VERIFY(lessons.at(1)->hasFocus());
        QTest::keyClick(lessons.at(1), Qt::Key_Left);
        QTRY_VERIFY(lessons.first()->hasFocus());
        // Past the last lesson: on to the examples.
        lessons.last()->setFocus();
        QTest::keyClick(lessons.last(), Qt::Key_Right);
        QTRY_VERIFY(dialog->exampleCards().first()->hasFocus());
        // Tab goes on from the last card to the side panel.
        dialog->exampleCards().last()->setFocus();
        QTest::keyClick(dialog->exampleCards().last(), Qt::Key_Tab);
        QTRY_VERIFY(dialog->startButton()->hasFocus());
        QTest::keyClick(dialog->startButton(), Qt::Key_Tab);
        QVERIFY(!dialog->recentList()->isVisible());  // no recent projects yet
        QTRY_VERIFY(dialog->showAtStartBox()->hasFocus());
        dialog->exampleCards().first()->setFocus();
        QTest::keyClick(dialog->exampleCards().first(), Qt::Key_Left);
        QTRY_VERIFY(lessons.last()->hasFocus());
        const QString title = lessons.last()->title();
        QTest::keyClick(lessons.last(), Qt::Key_Return);
        QTRY_VERIFY(!dialog || !dialog->isVisible());
        QCOMPARE(QString::fromStdString(m_window->document()->project().title), title);
    }

    void unsavedChangesAreAskedAbout() {
        nnplay::TrainingSpec training = m_window->document()->project().training;
        training.batchSize += 5;
        QVERIFY(nnplay::ui::editTraining(*m_window->document(), training, QStringLiteral("batch")));
        const Project before = m_window->document()->project();
        const QPointer<WelcomeDialog> dialog = openWelcome();
        QVERIFY(dialog);
        m_answer = QMessageBox::Cancel;
        QTest::mouseClick(dialog->exampleCards().first(), Qt::LeftButton);
        QCOMPARE(m_questions, QStringList{QStringLiteral("Unsaved changes")});
        QVERIFY(dialog && dialog->isVisible());
        QCOMPARE(m_window->document()->project(), before);
        m_answer = QMessageBox::Discard;
        QTest::mouseClick(dialog->exampleCards().first(), Qt::LeftButton);
        QTRY_VERIFY(!dialog || !dialog->isVisible());
        QCOMPARE(QString::fromStdString(m_window->document()->project().title),
                 shipped("examples").firstKey());
    }

    void recentProjectsOpenAndMissingOnesDoNot() {
        const QString kept = path(QStringLiteral("kept.nnplay"));
        const QString gone = path(QStringLiteral("gone.nnplay"));
        Project project = Project::defaultProject();
        project.data.source = "xor";
        nnplay::ProjectFile::save(kept.toStdString(), project);
        nnplay::ProjectFile::save(gone.toStdString(), project);
        QVERIFY(m_window->files()->openFile(kept));
        QVERIFY(m_window->files()->openFile(gone));
        QVERIFY(QFile::remove(gone));
        m_window->files()->openProject(Project::defaultProject());

        const QPointer<WelcomeDialog> dialog = openWelcome();
        QVERIFY(dialog);
        QListWidget* list = dialog->recentList();
        QCOMPARE(list->count(), 2);
        QListWidgetItem* missing = list->item(0);
        QListWidgetItem* present = list->item(1);
        QCOMPARE(missing->data(Qt::UserRole).toString(), gone);
        QCOMPARE(missing->text(), QStringLiteral("gone.nnplay"));
        QVERIFY(missing->data(RecentProjectDelegate::kFolderRole)
                    .toString()
                    .startsWith(QStringLiteral("Not found in ")));
        QVERIFY(!(missing->flags() & Qt::ItemIsEnabled));
        QCOMPARE(present->text(), QStringLiteral("kept.nnplay"));
        QCOMPARE(present->data(RecentProjectDelegate::kFolderRole).toString(),
                 QDir::toNativeSeparators(QFileInfo(kept).absolutePath()));
        QVERIFY(present->flags() & Qt::ItemIsEnabled);

        clickItem(list, missing);
        QVERIFY(dialog->isVisible());
        QVERIFY(m_window->document()->filePath().isEmpty());
        QVERIFY(m_questions.isEmpty());

        clickItem(list, present);
        QTRY_VERIFY(!dialog || !dialog->isVisible());
        QCOMPARE(m_window->document()->filePath(), kept);
        QCOMPARE(shownTitle(), QStringLiteral("kept.nnplay — nnplay"));
    }

    void aStartWithAProjectOrLessonOrRestoredWorkShowsNoWelcome() {
        QVERIFY(WelcomeDialog::showsAtStart(false, false, false));  // a first, bare start
        QVERIFY(!WelcomeDialog::showsAtStart(false, false, true));  // PROJECT or --lesson
        QVERIFY(!WelcomeDialog::showsAtStart(false, true, false));  // recovered work
        QVERIFY(WelcomeDialog::showsAtStart(true, true, true));     // --welcome
    }

    void showAtStartIsKept() {
        QVERIFY(WindowSettings::showWelcomeAtStart());  // a first start shows it
        QPointer<WelcomeDialog> dialog = openWelcome();
        QVERIFY(dialog);
        QCheckBox* box = dialog->showAtStartBox();
        QVERIFY(box->isChecked());
        QTest::mouseClick(box, Qt::LeftButton, {}, QPoint(8, box->height() / 2));
        QVERIFY(!box->isChecked());
        QVERIFY(!WindowSettings::showWelcomeAtStart());
        QSettings settings;
        QCOMPARE(settings.value(QStringLiteral("MainWindow/showWelcome")).toBool(), false);
        dialog->reject();
        QTRY_VERIFY(!dialog);
        dialog = openWelcome();
        QVERIFY(dialog);
        QVERIFY(!dialog->showAtStartBox()->isChecked());
        dialog->showAtStartBox()->click();
        QVERIFY(WindowSettings::showWelcomeAtStart());
    }

    void escapeClosesAndChangesNothing() {
        nnplay::TrainingSpec training = m_window->document()->project().training;
        training.epochs += 5;
        QVERIFY(
            nnplay::ui::editTraining(*m_window->document(), training, QStringLiteral("epochs")));
        const Project before = m_window->document()->project();
        const int steps = m_window->document()->undoStack()->count();
        const QPointer<WelcomeDialog> dialog = openWelcome();
        QVERIFY(dialog);
        QTest::keyClick(dialog.data(), Qt::Key_Escape);
        QTRY_VERIFY(!dialog || !dialog->isVisible());
        QCOMPARE(m_window->document()->project(), before);
        QCOMPARE(m_window->document()->undoStack()->count(), steps);
        QVERIFY(m_window->document()->isModified());
        QVERIFY(m_questions.isEmpty());
    }

    void scriptedRunsShowItOnlyWhenAsked() {
        const QImage plain = screenshot(path(QStringLiteral("plain.png")), {});
        const QImage welcome =
            screenshot(path(QStringLiteral("welcome.png")), {QStringLiteral("--welcome")});
        QVERIFY(!plain.isNull());
        QCOMPARE(welcome.size(), plain.size());
        // The welcome screen covers the middle of the window in the picture.
        const QRect middle(plain.width() / 4, plain.height() / 4, plain.width() / 2,
                           plain.height() / 2);
        int differing = 0;
        for (int y = middle.top(); y <= middle.bottom(); y += 2)
            for (int x = middle.left(); x <= middle.right(); x += 2)
                if (plain.pixel(x, y) != welcome.pixel(x, y)) ++differing;
        QVERIFY2(differing > middle.width() * middle.height() / 4 / 10,
                 qPrintable(QString::number(differing)));
    }

    void startWithTheDefaultNetworkJustCloses() {
        const QPointer<WelcomeDialog> dialog = openWelcome();
        QVERIFY(dialog);
        QTest::mouseClick(dialog->startButton(), Qt::LeftButton);
        QTRY_VERIFY(!dialog || !dialog->isVisible());
        QCOMPARE(m_window->document()->project(), Project::defaultProject());
        QVERIFY(!m_window->document()->isModified());
        QVERIFY(m_questions.isEmpty());
    }
};

QTEST_MAIN(TestWelcome)
#include "test_welcome.moc"
