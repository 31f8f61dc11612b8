// SPDX-License-Identifier: GPL-3.0-or-later
#include "panels/RunList.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QPainter>
#include <QPixmap>
#include <QPushButton>
#include <QShortcut>
#include <QTextDocument>
#include <QTreeWidget>
#include <QVBoxLayout>
#include <cmath>

#include "document/DocumentEdits.h"
#include "io/RunSettings.h"
#include "plots/PlotStyle.h"
#include "train/RunArchive.h"

namespace nnplay::ui {

namespace {

/// The table's columns.
enum Column { kNameColumn, kEpochsColumn, kTestLossColumn, kTestAccuracyColumn };

/// The longest list of differences shown; the rest are counted.
constexpr std::size_t kMaxDifferences = 12;

QIcon swatch(const QColor& color) {
    QPixmap pixmap(14, 14);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(Qt::NoPen);
    painter.setBrush(color);
    painter.drawRoundedRect(QRectF(1, 1, 12, 12), 3, 3);
    return QIcon(pixmap);
}

QString figure(float value, bool percent) {
    if (!std::isfinite(value)) return QStringLiteral("—");
    return percent ? QStringLiteral("%1 %").arg(100.0 * value, 0, 'f', 1)
                   : QString::number(value, 'g', 3);
}

}  // namespace

RunList::RunList(const RunArchive* runs, ProjectDocument* document, QWidget* parent)
    : QWidget(parent),
      m_runs(runs),
      m_document(document),
      m_tree(new QTreeWidget(this)),
      m_delete(new QPushButton(tr("Delete"), this)),
      m_differences(new QLabel(this)) {
    m_tree->setColumnCount(4);
    m_tree->setHeaderLabels({tr("Run"), tr("Epochs"), tr("Test loss"), tr("Test acc.")});
    m_tree->setRootIsDecorated(false);
    m_tree->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_tree->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed);
    m_tree->header()->setStretchLastSection(false);
    m_tree->header()->setSectionResizeMode(kNameColumn, QHeaderView::Stretch);
    for (int c : {kEpochsColumn, kTestLossColumn, kTestAccuracyColumn})
        m_tree->header()->setSectionResizeMode(c, QHeaderView::ResizeToContents);
    m_tree->setToolTip(tr("Tick a run to draw its curve; double-click a name to rename it; select "
                          "two runs to see which settings differ."));
    m_delete->setToolTip(tr("Delete the selected runs from the project (Undo brings them back)."));
    m_differences->setWordWrap(true);
    m_differences->setTextFormat(Qt::RichText);
    m_differences->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    m_differences->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);

    auto* table = new QVBoxLayout;
    table->addWidget(m_tree, 1);
    table->addWidget(m_delete, 0, Qt::AlignLeft);
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(table, 5);
    layout->addWidget(m_differences, 2);

    connect(m_runs, &RunArchive::changed, this, [this] {
        QStringList names;
        for (const auto& run : m_runs->runs()) names << QString::fromStdString(run.name);
        if (names != m_names || m_tree->topLevelItemCount() != names.size() + 1)
            refill();
        else
            updateCurrentRow();
    });
    connect(m_tree, &QTreeWidget::itemSelectionChanged, this, &RunList::showDifferences);
    connect(m_tree, &QTreeWidget::itemChanged, this, [this](QTreeWidgetItem* item, int column) {
        if (m_filling || column != kNameColumn) return;
        const int index = m_tree->indexOfTopLevelItem(item);
        const auto& finished = m_runs->runs();
        const bool isFinished = index >= 0 && index < static_cast<int>(finished.size());
        const QString was = isFinished
                                ? QString::fromStdString(finished[static_cast<std::size_t>(index)].name)
                                : m_runs->current().name;
        const bool shown = item->checkState(kNameColumn) == Qt::Checked;
        if (shown == m_hidden.contains(was)) {
            if (shown)
                m_hidden.remove(was);
            else
                m_hidden.insert(was);
            emit shownChanged();
        }
        const QString name = item->text(kNameColumn).trimmed();
        if (isFinished && name != was) {
            if (!name.isEmpty() && renameRun(*m_document, index, name.toStdString())) {
                if (m_hidden.remove(was)) m_hidden.insert(name);
            } else {
                // An empty name or one that is taken: the old one comes back.
                QSignalBlocker blocker(m_tree);
                item->setText(kNameColumn, was);
            }
        }
    });
    connect(m_delete, &QPushButton::clicked, this, &RunList::deleteSelected);
    auto* shortcut = new QShortcut(QKeySequence::Delete, m_tree);
    shortcut->setContext(Qt::WidgetShortcut);
    connect(shortcut, &QShortcut::activated, this, &RunList::deleteSelected);
    refill();
}

bool RunList::isShown(int index) const {
    const auto& finished = m_runs->runs();
    if (index < 0 || index > static_cast<int>(finished.size())) return false;
    const QString name = index < static_cast<int>(finished.size())
                             ? QString::fromStdString(finished[static_cast<std::size_t>(index)].name)
                             : m_runs->current().name;
    return !m_hidden.contains(name);
}

