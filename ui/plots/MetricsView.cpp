// SPDX-License-Identifier: GPL-3.0-or-later
#include "plots/MetricsView.h"

#include <qcustomplot.h>

#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QSlider>
#include <QTableWidget>
#include <QVBoxLayout>
#include <algorithm>
#include <cmath>

#include "plots/PlotStyle.h"

namespace nnplay::ui {

namespace {

/// Slider steps over [0, 1].
constexpr int kThresholdSteps = 100;
/// Points drawn in the regression plots at most (the first test samples).
constexpr int kMaxPoints = 2000;

QCustomPlot* newPlot(QWidget* parent, const QString& x, const QString& y) {
    auto* plot = new QCustomPlot(parent);
    // Two side by side still fit the views of a 1024-pixel-wide window.
    plot->setMinimumSize(120, 150);
    plot->xAxis->setLabel(x);
    plot->yAxis->setLabel(y);
    return plot;
}

QString figure(double value) {
    return std::isnan(value) ? QStringLiteral("–") : QString::number(value, 'f', 3);
}

QTableWidgetItem* cell(const QString& text, bool bold = false) {
    auto* item = new QTableWidgetItem(text);
    item->setFlags(Qt::ItemIsEnabled);
    item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
    if (bold) {
        QFont font = item->font();
        font.setBold(true);
        item->setFont(font);
    }
    return item;
}

/// A graph drawn as dots only.
QCPGraph* pointGraph(QCustomPlot* plot, const QColor& color, double size) {
    QCPGraph* g = plot->addGraph();
    g->setLineStyle(QCPGraph::lsNone);
    g->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDisc, color, color, size));
    return g;
}

}  // namespace

MetricsView::MetricsView(QWidget* parent)
    : QWidget(parent),
      m_headline(new QLabel(this)),
      m_table(new QTableWidget(this)),
      m_curves(new QWidget(this)),
      m_roc(newPlot(m_curves, tr("False positive rate"), tr("True positive rate (recall)"))),
      m_pr(newPlot(m_curves, tr("Recall"), tr("Precision"))),
      m_slider(new QSlider(Qt::Horizontal, m_curves)),
      m_thresholdLabel(new QLabel(m_curves)),
      m_regression(new QWidget(this)),
      m_scatter(newPlot(m_regression, tr("Actual value"), tr("Predicted value"))),
      m_residuals(newPlot(m_regression, tr("Actual value"), tr("Residual (predicted − actual)"))) {
    m_headline->setWordWrap(true);
    m_headline->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    m_table->verticalHeader()->setVisible(false);
    m_table->setSelectionMode(QAbstractItemView::NoSelection);
    m_table->setFocusPolicy(Qt::NoFocus);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setStretchLastSection(true);

    // ROC: the diagonal is a classifier that guesses; the curve, and a dot where the
    // threshold puts it.
    QCPGraph* chance = m_roc->addGraph();
    chance->setData({0.0, 1.0}, {0.0, 1.0});
    chance->setPen(PlotStyle::pen(Qt::gray, 1, Qt::DashLine));
    m_roc->addGraph()->setPen(PlotStyle::pen(PlotStyle::positiveColor(), 2));
    m_rocMarker = pointGraph(m_roc, PlotStyle::negativeColor(), 9);
    m_pr->addGraph()->setPen(PlotStyle::pen(PlotStyle::positiveColor(), 2));
    m_prMarker = pointGraph(m_pr, PlotStyle::negativeColor(), 9);
    for (QCustomPlot* plot : {m_roc, m_pr}) {
        plot->xAxis->setRange(0, 1);
        plot->yAxis->setRange(0, 1.02);
        plot->plotLayout()->insertRow(0);
        plot->plotLayout()->addElement(0, 0, new QCPTextElement(plot, QString()));
    }
    m_slider->setRange(0, kThresholdSteps);
    m_slider->setValue(kThresholdSteps / 2);
    m_slider->setToolTip(
        tr("Samples whose probability of the positive class is at least the threshold are "
           "called positive. Lower it to find more positives (recall up), raise it to be "
           "surer of the ones called positive (precision up)."));
    connect(m_slider, &QSlider::valueChanged, this, [this] {
        showClassification();
        emit thresholdChanged(threshold());
    });
    auto* thresholdRow = new QHBoxLayout;
    thresholdRow->addWidget(new QLabel(tr("Decision threshold"), m_curves));
    thresholdRow->addWidget(m_slider, 1);
    thresholdRow->addWidget(m_thresholdLabel);
    auto* plots = new QHBoxLayout;
    plots->addWidget(m_roc, 1);
    plots->addWidget(m_pr, 1);
    auto* curves = new QVBoxLayout(m_curves);
    curves->setContentsMargins(0, 0, 0, 0);
    curves->addLayout(plots, 1);
    curves->addLayout(thresholdRow);

    // Regression: a perfect model puts every dot on the diagonal and every residual on zero.
    m_scatter->addGraph()->setPen(PlotStyle::pen(Qt::gray, 1, Qt::DashLine));
    pointGraph(m_scatter, PlotStyle::positiveColor(), 4);
    m_residuals->addGraph()->setPen(PlotStyle::pen(Qt::gray, 1, Qt::DashLine));
    pointGraph(m_residuals, PlotStyle::negativeColor(), 4);
    auto* regression = new QHBoxLayout(m_regression);
    regression->setContentsMargins(0, 0, 0, 0);
    regression->addWidget(m_scatter, 1);
    regression->addWidget(m_residuals, 1);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_headline);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_curves, 2);
    layout->addWidget(m_regression, 2);
    m_curves->hide();
    m_regression->hide();
    m_headline->setText(tr("No test predictions yet."));
    applyStyle();
}

