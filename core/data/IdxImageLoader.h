// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <string>

#include "Shape.h"
#include "data/Dataset.h"

namespace nnplay {

/// Reads a pair of IDX files as MNIST keeps them: `imagesPath` holds n x rows x columns
/// unsigned bytes (0 black .. 255 white), `labelsPath` n unsigned bytes. Reads the first
/// maxItems pairs (all when negative). Returns inputs rows*columns x items, pixels scaled to
/// 0..1, one image per column row by row, and `labels` holding the label bytes as they are
/// (the caller maps them to classes); `shape` gets 1 x rows x columns. Throws InputError naming
/// the file for what IdxReader refuses, a type other than unsigned bytes, images that are not
/// rows x columns, labels that are not a list, no images, or images and labels of different
/// counts.
Dataset readIdxImages(const std::string& imagesPath, const std::string& labelsPath,
                      std::int64_t maxItems, Shape& shape);

/// The image shape (1 x rows x columns) from the header of an images file alone, checked as
/// readIdxImages() does; `count` (when given) gets the number of images.
Shape readIdxImageShape(const std::string& imagesPath, std::int64_t* count = nullptr);

/// The labels of a labels file (unsigned bytes, a list), every one read; checked as
/// readIdxImages() does.
std::vector<int> readIdxLabels(const std::string& labelsPath);

}  // namespace nnplay
