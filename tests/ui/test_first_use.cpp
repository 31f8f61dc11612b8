// SPDX-License-Identifier: GPL-3.0-or-later
// What a first-time user meets in the window while training: the fields show the settings in
// use and refuse what they cannot take, the keys do what the README says, messages say what
// happened and go once they are stale, an output that does not fit the data is fixed in one
// click, and divergence stays in sight until training goes on.
#include <QAbstractSpinBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFile>
#include <QFileInfo>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSlider>
#include <QSpinBox>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>
#include <memory>

#include "Project.h"
#include "Wait.h"
#include "data/ResourcePath.h"
#include "document/DocumentEdits.h"
#include "document/ProjectDocument.h"
#include "editor/NetworkScene.h"
#include "editor/OutputFixBar.h"
#include "panels/DataPanel.h"
#include "panels/TrainingPanel.h"
#include "plots/ConfusionMatrixView.h"
#include "plots/LossCurveView.h"
#include "train/TrainingController.h"
#include "window/MainWindow.h"
#include "window/ProjectFiles.h"
#include "window/ScriptedRun.h"
#include "window/TrainingToolBar.h"
#include "window/TrainingViews.h"

using nnplay::Project;
using nnplay::test::kWaitMs;
using nnplay::test::waitUntil;
using nnplay::ui::MainWindow;
using nnplay::ui::TrainingSnapshot;
using nnplay::ui::TrainingWorker;

namespace {

/// Diverges within a few batches: a linear output trained by plain SGD at a rate of a million.
Project divergingProject() {
    Project p = Project::defaultProject();
    p.network() = nnplay::NetworkSpec::multilayer({8, 1}, "relu", "");
    p.training.loss = nnplay::LossKind::Mse;
    p.training.optimizer.kind = "sgd";
    p.training.optimizer.learningRate = 1e6f;
    p.training.epochs = 100000;
    return p;
}

}  // namespace

class TestFirstUse : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_settingsDir;
    std::unique_ptr<MainWindow> m_window;

    nnplay::ui::ProjectDocument* doc() const { return m_window->document(); }
    nnplay::ui::TrainingPanel* panel() const { return m_window->trainingPanel(); }
    QString status() const { return m_window->statusBar()->currentMessage(); }

    template <typename Accept>
    bool waitSnapshot(Accept accept, const char* what = "the snapshot expected") {
        auto* c = m_window->training();
        return waitUntil(
            [&] {
                const TrainingSnapshot& s = c->lastSnapshot();
                return s.generation == c->generation() && accept(s);
            },
            what);
    }

    /// Types `text` into the learning-rate field and presses Return, as a learner does.
    void typeLearningRate(const QString& text) {
        QLineEdit* edit = panel()->learningRateBox()->lineEdit();
        edit->setFocus();
        edit->selectAll();
        QTest::keyClicks(edit, text);
        QTest::keyClick(edit, Qt::Key_Return);
    }