void RunList::fillRow(QTreeWidgetItem* item, int index) {
    const auto& finished = m_runs->runs();
    const bool current = index == static_cast<int>(finished.size());
    const nnplay::History& history =
        current ? m_runs->current().history : finished[static_cast<std::size_t>(index)].history;
    const QString name = current ? m_runs->current().name
                                 : QString::fromStdString(finished[static_cast<std::size_t>(index)].name);
    item->setText(kNameColumn, name);
    item->setIcon(kNameColumn, swatch(PlotStyle::classColor(index)));
    item->setCheckState(kNameColumn, m_hidden.contains(name) ? Qt::Unchecked : Qt::Checked);
    Qt::ItemFlags flags = Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsUserCheckable;
    if (!current) flags |= Qt::ItemIsEditable;
    item->setFlags(flags);
    QFont font = item->font(kNameColumn);
    font.setBold(current);
    item->setFont(kNameColumn, font);
    if (current) item->setToolTip(kNameColumn, tr("The run training now."));
    namespace HistoryColumn = nnplay::HistoryColumn;
    const bool rows = !history.empty();
    const std::size_t last = rows ? history.size() - 1 : 0;
    item->setText(kEpochsColumn, rows ? QString::number(history.lastEpoch()) : QStringLiteral("0"));
    item->setText(kTestLossColumn,
                  figure(rows ? history.value(last, HistoryColumn::kTestLoss) : NAN, false));
    item->setText(kTestAccuracyColumn,
                  figure(rows ? history.value(last, HistoryColumn::kTestAccuracy) : NAN, true));
    for (int c : {kEpochsColumn, kTestLossColumn, kTestAccuracyColumn}) item->setTextAlignment(c, Qt::AlignRight);
}

void RunList::refill() {
    m_filling = true;
    const std::vector<int> selected = selectedIndices();
    const auto& finished = m_runs->runs();
    m_names.clear();
    for (const auto& run : finished) m_names << QString::fromStdString(run.name);
    m_tree->clear();
    for (int i = 0; i <= static_cast<int>(finished.size()); ++i) {
        auto* item = new QTreeWidgetItem(m_tree);
        fillRow(item, i);
    }
    m_filling = false;
    m_delete->setEnabled(!finished.empty());
    select(selected);
    showDifferences();
}

void RunList::updateCurrentRow() {
    const int index = static_cast<int>(m_runs->runs().size());
    if (QTreeWidgetItem* item = m_tree->topLevelItem(index)) {
        m_filling = true;
        fillRow(item, index);
        m_filling = false;
    }
}

std::vector<int> RunList::selectedIndices() const {
    std::vector<int> out;
    for (int i = 0; i < m_tree->topLevelItemCount(); ++i)
        if (m_tree->topLevelItem(i)->isSelected()) out.push_back(i);
    return out;
}

void RunList::select(const std::vector<int>& indices) {
    QSignalBlocker blocker(m_tree);
    m_tree->clearSelection();
    for (int i : indices)
        if (QTreeWidgetItem* item = m_tree->topLevelItem(i)) item->setSelected(true);
    blocker.unblock();
    showDifferences();
}

void RunList::showDifferences() {
    const std::vector<int> selected = selectedIndices();
    const auto& finished = m_runs->runs();
    const int currentIndex = static_cast<int>(finished.size());
    if (selected.empty() || selected.size() > 2 ||
        (selected.size() == 1 && selected.front() == currentIndex)) {
        m_differences->setText(
            tr("<i>Select two runs (or one, to compare it with the run now) to see which settings "
               "differ.</i>"));
        return;
    }
    const int a = selected.front();
    const int b = selected.size() == 2 ? selected.back() : currentIndex;
    auto nameOf = [&](int i) {
        return i == currentIndex ? m_runs->current().name
                                 : QString::fromStdString(finished[static_cast<std::size_t>(i)].name);
    };
    auto settingsOf = [&](int i) {
        if (i == currentIndex)
            return m_runs->current().settings ? *m_runs->current().settings : std::string();
        return finished[static_cast<std::size_t>(i)].settings;
    };
    const auto differences = nnplay::RunSettings::differences(settingsOf(a), settingsOf(b));
    QString html = tr("<b>%1</b> and <b>%2</b>").arg(nameOf(a).toHtmlEscaped(),
                                                      nameOf(b).toHtmlEscaped());
    if (differences.empty()) {
        html += tr(" trained with the same settings (their seeds and weights may differ).");
        m_differences->setText(html);
        return;
    }
    html += tr(" differ in:");
    html += QStringLiteral("<table cellspacing='0' cellpadding='2'>");
    for (std::size_t i = 0; i < differences.size() && i < kMaxDifferences; ++i) {
        const auto& d = differences[i];
        html += QStringLiteral("<tr><td>%1</td><td>&nbsp;%2</td><td>&nbsp;→&nbsp;%3</td></tr>")
                    .arg(QString::fromStdString(d.key).toHtmlEscaped(),
                         QString::fromStdString(d.first).toHtmlEscaped(),
                         QString::fromStdString(d.second).toHtmlEscaped());
    }
    html += QStringLiteral("</table>");
    if (differences.size() > kMaxDifferences)
        html += tr("and %1 more.").arg(differences.size() - kMaxDifferences);
    m_differences->setText(html);
}

QString RunList::differencesText() const {
    QTextDocument document;
    document.setHtml(m_differences->text());
    return document.toPlainText();
}

void RunList::deleteSelected() {
    std::vector<int> finished;
    for (int i : selectedIndices())
        if (i < static_cast<int>(m_runs->runs().size())) finished.push_back(i);
    deleteRuns(*m_document, finished);
}

}  // namespace nnplay::ui
