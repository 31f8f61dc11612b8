// SPDX-License-Identifier: GPL-3.0-or-later
// The GAN views: the plane's layers (discriminator map, samples, manifold, gradient arrows)
// drawn from a real GanSession's snapshot, their check boxes, axes that stay put while the
// samples move, the pictures of an image GAN, and the curves of a run's history.
#include <qcustomplot.h>

#include <QCheckBox>
#include <QLabel>
#include <QTest>
#include <cmath>
#include <memory>

#include "Project.h"
#include "data/DataLoader.h"
#include "data/PlaneGenerators.h"
#include "plots/GanCurveView.h"
#include "plots/GanFlowDiagram.h"
#include "plots/GanSlowMotionPanel.h"
#include "plots/GanStepView.h"
#include "plots/GanView.h"
#include "plots/SampleGallery.h"
#include "style/UiScale.h"
#include "train/GanSession.h"
#include "train/SnapshotBuilder.h"

using nnplay::GanSession;
using nnplay::Project;
using nnplay::ui::GanCurveView;
using nnplay::ui::GanView;
using nnplay::ui::SnapshotBuilder;
using nnplay::ui::TrainingSnapshot;
using Layer = GanView::Layer;
using Curve = GanCurveView::Curve;

namespace {

constexpr int kGridSize = 40;

/// The default GAN (the ring of 8 Gaussians), a history row every 10 steps.
Project ringProject() {
    Project p = Project::defaultGanProject();
    p.gan.measureEvery = 10;
    return p;
}

/// A GAN on the digit 0 (8x8 pictures): noise of 8, a sigmoid generator of 64 pixels.
Project digitsProject() {
    Project p = Project::defaultGanProject();
    p.data = nnplay::DataSpec();
    p.data.source = "digits";
    p.data.digit = 0;
    p.gan.noise.dim = 8;
    p.gan.measureEvery = 10;
    nnplay::NetworkSpec generator = nnplay::NetworkSpec::multilayer({32, 64}, "relu", "sigmoid");
    nnplay::NetworkSpec discriminator = nnplay::NetworkSpec::multilayer({16, 1}, "relu", "sigmoid");
    nnplay::LayerSpec flatten;
    flatten.type = "flatten";
    discriminator.layers.insert(discriminator.layers.begin(), flatten);
    int id = 0;
    for (nnplay::NetworkSpec* net : {&generator, &discriminator})
        for (nnplay::LayerSpec& layer : net->layers) layer.id = ++id;
    p.networks = {{Project::kGenerator, generator}, {Project::kDiscriminator, discriminator}};
    return p;
}

/// A session of `project`, its data's preview and the builder of its snapshots.
struct Run {
    explicit Run(const Project& project, int generation)
        : session(std::make_unique<GanSession>(project,
                                               nnplay::loadData(project.data, project.task, ""))),
          preview(SnapshotBuilder::makePreview(session->data(),
                                               *project.findNetwork(Project::kGenerator))),
          generation(generation) {}

    void train(int steps) {
        for (int i = 0; i < steps; ++i) session->step();
    }

    TrainingSnapshot snapshot() {
        TrainingSnapshot s;
        s.generation = generation;
        s.valid = true;
        s.data = preview;
        nnplay::ViewRequest request;
        request.gridSize = kGridSize;
        request.thumbnailSize = 0;
        request.metrics = false;
        request.unitStates = false;
        builder.fill(*session, request, s);
        return s;
    }

    std::unique_ptr<GanSession> session;
    std::shared_ptr<const nnplay::ui::DataPreview> preview;
    SnapshotBuilder builder;
    int generation;
};

constexpr Layer kLayers[] = {Layer::Real, Layer::Generated, Layer::Discriminator, Layer::Manifold,
                             Layer::Gradients};

const char* layerName(Layer layer) {
    switch (layer) {
        case Layer::Real:
            return "real";
        case Layer::Generated:
            return "generated";
        case Layer::Discriminator:
            return "discriminator";
        case Layer::Manifold:
            return "manifold";
        case Layer::Gradients:
            return "gradients";
    }
    return "";
}

QCPColorMap* colorMap(const GanView& view) {
    for (int i = 0; i < view.plot()->plottableCount(); ++i)
        if (auto* map = qobject_cast<QCPColorMap*>(view.plot()->plottable(i))) return map;
    return nullptr;
}

}  // namespace

