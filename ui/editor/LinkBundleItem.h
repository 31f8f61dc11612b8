// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QGraphicsItem>
#include <QPainterPath>
#include <QPointF>
#include <vector>

#include "Types.h"

namespace nnplay::ui {

/// The connections into one dense layer: a curve from every input node to every neuron,
/// coloured by the sign of its weight (blue positive, orange negative) and as wide as the
/// weight is large. Without weights the curves are thin and neutral. Scene coordinates.
///
/// A weighted link can be picked: a press on it selects it (NetworkScene::selectLink) and a
/// vertical drag sets its weight (NetworkScene::dragParameterBy): up is larger, by
/// NetworkScene::kWeightStep per screen pixel, kFineWeightStep with Shift held. Presses
/// beside the links go on to the items below.
class LinkBundleItem : public QGraphicsItem {
public:
    enum { Type = UserType + 6 };

    /// `layerIndex`: the dense layer's spec index (-1 for the links into the output column);
    /// `sources`: one anchor per input (in the order of the weight columns); `targets`: one per
    /// neuron (weight rows). `oneToOne` links source k to target k only (into the output).
    LinkBundleItem(int layerIndex, std::vector<QPointF> sources, std::vector<QPointF> targets,
                   bool oneToOne = false);

    int type() const override { return Type; }
    int layerIndex() const { return m_layerIndex; }
    /// targets x sources; any other size (or an empty matrix) shows neutral links.
    void setWeights(const nnplay::Matrix& weights);
    bool hasWeights() const { return m_weights.size() > 0; }
    /// Backpropagation in slow motion: draws dLoss/dWeight (targets x sources) instead of the
    /// weights, red where growing the weight raises the loss and teal where it lowers it, as
    /// wide as |gradient| / `largest` (the largest over the whole network, so bundles compare).
    /// An empty matrix (or one of another size) goes back to the weights.
    void setGradients(const nnplay::Matrix& gradients, double largest);
    bool showsGradients() const { return m_gradients.size() > 0; }
    const nnplay::Matrix& gradients() const { return m_gradients; }
    /// The weight of link (target, source); 0 without weights.
    float weightAt(int target, int source) const;
    int targetCount() const { return static_cast<int>(m_targets.size()); }
    int sourceCount() const { return static_cast<int>(m_sources.size()); }

    /// The link under a scene position, as target * sourceCount() + source, or -1 (links of a
    /// bundle without weights, or into the output, cannot be picked).
    int linkAt(const QPointF& scenePos) const;
    /// The point `along` the way (0 the input, 1 the neuron) of link (target, source), scene
    /// coordinates.
    QPointF linkPoint(int target, int source, double along = 0.5) const;
    /// Draws link (target, source) highlighted (-1: none).
    void setSelectedLink(int target, int source);
    int selectedTarget() const { return m_selectedTarget; }
    int selectedSource() const { return m_selectedSource; }

    QRectF boundingRect() const override;
    /// The links themselves (a few pixels wide), so that only they take the pointer.
    QPainterPath shape() const override;
    void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override;

protected:
    void mousePressEvent(QGraphicsSceneMouseEvent* event) override;
    void mouseMoveEvent(QGraphicsSceneMouseEvent* event) override;
    void mouseReleaseEvent(QGraphicsSceneMouseEvent* event) override;

private:
    bool pickable() const { return hasWeights() && !m_oneToOne && m_layerIndex >= 0; }
    const QPainterPath& path(std::size_t target, std::size_t source) const {
        return m_paths[target * m_sources.size() + source];
    }

    int m_layerIndex;
    std::vector<QPointF> m_sources;
    std::vector<QPointF> m_targets;
    nnplay::Matrix m_weights;
    nnplay::Matrix m_gradients;
    double m_largestGradient = 0.0;
    std::vector<QPainterPath> m_paths;  // target-major, one per (target, source)
    QPainterPath m_shape;
    QRectF m_bounds;
    bool m_oneToOne;
    int m_selectedTarget = -1;
    int m_selectedSource = -1;
    bool m_dragging = false;
    double m_lastScreenY = 0;  // of the drag's previous event
};

}  // namespace nnplay::ui
