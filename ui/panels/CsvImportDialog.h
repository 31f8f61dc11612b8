// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDialog>
#include <QString>

#include "Types.h"
#include "data/CsvTable.h"

class QCheckBox;
class QComboBox;
class QLabel;
class QTableWidget;

namespace nnplay::ui {

/// Asks how to use a CSV file: which column holds the label, whether the task is
/// classification or regression, and whether to standardise the inputs, with a preview of
/// the first rows. The file is read by the constructor, which throws InputError (with file,
/// line and column) when it is not a usable CSV file.
class CsvImportDialog : public QDialog {
    Q_OBJECT
public:
    /// Rows shown in the preview.
    static constexpr int kPreviewRows = 6;

    /// Columns of `table` (a file being imported, or the data a project keeps); `title` names
    /// the window. `currentLabel` is preselected when the table has such a column.
    CsvImportDialog(nnplay::CsvTable table, const QString& title,
                    const QString& currentLabel = QString(), QWidget* parent = nullptr);

    QString labelColumn() const;
    nnplay::Task task() const;
    bool standardize() const;

    QComboBox* labelBox() const { return m_label; }
    QComboBox* taskBox() const { return m_task; }

private:
    /// Guesses the task from the label column's cells: many distinct numbers mean regression.
    void guessTask();
    void updateHint();

    nnplay::CsvTable m_table;
    QComboBox* m_label;
    QComboBox* m_task;
    QCheckBox* m_standardize;
    QLabel* m_hint;
    QTableWidget* m_preview;
};

}  // namespace nnplay::ui
