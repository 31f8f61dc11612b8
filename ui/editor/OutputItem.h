// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QGraphicsItem>
#include <QImage>
#include <QString>
#include <QStringList>
#include <vector>

namespace nnplay::ui {

/// The network's output column: what the data asks for ("2 classes", "1 target") and, for
/// 2-D data, a small picture of each output over the plane from the training snapshot.
class OutputItem : public QGraphicsItem {
public:
    enum { Type = UserType + 5 };

    /// `nodes`: picture rects in item coordinates (empty when the data is not a plane);
    /// without nodes the middle shows the headline and lists `names` (class names, or what
    /// the outputs mean) under it.
    OutputItem(const QSizeF& size, const QString& headline, const QString& detail,
               std::vector<QRectF> nodes, const QStringList& names = {});

    int type() const override { return Type; }
    const std::vector<QRectF>& nodes() const { return m_nodes; }
    const QString& headline() const { return m_headline; }
    /// The footer's first line: the headline when pictures fill the middle, else empty, the
    /// middle showing it already; the detail follows on the second line.
    QString footerTitle() const;
    /// One image per node; missing or null images show empty pictures.
    void setImages(std::vector<QImage> images);

    QRectF boundingRect() const override;
    void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override;

private:
    QSizeF m_size;
    QString m_headline;
    QString m_detail;
    std::vector<QRectF> m_nodes;
    std::vector<QImage> m_images;
    QStringList m_names;
};

}  // namespace nnplay::ui
