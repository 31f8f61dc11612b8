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

    QRectF boundingRect() const override;
    void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override;

private:
    int m_layerIndex;
    std::vector<QPointF> m_sources;
    std::vector<QPointF> m_targets;
    nnplay::Matrix m_weights;
    QRectF m_bounds;
    bool m_oneToOne;
};

}  // namespace nnplay::ui
