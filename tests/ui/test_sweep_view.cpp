// SPDX-License-Identifier: GPL-3.0-or-later
// The Sweep tab: runs a sweep off the UI thread beside Play's training, fills its table row by
// row, sorts it, exports the CLI's CSV, and stops on Cancel.
#include <qcustomplot.h>

#include <QComboBox>
#include <QFile>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

#include "Project.h"
#include "document/ProjectDocument.h"
#include "Wait.h"
#include "plots/SweepView.h"
#include "train/TrainingController.h"
#include "window/MainWindow.h"
#include "window/ProjectFiles.h"
#include "window/TrainingViews.h"

using nnplay::Project;
using nnplay::test::waitUntil;
using nnplay::ui::MainWindow;
using nnplay::ui::SweepView;
using nnplay::ui::TrainingViews;

namespace {

/// Circle data of 60 points, 2-4-1 tanh, a few epochs: a run takes a moment.
Project tinyProject(int epochs) {
    Project p = Project::defaultProject();
    p.data.source = "circle";
    p.data.samples = 60;
    p.network() = nnplay::NetworkSpec::multilayer({4, 1}, "tanh", "sigmoid");
    int id = 1;
    for (nnplay::LayerSpec& layer : p.network().layers) layer.id = id++;
    p.training.loss = nnplay::LossKind::Bce;
    p.training.epochs = epochs;
    return p;
}

void quietMessages(MainWindow& window) {
    window.files()->setMessageHook(
        [](QMessageBox::Icon, const QString&, const QString&, QMessageBox::StandardButtons) {
            return QMessageBox::Discard;
        });
}

void typeValues(SweepView* view, const QString& values) {
    view->valuesEdit()->selectAll();
    QTest::keyClicks(view->valuesEdit(), values);
}

}  // namespace

class TestSweepView : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_settingsDir;

