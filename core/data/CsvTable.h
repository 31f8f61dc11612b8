// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace nnplay {

/// A CSV text split into cells, every record remembering the line it starts on so errors can
/// point at "line, column". Understands RFC 4180 quoting (commas, doubled quotes and line breaks
/// inside quotes), LF, CRLF or CR line ends, a UTF-8 byte order mark, and skips blank lines.
/// All records must have as many cells as the first one (the header, when there is one).
class CsvTable {
public:
    /// One row of cells; `line` is the 1-based line number it starts on.
    struct Record {
        int line = 0;
        std::vector<std::string> cells;
    };

    /// Parses `text`; `fileName` only names the file in messages. With hasHeader, the first
    /// record becomes header() (names trimmed) and the rest rows(). Throws InputError naming
    /// file, line and column for an empty text, an unclosed quote, text after a closing quote
    /// or a row with a different number of cells.
    static CsvTable parse(std::string_view text, const std::string& fileName,
                          bool hasHeader = true);
    /// Reads a plain or gzip-compressed file (zlib reads either) and parses it.
    static CsvTable readFile(const std::string& path, bool hasHeader = true);
    /// The text of a plain or gzip-compressed file. Throws InputError naming the file.
    static std::string readText(const std::string& path);

    const std::string& fileName() const { return m_fileName; }
    /// Column names; empty without a header.
    const std::vector<std::string>& header() const { return m_header; }
    int headerLine() const { return m_headerLine; }
    const std::vector<Record>& rows() const { return m_rows; }
    /// Number of cells in every record.
    int columnCount() const { return m_columnCount; }

    /// "<file>, line 4, column 2": the prefix of an error message about one cell.
    std::string where(int line, int column) const;

private:
    std::string m_fileName;
    std::vector<std::string> m_header;
    int m_headerLine = 0;
    std::vector<Record> m_rows;
    int m_columnCount = 0;
};

/// Parses a whole cell as a finite float: surrounding blanks and a leading '+' allowed, the
/// decimal point is always '.', independent of the locale. Returns false for anything else.
bool parseCsvNumber(std::string_view cell, float& value);

/// Why parseCsvNumber refused a cell, for a message: "the cell is empty", "'1e39' is too
/// large ..." or "'abc' is not a number" (the cell quoted safely).
std::string whyNotACsvNumber(std::string_view cell);

/// The cell without leading and trailing spaces and tabs.
std::string_view trimCsvCell(std::string_view cell);

}  // namespace nnplay
