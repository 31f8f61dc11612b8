// SPDX-License-Identifier: GPL-3.0-or-later
// The Sequence tab: the shipped sine and text lessons trained in a real window, their plot,
// text samples and hidden-state heatmap, the temperature the worker is asked for, and the
// worker sending the sequence less often than the other views.
#include <qcustomplot.h>

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QElapsedTimer>
#include <QImage>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSlider>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <cmath>
#include <vector>

#include "Project.h"
#include "Wait.h"
#include "data/DataLoader.h"
#include "data/ResourcePath.h"
#include "io/ProjectFile.h"
#include "plots/HiddenStateHeatmap.h"
#include "plots/SequenceView.h"
#include "plots/SeriesPredictionPlot.h"
#include "plots/TextSampleView.h"
#include "train/SequenceGenerator.h"
#include "train/SequencePreview.h"
#include "train/TrainingController.h"
#include "train/TrainingWorker.h"
#include "window/MainWindow.h"
#include "window/ProjectFiles.h"
#include "window/ScriptedRun.h"
#include "window/TrainingViews.h"

using nnplay::Project;
using nnplay::test::waitUntil;
using nnplay::ui::HiddenStateHeatmap;
using nnplay::ui::MainWindow;
using nnplay::ui::SequenceView;
using nnplay::ui::TrainingController;
using nnplay::ui::TrainingSnapshot;
using nnplay::ui::TrainingViews;
using nnplay::ui::TrainingWorker;

namespace {

QString lessonPath(const char* file) {
    return QString::fromStdString(nnplay::resourcePath("lessons")) + QLatin1Char('/') +
           QLatin1String(file);
}

/// Trains `epochs` epochs at full speed and waits until the worker has paused after them.
/// Units of the LSTM in smallTextLesson().
constexpr int kSmallTextUnits = 16;

/// Lesson 15 made small enough that an epoch and a preview take moments under the sanitizers:
/// the first 3000 characters (and an output for the characters they hold) and a smaller LSTM.
nnplay::Project smallTextLesson() {
    nnplay::Project p = nnplay::ProjectFile::load(lessonPath("15-lstm-text.nnplay").toStdString());
    p.data.path = nnplay::resourcePath(p.data.path);
    p.data.maxChars = 3000;
    const int classes = nnplay::loadData(p.data, p.task, std::string()).info.classCount();
    p.network().layers.at(0).settings["units"] = kSmallTextUnits;
    p.network().layers.at(1).settings["units"] = classes;
    p.training.epochs = 1000;  // training goes on for as long as a test watches it
    return p;
}

[[nodiscard]] bool train(TrainingController* training, int epochs) {
    const int target = training->lastSnapshot().epoch + epochs;
    training->send(&TrainingWorker::trainEpochs, epochs);
    return waitUntil(
        [&] {
            const TrainingSnapshot& s = training->lastSnapshot();
            return s.epoch >= target && !s.running;
        },
        "the epochs are trained", 120000);
}

/// Waits until the Sequence tab shows the sequence of the current weights.
[[nodiscard]] bool waitForSequence(TrainingController* training, SequenceView* view) {
    return waitUntil(
        [&] {
            return view->hasSequence() && view->sequence().step == training->lastSnapshot().batches;
        },
        "the sequence of the trained network is drawn");
}

/// The heatmap's cell for (step, unit): the map's column is the step, its row the unit.
double cell(const HiddenStateHeatmap* heatmap, int step, int unit) {
    return heatmap->map()->data()->cell(step, unit);
}

}  // namespace

