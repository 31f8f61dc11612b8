// SPDX-License-Identifier: GPL-3.0-or-later
#include "plots/GanPictures.h"

#include <algorithm>
#include <cmath>

#include "editor/DivergingColorMap.h"
#include "plots/SamplePicture.h"
#include "train/DataPreview.h"

namespace nnplay::ui {

namespace {

/// Columns of `matrix` drawn `width` x `height`, pixel (x, y) from row y * width + x, coloured
/// by sign * value / max|value|, the largest of all columns or of each (rows past the matrix's
/// end stay neutral).
std::vector<QImage> divergingPictures(const nnplay::Matrix& matrix, int count, int width,
                                      int height, double sign, bool eachOwnScale) {
    std::vector<QImage> out;
    if (matrix.size() == 0 || width <= 0 || height <= 0) return out;
    const Eigen::Index n = std::min<Eigen::Index>(matrix.cols(), count);
    const auto largestOf = [&](Eigen::Index i) {
        const double column = matrix.col(i).cwiseAbs().maxCoeff();
        return std::isfinite(column) ? column : 0.0;
    };
    double largest = 0.0;
    for (Eigen::Index i = 0; i < n; ++i) largest = std::max(largest, largestOf(i));
    out.reserve(static_cast<std::size_t>(n));
    for (Eigen::Index i = 0; i < n; ++i) {
        const double own = eachOwnScale ? largestOf(i) : largest;
        const double scale = own > 0.0 ? sign / own : 0.0;
        QImage image(width, height, QImage::Format_RGB32);
        image.fill(DivergingColorMap::neutral());
        for (int y = 0; y < height; ++y) {
            for (int x = 0; x < width; ++x) {
                const Eigen::Index row = static_cast<Eigen::Index>(y) * width + x;
                if (row >= matrix.rows()) break;
                double v = matrix(row, i) * scale;
                if (!std::isfinite(v)) v = 0.0;
                // Each picture's own scale shows where, and the square root lifts the many
                // small values out of the neutral grey.
                if (eachOwnScale) v = std::copysign(std::sqrt(std::abs(v)), v);
                image.setPixelColor(x, y, DivergingColorMap::color(v));
            }
        }
        out.push_back(image);
    }
    return out;
}

}  // namespace

std::vector<QImage> GanPictures::samples(const nnplay::DataInfo& info,
                                         const nnplay::Matrix& samples, int count) {
    std::vector<QImage> out;
    const int pixels = info.imageShape.size();
    if (pixels == 0 || samples.rows() != pixels) return out;
    const Eigen::Index n = std::min<Eigen::Index>(samples.cols(), count);
    // A guard pixel of 1 after each picture pins samplePicture's range to the data's 0..1.
    DataPreview preview;
    preview.info = info;
    preview.sampleInputs.resize(pixels + 1, n);
    preview.sampleInputs.topRows(pixels) = samples.leftCols(n).cwiseMax(0.0f).cwiseMin(1.0f);
    preview.sampleInputs.bottomRows(1).setOnes();
    out.reserve(static_cast<std::size_t>(n));
    for (Eigen::Index i = 0; i < n; ++i) out.push_back(samplePicture(preview, static_cast<int>(i)));
    return out;
}

std::vector<QImage> GanPictures::noise(const nnplay::Matrix& noise, int count) {
    const auto values = static_cast<int>(noise.rows());
    const int width = static_cast<int>(std::ceil(std::sqrt(static_cast<double>(values))));
    const int height = width > 0 ? (values + width - 1) / width : 0;
    return divergingPictures(noise, count, width, height, 1.0, false);
}

std::vector<QImage> GanPictures::moves(const nnplay::DataInfo& info,
                                       const nnplay::Matrix& gradients, int count) {
    const int pixels = info.imageShape.size();
    if (pixels == 0 || gradients.rows() != pixels) return {};
    // The first channel, like the samples' pictures.
    return divergingPictures(gradients, count, info.imageShape.width, info.imageShape.height, -1.0,
                             true);
}

}  // namespace nnplay::ui
