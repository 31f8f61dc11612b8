// SPDX-License-Identifier: GPL-3.0-or-later
// The Inside view: one test sample followed through a convolutional and a recurrent network
// in a real window with its worker.
#include <QSettings>
#include <QTabWidget>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <memory>

#include "Project.h"
#include "Wait.h"
#include "plots/ConvolutionStepView.h"
#include "plots/NetworkTraceView.h"
#include "plots/SampleGridView.h"
#include "plots/TraceCanvas.h"
#include "train/TrainingController.h"
#include "window/MainWindow.h"
#include "window/ProjectFiles.h"
#include "window/TrainingToolBar.h"
#include "window/TrainingViews.h"

using nnplay::Project;
using nnplay::test::waitUntil;
using nnplay::ui::MainWindow;
using nnplay::ui::TraceCanvas;
using nnplay::ui::TrainingViews;
using Tile = TraceCanvas::Tile;

namespace {

Project cnnProject() {
    Project p;
    p.data.source = "digits";
    p.network().add("conv2d").settings = {{"filters", 4}, {"kernel_size", 3}};
    p.network().add("relu");
    p.network().add("maxpool2d").settings = {{"pool_size", 2}, {"stride", 2}};
    p.network().add("dense", 10);
    p.network().add("softmax");
    p.training.loss = nnplay::LossKind::Cce;
    return p;
}

int countTiles(const TraceCanvas* canvas, Tile::Kind kind, int layer) {
    int n = 0;
    for (const Tile& tile : canvas->tiles()) n += tile.kind == kind && tile.layer == layer;
    return n;
}

int findTile(const TraceCanvas* canvas, Tile::Kind kind, int layer, int channel) {
    const auto& tiles = canvas->tiles();
    for (std::size_t i = 0; i < tiles.size(); ++i) {
        if (tiles[i].kind == kind && tiles[i].layer == layer && tiles[i].channel == channel)
            return static_cast<int>(i);
    }
    return -1;
}

}  // namespace

