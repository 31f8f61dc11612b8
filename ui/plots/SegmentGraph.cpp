// SPDX-License-Identifier: GPL-3.0-or-later
#include "plots/SegmentGraph.h"

#include <QLineF>
#include <QList>
#include <QVector>
#include <cmath>
#include <numeric>

namespace nnplay::ui {

namespace {

bool finite(const QPointF& p) { return std::isfinite(p.x()) && std::isfinite(p.y()); }

/// Walks a pen's dash pattern along a polyline, in pixels.
class Dasher {
public:
    explicit Dasher(const QPen& pen) {
        const double unit = pen.widthF() > 0 ? pen.widthF() : 1.0;
        for (qreal length : pen.dashPattern()) m_pattern.append(length * unit);
        m_offset = pen.dashOffset() * unit;
        restart();
    }
    bool valid() const {
        return m_pattern.size() >= 2 &&
               std::accumulate(m_pattern.begin(), m_pattern.end(), 0.0) > 1e-6;
    }
    /// Back to the start of the pattern (a new subpath, as QPainter does after a gap).
    void restart() {
        m_index = 0;
        m_on = true;
        m_left = m_pattern.isEmpty() ? 0.0 : m_pattern[0];
        if (valid()) advance(m_offset, QPointF(), QPointF(), nullptr);
    }
    /// Adds the dashes of the segment a-b to `out` and moves along the pattern.
    void add(const QPointF& a, const QPointF& b, QVector<QLineF>* out) {
        advance(QLineF(a, b).length(), a, b, out);
    }

private:
    void advance(double length, const QPointF& a, const QPointF& b, QVector<QLineF>* out) {
        double pos = 0.0;
        while (pos < length) {
            const double step = std::min(m_left, length - pos);
            if (m_on && out && step > 0) {
                out->append(
                    QLineF(a + (b - a) * (pos / length), a + (b - a) * ((pos + step) / length)));
            }
            pos += step;
            m_left -= step;
            if (m_left <= 1e-9) {
                m_index = (m_index + 1) % m_pattern.size();
                m_on = !m_on;
                m_left = m_pattern[m_index];
            }
        }
    }

    QList<double> m_pattern;
    double m_offset = 0.0;
    qsizetype m_index = 0;
    bool m_on = true;
    double m_left = 0.0;
};

}  // namespace

SegmentGraph::SegmentGraph(QCPAxis* keyAxis, QCPAxis* valueAxis) : QCPGraph(keyAxis, valueAxis) {}

void SegmentGraph::drawLinePlot(QCPPainter* painter, const QVector<QPointF>& lines) const {
    const QPen pen = painter->pen();
    if (pen.style() == Qt::NoPen || pen.color().alpha() == 0) return;
    const bool dashed = pen.style() != Qt::SolidLine;
    Dasher dasher(pen);
    if (painter->modes().testFlag(QCPPainter::pmVectorized) || lineStyle() != lsLine ||
        (dashed && !dasher.valid())) {
        QCPGraph::drawLinePlot(painter, lines);
        return;
    }
    applyDefaultAntialiasingHint(painter);
    // Consecutive finite points make a segment; a NaN or infinite point leaves a gap. Dashes
    // are cut here: the raster engine would restart the pattern on every separate segment.
    QVector<QLineF> segments;
    segments.reserve(lines.size());
    for (qsizetype i = 1; i < lines.size(); ++i) {
        if (!finite(lines[i - 1]) || !finite(lines[i])) {
            dasher.restart();
        } else if (dashed) {
            dasher.add(lines[i - 1], lines[i], &segments);
        } else {
            segments.append(QLineF(lines[i - 1], lines[i]));
        }
    }
    QPen solid = pen;
    solid.setStyle(Qt::SolidLine);
    painter->setPen(solid);
    painter->drawLines(segments);
    painter->setPen(pen);
}

}  // namespace nnplay::ui
