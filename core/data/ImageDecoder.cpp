// SPDX-License-Identifier: GPL-3.0-or-later
#include "data/ImageDecoder.h"

#include <climits>
#include <cstdlib>
#include <memory>
#include <vector>

#include "Types.h"

namespace {

/// The largest single allocation stb_image may make: a 64-megapixel image of four channels
/// with room to spare. A corrupt file can claim a chunk of gigabytes (a PNG's IDAT length is
/// allocated before it is read); refusing the allocation makes stb_image report "outofmem".
constexpr std::size_t kMaxStbAllocation = std::size_t{512} << 20;

void* stbMalloc(std::size_t size) { return size > kMaxStbAllocation ? nullptr : std::malloc(size); }

void* stbRealloc(void* p, std::size_t size) {
    return size > kMaxStbAllocation ? nullptr : std::realloc(p, size);
}

}  // namespace

// The implementations of Debian's libstb-dev headers live in this file only, restricted to the
// formats the image_folder data reads.
#define STBI_ONLY_PNG
#define STBI_ONLY_JPEG
#define STBI_NO_STDIO
#define STBI_MAX_DIMENSIONS 65536
#define STBI_MALLOC(size) stbMalloc(size)
#define STBI_REALLOC(p, size) stbRealloc(p, size)
#define STBI_FREE(p) std::free(p)
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

/// Whether a JPEG file holds a Huffman table of more than 256 codes. stb_image 2.27 (Debian 12's
/// libstb-dev) builds such a table past the end of its arrays (fixed in 2.28), so these files are
/// refused before it sees them. Walks the markers as stb_image does: segments are skipped by their
/// length, entropy-coded data byte by byte (where 0xFF is followed by 0x00 or a restart marker).
bool hasOversizedHuffmanTable(std::string_view bytes) {
    const auto at = [&](std::size_t i) { return static_cast<unsigned char>(bytes[i]); };
    const std::size_t size = bytes.size();
    // stb_image takes any run of 0xFF before the start marker, as before every marker.
    std::size_t i = 0;
    while (i < size && at(i) == 0xFF) ++i;
    if (i == 0 || i >= size || at(i) != 0xD8) return false;  // not a JPEG
    ++i;
    while (i < size) {
        if (at(i) != 0xFF) {
            ++i;
            continue;
        }
        while (i < size && at(i) == 0xFF) ++i;
        if (i >= size) break;
        const unsigned char marker = at(i++);
        if (marker == 0x00 || marker == 0x01 || (marker >= 0xD0 && marker <= 0xD9)) continue;
        if (i + 2 > size) break;
        const std::size_t length = (std::size_t{at(i)} << 8) | at(i + 1);
        if (marker == 0xC4) {
            // Tables follow one another while the segment's length lasts (stb_image reads a
            // table's values before it compares the length, so a last table may run past it).
            std::size_t table = i + 2;
            long remaining = static_cast<long>(length) - 2;
            while (remaining > 0 && table < size) {
                std::size_t codes = 0;  // stb_image reads zeros past the end
                for (std::size_t k = table + 1; k <= table + 16 && k < size; ++k) codes += at(k);
                if (codes > 256) return true;
                table += 17 + codes;
                remaining -= static_cast<long>(17 + codes);
            }
        }
        i += length < 2 ? 2 : length;
    }
    return false;
}

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
    // Before stb_image reads even the header, which holds the tables.
    if (hasOversizedHuffmanTable(bytes))
        throw InputError(name + ": cannot be read as a JPEG image (a Huffman table is corrupt)");
    const auto* data = reinterpret_cast<const stbi_uc*>(bytes.data());
    const int length = static_cast<int>(bytes.size());
    int width = 0, height = 0, fileChannels = 0;
    if (!stbi_info_from_memory(data, length, &width, &height, &fileChannels))
        throw InputError(name + ": cannot be read as a PNG or JPEG image (" +
                         stbi_failure_reason() + ")");
    const long long claimed = static_cast<long long>(width) * height;
    if (claimed > kMaxPixelsPerByte * static_cast<long long>(bytes.size()))
        throw InputError(name + ": the file claims " + std::to_string(width) + "x" +
                         std::to_string(height) + " pixels in only " +
                         std::to_string(bytes.size()) + " bytes; it is damaged");
    if (claimed > kMaxDecodedPixels)
        throw InputError(name + ": the image is " + std::to_string(width) + "x" +
                         std::to_string(height) + " pixels, more than nnplay decodes (" +
                         std::to_string(kMaxDecodedPixels / 1'000'000) +
                         " megapixels); make it smaller first");
    std::unique_ptr<unsigned char, StbFree> pixels(
        stbi_load_from_memory(data, length, &width, &height, &fileChannels, channels));
    if (!pixels)
        throw InputError(name + ": cannot be decoded as a PNG or JPEG image (" +
                         stbi_failure_reason() + ")");

    const std::size_t count = static_cast<std::size_t>(width) * height * channels;
    std::vector<float> source(count);
    for (std::size_t i = 0; i < count; ++i) source[i] = pixels.get()[i] / 255.0f;
    pixels.reset();
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
