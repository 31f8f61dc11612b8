// SPDX-License-Identifier: GPL-3.0-or-later
#include "data/CsvCell.h"

#include <charconv>
#include <cmath>

namespace nnplay {

std::string CsvCell::quoted(const std::string& text) {
    if (text.find_first_of(",\"\r\n") == std::string::npos) return text;
    std::string out = "\"";
    for (const char c : text) {
        if (c == '"') out += '"';
        out += c;
    }
    return out + '"';
}

std::string CsvCell::number(float value) {
    if (std::isnan(value)) return {};
    char buffer[32];
    return std::string(buffer, std::to_chars(buffer, buffer + sizeof buffer, value).ptr);
}

}  // namespace nnplay