class TestSequenceView : public QObject {
    Q_OBJECT
    QTemporaryDir m_settingsDir;

private slots:
    void initTestCase() {
        QVERIFY(m_settingsDir.isValid());
        QSettings::setDefaultFormat(QSettings::IniFormat);
        QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_settingsDir.path());
    }

    // The sine lesson starts on the Sequence tab: the true wave with one-step-ahead and
    // free-running predictions of the right lengths, and the LSTM's state and gates.
    void aSeriesShowsBothPredictionsAndTheLstmsGates() {
        MainWindow window;
        window.resize(1366, 768);
        QVERIFY(window.files()->openFile(lessonPath("14-recurrent-sine.nnplay")));
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        TrainingController* training = window.training();
        QVERIFY(nnplay::test::waitForValidSession(training));
        TrainingViews* views = window.views();
        QVERIFY(views->isAvailable(TrainingViews::View::Sequence));
        QCOMPARE(views->tabs()->currentWidget(), views->sequenceView());
        QVERIFY(training->snapshotRequest().sequence);
        QVERIFY(train(training, 4));
        SequenceView* view = views->sequenceView();
        QVERIFY(waitForSequence(training, view));

        const auto& seq = view->sequence();
        const int steps = 16;  // the lesson's sequence_length
        const int continuation = nnplay::SequencePreview::continuationSteps(steps);
        QVERIFY(view->seriesPlot()->isVisible());
        QVERIFY(!view->textView()->isVisible());
        auto* plot = view->seriesPlot();
        QCOMPARE(plot->truthGraph()->data()->size(), steps + continuation);
        QCOMPARE(plot->oneStepGraph()->data()->size(), continuation);
        QCOMPARE(plot->freeRunningGraph()->data()->size(), continuation);
        // Both predictions start after the primed window, where the truth goes on.
        QCOMPARE(plot->oneStepGraph()->data()->begin()->key, double(steps));
        QCOMPARE(plot->freeRunningGraph()->data()->begin()->key, double(steps));
        QCOMPARE((plot->truthGraph()->data()->end() - 1)->key, double(steps + continuation - 1));
        // Each is the snapshot's, and the trained network's one-step predictions follow the wave.
        double error = 0.0;
        for (int i = 0; i < continuation; ++i) {
            const double oneStep = (plot->oneStepGraph()->data()->begin() + i)->value;
            QCOMPARE(oneStep, double(seq.oneStep[std::size_t(i)]));
            QCOMPARE((plot->freeRunningGraph()->data()->begin() + i)->value,
                     double(seq.freeRunning[std::size_t(i)]));
            error += std::abs(oneStep - seq.truth[std::size_t(steps + i)]) / continuation;
        }
        QVERIFY2(error < 0.2, qPrintable(QStringLiteral("mean one-step error %1").arg(error)));
        // A legend names all three.
        QCOMPARE(plot->plot()->legend->itemCount(), 3);
        QVERIFY(plot->plot()->legend->hasItemWithPlottable(plot->oneStepGraph()));
        QVERIFY(plot->plot()->legend->hasItemWithPlottable(plot->freeRunningGraph()));
        QVERIFY(plot->oneStepGraph()->pen() != plot->freeRunningGraph()->pen());
        QVERIFY(view->summaryText().contains(QStringLiteral("free-running")));

        // The heatmap: 16 units x one column per value read (all but the last).
        HiddenStateHeatmap* heatmap = view->heatmap();
        const int read = steps + continuation - 1;
        QCOMPARE(heatmap->units(), 16);
        QCOMPARE(heatmap->steps(), read);
        QCOMPARE(heatmap->map()->data()->keySize(), read);
        QCOMPARE(heatmap->map()->data()->valueSize(), 16);
        QCOMPARE(cell(heatmap, 20, 3), double(seq.states[std::size_t(20 * 16 + 3)]));
        QCOMPARE(heatmap->traceNames(),
                 QStringList({QStringLiteral("Hidden state"), QStringLiteral("Input gate"),
                              QStringLiteral("Forget gate"), QStringLiteral("Candidate"),
                              QStringLiteral("Output gate")}));
        QVERIFY(heatmap->picker()->isVisible());
        QVERIFY(!heatmap->plot()->xAxis->label().isEmpty());
        QCOMPARE(heatmap->plot()->yAxis->label(), QStringLiteral("Unit"));
        // Picking a gate draws the gate; a sigmoid gate lies in 0..1.
        heatmap->picker()->setCurrentIndex(
            heatmap->picker()->findText(QStringLiteral("Forget gate")));
        QCOMPARE(heatmap->shownTrace(), QStringLiteral("Forget gate"));
        QCOMPARE(seq.gates[1].name, std::string("forget gate"));
        for (int t = 0; t < read; t += 7) {
            for (int u = 0; u < 16; u += 5) {
                const double value = cell(heatmap, t, u);
                QCOMPARE(value, double(seq.gates[1].values[std::size_t(t * 16 + u)]));
                QVERIFY(value >= 0.0 && value <= 1.0);
            }
        }
        // Hovering a cell says what it is.
        QVERIFY(heatmap->cellText(3, 40).startsWith(QStringLiteral("Unit 4, step 40")));
        QVERIFY(heatmap->cellText(3, 40).contains(QStringLiteral("its own predictions")));
        QVERIFY(heatmap->cellText(16, 0).isEmpty());

        // The pick stays through the next snapshots; another tab asks for no sequence.
        QVERIFY(train(training, 1));
        QVERIFY(waitForSequence(training, view));
        QCOMPARE(heatmap->shownTrace(), QStringLiteral("Forget gate"));
        views->showView(TrainingViews::View::Metrics);
        QVERIFY(!training->snapshotRequest().sequence);
        views->showView(TrainingViews::View::Sequence);
        QVERIFY(training->snapshotRequest().sequence);
    }

    // The text lesson: the greedy continuation beside a sample at the learner's temperature,
    // the characters read along the heatmap's time axis, and the temperature and seed asked of
    // the worker.
    void aTextIsSampledAtTheChosenTemperature() {
        MainWindow window;
        window.resize(1366, 768);
        window.files()->openProject(smallTextLesson());
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        TrainingController* training = window.training();
        QVERIFY(nnplay::test::waitForValidSession(training));
        TrainingViews* views = window.views();
        QVERIFY(views->isAvailable(TrainingViews::View::Sequence));
        QCOMPARE(views->tabs()->currentWidget(), views->sequenceView());
        QVERIFY(train(training, 1));
        SequenceView* view = views->sequenceView();
        QVERIFY(waitForSequence(training, view));
        auto* text = view->textView();
        QVERIFY(text->isVisible());
        QVERIFY(!view->seriesPlot()->isVisible());

        const nnplay::DataInfo& info = training->lastSnapshot().data->info;
        const auto& seq = view->sequence();
        const int steps = 12;
        QCOMPARE(seq.start.size(), std::size_t(steps));
        const auto spelled = [&](const std::vector<int>& classes) {
            return QString::fromStdString(nnplay::SequenceGenerator::textOfClasses(classes, info));
        };
        QCOMPARE(text->greedyText(), spelled(seq.start) + spelled(seq.greedy));
        QCOMPARE(text->sampleText(), spelled(seq.start) + spelled(seq.sample));
        QCOMPARE(seq.greedy.size(), std::size_t(nnplay::SequencePreview::kTextCharacters));
        QCOMPARE(seq.temperature, nnplay::ui::TextSampleView::kDefaultTemperature);

        // The heatmap follows the sample's characters, labelled with them.
        HiddenStateHeatmap* heatmap = view->heatmap();
        const int read = steps + nnplay::SequencePreview::kTextCharacters - 1;
        QCOMPARE(heatmap->units(), kSmallTextUnits);
        QCOMPARE(heatmap->steps(), read);
        QCOMPARE(heatmap->map()->data()->keySize(), read);
        QCOMPARE(heatmap->map()->data()->valueSize(), kSmallTextUnits);
        QCOMPARE(heatmap->traceNames().size(), 5);
        QCOMPARE(heatmap->traceNames().at(2), QStringLiteral("Forget gate"));
        for (int t = 0; t < 3; ++t) {
            QCOMPARE(heatmap->tickLabel(t),
                     nnplay::ui::TextSampleView::visibleCharacter(info, seq.start[std::size_t(t)]));
        }
        QCOMPARE(heatmap->tickLabel(steps),
                 nnplay::ui::TextSampleView::visibleCharacter(info, seq.sample[0]));
        // 75 characters do not fit the tab at a readable width: the first show, the rest drag.
        QVERIFY(heatmap->scrolls());
        QCOMPARE(heatmap->firstShownStep(), 0);
        QVERIFY(heatmap->lastShownStep() > steps && heatmap->lastShownStep() < read - 1);
        QVERIFY(heatmap->plot()->xAxis->label().contains(QStringLiteral("drag")));

        // Another temperature goes to the worker, and the sample comes back at it.
        text->temperatureBox()->setValue(1.5);
        QCOMPARE(text->temperatureSlider()->value(), 15);
        QCOMPARE(training->snapshotRequest().temperature, 1.5);
        QVERIFY(training->snapshotRequest().sequence);
        QVERIFY(waitUntil([&] { return view->sequence().temperature == 1.5; },
                          "the sample at temperature 1.5 is drawn"));
        const QString hot = text->sampleText();
        QCOMPARE(text->greedyText(), spelled(seq.start) + spelled(view->sequence().greedy));
        text->temperatureSlider()->setValue(3);
        QCOMPARE(text->temperatureBox()->value(), 0.3);
        QCOMPARE(training->snapshotRequest().temperature, 0.3);
        QVERIFY(waitUntil([&] { return view->sequence().temperature == 0.3; },
                          "the sample at temperature 0.3 is drawn"));
        // Another sample: a new seed, another text at the same temperature.
        text->temperatureBox()->setValue(1.5);
        QVERIFY(waitUntil([&] { return view->sequence().temperature == 1.5; },
                          "back at temperature 1.5"));
        QCOMPARE(text->sampleText(), hot);  // the same seed draws the same
        const unsigned seed = training->snapshotRequest().sequenceSeed;
        QTest::mouseClick(text->anotherButton(), Qt::LeftButton);
        QCOMPARE(training->snapshotRequest().sequenceSeed, seed + 1);
        QVERIFY(waitUntil([&] { return view->sequence().seed == seed + 1; },
                          "the other sample is drawn"));
        QVERIFY(text->sampleText() != hot);
    }

    // With two recurrent layers, a picker beside the heatmap's title chooses the one the worker
    // follows; with one, the title names it.
    void aPickerChoosesTheRecurrentLayer() {
        Project p;
        p.task = nnplay::Task::Regression;
        p.data.source = "sine";
        p.data.samples = 120;
        p.data.sequenceLength = 8;
        p.network().add("lstm", 6).settings["return_sequences"] = 1;
        p.network().add("gru", 4);
        p.network().add("dense", 1);
        p.training.loss = nnplay::LossKind::Mse;
        MainWindow window;
        window.resize(1366, 768);
        window.files()->openProject(p);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        TrainingController* training = window.training();
        QVERIFY(nnplay::test::waitForValidSession(training));
        SequenceView* view = window.views()->sequenceView();
        QCOMPARE(window.views()->tabs()->currentWidget(), view);
        QVERIFY(waitUntil([&] { return view->hasSequence(); }, "the sequence is drawn"));
        HiddenStateHeatmap* heatmap = view->heatmap();
        QComboBox* layers = heatmap->layerPicker();
        QVERIFY(layers->isVisible());
        QCOMPARE(layers->count(), 2);
        QCOMPARE(layers->currentIndex(), 0);
        QCOMPARE(heatmap->units(), 6);
        QCOMPARE(training->snapshotRequest().sequenceLayer, -1);
        layers->setFocus();
        QTest::keyClick(layers, Qt::Key_Down);
        QCOMPARE(training->snapshotRequest().sequenceLayer, 1);
        QVERIFY(waitUntil([&] { return view->sequence().stateLayerIndex == 1; },
                          "the GRU is followed"));
        QCOMPARE(heatmap->units(), 4);
        QCOMPARE(layers->currentIndex(), 1);
        QCOMPARE(heatmap->traceNames(),
                 QStringList({QStringLiteral("Hidden state"), QStringLiteral("Reset gate"),
                              QStringLiteral("Update gate"), QStringLiteral("Candidate")}));
    }

    // `nnplay --lesson recurrent-sine --train --view sequence --screenshot FILE`: the run
    // brings the tab to the front and pictures it with the trained network's sequence.
    void aScriptedRunPicturesTheSequenceTab() {
        MainWindow window;
        window.resize(1024, 768);
        QVERIFY(window.files()->openFile(lessonPath("14-recurrent-sine.nnplay")));
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        TrainingController* training = window.training();
        QVERIFY(nnplay::test::waitForValidSession(training));
        window.views()->showView(TrainingViews::View::Metrics);
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        nnplay::ui::ScriptedRun::Options options;
        options.train = true;
        options.epochs = 2;
        options.view = QStringLiteral("sequence");
        options.screenshot = dir.filePath(QStringLiteral("sequence.png"));
        nnplay::ui::ScriptedRun run(&window, options);
        QSignalSpy finished(&run, &nnplay::ui::ScriptedRun::finished);
        run.start();
        QVERIFY(finished.wait(120000));
        QCOMPARE(finished.first().at(0).toInt(), 0);
        SequenceView* view = window.views()->sequenceView();
        QCOMPARE(window.views()->tabs()->currentWidget(), view);
        QCOMPARE(view->sequence().step, training->lastSnapshot().batches);
        QCOMPARE(training->lastSnapshot().epoch, 2);
        const QImage picture(options.screenshot);
        QCOMPARE(picture.size(), window.size());
    }

    // A network without a recurrent layer still continues the wave; instead of a heatmap the
    // tab says that there is no state to show.
    void aNetworkWithoutStateSaysSo() {
        Project p;
        p.task = nnplay::Task::Regression;
        p.data.source = "sine";
        p.data.samples = 120;
        p.network().add("dense", 8);
        p.network().add("tanh");
        p.network().add("dense", 1);
        p.training.loss = nnplay::LossKind::Mse;
        MainWindow window;
        window.resize(1366, 768);
        window.files()->openProject(p);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(nnplay::test::waitForValidSession(window.training()));
        SequenceView* view = window.views()->sequenceView();
        QVERIFY(waitUntil([&] { return view->hasSequence(); }, "the sequence is drawn"));
        QVERIFY(!view->sequence().freeRunning.empty());
        QVERIFY(view->seriesPlot()->isVisible());
        QVERIFY(!view->heatmap()->plot()->isVisible());
        QCOMPARE(view->heatmap()->steps(), 0);
        QVERIFY(view->heatmap()->traceNames().isEmpty());
        QVERIFY(view->seriesPlot()->height() > view->heatmap()->height());
    }

    // Only sequence data have the tab, and the command line names it.
    void otherDataHaveNoSequenceTab() {
        MainWindow window;
        window.resize(1024, 768);
        window.files()->openProject(nnplay::Project::defaultProject());
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(nnplay::test::waitForValidSession(window.training()));
        QVERIFY(!window.views()->isAvailable(TrainingViews::View::Sequence));
        QVERIFY(!window.training()->snapshotRequest().sequence);
        QCOMPARE(TrainingViews::viewNamed(QStringLiteral("sequence")),
                 std::optional(TrainingViews::View::Sequence));
        QVERIFY(TrainingViews::viewNames().contains(QStringLiteral("sequence")));
    }

    // While training runs, the worker computes the sequence at most every
    // kSequenceIntervalMs, and the snapshots between have none; paused, it comes at once.
    void theWorkerSendsTheSequenceThrottled() {
        TrainingWorker worker;  // on this thread: its signals arrive as they are sent
        struct Sent {
            qint64 ms;
            bool running;
            bool sequence;
        };
        std::vector<Sent> sent;
        QElapsedTimer clock;
        clock.start();
        connect(&worker, &TrainingWorker::snapshotReady, this, [&](const TrainingSnapshot& s) {
            sent.push_back({clock.elapsed(), s.running, !s.sequence.empty()});
        });
        worker.load(smallTextLesson(), QString(), 1);
        nnplay::ui::SnapshotRequest request;
        request.sequence = true;
        worker.setSnapshotRequest(request);
        QVERIFY(!sent.empty() && sent.back().sequence);  // paused: at once
        worker.play();
        const auto runningWithSequence = [&] {
            int n = 0;
            for (const Sent& s : sent) n += s.running && s.sequence;
            return n;
        };
        QVERIFY(waitUntil([&] { return runningWithSequence() >= 4; },
                          "four snapshots with the sequence while training"));
        worker.pause();
        QVERIFY(!sent.back().running && sent.back().sequence);
        int without = 0;
        qint64 last = -1;
        for (std::size_t i = 1; i + 1 < sent.size(); ++i) {  // the periodic ones
            if (!sent[i].running) continue;
            without += !sent[i].sequence;
            if (!sent[i].sequence) continue;
            if (last >= 0) {
                QVERIFY2(sent[i].ms - last >= TrainingWorker::kSequenceIntervalMs * 3 / 4,
                         qPrintable(QStringLiteral("%1 ms apart").arg(sent[i].ms - last)));
            }
            last = sent[i].ms;
        }
        QVERIFY2(without >= 4, qPrintable(QStringLiteral("%1 without").arg(without)));
    }
};

QTEST_MAIN(TestSequenceView)
#include "test_sequence_view.moc"
