// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QMainWindow>
#include <QMessageBox>
#include <QStringList>
#include <functional>

#include "Project.h"
#include "train/TrainingSnapshot.h"

class QMenu;
class QTabWidget;

namespace nnplay::ui {

class ConfusionMatrixView;
class DataPanel;
class DecisionBoundaryView;
class DocumentSync;
class LayerPalette;
class LossCurveView;
class NetworkScene;
class NetworkView;
class ProjectDocument;
class PropertiesPanel;
class RecentFilesMenu;
class SampleGridView;
class TrainingController;
class TrainingPanel;
class TrainingToolBar;

/// The application window: layer palette, network canvas, properties, data and training
/// panels, the views (decision boundary, confusion matrix, samples, loss curves) and the
/// training toolbar. Owns the document and the TrainingController; keeps the worker in step
/// with the document (a structural edit or new data resets the weights, other training
/// settings apply without a reset) and hands trained weights back to the document so Save
/// stores them. File handling: New/Open/Save/Save As, recent files, examples, a prompt before
/// unsaved changes are lost.
class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    /// Shows a message and returns the button pressed; the default is a modal QMessageBox.
    /// Tests install one that records the message instead.
    using MessageHook = std::function<QMessageBox::StandardButton(
        QMessageBox::Icon icon, const QString& title, const QString& text,
        QMessageBox::StandardButtons buttons)>;

    explicit MainWindow(QWidget* parent = nullptr);
    ~MainWindow() override;

    /// Opens a project file. On failure shows the reader's message, leaves the open project
    /// as it was and returns false. Does not ask about unsaved changes (the menu does).
    bool openFile(const QString& path);
    /// Opens a project as an untitled document (examples, the command line's default).
    void openProject(const nnplay::Project& project, const QString& filePath = QString());
    /// Writes the project with its trained weights atomically. On failure shows why, leaves
    /// any old file whole and returns false.
    bool saveFile(const QString& path);
    /// Save to the current file, or ask for one.
    bool save();
    bool saveAs();
    /// Asks whether to save unsaved changes; true when it is fine to discard the project.
    bool maybeSave();

    void setMessageHook(MessageHook hook) { m_messageHook = std::move(hook); }
    /// Most recently opened or saved files, newest first.
    QStringList recentFiles() const;

    ProjectDocument* document() const { return m_document; }
    TrainingController* training() const { return m_training; }
    NetworkScene* scene() const { return m_scene; }
    NetworkView* networkView() const { return m_view; }
    TrainingToolBar* trainingToolBar() const { return m_toolBar; }
    DecisionBoundaryView* boundaryView() const { return m_boundary; }
    LossCurveView* lossView() const { return m_loss; }
    ConfusionMatrixView* confusionView() const { return m_confusion; }
    SampleGridView* samplesView() const { return m_samples; }
    DataPanel* dataPanel() const { return m_dataPanel; }
    TrainingPanel* trainingPanel() const { return m_trainingPanel; }
    QTabWidget* viewTabs() const { return m_tabs; }

signals:
    /// A snapshot of the current session was drawn.
    void snapshotDrawn(const nnplay::ui::TrainingSnapshot& snapshot);

protected:
    void closeEvent(QCloseEvent* event) override;
    void showEvent(QShowEvent* event) override;

private:
    void buildViews();
    void buildDocks();
    void buildMenus();
    void connectDocument();
    void connectTraining();
    void readSettings();
    void applyDefaultLayout();
    void writeSettings() const;

    QMessageBox::StandardButton ask(QMessageBox::Icon icon, const QString& title,
                                    const QString& text, QMessageBox::StandardButtons buttons);
    void showError(const QString& title, const QString& text);

    void onSnapshot(const TrainingSnapshot& snapshot);
    void onValidityChanged(bool valid, const QString& message);
    void onNeuronHovered(int layerIndex, int unit);
    void updateViewTabs(const DataPreview* data);
    void updateSnapshotRequest();
    void updateTitle();
    void rebuildExamplesMenu();
    /// The document's project with the worker's current weights and history (when they fit).
    nnplay::Project projectToSave();

    ProjectDocument* m_document;
    TrainingController* m_training;
    NetworkScene* m_scene;
    NetworkView* m_view;
    LayerPalette* m_palette;
    PropertiesPanel* m_properties;
    DataPanel* m_dataPanel;
    TrainingPanel* m_trainingPanel;
    TrainingToolBar* m_toolBar;
    QTabWidget* m_tabs;
    DecisionBoundaryView* m_boundary;
    ConfusionMatrixView* m_confusion;
    SampleGridView* m_samples;
    LossCurveView* m_loss;
    RecentFilesMenu* m_recentMenu = nullptr;
    QMenu* m_examplesMenu = nullptr;
    QMenu* m_viewMenu = nullptr;
    DocumentSync* m_sync;

    MessageHook m_messageHook;
    int m_viewsGeneration = -1;
    int m_viewKind = -1;  // index of the tab chosen for the current kind of data
    bool m_networkValid = true;
    bool m_wasRunning = false;
    bool m_defaultLayoutPending = false;
};

}  // namespace nnplay::ui
