// SPDX-License-Identifier: GPL-3.0-or-later
// Looking inside a trained model in a real window with its worker: the saliency map of the
// traced digit in Inside, and the activations of a hovered point of the plane.
#include <qcustomplot.h>

#include <QLabel>
#include <QMouseEvent>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

#include "Project.h"
#include "Wait.h"
#include "data/DataLoader.h"
#include "data/Features.h"
#include "plots/DecisionBoundaryView.h"
#include "plots/NetworkTraceView.h"
#include "plots/SaliencyView.h"
#include "train/InputSaliency.h"
#include "train/TrainingController.h"
#include "train/TrainingSession.h"
#include "window/MainWindow.h"
#include "window/ProjectFiles.h"
#include "window/TrainingToolBar.h"
#include "window/TrainingViews.h"

using nnplay::Project;
using nnplay::test::waitUntil;
using nnplay::ui::MainWindow;
using nnplay::ui::SaliencyView;
using nnplay::ui::TrainingViews;

class TestSaliencyView : public QObject {
    Q_OBJECT
    QTemporaryDir m_settingsDir;

private slots:
    void initTestCase() {
        QVERIFY(m_settingsDir.isValid());
        QSettings::setDefaultFormat(QSettings::IniFormat);
        QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_settingsDir.path());
    }

    // After a few epochs on the digits, Inside shows the traced digit's saliency: the size of
    // the worker's gradient per pixel over the largest, named after the predicted class; the
    // map follows another chosen sample.
    void showsTheSaliencyOfTheTracedDigit() {
        Project p;
        p.data.source = "digits";
        p.network().add("conv2d").settings = {{"filters", 4}, {"kernel_size", 3}};
        p.network().add("relu");
        p.network().add("flatten");
        p.network().add("dense", 10);
        p.network().add("softmax");
        p.training.loss = nnplay::LossKind::Cce;
        MainWindow window;
        window.resize(1366, 768);
        window.files()->openProject(p);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        auto* controller = window.training();
        QVERIFY(nnplay::test::waitForValidSession(controller));
        for (int epoch = 1; epoch <= 3; ++epoch) {
            window.trainingToolBar()->stepAction()->trigger();
            QVERIFY(
                waitUntil([&] { return controller->lastSnapshot().epoch >= epoch; }, "an epoch"));
        }
        TrainingViews* views = window.views();
        views->showView(TrainingViews::View::Trace);
        SaliencyView* saliency = views->traceView()->saliencyView();
        QVERIFY(saliency->isVisible());
        QVERIFY(waitUntil([&] { return saliency->hasMap() && saliency->sample() == 0; },
                          "the first sample's saliency"));
        const auto& sent = controller->lastSnapshot().saliency;
        QCOMPARE(sent.sample, 0);
        const std::vector<float> pixels = nnplay::InputSaliency::pixelMap({1, 8, 8}, sent.gradient);
        const float largest = *std::max_element(pixels.begin(), pixels.end());
        QVERIFY(largest > 0.0f);
        QCOMPARE(saliency->values().size(), std::size_t(64));
        for (std::size_t i = 0; i < pixels.size(); ++i)
            QVERIFY(std::abs(saliency->values()[i] - pixels[i] / largest) < 1e-6f);
        QCOMPARE(saliency->heatImage().size(), QSize(8, 8));
        const int predicted = controller->lastSnapshot().samplePredictions[0];
        QCOMPARE(sent.klass, predicted);
        QVERIFY(saliency->captionText().contains(
            QStringLiteral("score of \u201c%1\u201d").arg(predicted)));
        QVERIFY(saliency->captionText().contains(QStringLiteral("before softmax")));

        const QImage first = saliency->heatImage();
        views->traceView()->setSample(6);
        QVERIFY(waitUntil([&] { return saliency->sample() == 6; }, "the seventh sample"));
        QVERIFY(saliency->heatImage() != first);
        saliency->setSigned(true);
        QVERIFY(saliency->captionText().contains(QStringLiteral("Blue pixels")));
        QVERIFY(std::any_of(saliency->values().begin(), saliency->values().end(),
                            [](float v) { return v < 0.0f; }));
    }

    // Hovering the plane lists what the point makes every layer give: the model's own values,
    // as a forward pass of the trained weights computes them.
    void hoveringAPointListsItsActivations() {
        Project p;
        p.data.source = "circle";
        p.data.samples = 200;
        p.network() = nnplay::NetworkSpec::multilayer({4, 3, 1}, "tanh", "sigmoid");
        p.training.loss = nnplay::LossKind::Bce;
        MainWindow window;
        window.resize(1366, 768);
        window.files()->openProject(p);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        auto* controller = window.training();
        QVERIFY(nnplay::test::waitForValidSession(controller));
        window.trainingToolBar()->stepAction()->trigger();
        QVERIFY(waitUntil([&] { return controller->lastSnapshot().epoch >= 1; }, "an epoch"));
        TrainingViews* views = window.views();
        views->showView(TrainingViews::View::Output);
        auto* boundary = views->boundaryView();
        QCustomPlot* plot = boundary->plot();
        const QPoint at(static_cast<int>(plot->xAxis->coordToPixel(1.5)),
                        static_cast<int>(plot->yAxis->coordToPixel(-2.0)));
        QMouseEvent move(QEvent::MouseMove, QPointF(at), plot->mapToGlobal(QPointF(at)),
                         Qt::NoButton, Qt::NoButton, Qt::NoModifier);
        QApplication::sendEvent(plot, &move);
        QVERIFY(waitUntil([&] { return boundary->probe().valid; }, "the point's activations"));
        const auto& probe = boundary->probe();
        QVERIFY(std::abs(probe.x1 - 1.5f) < 0.1f && std::abs(probe.x2 + 2.0f) < 0.1f);
        QVERIFY(boundary->probePanel()->isVisible());

        // The same point through the trained weights, outside the window.
        std::vector<nnplay::NamedNetwork> networks;
        nnplay::History history;
        QVERIFY(controller->fetchCurrentState(networks, history));
        Project trained = p;
        trained.network() = networks[0].spec;
        nnplay::TrainingSession session(trained, nnplay::loadData(p.data, p.task, "."));
        nnplay::Matrix point(2, 1), features;
        point << probe.x1, probe.x2;
        nnplay::derivePlaneFeatures(point, session.data().info.featureNames, features);
        session.data().standardizer.apply(features);
        nnplay::Model& model = session.model();
        model.forward(features, nnplay::Mode::Infer);
        QCOMPARE(probe.layers.size(), std::size_t(model.layerCount()));
        const QString text = boundary->probePanel()->text();
        for (int layer = 0; layer < model.layerCount(); ++layer) {
            const auto out = model.layerOutput(layer);
            const auto& values = probe.layers[std::size_t(layer)].values;
            QCOMPARE(values.size(), std::size_t(out.rows()));
            for (int unit = 0; unit < out.rows(); ++unit) {
                QVERIFY(std::abs(values[std::size_t(unit)] - out(unit, 0)) < 1e-5f);
                QVERIFY(text.contains(QString::number(out(unit, 0), 'f', 2)));
            }
        }
        QVERIFY(text.contains(QStringLiteral("Dense (layer 1)")));

        // Leaving the plot hides the panel and stops asking.
        QEvent leave(QEvent::Leave);
        QApplication::sendEvent(plot, &leave);
        QVERIFY(!boundary->probePanel()->isVisible());
        QVERIFY(!controller->snapshotRequest().probe);
    }
};

QTEST_MAIN(TestSaliencyView)
#include "test_saliency_view.moc"
