// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <string>
#include <vector>

#include "data/Dataset.h"

namespace nnplay {

/// The folder of Debian's dataset-fashion-mnist package (/usr/share/datasets/fashion-mnist),
/// or the one setFashionMnistDir() set.
std::string fashionMnistDir();
/// Reads Fashion-MNIST from `dir` instead (tests); an empty string restores the default. Call
/// before any worker thread reads it.
void setFashionMnistDir(const std::string& dir);

/// The ten classes in label order: "T-shirt/top", "Trouser", ..., "Ankle boot".
const std::vector<std::string>& fashionMnistClassNames();

/// Throws an InputError that names the missing file and the package to install unless the four
/// files of the package are there.
void checkFashionMnistInstalled();

/// Reads the package's own split: the first trainLimit of its 60000 training images (all when
/// 0 or more than there are) and the first testLimit of its 10000 test images. Returns the
/// training part and fills `test`: inputs 784 x n, pixels scaled to 0..1, labels 0..9. Fills
/// `info` as fashionMnistDataInfo(). Throws InputError for a missing package (see above), a
/// damaged file or a label outside 0..9, naming the file.
Dataset loadFashionMnist(int trainLimit, int testLimit, Dataset& test, DataInfo& info);

/// What loadFashionMnist() puts in its `info` (classification, inputShape and imageShape
/// 1x28x28, "pixel r,c" feature names, the ten class names), without reading the files.
DataInfo fashionMnistDataInfo();

}  // namespace nnplay