double MetricsView::threshold() const {
    return static_cast<double>(m_slider->value()) / kThresholdSteps;
}

void MetricsView::setThreshold(double threshold) {
    m_slider->setValue(
        static_cast<int>(std::lround(std::clamp(threshold, 0.0, 1.0) * kThresholdSteps)));
}

QString MetricsView::headline() const { return m_headline->text(); }

void MetricsView::setSnapshot(const TrainingSnapshot& snapshot) {
    const bool newData = snapshot.data != m_data;
    m_data = snapshot.data;
    m_hasTest = snapshot.hasMetrics && snapshot.data;
    if (m_hasTest) m_test = snapshot.test;
    if (newData && !m_hasTest) {
        m_test = {};
        m_table->setRowCount(0);
        m_headline->setText(tr("No test predictions yet."));
    }
    if (!m_hasTest) return;
    if (m_test.regression) {
        showRegression();
    } else {
        showClassification();
    }
}

void MetricsView::showClassification() {
    if (!m_hasTest || !m_test.classification) return;
    const bool binary = m_test.curves.has_value();
    const nnplay::ClassificationMetrics m = m_test.metricsAt(binary ? threshold() : 0.5);
    const std::vector<std::string>& names = m_data->info.classNames;
    const int classes = static_cast<int>(m.precision.size());
    m_table->setColumnCount(5);
    m_table->setHorizontalHeaderLabels(
        {tr("Class"), tr("Precision"), tr("Recall"), tr("F1"), tr("Support")});
    m_table->setRowCount(classes + 1);
    int total = 0;
    for (int k = 0; k < classes; ++k) {
        const auto c = static_cast<std::size_t>(k);
        auto* name = cell(c < names.size() ? QString::fromStdString(names[c]) : QString::number(k));
        name->setTextAlignment(Qt::AlignLeft | Qt::AlignVCenter);
        m_table->setItem(k, 0, name);
        m_table->setItem(k, 1, cell(figure(m.precision[c])));
        m_table->setItem(k, 2, cell(figure(m.recall[c])));
        m_table->setItem(k, 3, cell(figure(m.f1[c])));
        m_table->setItem(k, 4, cell(QString::number(m.support[c])));
        total += m.support[c];
    }
    auto* macro = cell(tr("Macro average"), true);
    macro->setTextAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    m_table->setItem(classes, 0, macro);
    m_table->setItem(classes, 1, cell(figure(m.macroPrecision), true));
    m_table->setItem(classes, 2, cell(figure(m.macroRecall), true));
    m_table->setItem(classes, 3, cell(figure(m.macroF1), true));
    m_table->setItem(classes, 4, cell(QString::number(total), true));
    QString text = tr("Test accuracy %1 on %2 samples; macro F1 %3.")
                       .arg(figure(m.accuracy))
                       .arg(total)
                       .arg(figure(m.macroF1));
    if (binary)
        text += QLatin1Char(' ') +
                tr("ROC AUC %1: the chance that a random positive sample scores above a random "
                   "negative one.")
                    .arg(figure(m_test.curves->rocAuc));
    m_headline->setText(text);
    m_curves->setVisible(binary);
    m_regression->hide();
    if (binary) drawCurves();
}

void MetricsView::drawCurves() {
    const nnplay::BinaryCurves& c = *m_test.curves;
    const double t = threshold();
    m_thresholdLabel->setText(QString::number(t, 'f', 2));
    m_roc->graph(1)->setData(
        QVector<double>(c.falsePositiveRate.begin(), c.falsePositiveRate.end()),
        QVector<double>(c.truePositiveRate.begin(), c.truePositiveRate.end()), true);
    m_pr->graph(0)->setData(QVector<double>(c.recall.begin(), c.recall.end()),
                            QVector<double>(c.precision.begin(), c.precision.end()), true);
    // The marker: the rates at this threshold, from the same counts as the table.
    const nnplay::ClassificationMetrics m = m_test.metricsAt(t);
    const auto& confusion = m.confusion;
    const double negatives = confusion[0][0] + confusion[0][1];
    const double positives = confusion[1][0] + confusion[1][1];
    const double fpr = negatives > 0 ? confusion[0][1] / negatives : 0.0;
    const double tpr = positives > 0 ? confusion[1][1] / positives : 0.0;
    m_rocMarker->setData({fpr}, {tpr});
    if (confusion[0][1] + confusion[1][1] > 0)
        m_prMarker->setData({tpr}, {m.precision[1]});
    else
        m_prMarker->data()->clear();  // nothing called positive: no precision
    const QString positive = m_data->info.classNames.size() == 2
                                 ? QString::fromStdString(m_data->info.classNames[1])
                                 : QStringLiteral("1");
    static_cast<QCPTextElement*>(m_roc->plotLayout()->element(0, 0))
        ->setText(tr("ROC curve (AUC %1)").arg(figure(c.rocAuc)));
    static_cast<QCPTextElement*>(m_pr->plotLayout()->element(0, 0))
        ->setText(tr("Precision and recall of %1").arg(positive));
    replot();
}

