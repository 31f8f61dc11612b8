// SPDX-License-Identifier: GPL-3.0-or-later
// The balance of classes and groups in the window: the data panel's share row (one undo step
// per edit), the confusion matrix view's sentences about precision, recall and groups, and
// the data plot's group markers.
#include <qcustomplot.h>

#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QSpinBox>
#include <QTest>
#include <QUndoStack>
#include <algorithm>
#include <cmath>
#include <memory>

#include "Project.h"
#include "data/DataLoader.h"
#include "document/ProjectDocument.h"
#include "panels/DataPanel.h"
#include "plots/ConfusionMatrixView.h"
#include "plots/DecisionBoundaryView.h"
#include "train/Metrics.h"
#include "train/SnapshotBuilder.h"

using nnplay::DataSpec;
using nnplay::Project;
using nnplay::ui::ConfusionMatrixView;
using nnplay::ui::DataPanel;
using nnplay::ui::ProjectDocument;
using nnplay::ui::TrainingSnapshot;

namespace {

/// Types `text` into a spin box and presses Enter, as a learner does.
void typeInto(QSpinBox* box, const QString& text) {
    box->setFocus();
    box->selectAll();
    QTest::keyClicks(box, text);
    QTest::keyClick(box, Qt::Key_Return);
}

/// Clicks the data source `name` in the panel's list.
void clickSource(DataPanel& panel, const QString& name) {
    QListWidget* list = panel.sourceList();
    for (int i = 0; i < list->count(); ++i) {
        if (list->item(i)->data(Qt::UserRole).toString() != name) continue;
        const QRect rect = list->visualItemRect(list->item(i));
        QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, rect.center());
        return;
    }
    QFAIL(qPrintable("no source " + name));
}

/// A snapshot of a session on `spec` whose test predictions scored `metrics`.
TrainingSnapshot snapshotOf(const DataSpec& spec, const nnplay::ClassificationMetrics& metrics) {
    Project project = Project::defaultProject();
    project.data = spec;
    TrainingSnapshot s;
    s.generation = 1;
    s.valid = true;
    s.data = nnplay::ui::SnapshotBuilder::makePreview(
        nnplay::loadData(spec, nnplay::Task::Classification, ""), project.network());
    s.hasMetrics = true;
    s.test.classification = metrics;
    return s;
}

}  // namespace

class TestDataBalance : public QObject {
    Q_OBJECT

private slots:
    void positiveShareIsOneUndoStep() {
        ProjectDocument document;
        DataPanel panel(&document);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        QSpinBox* share = panel.shareBox();
        // The default circle: the row is there, at the generator's own balance.
        QVERIFY(share->isVisible());
        QCOMPARE(panel.shareLabel()->text(), QStringLiteral("Positive share"));
        QCOMPARE(share->value(), 0);
        QCOMPARE(share->text(), QStringLiteral("About half"));

        QUndoStack* undo = document.undoStack();
        const int steps = undo->count();
        typeInto(share, QStringLiteral("8"));
        QCOMPARE(document.project().data.positiveShare, std::optional<double>(0.08));
        QCOMPARE(undo->count(), steps + 1);
        // Stepping on from there merges into the same step.
        QTest::keyClick(share, Qt::Key_Up);
        QTest::keyClick(share, Qt::Key_Up);
        QCOMPARE(document.project().data.positiveShare, std::optional<double>(0.10));
        QCOMPARE(undo->count(), steps + 1);
        QCOMPARE(undo->undoText(), QStringLiteral("Change positive share"));

        undo->undo();
        QVERIFY(!document.project().data.positiveShare);
        QCOMPARE(share->value(), 0);
        undo->redo();
        QCOMPARE(share->value(), 10);
        // Back to the generator's own balance: unset, not 0 %.
        QTest::keyClick(share, Qt::Key_Down);
        undo->undo();
        typeInto(share, QStringLiteral("0"));
        QVERIFY(!document.project().data.positiveShare);
    }

    void rowFollowsTheSource() {
        ProjectDocument document;
        DataSpec rare = document.project().data;
        rare.positiveShare = 0.2;
        document.setData(rare, nnplay::Task::Classification);
        DataPanel panel(&document);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        QSpinBox* share = panel.shareBox();
        QCOMPARE(share->value(), 20);

        // The groups data: the same row sets the share of group B in the training part, and
        // the switch drops the positive share the groups data does not take, in one step.
        QUndoStack* undo = document.undoStack();
        const int steps = undo->count();
        clickSource(panel, QStringLiteral("groups"));
        QCOMPARE(document.project().data.source, std::string("groups"));
        QVERIFY(!document.project().data.positiveShare);
        QCOMPARE(undo->count(), steps + 1);
        QVERIFY(share->isVisible());
        QCOMPARE(panel.shareLabel()->text(), QStringLiteral("Group B in training"));
        QCOMPARE(share->value(), 50);
        typeInto(share, QStringLiteral("4"));
        QCOMPARE(document.project().data.minorityShare, std::optional<double>(0.04));
        QCOMPARE(undo->count(), steps + 2);
        QCOMPARE(undo->undoText(), QStringLiteral("Change share of group B"));
        undo->undo();
        QVERIFY(!document.project().data.minorityShare);
        QCOMPARE(share->value(), 50);

        // Data without a balance to set: no row.
        clickSource(panel, QStringLiteral("digits"));
        QCOMPARE(document.project().data.source, std::string("digits"));
        QVERIFY(!share->isVisible());
        QVERIFY(!panel.shareLabel()->isVisible());
    }

