// SPDX-License-Identifier: GPL-3.0-or-later
#include "editor/LinkBundleItem.h"

#include <QCursor>
#include <QGraphicsScene>
#include <QGraphicsSceneMouseEvent>
#include <QPainter>
#include <QPainterPathStroker>
#include <algorithm>
#include <cmath>
#include <limits>
#include <utility>

#include "editor/DivergingColorMap.h"
#include "editor/EditorStyle.h"
#include "editor/NetworkScene.h"

namespace nnplay::ui {

namespace {

/// How far from a link (scene units) a press still picks it.
constexpr double kPickDistance = 4.0;
/// The ends of a link sit on the neurons: only the part between them picks the link.
constexpr double kPickStart = 0.08;
constexpr int kPickSamples = 24;

double distanceToSegment(const QPointF& p, const QPointF& a, const QPointF& b) {
    const QPointF ab = b - a;
    const double length2 = QPointF::dotProduct(ab, ab);
    const double t =
        length2 > 0 ? std::clamp(QPointF::dotProduct(p - a, ab) / length2, 0.0, 1.0) : 0.0;
    const QPointF d = p - (a + t * ab);
    return std::hypot(d.x(), d.y());
}

}  // namespace

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
    QPainterPath middles;
    for (const QPointF& b : m_targets) {
        for (const QPointF& a : m_sources) {
            const double dx = (b.x() - a.x()) * 0.5;
            QPainterPath link(a);
            link.cubicTo(a + QPointF(dx, 0), b - QPointF(dx, 0), b);
            m_paths.push_back(link);
            middles.moveTo(link.pointAtPercent(kPickStart));
            for (int i = 1; i <= kPickSamples; ++i) {
                const double t = kPickStart + (1 - 2 * kPickStart) * i / kPickSamples;
                middles.lineTo(link.pointAtPercent(t));
            }
        }
    }
    QPainterPathStroker stroker;
    stroker.setWidth(2 * kPickDistance);
    stroker.setCapStyle(Qt::RoundCap);
    m_shape = stroker.createStroke(middles);
}

void LinkBundleItem::setWeights(const nnplay::Matrix& weights) {
    const bool fits = weights.rows() == static_cast<Eigen::Index>(m_targets.size()) &&
                      weights.cols() == static_cast<Eigen::Index>(m_sources.size());
    m_weights = fits ? weights : nnplay::Matrix();
    setAcceptedMouseButtons(pickable() ? Qt::LeftButton : Qt::NoButton);
    if (pickable()) {
        setCursor(Qt::SizeVerCursor);
        setToolTip(
            QObject::tr("Click a link to see its weight; drag it up or down to change "
                        "it (hold Shift for fine steps)."));
    } else {
        setToolTip(QString());
        unsetCursor();
    }
    update();
}

float LinkBundleItem::weightAt(int target, int source) const {
    if (!hasWeights() || target < 0 || source < 0 || target >= m_weights.rows() ||
        source >= m_weights.cols())
        return 0.0f;
    return m_weights(target, source);
}

int LinkBundleItem::linkAt(const QPointF& scenePos) const {
    if (!pickable()) return -1;
    const QPointF p = mapFromScene(scenePos);
    int best = -1;
    double bestDistance = kPickDistance;
    for (std::size_t i = 0; i < m_paths.size(); ++i) {
        const QPainterPath& link = m_paths[i];
        if (!link.controlPointRect()
                 .adjusted(-kPickDistance, -kPickDistance, kPickDistance, kPickDistance)
                 .contains(p))
            continue;
        QPointF previous = link.pointAtPercent(kPickStart);
        for (int k = 1; k <= kPickSamples; ++k) {
            const QPointF next =
                link.pointAtPercent(kPickStart + (1 - 2 * kPickStart) * k / kPickSamples);
            const double distance = distanceToSegment(p, previous, next);
            if (distance <= bestDistance) {
                bestDistance = distance;
                best = static_cast<int>(i);
            }
            previous = next;
        }
    }
    return best;
}

