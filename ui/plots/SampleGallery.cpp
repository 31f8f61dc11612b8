// SPDX-License-Identifier: GPL-3.0-or-later
#include "plots/SampleGallery.h"

#include <QPainter>
#include <algorithm>
#include <utility>

namespace nnplay::ui {

namespace {

/// Between the groups and around them.
constexpr int kGap = 8;
constexpr int kTitleFlags = Qt::AlignHCenter | Qt::AlignVCenter | Qt::TextWordWrap;

}  // namespace

SampleGallery::SampleGallery(QWidget* parent) : QWidget(parent) {}

void SampleGallery::setGroups(std::vector<Group> groups) {
    m_groups = std::move(groups);
    update();
}

SampleGallery::Grid SampleGallery::gridOf(int group) const {
    Grid grid;
    const int count = static_cast<int>(m_groups.size());
    if (group < 0 || group >= count) return grid;
    // The groups side by side, kGap apart and from the edges.
    const int slot = (width() - kGap) / count;
    const QRect area(kGap + group * slot, kGap, slot - kGap, height() - 2 * kGap);
    QFont bold = font();
    bold.setBold(true);
    // Titles too wide for their group wrap; all groups' pictures start at the same height.
    int titleHeight = QFontMetrics(bold).height();
    for (const Group& g : m_groups) {
        titleHeight = std::max(
            titleHeight, QFontMetrics(bold)
                             .boundingRect(QRect(0, 0, area.width(), 1000), kTitleFlags, g.title)
                             .height());
    }
    titleHeight += 4;
    grid.title = QRect(area.left(), area.top(), area.width(), titleHeight);
    const QRect pictures = area.adjusted(0, titleHeight + 2, 0, 0);
    // The most columns of the largest square cells that hold every picture.
    const int n = static_cast<int>(m_groups[static_cast<std::size_t>(group)].pictures.size());
    for (int c = 1; c <= std::max(n, 1); ++c) {
        const int rows = (n + c - 1) / c;
        const int side = std::min(pictures.width() / c, pictures.height() / std::max(rows, 1));
        if (side > grid.cell) {
            grid.cell = side;
            grid.columns = c;
        }
    }
    grid.origin =
        QPoint(pictures.left() + (pictures.width() - grid.columns * grid.cell) / 2, pictures.top());
    return grid;
}

QRect SampleGallery::cellRect(const Grid& grid, int i) {
    if (grid.cell < 2) return {};
    const int pad = grid.cell >= 8 ? 1 : 0;
    return QRect(grid.origin.x() + (i % grid.columns) * grid.cell + pad,
                 grid.origin.y() + (i / grid.columns) * grid.cell + pad, grid.cell - 2 * pad,
                 grid.cell - 2 * pad);
}

int SampleGallery::frameWidth(int cell) { return std::max(2, cell / 9); }

QRect SampleGallery::pictureRect(int group, int i) const {
    if (group < 0 || group >= static_cast<int>(m_groups.size())) return {};
    const Group& g = m_groups[static_cast<std::size_t>(group)];
    if (i < 0 || i >= static_cast<int>(g.pictures.size())) return {};
    const Grid grid = gridOf(group);
    const QRect cell = cellRect(grid, i);
    if (cell.isEmpty() || g.frames.empty()) return cell;
    const int frame = frameWidth(grid.cell);
    return cell.adjusted(frame, frame, -frame, -frame);
}

QRect SampleGallery::titleRect(int group) const { return gridOf(group).title; }

void SampleGallery::paintEvent(QPaintEvent* event) {
    QWidget::paintEvent(event);
    QPainter painter(this);
    painter.setRenderHint(QPainter::SmoothPixmapTransform, false);
    QFont bold = font();
    bold.setBold(true);
    for (int k = 0; k < static_cast<int>(m_groups.size()); ++k) {
        const Group& group = m_groups[static_cast<std::size_t>(k)];
        const Grid grid = gridOf(k);
        painter.setPen(palette().color(QPalette::WindowText));
        painter.setFont(bold);
        painter.drawText(grid.title, kTitleFlags, group.title);
        const int frame = group.frames.empty() ? 0 : frameWidth(grid.cell);
        for (int i = 0; i < static_cast<int>(group.pictures.size()); ++i) {
            const QRect cell = cellRect(grid, i);
            if (cell.isEmpty()) continue;
            if (i < static_cast<int>(group.frames.size()))
                painter.fillRect(cell, group.frames[static_cast<std::size_t>(i)]);
            painter.drawImage(cell.adjusted(frame, frame, -frame, -frame),
                              group.pictures[static_cast<std::size_t>(i)]);
        }
    }
}

}  // namespace nnplay::ui
