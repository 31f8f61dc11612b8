// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <string>
#include <vector>

#include "Shape.h"
#include "data/DataSpec.h"
#include "data/Dataset.h"

namespace nnplay {

/// True for the image sources read from files: "fashion-mnist".
bool isImageSource(const std::string& source);

/// The image sources' settings, for any source (checkDataSpec calls it): train_limit and
/// test_limit at least 1 and only for fashion-mnist. Throws InputError naming the file key.
void checkImageDataSpec(const DataSpec& spec);

/// Loads an image source. Returns the training part when the source has its own test part
/// (then filled into `test`), else every sample for the caller to split by trainFraction
/// (`test` stays empty). Fills `info` as describeImageData() does. Paths are resolved against
/// baseDir. Throws InputError naming the file and what is wrong.
Dataset loadImageData(const DataSpec& spec, const std::string& baseDir, DataInfo& info,
                      Dataset& test);

/// What loadImageData() puts in its `info`, reading as little as possible (fashion-mnist:
/// whether the package is installed).
DataInfo describeImageData(const DataSpec& spec, const std::string& baseDir);

/// Classification of images of `shape`: inputShape and imageShape, one feature name per
/// value in the order of a column ("pixel r,c" for one channel; "red r,c", "green r,c",
/// "blue r,c" for three, channel by channel), and the classes.
DataInfo imageDataInfo(const Shape& shape, std::vector<std::string> classNames);

}  // namespace nnplay
