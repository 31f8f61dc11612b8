// SPDX-License-Identifier: GPL-3.0-or-later
// The window's file handling beyond open and save: examples listed and titled by the title
// their file gives, CSV data kept inside a saved project, and the application's icon.
#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLabel>
#include <QMenu>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <memory>
#include <vector>

#include "FileBytes.h"
#include "Project.h"
#include "Wait.h"
#include "data/ResourcePath.h"
#include "document/ProjectDocument.h"
#include "io/ProjectFile.h"
#include "panels/CsvImportDialog.h"
#include "panels/DataPanel.h"
#include "train/TrainingController.h"
#include "train/TrainingWorker.h"
#include "window/ApplicationIcon.h"
#include "window/MainWindow.h"
#include "window/ProjectFiles.h"

using nnplay::Project;
using nnplay::test::readBytes;
using nnplay::test::waitUntil;
using nnplay::test::writeBytes;
using nnplay::ui::MainWindow;
using nnplay::ui::TrainingSnapshot;

namespace {

/// The shipped iris example with its CSV at `csv` (absolute, as the document holds it).
Project irisProject(const QString& csv) {
    Project p = nnplay::ProjectFile::load(nnplay::resourcePath("examples/iris-csv.nnplay"));
    p.title.clear();
    p.data.path = csv.toStdString();
    return p;
}

}  // namespace

class TestFiles : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_settingsDir;
    QTemporaryDir m_dir;
    std::unique_ptr<MainWindow> m_window;
    QStringList m_questions;  // titles of the messages shown
    QMessageBox::StandardButton m_answer = QMessageBox::No;

    QString path(const QString& name) const { return m_dir.filePath(name); }

    bool sessionValid() { return nnplay::test::waitForValidSession(m_window->training()); }

    QMenu* examplesMenu() const {
        for (QMenu* menu : m_window->findChildren<QMenu*>())
            if (menu->title() == QStringLiteral("Open &Example")) return menu;
        return nullptr;
    }

