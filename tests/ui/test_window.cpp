// SPDX-License-Identifier: GPL-3.0-or-later
// The main window: opening and saving files (errors, atomic writes, unsaved changes), the
// training toolbar and how document edits reach the worker. Message boxes go through the
// window's message hook, which records them instead of blocking.
#include <sys/resource.h>

#include <QAction>
#include <QComboBox>
#include <QDir>
#include <QDoubleSpinBox>
#include <QFile>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSlider>
#include <QSpinBox>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <csignal>
#include <memory>

#include "Project.h"
#include "data/ResourcePath.h"
#include "document/DocumentEdits.h"
#include "document/ProjectDocument.h"
#include "editor/NetworkScene.h"
#include "editor/NetworkView.h"
#include "editor/NeuronItem.h"
#include "io/ProjectFile.h"
#include "panels/DataPanel.h"
#include "panels/TrainingPanel.h"
#include "plots/DecisionBoundaryView.h"
#include "plots/LossCurveView.h"
#include "plots/SampleGridView.h"
#include "train/SnapshotRequest.h"
#include "train/TrainingController.h"
#include "window/MainWindow.h"
#include "window/ProjectFiles.h"
#include "window/TrainingToolBar.h"
#include "window/TrainingViews.h"
#include "FileBytes.h"
#include "Wait.h"

using nnplay::Project;
using nnplay::ui::MainWindow;
using nnplay::ui::TrainingSnapshot;
using nnplay::ui::TrainingWorker;

using nnplay::test::kWaitMs;
using nnplay::test::readBytes;
using nnplay::test::writeBytes;
using nnplay::test::waitUntil;

namespace {

struct Message {
    QMessageBox::Icon icon;
    QString title;
    QString text;
};

/// A project unlike the default one, so opening it visibly changes the document.
Project xorProject() {
    Project p = Project::defaultProject();
    p.data.source = "xor";
    p.data.noise = 0.05;
    p.data.seed = 7;
    p.data.features = {"x1", "x2", "x1*x2"};
    p.training.optimizer.learningRate = 0.003f;
    p.training.epochs = 50;
    return p;
}

/// The default project with more epochs than any test waits for, so that training is still
/// running when a test looks (a Release build finishes 200 epochs in a few milliseconds).
Project longProject() {
    Project p = Project::defaultProject();
    p.training.epochs = 1000000;
    return p;
}

}  // namespace

class TestWindow : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_settingsDir;
    QTemporaryDir m_dir;
    std::unique_ptr<MainWindow> m_window;
    std::vector<Message> m_messages;
    QMessageBox::StandardButton m_answer = QMessageBox::Discard;

    QString path(const QString& name) const { return m_dir.filePath(name); }

    /// Waits until the worker reports the current session, paused, and `accept` holds.
    template <typename Accept>
    bool waitSnapshot(Accept accept) {
        auto* c = m_window->training();
        return waitUntil(
            [&] {
                const TrainingSnapshot& s = c->lastSnapshot();
                return s.generation == c->generation() && !s.running && accept(s);
            },
            "the current session is paused with the snapshot expected");
    }

