// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QPointF>
#include <QVector>
#include <vector>

#include "Types.h"

class QCustomPlot;
class QCPCurve;
class QCPLayer;

namespace nnplay::ui {

/// The generator's manifold on a GanView's plane: its image of an s x s grid of noise drawn
/// as a warped mesh, s lines along the grid's rows, then s along its columns. Owns curves on
/// `layer` of `plot` (both not owned), made as the grid needs them.
class GanManifoldMesh {
public:
    GanManifoldMesh(QCustomPlot* plot, QCPLayer* layer);

    /// `manifold`: 2 x size*size, the grid row by row; anything else clears the mesh.
    void update(const nnplay::Matrix& manifold, int size);

    /// Lines drawn (with points).
    int lineCount() const;
    /// Line `line`'s points, in the plane.
    QVector<QPointF> line(int line) const;
    /// Segments joining grid neighbours: 2 s (s - 1) for an s x s grid.
    int segmentCount() const;

private:
    QCustomPlot* m_plot;
    QCPLayer* m_layer;
    std::vector<QCPCurve*> m_lines;
};

}  // namespace nnplay::ui
