// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <string>
#include <vector>

#include "Shape.h"
#include "data/DataSpec.h"
#include "data/Dataset.h"

namespace nnplay {

/// True for the image sources read from files: "fashion-mnist", "idx", "image_folder".
bool isImageSource(const std::string& source);

/// The settings of an image source (checkDataSpec calls it for every source; others pass):
/// fashion-mnist's limits not negative (0 is all); idx needs images and labels, and test
/// images and test labels both or neither; image_folder needs a path, channels 1 or 3 and a size
/// from kMinImageSide to kMaxImageSide. Throws InputError naming the file key.
void checkImageDataSpec(const DataSpec& spec);

/// Loads an image source. Returns the training part when the source has its own test part
/// (then filled into `test`), else every sample for the caller to split by trainFraction
/// (`test` stays empty). idx: the classes are the label values of the training labels, named
/// by their numbers ("0".."9" for MNIST); a test label outside them is an error. image_folder:
/// the classes are the sorted subfolders of `path` (readImageFolder), the test part those of
/// `test_path` when set, with the same subfolders. Fills `info` as
/// describeImageData() does. Paths are resolved against baseDir. Throws InputError naming the file
/// and what is wrong.
Dataset loadImageData(const DataSpec& spec, const std::string& baseDir, DataInfo& info,
                      Dataset& test);

/// What loadImageData() puts in its `info`, reading as little as possible: fashion-mnist
/// whether the package is installed; idx the images' headers and the training labels;
/// image_folder lists its folders without decoding an image.
DataInfo describeImageData(const DataSpec& spec, const std::string& baseDir);

/// Classification of images of `shape`: inputShape and imageShape, one feature name per
/// value in the order of a column ("pixel r,c" for one channel; "red r,c", "green r,c",
/// "blue r,c" for three, channel by channel), and the classes.
DataInfo imageDataInfo(const Shape& shape, std::vector<std::string> classNames);

}  // namespace nnplay
