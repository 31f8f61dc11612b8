// SPDX-License-Identifier: GPL-3.0-or-later
// The window's file handling beyond open and save: examples listed and titled by the title
// their file gives, CSV data kept inside a saved project, and the application's icon.
#include <qcustomplot.h>

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QContextMenuEvent>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QPushButton>
#include <QSet>
#include <QSettings>
#include <QSignalSpy>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QSvgRenderer>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <memory>
#include <vector>

#include "FileBytes.h"
#include "Project.h"
#include "Wait.h"
#include "data/ResourcePath.h"
#include "document/ProjectDocument.h"
#include "editor/NetworkView.h"
#include "io/ProjectFile.h"
#include "panels/CsvImportDialog.h"
#include "panels/DataPanel.h"
#include "plots/GanSlowMotionPanel.h"
#include "plots/LossCurveView.h"
#include "plots/PictureActions.h"
#include "plots/PictureExport.h"
#include "train/TrainingController.h"
#include "train/TrainingWorker.h"
#include "window/ApplicationIcon.h"
#include "window/MainWindow.h"
#include "window/ProjectFiles.h"
#include "window/TrainingViews.h"
#include "window/ViewExport.h"

using nnplay::Project;
using nnplay::test::readBytes;
using nnplay::test::waitUntil;
using nnplay::test::writeBytes;
using nnplay::ui::MainWindow;
using nnplay::ui::PictureActions;
using nnplay::ui::PictureExport;
using nnplay::ui::TrainingSnapshot;

namespace {

/// The shipped iris example with its CSV at `csv` (absolute, as the document holds it).
Project irisProject(const QString& csv) {
    Project p = nnplay::ProjectFile::load(nnplay::resourcePath("examples/iris-csv.nnplay"));
    p.title.clear();
    p.data.path = csv.toStdString();
    return p;
}

}  // namespace

class TestFiles : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_settingsDir;
    QTemporaryDir m_dir;
    std::unique_ptr<MainWindow> m_window;
    QStringList m_questions;  // titles of the messages shown
    QString m_lastText;       // the text of the last one
    QMessageBox::StandardButton m_answer = QMessageBox::No;

    QString path(const QString& name) const { return m_dir.filePath(name); }

    bool sessionValid() { return nnplay::test::waitForValidSession(m_window->training()); }

    QMenu* examplesMenu() const {
        for (QMenu* menu : m_window->findChildren<QMenu*>())
            if (menu->title() == QStringLiteral("Open &Example")) return menu;
        return nullptr;
    }

