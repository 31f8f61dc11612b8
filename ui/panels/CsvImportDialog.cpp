// SPDX-License-Identifier: GPL-3.0-or-later
#include "panels/CsvImportDialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileInfo>
#include <QFormLayout>
#include <QHeaderView>
#include <QLabel>
#include <QTableWidget>
#include <QVBoxLayout>
#include <set>

namespace nnplay::ui {

namespace {

/// More distinct numeric labels than this suggests a regression target.
constexpr std::size_t kMaxGuessedClasses = 12;

}  // namespace

CsvImportDialog::CsvImportDialog(nnplay::CsvTable table, const QString& title,
                                 const QString& currentLabel, QWidget* parent)
    : QDialog(parent),
      m_table(std::move(table)),
      m_label(new QComboBox(this)),
      m_task(new QComboBox(this)),
      m_standardize(new QCheckBox(tr("Standardize the inputs"), this)),
      m_hint(new QLabel(this)),
      m_preview(new QTableWidget(this)) {
    setWindowTitle(title);
    if (m_table.header().size() < 2) {
        throw nnplay::InputError(m_table.fileName() +
                                 ": a CSV file needs a header row and at least two columns "
                                 "(inputs and a label)");
    }

    int preselect = -1;
    for (std::size_t c = 0; c < m_table.header().size(); ++c) {
        const QString name = QString::fromStdString(m_table.header()[c]);
        m_label->addItem(name);
        const QString lower = name.toLower();
        if (name == currentLabel) preselect = static_cast<int>(c);
        if (preselect < 0 && (lower == QLatin1String("label") || lower == QLatin1String("class") ||
                              lower == QLatin1String("target") || lower == QLatin1String("y") ||
                              lower == QLatin1String("species"))) {
            preselect = static_cast<int>(c);
        }
    }
    m_label->setCurrentIndex(preselect >= 0 ? preselect : m_label->count() - 1);
    m_label->setToolTip(
        tr("The column the network learns to predict; every other column "
           "becomes an input."));
    m_task->addItem(tr("Classification (pick a class)"), int(Task::Classification));
    m_task->addItem(tr("Regression (predict a number)"), int(Task::Regression));
    m_task->setToolTip(tr("Whether the label names a category or is a number to estimate."));
    m_standardize->setChecked(true);
    m_standardize->setToolTip(
        tr("Rescale every input to mean 0 and spread 1, which helps the "
           "network when columns have very different ranges."));
    m_hint->setWordWrap(true);

    const int rows = std::min<int>(kPreviewRows, static_cast<int>(m_table.rows().size()));
    m_preview->setColumnCount(static_cast<int>(m_table.header().size()));
    m_preview->setRowCount(rows);
    QStringList headers;
    for (const auto& name : m_table.header()) headers << QString::fromStdString(name);
    m_preview->setHorizontalHeaderLabels(headers);
    for (int r = 0; r < rows; ++r) {
        const auto& cells = m_table.rows()[static_cast<std::size_t>(r)].cells;
        for (std::size_t c = 0; c < cells.size(); ++c) {
            m_preview->setItem(r, static_cast<int>(c),
                               new QTableWidgetItem(QString::fromStdString(cells[c])));
        }
    }
    m_preview->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_preview->verticalHeader()->setVisible(false);
    m_preview->resizeColumnsToContents();
    m_preview->setToolTip(tr("The first rows of the file."));

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    auto* form = new QFormLayout;
    form->addRow(tr("Label column"), m_label);
    form->addRow(tr("Task"), m_task);
    form->addRow(QString(), m_standardize);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(new QLabel(
        tr("%1 rows, %2 columns").arg(m_table.rows().size()).arg(m_table.columnCount()), this));
    layout->addWidget(m_preview, 1);
    layout->addLayout(form);
    layout->addWidget(m_hint);
    layout->addWidget(buttons);
    resize(560, 380);

    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_label, &QComboBox::currentIndexChanged, this, &CsvImportDialog::guessTask);
    connect(m_task, &QComboBox::currentIndexChanged, this, &CsvImportDialog::updateHint);
    guessTask();
}

QString CsvImportDialog::labelColumn() const { return m_label->currentText(); }

Task CsvImportDialog::task() const { return static_cast<Task>(m_task->currentData().toInt()); }

bool CsvImportDialog::standardize() const { return m_standardize->isChecked(); }

void CsvImportDialog::guessTask() {
    const int column = m_label->currentIndex();
    std::set<std::string> distinct;
    bool numeric = true;
    for (const auto& row : m_table.rows()) {
        const std::string& cell = row.cells[static_cast<std::size_t>(column)];
        float value = 0;
        numeric = numeric && nnplay::parseCsvNumber(cell, value);
        distinct.insert(std::string(nnplay::trimCsvCell(cell)));
    }
    const bool regression = numeric && distinct.size() > kMaxGuessedClasses;
    m_task->setCurrentIndex(
        m_task->findData(int(regression ? Task::Regression : Task::Classification)));
    updateHint();
}

void CsvImportDialog::updateHint() {
    const int inputs = m_table.columnCount() - 1;
    m_hint->setText(task() == Task::Classification
                        ? tr("The network gets %1 inputs and should end with one output per "
                             "class (softmax) or one sigmoid output for two classes.")
                              .arg(inputs)
                        : tr("The network gets %1 inputs and should end with one linear "
                             "output.")
                              .arg(inputs));
}

}  // namespace nnplay::ui
