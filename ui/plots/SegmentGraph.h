// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <qcustomplot.h>

namespace nnplay::ui {

/// A QCPGraph whose line is drawn as one batch of separate segments (QPainter::drawLines)
/// instead of one polyline. Qt's raster engine strokes a polyline wider than one pixel through
/// its general path stroker, which costs milliseconds for a curve of a few thousand points
/// (a loss curve after many epochs); separate segments take its fast line rasterizer, dashed
/// pens included (the dash pattern runs on across the segments). Each segment's square cap
/// covers the joint, so the curve looks the same. Vector output (PDF) keeps the polyline.
class SegmentGraph : public QCPGraph {
public:
    /// Registers itself with the axes' plot, as QCustomPlot::addGraph() does.
    SegmentGraph(QCPAxis* keyAxis, QCPAxis* valueAxis);

protected:
    void drawLinePlot(QCPPainter* painter, const QVector<QPointF>& lines) const override;
};

}  // namespace nnplay::ui
