// SPDX-License-Identifier: GPL-3.0-or-later
#include "train/History.h"

#include <algorithm>
#include <cmath>

#include "data/CsvCell.h"

namespace nnplay {

History::History(std::vector<std::string> columns) : m_columns(std::move(columns)) {}

int History::column(std::string_view name) const {
    const auto it = std::find(m_columns.begin(), m_columns.end(), name);
    return it == m_columns.end() ? -1 : static_cast<int>(it - m_columns.begin());
}

int History::addColumn(const std::string& name) {
    const int found = column(name);
    if (found >= 0) return found;
    m_columns.push_back(name);
    for (std::vector<float>& row : m_rows) row.push_back(NAN);
    return static_cast<int>(m_columns.size()) - 1;
}

std::size_t History::addRow() {
    m_rows.emplace_back(m_columns.size(), NAN);
    return m_rows.size() - 1;
}

float History::value(std::size_t row, int column) const {
    if (column < 0 || static_cast<std::size_t>(column) >= m_columns.size()) return NAN;
    return m_rows[row][static_cast<std::size_t>(column)];
}

float History::value(std::size_t row, std::string_view name) const {
    return value(row, column(name));
}

void History::set(std::size_t row, const std::string& name, float value) {
    m_rows[row][static_cast<std::size_t>(addColumn(name))] = value;
}

int History::epoch(std::size_t row) const {
    const float e = value(row, HistoryColumn::kEpoch);
    return std::isfinite(e) ? static_cast<int>(e) : 0;
}

History History::rowsFrom(std::size_t first) const {
    History part(m_columns);
    if (first < m_rows.size())
        part.m_rows.assign(m_rows.begin() + static_cast<std::ptrdiff_t>(first), m_rows.end());
    return part;
}

void History::append(const History& more) {
    std::vector<int> target(more.m_columns.size());
    for (std::size_t c = 0; c < more.m_columns.size(); ++c)
        target[c] = addColumn(more.m_columns[c]);
    for (const std::vector<float>& row : more.m_rows) {
        const std::size_t index = addRow();
        for (std::size_t c = 0; c < row.size(); ++c)
            m_rows[index][static_cast<std::size_t>(target[c])] = row[c];
    }
}

bool History::operator==(const History& other) const {
    if (m_columns != other.m_columns || m_rows.size() != other.m_rows.size()) return false;
    for (std::size_t r = 0; r < m_rows.size(); ++r) {
        for (std::size_t c = 0; c < m_columns.size(); ++c) {
            const float a = m_rows[r][c], b = other.m_rows[r][c];
            if (!(a == b || (std::isnan(a) && std::isnan(b)))) return false;
        }
    }
    return true;
}

std::string History::csv() const {
    std::string out;
    for (std::size_t c = 0; c < m_columns.size(); ++c)
        out += (c ? "," : "") + CsvCell::quoted(m_columns[c]);
    out += '\n';
    for (const std::vector<float>& row : m_rows) {
        for (std::size_t c = 0; c < row.size(); ++c)
            out += (c ? "," : "") + CsvCell::number(row[c]);
        out += '\n';
    }
    return out;
}

}  // namespace nnplay