QPointF LinkBundleItem::linkPoint(int target, int source, double along) const {
    if (target < 0 || source < 0 || target >= targetCount() || source >= sourceCount()) return {};
    return mapToScene(path(static_cast<std::size_t>(target), static_cast<std::size_t>(source))
                          .pointAtPercent(std::clamp(along, 0.0, 1.0)));
}

void LinkBundleItem::setSelectedLink(int target, int source) {
    if (target == m_selectedTarget && source == m_selectedSource) return;
    m_selectedTarget = target;
    m_selectedSource = source;
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

QPainterPath LinkBundleItem::shape() const { return m_shape; }

void LinkBundleItem::paint(QPainter* painter, const QStyleOptionGraphicsItem*, QWidget*) {
    const QPalette palette = scene() ? scene()->palette() : QPalette();
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setBrush(Qt::NoBrush);
    const bool weighted = hasWeights() && !m_oneToOne;
    QColor neutral = EditorStyle::wire(palette);
    neutral.setAlphaF(0.8f);
    const bool anySelected = m_selectedTarget >= 0 && m_selectedSource >= 0;
    for (std::size_t t = 0; t < m_targets.size(); ++t) {
        for (std::size_t s = 0; s < m_sources.size(); ++s) {
            if (m_oneToOne && s != t) continue;
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
                // With a link selected the others step back a little, so it stands out.
                const double alpha = std::clamp(0.35 + magnitude, 0.35, 0.95);
                color.setAlphaF(static_cast<float>(anySelected ? alpha * 0.55 : alpha));
                painter->setPen(QPen(color, std::clamp(0.6 + 2.2 * magnitude, 0.6, 7.0),
                                     Qt::SolidLine, Qt::RoundCap));
            } else {
                painter->setPen(QPen(neutral, 1.1));
            }
            painter->drawPath(path(t, s));
        }
    }
    if (!weighted || !anySelected || m_selectedTarget >= targetCount() ||
        m_selectedSource >= sourceCount())
        return;
    // The selected link: a halo in the selection colour under the link in its own colour.
    const auto t = static_cast<std::size_t>(m_selectedTarget);
    const auto s = static_cast<std::size_t>(m_selectedSource);
    const double w = weightAt(m_selectedTarget, m_selectedSource);
    const double magnitude = std::isfinite(w) ? std::abs(w) : 0.0;
    const double width = std::clamp(0.6 + 2.2 * magnitude, 1.5, 7.0);
    QColor halo = EditorStyle::accent(palette);
    halo.setAlphaF(0.45f);
    painter->setPen(QPen(halo, width + 6, Qt::SolidLine, Qt::RoundCap));
    painter->drawPath(path(t, s));
    painter->setPen(QPen(w >= 0 ? DivergingColorMap::positive() : DivergingColorMap::negative(),
                         width, Qt::SolidLine, Qt::RoundCap));
    painter->drawPath(path(t, s));
}

void LinkBundleItem::mousePressEvent(QGraphicsSceneMouseEvent* event) {
    auto* networkScene = qobject_cast<NetworkScene*>(scene());
    const int link = event->button() == Qt::LeftButton ? linkAt(event->scenePos()) : -1;
    if (!networkScene || link < 0) {
        event->ignore();
        return;
    }
    const int target = link / sourceCount();
    const int source = link % sourceCount();
    networkScene->selectLink(m_layerIndex, target, source);
    m_dragging = networkScene->beginParameterDrag(m_layerIndex, 0, target, source);
    m_lastScreenY = event->screenPos().y();
    event->accept();
}

void LinkBundleItem::mouseMoveEvent(QGraphicsSceneMouseEvent* event) {
    auto* networkScene = qobject_cast<NetworkScene*>(scene());
    if (!m_dragging || !networkScene) return;
    const double dy = m_lastScreenY - event->screenPos().y();
    m_lastScreenY = event->screenPos().y();
    const bool fine = event->modifiers() & Qt::ShiftModifier;
    networkScene->dragParameterBy(dy, fine);
}

void LinkBundleItem::mouseReleaseEvent(QGraphicsSceneMouseEvent* event) {
    if (m_dragging) {
        m_dragging = false;
        if (auto* networkScene = qobject_cast<NetworkScene*>(scene()))
            networkScene->finishParameterDrag();
    }
    event->accept();
}

}  // namespace nnplay::ui
