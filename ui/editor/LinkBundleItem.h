// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QGraphicsItem>
#include <QPointF>
#include <vector>

#include "Types.h"

namespace nnplay::ui {

/// The connections into one dense layer: a curve from every input node to every neuron,
/// coloured by the sign of its weight (blue positive, orange negative) and as wide as the
/// weight is large. Without weights the curves are thin and neutral. Scene coordinates.
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

    QRectF boundingRect() const override;
    void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override;

private:
    int m_layerIndex;
    std::vector<QPointF> m_sources;
    std::vector<QPointF> m_targets;
    nnplay::Matrix m_weights;
    nnplay::Matrix m_gradients;
    double m_largestGradient = 0.0;
    QRectF m_bounds;
    bool m_oneToOne;
};

}  // namespace nnplay::ui
