// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QColor>
#include <QImage>
#include <vector>

#include "Types.h"

namespace nnplay::ui {

/// TensorFlow Playground's colours: orange for negative values, white-ish at zero, blue for
/// positive ones. The one place the editor uses fixed colours (data keeps them in both
/// light and dark palettes, so a learner can match them with the data plot).
class DivergingColorMap {
public:
    static QColor negative() { return QColor(0xf5, 0x93, 0x22); }
    static QColor neutral() { return QColor(0xe8, 0xea, 0xeb); }
    static QColor positive() { return QColor(0x08, 0x77, 0xbd); }

    /// The colour of a value in -1..1 (clamped).
    static QColor color(double value);
    /// A size x size image of a grid of size*size values stored row-major from the bottom-left
    /// corner (row = x2 upwards, column = x1), as the training snapshot stores them; values
    /// are divided by `scale` before colouring.
    static QImage gridImage(const std::vector<float>& grid, int size, double scale = 1.0);
    /// A cols x rows image of a matrix (one pixel per entry), coloured by value / max|value|.
    static QImage matrixImage(const nnplay::Matrix& matrix);
};

}  // namespace nnplay::ui
