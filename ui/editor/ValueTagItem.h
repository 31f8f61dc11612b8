// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QGraphicsItem>
#include <QString>

namespace nnplay::ui {

/// A small label on the canvas naming the value of the weight or bias the learner selected
/// ("weight 0.42"), drawn over the links in a box of the canvas colour so that it stays
/// readable wherever it sits. Placed by NetworkScene; takes no mouse input.
class ValueTagItem : public QGraphicsItem {
public:
    enum { Type = UserType + 8 };

    ValueTagItem();

    int type() const override { return Type; }
    /// Shows `text` with its box centred on `anchor` (scene coordinates).
    void showValue(const QString& text, const QPointF& anchor);
    const QString& text() const { return m_text; }

    QRectF boundingRect() const override;
    void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override;

private:
    QString m_text;
    QRectF m_box;  // item coordinates, centred on the origin
};

}  // namespace nnplay::ui
