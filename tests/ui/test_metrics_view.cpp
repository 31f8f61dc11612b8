// SPDX-License-Identifier: GPL-3.0-or-later
// The Metrics tab: per-class figures, ROC and precision-recall curves, the decision threshold
// (which the confusion matrix follows), and a regression's predicted and actual values.
#include <qcustomplot.h>

#include <QSignalSpy>
#include <QSlider>
#include <QTabWidget>
#include <QTableWidget>
#include <QTest>

#include "Project.h"
#include "data/DataLoader.h"
#include "document/ProjectDocument.h"
#include "plots/ConfusionMatrixView.h"
#include "plots/MetricsView.h"
#include "plots/SampleGridView.h"
#include "train/SnapshotBuilder.h"
#include "train/TrainingController.h"
#include "window/TrainingViews.h"

using nnplay::Task;
using nnplay::ui::MetricsView;
using nnplay::ui::TrainingSnapshot;
using nnplay::ui::TrainingViews;

namespace {

/// A snapshot of circle data (classes "-1" and "+1") whose test part is six samples with
/// these truths and probabilities of class 1.
TrainingSnapshot twoClassSnapshot() {
    nnplay::Project project = nnplay::Project::defaultProject();
    TrainingSnapshot s;
    s.generation = 1;
    s.valid = true;
    s.data = nnplay::ui::SnapshotBuilder::makePreview(
        nnplay::loadData(project.data, Task::Classification, ""), project.network());
    s.hasMetrics = true;
    s.test.samples = 6;
    s.test.truth = {0, 0, 1, 1, 1, 0};
    s.test.scores = {0.1, 0.6, 0.4, 0.8, 0.9, 0.3};
    s.test.classification = nnplay::classificationMetrics(
        s.test.truth, nnplay::classesAtThreshold(s.test.scores, 0.5), 2);
    s.test.curves = nnplay::BinaryCurves::of(s.test.truth, s.test.scores);
    return s;
}

QString text(QTableWidget* table, int row, int column) {
    QTableWidgetItem* item = table->item(row, column);
    return item ? item->text() : QString();
}

}  // namespace

class TestMetricsView : public QObject {
    Q_OBJECT

private slots:
    void twoClassesShowCurvesAndTheThresholdMovesTheMatrix() {
        nnplay::ui::TrainingController training;
        nnplay::ui::ProjectDocument document;
        TrainingViews views(&training, &document);
        views.tabs()->resize(900, 600);
        views.tabs()->show();
        QVERIFY(QTest::qWaitForWindowExposed(views.tabs()));
        views.setSnapshot(twoClassSnapshot());
        QVERIFY(views.isAvailable(TrainingViews::View::Metrics));
        views.showView(TrainingViews::View::Metrics);
        MetricsView* metrics = views.metricsView();
        QTableWidget* table = metrics->table();
        // Rows: "-1", "+1", the macro average. At 0.5 two of the three called +1 are.
        QCOMPARE(table->rowCount(), 3);
        QCOMPARE(text(table, 1, 0), QStringLiteral("+1"));
        QCOMPARE(text(table, 1, 1), QStringLiteral("0.667"));
        QCOMPARE(text(table, 1, 2), QStringLiteral("0.667"));
        QCOMPARE(text(table, 1, 4), QStringLiteral("3"));
        QCOMPARE(text(table, 2, 0), QStringLiteral("Macro average"));
        // 8 of the 9 (positive, negative) pairs are ranked right.
        QVERIFY2(metrics->headline().contains("ROC AUC 0.889"), qPrintable(metrics->headline()));
        QVERIFY(metrics->rocPlot()->isVisible());
        QVERIFY(metrics->precisionRecallPlot()->isVisible());
        QVERIFY(!metrics->scatterPlot()->isVisible());
        nnplay::ui::ConfusionMatrixView* confusion = views.confusionView();
        confusion->setSnapshot(twoClassSnapshot());
        QCOMPARE(confusion->cellText(1, 0), QStringLiteral("1"));
        QCOMPARE(confusion->cellText(1, 1), QStringLiteral("2"));
        // Clicking a cell shows its samples: the Test samples tab marks them.
        views.showView(TrainingViews::View::ConfusionMatrix);
        confusion->plot()->replot();
        const QPoint cell(static_cast<int>(confusion->plot()->xAxis->coordToPixel(1)),
                          static_cast<int>(confusion->plot()->yAxis->coordToPixel(1)));
        QCOMPARE(confusion->cellAt(cell), std::make_pair(1, 1));
        // The samples' own predictions: every third one wrong.
        TrainingSnapshot snapshot = twoClassSnapshot();
        for (int i = 0; i < snapshot.data->sampleCount(); ++i) {
            const int label = snapshot.data->sampleLabels[static_cast<std::size_t>(i)];
            snapshot.samplePredictions.push_back(i % 3 == 0 ? 1 - label : label);
        }
        views.samplesView()->setSnapshot(snapshot);
        QVERIFY(views.samplesView()->markedSamples().empty());
        QSignalSpy clicked(confusion, &nnplay::ui::ConfusionMatrixView::cellClicked);
        QTest::mouseClick(confusion->plot(), Qt::LeftButton, {}, cell);
        QCOMPARE(clicked.count(), 1);
        QCOMPARE(clicked.at(0).at(0).toInt(), 1);
        QCOMPARE(clicked.at(0).at(1).toInt(), 1);
        // 2-D points have no Test samples tab (the Output view shows them): the click stays.
        QCOMPARE(views.currentView(), static_cast<QWidget*>(confusion));
        views.samplesView()->markCell(1, 1);
        std::vector<int> expected;
        for (int i = 0; i < snapshot.data->sampleCount(); ++i)
            if (snapshot.data->sampleLabels[static_cast<std::size_t>(i)] == 1 &&
                snapshot.samplePredictions[static_cast<std::size_t>(i)] == 1)
                expected.push_back(i);
        QVERIFY(!expected.empty());
        QCOMPARE(views.samplesView()->markedSamples(), expected);
        views.samplesView()->markCell(-1, -1);
        QVERIFY(views.samplesView()->markedSamples().empty());
        views.showView(TrainingViews::View::Metrics);

        // Down to 0.35 by keys, as a learner does: 0.4 is called positive too.
        metrics->thresholdSlider()->setFocus();
        for (int i = 0; i < 15; ++i) QTest::keyClick(metrics->thresholdSlider(), Qt::Key_Left);
        QCOMPARE(metrics->threshold(), 0.35);
        QCOMPARE(text(table, 1, 1), QStringLiteral("0.750"));
        QCOMPARE(text(table, 1, 2), QStringLiteral("1.000"));
        QCOMPARE(text(table, 0, 1), QStringLiteral("1.000"));  // both called -1 are
        QCOMPARE(confusion->cellText(1, 0), QStringLiteral("0"));
        QCOMPARE(confusion->cellText(1, 1), QStringLiteral("3"));
        QVERIFY2(confusion->summaryText().contains("threshold of 0.35"),
                 qPrintable(confusion->summaryText()));
        // The ROC marker sits at this threshold's rates: 1 of 3 negatives, 3 of 3 positives.
        QCPGraph* marker = metrics->rocPlot()->graph(2);
        QCOMPARE(marker->dataCount(), 1);
        QCOMPARE(marker->data()->begin()->key, 1.0 / 3.0);
        QCOMPARE(marker->data()->begin()->value, 1.0);
        // A new snapshot keeps the threshold the learner chose.
        views.setSnapshot(twoClassSnapshot());
        QCOMPARE(text(table, 1, 1), QStringLiteral("0.750"));
        QCOMPARE(confusion->cellText(1, 1), QStringLiteral("3"));
    }

