// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDialog>
#include <optional>

#include "Project.h"
#include "train/LayerTransfer.h"

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QLabel;
class QListWidget;
class QSpinBox;

namespace nnplay::ui {

class ProjectDocument;

/// Import Layers from Project: lists the layers of another project's networks (what they are,
/// whether they hold trained weights), lets the user choose a contiguous range (the rows
/// selected, from the first to the last; at first the layers up to the last Flatten), how many
/// of the current network's first layers it replaces (0 inserts it before them; at first, for a
/// base ending in a Flatten, the current layers up to their Flatten) and whether it comes frozen
/// (on by default). Below, what nnplay::transferLayers says of the choice: which imported layers
/// start fresh, or why the layers do not fit the current data (then OK is off). accept() pushes one
/// undo step (importLayers in DocumentEdits.h); nothing changes on Cancel.
class ImportLayersDialog : public QDialog {
    Q_OBJECT
public:
    /// `source` is the project read from the chosen file; the document is not owned.
    ImportLayersDialog(nnplay::Project source, const QString& sourceName, ProjectDocument* document,
                       QWidget* parent = nullptr);

    /// Chooses layers [first, first + count) of the shown source network.
    void selectRange(int first, int count);
    void setReplaceCount(int count);
    void setFrozen(bool frozen);
    /// The transfer the current choice makes, or nullopt (with the reason in message()).
    const std::optional<nnplay::LayerTransfer>& transfer() const { return m_transfer; }
    QString message() const;

    QListWidget* layerList() const { return m_layers; }
    QDialogButtonBox* buttons() const { return m_buttons; }

    void accept() override;

private:
    void fillLayers();
    void update();
    nnplay::LayerTransferRequest request() const;

    nnplay::Project m_source;
    ProjectDocument* m_document;
    QComboBox* m_network;
    QListWidget* m_layers;
    QSpinBox* m_replace;
    QCheckBox* m_frozen;
    QLabel* m_verdict;
    QDialogButtonBox* m_buttons;
    std::optional<nnplay::LayerTransfer> m_transfer;
};

}  // namespace nnplay::ui
