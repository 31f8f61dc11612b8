// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QWidget>

namespace nnplay::ui {

class ProjectCard;

/// Cards in rows that reflow with the width they get: as many per row as fit, each row as
/// tall as its tallest card. The arrow keys move between the cards (up and down by a row);
/// past the first or the last card they move on to the widget before or after the grid.
class CardGrid : public QWidget {
    Q_OBJECT
public:
    static constexpr int kSpacing = 16;

    explicit CardGrid(QWidget* parent = nullptr);

    /// Takes `card` (reparented to the grid) as the last card.
    void addCard(ProjectCard* card);
    const QList<ProjectCard*>& cards() const { return m_cards; }
    /// Cards per row at `width`.
    static int columnsFor(int width);

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;
    bool hasHeightForWidth() const override { return true; }
    int heightForWidth(int width) const override;

protected:
    void resizeEvent(QResizeEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;

private:
    /// Lays the cards out at `width` (moving them when `place`); returns the height used.
    int arrange(int width, bool place) const;

    QList<ProjectCard*> m_cards;
};

}  // namespace nnplay::ui
