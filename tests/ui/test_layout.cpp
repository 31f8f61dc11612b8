// SPDX-License-Identifier: GPL-3.0-or-later
// What a learner sees is whole: labels measured with QFontMetrics fit their boxes and do not
// run into each other, canvas items keep apart and stay readable, in both themes.

#include <qcustomplot.h>

#include <QAbstractButton>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QFontMetrics>
#include <QLabel>
#include <QListWidget>
#include <QMenuBar>
#include <QScrollBar>
#include <QSettings>
#include <QStyle>
#include <QTemporaryDir>
#include <QTreeWidgetItem>
#include <QtTest>
#include <memory>

#include "Project.h"
#include "document/ProjectDocument.h"
#include "editor/EditorStyle.h"
#include "editor/LayerItem.h"
#include "editor/LayerPalette.h"
#include "editor/LayerPaletteTree.h"
#include "editor/NetworkScene.h"
#include "editor/NetworkView.h"
#include "editor/OutputItem.h"
#include "panels/DataPanel.h"
#include "plots/DecisionBoundaryView.h"
#include "plots/LossCurveView.h"
#include "plots/SampleGridView.h"
#include "train/DataPreview.h"
#include "train/TrainingSnapshot.h"
#include "train/TrainingWorker.h"
#include "window/MainWindow.h"
#include "window/PresenterMode.h"
#include "window/Theme.h"
#include "window/TrainingToolBar.h"
#include "window/TrainingViews.h"

using namespace nnplay;
using namespace nnplay::ui;

namespace {

/// A snapshot of 48 digit pictures whose answers are all wrong ("5 (is 9)"), the longest
/// labels the grid draws.
TrainingSnapshot wrongDigits(int count = 48) {
    auto data = std::make_shared<DataPreview>();
    data->info.task = Task::Classification;
    data->info.imageShape = Shape{1, 8, 8};
    data->info.inputShape = Shape{1, 8, 8};
    for (int c = 0; c < 10; ++c) data->info.classNames.push_back(std::to_string(c));
    data->sampleInputs = Matrix::Random(64, count);
    TrainingSnapshot snapshot;
    snapshot.generation = 1;
    for (int i = 0; i < count; ++i) {
        data->sampleLabels.push_back(i % 10);
        snapshot.samplePredictions.push_back((i + 3) % 10);
        snapshot.sampleOutputs.push_back(0.5f);
    }
    snapshot.data = data;
    return snapshot;
}

/// A classification run with a validation part (six curves in the legend) of `epochs` epochs.
TrainingSnapshot historySnapshot(int epochs) {
    using namespace HistoryColumn;
    History history;
    for (int e = 1; e <= epochs; ++e) {
        const std::size_t row = history.addRow();
        history.set(row, kEpoch, float(e));
        for (const char* column : {kTrainLoss, kValLoss, kTestLoss})
            history.set(row, column, 1.0f / float(e));
        for (const char* column : {kTrainAccuracy, kValAccuracy, kTestAccuracy})
            history.set(row, column, 0.9f);
    }
    TrainingSnapshot snapshot;
    snapshot.generation = 1;
    snapshot.valid = true;
    snapshot.newHistory = history;
    return snapshot;
}

/// Empty when the axis's tick labels keep apart and stay inside the plot; else what is wrong.
QString tickLabelClash(QCPAxis* axis) {
    const QVector<double> ticks = axis->tickVector();
    const QVector<QString> labels = axis->tickVectorLabels();
    const QFontMetrics metrics(axis->tickLabelFont());
    const bool horizontal = axis->orientation() == Qt::Horizontal;
    double previousEnd = -1e9;
    for (int i = 0; i < ticks.size(); ++i) {
        if (!axis->range().contains(ticks[i])) continue;
        const double half =
            (horizontal ? metrics.horizontalAdvance(labels[i]) : metrics.height()) / 2.0;
        double at = axis->coordToPixel(ticks[i]);
        if (!horizontal) at = -at;  // pixels grow downwards, values upwards
        if (at - half <= previousEnd + 3)
            return QStringLiteral("tick label %1 touches the one before").arg(labels[i]);
        if (horizontal && at + half > axis->parentPlot()->width())
            return QStringLiteral("tick label %1 is cut off").arg(labels[i]);
        previousEnd = at + half;
    }
    return {};
}

/// Applies a theme and an application font for one test, and undoes both.
class ThemeAndFont {
public:
    ThemeAndFont(Theme::Kind kind, int pointSize)
        : m_font(QApplication::font()), m_palette(QApplication::palette()) {
        Theme::apply(kind);
        QFont font = m_font;
        if (pointSize > 0) font.setPointSize(pointSize);
        QApplication::setFont(font);
    }
    ~ThemeAndFont() {
        QApplication::setFont(m_font);
        QApplication::setPalette(m_palette);
    }

private:
    QFont m_font;
    QPalette m_palette;
};

void addThemesAndFonts() {
    QTest::addColumn<Theme::Kind>("theme");
    QTest::addColumn<int>("pointSize");
    QTest::newRow("light") << Theme::Kind::Light << 0;
    QTest::newRow("dark") << Theme::Kind::Dark << 0;
    QTest::newRow("light, 11 pt") << Theme::Kind::Light << 11;
    QTest::newRow("dark, 12 pt") << Theme::Kind::Dark << 12;
}

}  // namespace

