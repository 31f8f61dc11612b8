// SPDX-License-Identifier: GPL-3.0-or-later
#include "plots/SamplePicture.h"

#include <algorithm>
#include <cmath>

namespace nnplay::ui {

QImage samplePicture(const DataPreview& data, int sample) {
    const auto column = data.sampleInputs.col(sample);
    const float low = std::min(0.0f, column.minCoeff());
    const float high = std::max(low + 1e-6f, column.maxCoeff());
    return imagePicture(column, data.info.imageShape, low, high);
}

QImage imagePicture(const Eigen::Ref<const nnplay::Vector>& values, const nnplay::Shape& shape,
                    float low, float high) {
    const int w = shape.width;
    const int h = shape.height;
    QImage image(w, h, QImage::Format_Grayscale8);
    const float range = std::max(1e-6f, high - low);
    for (int y = 0; y < h; ++y) {
        uchar* line = image.scanLine(y);
        for (int x = 0; x < w; ++x) {
            const float v = (values(y * w + x) - low) / range;
            line[x] = static_cast<uchar>(std::lround(255.0f * (1.0f - std::clamp(v, 0.0f, 1.0f))));
        }
    }
    return image;
}

}  // namespace nnplay::ui