class TestGanView : public QObject {
    Q_OBJECT

private slots:
    void planeLayersDrawTheSnapshot() {
        Run run(ringProject(), 1);
        run.train(30);
        const TrainingSnapshot s = run.snapshot();
        const nnplay::SessionViews::GanViews& gan = s.gan;
        QCOMPARE(gan.generated.cols(), Eigen::Index(GanSession::kViewSamples));
        GanView view;
        view.resize(640, 700);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        view.setSnapshot(s);
        QVERIFY(!view.showsImages());

        // Points: one per column, generated sample i where its column says.
        QCOMPARE(view.realPointCount(), static_cast<int>(gan.real.cols()));
        QCOMPARE(view.generatedPointCount(), static_cast<int>(gan.generated.cols()));
        for (const int i : {0, 17, 255}) {
            QCOMPARE(view.generatedPoint(i).x(), double(gan.generated(0, i)));
            QCOMPARE(view.generatedPoint(i).y(), double(gan.generated(1, i)));
        }

        // The heatmap: cell (column, row) is the boundary value, and sits where the grid point
        // is: the map's corners are D(x) at the plane's corners, not transposed.
        for (const auto& [column, row] : {std::pair{0, 0}, {5, 31}, {39, 2}, {20, 20}})
            QCOMPARE(view.cellValue(column, row),
                     double(s.boundary[0][static_cast<std::size_t>(row * kGridSize + column)]));
        std::vector<float> corners;  // (-E,-E), (E,-E), (-E,E), (E,E)
        run.session->discriminatorGrid(2, corners);
        QVERIFY2(std::abs(corners[1] - corners[2]) > 1e-4f, "the test needs unlike corners");
        QCPColorMap* map = colorMap(view);
        QVERIFY(map);
        const double e = nnplay::kPlaneExtent;
        const std::pair<double, double> cornerPoints[] = {{-e, -e}, {e, -e}, {-e, e}, {e, e}};
        for (int k = 0; k < 4; ++k) {
            int column = -1, row = -1;
            map->data()->coordToCell(cornerPoints[k].first, cornerPoints[k].second, &column, &row);
            QVERIFY(std::abs(view.cellValue(column, row) - corners[static_cast<std::size_t>(k)]) <
                    1e-5);
        }

        // The manifold: a mesh joining grid neighbours, rows then columns of the noise grid.
        const int m = gan.manifoldSize;
        QVERIFY(m > 1);
        QCOMPARE(view.manifoldSegmentCount(), 2 * m * (m - 1));
        QCOMPARE(view.manifoldLineCount(), 2 * m);
        const QVector<QPointF> row3 = view.manifoldLine(3);
        const QVector<QPointF> column5 = view.manifoldLine(m + 5);
        QCOMPARE(row3.size(), m);
        QCOMPARE(column5.size(), m);
        for (int k = 0; k < m; ++k) {
            QCOMPARE(row3[k].x(), double(gan.manifold(0, 3 * m + k)));
            QCOMPARE(row3[k].y(), double(gan.manifold(1, 3 * m + k)));
            QCOMPARE(column5[k].x(), double(gan.manifold(0, k * m + 5)));
            QCOMPARE(column5[k].y(), double(gan.manifold(1, k * m + 5)));
        }

        // Arrows: from each sample against its gradient, the longest a set share of the plot.
        int moving = 0;
        double longest = 0.0;
        for (int i = 0; i < gan.gradients.cols(); ++i) {
            const double gx = gan.gradients(0, i), gy = gan.gradients(1, i);
            if (!(std::hypot(gx, gy) > 0.0)) continue;
            ++moving;
            const QLineF arrow = view.arrow(i);
            QCOMPARE(arrow.p1(), view.generatedPoint(i));
            const double dx = arrow.dx(), dy = arrow.dy();
            const double length = std::hypot(dx, dy);
            longest = std::max(longest, length);
            // Opposite to the gradient: cosine -1 (where the arrow is long enough to tell).
            if (length < 1e-6 * GanView::kLongestArrow) continue;
            QVERIFY2((dx * gx + dy * gy) / (length * std::hypot(gx, gy)) < -0.9999,
                     qPrintable(QStringLiteral("arrow %1").arg(i)));
        }
        QVERIFY(moving > 0);
        QCOMPARE(view.arrowCount(), moving);
        // The plot's shorter side: the arrows scale to what is in sight both ways.
        const double side =
            std::min(view.plot()->xAxis->range().size(), view.plot()->yAxis->range().size());
        QVERIFY2(std::abs(longest - GanView::kLongestArrow * side) < 1e-6 * side,
                 qPrintable(QStringLiteral("longest %1 of %2").arg(longest).arg(side)));

        // Each box hides exactly its layer.
        for (const Layer layer : kLayers) {
            QVERIFY(view.isLayerVisible(layer));
            QVERIFY2(view.isLayerDrawn(layer), layerName(layer));
        }
        for (const Layer layer : kLayers) {
            QCheckBox* box = view.layerBox(layer);
            QTest::mouseClick(box, Qt::LeftButton);
            QVERIFY2(!box->isChecked(), layerName(layer));
            QVERIFY(!view.plot()->layer(QString::fromLatin1(layerName(layer)))->visible());
            for (const Layer other : kLayers) QCOMPARE(view.isLayerDrawn(other), other != layer);
            if (layer == Layer::Discriminator) QVERIFY(!map->colorScale()->visible());
            QTest::mouseClick(box, Qt::LeftButton);
            QVERIFY(box->isChecked());
            QVERIFY(view.isLayerDrawn(layer));
        }
        QVERIFY(map->colorScale()->visible());
        QCOMPARE(map->colorScale()->axis()->label(),
                 QStringLiteral("D(x): how real"));
        // Setting a layer by code moves its box too.
        view.setLayerVisible(Layer::Manifold, false);
        QVERIFY(!view.layerBox(Layer::Manifold)->isChecked());
        QVERIFY(!view.isLayerDrawn(Layer::Manifold));
    }

