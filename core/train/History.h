// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace nnplay {

/// Column names a supervised session and a GAN session write. Any other name is a valid column too
/// (a file from another kind of run); the views read the columns they know and ignore the rest.
namespace HistoryColumn {
inline constexpr const char* kEpoch = "epoch";
inline constexpr const char* kTrainLoss = "train_loss";
inline constexpr const char* kValLoss = "val_loss";
inline constexpr const char* kTestLoss = "test_loss";
inline constexpr const char* kTrainAccuracy = "train_accuracy";
inline constexpr const char* kValAccuracy = "val_accuracy";
inline constexpr const char* kTestAccuracy = "test_accuracy";
/// A GAN's rows: the step after which it was measured, the mean losses since the row before
/// (NaN when the network was not trained, as in a one-network step mode) and the measures
/// (GanMeasures: 2-D data only; modes for mixtures only).
inline constexpr const char* kStep = "step";
inline constexpr const char* kDLoss = "d_loss";
inline constexpr const char* kGLoss = "g_loss";
inline constexpr const char* kJsDivergence = "js_divergence";
inline constexpr const char* kKlDivergence = "kl_divergence";
inline constexpr const char* kModesCovered = "modes_covered";
inline constexpr const char* kModesTotal = "modes_total";
}  // namespace HistoryColumn

/// What a run recorded: a table with one row per epoch (or per GAN step) and named float
/// columns. A value that was not measured is NaN. Floats, like the engine, so a saved history
/// reads back exactly.
class History {
public:
    History() = default;
    /// An empty table with these columns, in this order.
    explicit History(std::vector<std::string> columns);

    const std::vector<std::string>& columns() const { return m_columns; }
    /// Index of the column, or -1.
    int column(std::string_view name) const;
    /// Index of the column, added (NaN in every existing row) when missing.
    int addColumn(const std::string& name);

    std::size_t size() const { return m_rows.size(); }
    bool empty() const { return m_rows.empty(); }
    /// Drops the rows, keeps the columns.
    void clear() { m_rows.clear(); }
    /// Drops the rows from index `first` on (none when there are fewer).
    void truncate(std::size_t first) {
        if (first < m_rows.size()) m_rows.resize(first);
    }

    /// Appends a row of NaNs; returns its index.
    std::size_t addRow();
    /// The value in `row` of column `column` (an index from column()).
    float value(std::size_t row, int column) const;
    /// The value in `row` of the named column; NaN when the table has no such column.
    float value(std::size_t row, std::string_view name) const;
    /// Sets a value; the column is added when missing.
    void set(std::size_t row, const std::string& name, float value);
    /// The "epoch" of `row` (0 when the column is missing or the value is not a number).
    int epoch(std::size_t row) const;
    /// The epoch of the last row, 0 when empty.
    int lastEpoch() const { return empty() ? 0 : epoch(size() - 1); }

    /// Rows [first, size()) with all columns.
    History rowsFrom(std::size_t first) const;
    /// Appends the rows of `more`, matching columns by name (adding the ones this table lacks).
    void append(const History& more);

    /// The table as CSV: a header of the column names, then one line per row; a value is
    /// written in its shortest exact form, NaN (not measured) as an empty cell. The window's
    /// File > Export History as CSV writes it.
    std::string csv() const;

    /// Same columns in the same order and the same values, NaN equal to NaN.
    bool operator==(const History& other) const;

private:
    std::vector<std::string> m_columns;
    std::vector<std::vector<float>> m_rows;  // one value per column
};

}  // namespace nnplay
