// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QWidget>
#include <string>
#include <vector>

class QCheckBox;
class QFormLayout;
class QLabel;
class QPushButton;

namespace nnplay::ui {

class ProjectDocument;

/// Edits the settings of the selected layer, generically from the registry's SettingInfo list
/// (a QSpinBox for integer settings, a QDoubleSpinBox for other numbers, a QComboBox for a
/// choice and a QCheckBox for a flag; tooltips from the registry).
/// Each change pushes an EditNetworkCommand; consecutive changes of one setting merge into one
/// undo step. Follows the document: values refresh after undo, the panel empties when the
/// layer goes away.
class PropertiesPanel : public QWidget {
    Q_OBJECT
public:
    /// The document is not owned and must outlive the panel.
    explicit PropertiesPanel(ProjectDocument* document, QWidget* parent = nullptr);

    /// Shows the layer with this id (-1: nothing selected). Connect NetworkScene::layerSelected.
    void setLayer(int layerId);
    int layerId() const { return m_layerId; }
    /// The editor of a setting ("units", "rate"), or nullptr.
    QWidget* editorFor(const QString& key) const;
    QPushButton* removeButton() const { return m_remove; }
    /// "Frozen (not trained)", shown for layers with weights.
    QCheckBox* frozenBox() const { return m_frozen; }

protected:
    void changeEvent(QEvent* event) override;

private:
    void applyTitleFont();
    struct Editor {
        std::string key;
        QWidget* box;
    };

    void rebuild();
    void refreshValues();
    void onDocumentChanged();

    ProjectDocument* m_document;
    int m_layerId = -1;
    std::string m_type;  // type of the shown layer, to know when the form must be rebuilt
    QLabel* m_title;
    QLabel* m_description;
    QLabel* m_empty;
    QWidget* m_form;
    QFormLayout* m_formLayout;
    QCheckBox* m_frozen;
    QPushButton* m_remove;
    std::vector<Editor> m_editors;
};

}  // namespace nnplay::ui
