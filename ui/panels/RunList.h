// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QSet>
#include <QString>
#include <QWidget>
#include <vector>

class QLabel;
class QPushButton;
class QTreeWidget;
class QTreeWidgetItem;

namespace nnplay::ui {

class ProjectDocument;
class RunArchive;

/// The runs of a RunArchive as a table under their curves: one row per run (the finished
/// ones, then the current one) with its colour, a check box for its curve, its name (edited in
/// place), epochs and final test figures. Delete removes the selected finished runs (an undo
/// step); the settings in which the two selected runs differ (one selected: it and the current
/// run) are listed beside the table.
class RunList : public QWidget {
    Q_OBJECT
public:
    /// Neither is owned; both must outlive the list.
    RunList(const RunArchive* runs, ProjectDocument* document, QWidget* parent = nullptr);

    /// Whether the curve of run `index` (of runs(); runs().size() is the current run) is drawn.
    bool isShown(int index) const;
    QTreeWidget* tree() const { return m_tree; }
    QPushButton* deleteButton() const { return m_delete; }
    /// The differences as the label shows them, as plain text.
    QString differencesText() const;
    /// Selects these rows (indices as isShown counts them).
    void select(const std::vector<int>& indices);

signals:
    /// A curve was switched on or off.
    void shownChanged();

private:
    void refill();
    void updateCurrentRow();
    void fillRow(QTreeWidgetItem* item, int index);
    void showDifferences();
    void deleteSelected();
    std::vector<int> selectedIndices() const;

    const RunArchive* m_runs;
    ProjectDocument* m_document;
    QTreeWidget* m_tree;
    QPushButton* m_delete;
    QLabel* m_differences;
    QSet<QString> m_hidden;  // names of the runs whose curves are off
    QStringList m_names;     // the finished runs the rows show, to notice when they change
    bool m_filling = false;
};

}  // namespace nnplay::ui