    void precisionAndRecallInWords() {
        // 200 test samples: 20 positive, of which 4 are found; 10 called positive, 4 rightly;
        // 16 + 6 wrong answers.
        std::vector<int> truth(200, 0), predicted(200, 0);
        for (int i = 0; i < 20; ++i) truth[static_cast<std::size_t>(i)] = 1;
        for (int i = 16; i < 26; ++i) predicted[static_cast<std::size_t>(i)] = 1;
        DataSpec spec;
        spec.source = "circle";
        spec.samples = 400;
        ConfusionMatrixView view;
        view.setSnapshot(snapshotOf(spec, nnplay::classificationMetrics(truth, predicted, 2)));
        const QString text = view.summaryText();
        QVERIFY2(text.contains(QStringLiteral("Test accuracy 89.0% on 200 samples.")),
                 qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral(
                     "Precision 40%: of the 10 samples called positive (+1), 4 are.")),
                 qPrintable(text));
        QVERIFY2(
            text.contains(QStringLiteral("Recall 20%: of the 20 positive samples, 4 were found.")),
            qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("F1 0.27.")), qPrintable(text));
        QVERIFY(!text.contains(QStringLiteral("group")));
        QCOMPARE(view.cellText(1, 1), QStringLiteral("4"));

        // A network that calls nothing positive: said in words, not as 0 %.
        std::fill(predicted.begin(), predicted.end(), 0);
        view.setSnapshot(snapshotOf(spec, nnplay::classificationMetrics(truth, predicted, 2)));
        QVERIFY2(view.summaryText().contains(
                     QStringLiteral("Precision: no sample was called positive (+1).")),
                 qPrintable(view.summaryText()));
        QVERIFY(view.summaryText().contains(QStringLiteral("of the 20 positive samples, 0 were")));
    }

    void moreClassesInShort() {
        nnplay::ClassificationMetrics m =
            nnplay::classificationMetrics({0, 0, 0, 1, 1, 2}, {0, 0, 1, 1, 2, 2}, 3);
        nnplay::DataInfo info;
        info.classNames = {"setosa", "versicolor", "virginica"};
        QCOMPARE(ConfusionMatrixView::describe(m, info),
                 QStringLiteral("Test accuracy 66.7% on 6 samples.\nPrecision/recall per class: "
                                "setosa 100%/67%, versicolor 50%/50%, virginica 50%/100%. "
                                "Macro F1 0.66."));
    }

    void accuracyPerGroupSideBySide() {
        DataSpec spec;
        spec.source = "groups";
        spec.samples = 400;
        spec.minorityShare = 0.04;
        // Test samples 0..3 of group A all right, 4..7 of group B one wrong.
        nnplay::ClassificationMetrics m =
            nnplay::classificationMetrics({0, 1, 0, 1, 0, 1, 0, 1}, {0, 1, 0, 1, 0, 1, 1, 1}, 2);
        m.groupAccuracy = nnplay::groupAccuracies(
            {0, 1, 0, 1, 0, 1, 0, 1}, {0, 1, 0, 1, 0, 1, 1, 1}, {0, 0, 0, 0, 1, 1, 1, 1}, 2);
        ConfusionMatrixView view;
        view.setSnapshot(snapshotOf(spec, m));
        QVERIFY2(view.summaryText().endsWith(QStringLiteral(
                     "Accuracy by group: group A 100%, group B 75% (a gap of 25 percentage "
                     "points).")),
                 qPrintable(view.summaryText()));
    }

    void dataPlotMarksTheGroups() {
        DataSpec spec;
        spec.source = "groups";
        spec.samples = 200;
        nnplay::ui::DecisionBoundaryView view;
        TrainingSnapshot s = snapshotOf(spec, {});
        s.gridSize = 2;
        s.boundary = {std::vector<float>(4, 0.5f)};
        view.setSnapshot(s);
        QVERIFY2(view.caption()->text().endsWith(
                     QStringLiteral("; circles: group A, triangles: group B")),
                 qPrintable(view.caption()->text()));
        // Two classes times two groups: circles for A, triangles for B, every point drawn.
        QCustomPlot* plot = view.plot();
        int circles = 0, triangles = 0;
        for (int i = 0; i < plot->graphCount(); ++i) {
            QCPGraph* graph = plot->graph(i);
            const int points = graph->data()->size();
            if (graph->scatterStyle().shape() == QCPScatterStyle::ssCircle) circles += points;
            if (graph->scatterStyle().shape() == QCPScatterStyle::ssTriangle) {
                triangles += points;
                if (points > 0) QVERIFY(graph->name().endsWith(QStringLiteral("group B")));
            }
        }
        const auto count = [](const std::vector<int>& groups, int g) {
            return static_cast<int>(std::count(groups.begin(), groups.end(), g));
        };
        QCOMPARE(circles, count(s.data->trainGroups, 0) + count(s.data->testGroups, 0));
        QCOMPARE(triangles, count(s.data->trainGroups, 1) + count(s.data->testGroups, 1));
        QCOMPARE(triangles, 100);

        // Data without groups goes back to circles only.
        spec.source = "circle";
        TrainingSnapshot plain = snapshotOf(spec, {});
        plain.generation = 2;
        view.setSnapshot(plain);
        int drawn = 0;
        for (int i = 0; i < plot->graphCount(); ++i) {
            QCPGraph* graph = plot->graph(i);
            if (graph->data()->isEmpty()) continue;
            QCOMPARE(graph->scatterStyle().shape(), QCPScatterStyle::ssCircle);
            drawn += graph->data()->size();
        }
        QCOMPARE(drawn, 200);
    }
};

QTEST_MAIN(TestDataBalance)
#include "test_data_balance.moc"