class TestLayout : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void themesParseAndDiffer();
    void sampleLabelsFitAndKeepApart_data();
    void sampleLabelsFitAndKeepApart();
    void longClassNamesShowFewerSamplesWhole();
    void lossLegendAndTicksFit_data();
    void lossLegendAndTicksFit();
    void canvasWarningShownWhole();
    void boundaryCaptionAndOptionsFit_data();
    void boundaryCaptionAndOptionsFit();
    void dataSourceNamesWhole_data();
    void dataSourceNamesWhole();
    void windowPanelsWhole_data();
    void windowPanelsWhole();
    void presenterTextReadableAndWhole_data();
    void presenterTextReadableAndWhole();

private:
    QTemporaryDir m_settingsDir;
};

void TestLayout::initTestCase() {
    // The window must not read this machine's saved layout.
    QVERIFY(m_settingsDir.isValid());
    QSettings::setDefaultFormat(QSettings::IniFormat);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_settingsDir.path());
}

void TestLayout::themesParseAndDiffer() {
    for (const Theme::Kind kind : {Theme::Kind::System, Theme::Kind::Light, Theme::Kind::Dark})
        QCOMPARE(Theme::parse(Theme::name(kind)), std::optional<Theme::Kind>(kind));
    QCOMPARE(Theme::parse(" Dark "), std::optional<Theme::Kind>(Theme::Kind::Dark));
    QVERIFY(!Theme::parse("blue"));
    QVERIFY(EditorStyle::isDark(Theme::palette(Theme::Kind::Dark)));
    QVERIFY(!EditorStyle::isDark(Theme::palette(Theme::Kind::Light)));
    {
        const ThemeAndFont dark(Theme::Kind::Dark, 0);
        QVERIFY(EditorStyle::isDark(QApplication::palette()));
        QCOMPARE(QApplication::style()->name().toLower(), QStringLiteral("fusion"));
    }
    QVERIFY(!EditorStyle::isDark(QApplication::palette()));
}

void TestLayout::sampleLabelsFitAndKeepApart_data() {
    QTest::addColumn<QSize>("size");
    // The test-samples tab at 1024x768, 1366x768 and 1920x1080, and a tall narrow one.
    QTest::newRow("1024x768") << QSize(270, 400);
    QTest::newRow("1366x768") << QSize(450, 400);
    QTest::newRow("1920x1080") << QSize(760, 560);
    QTest::newRow("narrow and tall") << QSize(200, 700);
}

