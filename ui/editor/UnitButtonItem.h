// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QGraphicsItem>

namespace nnplay::ui {

/// The round − / + button in a dense layer's header: clicking asks the NetworkScene to change
/// the layer's units by `delta` (one undo step per click).
class UnitButtonItem : public QGraphicsItem {
public:
    enum { Type = UserType + 7 };
    static constexpr double kSize = 26;

    UnitButtonItem(int layerId, int delta, bool enabled, QGraphicsItem* parent);

    int type() const override { return Type; }
    int layerId() const { return m_layerId; }
    int delta() const { return m_delta; }

    QRectF boundingRect() const override;
    void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override;

protected:
    void hoverEnterEvent(QGraphicsSceneHoverEvent* event) override;
    void hoverLeaveEvent(QGraphicsSceneHoverEvent* event) override;
    void mousePressEvent(QGraphicsSceneMouseEvent* event) override;
    void mouseReleaseEvent(QGraphicsSceneMouseEvent* event) override;

private:
    int m_layerId;
    int m_delta;
    bool m_hovered = false;
    bool m_pressed = false;
};

}  // namespace nnplay::ui
