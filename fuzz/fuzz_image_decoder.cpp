// SPDX-License-Identifier: GPL-3.0-or-later
// Feeds arbitrary bytes to the image decoder of the image_folder data (PNG and JPEG through
// stb_image, then the resize), in grey and in colour, shrinking and growing.
#include <cstdint>
#include <string_view>
#include <vector>

#include "Types.h"
#include "data/ImageDecoder.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace nnplay;
    const std::string_view bytes(reinterpret_cast<const char*>(data), size);
    for (const int channels : {1, 3}) {
        for (const int side : {4, 9}) {
            std::vector<float> out(static_cast<std::size_t>(channels) * side * side, -1.0f);
            try {
                decodeImage(bytes, "fuzz.png", side, channels, out.data());
                for (const float v : out)
                    if (!(v >= 0.0f && v <= 1.0f)) __builtin_trap();
            } catch (const InputError& e) {
                (void)e.what();
            }
        }
    }
    return 0;
}
