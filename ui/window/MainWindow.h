// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QMainWindow>
#include <string>
#include <vector>

#include "train/TrainingSnapshot.h"

class QSplitter;
class QStackedWidget;

namespace nnplay::ui {

class AutosaveKeeper;
class DataPanel;
class DocumentSync;
class GanDataPanel;
class GanTrainingPanel;
class LayerPalette;
class LessonController;
class LessonPanel;
class NetworkTabs;
class NetworkScene;
class NetworkView;
class OutputFixBar;
class PresenterMode;
class GanSlowMotionPanel;
class SlowMotionBar;
class SlowMotionPlayer;
class ProjectDocument;
class ProjectFiles;
class PropertiesPanel;
class TrainingController;
class TrainingPanel;
class TrainingToolBar;
class LayerImporter;
class ViewExport;
class TrainingViews;
class WelcomeDialog;
class CrossValidationDialog;

/// The application window: layer palette, network canvas, properties, data and training
/// panels, the training views and the training toolbar, laid out and wired together. Owns the
/// document, the TrainingController and the DocumentSync that keeps the worker in step with
/// the document. File handling lives in files(), the views in views(), what is kept between
/// runs in WindowSettings.
class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(QWidget* parent = nullptr);
    ~MainWindow() override;

    ProjectDocument* document() const { return m_document; }
    TrainingController* training() const { return m_training; }
    LayerImporter* layerImporter() const { return m_importer; }
    ProjectFiles* files() const { return m_files; }
    AutosaveKeeper* autosave() const { return m_autosave; }
    TrainingViews* views() const { return m_views; }
    NetworkScene* scene() const { return m_scene; }
    NetworkView* networkView() const { return m_view; }
    OutputFixBar* outputFixBar() const { return m_outputFix; }
    SlowMotionPlayer* slowMotion() const { return m_slowMotion; }
    SlowMotionBar* slowMotionBar() const { return m_slowMotionBar; }
    GanSlowMotionPanel* ganSlowMotion() const { return m_ganSlowMotion; }
    TrainingToolBar* trainingToolBar() const { return m_toolBar; }
    LayerPalette* layerPalette() const { return m_palette; }
    DataPanel* dataPanel() const { return m_dataPanel; }
    TrainingPanel* trainingPanel() const { return m_trainingPanel; }
    /// A GAN project's panels, shown in the Data and Training settings docks instead.
    GanDataPanel* ganDataPanel() const { return m_ganDataPanel; }
    GanTrainingPanel* ganTrainingPanel() const { return m_ganTrainingPanel; }
    /// The tabs above the canvas choosing a GAN's generator or discriminator.
    NetworkTabs* networkTabs() const { return m_networkTabs; }
    /// The open lesson (variants, hidden controls, Next/Previous Variant) and its panel.
    LessonController* lesson() const { return m_lesson; }
    LessonPanel* lessonPanel() const { return m_lessonPanel; }
    PresenterMode* presenter() const { return m_presenter; }
    ViewExport* viewExport() const { return m_viewExport; }
    /// Canvas | views, and the tabs above the loss curves.
    QSplitter* centralSplitter() const { return m_centralSplitter; }
    QSplitter* viewSplitter() const { return m_viewSplitter; }

    /// Opens the welcome screen over the window (Help > Welcome), or raises the open one.
    WelcomeDialog* showWelcome();
    /// Opens Train > Cross-validate for the project as it is now (nullptr for a GAN, which
    /// the status bar then explains).
    CrossValidationDialog* crossValidate();

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
    void applyDefaultLayout();
    void showStatus(const QString& message, int timeoutMs = kStatusMs);
    /// Clears the status bar if it still shows `shown`, and forgets `shown`.
    void clearStatus(QString& shown);

    void onSnapshot(const TrainingSnapshot& snapshot);
    void onValidityChanged(bool valid, const QString& message);
    void onNeuronHovered(int layerIndex, int unit);
    void updateTitle();
    /// The panels, toolbar and canvas tabs the project's task calls for (a GAN's or not).
    void applyTask();
    /// Shows the Lesson dock while the project is a lesson, hides it otherwise.
    void showLesson();
    void sizeLessonDock();
    /// Hides the controls the lesson names (LessonController::hiddenControls()).
    void hideLessonControls(const std::vector<std::string>& names);

    static constexpr int kStatusMs = 6000;

    ProjectDocument* m_document;
    TrainingController* m_training;
    DocumentSync* m_sync;
    ProjectFiles* m_files;
    AutosaveKeeper* m_autosave;
    LessonController* m_lesson;
    TrainingViews* m_views;
    NetworkScene* m_scene;
    NetworkView* m_view;
    OutputFixBar* m_outputFix;
    SlowMotionPlayer* m_slowMotion;
    SlowMotionBar* m_slowMotionBar;
    GanSlowMotionPanel* m_ganSlowMotion;
    LayerPalette* m_palette;
    PropertiesPanel* m_properties;
    DataPanel* m_dataPanel;
    TrainingPanel* m_trainingPanel;
    GanDataPanel* m_ganDataPanel;
    GanTrainingPanel* m_ganTrainingPanel;
    QStackedWidget* m_dataStack = nullptr;
    QStackedWidget* m_trainingStack = nullptr;
    NetworkTabs* m_networkTabs = nullptr;
    LessonPanel* m_lessonPanel;
    TrainingToolBar* m_toolBar;
    PresenterMode* m_presenter;
    ViewExport* m_viewExport;
    LayerImporter* m_importer;
    QSplitter* m_centralSplitter = nullptr;
    QSplitter* m_viewSplitter = nullptr;

    int m_generation = -1;  // of the last snapshot drawn
    bool m_networkValid = true;
    QString m_loadingStatus;   // what the worker said it is reading, while it is shown
    QString m_stopStatus;      // why training last paused by itself, while it is shown
    QString m_validityStatus;  // why the network cannot train, while it is shown
    bool m_defaultLayoutPending = false;
    bool m_paletteHiddenByLesson = false;
};

}  // namespace nnplay::ui
