// SPDX-License-Identifier: GPL-3.0-or-later
#include "plots/ConfusionMatrixView.h"

#include <qcustomplot.h>

#include <QEvent>
#include <QLabel>
#include <QVBoxLayout>
#include <algorithm>
#include <cmath>

#include "plots/PlotStyle.h"

namespace nnplay::ui {

ConfusionMatrixView::ConfusionMatrixView(QWidget* parent)
    : QWidget(parent), m_plot(new QCustomPlot(this)), m_summary(new QLabel(this)) {
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_summary);
    layout->addWidget(m_plot, 1);
    m_summary->setToolTip(
        tr("Rows are the true classes of the test samples, columns what the "
           "network predicted; the diagonal counts the right answers."));
    m_plot->setMinimumSize(220, 200);
    m_summary->setWordWrap(true);
    m_summary->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    m_plot->xAxis->setLabel(tr("Predicted class"));
    m_plot->yAxis->setLabel(tr("True class"));
    m_plot->yAxis->setRangeReversed(true);  // class 0 at the top, as a table reads
    m_plot->xAxis->grid()->setVisible(false);
    m_plot->yAxis->grid()->setVisible(false);

    connect(m_plot, &QCustomPlot::mousePress, this, [this](QMouseEvent* event) {
        const auto [t, p] = cellAt(event->position().toPoint());
        if (t >= 0 && event->button() == Qt::LeftButton) emit cellClicked(t, p);
    });
    m_map = new QCPColorMap(m_plot->xAxis, m_plot->yAxis);
    m_map->setInterpolate(false);
    m_map->setTightBoundary(false);
    m_scale = new QCPColorScale(m_plot);
    m_scale->setType(QCPAxis::atRight);
    m_scale->setBarWidth(12);
    m_scale->axis()->setLabel(tr("Share of the true class"));
    auto percent = QSharedPointer<QCPAxisTickerText>::create();
    for (int p = 0; p <= 100; p += 25) percent->addTick(p / 100.0, QStringLiteral("%1%").arg(p));
    m_scale->axis()->setTicker(percent);
    m_plot->plotLayout()->addElement(0, 1, m_scale);
    m_map->setColorScale(m_scale);  // the map takes the scale's gradient and range: set after
    m_map->setGradient(PlotStyle::countGradient());
    m_map->setDataRange(QCPRange(0.0, 1.0));
    auto* margins = new QCPMarginGroup(m_plot);
    m_plot->axisRect()->setMarginGroup(QCP::msBottom | QCP::msTop, margins);
    m_scale->setMarginGroup(QCP::msBottom | QCP::msTop, margins);
    applyStyle();
    m_summary->setText(tr("No test predictions yet."));
}

void ConfusionMatrixView::setSnapshot(const TrainingSnapshot& snapshot) {
    m_data = snapshot.data;
    const bool classification =
        snapshot.data && snapshot.data->info.task == nnplay::Task::Classification;
    // New data (a CSV import, another data set): its classes at once, empty until tested.
    if (classification && snapshot.data->info.classNames != m_names) {
        setClasses(snapshot.data->info.classCount(), snapshot.data->info.classNames);
        m_plot->replot(QCustomPlot::rpQueuedReplot);
    }
    m_hasTest = snapshot.hasMetrics && classification && snapshot.test.classification;
    if (!m_hasTest) {
        const nnplay::RegressionMetrics r =
            snapshot.test.regression.value_or(nnplay::RegressionMetrics{});
        m_summary->setText(
            snapshot.data && snapshot.data->info.task == nnplay::Task::Regression
                ? tr("Regression: test MSE %1, R² %2").arg(r.mse, 0, 'g', 4).arg(r.r2, 0, 'f', 3)
                : tr("No test predictions yet."));
        return;
    }
    m_test = snapshot.test;
    showCounts();
}

void ConfusionMatrixView::setThreshold(double threshold) {
    if (threshold == m_threshold) return;
    m_threshold = threshold;
    if (m_hasTest) showCounts();
}