void TestLayout::sampleLabelsFitAndKeepApart() {
    QFETCH(QSize, size);
    SampleGridView view;
    view.resize(size);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    const TrainingSnapshot snapshot = wrongDigits();
    view.setSnapshot(snapshot);
    QVERIFY(view.showsImages());
    // The first samples whose pictures are large enough to see (all 48 where they fit), every
    // one of them wrong here.
    const int n = view.wrongCount();
    QVERIFY2(n >= 12 && n <= 48, qPrintable(QString::number(n)));
    QVERIFY(view.labelRect(n).isEmpty());
    // A row is a picture of at least 40 px (8x8 digits at 5 px a pixel) and its label.
    const QRect first = view.labelRect(0);
    for (int i = 1; i < n; ++i)
        if (view.labelRect(i).top() > first.top()) {
            QVERIFY(view.labelRect(i).top() - first.top() >= 40 + first.height() - 4);
            break;
        }
    for (int i = 0; i < n; ++i) {
        const QString text = view.labelText(i);
        QCOMPARE(text, QStringLiteral("%1 (is %2)").arg((i + 3) % 10).arg(i % 10));
        const QRect box = view.labelRect(i);
        QVERIFY2(!box.isEmpty(), qPrintable(text));
        QVERIFY2(view.rect().contains(box), qPrintable(text));
        QVERIFY(QFontInfo(view.labelFont(i)).pixelSize() >= 10);  // readable
        const int needed = QFontMetrics(view.labelFont(i)).horizontalAdvance(text);
        QVERIFY2(
            box.width() >= needed,
            qPrintable(
                QStringLiteral("'%1' needs %2 px, has %3").arg(text).arg(needed).arg(box.width())));
        for (int j = 0; j < i; ++j) {
            QVERIFY2(!box.intersects(view.labelRect(j)),
                     qPrintable(QStringLiteral("labels %1 and %2 overlap").arg(i).arg(j)));
        }
    }
}

// Fashion-MNIST's class names are long: the grid shows the first samples that fit with
// readable pictures, every label whole, and counts the wrong ones among those.
void TestLayout::longClassNamesShowFewerSamplesWhole() {
    SampleGridView view;
    view.resize(450, 400);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    TrainingSnapshot snapshot = wrongDigits();
    auto data = std::make_shared<DataPreview>(*snapshot.data);
    for (int c = 0; c < 10; ++c)
        data->info.classNames[std::size_t(c)] = "Ankle boot " + std::to_string(c);
    snapshot.data = data;
    view.setSnapshot(snapshot);
    const int shown = view.wrongCount();  // every sample is wrong
    QVERIFY2(shown > 0 && shown < 48, qPrintable(QString::number(shown)));
    for (int i = 0; i < 48; ++i) {
        const QRect box = view.labelRect(i);
        QCOMPARE(box.isEmpty(), i >= shown);
        if (i >= shown) continue;
        QVERIFY(view.rect().contains(box));
        QVERIFY(box.width() >=
                QFontMetrics(view.labelFont(i)).horizontalAdvance(view.labelText(i)));
    }
    QCOMPARE(view.sampleAt(view.labelRect(shown - 1).center()), shown - 1);
}

void TestLayout::lossLegendAndTicksFit_data() {
    QTest::addColumn<int>("width");
    QTest::addColumn<int>("epochs");
    // The loss view is about 270 px wide at 1024x768, 450 at 1366x768, 760 at 1920x1080.
    QTest::newRow("1024x768, 40 epochs") << 270 << 40;
    QTest::newRow("1024x768, 1000 epochs") << 270 << 1000;
    QTest::newRow("1366x768, 40 epochs") << 450 << 40;
    QTest::newRow("1366x768, 12000 epochs") << 450 << 12000;
    QTest::newRow("1920x1080, 200 epochs") << 760 << 200;
}

void TestLayout::lossLegendAndTicksFit() {
    QFETCH(int, width);
    QFETCH(int, epochs);
    LossCurveView view;
    view.resize(width, 260);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    view.setSnapshot(historySnapshot(epochs));
    QCustomPlot* plot = view.plot();
    plot->replot();

    // Each curve is in the legend once, whole, inside the plot, apart from the others.
    QList<QCPAbstractLegendItem*> items;
    for (int i = 0; i < plot->legend->itemCount(); ++i) {
        if (QCPAbstractLegendItem* item = plot->legend->item(i)) items << item;
    }
    QCOMPARE(items.size(), 6);
    for (int i = 0; i < items.size(); ++i) {
        const QRect box = items[i]->outerRect();
        auto* curve = qobject_cast<QCPPlottableLegendItem*>(items[i]);
        const QString name = curve ? curve->plottable()->name() : QString();
        QVERIFY2(plot->rect().contains(box), qPrintable(name));
        QVERIFY2(box.width() >= items[i]->minimumOuterSizeHint().width(), qPrintable(name));
        for (int j = 0; j < i; ++j)
            QVERIFY2(!box.intersects(items[j]->outerRect()), qPrintable(name));
    }

    // Epoch tick labels are whole epochs, keep apart and stay inside the plot.
    QCPAxis* axis = plot->xAxis;
    QVERIFY(axis->tickVector().size() >= 2);
    for (const double tick : axis->tickVector()) QCOMPARE(tick, std::round(tick));
    const QString clash = tickLabelClash(axis);
    QVERIFY2(clash.isEmpty(), qPrintable(clash));
}