    void samplesMoveButTheAxesStay() {
        Run run(ringProject(), 1);
        GanView view;
        view.resize(600, 650);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        const TrainingSnapshot first = run.snapshot();
        view.setSnapshot(first);
        const QCPRange x = view.plot()->xAxis->range();
        const QCPRange y = view.plot()->yAxis->range();
        // Fitted to all the real points, with room around them.
        const nnplay::Matrix& real = first.data->trainPoints;
        QVERIFY(x.lower < real.row(0).minCoeff() && x.upper > real.row(0).maxCoeff());
        QVERIFY(y.lower < real.row(1).minCoeff() && y.upper > real.row(1).maxCoeff());
        const double span = std::max(real.row(0).maxCoeff() - real.row(0).minCoeff(),
                                     real.row(1).maxCoeff() - real.row(1).minCoeff());
        QVERIFY(x.size() < 1.5 * span);
        QCOMPARE(x.size(), y.size());

        run.train(50);
        const TrainingSnapshot second = run.snapshot();
        view.setSnapshot(second);
        double moved = 0.0;
        for (int i = 0; i < view.generatedPointCount(); ++i) {
            const QPointF now = view.generatedPoint(i);
            QCOMPARE(now.x(), double(second.gan.generated(0, i)));
            moved = std::max(moved, std::hypot(now.x() - first.gan.generated(0, i),
                                               now.y() - first.gan.generated(1, i)));
        }
        QVERIFY(moved > 1e-3);
        QCOMPARE(view.plot()->xAxis->range(), x);
        QCOMPARE(view.plot()->yAxis->range(), y);

        // A new generation on other data refits the axes to it.
        Project line = ringProject();
        line.data.source = "line";
        Run other(line, 2);
        const TrainingSnapshot third = other.snapshot();
        view.setSnapshot(third);
        const nnplay::Matrix& points = third.data->trainPoints;
        QVERIFY(view.plot()->xAxis->range() != x);
        QVERIFY(view.plot()->xAxis->range().lower < points.row(0).minCoeff());
        QVERIFY(view.plot()->xAxis->range().upper > points.row(0).maxCoeff());
    }