void MetricsView::showRegression() {
    const nnplay::RegressionMetrics& r = *m_test.regression;
    m_table->setColumnCount(2);
    m_table->setHorizontalHeaderLabels({tr("Measure"), tr("Test")});
    m_table->setRowCount(3);
    const std::pair<QString, double> rows[] = {
        {tr("Mean squared error"), r.mse}, {tr("Mean absolute error"), r.mae}, {tr("R²"), r.r2}};
    for (int i = 0; i < 3; ++i) {
        auto* name = cell(rows[i].first);
        name->setTextAlignment(Qt::AlignLeft | Qt::AlignVCenter);
        m_table->setItem(i, 0, name);
        m_table->setItem(i, 1, cell(QString::number(rows[i].second, 'g', 4)));
    }
    m_headline->setText(tr("Test MSE %1, MAE %2, R² %3 on %4 samples. R² is 1 for perfect "
                           "predictions and 0 for always predicting the mean.")
                            .arg(r.mse, 0, 'g', 4)
                            .arg(r.mae, 0, 'g', 4)
                            .arg(figure(r.r2))
                            .arg(m_test.samples));
    m_curves->hide();
    m_regression->setVisible(!m_test.actual.empty());
    drawScatter();
}

void MetricsView::drawScatter() {
    const std::size_t n = std::min<std::size_t>(m_test.actual.size(), kMaxPoints);
    if (n == 0) return;
    QVector<double> actual(static_cast<qsizetype>(n)), predicted(actual.size()),
        residual(actual.size());
    for (std::size_t i = 0; i < n; ++i) {
        actual[static_cast<qsizetype>(i)] = m_test.actual[i];
        predicted[static_cast<qsizetype>(i)] = m_test.predicted[i];
        residual[static_cast<qsizetype>(i)] = m_test.predicted[i] - m_test.actual[i];
    }
    const auto [lowA, highA] = std::minmax_element(actual.begin(), actual.end());
    const auto [lowP, highP] = std::minmax_element(predicted.begin(), predicted.end());
    double low = std::min(*lowA, *lowP), high = std::max(*highA, *highP);
    if (high <= low) high = low + 1;
    const double pad = 0.05 * (high - low);
    m_scatter->graph(0)->setData({low - pad, high + pad}, {low - pad, high + pad});
    m_scatter->graph(1)->setData(actual, predicted);
    m_scatter->xAxis->setRange(low - pad, high + pad);
    m_scatter->yAxis->setRange(low - pad, high + pad);
    m_residuals->graph(0)->setData({*lowA - pad, *highA + pad}, {0.0, 0.0});
    m_residuals->graph(1)->setData(actual, residual);
    m_residuals->xAxis->setRange(*lowA - pad, *highA + pad);
    const auto [lowR, highR] = std::minmax_element(residual.begin(), residual.end());
    const double reach = std::max({std::abs(*lowR), std::abs(*highR), 1e-6}) * 1.1;
    m_residuals->yAxis->setRange(-reach, reach);
    replot();
}

void MetricsView::replot() {
    if (!isVisible()) {
        m_stale = true;
        return;
    }
    for (QCustomPlot* plot : {m_roc, m_pr, m_scatter, m_residuals})
        if (plot->isVisibleTo(this)) plot->replot(QCustomPlot::rpQueuedReplot);
}

void MetricsView::showEvent(QShowEvent* event) {
    QWidget::showEvent(event);
    if (m_stale) {
        m_stale = false;
        replot();
    }
}

void MetricsView::changeEvent(QEvent* event) {
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::FontChange) applyStyle();
    QWidget::changeEvent(event);
}

void MetricsView::applyStyle() {
    for (QCustomPlot* plot : {m_roc, m_pr, m_scatter, m_residuals}) {
        PlotStyle::apply(plot, palette());
        if (plot->plotLayout()->rowCount() > 1)
            if (auto* title = qobject_cast<QCPTextElement*>(plot->plotLayout()->element(0, 0)))
                title->setTextColor(palette().color(QPalette::WindowText));
    }
    replot();
}

}  // namespace nnplay::ui
