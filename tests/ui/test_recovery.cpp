// SPDX-License-Identifier: GPL-3.0-or-later
// Recovery copies: the window keeps unsaved work (with its trained weights) in a recovery
// file, removes it when the work is saved or closed in order, leaves other windows' copies
// alone and offers the copy of a window that did not close in order, including one of a real
// nnplay killed with SIGKILL. XDG_DATA_HOME points at a temporary folder, so the copies of
// this process and of the nnplay it starts live there.
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>
#include <memory>

#include "Project.h"
#include "FileBytes.h"
#include "Wait.h"
#include "document/DocumentEdits.h"
#include "document/ProjectDocument.h"
#include "io/ProjectFile.h"
#include "train/TrainingController.h"
#include "window/AutosaveKeeper.h"
#include "window/MainWindow.h"
#include "window/ProjectFiles.h"

using nnplay::Project;
using nnplay::test::kWaitMs;
using nnplay::test::readBytes;
using nnplay::test::waitUntil;
using nnplay::test::writeBytes;
using nnplay::ui::AutosaveKeeper;
using nnplay::ui::MainWindow;
using nnplay::ui::TrainingSnapshot;
using nnplay::ui::TrainingWorker;

namespace {

/// Copies in the recovery folder, by file name.
QStringList copies() {
    return QDir(AutosaveKeeper::folder()).entryList({QStringLiteral("*.nnplay")}, QDir::Files);
}

/// XOR data, unlike the default project, so a restored copy is told apart from a fresh one.
Project xorProject() {
    Project p = Project::defaultProject();
    p.data.source = "xor";
    p.data.samples = 100;
    return p;
}

}  // namespace

class TestRecovery : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_home;  // XDG_DATA_HOME and XDG_CONFIG_HOME of this test and its nnplay
    QTemporaryDir m_dir;   // projects
    std::unique_ptr<MainWindow> m_window;
    QStringList m_questions;  // titles of the messages shown
    QMessageBox::StandardButton m_answer = QMessageBox::Discard;

    QString path(const QString& name) const { return m_dir.filePath(name); }

    std::unique_ptr<MainWindow> makeWindow() {
        auto window = std::make_unique<MainWindow>();
        window->files()->setMessageHook([this](QMessageBox::Icon, const QString& title,
                                               const QString&, QMessageBox::StandardButtons) {
            m_questions << title;
            return m_answer;
        });
        window->show();
        return window;
    }

    bool waitSnapshot(bool (*accept)(const TrainingSnapshot&), const char* what) {
        auto* c = m_window->training();
        return waitUntil(
            [&] {
                const TrainingSnapshot& s = c->lastSnapshot();
                return s.generation == c->generation() && accept(s);
            },
            what);
    }

    /// One undoable edit: a new learning rate.
    void editLearningRate(float rate) {
        nnplay::TrainingSpec training = m_window->document()->project().training;
        training.optimizer.learningRate = rate;
        QVERIFY(nnplay::ui::editTraining(*m_window->document(), training,
                                         QStringLiteral("Learning rate")));
    }

