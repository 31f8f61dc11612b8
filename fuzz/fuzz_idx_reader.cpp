// SPDX-License-Identifier: GPL-3.0-or-later
// Feeds arbitrary bytes (plain or gzip IDX) to the IDX reader, whole and with an item limit,
// and every header it accepts to the header's own arithmetic.
#include <cstdint>
#include <string_view>

#include "Types.h"
#include "data/IdxReader.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace nnplay;
    const std::string_view bytes(reinterpret_cast<const char*>(data), size);
    for (const std::int64_t limit : {std::int64_t{-1}, std::int64_t{2}}) {
        try {
            const IdxArray array = IdxReader::parse(bytes, "fuzz.idx", limit);
            const auto expected = static_cast<std::size_t>(array.items * array.header.itemValues() *
                                                           array.header.valueBytes());
            if (array.values.size() != expected) __builtin_trap();
            (void)array.header.dimsText();
        } catch (const InputError& e) {
            (void)e.what();
        }
    }
    return 0;
}
