// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace nnplay {

/// `text` in single quotes, safe to print in a one-line message: line breaks, tabs, other
/// control bytes, NUL and bytes that are not valid UTF-8 appear as \n, \t, \x00 ...; text
/// longer than maxChars characters is cut and ends in "...".
std::string quoteForMessage(std::string_view text, std::size_t maxChars = 40);

}  // namespace nnplay
