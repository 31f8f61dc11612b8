// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QColor>
#include <QImage>
#include <QRect>
#include <QString>
#include <QWidget>
#include <vector>

namespace nnplay::ui {

/// Groups of small pictures side by side, each under its title ("Real", "Fakes"; wrapped when
/// wider than its group): an image
/// GAN's samples in the Samples tab and in the slow motion. Each group is a grid of the
/// largest square cells that hold all its pictures; a picture may be framed in a colour (a
/// verdict). Drawn without smoothing, so the pixels of 8x8 pictures stay sharp.
class SampleGallery : public QWidget {
    Q_OBJECT
public:
    struct Group {
        QString title;
        std::vector<QImage> pictures;
        /// One per picture, or empty for no frames.
        std::vector<QColor> frames;
    };

    explicit SampleGallery(QWidget* parent = nullptr);

    void setGroups(std::vector<Group> groups);
    const std::vector<Group>& groups() const { return m_groups; }
    /// Where picture `i` of group `group` is drawn (empty when it is not or the cells are too
    /// small to draw).
    QRect pictureRect(int group, int i) const;
    /// The rect the title of group `group` is drawn in.
    QRect titleRect(int group) const;

    QSize sizeHint() const override { return {460, 320}; }

protected:
    void paintEvent(QPaintEvent* event) override;

private:
    /// The geometry of one group's grid.
    struct Grid {
        QRect title;
        int columns = 1;
        int cell = 0;
        QPoint origin;
    };
    Grid gridOf(int group) const;
    static QRect cellRect(const Grid& grid, int i);
    /// The frame's width in a cell of `cell` pixels.
    static int frameWidth(int cell);

    std::vector<Group> m_groups;
};

}  // namespace nnplay::ui
