// SPDX-License-Identifier: GPL-3.0-or-later
#include "editor/LayerPalette.h"

#include <QEvent>
#include <QLineEdit>
#include <QVBoxLayout>

#include "editor/LayerGlyph.h"
#include "editor/LayerPaletteTree.h"
#include "layers/LayerRegistry.h"

namespace nnplay::ui {

LayerPalette::LayerPalette(QWidget* parent)
    : QWidget(parent), m_filter(new QLineEdit(this)), m_tree(new LayerPaletteTree(this)) {
    m_filter->setPlaceholderText(tr("Search layers"));
    m_filter->setClearButtonEnabled(true);
    m_filter->setToolTip(tr("Type part of a layer's name or what it does"));

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);
    layout->addWidget(m_filter);
    layout->addWidget(m_tree, 1);

    populate();

    connect(m_filter, &QLineEdit::textChanged, this, &LayerPalette::applyFilter);
    connect(m_tree, &QTreeWidget::itemActivated, this, [this](QTreeWidgetItem* item, int) {
        const QString type = item->data(0, LayerPaletteTree::kTypeRole).toString();
        if (!type.isEmpty()) emit layerActivated(type);
    });
}

void LayerPalette::populate() {
    m_tree->clear();
    const QColor glyphColor = palette().color(QPalette::Text);
    QFont groupFont = font();
    groupFont.setBold(true);
    for (const nnplay::LayerInfo& info : nnplay::LayerRegistry::builtin().all()) {
        const QString group = QString::fromStdString(info.group);
        QTreeWidgetItem* groupItem = nullptr;
        for (int i = 0; i < m_tree->topLevelItemCount(); ++i) {
            if (m_tree->topLevelItem(i)->text(0) == group) groupItem = m_tree->topLevelItem(i);
        }
        if (!groupItem) {
            groupItem = new QTreeWidgetItem(m_tree, {group});
            groupItem->setFlags(Qt::ItemIsEnabled);
            groupItem->setFont(0, groupFont);
            groupItem->setForeground(0, palette().brush(QPalette::PlaceholderText));
        }
        auto* item = new QTreeWidgetItem(groupItem, {QString::fromStdString(info.displayName)});
        item->setData(0, LayerPaletteTree::kTypeRole, QString::fromStdString(info.type));
        item->setToolTip(0, QString::fromStdString(info.description));
        item->setStatusTip(0, QString::fromStdString(info.description));
        item->setIcon(0, LayerGlyph::icon(info.type, glyphColor));
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsDragEnabled);
    }
    m_tree->expandAll();
    applyFilter();
}

void LayerPalette::setFilter(const QString& text) { m_filter->setText(text); }

void LayerPalette::applyFilter() {
    const QString text = m_filter->text().trimmed();
    for (int g = 0; g < m_tree->topLevelItemCount(); ++g) {
        QTreeWidgetItem* group = m_tree->topLevelItem(g);
        bool any = false;
        for (int i = 0; i < group->childCount(); ++i) {
            QTreeWidgetItem* item = group->child(i);
            const bool match = text.isEmpty() ||
                               item->text(0).contains(text, Qt::CaseInsensitive) ||
                               item->data(0, LayerPaletteTree::kTypeRole)
                                   .toString()
                                   .contains(text, Qt::CaseInsensitive) ||
                               item->toolTip(0).contains(text, Qt::CaseInsensitive);
            item->setHidden(!match);
            any = any || match;
        }
        group->setHidden(!any);
    }
}

QStringList LayerPalette::visibleTypes() const {
    QStringList types;
    for (int g = 0; g < m_tree->topLevelItemCount(); ++g) {
        const QTreeWidgetItem* group = m_tree->topLevelItem(g);
        if (group->isHidden()) continue;
        for (int i = 0; i < group->childCount(); ++i) {
            if (!group->child(i)->isHidden()) {
                types << group->child(i)->data(0, LayerPaletteTree::kTypeRole).toString();
            }
        }
    }
    return types;
}

QTreeWidgetItem* LayerPalette::itemForType(const QString& type) const {
    for (int g = 0; g < m_tree->topLevelItemCount(); ++g) {
        QTreeWidgetItem* group = m_tree->topLevelItem(g);
        for (int i = 0; i < group->childCount(); ++i) {
            if (group->child(i)->data(0, LayerPaletteTree::kTypeRole).toString() == type) {
                return group->child(i);
            }
        }
    }
    return nullptr;
}

void LayerPalette::changeEvent(QEvent* event) {
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange) populate();
    if (event->type() == QEvent::FontChange) m_tree->updateGeometry();
}

}  // namespace nnplay::ui
