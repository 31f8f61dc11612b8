// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QAbstractButton>
#include <QPixmap>
#include <QString>

class QLabel;

namespace nnplay::ui {

/// A project on the welcome screen: its picture, its title and a line about it, on a card
/// that opens it when clicked or when Enter or Space is pressed on it. Arrow keys go to the
/// parent (CardGrid moves between cards). Colours come from the palette.
class ProjectCard : public QAbstractButton {
    Q_OBJECT
public:
    /// Width of every card, in device-independent pixels, and of the picture on it.
    static constexpr int kWidth = 208;
    static constexpr int kPadding = 12;
    static QSize thumbnailSize() { return {kWidth - 2 * kPadding, 112}; }

    /// `text` may be empty (no line under the title).
    ProjectCard(const QPixmap& thumbnail, const QString& title, const QString& text,
                QWidget* parent = nullptr);

    QString title() const;
    QString text() const;
    QPixmap thumbnail() const;

    QSize sizeHint() const override;
    bool hasHeightForWidth() const override { return true; }
    int heightForWidth(int width) const override;

protected:
    void paintEvent(QPaintEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;

private:
    QLabel* m_picture;
    QLabel* m_title;
    QLabel* m_text;
};

}  // namespace nnplay::ui