void TestLayout::canvasWarningShownWhole() {
    // Regression data with binary cross-entropy: the last layer (a narrow chip) is to blame,
    // with a reason far longer than its footer.
    Project project = Project::defaultProject();
    project.task = Task::Regression;
    project.data.source = "plane";
    project.network().layers.back().type = "linear";
    ProjectDocument document;
    document.reset(project, {});
    NetworkScene scene(&document);
    NetworkView view(&scene);
    view.resize(480, 690);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    QVERIFY(!scene.networkValid());

    const int last = static_cast<int>(document.project().network().layers.size()) - 1;
    const LayerItem* blamed = scene.layerItemAt(last);
    QVERIFY(blamed->hasError());
    const QString reason = blamed->content().errorText;
    QVERIFY(reason.contains("mean squared error"));
    const QFontMetricsF metrics(EditorStyle::smallFont());
    const QStringList footer = blamed->errorLines();
    QVERIFY(!footer.isEmpty());
    for (const QString& line : footer) {
        QVERIFY2(!line.contains(QChar(0x2026)), qPrintable(line));  // nothing elided
        QVERIFY2(metrics.horizontalAdvance(line) <= blamed->boundingRect().width() - 4,
                 qPrintable(line));
    }
    QVERIFY(footer.size() * metrics.lineSpacing() <= NetworkLayout::kFooterHeight);

    // The sentence under the network says it whole, inside the scene, clear of every column.
    QGraphicsTextItem* message = nullptr;
    for (QGraphicsItem* item : scene.items()) {
        if (auto* text = qgraphicsitem_cast<QGraphicsTextItem*>(item)) message = text;
    }
    QVERIFY(message);
    QVERIFY(message->toPlainText().contains(reason));
    const QRectF box = message->sceneBoundingRect();
    QVERIFY(scene.sceneRect().contains(box));
    for (QGraphicsItem* item : scene.items()) {
        if (item->type() == LayerItem::Type || item->type() == OutputItem::Type)
            QVERIFY(!box.intersects(item->sceneBoundingRect()));
    }
    QVERIFY(blamed->toolTip().contains(reason));
}

void TestLayout::dataSourceNamesWhole_data() { addThemesAndFonts(); }

void TestLayout::dataSourceNamesWhole() {
    QFETCH(Theme::Kind, theme);
    QFETCH(int, pointSize);
    const ThemeAndFont style(theme, pointSize);
    ProjectDocument document;
    document.reset(Project::defaultProject(), {});
    DataPanel panel(&document);
    panel.resize(panel.minimumSizeHint().width(), 500);
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    auto* sources = panel.findChild<QListWidget*>();
    QVERIFY(sources);
    QVERIFY(sources->count() >= 9);
    // The item view keeps a focus-frame margin on each side of an item's text.
    const int margin =
        sources->style()->pixelMetric(QStyle::PM_FocusFrameHMargin, nullptr, sources) + 1;
    const QFontMetrics metrics(sources->font());
    for (int i = 0; i < sources->count(); ++i) {
        QListWidgetItem* item = sources->item(i);
        sources->scrollToItem(item);  // past four rows the grid scrolls
        const QRect box = sources->visualItemRect(item);
        const int needed = metrics.horizontalAdvance(item->text()) + 2 * margin;
        QVERIFY2(box.width() >= needed, qPrintable(QStringLiteral("'%1' needs %2 px, has %3")
                                                       .arg(item->text())
                                                       .arg(needed)
                                                       .arg(box.width())));
        QVERIFY2(sources->viewport()->rect().contains(box), qPrintable(item->text()));
        for (int j = 0; j < i; ++j)
            QVERIFY(!box.intersects(sources->visualItemRect(sources->item(j))));
    }
}