private slots:
    void initTestCase() {
        QVERIFY(m_settingsDir.isValid());
        QVERIFY(m_dir.isValid());
        QStandardPaths::setTestModeEnabled(true);
        QSettings::setDefaultFormat(QSettings::IniFormat);
        QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_settingsDir.path());
    }

    void init() {
        m_questions.clear();
        m_answer = QMessageBox::No;
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

    void theApplicationHasAnIcon() {
        const QIcon icon = nnplay::ui::applicationIcon();
        QVERIFY(!icon.isNull());
        for (const int size : {16, 32, 256})
            QCOMPARE(icon.pixmap(QSize(size, size)).size(), QSize(size, size));
        QApplication::setWindowIcon(icon);
        QVERIFY(!QApplication::windowIcon().isNull());
        QVERIFY(!m_window->windowIcon().isNull());
    }

    // File > Export as PyTorch Script writes what nnplay-cli export writes, once trained.
    void exportWritesTheTrainedNetworkAsAPyTorchScript() {
        QString shown;
        m_window->files()->setMessageHook([&](QMessageBox::Icon, const QString& title,
                                              const QString& text, QMessageBox::StandardButtons) {
            m_questions << title;
            shown = text;
            return m_answer;
        });
        QVERIFY(sessionValid());
        const QString script = path(QStringLiteral("circle.py"));
        QVERIFY(!m_window->files()->exportPyTorch(script));
        QVERIFY2(shown.contains(QStringLiteral("no trained weights")), qPrintable(shown));
        QVERIFY(!QFile::exists(script));

        nnplay::ui::TrainingController* training = m_window->training();
        training->send(&nnplay::ui::TrainingWorker::trainEpochs, 3);
        QVERIFY(waitUntil([&] { return training->lastSnapshot().epoch >= 3; }, "3 epochs"));
        QVERIFY(waitUntil([&] { return !training->lastSnapshot().running; }, "it pauses"));
        QVERIFY(m_window->files()->exportPyTorch(script));
        for (const char* name : {"circle.py", "circle.weights.json", "circle.data.csv"})
            QVERIFY2(QFile::exists(path(QString::fromLatin1(name))), name);
        QVERIFY(readBytes(script).contains("import torch"));
        QVERIFY(QFileInfo(script).isExecutable());
        // The weights are the session's: the document's network holds them now too.
        QVERIFY(m_window->document()->project().network().hasParams());

        m_window->files()->openProject(Project::defaultGanProject());
        QVERIFY(sessionValid());
        QVERIFY(!m_window->files()->exportPyTorch(path(QStringLiteral("gan.py"))));
        QVERIFY2(shown.contains(QStringLiteral("GAN")), qPrintable(shown));
    }

    void examplesAreListedByTitle() {
        QMenu* menu = examplesMenu();
        QVERIFY(menu);
        QStringList titles;
        const QDir dir(QString::fromStdString(nnplay::resourcePath("examples")));
        for (const QString& name : dir.entryList({QStringLiteral("*.nnplay")})) {
            const Project p = nnplay::ProjectFile::load(dir.filePath(name).toStdString());
            titles << QString::fromStdString(p.title);
        }
        titles.sort();
        QStringList listed;
        for (QAction* action : menu->actions()) listed << action->text();
        QCOMPARE(listed, titles);
        QVERIFY(listed.contains(QStringLiteral("Circle: a first classifier")));
    }

    void anOpenedExampleShowsItsTitleAndStaysUntitled() {
        QAction* circle = nullptr;
        for (QAction* action : examplesMenu()->actions())
            if (action->text() == QStringLiteral("Circle: a first classifier")) circle = action;
        QVERIFY(circle);
        circle->trigger();
        nnplay::ui::ProjectDocument* doc = m_window->document();
        QCOMPARE(QString::fromStdString(doc->project().title),
                 QStringLiteral("Circle: a first classifier"));
        QVERIFY(doc->filePath().isEmpty());  // Save asks where: the shipped file stays
        QVERIFY(!doc->isModified());
        QCOMPARE(m_window->windowTitle(), QStringLiteral("Circle: a first classifier[*] — nnplay"));
        // Saved somewhere, the file's name is the window's name; the title goes along.
        const QString file = path(QStringLiteral("my-circle.nnplay"));
        QVERIFY(m_window->files()->saveFile(file));
        QCOMPARE(m_window->windowTitle(), QStringLiteral("my-circle.nnplay[*] — nnplay"));
        QCOMPARE(nnplay::ProjectFile::load(file.toStdString()).title,
                 std::string("Circle: a first classifier"));
        QVERIFY(m_questions.isEmpty());
    }

    void savingAsksOnceToKeepDataFromElsewhere() {
        QVERIFY(QDir(m_dir.path()).mkpath(QStringLiteral("data")));
        QVERIFY(QDir(m_dir.path()).mkpath(QStringLiteral("lesson")));
        const QByteArray csv =
            readBytes(QString::fromStdString(nnplay::resourcePath("examples/iris.csv")));
        const QString csvPath = path(QStringLiteral("data/iris.csv"));
        QVERIFY(writeBytes(csvPath, csv));
        m_window->files()->openProject(irisProject(csvPath));
        m_answer = QMessageBox::Yes;
        const QString file = path(QStringLiteral("lesson/iris.nnplay"));
        QVERIFY(m_window->files()->saveFile(file));
        QCOMPARE(m_questions, QStringList{QStringLiteral("Keep the data with the project?")});
        QCOMPARE(
            QByteArray::fromStdString(nnplay::ProjectFile::load(file.toStdString()).data.csvText),
            csv);
        // Asked once: the next save keeps the data without asking.
        QVERIFY(m_window->files()->saveFile(file));
        QCOMPARE(m_questions.size(), 1);

        // Handed on without the CSV file, the project opens, trains and saves its data again.
        QVERIFY(QFile::remove(csvPath));
        QVERIFY(m_window->files()->openFile(file));
        QVERIFY(sessionValid());
        QVERIFY(m_window->document()->dataInfo().has_value());
        const QString copy = path(QStringLiteral("iris-again.nnplay"));
        QVERIFY(m_window->files()->saveFile(copy));
        QCOMPARE(m_questions.size(), 1);
        const Project again = nnplay::ProjectFile::load(copy.toStdString());
        QCOMPARE(QByteArray::fromStdString(again.data.csvText), csv);
        // A saved file always loads again, with the same project.
        QVERIFY(again == nnplay::ProjectFile::parse(nnplay::ProjectFile::serialize(again)));
    }

    void keptDataChangesItsLabelWithoutTheFile() {
        QTemporaryDir elsewhere;  // not the project's folder: saving offers to keep the data
        const QString csvPath = elsewhere.filePath(QStringLiteral("iris.csv"));
        QVERIFY(writeBytes(
            csvPath, readBytes(QString::fromStdString(nnplay::resourcePath("examples/iris.csv")))));
        m_window->files()->openProject(irisProject(csvPath));
        m_answer = QMessageBox::Yes;
        const QString file = path(QStringLiteral("kept.nnplay"));
        QVERIFY(m_window->files()->saveFile(file));
        QVERIFY(QFile::remove(csvPath));
        QVERIFY(m_window->files()->openFile(file));
        nnplay::ui::DataPanel* panel = m_window->dataPanel();
        QVERIFY(panel->sourceInfo()->text().contains(QStringLiteral("kept in the project")));
        QSignalSpy failed(panel, &nnplay::ui::DataPanel::importFailed);
        // The column dialog reads the kept copy: pick another label there and accept.
        bool dialogShown = false;
        QTimer::singleShot(0, this, [&] {
            auto* dialog =
                qobject_cast<nnplay::ui::CsvImportDialog*>(QApplication::activeModalWidget());
            if (!dialog) return;
            dialogShown = true;
            dialog->labelBox()->setCurrentText(QStringLiteral("petal_width"));
            dialog->accept();
        });
        QTest::mouseClick(panel->labelButton(), Qt::LeftButton);
        QVERIFY(dialogShown);
        QCOMPARE(failed.count(), 0);
        QCOMPARE(m_window->document()->project().data.label, std::string("petal_width"));
        QVERIFY(!m_window->document()->project().data.csvText.empty());  // still kept
    }

    void declinedOrBesideTheProjectKeepsALink() {
        const QByteArray csv =
            readBytes(QString::fromStdString(nnplay::resourcePath("examples/iris.csv")));
        QVERIFY(QDir(m_dir.path()).mkpath(QStringLiteral("elsewhere")));
        QVERIFY(QDir(m_dir.path()).mkpath(QStringLiteral("course")));
        const QString outside = path(QStringLiteral("elsewhere/iris.csv"));
        QVERIFY(writeBytes(outside, csv));
        m_window->files()->openProject(irisProject(outside));
        m_answer = QMessageBox::No;
        const QString file = path(QStringLiteral("course/linked.nnplay"));
        QVERIFY(m_window->files()->saveFile(file));
        QCOMPARE(m_questions.size(), 1);
        QVERIFY(m_window->files()->saveFile(file));
        QCOMPARE(m_questions.size(), 1);
        Project saved = nnplay::ProjectFile::load(file.toStdString());
        QVERIFY(saved.data.csvText.empty());
        QCOMPARE(QString::fromStdString(saved.data.path), QStringLiteral("../elsewhere/iris.csv"));

        // Beside the project: handed on together, nothing to ask.
        const QString beside = path(QStringLiteral("iris.csv"));
        QVERIFY(writeBytes(beside, csv));
        m_window->files()->openProject(irisProject(beside));
        QVERIFY(m_window->files()->saveFile(path(QStringLiteral("beside.nnplay"))));
        QCOMPARE(m_questions.size(), 1);
        saved = nnplay::ProjectFile::load(path(QStringLiteral("beside.nnplay")).toStdString());
        QVERIFY(saved.data.csvText.empty());
        QCOMPARE(QString::fromStdString(saved.data.path), QStringLiteral("iris.csv"));
    }
};

QTEST_MAIN(TestFiles)
#include "test_files.moc"
