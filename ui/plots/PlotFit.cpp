// SPDX-License-Identifier: GPL-3.0-or-later
#include "plots/PlotFit.h"

#include <qcustomplot.h>

#include <algorithm>
#include <cmath>
#include <vector>

namespace nnplay::ui::PlotFit {

void placeLegendAbove(QCustomPlot* plot, const QFont& font) {
    QCPLegend* legend = plot->legend;
    legend->setVisible(true);
    legend->setFont(font);
    legend->setIconSize(18, 8);
    legend->setWrap(2);
    legend->setFillOrder(QCPLayoutGrid::foColumnsFirst);
    legend->setBorderPen(Qt::NoPen);
    legend->setRowSpacing(0);
    legend->setColumnSpacing(6);
    legend->setMargins(QMargins(2, 0, 2, 0));
    plot->axisRect()->insetLayout()->take(legend);
    plot->plotLayout()->insertRow(0);
    plot->plotLayout()->addElement(0, 0, legend);
    plot->plotLayout()->setRowStretchFactor(0, 0.001);
    plot->plotLayout()->setRowSpacing(0);
}

void legendColumns(QCustomPlot* plot) {
    QCPLegend* legend = plot->legend;
    // itemCount() counts the grid's cells, empty ones too: measure the items in fill order.
    std::vector<int> widths;
    for (int i = 0; i < legend->itemCount(); ++i) {
        if (const QCPAbstractLegendItem* item = legend->item(i))
            widths.push_back(item->minimumOuterSizeHint().width());
    }
    const int count = static_cast<int>(widths.size());
    const QMargins margins = legend->margins();
    const int available = plot->width() - margins.left() - margins.right() - 4;
    int columns = 1;
    for (int rows = 1; rows <= count; ++rows) {
        const int c = (count + rows - 1) / rows;
        // Columns first: item i sits in column i % c; a column is as wide as its widest item.
        std::vector<int> columnWidth(static_cast<std::size_t>(c), 0);
        for (int i = 0; i < count; ++i) {
            int& w = columnWidth[static_cast<std::size_t>(i % c)];
            w = std::max(w, widths[static_cast<std::size_t>(i)]);
        }
        int total = (c - 1) * legend->columnSpacing();
        for (int w : columnWidth) total += w;
        if (total <= available || c == 1) {
            columns = c;
            break;
        }
    }
    if (legend->wrap() != columns) {
        legend->setWrap(columns);
        legend->setFillOrder(QCPLayoutGrid::foColumnsFirst, true);
    }
}

void useEpochAxis(QCustomPlot* plot) {
    auto ticks = QSharedPointer<QCPAxisTickerFixed>::create();
    ticks->setScaleStrategy(QCPAxisTickerFixed::ssNone);
    ticks->setTickStep(2);
    plot->xAxis->setTicker(ticks);
}

QSharedPointer<QCPAxisTickerText> percentTicks(int step) {
    auto ticks = QSharedPointer<QCPAxisTickerText>::create();
    for (int p = 0; p <= 100; p += step) ticks->addTick(p / 100.0, QStringLiteral("%1%").arg(p));
    return ticks;
}

void epochTicks(QCustomPlot* plot) {
    const QFontMetrics metrics(plot->xAxis->tickLabelFont());
    const QCPRange range = plot->xAxis->range();
    const QString widest = QString::number(static_cast<long long>(std::ceil(range.upper)));
    const int pitch = 2 * metrics.horizontalAdvance(widest + QStringLiteral("  "));
    const QMargins axisMargins = plot->axisRect()->margins();
    const int axisWidth = std::max(1, plot->width() - axisMargins.left() - axisMargins.right());
    const double maxTicks = std::max(2, axisWidth / std::max(pitch, 1));
    double step = 1;
    for (double magnitude = 1; step * (maxTicks - 1) < range.size(); magnitude *= 10) {
        for (double factor : {1.0, 2.0, 5.0}) {
            step = factor * magnitude;
            if (step * (maxTicks - 1) >= range.size()) break;
        }
    }
    if (auto fixed = plot->xAxis->ticker().dynamicCast<QCPAxisTickerFixed>())
        fixed->setTickStep(step);
}

void fitSquare(QCustomPlot* plot, const QRect& area) {
    const QRect axes = plot->axisRect()->rect();
    const int extraW = axes.width() > 0 ? plot->width() - axes.width() : 90;
    const int extraH = axes.height() > 0 ? plot->height() - axes.height() : 40;
    const int side = std::max(40, std::min(area.width() - extraW, area.height() - extraH));
    const QSize size(std::min(area.width(), side + extraW), std::min(area.height(), side + extraH));
    const QRect target(QPoint(area.left() + (area.width() - size.width()) / 2, area.top()), size);
    if (plot->geometry() != target) plot->setGeometry(target);
}

}  // namespace nnplay::ui::PlotFit
