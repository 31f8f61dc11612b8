// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QGraphicsItem>
#include <QImage>

#include "train/SessionViews.h"

namespace nnplay::ui {

/// One neuron of a small dense layer: a square showing the neuron's output over the input
/// plane (a live thumbnail from the training snapshot). Hovering it tells the NetworkScene,
/// which emits neuronHovered so the big boundary view can show this neuron.
class NeuronItem : public QGraphicsItem {
public:
    enum { Type = UserType + 2 };

    /// `layerIndex`: the spec index whose thumbnail the neuron shows; `size`: side in scene units.
    NeuronItem(int layerIndex, int unit, double size, QGraphicsItem* parent = nullptr);

    int type() const override { return Type; }
    int layerIndex() const { return m_layerIndex; }
    int unit() const { return m_unit; }
    /// The thumbnail; a null image shows an empty neuron.
    void setImage(const QImage& image);
    bool hasImage() const { return !m_image.isNull(); }
    /// Dead units are drawn faded and crossed out, saturated ones with an amber ring; both
    /// say why in their tooltip.
    void setState(nnplay::SessionViews::UnitState state);
    /// What the tooltip says of the neuron ("Neuron 2 of Dense (layer 1)"); its state is
    /// added below.
    void setDescription(const QString& description);
    nnplay::SessionViews::UnitState state() const { return m_state; }

    QRectF boundingRect() const override;
    void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override;

protected:
    void hoverEnterEvent(QGraphicsSceneHoverEvent* event) override;
    void hoverLeaveEvent(QGraphicsSceneHoverEvent* event) override;

private:
    int m_layerIndex;
    int m_unit;
    double m_size;
    QImage m_image;
    void updateToolTip();

    bool m_hovered = false;
    QString m_description;
    nnplay::SessionViews::UnitState m_state = nnplay::SessionViews::UnitState::Working;
};

}  // namespace nnplay::ui