private slots:
    void initTestCase() {
        QVERIFY(m_home.isValid());
        QVERIFY(m_dir.isValid());
        qputenv("XDG_DATA_HOME", m_home.filePath(QStringLiteral("data")).toUtf8());
        qputenv("XDG_CONFIG_HOME", m_home.filePath(QStringLiteral("config")).toUtf8());
        QCoreApplication::setOrganizationName(QStringLiteral("nnplay"));
        QCoreApplication::setApplicationName(QStringLiteral("nnplay"));
        QSettings::setDefaultFormat(QSettings::IniFormat);
        QSettings::setPath(QSettings::IniFormat, QSettings::UserScope,
                           m_home.filePath(QStringLiteral("config")));
        QVERIFY(AutosaveKeeper::folder().startsWith(m_home.path()));
    }

    void init() {
        m_questions.clear();
        m_answer = QMessageBox::Discard;
        m_window = makeWindow();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
        QVERIFY(waitSnapshot([](const TrainingSnapshot& s) { return s.valid; },
                             "the first session is built"));
    }

    void cleanup() {
        m_window.reset();
        QDir(AutosaveKeeper::folder()).removeRecursively();
    }

    void anEditIsKeptAfterTheInterval() {
        AutosaveKeeper* keeper = m_window->autosave();
        QCOMPARE(keeper->intervalSeconds(), AutosaveKeeper::kDefaultIntervalSeconds);
        keeper->setIntervalSeconds(1);
        editLearningRate(0.125f);
        QVERIFY(waitUntil([&] { return QFile::exists(keeper->recoveryPath()); },
                          "the edit is kept in the recovery copy"));
        const Project kept = nnplay::ProjectFile::load(keeper->recoveryPath().toStdString());
        QCOMPARE(kept.training.optimizer.learningRate, 0.125f);
        QCOMPARE(copies().size(), 1);
        // Saved work needs no copy.
        QVERIFY(m_window->files()->saveFile(path(QStringLiteral("edited.nnplay"))));
        QVERIFY(!QFile::exists(keeper->recoveryPath()));
        QVERIFY(copies().isEmpty());
    }

    void unchangedWorkIsNotKept() {
        AutosaveKeeper* keeper = m_window->autosave();
        QVERIFY(keeper->saveNow());
        QVERIFY(copies().isEmpty());
        // A project opened from its file is in that file already.
        const QString file = path(QStringLiteral("opened.nnplay"));
        nnplay::ProjectFile::save(file.toStdString(), xorProject());
        QVERIFY(m_window->files()->openFile(file));
        QVERIFY(keeper->saveNow());
        QVERIFY(copies().isEmpty());
    }

    void pausingKeepsTheTrainedWeights() {
        Project project = Project::defaultProject();
        project.training.epochs = 1000000;  // still running when the test pauses it
        m_window->files()->openProject(project);
        QVERIFY(waitSnapshot([](const TrainingSnapshot& s) { return s.valid; },
                             "the session is built"));
        m_window->training()->send(&TrainingWorker::play);
        QVERIFY(waitSnapshot([](const TrainingSnapshot& s) { return s.running && s.epoch >= 2; },
                             "training runs"));
        m_window->training()->send(&TrainingWorker::pause);
        QVERIFY(waitSnapshot([](const TrainingSnapshot& s) { return !s.running; },
                             "training is paused"));
        const QString copy = m_window->autosave()->recoveryPath();
        QVERIFY(waitUntil([&] { return QFile::exists(copy); }, "the pause wrote a copy"));
        const Project kept = nnplay::ProjectFile::load(copy.toStdString());
        QVERIFY(kept.network().hasParams());
        QCOMPARE(static_cast<int>(kept.history.size()), m_window->training()->lastSnapshot().epoch);
    }

    void closingInOrderRemovesTheCopy() {
        editLearningRate(0.25f);
        QVERIFY(m_window->autosave()->saveNow());
        QCOMPARE(copies().size(), 1);
        m_answer = QMessageBox::Discard;  // "discard changes"
        QVERIFY(m_window->close());
        QCOMPARE(m_questions, QStringList{QStringLiteral("Unsaved changes")});
        QVERIFY(copies().isEmpty());
        m_window.reset();
        QCOMPARE(QDir(AutosaveKeeper::folder()).entryList(QDir::Files | QDir::Hidden),
                 QStringList());
    }

    void anOpenWindowsCopyIsLeftAlone() {
        editLearningRate(0.5f);
        QVERIFY(m_window->autosave()->saveNow());
        const std::unique_ptr<MainWindow> other = makeWindow();
        QVERIFY(!other->autosave()->offerRecovery());
        QVERIFY(m_questions.isEmpty());
        QCOMPARE(copies().size(), 1);
        QVERIFY(QFile::exists(m_window->autosave()->recoveryPath()));
    }

    void aCopyWithoutItsWindowIsOffered_data() {
        QTest::addColumn<bool>("restore");
        QTest::newRow("restore") << true;
        QTest::newRow("discard") << false;
    }

    void aCopyWithoutItsWindowIsOffered() {
        QFETCH(bool, restore);
        // What a window that crashed leaves: the copy and the path of its project.
        const QString folder = AutosaveKeeper::folder();
        const QString origin = path(QStringLiteral("lesson.nnplay"));
        nnplay::ProjectFile::save(QDir(folder).filePath("crashed.nnplay").toStdString(),
                                  xorProject());
        QVERIFY(writeBytes(QDir(folder).filePath("crashed.origin"), origin.toUtf8()));
        QFile::remove(origin);

        m_answer = restore ? QMessageBox::Yes : QMessageBox::Discard;
        QCOMPARE(m_window->autosave()->offerRecovery(), restore);
        QCOMPARE(m_questions, QStringList{QStringLiteral("Restore unsaved work?")});
        QVERIFY(!copies().contains(QStringLiteral("crashed.nnplay")));
        QVERIFY(!QFile::exists(QDir(folder).filePath("crashed.origin")));
        nnplay::ui::ProjectDocument* doc = m_window->document();
        if (!restore) {
            QVERIFY(doc->project() == Project::defaultProject());
            QVERIFY(!doc->isModified());
            QVERIFY(copies().isEmpty());
            return;
        }
        QCOMPARE(doc->project().data.source, std::string("xor"));
        QVERIFY(doc->isModified());
        QCOMPARE(doc->filePath(), origin);
        QCOMPARE(m_window->windowTitle(), QStringLiteral("lesson.nnplay[*] — nnplay"));
        QVERIFY(m_window->isWindowModified());
        // Kept again as this window's copy until it is saved, and Save goes back to the file.
        QCOMPARE(copies(), QStringList{QFileInfo(m_window->autosave()->recoveryPath()).fileName()});
        QVERIFY(m_window->files()->save());
        QCOMPARE(nnplay::ProjectFile::load(origin.toStdString()).data.source, std::string("xor"));
        QVERIFY(!doc->isModified());
        QVERIFY(copies().isEmpty());
    }

    void aKilledApplicationIsRecovered() {
        Project project = Project::defaultProject();
        project.data.samples = 100;
        const QString file = path(QStringLiteral("killed.nnplay"));
        nnplay::ProjectFile::save(file.toStdString(), project);

        QProcess app;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        env.insert(QStringLiteral("XDG_DATA_HOME"), qEnvironmentVariable("XDG_DATA_HOME"));
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), qEnvironmentVariable("XDG_CONFIG_HOME"));
        env.insert(QStringLiteral("NNPLAY_AUTOSAVE_SECONDS"), QStringLiteral("1"));
        app.setProcessEnvironment(env);
        app.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        app.start(QStringLiteral(NNPLAY_APP_PATH), {file, "--train", "--epochs", "5"});
        QVERIFY(app.waitForStarted(kWaitMs));
        // This process's own window keeps no copy (nothing changed), so the one that comes is
        // the other nnplay's, once it holds all five epochs.
        Project kept;
        QVERIFY(waitUntil(
            [&] {
                const QStringList found = copies();
                if (found.size() != 1) return false;
                try {
                    kept = nnplay::ProjectFile::load(
                        QDir(AutosaveKeeper::folder()).filePath(found.first()).toStdString());
                } catch (const std::exception&) {
                    return false;
                }
                return kept.history.size() == 5;
            },
            "the other nnplay keeps five trained epochs"));
        app.kill();  // SIGKILL: no handler runs, nothing is cleaned up
        QVERIFY(app.waitForFinished(kWaitMs));
        QCOMPARE(app.exitStatus(), QProcess::CrashExit);

        const QStringList left = copies();
        QCOMPARE(left.size(), 1);
        const QString copy = QDir(AutosaveKeeper::folder()).filePath(left.first());
        const Project loaded = nnplay::ProjectFile::load(copy.toStdString());
        QVERIFY(loaded.network().hasParams());
        QCOMPARE(loaded.history.size(), std::size_t{5});
        const QString id = QFileInfo(copy).completeBaseName();
        QCOMPARE(QString::fromUtf8(readBytes(QDir(AutosaveKeeper::folder()).filePath(id + ".origin"))),
                 QFileInfo(file).absoluteFilePath());
        QVERIFY(QFile::exists(QDir(AutosaveKeeper::folder()).filePath(id + ".lock")));

        // The next start offers it, and Restore brings back the trained network.
        m_answer = QMessageBox::Yes;
        QVERIFY(m_window->autosave()->offerRecovery());
        QCOMPARE(m_questions, QStringList{QStringLiteral("Restore unsaved work?")});
        nnplay::ui::ProjectDocument* doc = m_window->document();
        QCOMPARE(doc->filePath(), QFileInfo(file).absoluteFilePath());
        QVERIFY(doc->isModified());
        QCOMPARE(doc->project().history.size(), std::size_t{5});
        QVERIFY(waitSnapshot([](const TrainingSnapshot& s) { return s.valid && s.epoch == 5; },
                             "training goes on from the restored epoch 5"));
        // The dead window's files are gone; this window keeps the work as its own.
        QVERIFY(!QFile::exists(copy));
        QVERIFY(!QFile::exists(QDir(AutosaveKeeper::folder()).filePath(id + ".lock")));
        QCOMPARE(copies(), QStringList{QFileInfo(m_window->autosave()->recoveryPath()).fileName()});
    }
};

QTEST_MAIN(TestRecovery)
#include "test_recovery.moc"