void ConfusionMatrixView::showCounts() {
    const nnplay::ClassificationMetrics metrics = m_test.metricsAt(m_threshold);
    const auto& confusion = metrics.confusion;
    if (confusion.empty()) return;
    const int classes = static_cast<int>(confusion.size());
    if (classes != m_classes) setClasses(classes, m_data->info.classNames);

    for (int t = 0; t < classes; ++t) {
        const auto& row = confusion[static_cast<std::size_t>(t)];
        int rowTotal = 0;
        for (int count : row) rowTotal += count;
        for (int p = 0; p < classes && p < static_cast<int>(row.size()); ++p) {
            const int count = row[static_cast<std::size_t>(p)];
            const double share = rowTotal > 0 ? static_cast<double>(count) / rowTotal : 0.0;
            m_map->data()->setCell(p, t, share);
            if (!m_cells.empty()) {
                QCPItemText* cell = m_cells[static_cast<std::size_t>(t * classes + p)];
                cell->setText(QString::number(count));
                // Dark text on pale cells, white on dark ones; wrong answers in red.
                cell->setColor(share > 0.55            ? Qt::white
                               : (p != t && count > 0) ? QColor(200, 30, 30)
                                                       : QColor(40, 40, 40));
            }
        }
    }
    QString summary = describe(metrics, m_data->info);
    if (!m_test.scores.empty() && m_threshold != 0.5)
        summary += QLatin1Char('\n') + tr("At a decision threshold of %1 (set in the Metrics tab).")
                                           .arg(m_threshold, 0, 'f', 2);
    m_summary->setText(summary);
    // In a hidden tab the numbers are kept and drawn once it is shown.
    if (isVisible()) {
        m_plot->replot(QCustomPlot::rpQueuedReplot);
    } else {
        m_stale = true;
    }
}

std::pair<int, int> ConfusionMatrixView::cellAt(const QPoint& plotPoint) const {
    if (m_classes == 0 || !m_plot->axisRect()->rect().contains(plotPoint)) return {-1, -1};
    const int p = static_cast<int>(std::lround(m_plot->xAxis->pixelToCoord(plotPoint.x())));
    const int t = static_cast<int>(std::lround(m_plot->yAxis->pixelToCoord(plotPoint.y())));
    if (p < 0 || t < 0 || p >= m_classes || t >= m_classes) return {-1, -1};
    return {t, p};
}

QString ConfusionMatrixView::summaryText() const { return m_summary->text(); }

QString ConfusionMatrixView::describe(const nnplay::ClassificationMetrics& m,
                                      const nnplay::DataInfo& info) {
    const auto percent = [](double share) {
        return QStringLiteral("%1%").arg(100.0 * share, 0, 'f', 0);
    };
    const auto& confusion = m.confusion;
    const int classes = static_cast<int>(confusion.size());
    int total = 0;
    for (const auto& row : confusion)
        for (int count : row) total += count;
    QStringList lines;
    lines << tr("Test accuracy %1% on %2 samples.").arg(100.0 * m.accuracy, 0, 'f', 1).arg(total);
    if (classes == 2 && m.precision.size() == 2) {
        // Class 1 is the positive one: the counts behind its precision and recall.
        const int found = confusion[1][1];
        const int calledPositive = confusion[0][1] + confusion[1][1];
        const int positives = confusion[1][0] + confusion[1][1];
        const QString name = info.classNames.size() == 2
                                 ? QString::fromStdString(info.classNames[1])
                                 : QStringLiteral("1");
        const QString precision =
            calledPositive == 0
                ? tr("Precision: no sample was called positive (%1).").arg(name)
                : tr("Precision %1: of the %2 samples called positive (%3), %4 are.")
                      .arg(percent(m.precision[1]))
                      .arg(calledPositive)
                      .arg(name)
                      .arg(found);
        const QString recall = positives == 0
                                   ? tr("Recall: the test part has no positive samples.")
                                   : tr("Recall %1: of the %2 positive samples, %3 were found.")
                                         .arg(percent(m.recall[1]))
                                         .arg(positives)
                                         .arg(found);
        lines << precision << recall + QLatin1Char(' ') + tr("F1 %1.").arg(m.f1[1], 0, 'f', 2);
    } else if (classes > 2 && static_cast<int>(m.precision.size()) == classes) {
        QStringList perClass;
        for (int c = 0; c < classes; ++c) {
            const auto k = static_cast<std::size_t>(c);
            const QString name = k < info.classNames.size()
                                     ? QString::fromStdString(info.classNames[k])
                                     : QString::number(c);
            perClass << tr("%1 %2/%3").arg(name, percent(m.precision[k]), percent(m.recall[k]));
        }
        lines << tr("Precision/recall per class: %1. Macro F1 %2.")
                     .arg(perClass.join(QStringLiteral(", ")))
                     .arg(m.macroF1, 0, 'f', 2);
    }
    if (!m.groupAccuracy.empty() && m.groupAccuracy.size() == info.groupNames.size()) {
        QStringList perGroup;
        for (std::size_t g = 0; g < m.groupAccuracy.size(); ++g) {
            const QString name = QString::fromStdString(info.groupNames[g]);
            perGroup << (std::isnan(m.groupAccuracy[g])
                             ? tr("group %1 not tested").arg(name)
                             : tr("group %1 %2").arg(name, percent(m.groupAccuracy[g])));
        }
        const double gap = nnplay::groupGap(m.groupAccuracy);
        QString line = tr("Accuracy by group: %1").arg(perGroup.join(QStringLiteral(", ")));
        if (!std::isnan(gap))
            line += tr(" (a gap of %1 percentage points)").arg(100.0 * gap, 0, 'f', 0);
        lines << line + QLatin1Char('.');
    }
    return lines.join(QLatin1Char('\n'));
}

