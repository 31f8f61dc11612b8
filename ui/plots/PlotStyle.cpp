// SPDX-License-Identifier: GPL-3.0-or-later
#include "plots/PlotStyle.h"

#include <qcustomplot.h>

#include <algorithm>
#include <array>

#include "style/UiScale.h"

namespace nnplay::ui {

namespace {

// The width a plottable's pen was given at 100 %, kept on it the first time it is scaled.
constexpr char kBaseWidth[] = "nnplayBaseWidth";

void styleAxis(QCPAxis* axis, const QPalette& palette, const QFont& font) {
    const QColor text = palette.color(QPalette::WindowText);
    QColor grid = text;
    grid.setAlpha(40);
    QColor subGrid = text;
    subGrid.setAlpha(18);
    axis->setBasePen(PlotStyle::pen(text, 1));
    axis->setTickPen(PlotStyle::pen(text, 1));
    axis->setSubTickPen(PlotStyle::pen(text, 1));
    axis->setTickLabelColor(text);
    axis->setLabelColor(text);
    axis->setTickLabelFont(font);
    axis->setLabelFont(font);
    axis->grid()->setPen(PlotStyle::pen(grid, 1, Qt::DotLine));
    axis->grid()->setSubGridPen(PlotStyle::pen(subGrid, 1, Qt::DotLine));
    axis->grid()->setZeroLinePen(Qt::NoPen);
}

/// Scales a plottable's line to the zoom from the width it had at 100 %.
void scalePen(QCPAbstractPlottable* plottable) {
    QPen pen = plottable->pen();
    if (pen.style() == Qt::NoPen) return;
    QVariant base = plottable->property(kBaseWidth);
    if (!base.isValid()) {
        base = pen.widthF();
        plottable->setProperty(kBaseWidth, base);
    }
    pen.setWidthF(base.toDouble() * UiScale::factor());
    plottable->setPen(pen);
}

}  // namespace

QPen PlotStyle::pen(const QColor& color, double width, Qt::PenStyle style) {
    return QPen(color, width * UiScale::factor(), style);
}

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

QCPColorGradient PlotStyle::verdictGradient(double strength) {
    QCPColorGradient gradient;
    gradient.clearColorStops();
    gradient.setColorStopAt(0.0, tint(generatedSampleColor(), strength));
    gradient.setColorStopAt(0.5, neutralColor());
    gradient.setColorStopAt(1.0, tint(realSampleColor(), strength));
    gradient.setLevelCount(256);
    return gradient;
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

QCPColorScale* PlotStyle::addVerdictScale(QCustomPlot* plot, QCPColorMap* map) {
    auto* scale = new QCPColorScale(plot);
    scale->setType(QCPAxis::atRight);
    scale->setBarWidth(12);
    scale->axis()->setLabel(QObject::tr("D(x): how real"));
    plot->plotLayout()->addElement(0, 1, scale);
    map->setColorScale(scale);
    // A map takes its scale's gradient and range: set them on the scale, after linking.
    scale->setGradient(verdictGradient(kVerdictMapStrength));
    scale->setDataRange(QCPRange(0.0, 1.0));
    auto* margins = new QCPMarginGroup(plot);
    plot->axisRect()->setMarginGroup(QCP::msBottom | QCP::msTop, margins);
    scale->setMarginGroup(QCP::msBottom | QCP::msTop, margins);
    return scale;
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
    const QFont font = plot->font();
    plot->setBackground(palette.brush(QPalette::Window));
    for (int i = 0; i < plot->axisRectCount(); ++i) {
        QCPAxisRect* rect = plot->axisRect(i);
        rect->setBackground(palette.brush(QPalette::Base));
        for (QCPAxis* axis : rect->axes()) styleAxis(axis, palette, font);
    }
    if (plot->legend) {
        QColor legendBrush = palette.color(QPalette::Base);
        legendBrush.setAlpha(220);
        plot->legend->setBrush(legendBrush);
        plot->legend->setBorderPen(QPen(palette.color(QPalette::Mid)));
        plot->legend->setTextColor(palette.color(QPalette::Text));
        plot->legend->setFont(font);  // and every item's
    }
    for (int i = 0; i < plot->plotLayout()->elementCount(); ++i) {
        if (auto* title = qobject_cast<QCPTextElement*>(plot->plotLayout()->elementAt(i))) {
            title->setTextColor(palette.color(QPalette::WindowText));
            title->setFont(font);
        }
    }
    for (int i = 0; i < plot->plottableCount(); ++i) scalePen(plot->plottable(i));
    for (int i = 0; i < plot->itemCount(); ++i) {
        if (auto* text = qobject_cast<QCPItemText*>(plot->item(i))) text->setFont(font);
    }
}

void PlotStyle::apply(QCPColorScale* scale, const QPalette& palette) {
    styleAxis(scale->axis(), palette, scale->parentPlot()->font());
    scale->axis()->grid()->setVisible(false);
}

}  // namespace nnplay::ui