    void aWideViewPutsTheBoxesBesideThePlane() {
        Run run(ringProject(), 1);
        run.train(5);
        GanView view;
        view.resize(460, 560);  // the views of a normal window
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        view.setSnapshot(run.snapshot());
        QTRY_VERIFY(view.plot()->axisRect()->height() > 0);
        QVERIFY(!view.optionsBeside());
        const QCheckBox* last = view.layerBox(Layer::Gradients);
        QVERIFY(last->mapTo(&view, QPoint()).y() > view.plot()->mapTo(&view, QPoint()).y() +
                                                         view.plot()->axisRect()->bottom());

        // Wide and short, as presenter mode's large text leaves it: the boxes and the caption
        // go to the right, and the plane is larger than it would be with them underneath.
        view.resize(760, 380);
        QTRY_VERIFY(view.optionsBeside());
        QTRY_VERIFY(view.plot()->axisRect()->height() > 250);
        QVERIFY(view.layerBox(Layer::Real)->mapTo(&view, QPoint()).x() >
                view.plot()->mapTo(&view, QPoint()).x() + view.plot()->axisRect()->right());
        QVERIFY(view.caption()->isVisible());
        const QLabel* caption = view.caption();
        QVERIFY(caption->height() >= caption->heightForWidth(caption->width()));

        // Small and short: the caption gives way to the plane.
        view.resize(330, 330);
        QTRY_VERIFY(!view.caption()->isVisible());
        QVERIFY(!view.optionsBeside());

        view.resize(460, 560);
        QTRY_VERIFY(!view.optionsBeside());
        QTRY_VERIFY(view.caption()->isVisible());
    }

    void imageGanShowsPictures() {
        Run run(digitsProject(), 1);
        run.train(5);
        const TrainingSnapshot s = run.snapshot();
        QVERIFY(!s.data->info.isPlane);
        QCOMPARE(s.gan.generated.rows(), 64);
        QVERIFY(s.gan.gradients.size() == 0);
        GanView view;
        view.resize(800, 500);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        view.setSnapshot(s);
        QVERIFY(view.showsImages());
        QVERIFY(!view.plot()->isVisible());
        // The first kShownImages of each, as large as the view allows.
        QCOMPARE(view.generatedImageCount(),
                 std::min(static_cast<int>(s.gan.generated.cols()), GanView::kShownImages));
        QCOMPARE(view.realImageCount(),
                 std::min(static_cast<int>(s.gan.real.cols()), GanView::kShownImages));
        // Pictures on the data's 0..1 scale: ink is 255 (1 - pixel), white 0.
        for (const int i : {0, 31, GanView::kShownImages - 1}) {
            const QImage picture = view.generatedPicture(i);
            QCOMPARE(picture.size(), QSize(8, 8));
            for (const auto& [px, py] : {std::pair{0, 0}, {3, 4}, {7, 7}}) {
                const float v = s.gan.generated(py * 8 + px, i);
                QCOMPARE(qGray(picture.pixel(px, py)),
                         static_cast<int>(std::lround(255.0f * (1.0f - v))));
            }
        }
        const QImage real = view.realPicture(0);
        QCOMPARE(qGray(real.pixel(3, 4)),
                 static_cast<int>(std::lround(255.0f * (1.0f - s.gan.real(4 * 8 + 3, 0)))));
        // Generated pictures on the left half, in the widget, none overlapping the next.
        const QRect a = view.generatedPictureRect(0), b = view.generatedPictureRect(1);
        const QRect last = view.generatedPictureRect(view.generatedImageCount() - 1);
        QVERIFY(!a.isEmpty());
        QVERIFY(!a.intersects(b));
        QVERIFY(view.rect().contains(last));
        QVERIFY(last.right() < view.width() / 2);

        // Back to a 2-D GAN: the plane again.
        Run ring(ringProject(), 2);
        view.setSnapshot(ring.snapshot());
        QVERIFY(!view.showsImages());
        QCOMPARE(view.generatedImageCount(), 0);
        QCOMPARE(view.generatedPointCount(), GanSession::kViewSamples);
    }

