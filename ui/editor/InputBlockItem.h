// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QGraphicsItem>
#include <QString>
#include <QStringList>

namespace nnplay::ui {

/// The inputs of data that is not a 2-D plane, drawn as one card: a headline ("64 pixels"),
/// a detail ("8×8 image") and, for tables, the first column names.
class InputBlockItem : public QGraphicsItem {
public:
    enum { Type = UserType + 4 };

    InputBlockItem(const QSizeF& size, const QString& headline, const QString& detail,
                   const QStringList& names);

    int type() const override { return Type; }
    const QString& headline() const { return m_headline; }

    QRectF boundingRect() const override;
    void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override;

private:
    QSizeF m_size;
    QString m_headline;
    QString m_detail;
    QStringList m_names;
};

}  // namespace nnplay::ui
