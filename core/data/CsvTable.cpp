// SPDX-License-Identifier: GPL-3.0-or-later
#include "data/CsvTable.h"

#include <zlib.h>

#include <charconv>
#include <cmath>
#include <filesystem>
#include <memory>

#include "MessageText.h"
#include "Types.h"

namespace nnplay {

namespace {

/// Walks the text once, producing records. Line numbers count LF, CRLF and lone CR as one end.
class CsvScanner {
public:
    CsvScanner(std::string_view text, const CsvTable& table) : m_text(text), m_table(table) {
        if (m_text.starts_with("\xEF\xBB\xBF")) m_text.remove_prefix(3);
    }

    /// Reads the next non-blank record; false at the end of the text.
    bool next(CsvTable::Record& record) {
        while (m_pos < m_text.size()) {
            record.line = m_line;
            record.cells.clear();
            bool blank = true;
            bool endOfRecord = false;
            while (!endOfRecord) {
                std::string cell;
                bool quoted = false;
                if (m_pos < m_text.size() && peek() == '"') {
                    quoted = true;
                    readQuoted(cell, record.line, static_cast<int>(record.cells.size()) + 1);
                } else {
                    while (m_pos < m_text.size() && !isLineEnd(peek()) && peek() != ',') {
                        cell += m_text[m_pos++];
                    }
                }
                if (quoted || !trimCsvCell(cell).empty()) blank = false;
                record.cells.push_back(std::move(cell));
                if (m_pos < m_text.size() && peek() == ',') {
                    ++m_pos;
                    blank = false;
                } else {
                    endOfRecord = true;
                    skipLineEnd();
                }
            }
            if (!blank) return true;
        }
        return false;
    }

private:
    static bool isLineEnd(char c) { return c == '\n' || c == '\r'; }
    char peek() const { return m_text[m_pos]; }

    void skipLineEnd() {
        if (m_pos >= m_text.size()) return;
        if (peek() == '\r' && m_pos + 1 < m_text.size() && m_text[m_pos + 1] == '\n') ++m_pos;
        ++m_pos;
        ++m_line;
    }

    void readQuoted(std::string& cell, int startLine, int column) {
        ++m_pos;  // opening quote
        for (;;) {
            if (m_pos >= m_text.size()) {
                throw InputError(m_table.where(startLine, column) +
                                 ": a quoted cell is never closed (missing '\"')");
            }
            const char c = m_text[m_pos];
            if (c == '"') {
                if (m_pos + 1 < m_text.size() && m_text[m_pos + 1] == '"') {
                    cell += '"';
                    m_pos += 2;
                    continue;
                }
                ++m_pos;
                break;
            }
            if (isLineEnd(c)) {
                const bool crlf =
                    c == '\r' && m_pos + 1 < m_text.size() && m_text[m_pos + 1] == '\n';
                cell += '\n';
                m_pos += crlf ? 2 : 1;
                ++m_line;
                continue;
            }
            cell += c;
            ++m_pos;
        }
        while (m_pos < m_text.size() && (peek() == ' ' || peek() == '\t')) ++m_pos;
        if (m_pos < m_text.size() && peek() != ',' && !isLineEnd(peek())) {
            throw InputError(m_table.where(m_line, column) +
                             ": unexpected text after the closing quote of a cell");
        }
    }

    std::string_view m_text;
    const CsvTable& m_table;
    std::size_t m_pos = 0;
    int m_line = 1;
};

}  // namespace

std::string CsvTable::readText(const std::string& path) {
    std::error_code error;
    if (!std::filesystem::is_regular_file(path, error)) {
        throw InputError("cannot open data file '" + path +
                         "': it does not exist or is not a file");
    }
    const std::unique_ptr<gzFile_s, int (*)(gzFile)> file(gzopen(path.c_str(), "rb"), gzclose);
    if (!file) throw InputError("cannot open data file '" + path + "'");
    std::string text;
    char buffer[1 << 16];
    for (;;) {
        const int read = gzread(file.get(), buffer, sizeof buffer);
        if (read < 0) throw InputError("cannot read data file '" + path + "' (corrupt gzip data?)");
        if (read == 0) break;
        text.append(buffer, static_cast<std::size_t>(read));
    }
    return text;
}

CsvTable CsvTable::parse(std::string_view text, const std::string& fileName, bool hasHeader) {
    CsvTable table;
    table.m_fileName = fileName;
    CsvScanner scanner(text, table);
    Record record;
    if (!scanner.next(record)) {
        throw InputError(table.where(1, 1) + ": the file is empty" +
                         (hasHeader ? " (expected a header row with column names)" : ""));
    }
    table.m_columnCount = static_cast<int>(record.cells.size());
    if (hasHeader) {
        table.m_headerLine = record.line;
        for (const auto& cell : record.cells) table.m_header.emplace_back(trimCsvCell(cell));
    } else {
        table.m_rows.push_back(record);
    }
    const std::string expected = std::to_string(table.m_columnCount) +
                                 (hasHeader ? " like the header" : " like the first row");
    while (scanner.next(record)) {
        const int cells = static_cast<int>(record.cells.size());
        if (cells > table.m_columnCount) {
            throw InputError(table.where(record.line, table.m_columnCount + 1) + ": the row has " +
                             std::to_string(cells) + " cells but should have " + expected);
        }
        if (cells < table.m_columnCount) {
            throw InputError(table.where(record.line, cells + 1) + ": the row has only " +
                             std::to_string(cells) + " cells but should have " + expected);
        }
        table.m_rows.push_back(record);
    }
    return table;
}

CsvTable CsvTable::readFile(const std::string& path, bool hasHeader) {
    return parse(readText(path), path, hasHeader);
}

std::string CsvTable::where(int line, int column) const {
    return m_fileName + ", line " + std::to_string(line) + ", column " + std::to_string(column);
}

std::string_view trimCsvCell(std::string_view cell) {
    const auto first = cell.find_first_not_of(" \t");
    if (first == std::string_view::npos) return {};
    const auto last = cell.find_last_not_of(" \t");
    return cell.substr(first, last - first + 1);
}

bool parseCsvNumber(std::string_view cell, float& value) {
    std::string_view text = trimCsvCell(cell);
    if (text.starts_with('+')) text.remove_prefix(1);
    if (text.empty() || text.starts_with('+')) return false;
    double parsed = 0.0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), parsed);
    if (error != std::errc() || end != text.data() + text.size()) return false;
    value = static_cast<float>(parsed);
    return std::isfinite(value);
}

std::string whyNotACsvNumber(std::string_view cell) {
    std::string_view text = trimCsvCell(cell);
    if (text.empty()) return "the cell is empty";
    if (text.starts_with('+')) text.remove_prefix(1);
    double parsed = 0.0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), parsed);
    const bool whole = end == text.data() + text.size();
    if (whole && (error == std::errc::result_out_of_range ||
                  (error == std::errc() && std::isfinite(parsed))))
        return quoteForMessage(cell) + " is out of range (numbers must lie within +-3.4e38)";
    return quoteForMessage(cell) + " is not a number";
}

}  // namespace nnplay
