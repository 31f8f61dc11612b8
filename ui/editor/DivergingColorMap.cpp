// SPDX-License-Identifier: GPL-3.0-or-later
#include "editor/DivergingColorMap.h"

#include <algorithm>
#include <array>
#include <cmath>

namespace nnplay::ui {

namespace {

QRgb blend(const QColor& a, const QColor& b, double t) {
    const auto mix = [t](int x, int y) { return static_cast<int>(std::lround(x + (y - x) * t)); };
    return qRgb(mix(a.red(), b.red()), mix(a.green(), b.green()), mix(a.blue(), b.blue()));
}

QRgb rgbOf(double value) {
    if (!std::isfinite(value)) return qRgb(0x90, 0x90, 0x90);
    value = std::clamp(value, -1.0, 1.0);
    return value < 0 ? blend(DivergingColorMap::neutral(), DivergingColorMap::negative(), -value)
                     : blend(DivergingColorMap::neutral(), DivergingColorMap::positive(), value);
}

/// Steps of the colour table per half (0..1): finer than the 8-bit channels can show.
constexpr int kTableHalf = 2048;

/// rgbOf() at (i - kTableHalf) / kTableHalf for i in 0..2 * kTableHalf: images colour tens of
/// thousands of values per snapshot, a lookup instead of three blends each.
const std::array<QRgb, 2 * kTableHalf + 1>& colorTable() {
    static const auto table = [] {
        std::array<QRgb, 2 * kTableHalf + 1> t{};
        for (int i = 0; i <= 2 * kTableHalf; ++i) t[i] = rgbOf(double(i - kTableHalf) / kTableHalf);
        return t;
    }();
    return table;
}

/// rgbOf(value) through the table.
inline QRgb tableRgb(const std::array<QRgb, 2 * kTableHalf + 1>& table, double value) {
    if (!std::isfinite(value)) return rgbOf(value);
    const double clamped = std::clamp(value, -1.0, 1.0);
    return table[static_cast<std::size_t>(std::lround((clamped + 1.0) * kTableHalf))];
}

}  // namespace

QColor DivergingColorMap::color(double value) { return QColor(rgbOf(value)); }

QImage DivergingColorMap::gridImage(const std::vector<float>& grid, int size, double scale) {
    if (size <= 0 || grid.size() < static_cast<std::size_t>(size) * size) return {};
    QImage image(size, size, QImage::Format_RGB32);
    const double inverse = scale != 0 ? 1.0 / scale : 1.0;
    const auto& table = colorTable();
    for (int row = 0; row < size; ++row) {
        auto* line = reinterpret_cast<QRgb*>(image.scanLine(size - 1 - row));
        for (int col = 0; col < size; ++col) {
            line[col] = tableRgb(table, grid[static_cast<std::size_t>(row) * size + col] * inverse);
        }
    }
    return image;
}

QImage DivergingColorMap::matrixImage(const nnplay::Matrix& matrix) {
    if (matrix.size() == 0) return {};
    const double maxAbs = std::max(1e-12, static_cast<double>(matrix.cwiseAbs().maxCoeff()));
    QImage image(static_cast<int>(matrix.cols()), static_cast<int>(matrix.rows()),
                 QImage::Format_RGB32);
    const auto& table = colorTable();
    for (int r = 0; r < image.height(); ++r) {
        auto* line = reinterpret_cast<QRgb*>(image.scanLine(r));
        for (int c = 0; c < image.width(); ++c) line[c] = tableRgb(table, matrix(r, c) / maxAbs);
    }
    return image;
}

}  // namespace nnplay::ui
