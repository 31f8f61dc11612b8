// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QPointF>
#include <QVector>

class QCustomPlot;
class QCPCurve;
class QMouseEvent;

namespace nnplay::ui {

/// Points drawn by hand on a plot of the plane (a GAN's drawn target): while enabled, a click
/// adds one, a drag a stroke of them at least `spacing` apart, inside the axis rect and the
/// plane's ±extent. The stroke shows on `curve` (not owned) until clear(); pointsDrawn brings
/// its points when the button is released.
class PlaneStroke : public QObject {
    Q_OBJECT
public:
    PlaneStroke(QCustomPlot* plot, QCPCurve* curve, double extent, double spacing);

    void setEnabled(bool enabled);
    bool enabled() const { return m_enabled; }
    /// Takes the stroke off the plot.
    void clear();

signals:
    /// A click or a drag ended: its points in the plane.
    void pointsDrawn(const QVector<QPointF>& points);

private:
    void onPress(QMouseEvent* event);
    void onMove(QMouseEvent* event);
    void onRelease(QMouseEvent* event);
    /// Adds the plane point under `event` to the stroke, unless it is too close to the last.
    void extend(QMouseEvent* event);

    QCustomPlot* m_plot;
    QCPCurve* m_curve;
    double m_extent;
    double m_spacing;
    QVector<QPointF> m_points;
    bool m_enabled = false;
    bool m_stroking = false;
};

}  // namespace nnplay::ui
