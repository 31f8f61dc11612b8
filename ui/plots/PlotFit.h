// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QSharedPointer>

class QCustomPlot;
class QRect;
class QCPAxisTickerText;
class QFont;

namespace nnplay::ui {

/// Fitting what has text to a plot's width, shared by the plots with a legend row and an
/// epoch axis.
namespace PlotFit {

/// Moves the plot's legend into a row of its own above the curves, where it hides nothing,
/// in `font`, borderless and tight.
void placeLegendAbove(QCustomPlot* plot, const QFont& font);
/// Puts a legend that sits in a row above the curves into the fewest rows whose columns fit
/// the plot's width whole, the items spread evenly over the rows.
void legendColumns(QCustomPlot* plot);
/// Gives the x axis whole-epoch ticks at a fixed step, which epochTicks() then fits.
void useEpochAxis(QCustomPlot* plot);
/// Labels 0 %, `step` %, ... 100 % on a 0..1 axis.
QSharedPointer<QCPAxisTickerText> percentTicks(int step);
/// Epoch labels are whole numbers: picks the smallest step of 1, 2 or 5 times a power of ten
/// that leaves a label's width (and two spaces) between ticks. The x axis needs a
/// QCPAxisTickerFixed.
void epochTicks(QCustomPlot* plot);
/// Places `plot` in `area` (its parent's rect) so that its axis rect is square, as large as
/// fits, centred across the top. The space around the axis rect (tick labels, a colour scale)
/// is taken from the last layout; a change of it takes one more pass (call again from
/// QCustomPlot::afterLayout and on the area's resize).
void fitSquare(QCustomPlot* plot, const QRect& area);

}  // namespace PlotFit

}  // namespace nnplay::ui
