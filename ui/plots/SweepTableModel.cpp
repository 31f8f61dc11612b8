// SPDX-License-Identifier: GPL-3.0-or-later
#include "plots/SweepTableModel.h"

#include <QApplication>
#include <QFont>
#include <QPalette>
#include <cmath>

namespace nnplay::ui {

namespace {

/// A column's short title (the header) and its full name (the header's tooltip).
std::pair<QString, QString> titleOf(const std::string& column) {
    static const struct {
        const char* key;
        const char* title;
        const char* name;
    } titles[] = {
        {"value", QT_TRANSLATE_NOOP("SweepTableModel", "Value"),
         QT_TRANSLATE_NOOP("SweepTableModel", "The value of the swept setting")},
        {"train_loss", QT_TRANSLATE_NOOP("SweepTableModel", "Train loss"),
         QT_TRANSLATE_NOOP("SweepTableModel", "Training loss")},
        {"val_loss", QT_TRANSLATE_NOOP("SweepTableModel", "Val. loss"),
         QT_TRANSLATE_NOOP("SweepTableModel", "Validation loss")},
        {"test_loss", QT_TRANSLATE_NOOP("SweepTableModel", "Test loss"),
         QT_TRANSLATE_NOOP("SweepTableModel", "Test loss")},
        {"train_accuracy", QT_TRANSLATE_NOOP("SweepTableModel", "Train acc."),
         QT_TRANSLATE_NOOP("SweepTableModel", "Training accuracy")},
        {"val_accuracy", QT_TRANSLATE_NOOP("SweepTableModel", "Val. acc."),
         QT_TRANSLATE_NOOP("SweepTableModel", "Validation accuracy")},
        {"test_accuracy", QT_TRANSLATE_NOOP("SweepTableModel", "Test acc."),
         QT_TRANSLATE_NOOP("SweepTableModel", "Test accuracy")},
        {"test_mse", QT_TRANSLATE_NOOP("SweepTableModel", "Test MSE"),
         QT_TRANSLATE_NOOP("SweepTableModel", "Mean squared error on the test part")},
        {"test_r2", QT_TRANSLATE_NOOP("SweepTableModel", "Test R²"),
         QT_TRANSLATE_NOOP("SweepTableModel", "R² on the test part")},
        {"best_epoch", QT_TRANSLATE_NOOP("SweepTableModel", "Best epoch"),
         QT_TRANSLATE_NOOP("SweepTableModel", "The epoch whose weights the run ended with")}};
    for (const auto& t : titles)
        if (column == t.key)
            return {QCoreApplication::translate("SweepTableModel", t.title),
                    QCoreApplication::translate("SweepTableModel", t.name)};
    return {QString::fromStdString(column), QString::fromStdString(column)};
}

bool isAccuracy(const std::string& column) {
    return column.size() > 9 && column.compare(column.size() - 9, 9, "_accuracy") == 0;
}

}  // namespace

SweepTableModel::SweepTableModel(QObject* parent) : QAbstractTableModel(parent) {}

void SweepTableModel::setTable(const SweepTable& table) {
    const std::vector<std::string> columns = table.columns();
    const bool reshaped = columns != m_columns || table.rows().size() < m_table.rows().size();
    if (reshaped) {
        beginResetModel();
        m_table = table;
        m_columns = columns;
        endResetModel();
        return;
    }
    const int before = rowCount();
    const int after = static_cast<int>(table.rows().size());
    if (after > before) beginInsertRows({}, before, after - 1);
    m_table = table;
    if (after > before) endInsertRows();
    // The best row may have moved.
    if (before > 0)
        emit dataChanged(index(0, 0), index(before - 1, columnCount() - 1),
                         {Qt::FontRole, Qt::BackgroundRole, Qt::ToolTipRole});
}

int SweepTableModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(m_table.rows().size());
}

int SweepTableModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(m_columns.size());
}

QVariant SweepTableModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid()) return {};
    const SweepRow& row = m_table.rows()[static_cast<std::size_t>(index.row())];
    const std::string& column = m_columns[static_cast<std::size_t>(index.column())];
    const bool best = index.row() == m_table.bestRow();
    if (role == Qt::FontRole && best) {
        QFont font = QApplication::font();
        font.setBold(true);
        return font;
    }
    if (role == Qt::BackgroundRole && best) {
        // A third of the way from the base colour to the highlight: light and dark themes.
        const QPalette palette = QApplication::palette();
        const QColor base = palette.color(QPalette::Base);
        const QColor mark = palette.color(QPalette::Highlight);
        auto mix = [](int a, int b) { return (2 * a + b) / 3; };
        return QColor(mix(base.red(), mark.red()), mix(base.green(), mark.green()),
                      mix(base.blue(), mark.blue()));
    }
    if (role == Qt::ToolTipRole) {
        if (row.diverged) return tr("Training diverged with this value.");
        if (best)
            return m_table.hasValidation() ? tr("The lowest validation loss of the sweep.")
                                           : tr("The lowest test loss of the sweep (add a "
                                                "validation part to choose without the test "
                                                "data).");
        return {};
    }
    if (role == Qt::TextAlignmentRole)
        return index.column() == 0 ? QVariant() : QVariant(Qt::AlignRight | Qt::AlignVCenter);
    if (index.column() == 0) {
        const QString value = QString::fromStdString(row.value);
        if (role == Qt::DisplayRole) return row.diverged ? tr("%1 (diverged)").arg(value) : value;
        if (role == SortRole) {
            bool number = false;
            const double v = value.toDouble(&number);
            return number ? QVariant(v) : QVariant(value);
        }
        return {};
    }
    const double v = m_table.numbers(row)[static_cast<std::size_t>(index.column() - 1)];
    if (role == SortRole) return std::isfinite(v) ? v : -1e300;
    if (role != Qt::DisplayRole) return {};
    if (!std::isfinite(v)) return QStringLiteral("–");
    if (column == "best_epoch") return QString::number(static_cast<int>(v));
    if (isAccuracy(column)) return QStringLiteral("%1 %").arg(100.0 * v, 0, 'f', 1);
    return QString::number(v, 'g', 4);
}

QVariant SweepTableModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || section < 0 || section >= columnCount() ||
        (role != Qt::DisplayRole && role != Qt::ToolTipRole))
        return QAbstractTableModel::headerData(section, orientation, role);
    const auto [title, name] = titleOf(m_columns[static_cast<std::size_t>(section)]);
    return role == Qt::DisplayRole ? title : name;
}

}  // namespace nnplay::ui