void TestLayout::windowPanelsWhole_data() {
    QTest::addColumn<QSize>("size");
    QTest::addColumn<Theme::Kind>("theme");
    QTest::addColumn<int>("pointSize");
    for (const QSize size : {QSize(1024, 768), QSize(1366, 768), QSize(1920, 1080)}) {
        for (const Theme::Kind theme : {Theme::Kind::Light, Theme::Kind::Dark}) {
            QTest::addRow("%dx%d %s", size.width(), size.height(), qPrintable(Theme::name(theme)))
                << size << theme << 0;
        }
    }
    QTest::newRow("1366x768 dark, 11 pt") << QSize(1366, 768) << Theme::Kind::Dark << 11;
}

void TestLayout::windowPanelsWhole() {
    QFETCH(QSize, size);
    QFETCH(Theme::Kind, theme);
    QFETCH(int, pointSize);
    const ThemeAndFont style(theme, pointSize);
    MainWindow window;
    window.resize(size);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QCoreApplication::processEvents();
    // Nothing's minimum size makes the window outgrow the screen it was made for.
    if (pointSize == 0) QCOMPARE(window.size(), size);

    // Every layer kind of the palette is whole; on a full-HD screen all are in sight at once,
    // on a smaller one the palette scrolls.
    auto* palette = window.findChild<LayerPalette*>();
    QVERIFY(palette);
    LayerPaletteTree* tree = palette->tree();
    QTRY_VERIFY(tree->isVisible());
    if (size.height() >= 1080) QVERIFY(!tree->verticalScrollBar()->isVisible());
    QVERIFY(!tree->horizontalScrollBar()->isVisible());
    for (const QString& type : palette->visibleTypes()) {
        QTreeWidgetItem* item = palette->itemForType(type);
        tree->scrollToItem(item);
        const QRect box = tree->visualItemRect(item);
        QVERIFY2(tree->viewport()->rect().contains(box), qPrintable(type));
        const int needed =
            tree->fontMetrics().horizontalAdvance(item->text(0)) + tree->iconSize().width();
        QVERIFY2(box.right() - tree->indentation() >= needed, qPrintable(type));
    }

    // The canvas text is readable.
    QVERIFY(window.networkView()->transform().m11() >= NetworkView::kMinScale);
}

void TestLayout::presenterTextReadableAndWhole_data() {
    QTest::addColumn<QSize>("size");
    QTest::newRow("1920x1080") << QSize(1920, 1080);
    QTest::newRow("1366x768 projector") << QSize(1366, 768);
}

