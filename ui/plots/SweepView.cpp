// SPDX-License-Identifier: GPL-3.0-or-later
#include "plots/SweepView.h"

#include <qcustomplot.h>

#include <QComboBox>
#include <QEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>
#include <algorithm>
#include <cmath>

#include "editor/LayerNames.h"
#include "io/AtomicFile.h"
#include "plots/PlotFit.h"
#include "plots/PlotStyle.h"
#include "plots/SweepTableModel.h"
#include "train/Sweep.h"
#include "train/SweepRunner.h"
#include "train/SweepSetting.h"

namespace nnplay::ui {

namespace {

QString friendlyTitle(const std::string& key) {
    if (key == "learning_rate") return SweepView::tr("Learning rate");
    if (key == "l1") return SweepView::tr("L1 penalty");
    if (key == "l2") return SweepView::tr("L2 penalty");
    if (key == "batch_size") return SweepView::tr("Batch size");
    if (key == "optimizer") return SweepView::tr("Optimizer");
    if (key == "epochs") return SweepView::tr("Epochs");
    if (key == "dropout") return SweepView::tr("Dropout rate");
    if (key == "train_size") return SweepView::tr("Training samples (learning curve)");
    return QString::fromStdString(key);
}

bool isLearningCurve(const QString& key) {
    return key == QLatin1String("train_size") || key == QLatin1String("data.train_samples");
}

}  // namespace

SweepView::SweepView(QWidget* parent)
    : QWidget(parent),
      m_runner(new SweepRunner(this)),
      m_model(new SweepTableModel(this)),
      m_sorted(new QSortFilterProxyModel(this)),
      m_setting(new QComboBox(this)),
      m_values(new QLineEdit(this)),
      m_run(new QPushButton(tr("Run"), this)),
      m_cancel(new QPushButton(tr("Cancel"), this)),
      m_export(new QPushButton(tr("Export CSV…"), this)),
      m_progress(new QLabel(this)),
      m_tableView(new QTableView(this)),
      m_plot(new QCustomPlot(this)) {
    m_setting->setObjectName(QStringLiteral("sweepSetting"));
    m_values->setObjectName(QStringLiteral("sweepValues"));
    m_setting->setToolTip(
        tr("The setting to vary: the project is trained once per value, "
           "each time from fresh weights."));
    m_values->setToolTip(tr("The values to try, separated by commas."));
    m_run->setToolTip(
        tr("Train the project once per value, one after another. Play's "
           "training is not touched."));
    m_cancel->setToolTip(tr("Stop the sweep; the finished values stay in the table."));
    m_export->setToolTip(tr("Save the table as a CSV file (as nnplay-cli sweep writes it)."));
    m_progress->setWordWrap(true);
    m_progress->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    m_progress->setText(
        tr("Pick a setting, type the values and press Run: each value trains "
           "the project from fresh weights."));

    m_sorted->setSourceModel(m_model);
    m_sorted->setSortRole(SweepTableModel::SortRole);
    m_tableView->setModel(m_sorted);
    m_tableView->setSortingEnabled(true);
    m_tableView->sortByColumn(-1, Qt::AscendingOrder);  // in the order they ran until asked
    m_tableView->verticalHeader()->hide();
    m_tableView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_tableView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_tableView->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_tableView->horizontalHeader()->setStretchLastSection(true);

    auto* choice = new QHBoxLayout;
    choice->addWidget(new QLabel(tr("Vary"), this));
    choice->addWidget(m_setting);
    choice->addWidget(new QLabel(tr("over"), this));
    choice->addWidget(m_values, 1);
    auto* actions = new QHBoxLayout;
    actions->addWidget(m_run);
    actions->addWidget(m_cancel);
    actions->addWidget(m_export);
    actions->addStretch(1);
    m_split = new QSplitter(Qt::Vertical, this);
    m_split->addWidget(m_tableView);
    m_split->addWidget(m_plot);
    m_split->setChildrenCollapsible(false);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(choice);
    layout->addLayout(actions);
    layout->addWidget(m_progress);
    layout->addWidget(m_split, 1);
    // Narrow enough for the smallest window: the combo shortens long names, the table and the
    // plot start one above the other (resizeEvent puts them side by side when there is room).
    m_setting->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_setting->setMinimumContentsLength(8);
    fitButtons();
    m_plot->setMinimumSize(220, 140);
    PlotFit::placeLegendAbove(m_plot, font());
    PlotStyle::apply(m_plot, palette());

    connect(m_setting, &QComboBox::activated, this, &SweepView::onSettingChosen);
    connect(m_values, &QLineEdit::returnPressed, this, &SweepView::run);
    connect(m_run, &QPushButton::clicked, this, &SweepView::run);
    connect(m_cancel, &QPushButton::clicked, this, &SweepView::cancel);
    connect(m_export, &QPushButton::clicked, this, &SweepView::askAndExport);
    connect(m_runner, &SweepRunner::tableChanged, this, &SweepView::onTable);
    connect(m_runner, &SweepRunner::runFinished, this, &SweepView::runFinished);
    connect(m_runner, &SweepRunner::progress, this, &SweepView::onProgress);
    connect(m_runner, &SweepRunner::finished, this, &SweepView::onFinished);
    updateButtons();
    redrawPlot();
}

SweepView::~SweepView() = default;

void SweepView::setProject(const Project& project, const QString& baseDir) {
    m_project = project;
    m_baseDir = baseDir;
    fillSettings();
}

void SweepView::fillSettings() {
    const QString chosen = currentKey();
    m_setting->clear();
    if (m_project.task == Task::Gan) return;
    for (const std::string& key : SweepSetting::friendlyKeys()) {
        if (key == "units") {
            const QStringList names = LayerNames::of(m_project.network());
            for (const std::string& units : SweepSetting::unitsKeys(m_project)) {
                const int index = std::stoi(units.substr(6));
                m_setting->addItem(
                    tr("Units of %1 (layer %2)").arg(names.value(index)).arg(index + 1),
                    QString::fromStdString(units));
            }
            continue;
        }
        try {
            SweepSetting(m_project, key);  // dropout only with dropout layers
        } catch (const InputError&) {
            continue;
        }
        m_setting->addItem(friendlyTitle(key), QString::fromStdString(key));
    }
    const int keep = m_setting->findData(chosen);
    m_setting->setCurrentIndex(keep >= 0 ? keep : 0);
    if (keep < 0 || m_values->text().isEmpty()) onSettingChosen();
}

bool SweepView::chooseSetting(const QString& key) {
    const int index = m_setting->findData(key);
    if (index < 0) return false;
    m_setting->setCurrentIndex(index);
    onSettingChosen();
    return true;
}

void SweepView::onSettingChosen() {
    const QString key = currentKey();
    if (key.isEmpty()) return;
    try {
        m_values->setText(
            QString::fromStdString(SweepSetting(m_project, key.toStdString()).suggestedValues()));
    } catch (const InputError&) {
        m_values->clear();
    }
}

QString SweepView::currentKey() const { return m_setting->currentData().toString(); }

bool SweepView::run() {
    if (isRunning()) return false;
    const QString key = currentKey();
    if (key.isEmpty()) {
        m_progress->setText(
            tr("This project has no setting a sweep can vary (a GAN cannot be "
               "swept)."));
        return false;
    }
    std::shared_ptr<Sweep> sweep;
    try {
        sweep = std::make_shared<Sweep>(m_project, key.toStdString(),
                                        SweepSetting::splitValues(m_values->text().toStdString()),
                                        m_baseDir.toStdString());
    } catch (const InputError& e) {
        m_progress->setText(tr("Cannot sweep: %1").arg(QString::fromStdString(e.what())));
        return false;
    }
    m_sweptKey = key;
    m_sweptLogScale = sweep->setting().logScale();
    m_sweptNumeric = sweep->setting().numeric();
    m_sweptValues = sweep->values();
    m_tableView->sortByColumn(-1, Qt::AscendingOrder);
    m_model->setTable(sweep->table());
    m_progress->setText(
        tr("Starting: %1 values of %2…").arg(sweep->values().size()).arg(m_setting->currentText()));
    m_runner->start(std::move(sweep));
    updateButtons();
    redrawPlot();
    return true;
}

void SweepView::cancel() {
    if (isRunning()) m_runner->cancel();
}

bool SweepView::isRunning() const { return m_runner->isRunning(); }

const SweepTable& SweepView::table() const { return m_model->table(); }

void SweepView::onTable(const SweepTable& table) {
    m_model->setTable(table);
    redrawPlot();
}

void SweepView::onProgress(int run, int runs, int epoch, int epochs) {
    if (run >= runs || run >= static_cast<int>(m_sweptValues.size())) return;
    m_progress->setText(
        tr("Run %1 of %2 (%3 = %4): epoch %5 of %6")
            .arg(run + 1)
            .arg(runs)
            .arg(m_sweptKey, QString::fromStdString(m_sweptValues[static_cast<std::size_t>(run)]))
            .arg(epoch)
            .arg(epochs));
}

void SweepView::onFinished(bool completed, const QString& error) {
    const SweepTable& table = m_model->table();
    const int count = static_cast<int>(table.rows().size());
    QString text;
    if (!error.isEmpty())
        text = tr("Stopped after %1 values: %2").arg(count).arg(error);
    else if (!completed)
        text = tr("Cancelled after %1 values.").arg(count);
    else
        text = tr("Done: %1 values.").arg(count);
    const int best = table.bestRow();
    if (best >= 0) {
        const QString value =
            QString::fromStdString(table.rows()[static_cast<std::size_t>(best)].value);
        text += QLatin1Char(' ') +
                (table.hasValidation()
                     ? tr("Best: %1 (lowest validation loss).").arg(value)
                     : tr("Best: %1 (lowest test loss; a validation part would choose without "
                          "the test data).")
                           .arg(value));
    }
    m_progress->setText(text);
    updateButtons();
    emit sweepFinished(completed);
}

QString SweepView::exportCsv(const QString& path) const {
    try {
        AtomicFile file(path.toStdString());
        file.commit(table().csv());
    } catch (const std::exception& e) {
        return QString::fromStdString(e.what());
    }
    return {};
}

void SweepView::askAndExport() {
    const QString base =
        QStringLiteral("sweep-%1.csv").arg(m_sweptKey).replace(QLatin1Char(':'), QLatin1Char('-'));
    QString path = QFileDialog::getSaveFileName(
        this, tr("Export Sweep as CSV"), QDir::home().filePath(base), tr("CSV files (*.csv)"));
    if (path.isEmpty()) return;
    if (QFileInfo(path).suffix().isEmpty()) path += QStringLiteral(".csv");
    const QString error = exportCsv(path);
    if (!error.isEmpty())
        QMessageBox::warning(this, tr("Export Sweep as CSV"), error);
    else
        m_progress->setText(tr("Exported %1").arg(QFileInfo(path).fileName()));
}

void SweepView::updateButtons() {
    const bool running = isRunning();
    m_run->setEnabled(!running);
    m_cancel->setEnabled(running);
    m_setting->setEnabled(!running);
    m_values->setEnabled(!running);
    m_export->setEnabled(!running && !m_model->table().rows().empty());
}

void SweepView::redrawPlot() {
    m_plot->clearGraphs();
    const SweepTable& table = m_model->table();
    const bool curve = isLearningCurve(m_sweptKey);
    const bool classification = table.task() == Task::Classification;
    struct Row {
        double x;
        const SweepRow* row;
    };
    std::vector<Row> rows;
    const auto& all = table.rows();
    bool positive = true;
    for (const SweepRow& r : all) {
        bool number = false;
        const double v = QString::fromStdString(r.value).toDouble(&number);
        positive = positive && number && v > 0.0;
    }
    const bool categories = !curve && (!m_sweptNumeric || (m_sweptLogScale && !positive));
    const bool logX = !curve && m_sweptLogScale && positive;
    for (std::size_t i = 0; i < all.size(); ++i) {
        const SweepRow& r = all[i];
        const double x = curve        ? r.trainSamples
                         : categories ? static_cast<double>(i)
                                      : QString::fromStdString(r.value).toDouble();
        rows.push_back({x, &r});
    }
    if (!categories)
        std::sort(rows.begin(), rows.end(), [](const Row& a, const Row& b) { return a.x < b.x; });
    auto addGraph = [&](const QString& name, const QColor& color, auto measure) {
        QCPGraph* graph = m_plot->addGraph();
        graph->setName(name);
        graph->setPen(QPen(color, 2));
        graph->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDisc, color, 7));
        QVector<double> keys, values;
        for (const Row& r : rows) {
            const double v = measure(*r.row);
            if (!std::isfinite(v)) continue;
            keys << r.x;
            values << v;
        }
        graph->setData(keys, values, true);
    };
    if (curve) {
        addGraph(classification ? tr("Training error") : tr("Training loss"),
                 PlotStyle::positiveColor(),
                 [&](const SweepRow& r) { return table.trainError(r); });
        addGraph(classification ? tr("Test error") : tr("Test loss"), PlotStyle::negativeColor(),
                 [&](const SweepRow& r) { return table.testError(r); });
        m_plot->xAxis->setLabel(tr("Training samples"));
        m_plot->yAxis->setLabel(classification ? tr("Error (1 − acc.)") : tr("Loss"));
    } else {
        addGraph(tr("Training loss"), PlotStyle::positiveColor(),
                 [](const SweepRow& r) { return r.trainLoss; });
        if (table.hasValidation())
            addGraph(tr("Validation loss"), PlotStyle::classColor(2),
                     [](const SweepRow& r) { return r.valLoss; });
        addGraph(tr("Test loss"), PlotStyle::negativeColor(),
                 [](const SweepRow& r) { return r.testLoss; });
        const int index = m_setting->findData(m_sweptKey);
        m_plot->xAxis->setLabel(index >= 0 ? m_setting->itemText(index) : m_sweptKey);
        m_plot->yAxis->setLabel(tr("Final loss"));
    }
    if (categories) {
        auto ticker = QSharedPointer<QCPAxisTickerText>::create();
        for (std::size_t i = 0; i < all.size(); ++i)
            ticker->addTick(static_cast<double>(i), QString::fromStdString(all[i].value));
        m_plot->xAxis->setTicker(ticker);
        m_plot->xAxis->setScaleType(QCPAxis::stLinear);
    } else if (logX) {
        m_plot->xAxis->setTicker(QSharedPointer<QCPAxisTickerLog>::create());
        m_plot->xAxis->setScaleType(QCPAxis::stLogarithmic);
    } else {
        m_plot->xAxis->setTicker(QSharedPointer<QCPAxisTicker>::create());
        m_plot->xAxis->setScaleType(QCPAxis::stLinear);
    }
    PlotStyle::apply(m_plot, palette());
    if (rows.empty()) {
        m_plot->xAxis->setRange(0, 1);
        m_plot->yAxis->setRange(0, 1);
    } else {
        m_plot->rescaleAxes();
        const QCPRange x = m_plot->xAxis->range();
        if (logX)
            m_plot->xAxis->setRange(x.lower / 2.0, x.upper * 2.0);
        else {
            const double pad = std::max(0.5, 0.06 * x.size());
            m_plot->xAxis->setRange(x.lower - pad, x.upper + pad);
        }
        const QCPRange y = m_plot->yAxis->range();
        m_plot->yAxis->setRange(0.0, std::max(y.upper * 1.1, 1e-3));
    }
    m_plot->legend->setVisible(true);
    PlotFit::legendColumns(m_plot);
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

void SweepView::resizeEvent(QResizeEvent* event) {
    QWidget::resizeEvent(event);
    // Side by side when there is room, else the table above the plot.
    const Qt::Orientation orientation = width() > 1.4 * height() ? Qt::Horizontal : Qt::Vertical;
    if (m_split->orientation() != orientation) {
        m_split->setOrientation(orientation);
        const int length = orientation == Qt::Horizontal ? width() : m_split->height();
        m_split->setSizes(orientation == Qt::Horizontal ? QList<int>{length * 2 / 5, length * 3 / 5}
                                                        : QList<int>{length / 2, length / 2});
    }
}

void SweepView::fitButtons() {
    // As wide as their text needs: the style's wider minimum would widen the smallest window.
    for (QPushButton* button : {m_run, m_cancel, m_export})
        button->setMinimumWidth(button->fontMetrics().horizontalAdvance(button->text()) +
                                2 * button->fontMetrics().averageCharWidth() + 8);
}

void SweepView::changeEvent(QEvent* event) {
    if (event->type() == QEvent::FontChange) fitButtons();
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::FontChange) redrawPlot();
    QWidget::changeEvent(event);
}

}  // namespace nnplay::ui
