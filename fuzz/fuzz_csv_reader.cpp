// SPDX-License-Identifier: GPL-3.0-or-later
// Feeds arbitrary bytes to the CSV reader, with and without a header row, and every cell to the
// number reader and the message quoting.
#include <cstdint>
#include <string_view>

#include "MessageText.h"
#include "Types.h"
#include "data/CsvTable.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace nnplay;
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    for (const bool header : {true, false}) {
        try {
            const CsvTable table = CsvTable::parse(text, "fuzz.csv", header);
            for (const CsvTable::Record& row : table.rows()) {
                for (const std::string& cell : row.cells) {
                    float value = 0;
                    if (!parseCsvNumber(cell, value)) (void)whyNotACsvNumber(cell);
                    (void)quoteForMessage(cell);
                }
            }
        } catch (const InputError& e) {
            (void)e.what();
        }
    }
    return 0;
}