private slots:
    void initTestCase() {
        QVERIFY(m_settingsDir.isValid());
        QVERIFY(m_dir.isValid());
        QSettings::setDefaultFormat(QSettings::IniFormat);
        QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_settingsDir.path());
        QStandardPaths::setTestModeEnabled(true);  // recovery copies stay out of the home folder
    }

    void init() {
        m_messages.clear();
        m_answer = QMessageBox::Discard;
        m_window = std::make_unique<MainWindow>();
        m_window->files()->setMessageHook([this](QMessageBox::Icon icon, const QString& title,
                                                 const QString& text,
                                                 QMessageBox::StandardButtons) {
            m_messages.push_back({icon, title, text});
            return m_answer;
        });
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
        QVERIFY(waitSnapshot([](const TrainingSnapshot& s) { return s.valid; }));
    }

    void cleanup() { m_window.reset(); }

    void startsWithTheDefaultProject() {
        QCOMPARE(m_window->document()->project(), Project::defaultProject());
        QVERIFY(m_window->windowTitle().contains(QStringLiteral("Untitled")));
        QVERIFY(m_window->trainingToolBar()->playAction()->isEnabled());
        // The circle's boundary reached the view.
        QCOMPARE(m_window->training()->lastSnapshot().gridSize,
                 nnplay::ui::SnapshotRequest{}.gridSize);
    }

    void opensAProjectFile() {
        const QString file = path(QStringLiteral("xor.nnplay"));
        nnplay::ProjectFile::save(file.toStdString(), xorProject());
        QVERIFY(m_window->files()->openFile(file));
        QVERIFY(m_messages.empty());
        QCOMPARE(m_window->document()->project(), xorProject());
        QCOMPARE(m_window->document()->filePath(), QFileInfo(file).absoluteFilePath());
        QVERIFY(!m_window->document()->isModified());
        QVERIFY(m_window->windowTitle().contains(QStringLiteral("xor.nnplay")));
        QCOMPARE(m_window->files()->recentFiles().value(0), QFileInfo(file).absoluteFilePath());
        // The worker trains the opened project: three derived inputs.
        QVERIFY(waitSnapshot([](const TrainingSnapshot& s) {
            return s.valid && s.data && s.data->info.featureNames.size() == 3;
        }));
        QSettings settings;
        QCOMPARE(settings.value(QStringLiteral("RecentFilesMenu/files")).toStringList().value(0),
                 QFileInfo(file).absoluteFilePath());
    }

    void invalidFileLeavesTheDocumentUntouched_data() {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QString>("expected");
        QTest::newRow("syntax") << QByteArray("{\"format\": \"nnplay-project\", \"version\": 1,")
                                << QStringLiteral("JSON");
        QTest::newRow("newer") << QByteArray(
                                      "{\"format\": \"nnplay-project\", \"version\": 99, "
                                      "\"network\": {\"layers\": []}}")
                               << QStringLiteral("99");
        QTest::newRow("not a project") << QByteArray("{\"hello\": 1}") << QStringLiteral("nnplay");
        QTest::newRow("missing") << QByteArray() << QStringLiteral("missing.nnplay");
    }

    void invalidFileLeavesTheDocumentUntouched() {
        QFETCH(QByteArray, content);
        QFETCH(QString, expected);
        // An unsaved edit first: it must survive the failed open.
        nnplay::TrainingSpec training = m_window->document()->project().training;
        training.optimizer.learningRate = 0.1f;
        QVERIFY(nnplay::ui::editTraining(*m_window->document(), training, QStringLiteral("lr")));
        const Project before = m_window->document()->project();
        const int undoCount = m_window->document()->undoStack()->count();
        const int generation = m_window->training()->generation();

        const QString file = content.isEmpty() ? path(QStringLiteral("missing.nnplay"))
                                               : path(QStringLiteral("bad.nnplay"));
        if (!content.isEmpty()) QVERIFY(writeBytes(file, content));
        QVERIFY(!m_window->files()->openFile(file));

        QCOMPARE(int(m_messages.size()), 1);
        QCOMPARE(m_messages[0].icon, QMessageBox::Warning);
        QVERIFY2(m_messages[0].text.contains(expected), qPrintable(m_messages[0].text));
        QCOMPARE(m_window->document()->project(), before);
        QVERIFY(m_window->document()->filePath().isEmpty());
        QVERIFY(m_window->document()->isModified());
        QCOMPARE(m_window->document()->undoStack()->count(), undoCount);
        QCOMPARE(m_window->training()->generation(), generation);  // no new session
    }

    void saveWritesTheTrainedWeights() {
        auto* c = m_window->training();
        c->send(&TrainingWorker::stepEpoch);
        c->send(&TrainingWorker::stepEpoch);
        c->send(&TrainingWorker::stepEpoch);
        QVERIFY(waitSnapshot([](const TrainingSnapshot& s) { return s.epoch == 3; }));
        const QString file = path(QStringLiteral("trained.nnplay"));
        QVERIFY(m_window->files()->saveFile(file));
        QVERIFY(m_messages.empty());
        QVERIFY(!m_window->document()->isModified());
        QCOMPARE(m_window->document()->filePath(), QFileInfo(file).absoluteFilePath());

        const Project saved = nnplay::ProjectFile::load(file.toStdString());
        QVERIFY(saved.network().hasParams());
        QCOMPARE(int(saved.history.size()), 3);
        // Nothing but the project was left in the folder (the temporary file was renamed).
        QCOMPARE(QDir(m_dir.path())
                     .entryList(QDir::Files | QDir::Hidden)
                     .filter(QStringLiteral("trained")),
                 QStringList{QStringLiteral("trained.nnplay")});

        // Opening it continues from the stored weights and history.
        QVERIFY(m_window->files()->openFile(file));
        QVERIFY(waitSnapshot([](const TrainingSnapshot& s) { return s.valid; }));
        QCOMPARE(m_window->training()->lastSnapshot().epoch, 3);
    }

    void saveWhileTrainingTakesTheCurrentWeights() {
        m_window->files()->openProject(longProject());
        QVERIFY(waitSnapshot([](const TrainingSnapshot& s) { return s.valid; }));
        auto* c = m_window->training();
        c->send(&TrainingWorker::play);
        QTRY_VERIFY_WITH_TIMEOUT(c->lastSnapshot().running && c->lastSnapshot().epoch >= 2,
                                 kWaitMs);
        const QString file = path(QStringLiteral("running.nnplay"));
        QVERIFY(m_window->files()->saveFile(file));
        const Project saved = nnplay::ProjectFile::load(file.toStdString());
        QVERIFY(saved.network().hasParams());
        QVERIFY(int(saved.history.size()) >= 2);
        c->send(&TrainingWorker::pause);
        QVERIFY(waitSnapshot([](const TrainingSnapshot&) { return true; }));
    }

    void failedSaveKeepsTheOldFile() {
        const QString file = path(QStringLiteral("keep.nnplay"));
        QVERIFY(m_window->files()->saveFile(file));
        const QByteArray original = readBytes(file);
        QVERIFY(original.size() > 100);

        // Edit, then save while the system refuses to write more than a few bytes per file
        // (as a full disk would): the write fails in the middle.
        nnplay::TrainingSpec training = m_window->document()->project().training;
        training.epochs = 77;
        QVERIFY(nnplay::ui::editTraining(*m_window->document(), training, QStringLiteral("e")));
        rlimit old{};
        QCOMPARE(getrlimit(RLIMIT_FSIZE, &old), 0);
        const auto previousHandler = std::signal(SIGXFSZ, SIG_IGN);
        rlimit tiny = old;
        tiny.rlim_cur = 16;
        QCOMPARE(setrlimit(RLIMIT_FSIZE, &tiny), 0);
        const bool saved = m_window->files()->saveFile(file);
        setrlimit(RLIMIT_FSIZE, &old);
        std::signal(SIGXFSZ, previousHandler);

        QVERIFY(!saved);
        QCOMPARE(int(m_messages.size()), 1);
        QVERIFY2(m_messages[0].text.contains(QStringLiteral("keep.nnplay")),
                 qPrintable(m_messages[0].text));
        QCOMPARE(readBytes(file), original);  // whole and unchanged
        QVERIFY(m_window->document()->isModified());
        QCOMPARE(
            QDir(m_dir.path()).entryList(QDir::Files | QDir::Hidden).filter(QStringLiteral("keep")),
            QStringList{QStringLiteral("keep.nnplay")});

        // Into a folder that does not exist: the same, and no file appears.
        const QString nowhere = path(QStringLiteral("no/such/folder/x.nnplay"));
        QVERIFY(!m_window->files()->saveFile(nowhere));
        QCOMPARE(int(m_messages.size()), 2);
        QVERIFY(!QFile::exists(nowhere));
    }

    void unsavedChangesAreAskedAbout() {
        QVERIFY(m_window->files()->maybeSave());  // nothing to lose yet
        QVERIFY(m_messages.empty());
        nnplay::TrainingSpec training = m_window->document()->project().training;
        training.l2 = 0.01f;
        QVERIFY(nnplay::ui::editTraining(*m_window->document(), training, QStringLiteral("l2")));
        QVERIFY(m_window->isWindowModified());

        m_answer = QMessageBox::Cancel;
        QVERIFY(!m_window->files()->maybeSave());
        QVERIFY(!m_window->close());  // the close was refused
        QVERIFY(m_window->isVisible());
        QCOMPARE(int(m_messages.size()), 2);

        m_answer = QMessageBox::Discard;
        QVERIFY(m_window->close());
    }

    void undoComesFromTheDocument() {
        const Project before = m_window->document()->project();
        nnplay::TrainingSpec training = before.training;
        training.batchSize = 25;
        QVERIFY(nnplay::ui::editTraining(*m_window->document(), training, QStringLiteral("b")));
        QAction* undo = nullptr;
        for (QAction* a : m_window->findChildren<QAction*>()) {
            if (a->shortcut() == QKeySequence(QKeySequence::Undo)) undo = a;
        }
        QVERIFY(undo);
        QVERIFY(undo->isEnabled());
        undo->trigger();
        QCOMPARE(m_window->document()->project(), before);
    }

    void ctrlYAndCtrlShiftZRedo() {
        auto* doc = m_window->document();
        QVERIFY(nnplay::ui::insertLayer(*doc, 0, "dense") >= 0);
        const int count = doc->undoStack()->count();
        QVERIFY(count > 0);
        for (auto redo : {QKeyCombination(Qt::ControlModifier, Qt::Key_Y),
                          QKeyCombination(Qt::ControlModifier | Qt::ShiftModifier, Qt::Key_Z)}) {
            QTest::keyClick(m_window.get(), Qt::Key_Z, Qt::ControlModifier);
            QCOMPARE(doc->undoStack()->index(), count - 1);
            QTest::keyClick(m_window.get(), redo.key(), redo.keyboardModifiers());
            QCOMPARE(doc->undoStack()->index(), count);
        }
    }

    void epochCounterShowsEveryDigit() {
        auto* bar = m_window->findChild<nnplay::ui::TrainingToolBar*>();
        QVERIFY(bar);
        QLabel* label = bar->epochLabel();
        bar->setProgress(1130650, 1130650LL * 25 + 12, 25);
        QCOMPARE(label->text(), QStringLiteral("Epoch 1,130,650 + 12/25"));
        QVERIFY(label->width() >= label->fontMetrics().horizontalAdvance(label->text()));
        bar->setProgress(42, 42, 1);
        QCOMPARE(label->text(), QStringLiteral("Epoch 000,042"));
    }

    void structuralEditResetsTheWeights() {
        auto* c = m_window->training();
        c->send(&TrainingWorker::stepEpoch);
        QVERIFY(waitSnapshot([](const TrainingSnapshot& s) { return s.epoch == 1; }));
        const int generation = c->generation();
        QVERIFY(nnplay::ui::insertLayer(*m_window->document(), 0, "dense") >= 0);
        QVERIFY(waitSnapshot(
            [&](const TrainingSnapshot& s) { return s.generation > generation && s.valid; }));
        QCOMPARE(c->lastSnapshot().epoch, 0);
        QVERIFY2(m_window->statusBar()->currentMessage().contains(QStringLiteral("start fresh")),
                 qPrintable(m_window->statusBar()->currentMessage()));
    }

    void learningRateChangeKeepsTheWeights() {
        auto* c = m_window->training();
        c->send(&TrainingWorker::stepEpoch);
        QVERIFY(waitSnapshot([](const TrainingSnapshot& s) { return s.epoch == 1; }));
        const int generation = c->generation();
        nnplay::TrainingSpec training = m_window->document()->project().training;
        training.optimizer.learningRate = 0.001f;
        QVERIFY(nnplay::ui::editTraining(*m_window->document(), training, QStringLiteral("lr")));
        c->send(&TrainingWorker::stepEpoch);
        QVERIFY(waitSnapshot([](const TrainingSnapshot& s) { return s.epoch == 2; }));
        QCOMPARE(c->generation(), generation);
    }

    void playNeedsAValidNetwork() {
        QAction* play = m_window->trainingToolBar()->playAction();
        QVERIFY(play->isEnabled());
        // Three outputs cannot answer a two-class question with a sigmoid.
        const auto& layers = m_window->document()->project().network().layers;
        const int lastDense = layers[layers.size() - 2].id;
        QVERIFY(nnplay::ui::setLayerSetting(*m_window->document(), lastDense, "units", 3));
        QTRY_VERIFY_WITH_TIMEOUT(!play->isEnabled(), kWaitMs);
        QVERIFY(!m_window->scene()->networkValid());
        m_window->document()->undoStack()->undo();
        QTRY_VERIFY_WITH_TIMEOUT(play->isEnabled(), kWaitMs);
    }

    void spaceTogglesPlay() {
        m_window->files()->openProject(longProject());
        QVERIFY(waitSnapshot([](const TrainingSnapshot& s) { return s.valid; }));
        m_window->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
        auto* c = m_window->training();
        QTest::keyClick(m_window.get(), Qt::Key_Space);
        QTRY_VERIFY_WITH_TIMEOUT(c->lastSnapshot().running, kWaitMs);
        QTest::keyClick(m_window.get(), Qt::Key_Space);
        QVERIFY(waitSnapshot([](const TrainingSnapshot&) { return true; }));
        QVERIFY(m_window->trainingToolBar()->playAction()->text().contains(QStringLiteral("Play")));
    }

    void shiftStepTrainsOneBatch() {
        m_window->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
        QTest::keyClick(m_window.get(), Qt::Key_Right, Qt::ControlModifier | Qt::ShiftModifier);
        QVERIFY(waitSnapshot([](const TrainingSnapshot& s) { return s.batches == 1; }));
        QTest::keyClick(m_window.get(), Qt::Key_Right, Qt::ControlModifier);
        QVERIFY(waitSnapshot([](const TrainingSnapshot& s) { return s.epoch == 1; }));
        QVERIFY(m_window->trainingToolBar()->epochLabel()->text().contains(QStringLiteral("001")));
    }

    void viewsFollowTheSnapshots() {
        auto* c = m_window->training();
        c->send(&TrainingWorker::trainEpochs, 5);
        QVERIFY(waitSnapshot([](const TrainingSnapshot& s) { return s.epoch == 5; }));
        QTRY_VERIFY(!m_window->views()->lossView()->valuesText(5).isEmpty());
        QVERIFY(m_window->views()->lossView()->valuesText(5).contains(QStringLiteral("Test loss")));
        // The boundary heatmap holds probabilities.
        const double v = m_window->views()->boundaryView()->cellValue(0, 0);
        QVERIFY(v >= 0.0 && v <= 1.0);
    }

    void hoveringANeuronShowsItOverThePlane() {
        const TrainingSnapshot& s = m_window->training()->lastSnapshot();
        // Layer 1 is the tanh after the first dense layer: its units have thumbnails.
        QVERIFY(s.thumbnails.size() > 1 && !s.thumbnails[1].empty());
        auto* boundary = m_window->views()->boundaryView();
        const double output = boundary->cellValue(0, 0);
        const int n = s.thumbnailSize;
        const double first = s.thumbnails[1][2][0];
        const double last = s.thumbnails[1][2][std::size_t(n * n - 1)];
        QVERIFY(first != output);
        // The mouse moves onto the third neuron of the first dense layer, as a learner's does.
        nnplay::ui::NeuronItem* neuron = m_window->scene()->neuronItem(0, 2);
        QVERIFY(neuron);
        QCOMPARE(neuron->layerIndex(), 1);
        QWidget* viewport = m_window->networkView()->viewport();
        const QPoint onNeuron =
            m_window->networkView()->mapFromScene(neuron->sceneBoundingRect().center());
        QVERIFY(viewport->rect().contains(onNeuron));
        QTest::mouseMove(viewport, onNeuron);
        QVERIFY(waitUntil([&] { return boundary->cellValue(0, 0) == first; },
                          "the boundary view shows the hovered neuron"));
        QCOMPARE(boundary->cellValue(n - 1, n - 1), last);
        // Moving off it brings the network's output back.
        QTest::mouseMove(viewport, QPoint(2, 2));
        QVERIFY(waitUntil([&] { return boundary->cellValue(0, 0) == output; },
                          "the boundary view shows the output again"));
    }

    void trainingPanelEditsTheDocument() {
        auto* panel = m_window->trainingPanel();
        auto* doc = m_window->document();
        const int before = doc->undoStack()->count();
        panel->batchSizeBox()->setValue(20);
        panel->batchSizeBox()->setValue(25);  // merges with the previous step
        QCOMPARE(doc->project().training.batchSize, 25);
        QCOMPARE(doc->undoStack()->count(), before + 1);
        panel->learningRateBox()->setCurrentIndex(panel->learningRateBox()->findText("0.3"));
        emit panel->learningRateBox()->activated(panel->learningRateBox()->currentIndex());
        QCOMPARE(doc->project().training.optimizer.learningRate, 0.3f);
        // The panel follows undo.
        doc->undoStack()->undo();
        QCOMPARE(panel->learningRateBox()->currentText(), QStringLiteral("0.03"));
        doc->undoStack()->undo();
        QCOMPARE(panel->batchSizeBox()->value(), 10);
        // Every control explains itself.
        for (QWidget* w : panel->findChildren<QWidget*>()) {
            if (qobject_cast<QAbstractSpinBox*>(w) || qobject_cast<QComboBox*>(w)) {
                QVERIFY2(!w->toolTip().isEmpty(), qPrintable(w->objectName()));
            }
        }
    }

    void dataPanelSwitchesTheSource() {
        auto* panel = m_window->dataPanel();
        auto* doc = m_window->document();
        QListWidget* list = panel->sourceList();
        QListWidgetItem* spiral = nullptr;
        for (int i = 0; i < list->count(); ++i) {
            if (list->item(i)->data(Qt::UserRole).toString() == QStringLiteral("spiral")) {
                spiral = list->item(i);
            }
        }
        QVERIFY(spiral);
        QTest::mouseClick(list->viewport(), Qt::LeftButton, {},
                          list->visualItemRect(spiral).center());
        QCOMPARE(doc->project().data.source, std::string("spiral"));
        QVERIFY(waitSnapshot([](const TrainingSnapshot& s) {
            return s.valid && s.data && s.data->trainPoints.cols() > 0;
        }));
        // Noise and regenerate: each one undo step, each a new session.
        const int generation = m_window->training()->generation();
        panel->noiseSlider()->setValue(30);
        QCOMPARE(doc->project().data.noise, 0.3);
        QTest::mouseClick(panel->regenerateButton(), Qt::LeftButton);
        QCOMPARE(doc->project().data.seed, 2u);
        QVERIFY(waitSnapshot(
            [&](const TrainingSnapshot& s) { return s.generation > generation && s.valid; }));
        QVERIFY(!panel->noiseSlider()->toolTip().isEmpty());
    }

    void validationShareFeedsEarlyStoppingAndTheLossCurve() {
        auto* doc = m_window->document();
        QSpinBox* patience = m_window->trainingPanel()->patienceBox();
        // Without a validation part the tooltip warns that the test set picks the epoch.
        QVERIFY(patience->toolTip().contains(QStringLiteral("test loss")));
        QVERIFY(!m_window->views()->lossView()->valuesText(1).contains(QStringLiteral("Validation")));
        QSpinBox* validation = m_window->dataPanel()->validationBox();
        const int undoCount = doc->undoStack()->count();
        validation->setValue(30);
        QCOMPARE(doc->project().data.validationFraction, 0.3);
        QCOMPARE(doc->undoStack()->count(), undoCount + 1);
        QVERIFY(patience->toolTip().contains(QStringLiteral("validation loss")));
        const int generation = m_window->training()->generation();
        QVERIFY(waitSnapshot([&](const TrainingSnapshot& s) {
            return s.generation > generation && s.valid;
        }));
        m_window->training()->send(&TrainingWorker::stepEpoch);
        QVERIFY(waitSnapshot([](const TrainingSnapshot& s) { return s.epoch == 1; }));
        QTRY_VERIFY(m_window->views()->lossView()->valuesText(1).contains(QStringLiteral("Validation loss")));
        doc->undoStack()->undo();
        QCOMPARE(doc->project().data.validationFraction, 0.0);
        QCOMPARE(validation->value(), 0);
    }

    void earlyStoppingMarksTheBestEpochAndTheGapIsANumber() {
        // The overfitting lesson's early-stopping variant: validation part, patience 10.
        Project project = nnplay::ProjectFile::load(
            nnplay::resourcePath("lessons") + "/08-overfitting.nnplay");
        project.lesson = {};
        project.data.validationFraction = 0.2;
        project.training.patience = 10;
        m_window->files()->openProject(project);
        QVERIFY(waitSnapshot([](const TrainingSnapshot& s) { return s.valid; }));
        m_window->training()->send(&TrainingWorker::trainEpochs, 300);
        QVERIFY(waitSnapshot([](const TrainingSnapshot& s) { return s.restoredEpoch > 0; }));
        nnplay::ui::LossCurveView* loss = m_window->views()->lossView();
        const int best = m_window->training()->lastSnapshot().restoredEpoch;
        QTRY_COMPARE(loss->restoredEpochShown(), best);
        QVERIFY(best < m_window->training()->lastSnapshot().epoch);
        QVERIFY2(loss->summaryText().contains(QStringLiteral("gap")), qPrintable(loss->summaryText()));
        // Starting over takes the mark away.
        m_window->trainingToolBar()->resetAction()->trigger();
        QTRY_COMPARE(loss->restoredEpochShown(), 0);
    }

    void csvSamplesShowAsATable() {
        const QString example = QString::fromStdString(nnplay::resourcePath("examples")) +
                                QStringLiteral("/iris-csv.nnplay");
        QVERIFY(m_window->files()->openFile(example));
        QVERIFY(waitSnapshot([](const TrainingSnapshot& s) { return s.valid; }));
        m_window->training()->send(&TrainingWorker::stepEpoch);
        QVERIFY(waitSnapshot([](const TrainingSnapshot& s) { return s.epoch == 1; }));
        auto* samples = m_window->views()->samplesView();
        QTRY_VERIFY(samples->table()->rowCount() > 0);
        QVERIFY(!samples->showsImages());
        QTableWidget* table = samples->table();
        const int predicted = table->columnCount() - 2;
        QCOMPARE(table->horizontalHeaderItem(predicted)->text(), QStringLiteral("Predicted"));
        QVERIFY(!table->item(0, predicted)->text().isEmpty());
        // The document keeps the CSV path absolute; the file keeps it relative.
        QVERIFY(QFileInfo(QString::fromStdString(m_window->document()->project().data.path))
                    .isAbsolute());
        const QString copy = path(QStringLiteral("iris-copy.nnplay"));
        QVERIFY(m_window->files()->saveFile(copy));
        const Project saved = nnplay::ProjectFile::load(copy.toStdString());
        QVERIFY(QFileInfo(QString::fromStdString(saved.data.path)).isRelative());
        QVERIFY(QFileInfo(QDir(m_dir.path()).filePath(QString::fromStdString(saved.data.path)))
                    .exists());
        // What the session learned from the data is saved with the weights, so the project
        // predicts without its CSV.
        QVERIFY(saved.network().hasParams());
        QCOMPARE(saved.preprocessing.classNames.size(), std::size_t{3});
        QCOMPARE(saved.preprocessing.inputColumns.size(), std::size_t{4});
    }

    void closingWhileTrainingIsSafe() {
        m_window->files()->openProject(longProject());
        QVERIFY(waitSnapshot([](const TrainingSnapshot& s) { return s.valid; }));
        m_window->training()->send(&TrainingWorker::play);
        QTRY_VERIFY_WITH_TIMEOUT(m_window->training()->lastSnapshot().running, kWaitMs);
        QVERIFY(m_window->close());
        m_window.reset();  // stops the worker thread; must not hang or crash
    }
};

QTEST_MAIN(TestWindow)
#include "test_window.moc"