    void manyClassesShowTheTableOnly() {
        TrainingSnapshot s = twoClassSnapshot();
        s.test.curves.reset();
        s.test.scores.clear();
        s.test.classification = nnplay::classificationMetrics({0, 1, 2, 2, 1}, {0, 2, 2, 2, 1}, 3);
        MetricsView view;
        view.show();
        view.setSnapshot(s);
        QCOMPARE(view.table()->rowCount(), 4);
        QCOMPARE(text(view.table(), 2, 1), QStringLiteral("0.667"));  // class 2: 2 of 3 right
        QCOMPARE(text(view.table(), 3, 4), QStringLiteral("5"));
        QVERIFY(!view.rocPlot()->isVisible());
        QVERIFY(!view.thresholdSlider()->isVisible());
    }

    void regressionPlotsPredictedAgainstActual() {
        nnplay::Project project = nnplay::Project::defaultProject();
        project.data.source = "plane";
        TrainingSnapshot s;
        s.generation = 1;
        s.valid = true;
        s.data = nnplay::ui::SnapshotBuilder::makePreview(
            nnplay::loadData(project.data, Task::Regression, ""), project.network());
        s.hasMetrics = true;
        s.test.samples = 3;
        s.test.actual = {1.0f, 2.0f, 4.0f};
        s.test.predicted = {1.5f, 2.0f, 3.0f};
        s.test.regression = nnplay::RegressionMetrics{0.41666, 0.5, 0.78};
        MetricsView view;
        view.resize(800, 500);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        view.setSnapshot(s);
        QCOMPARE(view.table()->rowCount(), 3);
        QCOMPARE(text(view.table(), 1, 1), QStringLiteral("0.5"));
        QVERIFY(view.scatterPlot()->isVisible());
        QVERIFY(!view.rocPlot()->isVisible());
        QCPGraph* points = view.scatterPlot()->graph(1);
        QCOMPARE(points->dataCount(), 3);
        QCPGraph* residuals = view.residualPlot()->graph(1);
        QCOMPARE(residuals->dataCount(), 3);
        // Sorted by the actual value: residuals 0.5, 0, -1.
        auto it = residuals->data()->begin();
        QCOMPARE(it->value, 0.5);
        QCOMPARE((it + 2)->value, -1.0);
    }
};

QTEST_MAIN(TestMetricsView)
#include "test_metrics_view.moc"
