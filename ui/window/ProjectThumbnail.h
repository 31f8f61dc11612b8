// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHash>
#include <QImage>
#include <QPalette>
#include <QPixmap>
#include <QSize>
#include <QString>

#include "Project.h"

namespace nnplay::ui {

/// A small picture of a project's data, drawn from the project itself: for the 2-D sources
/// the points coloured by class (the decision-boundary view's colours) or by target, for
/// images a few samples, for CSV data a scatter of the first two input columns. Keeps each
/// picture it drew, by file, for as long as it lives.
class ProjectThumbnail {
public:
    /// Pictures of `size` (device-independent pixels) in the colours of `palette`.
    ProjectThumbnail(QSize size, const QPalette& palette);

    /// The picture of the project read from `path`, drawn on the first call for that path at
    /// `devicePixelRatio`.
    QPixmap pixmap(const QString& path, const nnplay::Project& project, qreal devicePixelRatio);

    /// Generates or loads the project's data (small: done on the calling thread) and draws it.
    /// Data that cannot be read gives a plain picture saying so.
    static QImage render(const nnplay::Project& project, QSize size, const QPalette& palette,
                         qreal devicePixelRatio = 1.0);

private:
    QSize m_size;
    QPalette m_palette;
    QHash<QString, QPixmap> m_pictures;
};

}  // namespace nnplay::ui
