// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QColor>
#include <QPalette>
#include <QPen>

class QCustomPlot;
class QCPColorGradient;
class QCPColorMap;
class QCPColorScale;

namespace nnplay::ui {

/// Colours shared by every view: TensorFlow Playground's orange (negative, class 0) and blue
/// (positive, class 1), a palette for more classes, and plot chrome that follows the window's
/// light or dark palette.
class PlotStyle {
public:
    static QColor negativeColor() { return QColor(245, 147, 34); }
    static QColor neutralColor() { return QColor(232, 234, 235); }
    static QColor positiveColor() { return QColor(8, 119, 189); }
    /// A distinct colour for class `index` (orange and blue first, as for two classes).
    static QColor classColor(int index);
    /// Mixes `color` with white: 0 gives white, 1 the colour itself.
    static QColor tint(const QColor& color, double amount);

    /// Orange - white - blue over [0, 1]: Playground's colours for outputs and activations.
    /// `strength` < 1 pales the ends (heatmaps under points drawn in the full colours).
    static QCPColorGradient divergingGradient(double strength = 1.0);
    /// GAN Lab's colours for a GAN's samples: green for real, purple for generated.
    static QColor realSampleColor() { return classColor(2); }
    static QColor generatedSampleColor() { return classColor(4); }
    /// The discriminator's verdict over [0, 1]: purple (surely generated) - white - green
    /// (surely real); `strength` < 1 pales the ends.
    static QCPColorGradient verdictGradient(double strength = 1.0);
    /// How strong the verdict map under a GAN's samples is drawn.
    static constexpr double kVerdictMapStrength = 0.55;
    /// Links `map` (on `plot`) to a new colour scale at the plot's right, "D(x): how real"
    /// over [0, 1] in the verdict map's colours, its height kept to the plot's.
    static QCPColorScale* addVerdictScale(QCustomPlot* plot, QCPColorMap* map);
    /// White to blue: counts (confusion matrix).
    static QCPColorGradient countGradient();

    /// A pen `width` pixels wide at 100 %, as wide as UiScale's zoom makes it.
    static QPen pen(const QColor& color, double width, Qt::PenStyle style = Qt::SolidLine);

    /// Plot background, axes, grid, text and legend in the colours of `palette`, their text
    /// in the plot's font and every line as wide as UiScale's zoom makes it (the graphs'
    /// widths as they were given at 100 %). Call again on QEvent::PaletteChange (the system
    /// switching between light and dark) and on QEvent::FontChange (UiScale).
    static void apply(QCustomPlot* plot, const QPalette& palette);
    /// The same for a colour scale's axis.
    static void apply(QCPColorScale* scale, const QPalette& palette);
};

}  // namespace nnplay::ui