QString ConfusionMatrixView::cellText(int trueClass, int predictedClass) const {
    if (trueClass < 0 || predictedClass < 0 || trueClass >= m_classes ||
        predictedClass >= m_classes || m_cells.empty()) {
        return QString();
    }
    return m_cells[static_cast<std::size_t>(trueClass * m_classes + predictedClass)]->text();
}

void ConfusionMatrixView::setClasses(int classes, const std::vector<std::string>& names) {
    for (QCPItemText* cell : m_cells) m_plot->removeItem(cell);
    m_cells.clear();
    m_classes = classes;
    m_names = names;
    m_map->data()->setSize(classes, classes);
    m_map->data()->fill(0);
    m_map->data()->setRange(QCPRange(0, classes - 1), QCPRange(0, classes - 1));
    m_plot->xAxis->setRange(-0.5, classes - 0.5);
    m_plot->yAxis->setRange(-0.5, classes - 0.5);

    auto ticker = QSharedPointer<QCPAxisTickerText>::create();
    for (int k = 0; k < classes; ++k) {
        ticker->addTick(k, k < static_cast<int>(names.size())
                               ? QString::fromStdString(names[static_cast<std::size_t>(k)])
                               : QString::number(k));
    }
    m_plot->xAxis->setTicker(ticker);
    m_plot->yAxis->setTicker(ticker);
    if (classes > kMaxLabelledClasses) return;
    const QFont font = cellFont(classes);
    for (int t = 0; t < classes; ++t) {
        for (int p = 0; p < classes; ++p) {
            auto* cell = new QCPItemText(m_plot);
            cell->position->setType(QCPItemPosition::ptPlotCoords);
            cell->position->setCoords(p, t);
            cell->setPositionAlignment(Qt::AlignCenter);
            cell->setFont(font);
            cell->setText(QString());  // not QCPItemText's "text" until there is a count
            m_cells.push_back(cell);
        }
    }
}

void ConfusionMatrixView::showEvent(QShowEvent* event) {
    QWidget::showEvent(event);
    if (m_stale) {
        m_stale = false;
        m_plot->replot(QCustomPlot::rpQueuedRefresh);  // before the first paint
    }
}

void ConfusionMatrixView::changeEvent(QEvent* event) {
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::FontChange) applyStyle();
    QWidget::changeEvent(event);
}

QFont ConfusionMatrixView::cellFont(int classes) const {
    QFont cell = font();
    cell.setPointSizeF(std::max(7.0, cell.pointSizeF() * (classes > 10 ? 0.8 : 1.0)));
    return cell;
}

void ConfusionMatrixView::applyStyle() {
    PlotStyle::apply(m_plot, palette());
    PlotStyle::apply(m_scale, palette());
    const QFont cell = cellFont(static_cast<int>(std::lround(std::sqrt(m_cells.size()))));
    for (QCPItemText* item : m_cells) item->setFont(cell);
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

}  // namespace nnplay::ui