    void imageSlowMotionShowsTheBatchAsPictures() {
        using nnplay::ui::GanSlowMotionPanel;
        using nnplay::ui::SampleGallery;
        Run run(digitsProject(), 1);
        run.train(3);
        nnplay::SessionViews::StepStages stages;
        run.session->stepRecorded(stages);
        const nnplay::GanStepRecord& r = stages.gan;
        QVERIFY(!r.empty());
        const int batch = static_cast<int>(r.real.cols());
        GanSlowMotionPanel panel;
        panel.resize(460, 700);
        panel.start(r, run.preview.get());
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        const nnplay::ui::GanStepView* view = panel.stepView();
        QVERIFY(!view->showsPlane());
        const SampleGallery* gallery = view->gallery();
        QVERIFY(gallery->isVisible());
        QVERIFY(!view->plot()->isVisible());
        // Group sizes and whether they are framed in D's verdicts, part by part.
        struct Expected {
            std::vector<int> sizes;
            bool framed;
        };
        const std::vector<Expected> parts = {
            {{batch, batch}, false}, {{batch, batch}, true},  {{batch, batch}, true},
            {{batch, batch}, false}, {{batch, batch}, false}, {{batch}, false},
            {{batch}, true},         {{batch}, true},         {{batch, batch}, false},
            {{batch, batch}, false}};
        for (int part = 1; part <= GanSlowMotionPanel::kPartCount; ++part) {
            panel.setPart(part);
            const Expected& expected = parts[static_cast<std::size_t>(part - 1)];
            const auto& groups = gallery->groups();
            QCOMPARE(groups.size(), expected.sizes.size());
            for (std::size_t g = 0; g < groups.size(); ++g) {
                QCOMPARE(static_cast<int>(groups[g].pictures.size()), expected.sizes[g]);
                QCOMPARE(groups[g].frames.size(),
                         expected.framed ? groups[g].pictures.size() : std::size_t(0));
                QVERIFY(!groups[g].title.isEmpty());
                // Every picture is drawn, inside the gallery, the last apart from the first.
                const QRect first = gallery->pictureRect(static_cast<int>(g), 0);
                const QRect last = gallery->pictureRect(static_cast<int>(g), batch - 1);
                QVERIFY2(!first.isEmpty() && gallery->rect().contains(last),
                         qPrintable(QStringLiteral("part %1").arg(part)));
                if (groups[g].pictures.size() > 1) QVERIFY(!first.intersects(last));
            }
            QVERIFY(!panel.caption().contains(QStringLiteral("plane")));
            QVERIFY(!panel.caption().contains(QStringLiteral("ring")));
        }
        // The pictures are the batch: part 1's first real one is the first real sample, and
        // D's verdict frames a real sample it takes for real in green's direction.
        panel.setPart(1);
        QImage real = gallery->groups()[0].pictures[0];
        QCOMPARE(real.size(), QSize(8, 8));
        QCOMPARE(qGray(real.pixel(3, 4)),
                 static_cast<int>(std::lround(255.0f * (1.0f - r.real(4 * 8 + 3, 0)))));
        panel.setPart(2);
        const auto& framed = gallery->groups()[0];
        for (int i = 0; i < batch; ++i) {
            const float verdict = r.verdict(r.dValues(0, i));
            const QColor frame = framed.frames[static_cast<std::size_t>(i)];
            // Green (real) has more green than red; purple (fake) more red than green.
            if (verdict > 0.8f) QVERIFY(frame.green() > frame.red());
            if (verdict < 0.2f) QVERIFY(frame.red() > frame.green());
        }
        // Part 6: each sample's noise as a near-square picture, 3x3 for its 8 values.
        panel.setPart(6);
        QCOMPARE(gallery->groups()[0].pictures[0].size(), QSize(3, 3));
        // Part 10: the fakes before and after the update differ.
        panel.setPart(10);
        QVERIFY(gallery->groups()[0].pictures != gallery->groups()[1].pictures);
        QVERIFY(view->note().contains(QStringLiteral("move")));
    }

    void slowMotionTextFollowsTheZoom() {
        using nnplay::ui::UiScale;
        nnplay::ui::GanSlowMotionPanel panel;
        const auto* title = panel.findChild<QLabel*>(QStringLiteral("ganSlowMotionTitle"));
        QVERIFY(title);
        const double before = QFontInfo(title->font()).pixelSize();
        UiScale::instance()->setPercent(150);  // presenter mode's zoom
        const double after = QFontInfo(title->font()).pixelSize();
        UiScale::instance()->setPercent(UiScale::kMinPercent);
        QVERIFY2(after >= 1.4 * before,
                 qPrintable(QStringLiteral("%1 -> %2").arg(before).arg(after)));
        QCOMPARE(QFontInfo(title->font()).pixelSize(), before);
    }

    void theFlowDiagramsBoxesNeverOverlap_data() {
        // The panel sets 1.2 times its font; presenter mode adds 150 %.
        QTest::addColumn<QSize>("size");
        QTest::addColumn<double>("zoom");
        QTest::newRow("1366x768") << QSize(460, 180) << 1.2;
        QTest::newRow("1024x768") << QSize(310, 180) << 1.2;
        QTest::newRow("presenter") << QSize(600, 200) << 1.8;
    }

