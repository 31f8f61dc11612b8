// SPDX-License-Identifier: GPL-3.0-or-later
#include "data/ImageDecoder.h"

#include <climits>
#include <memory>
#include <vector>

#include "Types.h"

// The implementations of Debian's libstb-dev headers live in this file only, restricted to the
// formats the image_folder data reads.
#define STBI_ONLY_PNG
#define STBI_ONLY_JPEG
#define STBI_NO_STDIO
#define STBI_MAX_DIMENSIONS 65536
#define STB_IMAGE_IMPLEMENTATION
#include <stb_image.h>
#define STB_IMAGE_RESIZE_IMPLEMENTATION
#define STB_IMAGE_RESIZE_STATIC
#include <stb_image_resize.h>

namespace nnplay {

namespace {

struct StbFree {
    void operator()(unsigned char* pixels) const { stbi_image_free(pixels); }
};

stbir_filter filterFor(int from, int to) {
    return from > to ? STBIR_FILTER_BOX : STBIR_FILTER_TRIANGLE;
}

}  // namespace

void decodeImage(std::string_view bytes, const std::string& name, int side, int channels,
                 float* out) {
    if (channels != 1 && channels != 3)
        throw InputError("images are read with 1 or 3 channels, not " + std::to_string(channels));
    if (side < kMinImageSide || side > kMaxImageSide)
        throw InputError("images are resized to " + std::to_string(kMinImageSide) + " to " +
                         std::to_string(kMaxImageSide) + " pixels a side, not " +
                         std::to_string(side));
    if (bytes.size() > static_cast<std::size_t>(INT_MAX))
        throw InputError(name + ": the file is too large to be an image nnplay reads");
    const auto* data = reinterpret_cast<const stbi_uc*>(bytes.data());
    const int length = static_cast<int>(bytes.size());
    int width = 0, height = 0, fileChannels = 0;
    if (!stbi_info_from_memory(data, length, &width, &height, &fileChannels))
        throw InputError(name + ": cannot be read as a PNG or JPEG image (" +
                         stbi_failure_reason() + ")");
    if (static_cast<long long>(width) * height > kMaxDecodedPixels)
        throw InputError(name + ": the image is " + std::to_string(width) + "x" +
                         std::to_string(height) + " pixels, more than nnplay decodes (" +
                         std::to_string(kMaxDecodedPixels / 1'000'000) +
                         " megapixels); make it smaller first");
    const std::unique_ptr<unsigned char, StbFree> pixels(
        stbi_load_from_memory(data, length, &width, &height, &fileChannels, channels));
    if (!pixels)
        throw InputError(name + ": cannot be decoded as a PNG or JPEG image (" +
                         stbi_failure_reason() + ")");

    const std::size_t count = static_cast<std::size_t>(width) * height * channels;
    std::vector<float> source(count);
    for (std::size_t i = 0; i < count; ++i) source[i] = pixels.get()[i] / 255.0f;
    std::vector<float> resized(static_cast<std::size_t>(side) * side * channels);
    if (width == side && height == side) {
        resized = std::move(source);
    } else if (!stbir_resize(source.data(), width, height, 0, resized.data(), side, side, 0,
                             STBIR_TYPE_FLOAT, channels, STBIR_ALPHA_CHANNEL_NONE, 0,
                             STBIR_EDGE_CLAMP, STBIR_EDGE_CLAMP, filterFor(width, side),
                             filterFor(height, side), STBIR_COLORSPACE_LINEAR, nullptr)) {
        throw InputError(name + ": the image could not be resized to " + std::to_string(side) +
                         "x" + std::to_string(side) + " pixels");
    }
    // Interleaved (pixel by pixel) to planar (channel by channel), clamped: a filter may
    // overshoot by a rounding error.
    const int plane = side * side;
    for (int p = 0; p < plane; ++p)
        for (int c = 0; c < channels; ++c) {
            const float v = resized[static_cast<std::size_t>(p) * channels + c];
            out[c * plane + p] = v < 0.0f ? 0.0f : (v > 1.0f ? 1.0f : v);
        }
}

}  // namespace nnplay
