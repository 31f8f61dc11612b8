// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QGraphicsItem>
#include <QImage>
#include <QString>

namespace nnplay::ui {

/// One derived input of 2-D data (x1, x2, x1², ..., sin(x2)): its label and a picture of the
/// feature over the plane. Clicking it asks the NetworkScene to turn the feature on or off.
class FeatureItem : public QGraphicsItem {
public:
    enum { Type = UserType + 3 };

    /// `name`: the feature's name in DataSpec::features ("x1*x2"); `thumbRect`: where the
    /// picture goes, in item coordinates; the label sits left of it.
    FeatureItem(const QString& name, bool active, const QRectF& thumbRect);

    int type() const override { return Type; }
    const QString& name() const { return m_name; }
    bool isActive() const { return m_active; }
    /// "x₁²": the label shown for a feature name.
    static QString label(const QString& name);
    /// The feature over the plane of nnplay::kPlaneExtent, scaled to about -1..1, as a
    /// size x size image.
    static QImage featureImage(const QString& name, int size);

    QRectF boundingRect() const override;
    void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override;

protected:
    void hoverEnterEvent(QGraphicsSceneHoverEvent* event) override;
    void hoverLeaveEvent(QGraphicsSceneHoverEvent* event) override;
    void mousePressEvent(QGraphicsSceneMouseEvent* event) override;
    void mouseReleaseEvent(QGraphicsSceneMouseEvent* event) override;

private:
    QString m_name;
    bool m_active;
    QRectF m_thumb;
    QImage m_image;
    bool m_hovered = false;
};

}  // namespace nnplay::ui
