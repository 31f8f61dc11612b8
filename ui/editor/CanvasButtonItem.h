// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QGraphicsItem>

namespace nnplay::ui {

/// A round button on the canvas, `size` across: it follows hovering and pressing (for its
/// paint) and calls clicked() when a left press is released over it.
class CanvasButtonItem : public QGraphicsItem {
public:
    CanvasButtonItem(double size, QGraphicsItem* parent);

    QRectF boundingRect() const override;

protected:
    bool hovered() const { return m_hovered; }
    bool pressed() const { return m_pressed; }
    /// The button was clicked. Edits may rebuild the scene, which retires this item later:
    /// return at once after one.
    virtual void clicked() = 0;

    void hoverEnterEvent(QGraphicsSceneHoverEvent* event) override;
    void hoverLeaveEvent(QGraphicsSceneHoverEvent* event) override;
    void mousePressEvent(QGraphicsSceneMouseEvent* event) override;
    void mouseReleaseEvent(QGraphicsSceneMouseEvent* event) override;

private:
    double m_size;
    bool m_hovered = false;
    bool m_pressed = false;
};

}  // namespace nnplay::ui
