// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <string>

namespace nnplay {

/// Cells of the CSV files nnplay writes (histories, predictions), readable by CsvTable and
/// by spreadsheets.
class CsvCell {
public:
    /// `text` as it is, or in double quotes (inner quotes doubled) when it holds a comma, a
    /// quote or a line break.
    static std::string quoted(const std::string& text);
    /// `value` in its shortest form that reads back exactly; NaN as an empty cell.
    static std::string number(float value);
};

}  // namespace nnplay