void TestLayout::presenterTextReadableAndWhole() {
    QFETCH(QSize, size);
    MainWindow window;
    window.resize(size);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    const int normalMenu = QFontInfo(window.menuBar()->font()).pixelSize();
    window.presenter()->enter(PresenterMode::Screen::KeepSize);
    const int menu = QFontInfo(window.menuBar()->font()).pixelSize();
    QVERIFY(menu > normalMenu);
    QCoreApplication::processEvents();
    QCOMPARE(window.size(), size);  // larger text does not make the window outgrow the screen

    // Canvas labels at least as large as the menus, the whole network in sight.
    NetworkView* view = window.networkView();
    QTRY_VERIFY2(EditorStyle::labelFont().pixelSize() * view->transform().m11() >= menu,
                 qPrintable(QStringLiteral("labels %1 px, menus %2 px")
                                .arg(EditorStyle::labelFont().pixelSize() * view->transform().m11())
                                .arg(menu)));
    QVERIFY(EditorStyle::smallFont().pixelSize() * view->transform().m11() >= 0.8 * menu);
    QVERIFY(!view->horizontalScrollBar()->isVisible());
    QVERIFY(!view->verticalScrollBar()->isVisible());

    // The cards' text fits their column without eliding (bold text is wider).
    for (QGraphicsItem* item : view->scene()->items()) {
        const auto* layer = qgraphicsitem_cast<const LayerItem*>(item);
        if (!layer) continue;
        const double width = layer->boundingRect().width() - 4;
        QList<std::pair<QString, QFont>> texts{
            {layer->content().shapeText, EditorStyle::labelFont()},
            {layer->content().paramsText, EditorStyle::smallFont()}};
        if (layer->kind() != NetworkLayout::Kind::Chip)
            texts << std::pair{layer->content().title, EditorStyle::titleFont()}
                  << std::pair{layer->content().detail, EditorStyle::smallFont()};
        for (const auto& [text, font] : texts) {
            const QFont fitted = EditorStyle::fittedFont(font, text, width);
            QVERIFY2(QFontMetricsF(fitted).horizontalAdvance(text) <= width,
                     qPrintable(QStringLiteral("'%1' in %2 px").arg(text).arg(width)));
        }
    }

    // The toolbar shows every control whole, nothing pushed into its overflow menu.
    TrainingToolBar* bar = window.trainingToolBar();
    for (QAction* action : bar->actions()) {
        QWidget* widget = bar->widgetForAction(action);
        if (!widget || !action->isVisible() || action->isSeparator()) continue;
        QVERIFY2(widget->isVisible(), qPrintable(action->text()));
        QVERIFY2(bar->rect().contains(widget->geometry()), qPrintable(action->text()));
        QVERIFY2(widget->width() >= widget->minimumSizeHint().width(), qPrintable(action->text()));
    }
    QLabel* epoch = bar->epochLabel();
    QVERIFY(epoch->width() >= epoch->fontMetrics().horizontalAdvance(epoch->text()));
    for (int level = 0; level <= TrainingWorker::kFullSpeed; ++level) {
        QVERIFY(bar->speedLabel()->width() >= bar->speedLabel()->fontMetrics().horizontalAdvance(
                                                  TrainingToolBar::speedText(level)));
    }

    // The loss view's legend and tick labels, in the larger bold text, keep apart.
    LossCurveView* loss = window.views()->lossView();
    loss->setSnapshot(historySnapshot(200));
    QCustomPlot* plot = loss->plot();
    plot->replot();
    QVERIFY(plot->xAxis->tickLabelFont().bold());
    for (QCPAxis* axis : {plot->xAxis, plot->yAxis, plot->yAxis2}) {
        const QString clash = tickLabelClash(axis);
        QVERIFY2(clash.isEmpty(), qPrintable(clash));
    }
    QList<QRect> boxes;
    for (int i = 0; i < plot->legend->itemCount(); ++i) {
        QCPAbstractLegendItem* item = plot->legend->item(i);
        if (!item) continue;
        const QRect box = item->outerRect();
        QVERIFY(plot->rect().contains(box));
        QVERIFY(box.width() >= item->minimumOuterSizeHint().width());
        for (const QRect& other : boxes) QVERIFY(!box.intersects(other));
        boxes << box;
    }
    window.presenter()->leave();
}

void TestLayout::boundaryCaptionAndOptionsFit_data() {
    QTest::addColumn<int>("width");
    // The output view is about 280 px wide at 1024x768, 460 at 1366x768, 550 at 1920x1080.
    QTest::newRow("1024x768") << 280;
    QTest::newRow("1366x768") << 460;
    QTest::newRow("1920x1080") << 550;
}

void TestLayout::boundaryCaptionAndOptionsFit() {
    QFETCH(int, width);
    DecisionBoundaryView view;
    view.resize(width, 400);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    view.setSnapshot(wrongDigits());  // not 2-D: the longest caption
    QCoreApplication::processEvents();
    QLabel* caption = view.caption();
    QVERIFY(!caption->text().isEmpty());
    // Two lines at most, all of it shown, clear of the check boxes, which are whole.
    const int lines =
        caption->heightForWidth(caption->width()) / caption->fontMetrics().lineSpacing();
    QVERIFY2(lines <= 2, qPrintable(QStringLiteral("%1 lines").arg(lines)));
    QVERIFY(caption->height() >= caption->heightForWidth(caption->width()));
    for (QCheckBox* box : view.findChildren<QCheckBox*>()) {
        QVERIFY2(box->width() >= box->sizeHint().width(), qPrintable(box->text()));
        QVERIFY(!box->geometry().intersects(caption->geometry()));
        QVERIFY(view.rect().contains(box->geometry()));
    }
}

QTEST_MAIN(TestLayout)
#include "test_layout.moc"
