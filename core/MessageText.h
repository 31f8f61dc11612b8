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

/// A number as messages write it: the stream's shortest form at six digits ("0.03", "1e+06").
std::string numberForMessage(double value);

}  // namespace nnplay
