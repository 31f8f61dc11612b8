// SPDX-License-Identifier: GPL-3.0-or-later
#include "plots/PlotStyle.h"

#include <qcustomplot.h>

#include <algorithm>
#include <array>

namespace nnplay::ui {

namespace {

void styleAxis(QCPAxis* axis, const QPalette& palette) {
    const QColor text = palette.color(QPalette::WindowText);
    QColor grid = text;
    grid.setAlpha(40);
    QColor subGrid = text;
    subGrid.setAlpha(18);
    axis->setBasePen(QPen(text, 1));
    axis->setTickPen(QPen(text, 1));
    axis->setSubTickPen(QPen(text, 1));
    axis->setTickLabelColor(text);
    axis->setLabelColor(text);
    axis->grid()->setPen(QPen(grid, 1, Qt::DotLine));
    axis->grid()->setSubGridPen(QPen(subGrid, 1, Qt::DotLine));
    axis->grid()->setZeroLinePen(Qt::NoPen);
}

}  // namespace

QColor PlotStyle::classColor(int index) {
    static const std::array<QColor, 10> colors{
        negativeColor(),       positiveColor(),     QColor(44, 160, 44),   QColor(214, 39, 40),
        QColor(148, 103, 189), QColor(140, 86, 75), QColor(227, 119, 194), QColor(127, 127, 127),
        QColor(188, 189, 34),  QColor(23, 190, 207)};
    if (index < 0) return neutralColor();
    const QColor base = colors[static_cast<std::size_t>(index) % colors.size()];
    // Past ten classes, repeat the hues a little darker.
    return index < static_cast<int>(colors.size()) ? base : base.darker(140);
}

QColor PlotStyle::tint(const QColor& color, double amount) {
    const double a = std::clamp(amount, 0.0, 1.0);
    return QColor::fromRgbF(static_cast<float>(1.0 - a + a * color.redF()),
                            static_cast<float>(1.0 - a + a * color.greenF()),
                            static_cast<float>(1.0 - a + a * color.blueF()));
}

QCPColorGradient PlotStyle::divergingGradient(double strength) {
    QCPColorGradient gradient;
    gradient.clearColorStops();
    gradient.setColorStopAt(0.0, tint(negativeColor(), strength));
    gradient.setColorStopAt(0.5, tint(neutralColor(), strength));
    gradient.setColorStopAt(1.0, tint(positiveColor(), strength));
    gradient.setLevelCount(256);
    return gradient;
}

QCPColorGradient PlotStyle::countGradient() {
    QCPColorGradient gradient;
    gradient.clearColorStops();
    gradient.setColorStopAt(0.0, QColor(247, 251, 255));
    gradient.setColorStopAt(0.5, QColor(107, 174, 214));
    gradient.setColorStopAt(1.0, QColor(8, 69, 148));
    gradient.setLevelCount(256);
    return gradient;
}

void PlotStyle::apply(QCustomPlot* plot, const QPalette& palette) {
    plot->setBackground(palette.brush(QPalette::Window));
    for (int i = 0; i < plot->axisRectCount(); ++i) {
        QCPAxisRect* rect = plot->axisRect(i);
        rect->setBackground(palette.brush(QPalette::Base));
        for (QCPAxis* axis : rect->axes()) styleAxis(axis, palette);
    }
    if (plot->legend) {
        QColor legendBrush = palette.color(QPalette::Base);
        legendBrush.setAlpha(220);
        plot->legend->setBrush(legendBrush);
        plot->legend->setBorderPen(QPen(palette.color(QPalette::Mid)));
        plot->legend->setTextColor(palette.color(QPalette::Text));
    }
    for (int i = 0; i < plot->plotLayout()->elementCount(); ++i) {
        if (auto* title = qobject_cast<QCPTextElement*>(plot->plotLayout()->elementAt(i))) {
            title->setTextColor(palette.color(QPalette::WindowText));
        }
    }
}

void PlotStyle::apply(QCPColorScale* scale, const QPalette& palette) {
    styleAxis(scale->axis(), palette);
    scale->axis()->grid()->setVisible(false);
}

}  // namespace nnplay::ui
