// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QFont>
#include <QGraphicsItem>
#include <QImage>
#include <QString>
#include <QStringList>
#include <string>

#include "editor/NetworkLayout.h"

namespace nnplay::ui {

class NeuronItem;

/// One layer of the network spec, drawn as a column: a card with its neurons (small dense
/// layers), a block with a weight heatmap (large ones) or a compact chip (activations,
/// dropout). Holds the layer's id, never the layer. Selectable; dragging it sideways asks
/// the NetworkScene to move the layer (one undo step on release).
class LayerItem : public QGraphicsItem {
public:
    enum { Type = UserType + 1 };

    /// The text and state a column shows, computed by the scene from the spec and shapes.
    struct Content {
        std::string type;    ///< registry type, for the chip's glyph
        QString title;       ///< "Dense", "Tanh"
        QString detail;      ///< "4 neurons", "rate 0.5"
        QString shapeText;   ///< "→ 4"
        QString paramsText;  ///< "12 params"
        QString errorText;   ///< why the layer does not fit; empty when fine
        QString toolTip;
        bool frozen = false;  ///< training leaves its weights as they are (hatched, lock closed)
    };

    LayerItem(int layerId, int layerIndex, NetworkLayout::Kind kind, const QSizeF& size,
              Content content);

    int type() const override { return Type; }
    int layerId() const { return m_layerId; }
    int layerIndex() const { return m_layerIndex; }
    NetworkLayout::Kind kind() const { return m_kind; }
    const Content& content() const { return m_content; }
    bool hasError() const { return !m_content.errorText.isEmpty(); }
    bool frozen() const { return m_content.frozen; }
    /// What the footer says when the layer has an error: the whole reason when it fits there,
    /// else a pointer to the sentence under the network (which always shows it whole). Never
    /// elided; every line fits the column.
    QStringList errorLines() const;
    /// Block layers: weights (units x inputs, or inputs x units when there are more inputs) as
    /// an image; a null image shows a stack of neurons.
    void setHeatmap(const QImage& image);
    const QImage& heatmap() const { return m_heatmap; }
    /// Chips: a warning drawn in the footer, one line per '\n' ("2 of 8 dead"); empty for none.
    void setNote(const QString& note);
    const QString& note() const { return m_note; }

    QRectF boundingRect() const override;
    void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override;

protected:
    void hoverEnterEvent(QGraphicsSceneHoverEvent* event) override;
    void hoverLeaveEvent(QGraphicsSceneHoverEvent* event) override;
    void mousePressEvent(QGraphicsSceneMouseEvent* event) override;
    void mouseMoveEvent(QGraphicsSceneMouseEvent* event) override;
    void mouseReleaseEvent(QGraphicsSceneMouseEvent* event) override;

private:
    void paintCard(QPainter* painter, const QPalette& palette) const;
    void paintChip(QPainter* painter, const QPalette& palette) const;
    void paintBlock(QPainter* painter, const QPalette& palette) const;
    void paintFooter(QPainter* painter, const QPalette& palette) const;
    /// The chip's pill, centred on the content band, tall enough for its title and detail.
    QRectF pillRect() const;
    QStringList chipTitleLines() const;
    static QFont chipFont();

    int m_layerId;
    int m_layerIndex;
    NetworkLayout::Kind m_kind;
    QSizeF m_size;
    Content m_content;
    QImage m_heatmap;
    QString m_note;
    bool m_hovered = false;
    /// The neuron drawn at a scene position, or nullptr.
    const NeuronItem* neuronAt(const QPointF& scenePos) const;

    bool m_dragging = false;
    /// A mostly vertical drag that began on a neuron sets its bias instead of moving the layer.
    bool m_biasDragging = false;
    double m_lastScreenY = 0;  // of the bias drag's previous event
};

}  // namespace nnplay::ui
