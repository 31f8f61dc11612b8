// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QImage>

#include "train/DataPreview.h"

namespace nnplay::ui {

/// Test sample `sample` of image data (a column of DataPreview::sampleInputs) as a grey
/// picture: dark ink on white, scaled to its own range so faint scans stay readable. First
/// channel only; the size of DataInfo::imageShape.
QImage samplePicture(const DataPreview& data, int sample);

/// One picture of `shape` (a column as the data hold it; first channel only) as dark ink on
/// white, values from `low` (white) to `high` (black), clamped.
QImage imagePicture(const Eigen::Ref<const nnplay::Vector>& values, const nnplay::Shape& shape,
                    float low, float high);

}  // namespace nnplay::ui
