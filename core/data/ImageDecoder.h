// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <string>
#include <string_view>

namespace nnplay {

/// The smallest and largest side an image is resized to (data.size of image_folder).
inline constexpr int kMinImageSide = 4;
inline constexpr int kMaxImageSide = 512;
/// The most pixels one file may decode to before it is resized (a 16-megapixel photo: a
/// phone's 12 are read; the images are made small anyway).
inline constexpr long long kMaxDecodedPixels = 16'000'000;
/// The most pixels a file may claim per byte it holds. Real PNG and JPEG files stay far below
/// (a blank 12-megapixel JPEG needs some 100 KB); a few hundred bytes claiming tens of
/// megapixels are damaged, and decoding them would take seconds for nothing.
inline constexpr long long kMaxPixelsPerByte = 1000;

/// Decodes one PNG or JPEG file held in `bytes` (named `name` in messages) with stb_image,
/// converts it to `channels` (1: grey, 3: red, green, blue; alpha is dropped), resizes it to
/// side x side pixels (stretched when it is not square; an area average when shrinking, bilinear
/// when growing) and writes channels*side*side values in 0..1 to `out` (owned by the caller),
/// channel by channel, each channel row by row (the layout of an image column). Throws
/// InputError naming the file when it is not a PNG or JPEG image stb_image can read, or when it
/// decodes to more than kMaxDecodedPixels pixels or kMaxPixelsPerByte pixels per byte.
void decodeImage(std::string_view bytes, const std::string& name, int side, int channels,
                 float* out);

}  // namespace nnplay
