// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStringList>
#include <QWidget>

class QLineEdit;
class QTreeWidgetItem;

namespace nnplay::ui {

class LayerPaletteTree;

/// The list of layer kinds a learner drags into the network: a search field over groups
/// ("Core", "Activations") read from LayerRegistry::builtin(), so new kinds appear by
/// themselves. Items carry LayerMime data; their tooltips are the registry's descriptions.
class LayerPalette : public QWidget {
    Q_OBJECT
public:
    explicit LayerPalette(QWidget* parent = nullptr);

    /// Shows only kinds whose name, type or description contains `text` (case-insensitive).
    void setFilter(const QString& text);
    /// Registry types of the items currently shown, in display order.
    QStringList visibleTypes() const;
    /// The item of a registry type, or nullptr (for tests and keyboard focus).
    QTreeWidgetItem* itemForType(const QString& type) const;

    QLineEdit* filterEdit() const { return m_filter; }
    LayerPaletteTree* tree() const { return m_tree; }

signals:
    /// A kind was double-clicked or chosen with Enter (the window may append it).
    void layerActivated(const QString& type);

protected:
    void changeEvent(QEvent* event) override;

private:
    void populate();
    void applyFilter();

    QLineEdit* m_filter;
    LayerPaletteTree* m_tree;
};

}  // namespace nnplay::ui
