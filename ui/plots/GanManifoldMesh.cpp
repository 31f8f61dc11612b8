// SPDX-License-Identifier: GPL-3.0-or-later
#include "plots/GanManifoldMesh.h"

#include <qcustomplot.h>

#include <algorithm>

#include "plots/PlotStyle.h"

namespace nnplay::ui {

GanManifoldMesh::GanManifoldMesh(QCustomPlot* plot, QCPLayer* layer)
    : m_plot(plot), m_layer(layer) {}

void GanManifoldMesh::update(const nnplay::Matrix& manifold, int size) {
    const bool has = size > 1 && manifold.rows() >= 2 &&
                     manifold.cols() == static_cast<Eigen::Index>(size) * size;
    const auto lines = has ? static_cast<std::size_t>(2 * size) : 0;
    const bool added = m_lines.size() < lines;
    while (m_lines.size() < lines) {
        auto* curve = new QCPCurve(m_plot->xAxis, m_plot->yAxis);
        curve->setLayer(m_layer);
        curve->setSelectable(QCP::stNone);
        QColor color = PlotStyle::generatedSampleColor().darker(130);
        color.setAlpha(110);
        curve->setPen(QPen(color, 1.0));
        m_lines.push_back(curve);
    }
    if (added) PlotStyle::apply(m_plot, m_plot->palette());  // scales the new pens to the zoom
    for (std::size_t line = 0; line < m_lines.size(); ++line) {
        QCPCurve* curve = m_lines[line];
        QVector<double> xs, ys;
        if (line < lines) {
            // Lines 0..s-1: a row of the grid (column index varies); then the grid's columns.
            const bool row = line < static_cast<std::size_t>(size);
            const int fixed = static_cast<int>(row ? line : line - static_cast<std::size_t>(size));
            xs.resize(size);
            ys.resize(size);
            for (int k = 0; k < size; ++k) {
                const Eigen::Index i = row ? static_cast<Eigen::Index>(fixed) * size + k
                                           : static_cast<Eigen::Index>(k) * size + fixed;
                xs[k] = manifold(0, i);
                ys[k] = manifold(1, i);
            }
        }
        curve->setData(xs, ys);
    }
}

int GanManifoldMesh::lineCount() const {
    int count = 0;
    for (const QCPCurve* curve : m_lines)
        if (curve->dataCount() > 0) ++count;
    return count;
}

QVector<QPointF> GanManifoldMesh::line(int line) const {
    QVector<QPointF> points;
    if (line < 0 || line >= static_cast<int>(m_lines.size())) return points;
    const QCPCurve* curve = m_lines[static_cast<std::size_t>(line)];
    for (auto it = curve->data()->constBegin(); it != curve->data()->constEnd(); ++it)
        points.append(QPointF(it->key, it->value));
    return points;
}

int GanManifoldMesh::segmentCount() const {
    int count = 0;
    for (const QCPCurve* curve : m_lines) count += std::max(0, curve->dataCount() - 1);
    return count;
}

}  // namespace nnplay::ui