class TestTraceView : public QObject {
    Q_OBJECT
    QTemporaryDir m_settingsDir;

private slots:
    void initTestCase() {
        QVERIFY(m_settingsDir.isValid());
        QSettings::setDefaultFormat(QSettings::IniFormat);
        QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_settingsDir.path());
    }

    // Clicking a test picture follows it through the network: filters above the maps they
    // make, pooled maps, the softmax's values; hovering a map frames its filter and the input.
    void followsAClickedSampleThroughAConvNet() {
        MainWindow window;
        window.resize(1366, 768);
        window.files()->openProject(cnnProject());
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        auto* controller = window.training();
        QVERIFY(nnplay::test::waitForValidSession(controller));
        window.trainingToolBar()->stepAction()->trigger();
        QVERIFY(waitUntil([&] { return controller->lastSnapshot().epoch >= 1; }, "an epoch"));

        TrainingViews* views = window.views();
        QVERIFY(views->isAvailable(TrainingViews::View::Trace));
        views->showView(TrainingViews::View::TestSamples);
        auto* grid = views->samplesView();
        QTRY_VERIFY(grid->showsImages());
        const QPoint fifth = grid->labelRect(4).center();
        QCOMPARE(grid->sampleAt(fifth), 4);
        QTest::mouseClick(grid, Qt::LeftButton, {}, fifth);
        QVERIFY(views->tabs()->currentWidget() == views->traceView());
        QCOMPARE(views->traceView()->sample(), 4);

        TraceCanvas* canvas = views->traceView()->canvas();
        QVERIFY(waitUntil([&] { return canvas->hasTrace(); }, "the trace is drawn"));
        QCOMPARE(countTiles(canvas, Tile::Kind::Input, -1), 1);
        QCOMPARE(countTiles(canvas, Tile::Kind::Filter, 0), 4);
        QCOMPARE(countTiles(canvas, Tile::Kind::Map, 0), 4);
        QCOMPARE(countTiles(canvas, Tile::Kind::Map, 2), 4);
        QCOMPARE(countTiles(canvas, Tile::Kind::Cells, 4), 1);
        const Tile& softmax =
            canvas->tiles()[std::size_t(findTile(canvas, Tile::Kind::Cells, 4, -1))];
        QCOMPARE(softmax.labels.size(), std::size_t(10));
        float sum = 0;
        for (float p : softmax.labels) sum += p;
        QVERIFY(std::abs(sum - 1.0f) < 1e-4f);
        QVERIFY(views->traceView()->summaryText().contains(QStringLiteral("The network says")));

        // A map of the convolution: its filter and the input picture; a pooled map: the ReLU
        // map of the same channel.
        const int map = findTile(canvas, Tile::Kind::Map, 0, 2);
        std::vector<int> related = canvas->relatedTiles(map);
        std::sort(related.begin(), related.end());
        std::vector<int> expected{findTile(canvas, Tile::Kind::Filter, 0, 2),
                                  findTile(canvas, Tile::Kind::Input, -1, -1)};
        std::sort(expected.begin(), expected.end());
        QCOMPARE(related, expected);
        QCOMPARE(canvas->relatedTiles(findTile(canvas, Tile::Kind::Map, 2, 1)),
                 std::vector<int>{findTile(canvas, Tile::Kind::Map, 1, 1)});
        QCOMPARE(canvas->tileAt(canvas->tiles()[std::size_t(map)].rect.center()), map);

        // Clicking a map of the convolution plays its filter sliding over the picture; every
        // position's sum is the map's value there.
        QTest::mouseClick(canvas, Qt::LeftButton, {},
                          canvas->tiles()[std::size_t(map)].rect.center());
        nnplay::ui::NetworkTraceView* trace = views->traceView();
        QVERIFY(trace->explainsConvolution());
        nnplay::ui::ConvolutionStepView* step = trace->stepView();
        QVERIFY(step->isPlaying());
        step->setPlaying(false);
        const auto& conv = controller->lastSnapshot().trace[0];
        for (const int position : {0, 9, 63}) {
            step->setPosition(position);
            QCOMPARE(step->position(), position);
            const float expected = conv.values[std::size_t(2 * 64 + position)];
            QVERIFY(std::abs(step->step().total - expected) < 1e-4f);
            QVERIFY(step->sumText().contains(QString::number(expected, 'f', 2)));
        }
        trace->showAllLayers();
        QVERIFY(!trace->explainsConvolution());
        QVERIFY(!step->isPlaying());

        // Every tile lies inside the canvas and none overlaps another.
        const auto& tiles = canvas->tiles();
        for (std::size_t i = 0; i < tiles.size(); ++i) {
            QVERIFY(canvas->rect().contains(tiles[i].rect));
            for (std::size_t j = 0; j < i; ++j) QVERIFY(!tiles[i].rect.intersects(tiles[j].rect));
        }
    }

    // A recurrent network shows each step's hidden state; choosing another sample retraces.
    void showsHiddenStatesOverTheSteps() {
        Project p;
        p.task = nnplay::Task::Regression;
        p.data.source = "sine";
        p.data.samples = 200;
        p.network().add("lstm", 6);
        p.network().add("dense", 1);
        p.training.loss = nnplay::LossKind::Mse;
        MainWindow window;
        window.resize(1366, 768);
        window.files()->openProject(p);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(nnplay::test::waitForValidSession(window.training()));
        TrainingViews* views = window.views();
        views->showView(TrainingViews::View::Trace);
        TraceCanvas* canvas = views->traceView()->canvas();
        QVERIFY(waitUntil([&] { return canvas->hasTrace(); }, "the trace is drawn"));
        const int states = findTile(canvas, Tile::Kind::Steps, 0, -1);
        QVERIFY(states >= 0);
        const QImage first = canvas->tiles()[std::size_t(states)].image;
        QCOMPARE(first.height(), 6);  // one row per unit
        QVERIFY(first.width() > 1);   // one column per step
        views->traceView()->setSample(7);
        QVERIFY(waitUntil(
            [&] {
                const int tile = findTile(canvas, Tile::Kind::Steps, 0, -1);
                return tile >= 0 && canvas->tiles()[std::size_t(tile)].image != first;
            },
            "the seventh sample is traced"));
    }

    // Text windows read as the text they spell; a series of numbers draws as a line.
    void sequenceSamplesReadAsTheirSteps() {
        auto data = std::make_shared<nnplay::ui::DataPreview>();
        data->info.task = nnplay::Task::Classification;
        data->info.inputShape = nnplay::Shape::sequence(4, 3);
        data->info.featureNames = {"a", "b", "space"};
        data->info.classNames = data->info.featureNames;
        data->sampleInputs = nnplay::Matrix::Zero(12, 1);
        for (const auto& [step, hot] : {std::pair{0, 0}, {1, 1}, {2, 2}, {3, 0}})
            data->sampleInputs(step * 3 + hot, 0) = 1.0f;
        data->sampleLabels = {1};
        nnplay::ui::TrainingSnapshot snapshot;
        snapshot.generation = 1;
        snapshot.data = data;
        snapshot.samplePredictions = {0};
        snapshot.sampleOutputs = {0.6f};
        nnplay::ui::SampleGridView view;
        view.setSnapshot(snapshot);
        QVERIFY(!view.showsImages());
        QCOMPARE(view.table()->item(0, 0)->text(), QStringLiteral("\u201cab a\u201d"));
        QCOMPARE(view.table()->item(0, 1)->text(), QStringLiteral("b"));
        QCOMPARE(view.table()->item(0, 2)->text(), QStringLiteral("a"));

        auto series = std::make_shared<nnplay::ui::DataPreview>();
        series->info.task = nnplay::Task::Regression;
        series->info.inputShape = nnplay::Shape::sequence(5, 1);
        series->sampleInputs = nnplay::Matrix::Random(5, 1);
        series->sampleTargets = nnplay::Matrix::Constant(1, 1, 0.5f);
        snapshot.generation = 2;
        snapshot.data = series;
        snapshot.samplePredictions.clear();
        view.setSnapshot(snapshot);
        QVERIFY(view.table()->item(0, 0)->text().isEmpty());
        QVERIFY(!view.table()->item(0, 0)->data(Qt::DecorationRole).value<QPixmap>().isNull());
        QCOMPARE(view.table()->item(0, 0)->toolTip().split(QLatin1Char(' ')).size(), 5);
    }
};

QTEST_MAIN(TestTraceView)
#include "test_trace_view.moc"
