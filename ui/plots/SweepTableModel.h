// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QAbstractTableModel>

#include "train/SweepTable.h"

namespace nnplay::ui {

/// A sweep's table for a QTableView: one row per finished value, the columns of
/// SweepTable::columns() with readable titles, accuracies in percent. SortRole gives the
/// number a column sorts by (the value's too when it is a number). The best row
/// (SweepTable::bestRow) is bold on the highlight colour.
class SweepTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    static constexpr int SortRole = Qt::UserRole + 1;

    explicit SweepTableModel(QObject* parent = nullptr);

    /// Replaces the table; rows that were there stay (a sweep only adds rows).
    void setTable(const nnplay::SweepTable& table);
    const nnplay::SweepTable& table() const { return m_table; }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    nnplay::SweepTable m_table{nnplay::Task::Classification, false};
    std::vector<std::string> m_columns;
};

}  // namespace nnplay::ui