private slots:
    void initTestCase() {
        QVERIFY(m_settingsDir.isValid());
        QVERIFY(m_dir.isValid());
        QStandardPaths::setTestModeEnabled(true);
        QSettings::setDefaultFormat(QSettings::IniFormat);
        QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_settingsDir.path());
    }

    void init() {
        m_questions.clear();
        m_lastText.clear();
        m_answer = QMessageBox::No;
        m_window = std::make_unique<MainWindow>();
        m_window->files()->setMessageHook([this](QMessageBox::Icon, const QString& title,
                                                 const QString& text,
                                                 QMessageBox::StandardButtons) {
            m_questions << title;
            m_lastText = text;
            return m_answer;
        });
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    }

    void cleanup() { m_window.reset(); }

    void theApplicationHasAnIcon() {
        const QIcon icon = nnplay::ui::applicationIcon();
        QVERIFY(!icon.isNull());
        for (const int size : {16, 32, 256})
            QCOMPARE(icon.pixmap(QSize(size, size)).size(), QSize(size, size));
        QApplication::setWindowIcon(icon);
        QVERIFY(!QApplication::windowIcon().isNull());
        QVERIFY(!m_window->windowIcon().isNull());
    }

    // File > Export as PyTorch Script writes what nnplay-cli export writes, once trained.
    void exportWritesTheTrainedNetworkAsAPyTorchScript() {
        const QString& shown = m_lastText;
        QVERIFY(sessionValid());
        const QString script = path(QStringLiteral("circle.py"));
        QVERIFY(!m_window->files()->exportPyTorch(script));
        QVERIFY2(shown.contains(QStringLiteral("no trained weights")), qPrintable(shown));
        QVERIFY(!QFile::exists(script));

        nnplay::ui::TrainingController* training = m_window->training();
        training->send(&nnplay::ui::TrainingWorker::trainEpochs, 3);
        QVERIFY(waitUntil([&] { return training->lastSnapshot().epoch >= 3; }, "3 epochs"));
        QVERIFY(waitUntil([&] { return !training->lastSnapshot().running; }, "it pauses"));
        QVERIFY(m_window->files()->exportPyTorch(script));
        for (const char* name : {"circle.py", "circle.weights.json", "circle.data.csv"})
            QVERIFY2(QFile::exists(path(QString::fromLatin1(name))), name);
        QVERIFY(readBytes(script).contains("import torch"));
        QVERIFY(QFileInfo(script).isExecutable());
        // The weights are the session's: the document's network holds them now too.
        QVERIFY(m_window->document()->project().network().hasParams());

        m_window->files()->openProject(Project::defaultGanProject());
        QVERIFY(sessionValid());
        const QString ganScript = path(QStringLiteral("gan.py"));
        QVERIFY(!m_window->files()->exportPyTorch(ganScript));
        QVERIFY2(shown.contains(QStringLiteral("GAN")), qPrintable(shown));
        // Once trained, both networks go out, with the worker's own copy of the data.
        training->send(&nnplay::ui::TrainingWorker::trainEpochs, 1);
        QVERIFY(waitUntil([&] { return training->lastSnapshot().historySize() >= 1; },
                          "a measurement is trained"));
        QVERIFY(waitUntil([&] { return !training->lastSnapshot().running; }, "it pauses"));
        QVERIFY2(m_window->files()->exportPyTorch(ganScript), qPrintable(shown));
        const QByteArray ganText = readBytes(ganScript);
        QVERIFY(ganText.contains("class Generator") && ganText.contains("class Discriminator"));
        QVERIFY(QFile::exists(path(QStringLiteral("gan.weights.json"))));
        QVERIFY(readBytes(path(QStringLiteral("gan.data.csv"))).count('\n') > 100);
    }

    void examplesAreListedByTitle() {
        QMenu* menu = examplesMenu();
        QVERIFY(menu);
        QStringList titles;
        const QDir dir(QString::fromStdString(nnplay::resourcePath("examples")));
        for (const QString& name : dir.entryList({QStringLiteral("*.nnplay")})) {
            const Project p = nnplay::ProjectFile::load(dir.filePath(name).toStdString());
            titles << QString::fromStdString(p.title);
        }
        titles.sort();
        QStringList listed;
        for (QAction* action : menu->actions()) listed << action->text();
        QCOMPARE(listed, titles);
        QVERIFY(listed.contains(QStringLiteral("Circle: a first classifier")));
    }

    void anOpenedExampleShowsItsTitleAndStaysUntitled() {
        QAction* circle = nullptr;
        for (QAction* action : examplesMenu()->actions())
            if (action->text() == QStringLiteral("Circle: a first classifier")) circle = action;
        QVERIFY(circle);
        circle->trigger();
        nnplay::ui::ProjectDocument* doc = m_window->document();
        QCOMPARE(QString::fromStdString(doc->project().title),
                 QStringLiteral("Circle: a first classifier"));
        QVERIFY(doc->filePath().isEmpty());  // Save asks where: the shipped file stays
        QVERIFY(!doc->isModified());
        QCOMPARE(m_window->windowTitle(), QStringLiteral("Circle: a first classifier[*] — nnplay"));
        // Saved somewhere, the file's name is the window's name; the title goes along.
        const QString file = path(QStringLiteral("my-circle.nnplay"));
        QVERIFY(m_window->files()->saveFile(file));
        QCOMPARE(m_window->windowTitle(), QStringLiteral("my-circle.nnplay[*] — nnplay"));
        QCOMPARE(nnplay::ProjectFile::load(file.toStdString()).title,
                 std::string("Circle: a first classifier"));
        QVERIFY(m_questions.isEmpty());
    }

    void savingAsksOnceToKeepDataFromElsewhere() {
        QVERIFY(QDir(m_dir.path()).mkpath(QStringLiteral("data")));
        QVERIFY(QDir(m_dir.path()).mkpath(QStringLiteral("lesson")));
        const QByteArray csv =
            readBytes(QString::fromStdString(nnplay::resourcePath("examples/iris.csv")));
        const QString csvPath = path(QStringLiteral("data/iris.csv"));
        QVERIFY(writeBytes(csvPath, csv));
        m_window->files()->openProject(irisProject(csvPath));
        m_answer = QMessageBox::Yes;
        const QString file = path(QStringLiteral("lesson/iris.nnplay"));
        QVERIFY(m_window->files()->saveFile(file));
        QCOMPARE(m_questions, QStringList{QStringLiteral("Keep the data with the project?")});
        QCOMPARE(
            QByteArray::fromStdString(nnplay::ProjectFile::load(file.toStdString()).data.csvText),
            csv);
        // Asked once: the next save keeps the data without asking.
        QVERIFY(m_window->files()->saveFile(file));
        QCOMPARE(m_questions.size(), 1);

        // Handed on without the CSV file, the project opens, trains and saves its data again.
        QVERIFY(QFile::remove(csvPath));
        QVERIFY(m_window->files()->openFile(file));
        QVERIFY(sessionValid());
        QVERIFY(m_window->document()->dataInfo().has_value());
        const QString copy = path(QStringLiteral("iris-again.nnplay"));
        QVERIFY(m_window->files()->saveFile(copy));
        QCOMPARE(m_questions.size(), 1);
        const Project again = nnplay::ProjectFile::load(copy.toStdString());
        QCOMPARE(QByteArray::fromStdString(again.data.csvText), csv);
        // A saved file always loads again, with the same project.
        QVERIFY(again == nnplay::ProjectFile::parse(nnplay::ProjectFile::serialize(again)));
    }

    void keptDataChangesItsLabelWithoutTheFile() {
        QTemporaryDir elsewhere;  // not the project's folder: saving offers to keep the data
        const QString csvPath = elsewhere.filePath(QStringLiteral("iris.csv"));
        QVERIFY(writeBytes(
            csvPath, readBytes(QString::fromStdString(nnplay::resourcePath("examples/iris.csv")))));
        m_window->files()->openProject(irisProject(csvPath));
        m_answer = QMessageBox::Yes;
        const QString file = path(QStringLiteral("kept.nnplay"));
        QVERIFY(m_window->files()->saveFile(file));
        QVERIFY(QFile::remove(csvPath));
        QVERIFY(m_window->files()->openFile(file));
        nnplay::ui::DataPanel* panel = m_window->dataPanel();
        QVERIFY(panel->sourceInfo()->text().contains(QStringLiteral("kept in the project")));
        QSignalSpy failed(panel, &nnplay::ui::DataPanel::importFailed);
        // The column dialog reads the kept copy: pick another label there and accept.
        bool dialogShown = false;
        QTimer::singleShot(0, this, [&] {
            auto* dialog =
                qobject_cast<nnplay::ui::CsvImportDialog*>(QApplication::activeModalWidget());
            if (!dialog) return;
            dialogShown = true;
            dialog->labelBox()->setCurrentText(QStringLiteral("petal_width"));
            dialog->accept();
        });
        QTest::mouseClick(panel->labelButton(), Qt::LeftButton);
        QVERIFY(dialogShown);
        QCOMPARE(failed.count(), 0);
        QCOMPARE(m_window->document()->project().data.label, std::string("petal_width"));
        QVERIFY(!m_window->document()->project().data.csvText.empty());  // still kept
    }

    void declinedOrBesideTheProjectKeepsALink() {
        const QByteArray csv =
            readBytes(QString::fromStdString(nnplay::resourcePath("examples/iris.csv")));
        QVERIFY(QDir(m_dir.path()).mkpath(QStringLiteral("elsewhere")));
        QVERIFY(QDir(m_dir.path()).mkpath(QStringLiteral("course")));
        const QString outside = path(QStringLiteral("elsewhere/iris.csv"));
        QVERIFY(writeBytes(outside, csv));
        m_window->files()->openProject(irisProject(outside));
        m_answer = QMessageBox::No;
        const QString file = path(QStringLiteral("course/linked.nnplay"));
        QVERIFY(m_window->files()->saveFile(file));
        QCOMPARE(m_questions.size(), 1);
        QVERIFY(m_window->files()->saveFile(file));
        QCOMPARE(m_questions.size(), 1);
        Project saved = nnplay::ProjectFile::load(file.toStdString());
        QVERIFY(saved.data.csvText.empty());
        QCOMPARE(QString::fromStdString(saved.data.path), QStringLiteral("../elsewhere/iris.csv"));

        // Beside the project: handed on together, nothing to ask.
        const QString beside = path(QStringLiteral("iris.csv"));
        QVERIFY(writeBytes(beside, csv));
        m_window->files()->openProject(irisProject(beside));
        QVERIFY(m_window->files()->saveFile(path(QStringLiteral("beside.nnplay"))));
        QCOMPARE(m_questions.size(), 1);
        saved = nnplay::ProjectFile::load(path(QStringLiteral("beside.nnplay")).toStdString());
        QVERIFY(saved.data.csvText.empty());
        QCOMPARE(QString::fromStdString(saved.data.path), QStringLiteral("iris.csv"));
    }

    // Every view of training, the curves and the canvas offer Save picture and Copy picture
    // on a right-click; File > Export names the same pictures and the CSV files.
    void everyViewOffersItsPicture() {
        QList<QWidget*> views{m_window->networkView(), m_window->ganSlowMotion()};
        QTabWidget* tabs = m_window->views()->tabs();
        for (int i = 0; i < tabs->count(); ++i) views << tabs->widget(i);
        QStackedWidget* curves = m_window->views()->curves();
        for (int i = 0; i < curves->count(); ++i) views << curves->widget(i);
        for (QWidget* view : views) {
            const char* name = view->metaObject()->className();
            QVERIFY2(PictureActions::saveAction(view), name);
            QVERIFY2(PictureActions::copyAction(view), name);
            QCOMPARE(view->contextMenuPolicy(), Qt::ActionsContextMenu);
            for (const QCustomPlot* plot : view->findChildren<QCustomPlot*>())
                QVERIFY2(plot->actions().contains(PictureActions::saveAction(view)), name);
        }
        // A right-click on a plot inside a view, or on the canvas, opens the view's menu.
        QWidget* plot = m_window->views()->lossView()->findChild<QCustomPlot*>();
        for (QWidget* target : {plot, m_window->networkView()->viewport()}) {
            QVERIFY(target);
            QStringList offered;
            QTimer::singleShot(0, this, [&] {
                if (auto* menu = qobject_cast<QMenu*>(QApplication::activePopupWidget())) {
                    for (QAction* action : menu->actions()) offered << action->text();
                    menu->close();
                }
            });
            QContextMenuEvent click(QContextMenuEvent::Mouse, target->rect().center(),
                                    target->mapToGlobal(target->rect().center()));
            QApplication::sendEvent(target, &click);
            QCOMPARE(offered, (QStringList{QStringLiteral("Save picture…"),
                                           QStringLiteral("Copy picture")}));
        }
        QStringList exports;
        for (QAction* action : m_window->menuBar()->actions().first()->menu()->actions())
            if (action->text().startsWith(QStringLiteral("Export"))) exports << action->text();
        for (const char* text : {"Export &View as Picture…", "Export &Curves as Picture…",
                                 "Export &Network as Picture…", "Export &History as CSV…",
                                 "Export Test &Predictions as CSV…"})
            QVERIFY2(exports.contains(QString::fromUtf8(text)), text);
    }

    // A view's picture as PNG (at the size and scale asked for), SVG with its text as text,
    // and PDF; the view keeps its size on screen; a wrong name or folder is refused whole.
    void picturesAreWrittenAsPngSvgAndPdf() {
        QVERIFY(sessionValid());
        nnplay::ui::TrainingController* training = m_window->training();
        training->send(&nnplay::ui::TrainingWorker::trainEpochs, 3);
        QVERIFY(waitUntil([&] { return training->lastSnapshot().epoch >= 3; }, "3 epochs"));
        QWidget* loss = m_window->views()->lossView();
        const QSize onScreen = loss->size();

        const QString png = path(QStringLiteral("loss.png"));
        QCOMPARE(PictureExport::save(loss, png, QSize(640, 400), 2.0), QString());
        QCOMPARE(loss->size(), onScreen);
        const QImage image(png);
        QCOMPARE(image.size(), QSize(1280, 800));
        QSet<QRgb> colours;
        for (int y = 0; y < image.height(); y += 7)
            for (int x = 0; x < image.width(); x += 7) colours.insert(image.pixel(x, y));
        QVERIFY2(colours.size() > 8, "curves, axes and text, not a blank picture");

        const QString svg = path(QStringLiteral("loss.svg"));
        QCOMPARE(PictureExport::save(loss, svg, QSize(640, 400)), QString());
        QSvgRenderer renderer(svg);
        QVERIFY(renderer.isValid());
        QCOMPARE(renderer.viewBox().size(), QSize(640, 400));
        const QByteArray svgText = readBytes(svg);
        QVERIFY(svgText.contains("<text"));
        QVERIFY(svgText.contains("Epoch"));
        QVERIFY2(!svgText.contains("Log scale"), "controls are left out of pictures");

        const QString pdf = path(QStringLiteral("loss.pdf"));
        QCOMPARE(PictureExport::save(loss, pdf), QString());
        QVERIFY(readBytes(pdf).startsWith("%PDF"));

        const QString canvas = path(QStringLiteral("network.png"));
        QCOMPARE(PictureExport::save(m_window->networkView(), canvas), QString());
        QCOMPARE(QImage(canvas).size(), m_window->networkView()->size());

        const QString jpeg = path(QStringLiteral("loss.jpg"));
        QVERIFY(PictureExport::save(loss, jpeg).contains(QStringLiteral(".png, .svg or .pdf")));
        QVERIFY(!QFile::exists(jpeg));
        const QString nowhere = path(QStringLiteral("no-such-folder/loss.png"));
        QVERIFY(PictureExport::save(loss, nowhere).startsWith(QStringLiteral("Cannot write")));
        QVERIFY(!QFile::exists(nowhere));
    }

    // File > Export History and Test Predictions as CSV: refused with a reason before there
    // is anything to write, then the history's rows and one prediction per test sample.
    void historyAndPredictionsExportAsCsv() {
        const QString& shown = m_lastText;
        QVERIFY(sessionValid());
        nnplay::ui::ViewExport* exports = m_window->viewExport();
        const QString history = path(QStringLiteral("history.csv"));
        QVERIFY(!exports->exportHistory(history));
        QVERIFY2(shown.contains(QStringLiteral("Nothing has trained")), qPrintable(shown));
        QVERIFY(!QFile::exists(history));

        nnplay::ui::TrainingController* training = m_window->training();
        training->send(&nnplay::ui::TrainingWorker::trainEpochs, 4);
        QVERIFY(waitUntil([&] { return training->lastSnapshot().epoch >= 4; }, "4 epochs"));
        QVERIFY(waitUntil([&] { return !training->lastSnapshot().running; }, "it pauses"));
        QVERIFY(exports->exportHistory(history));
        const QStringList rows =
            QString::fromUtf8(readBytes(history)).split('\n', Qt::SkipEmptyParts);
        QCOMPARE(rows.size(), 5);
        QVERIFY2(rows[0].contains(QStringLiteral("train_loss")), qPrintable(rows[0]));
        QCOMPARE(rows[4].split(',').size(), rows[0].split(',').size());

        const QString predictions = path(QStringLiteral("predictions.csv"));
        QVERIFY(exports->exportPredictions(predictions));
        const QStringList lines =
            QString::fromUtf8(readBytes(predictions)).split('\n', Qt::SkipEmptyParts);
        const auto testSize = training->lastSnapshot().data->testPoints.cols();
        QCOMPARE(lines.size(), testSize + 1);
        QVERIFY2(lines[0].startsWith(QStringLiteral("x1,x2,")), qPrintable(lines[0]));
        QVERIFY2(lines[0].endsWith(QStringLiteral(",label,prediction,probability_+1")),
                 qPrintable(lines[0]));
        int right = 0;
        for (int i = 1; i < lines.size(); ++i) {
            const QStringList cells = lines[i].split(',');
            const int n = static_cast<int>(cells.size());
            bool ok = false;
            const double p = cells[n - 1].toDouble(&ok);
            QVERIFY2(ok && p >= 0 && p <= 1, qPrintable(lines[i]));
            QCOMPARE(cells[n - 2], p >= 0.5 ? QStringLiteral("+1") : QStringLiteral("-1"));
            if (cells[n - 2] == cells[n - 3]) ++right;
        }
        // The rows agree with the test accuracy the history reports for the same weights.
        const int column =
            static_cast<int>(rows[0].split(',').indexOf(QStringLiteral("test_accuracy")));
        QVERIFY(column >= 0);
        const double accuracy = rows[4].split(',')[column].toDouble();
        QCOMPARE(static_cast<double>(right) / static_cast<double>(testSize), accuracy);

        m_window->files()->openProject(Project::defaultGanProject());
        QVERIFY(sessionValid());
        QVERIFY(!exports->exportPredictions(predictions));
        QVERIFY2(shown.contains(QStringLiteral("GAN")), qPrintable(shown));
    }
};

QTEST_MAIN(TestFiles)
#include "test_files.moc"
