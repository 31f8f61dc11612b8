// SPDX-License-Identifier: GPL-3.0-or-later
#include "editor/LinkBundleItem.h"

#include <QGraphicsScene>
#include <QPainter>
#include <QPainterPath>
#include <algorithm>
#include <cmath>
#include <utility>

#include "editor/DivergingColorMap.h"
#include "editor/EditorStyle.h"

namespace nnplay::ui {

LinkBundleItem::LinkBundleItem(int layerIndex, std::vector<QPointF> sources,
                               std::vector<QPointF> targets, bool oneToOne)
    : m_layerIndex(layerIndex),
      m_sources(std::move(sources)),
      m_targets(std::move(targets)),
      m_oneToOne(oneToOne) {
    setAcceptedMouseButtons(Qt::NoButton);
    setZValue(1);
    for (const QPointF& p : m_sources) m_bounds = m_bounds.united(QRectF(p, QSizeF(1, 1)));
    for (const QPointF& p : m_targets) m_bounds = m_bounds.united(QRectF(p, QSizeF(1, 1)));
    m_bounds.adjust(-8, -8, 8, 8);
}

void LinkBundleItem::setWeights(const nnplay::Matrix& weights) {
    const bool fits = weights.rows() == static_cast<Eigen::Index>(m_targets.size()) &&
                      weights.cols() == static_cast<Eigen::Index>(m_sources.size());
    m_weights = fits ? weights : nnplay::Matrix();
    update();
}

void LinkBundleItem::setGradients(const nnplay::Matrix& gradients, double largest) {
    const bool fits = !m_oneToOne &&
                      gradients.rows() == static_cast<Eigen::Index>(m_targets.size()) &&
                      gradients.cols() == static_cast<Eigen::Index>(m_sources.size());
    m_gradients = fits ? gradients : nnplay::Matrix();
    m_largestGradient = largest;
    update();
}

QRectF LinkBundleItem::boundingRect() const { return m_bounds; }

void LinkBundleItem::paint(QPainter* painter, const QStyleOptionGraphicsItem*, QWidget*) {
    const QPalette palette = scene() ? scene()->palette() : QPalette();
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setBrush(Qt::NoBrush);
    const bool weighted = hasWeights() && !m_oneToOne;
    QColor neutral = EditorStyle::wire(palette);
    neutral.setAlphaF(0.8f);
    for (std::size_t t = 0; t < m_targets.size(); ++t) {
        for (std::size_t s = 0; s < m_sources.size(); ++s) {
            if (m_oneToOne && s != t) continue;
            const QPointF a = m_sources[s];
            const QPointF b = m_targets[t];
            const double dx = (b.x() - a.x()) * 0.5;
            QPainterPath path(a);
            path.cubicTo(a + QPointF(dx, 0), b - QPointF(dx, 0), b);
            if (showsGradients()) {
                const double g =
                    m_gradients(static_cast<Eigen::Index>(t), static_cast<Eigen::Index>(s));
                const double size = std::isfinite(g) && m_largestGradient > 0
                                        ? std::min(1.0, std::abs(g) / m_largestGradient)
                                        : 0.0;
                QColor color =
                    g >= 0 ? EditorStyle::lossRises(palette) : EditorStyle::lossFalls(palette);
                color.setAlphaF(static_cast<float>(0.45 + 0.5 * size));
                painter->setPen(QPen(color, 1.0 + 9.0 * size, Qt::SolidLine, Qt::RoundCap));
            } else if (weighted) {
                const double w =
                    m_weights(static_cast<Eigen::Index>(t), static_cast<Eigen::Index>(s));
                const double magnitude = std::isfinite(w) ? std::abs(w) : 0.0;
                QColor color =
                    w >= 0 ? DivergingColorMap::positive() : DivergingColorMap::negative();
                color.setAlphaF(static_cast<float>(std::clamp(0.35 + magnitude, 0.35, 0.95)));
                painter->setPen(QPen(color, std::clamp(0.6 + 2.2 * magnitude, 0.6, 7.0),
                                     Qt::SolidLine, Qt::RoundCap));
            } else {
                painter->setPen(QPen(neutral, 1.1));
            }
            painter->drawPath(path);
        }
    }
}

}  // namespace nnplay::ui