    void theFlowDiagramsBoxesNeverOverlap() {
        QFETCH(QSize, size);
        QFETCH(double, zoom);
        nnplay::ui::GanFlowDiagram diagram;
        QFont font = diagram.font();
        font.setPointSizeF(font.pointSizeF() * zoom);
        diagram.setFont(font);
        diagram.resize(size.expandedTo(diagram.minimumSizeHint()));
        const std::vector<QRectF> boxes = diagram.boxRects();
        QCOMPARE(boxes.size(), std::size_t(7));
        for (std::size_t a = 0; a < boxes.size(); ++a) {
            QVERIFY2(QRectF(diagram.rect()).contains(boxes[a]), qPrintable(QString::number(a)));
            for (std::size_t b = a + 1; b < boxes.size(); ++b)
                QVERIFY2(!boxes[a].intersects(boxes[b]),
                         qPrintable(QStringLiteral("boxes %1 and %2").arg(a).arg(b)));
        }
    }

    void curvesHoldTheHistoryAndStartOver() {
        using namespace nnplay::HistoryColumn;
        Run run(ringProject(), 1);
        run.train(30);
        GanCurveView view;
        view.resize(600, 500);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        view.setSnapshot(run.snapshot());
        const nnplay::History& history = run.session->history();
        QCOMPARE(history.size(), std::size_t(3));
        for (const Curve curve : {Curve::DLoss, Curve::GLoss, Curve::JsDivergence,
                                  Curve::KlDivergence, Curve::ModeCoverage}) {
            QVERIFY(view.isShown(curve));
            QCOMPARE(view.pointCount(curve), 3);
            QCOMPARE(view.lastStep(curve), 30.0);
        }
        QVERIFY(view.measurePlot()->isVisible());

        // The next snapshot brings only the new rows; the curves hold every row's values.
        run.train(20);
        view.setSnapshot(run.snapshot());
        QCOMPARE(history.size(), std::size_t(5));
        QCOMPARE(view.pointCount(Curve::DLoss), 5);
        const std::pair<Curve, const char*> columns[] = {{Curve::DLoss, kDLoss},
                                                         {Curve::GLoss, kGLoss},
                                                         {Curve::JsDivergence, kJsDivergence},
                                                         {Curve::KlDivergence, kKlDivergence}};
        for (std::size_t row = 0; row < history.size(); ++row) {
            for (const auto& [curve, column] : columns) {
                const auto point = view.graph(curve)->data()->at(static_cast<int>(row));
                QCOMPARE(point->key, double(history.value(row, kStep)));
                QCOMPARE(point->value, double(history.value(row, column)));
            }
            const auto coverage =
                view.graph(Curve::ModeCoverage)->data()->at(static_cast<int>(row));
            QCOMPARE(coverage->value, double(history.value(row, kModesCovered)) /
                                          double(history.value(row, kModesTotal)));
        }
        QCOMPARE(history.value(4, kModesTotal), 8.0f);
        QCOMPARE(view.lastValue(Curve::DLoss), double(history.value(4, kDLoss)));

        // A step mode that trains only the discriminator leaves a gap in the generator's loss.
        run.session->setStepMode(GanSession::StepMode::DiscriminatorOnly);
        run.train(10);
        view.setSnapshot(run.snapshot());
        QCOMPARE(view.pointCount(Curve::GLoss), 6);
        QVERIFY(std::isnan(view.lastValue(Curve::GLoss)));
        QVERIFY(std::isfinite(view.lastValue(Curve::DLoss)));
        QVERIFY(view.summary()->text().contains(QStringLiteral("Step 60")));

        // A new session starts over.
        Run next(ringProject(), 2);
        next.train(10);
        view.setSnapshot(next.snapshot());
        QCOMPARE(view.pointCount(Curve::DLoss), 1);
        QCOMPARE(view.lastStep(Curve::DLoss), 10.0);
        QCOMPARE(view.lastValue(Curve::GLoss), double(next.session->history().value(0, kGLoss)));

        // An image GAN has losses only.
        Run digits(digitsProject(), 3);
        digits.train(20);
        view.setSnapshot(digits.snapshot());
        QCOMPARE(view.pointCount(Curve::DLoss), 2);
        QVERIFY(!view.isShown(Curve::JsDivergence));
        QVERIFY(!view.isShown(Curve::ModeCoverage));
        QVERIFY(!view.measurePlot()->isVisible());
        QCOMPARE(view.pointCount(Curve::JsDivergence), 0);
    }
};

QTEST_MAIN(TestGanView)
#include "test_gan_view.moc"