private slots:
    void initTestCase() {
        QVERIFY(m_settingsDir.isValid());
        QSettings::setDefaultFormat(QSettings::IniFormat);
        QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_settingsDir.path());
    }

    void init() {
        m_window = std::make_unique<MainWindow>();
        m_window->files()->setMessageHook(
            [](QMessageBox::Icon, const QString&, const QString&, QMessageBox::StandardButtons) {
                return QMessageBox::Discard;
            });
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
        QVERIFY(waitSnapshot([](const TrainingSnapshot& s) { return s.valid; }));
    }

    void cleanup() { m_window.reset(); }

    void learningRateFieldShowsTheRateInUse() {
        typeLearningRate(QStringLiteral("150"));
        QCOMPARE(doc()->project().training.optimizer.learningRate, 150.0f);
        QCOMPARE(panel()->learningRateBox()->currentText(), QStringLiteral("150"));
        QVERIFY(panel()->learningRateRefusal()->isHidden());
        // Refused visibly: a message says why, the field shows the rate still in use.
        for (const QString& bad : {QStringLiteral("-1"), QStringLiteral("abc"), QStringLiteral("0"),
                                   QStringLiteral("1e40")}) {
            typeLearningRate(bad);
            QCOMPARE(doc()->project().training.optimizer.learningRate, 150.0f);
            QCOMPARE(panel()->learningRateBox()->currentText(), QStringLiteral("150"));
            QVERIFY2(panel()->learningRateRefusal()->isVisible(), qPrintable(bad));
            QVERIFY(panel()->learningRateRefusal()->text().contains(QStringLiteral("150")));
        }
        // Another optimizer keeps the rate, and the field says so.
        QComboBox* optimizer = panel()->optimizerBox();
        optimizer->setCurrentIndex(optimizer->findData(QStringLiteral("sgd")));
        emit optimizer->activated(optimizer->currentIndex());
        QCOMPARE(doc()->project().training.optimizer.kind, std::string("sgd"));
        QCOMPARE(doc()->project().training.optimizer.learningRate, 150.0f);
        QCOMPARE(panel()->learningRateBox()->currentText(), QStringLiteral("150"));
        typeLearningRate(QStringLiteral("0.003"));
        QVERIFY(panel()->learningRateRefusal()->isHidden());
        QCOMPARE(doc()->project().training.optimizer.learningRate, 0.003f);
    }

    void fieldsShowValuesBeyondTheirUsualRange() {
        Project p = Project::defaultProject();
        p.training.l2 = 5.0f;
        p.training.l1 = 0.000002f;
        p.training.batchSize = 10000;
        p.training.optimizer.kind = "sgd";
        p.training.optimizer.momentum = 0.995f;
        p.training.epochs = 0;
        m_window->files()->openProject(p);
        QCOMPARE(panel()->l2Box()->value(), 5.0);
        QCOMPARE(panel()->l1Box()->value(), 0.000002);
        QCOMPARE(panel()->batchSizeBox()->value(), 10000);
        QCOMPARE(panel()->epochsBox()->value(), 0);
        const auto momentum = panel()->findChildren<QDoubleSpinBox*>();
        bool found = false;
        for (QDoubleSpinBox* box : momentum) found = found || std::abs(box->value() - 0.995) < 1e-9;
        QVERIFY2(found, "the momentum box shows 0.995");
        // Nothing was written back by showing it.
        QCOMPARE(doc()->project().training.l2, 5.0f);
        // The data panel's controls too.
        p.data.samples = 50000;
        p.data.trainFraction = 0.95;
        p.data.validationFraction = 0.8;
        m_window->files()->openProject(p);
        QCOMPARE(m_window->dataPanel()->samplesBox()->value(), 50000);
        QCOMPARE(m_window->dataPanel()->trainFractionSlider()->value(), 95);
        QCOMPARE(m_window->dataPanel()->validationBox()->value(), 80);
        QCOMPARE(doc()->project().data.samples, 50000);
        QCOMPARE(doc()->undoStack()->count(), 0);
    }

    // Each source shows the controls that apply to it: the generators their samples and
    // noise, sequences their steps, text and IDX a file button. Clicking IDX asks for the
    // images and finds MNIST's labels and test files beside them.
    void dataSourcesShowWhatApplies() {
        nnplay::ui::DataPanel* panel = m_window->dataPanel();
        m_window->resize(1366, 768);
        auto select = [&](const char* name) {
            QListWidget* list = panel->sourceList();
            for (int i = 0; i < list->count(); ++i) {
                if (list->item(i)->data(Qt::UserRole).toString() == QLatin1String(name)) {
                    list->scrollToItem(list->item(i));
                    QTest::mouseClick(list->viewport(), Qt::LeftButton, {},
                                      list->visualItemRect(list->item(i)).center());
                    return;
                }
            }
            QFAIL(name);
        };
        select("sine");
        QCOMPARE(doc()->project().data.source, std::string("sine"));
        QVERIFY(panel->stepsBox()->isVisible());
        QVERIFY(panel->samplesBox()->isVisible());
        QVERIFY(panel->regenerateButton()->isVisible());
        QVERIFY(!panel->chooseFilesButton()->isVisible());
        panel->stepsBox()->setValue(12);
        QCOMPARE(doc()->project().data.sequenceLength, 12);

        select("text");
        QCOMPARE(doc()->project().data.path, std::string("text/devils-dictionary.txt"));
        QVERIFY(panel->stepsBox()->isVisible());
        QVERIFY(!panel->samplesBox()->isVisible());
        QVERIFY(!panel->regenerateButton()->isVisible());
        QVERIFY(panel->chooseFilesButton()->isVisible());

        select("fashion-mnist");
        QVERIFY(panel->trainLimitBox()->isVisible());
        QVERIFY(!panel->stepsBox()->isVisible());

        QTemporaryDir dir;
        for (const char* name : {"train-images-idx3-ubyte.gz", "train-labels-idx1-ubyte.gz",
                                 "t10k-images-idx3-ubyte.gz", "t10k-labels-idx1-ubyte.gz"}) {
            QFile file(dir.filePath(QLatin1String(name)));
            QVERIFY(file.open(QIODevice::WriteOnly));
        }
        QStringList asked;
        panel->setFileChooser([&](QWidget*, const QString& title, const QString&) {
            asked << title;
            return dir.filePath(QStringLiteral("train-images-idx3-ubyte.gz"));
        });
        select("idx");
        QCOMPARE(asked.size(), 1);  // the labels were found, not asked for
        const nnplay::DataSpec& d = doc()->project().data;
        QCOMPARE(d.source, std::string("idx"));
        QVERIFY(QString::fromStdString(d.labels).endsWith("train-labels-idx1-ubyte.gz"));
        QVERIFY(QString::fromStdString(d.testImages).endsWith("t10k-images-idx3-ubyte.gz"));
        QVERIFY(QString::fromStdString(d.testLabels).endsWith("t10k-labels-idx1-ubyte.gz"));
        QVERIFY(panel->chooseFilesButton()->isVisible());

        // A folder of images: the folder chooser.
        panel->setFileChooser([&](QWidget*, const QString&, const QString& filter) {
            return filter.isEmpty() ? dir.path() : QString();
        });
        select("image_folder");
        QCOMPARE(doc()->project().data.source, std::string("image_folder"));
        QCOMPARE(QString::fromStdString(doc()->project().data.path),
                 QFileInfo(dir.path()).absoluteFilePath());
        QCOMPARE(panel->chooseFilesButton()->text(), QStringLiteral("Choose folder…"));

        // Cancelling the dialog keeps the data as it was.
        panel->setFileChooser([](QWidget*, const QString&, const QString&) { return QString(); });
        select("sine");
        select("idx");
        QCOMPARE(doc()->project().data.source, std::string("sine"));
    }

    void batchSizeHasOneField() {
        QCOMPARE(m_window->dataPanel()->findChildren<QSpinBox*>().size(),
                 qsizetype(5));  // samples, validation share, positive share, steps, images
        for (QSpinBox* box : m_window->dataPanel()->findChildren<QSpinBox*>()) {
            QVERIFY(!box->toolTip().contains(QStringLiteral("weight update")));
        }
    }

    void lossNamesAreNotCut() {
        m_window->resize(1366, 768);
        QTest::qWait(50);
        QComboBox* loss = panel()->lossBox();
        for (int i = 0; i < loss->count(); ++i) {
            loss->setCurrentIndex(i);
            QTRY_VERIFY2(loss->width() >= loss->sizeHint().width(),
                         qPrintable(QStringLiteral("%1: %2 < %3")
                                        .arg(loss->currentText())
                                        .arg(loss->width())
                                        .arg(loss->sizeHint().width())));
        }
    }

    void spaceAfterEditingAFieldPlays() {
        Project p = Project::defaultProject();
        p.training.epochs = 1000000;
        m_window->files()->openProject(p);
        QVERIFY(waitSnapshot([](const TrainingSnapshot& s) { return s.valid; }));
        m_window->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
        QSpinBox* epochs = panel()->epochsBox();
        epochs->setFocus();
        QVERIFY(QTest::qWaitFor([&] { return epochs->hasFocus(); }));
        epochs->selectAll();
        QTest::keyClicks(epochs, QStringLiteral("5000"));
        QTest::keyClick(epochs, Qt::Key_Return);
        QCOMPARE(doc()->project().training.epochs, 5000);
        QTest::keyClick(epochs, Qt::Key_Space);
        QVERIFY(waitSnapshot([](const TrainingSnapshot& s) { return s.running; },
                             "Space started training"));
        QCOMPARE(epochs->value(), 5000);  // the space was not typed into the field
        // The same from the optimizer list, after picking an entry.
        QComboBox* optimizer = panel()->optimizerBox();
        optimizer->setFocus();
        QTest::keyClick(optimizer, Qt::Key_Space);
        QVERIFY(waitSnapshot([](const TrainingSnapshot& s) { return !s.running; },
                             "Space paused training"));
    }

    void defaultSpeedIsOneAClassCanFollow() {
        nnplay::ui::TrainingToolBar* bar = m_window->trainingToolBar();
        QCOMPARE(bar->speed(), TrainingWorker::kDefaultSpeed);
        QCOMPARE(bar->speedLabel()->text(), QStringLiteral("10 epochs/s"));
        bar->setSpeed(TrainingWorker::kFullSpeed);
        QCOMPARE(bar->speedLabel()->text(), QStringLiteral("full speed"));
        bar->setSpeed(0);
        QCOMPARE(bar->speedLabel()->text(), QStringLiteral("2 batches/s"));
        // The label never changes width, so nothing in the toolbar moves.
        const int width = bar->speedLabel()->width();
        for (int level = 0; level <= TrainingWorker::kFullSpeed; ++level) {
            bar->setSpeed(level);
            QCOMPARE(bar->speedLabel()->width(), width);
        }
    }

    void dataChangeSaysWhatHappened() {
        auto* c = m_window->training();
        c->send(&TrainingWorker::stepEpoch);
        QVERIFY(waitSnapshot([](const TrainingSnapshot& s) { return s.epoch == 1 && !s.running; }));
        QListWidget* list = m_window->dataPanel()->sourceList();
        for (int i = 0; i < list->count(); ++i) {
            if (list->item(i)->data(Qt::UserRole).toString() == QStringLiteral("xor")) {
                QTest::mouseClick(list->viewport(), Qt::LeftButton, {},
                                  list->visualItemRect(list->item(i)).center());
            }
        }
        QCOMPARE(doc()->project().data.source, std::string("xor"));
        QTRY_COMPARE(status(), QStringLiteral("Switched to XOR data: the weights start fresh."));
        QVERIFY(waitSnapshot([](const TrainingSnapshot& s) { return s.valid && s.epoch == 0; }));
        QTest::mouseClick(m_window->dataPanel()->regenerateButton(), Qt::LeftButton);
        QTRY_COMPARE(status(), QStringLiteral("Drew new points."));  // nothing trained to lose
    }

    void plannedEpochsNoticeGoesWhenTrainingGoesOn() {
        nnplay::TrainingSpec training = doc()->project().training;
        training.epochs = 3;
        QVERIFY(nnplay::ui::editTraining(*doc(), training, QStringLiteral("epochs")));
        m_window->trainingToolBar()->setSpeed(TrainingWorker::kFullSpeed);
        m_window->trainingToolBar()->playAction()->trigger();
        QTRY_VERIFY_WITH_TIMEOUT(status().contains(QStringLiteral("Trained the planned 3 epochs")),
                                 kWaitMs);
        m_window->trainingToolBar()->playAction()->trigger();
        QVERIFY(waitSnapshot([](const TrainingSnapshot& s) { return s.running; }));
        QTRY_VERIFY(!status().contains(QStringLiteral("Trained the planned")));
        m_window->trainingToolBar()->playAction()->trigger();
    }

    void networkProblemGoesOnceFixed() {
        const auto& layers = doc()->project().network().layers;
        const int lastDense = layers[layers.size() - 2].id;
        QVERIFY(nnplay::ui::setLayerSetting(*doc(), lastDense, "units", 3));
        QTRY_VERIFY(!m_window->scene()->networkValid());
        const QString problem = m_window->scene()->validityMessage();
        QCOMPARE(status(), problem);
        doc()->undoStack()->undo();
        QTRY_VERIFY(m_window->scene()->networkValid());
        QVERIFY(status() != problem);
    }

    void outputThatDoesNotFitIsFixedInOneClick_data() {
        QTest::addColumn<QString>("source");
        QTest::addColumn<int>("task");
        QTest::addColumn<int>("units");
        QTest::addColumn<QString>("activation");
        QTest::addColumn<int>("loss");
        QTest::addColumn<QString>("advice");
        QTest::newRow("plane regression")
            << "plane" << int(nnplay::Task::Regression) << 1 << "" << int(nnplay::LossKind::Mse)
            << "A number to predict needs a Dense layer of 1 unit";
        QTest::newRow("ten digits") << "digits" << int(nnplay::Task::Classification) << 10
                                    << "softmax" << int(nnplay::LossKind::Cce)
                                    << "10 classes need a Dense layer of 10 units with Softmax";
    }

    void outputThatDoesNotFitIsFixedInOneClick() {
        QFETCH(QString, source);
        QFETCH(int, task);
        QFETCH(int, units);
        QFETCH(QString, activation);
        QFETCH(int, loss);
        QFETCH(QString, advice);
        nnplay::ui::OutputFixBar* bar = m_window->outputFixBar();
        QVERIFY(bar->isHidden());
        nnplay::DataSpec data = doc()->project().data;
        data.source = source.toStdString();
        QVERIFY(nnplay::ui::editData(*doc(), data, static_cast<nnplay::Task>(task),
                                     QStringLiteral("data")));
        QTRY_VERIFY(!m_window->scene()->networkValid());
        QTRY_VERIFY(bar->isVisible());
        QVERIFY2(bar->textLabel()->text().contains(advice), qPrintable(bar->textLabel()->text()));
        const Project before = doc()->project();
        const int undoCount = doc()->undoStack()->count();

        QTest::mouseClick(bar->fixButton(), Qt::LeftButton);
        const auto& layers = doc()->project().network().layers;
        const auto sized = activation.isEmpty() ? layers.size() - 1 : layers.size() - 2;
        QCOMPARE(layers[sized].setting("units"), double(units));
        if (!activation.isEmpty()) QCOMPARE(QString::fromStdString(layers.back().type), activation);
        QCOMPARE(int(doc()->project().training.loss), loss);
        QCOMPARE(doc()->undoStack()->count(), undoCount + 1);  // one step
        QTRY_VERIFY(m_window->scene()->networkValid());
        QTRY_VERIFY(bar->isHidden());
        QVERIFY(waitSnapshot([](const TrainingSnapshot& s) { return s.valid; }));
        QVERIFY(m_window->trainingToolBar()->playAction()->isEnabled());

        doc()->undoStack()->undo();
        QCOMPARE(doc()->project().network(), before.network());
        QCOMPARE(doc()->project().training, before.training);
        QTRY_VERIFY(bar->isVisible());
    }

    void confusionMatrixTakesTheNewClasses() {
        auto* c = m_window->training();
        c->send(&TrainingWorker::stepEpoch);
        QVERIFY(waitSnapshot([](const TrainingSnapshot& s) { return s.epoch == 1 && !s.running; }));
        auto* matrix = m_window->findChild<nnplay::ui::ConfusionMatrixView*>();
        QVERIFY(matrix);
        QTRY_COMPARE(matrix->classNames(), (std::vector<std::string>{"-1", "+1"}));
        // What an import of a CSV file does to the document.
        nnplay::DataSpec data;
        data.source = "csv";
        data.path = nnplay::resourcePath("examples") + "/iris.csv";
        data.label = "species";
        QVERIFY(nnplay::ui::editData(*doc(), data, nnplay::Task::Classification,
                                     QStringLiteral("Import")));
        QTRY_COMPARE(matrix->classNames(),
                     (std::vector<std::string>{"setosa", "versicolor", "virginica"}));
        QCOMPARE(matrix->cellText(0, 0), QString());  // nothing tested on the new data yet
    }

    void divergenceStaysInSightUntilTrainingGoesOn() {
        m_window->files()->openProject(divergingProject());
        QVERIFY(waitSnapshot([](const TrainingSnapshot& s) { return s.valid; }));
        m_window->trainingToolBar()->playAction()->trigger();
        QVERIFY(waitSnapshot([](const TrainingSnapshot& s) { return s.diverged && !s.running; },
                             "training diverged"));
        nnplay::ui::LossCurveView* curves = m_window->views()->lossView();
        QTRY_VERIFY(curves->divergenceShown());
        QVERIFY(m_window->trainingToolBar()->divergedShown());
        // The mark comes after the speed control, which stays where it was.
        nnplay::ui::TrainingToolBar* bar = m_window->trainingToolBar();
        QTRY_VERIFY(bar->findChild<QLabel*>(QStringLiteral("divergedLabel"))->x() >
                    bar->speedSlider()->mapTo(bar, QPoint(0, 0)).x());
        QTest::qWait(50);
        QVERIFY(curves->divergenceShown());  // no timeout
        typeLearningRate(QStringLiteral("0.001"));
        QCOMPARE(doc()->project().training.optimizer.learningRate, 0.001f);
        QVERIFY(curves->divergenceShown());  // still stopped: still diverged
        m_window->trainingToolBar()->playAction()->trigger();
        QVERIFY(waitSnapshot([](const TrainingSnapshot& s) { return s.running && !s.diverged; },
                             "training went on"));
        QTRY_VERIFY(!curves->divergenceShown());
        QVERIFY(!m_window->trainingToolBar()->divergedShown());
        m_window->trainingToolBar()->playAction()->trigger();
    }

    void scriptedRunEndsWhenTrainingDiverges() {
        // nnplay --train --quit on a project that diverges at once must still finish.
        m_window->files()->openProject(divergingProject());
        QVERIFY(waitSnapshot([](const TrainingSnapshot& s) { return s.valid; }));
        nnplay::ui::ScriptedRun::Options options;
        options.train = true;
        options.epochs = 50;
        nnplay::ui::ScriptedRun run(m_window.get(), options);
        QSignalSpy finished(&run, &nnplay::ui::ScriptedRun::finished);
        run.start();
        QVERIFY(finished.wait(kWaitMs));
        QCOMPARE(finished.first().at(0).toInt(), 0);
        QVERIFY(m_window->training()->lastSnapshot().diverged);
    }
};

QTEST_MAIN(TestFirstUse)
#include "test_first_use.moc"
