// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <string>

#include "data/Dataset.h"

namespace nnplay {

/// Reads the 8x8 handwritten digits (resources/digits.csv.gz: no header, 64 pixel columns 0..16
/// row by row, then the digit 0..9). Returns inputs 64 x n scaled to 0..1 and labels; fills
/// `info` (classification, inputShape and imageShape 1x8x8, "pixel r,c" feature names, classes
/// "0".."9"). Throws InputError naming file, line and column for a malformed file.
Dataset loadDigits(const std::string& path, DataInfo& info);

/// What loadDigits() puts in its `info`, without reading the file.
DataInfo digitsDataInfo();

}  // namespace nnplay
