// SPDX-License-Identifier: GPL-3.0-or-later
#include "plots/PlaneStroke.h"

#include <qcustomplot.h>

#include <QMouseEvent>
#include <cmath>

namespace nnplay::ui {

PlaneStroke::PlaneStroke(QCustomPlot* plot, QCPCurve* curve, double extent, double spacing)
    : QObject(plot), m_plot(plot), m_curve(curve), m_extent(extent), m_spacing(spacing) {
    connect(m_plot, &QCustomPlot::mousePress, this, &PlaneStroke::onPress);
    connect(m_plot, &QCustomPlot::mouseMove, this, &PlaneStroke::onMove);
    connect(m_plot, &QCustomPlot::mouseRelease, this, &PlaneStroke::onRelease);
}

void PlaneStroke::setEnabled(bool enabled) {
    m_enabled = enabled;
    m_stroking = false;
}

void PlaneStroke::clear() {
    m_curve->data()->clear();
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

void PlaneStroke::onPress(QMouseEvent* event) {
    if (!m_enabled || event->button() != Qt::LeftButton) return;
    m_stroking = true;
    m_points.clear();
    extend(event);
}

void PlaneStroke::onMove(QMouseEvent* event) {
    if (m_stroking && (event->buttons() & Qt::LeftButton)) extend(event);
}

void PlaneStroke::onRelease(QMouseEvent* event) {
    if (!m_stroking || event->button() != Qt::LeftButton) return;
    m_stroking = false;
    if (!m_points.isEmpty()) emit pointsDrawn(m_points);
}

void PlaneStroke::extend(QMouseEvent* event) {
    const QPointF at(m_plot->xAxis->pixelToCoord(event->position().x()),
                     m_plot->yAxis->pixelToCoord(event->position().y()));
    if (!m_plot->axisRect()->rect().contains(event->position().toPoint())) return;
    if (std::abs(at.x()) > m_extent || std::abs(at.y()) > m_extent) return;
    if (!m_points.isEmpty()) {
        const QPointF step = at - m_points.back();
        if (std::hypot(step.x(), step.y()) < m_spacing) return;
    }
    m_points.push_back(at);
    m_curve->addData(at.x(), at.y());
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

}  // namespace nnplay::ui
