// SPDX-License-Identifier: GPL-3.0-or-later
#include "window/CardGrid.h"

#include <QKeyEvent>
#include <algorithm>

#include "window/ProjectCard.h"

namespace nnplay::ui {

CardGrid::CardGrid(QWidget* parent) : QWidget(parent) {
    QSizePolicy policy(QSizePolicy::Preferred, QSizePolicy::Preferred);
    policy.setHeightForWidth(true);
    setSizePolicy(policy);
}

void CardGrid::addCard(ProjectCard* card) {
    card->setParent(this);
    m_cards.append(card);
    card->show();
    updateGeometry();
    arrange(width(), true);
}

int CardGrid::columnsFor(int width) {
    return std::max(1, (width + kSpacing) / (ProjectCard::kWidth + kSpacing));
}

int CardGrid::arrange(int width, bool place) const {
    const int columns = columnsFor(width);
    int top = 0;
    for (int first = 0; first < m_cards.size(); first += columns) {
        const int last = std::min<int>(first + columns, m_cards.size());
        int rowHeight = 0;
        for (int i = first; i < last; ++i)
            rowHeight = std::max(rowHeight, m_cards[i]->heightForWidth(ProjectCard::kWidth));
        if (place) {
            for (int i = first; i < last; ++i)
                m_cards[i]->setGeometry((i - first) * (ProjectCard::kWidth + kSpacing), top,
                                        ProjectCard::kWidth, rowHeight);
        }
        top += rowHeight + kSpacing;
    }
    return std::max(0, top - kSpacing);
}

QSize CardGrid::sizeHint() const {
    const int columns = std::clamp<int>(m_cards.size(), 1, 3);
    const int width = columns * (ProjectCard::kWidth + kSpacing) - kSpacing;
    return {width, arrange(width, false)};
}

QSize CardGrid::minimumSizeHint() const {
    // The height follows the width (heightForWidth): a one-column height here would make
    // every scroll area holding the grid scroll that far.
    return {ProjectCard::kWidth, 0};
}

int CardGrid::heightForWidth(int width) const { return arrange(width, false); }

void CardGrid::resizeEvent(QResizeEvent* event) {
    QWidget::resizeEvent(event);
    arrange(width(), true);
}

void CardGrid::keyPressEvent(QKeyEvent* event) {
    const int at = m_cards.indexOf(qobject_cast<ProjectCard*>(focusWidget()));
    const int columns = columnsFor(width());
    int to = -1;
    switch (event->key()) {
        case Qt::Key_Left:
            to = at - 1;
            break;
        case Qt::Key_Right:
            to = at + 1;
            break;
        case Qt::Key_Up:
            to = at < columns ? -1 : at - columns;
            break;
        case Qt::Key_Down:
            // From a row above a shorter last row, down goes to the last card.
            to = at / columns == (m_cards.size() - 1) / columns
                     ? static_cast<int>(m_cards.size())
                     : std::min<int>(at + columns, m_cards.size() - 1);
            break;
        default:
            QWidget::keyPressEvent(event);
            return;
    }
    if (at < 0) {
        QWidget::keyPressEvent(event);
        return;
    }
    event->accept();
    if (to >= 0 && to < m_cards.size()) {
        m_cards[to]->setFocus(Qt::TabFocusReason);
        return;
    }
    // Past the edge: on to the widget before the first card or after the last one.
    const bool forward = to >= m_cards.size();
    m_cards[forward ? m_cards.size() - 1 : 0]->setFocus(Qt::TabFocusReason);
    focusNextPrevChild(forward);
}

}  // namespace nnplay::ui