private slots:
    void initTestCase() {
        QVERIFY(m_settingsDir.isValid());
        QSettings::setDefaultFormat(QSettings::IniFormat);
        QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_settingsDir.path());
    }

    void theTabRunsASweepAndExportsIt() {
        MainWindow window;
        quietMessages(window);
        window.files()->openProject(tinyProject(3));
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QCOMPARE(TrainingViews::viewNamed(QStringLiteral("sweep")), TrainingViews::View::Sweep);
        window.views()->showView(TrainingViews::View::Sweep);
        SweepView* view = window.views()->sweepView();
        QVERIFY(view->isVisible());
        // The friendly settings, units by layer name; no dropout without dropout layers.
        QComboBox* box = view->settingBox();
        QVERIFY(box->findData(QStringLiteral("learning_rate")) >= 0);
        QVERIFY(box->findData(QStringLiteral("train_size")) >= 0);
        QCOMPARE(box->findData(QStringLiteral("dropout")), -1);
        const int units = box->findData(QStringLiteral("units:0"));
        QVERIFY(units >= 0);
        QVERIFY2(box->itemText(units).contains(QStringLiteral("Dense 4")),
                 qPrintable(box->itemText(units)));
        QVERIFY(view->chooseSetting(QStringLiteral("learning_rate")));
        QCOMPARE(view->valuesEdit()->text(), QStringLiteral("0.001,0.01,0.1,1"));
        QVERIFY(!view->exportButton()->isEnabled());

        const int generation = window.training()->generation();
        const int epoch = window.training()->lastSnapshot().epoch;
        typeValues(view, QStringLiteral("0.01,0.3"));
        QTest::mouseClick(view->runButton(), Qt::LeftButton);
        QVERIFY(view->isRunning());
        QVERIFY(!view->runButton()->isEnabled());
        QVERIFY(view->cancelButton()->isEnabled());
        QVERIFY(waitUntil([&] { return !view->isRunning(); }, "the sweep is done"));
        QCOMPARE(view->tableView()->model()->rowCount(), 2);
        // Both runs join the project's runs, for the Runs tab.
        const auto& runs = window.document()->project().runs;
        QCOMPARE(runs.size(), std::size_t(2));
        QCOMPARE(runs[1].name, std::string("learning_rate = 0.3"));
        QCOMPARE(view->table().rows()[0].value, std::string("0.01"));
        QCOMPARE(view->table().rows()[1].value, std::string("0.3"));
        QVERIFY2(view->progressLabel()->text().startsWith(QStringLiteral("Done: 2 values")),
                 qPrintable(view->progressLabel()->text()));
        // The plot shows the training and test losses of both values on a log axis.
        QCOMPARE(view->plot()->graphCount(), 2);
        QCOMPARE(view->plot()->graph(0)->dataCount(), 2);
        QCOMPARE(view->plot()->xAxis->scaleType(), QCPAxis::stLogarithmic);
        // Play's training was not touched.
        QCOMPARE(window.training()->generation(), generation);
        QCOMPARE(window.training()->lastSnapshot().epoch, epoch);

        // Clicking a header sorts by it; the best value is on the highlight.
        QTableView* table = view->tableView();
        QHeaderView* header = table->horizontalHeader();
        int testLoss = -1;
        for (int c = 0; c < table->model()->columnCount(); ++c)
            if (table->model()->headerData(c, Qt::Horizontal) == QStringLiteral("Test loss"))
                testLoss = c;
        QVERIFY(testLoss > 0);
        const QPoint at(header->sectionViewportPosition(testLoss) + 5, header->height() / 2);
        QTest::mouseClick(header->viewport(), Qt::LeftButton, {}, at);
        QCOMPARE(header->sortIndicatorSection(), testLoss);
        const double first = table->model()->index(0, testLoss).data(Qt::UserRole + 1).toDouble();
        const double second = table->model()->index(1, testLoss).data(Qt::UserRole + 1).toDouble();
        QVERIFY(header->sortIndicatorOrder() == Qt::AscendingOrder ? first <= second
                                                                   : first >= second);
        const int best = view->table().bestRow();
        QVERIFY(best >= 0);
        int bold = 0;
        for (int r = 0; r < 2; ++r)
            bold += table->model()->index(r, 0).data(Qt::FontRole).value<QFont>().bold() ? 1 : 0;
        QCOMPARE(bold, 1);

        // Export CSV writes the table nnplay-cli sweep writes.
        QVERIFY(view->exportButton()->isEnabled());
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("sweep.csv"));
        QCOMPARE(view->exportCsv(path), QString());
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QStringList lines =
            QString::fromUtf8(file.readAll()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 3);
        QCOMPARE(
            lines[0],
            QStringLiteral("value,train_loss,test_loss,train_accuracy,test_accuracy,best_epoch"));
        QVERIFY(lines[1].startsWith(QStringLiteral("0.01,")));
        QVERIFY(lines[2].startsWith(QStringLiteral("0.3,")));
        QVERIFY(!view->exportCsv(dir.path()).isEmpty());  // a folder is no file
    }

    void aLearningCurveDrawsErrorAgainstSamples() {
        SweepView view;
        view.setProject(tinyProject(2), QString());
        QVERIFY(view.chooseSetting(QStringLiteral("train_size")));
        QCOMPARE(view.valuesEdit()->text(), QStringLiteral("3,8,15,23,30"));
        typeValues(&view, QStringLiteral("5,30"));
        QVERIFY(view.run());
        QVERIFY(waitUntil([&] { return !view.isRunning(); }, "the learning curve is done"));
        QCOMPARE(view.table().rows().size(), std::size_t(2));
        QCPGraph* train = view.plot()->graph(0);
        QCOMPARE(train->dataCount(), 2);
        QCOMPARE(train->data()->at(0)->key, 5.0);
        QCOMPARE(train->data()->at(1)->key, 30.0);
        QCOMPARE(train->data()->at(1)->value, 1.0 - view.table().rows()[1].trainAccuracy);
        QCOMPARE(view.plot()->xAxis->label(), QStringLiteral("Training samples"));
    }

    void cancelStopsTheSweep() {
        SweepView view;
        view.setProject(tinyProject(100000), QString());
        QVERIFY(view.chooseSetting(QStringLiteral("l2")));
        QVERIFY(view.run());
        QVERIFY(waitUntil(
            [&] { return view.progressLabel()->text().contains(QStringLiteral("epoch")); },
            "the first run trains"));
        QTest::mouseClick(view.cancelButton(), Qt::LeftButton);
        QVERIFY(waitUntil([&] { return !view.isRunning(); }, "the sweep stopped"));
        QVERIFY(view.table().rows().empty());
        QVERIFY2(view.progressLabel()->text().startsWith(QStringLiteral("Cancelled after 0")),
                 qPrintable(view.progressLabel()->text()));
        QVERIFY(view.runButton()->isEnabled());
        // And a new sweep runs after it.
        view.setProject(tinyProject(1), QString());
        typeValues(&view, QStringLiteral("0,0.1"));
        QVERIFY(view.run());
        QVERIFY(waitUntil([&] { return !view.isRunning(); }, "the second sweep is done"));
        QCOMPARE(view.table().rows().size(), std::size_t(2));
    }

    void badValuesAreRefusedByName() {
        SweepView view;
        view.setProject(tinyProject(1), QString());
        QVERIFY(view.chooseSetting(QStringLiteral("learning_rate")));
        typeValues(&view, QStringLiteral("0.1,-1"));
        QVERIFY(!view.run());
        QVERIFY(!view.isRunning());
        QVERIFY2(view.progressLabel()->text().contains(QStringLiteral("learning_rate = -1")),
                 qPrintable(view.progressLabel()->text()));
        // A GAN offers nothing to sweep.
        Project gan;
        gan.task = nnplay::Task::Gan;
        view.setProject(gan, QString());
        QCOMPARE(view.settingBox()->count(), 0);
        QVERIFY(!view.run());
    }
};

QTEST_MAIN(TestSweepView)
#include "test_sweep_view.moc"
