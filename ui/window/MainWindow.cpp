// SPDX-License-Identifier: GPL-3.0-or-later
#include "window/MainWindow.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QComboBox>
#include <QCoreApplication>
#include <QDockWidget>
#include <QKeySequence>
#include <QMenu>
#include <QMenuBar>
#include <QScreen>
#include <QScrollArea>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTabWidget>
#include <QUndoStack>
#include <QVBoxLayout>
#include <algorithm>

#include "document/DocumentEdits.h"
#include "document/ProjectDocument.h"
#include "editor/LayerPalette.h"
#include "editor/NetworkScene.h"
#include "editor/NetworkView.h"
#include "editor/OutputFixBar.h"
#include "editor/PropertiesPanel.h"
#include "editor/SlowMotionBar.h"
#include "editor/SlowMotionPlayer.h"
#include "layers/LayerRegistry.h"
#include "lesson/LessonController.h"
#include "lesson/LessonPanel.h"
#include "panels/AugmentationGroup.h"
#include "panels/DataPanel.h"
#include "panels/GanDataPanel.h"
#include "panels/GanTrainingPanel.h"
#include "panels/TrainingPanel.h"
#include "plots/DecisionBoundaryView.h"
#include "plots/GanSlowMotionPanel.h"
#include "plots/GanView.h"
#include "plots/LossCurveView.h"
#include "plots/PictureActions.h"
#include "plots/SweepView.h"
#include "train/DocumentSync.h"
#include "train/GanSession.h"
#include "panels/CrossValidationDialog.h"
#include "train/RunArchive.h"
#include "train/TrainingController.h"
#include "window/AutosaveKeeper.h"
#include "window/LayerImporter.h"
#include "window/NetworkTabs.h"
#include "window/PlayKeyFilter.h"
#include "window/PresenterMode.h"
#include "window/ProjectFiles.h"
#include "window/TrainingToolBar.h"
#include "window/TrainingViews.h"
#include "window/ViewExport.h"
#include "window/WelcomeDialog.h"
#include "window/WindowSettings.h"

namespace nnplay::ui {

MainWindow::MainWindow(QWidget* parent)
    : QMainWindow(parent),
      m_document(new ProjectDocument(this)),
      m_training(new TrainingController(this)),
      m_sync(new DocumentSync(m_document, m_training, this)),
      m_files(new ProjectFiles(m_document, m_sync, m_training, this)),
      m_autosave(new AutosaveKeeper(m_files, m_document, m_training, this)),
      m_lesson(new LessonController(m_document, m_sync, m_training, this)),
      m_views(new TrainingViews(m_training, m_document, this)),
      m_scene(new NetworkScene(m_document, this)),
      m_view(new NetworkView(m_scene)),
      m_outputFix(new OutputFixBar(m_document)),
      m_slowMotion(new SlowMotionPlayer(m_scene, this)),
      m_slowMotionBar(new SlowMotionBar(m_slowMotion)),
      m_ganSlowMotion(new GanSlowMotionPanel),
      m_palette(new LayerPalette),
      m_properties(new PropertiesPanel(m_document)),
      m_dataPanel(new DataPanel(m_document)),
      m_trainingPanel(new TrainingPanel(m_document)),
      m_ganDataPanel(new GanDataPanel(m_document)),
      m_ganTrainingPanel(new GanTrainingPanel(m_document)),
      m_lessonPanel(new LessonPanel(m_lesson)),
      m_toolBar(new TrainingToolBar(this)),
      m_presenter(new PresenterMode(this, m_toolBar)),
      m_viewExport(new ViewExport(m_views, m_view, m_files, m_training, this)),
      m_importer(new LayerImporter(m_document, m_sync, this)) {
    setObjectName(QStringLiteral("mainWindow"));

    addToolBar(Qt::TopToolBarArea, m_toolBar);
    qApp->installEventFilter(new PlayKeyFilter(this));
    buildViews();
    buildDocks();
    buildMenus();
    connectDocument();
    connectTraining();
    if (!WindowSettings::restore(*this)) {
        const QSize available = screen() ? screen()->availableSize() : QSize(1366, 768);
        resize(QSize(1366, 768).boundedTo(available));
        m_defaultLayoutPending = true;  // docks and splitters size themselves once shown
    }

    m_training->send(&TrainingWorker::setSpeed, m_toolBar->speed());
    m_sync->loadProject();
    applyTask();
    onValidityChanged(m_scene->networkValid(), m_scene->validityMessage());
    updateTitle();
    showLesson();
    hideLessonControls(m_lesson->hiddenControls());
    // Not the palette's search field: there, Space would type instead of playing.
    m_view->setFocus();
    showStatus(tr("Drag layers from the palette into the network, then press Play."));
}

MainWindow::~MainWindow() {
    // Stop the worker before anything it reports to goes away, then everything that points
    // at the document before the document.
    delete m_training;
    m_training = nullptr;
    for (QDockWidget* dock : findChildren<QDockWidget*>()) delete dock;
    delete centralWidget();
    delete m_scene;
    // The undo stack reports "clean" as it dies: nobody here should hear it any more.
    m_document->undoStack()->disconnect(this);
    m_document->disconnect(this);
    delete m_document;
}

void MainWindow::buildViews() {
    m_viewSplitter = new QSplitter(Qt::Vertical);
    m_viewSplitter->setObjectName(QStringLiteral("viewSplitter"));
    m_viewSplitter->addWidget(m_views->tabs());
    m_viewSplitter->addWidget(m_views->curves());
    m_viewSplitter->setStretchFactor(0, 3);
    m_viewSplitter->setStretchFactor(1, 2);
    m_viewSplitter->setChildrenCollapsible(false);

    m_centralSplitter = new QSplitter(Qt::Horizontal);
    m_centralSplitter->setObjectName(QStringLiteral("centralSplitter"));
    // The canvas, with the offer to fix an output that does not fit the data above it.
    auto* canvas = new QWidget;
    auto* canvasLayout = new QVBoxLayout(canvas);
    canvasLayout->setContentsMargins(0, 0, 0, 0);
    canvasLayout->setSpacing(0);
    m_networkTabs = new NetworkTabs(m_document, m_scene);
    canvasLayout->addWidget(m_networkTabs);
    canvasLayout->addWidget(m_outputFix);
    canvasLayout->addWidget(m_slowMotionBar);
    canvasLayout->addWidget(m_view, 1);
    // A GAN step in slow motion takes the canvas's place until it ends.
    canvasLayout->addWidget(m_ganSlowMotion, 1);
    PictureActions::install(m_view, QStringLiteral("network"));
    PictureActions::install(m_ganSlowMotion, QStringLiteral("gan-step"));
    connect(m_ganSlowMotion, &GanSlowMotionPanel::activeChanged, this, [this](bool on) {
        m_view->setVisible(!on);
        m_networkTabs->setVisible(!on && m_networkTabs->count() > 1);
    });
    m_centralSplitter->addWidget(canvas);
    m_centralSplitter->addWidget(m_viewSplitter);
    m_centralSplitter->setStretchFactor(0, 5);
    m_centralSplitter->setStretchFactor(1, 4);
    m_centralSplitter->setChildrenCollapsible(false);
    setCentralWidget(m_centralSplitter);
}

void MainWindow::buildDocks() {
    auto makeDock = [this](const QString& title, const QString& name, QWidget* content,
                           Qt::DockWidgetArea area) {
        auto* dock = new QDockWidget(title, this);
        dock->setObjectName(name);
        dock->setWidget(content);
        dock->setFeatures(QDockWidget::DockWidgetMovable | QDockWidget::DockWidgetFloatable |
                          QDockWidget::DockWidgetClosable);
        addDockWidget(area, dock);
        return dock;
    };
    makeDock(tr("Layers"), QStringLiteral("paletteDock"), m_palette, Qt::LeftDockWidgetArea);
    // A GAN project shows its own data and training panels in the same docks.
    m_dataStack = new QStackedWidget;
    m_dataStack->addWidget(m_dataPanel);
    m_dataStack->addWidget(m_ganDataPanel);
    m_trainingStack = new QStackedWidget;
    m_trainingStack->addWidget(m_trainingPanel);
    // The GAN's settings (two optimizers) are longer than the dock is tall: they scroll.
    auto* ganSettings = new QScrollArea;
    ganSettings->setWidget(m_ganTrainingPanel);
    ganSettings->setWidgetResizable(true);
    ganSettings->setFrameShape(QFrame::NoFrame);
    ganSettings->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_trainingStack->addWidget(ganSettings);
    makeDock(tr("Data"), QStringLiteral("dataDock"), m_dataStack, Qt::LeftDockWidgetArea);
    makeDock(tr("Lesson"), QStringLiteral("lessonDock"), m_lessonPanel, Qt::RightDockWidgetArea);
    makeDock(tr("Training settings"), QStringLiteral("trainingDock"), m_trainingStack,
             Qt::RightDockWidgetArea);
    makeDock(tr("Properties"), QStringLiteral("propertiesDock"), m_properties,
             Qt::RightDockWidgetArea);
    setCorner(Qt::TopLeftCorner, Qt::LeftDockWidgetArea);
    setCorner(Qt::BottomLeftCorner, Qt::LeftDockWidgetArea);
    setCorner(Qt::TopRightCorner, Qt::RightDockWidgetArea);
    setCorner(Qt::BottomRightCorner, Qt::RightDockWidgetArea);
}

void MainWindow::buildMenus() {
    QMenu* file = menuBar()->addMenu(tr("&File"));
    m_files->addActions(file);
    file->addAction(m_importer->action());
    m_viewExport->addActions(file);
    file->addSeparator();
    QAction* quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);
    quit->setMenuRole(QAction::QuitRole);

    QMenu* edit = menuBar()->addMenu(tr("&Edit"));
    QAction* undo = m_document->undoStack()->createUndoAction(this, tr("&Undo"));
    undo->setShortcut(QKeySequence::Undo);
    QAction* redo = m_document->undoStack()->createRedoAction(this, tr("&Redo"));
    // Ctrl+Y and Ctrl+Shift+Z on every platform, whatever the platform's own redo key is.
    redo->setShortcuts(
        {QKeySequence(Qt::CTRL | Qt::Key_Y), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z)});
    edit->addAction(undo);
    edit->addAction(redo);

    QMenu* train = menuBar()->addMenu(tr("&Train"));
    train->addAction(m_toolBar->playAction());
    train->addAction(m_toolBar->stepAction());
    train->addAction(m_toolBar->stepBatchAction());
    train->addAction(m_toolBar->slowMotionAction());
    train->addAction(m_toolBar->resetAction());
    train->addSeparator();
    train->addAction(m_lesson->nextVariantAction());
    train->addAction(m_lesson->previousVariantAction());
    train->addSeparator();
    train->addAction(tr("&Cross-validate…"), this, &MainWindow::crossValidate);

    QMenu* view = menuBar()->addMenu(tr("&View"));
    for (QDockWidget* dock : findChildren<QDockWidget*>()) {
        view->addAction(dock->toggleViewAction());
    }
    view->addAction(m_toolBar->toggleViewAction());
    m_presenter->addActions(view);

    QMenu* help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&Welcome"), this, &MainWindow::showWelcome);
    help->addAction(tr("&About nnplay"), this, [this] {
        m_files->ask(QMessageBox::Information, tr("About nnplay"),
                     tr("nnplay %1: a neural-network playground.\n\nBuild a network from "
                        "layers, press Play and watch it learn.")
                         .arg(QCoreApplication::applicationVersion()),
                     QMessageBox::Ok);
    });
}

WelcomeDialog* MainWindow::showWelcome() {
    if (auto* open = findChild<WelcomeDialog*>(QString(), Qt::FindDirectChildrenOnly)) {
        open->raise();
        open->activateWindow();
        return open;
    }
    auto* dialog = new WelcomeDialog(m_document, m_files, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->resize(dialog->sizeFor(size().boundedTo(QSize(1400, 840)) - QSize(40, 40)));
    dialog->open();
    return dialog;
}

CrossValidationDialog* MainWindow::crossValidate() {
    m_sync->flush();
    const Project& project = m_document->project();
    if (project.task == Task::Gan) {
        showStatus(tr("Cross-validation needs a classification or regression project."));
        return nullptr;
    }
    auto* dialog = new CrossValidationDialog(project, m_document->baseDir(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
    return dialog;
}

void MainWindow::connectDocument() {
    connect(m_sync, &DocumentSync::statusMessage, this,
            [this](const QString& message) { showStatus(message); });
    connect(m_sync, &DocumentSync::sessionReplaced, this, [this](bool freshWeights) {
        if (freshWeights) m_scene->clearSnapshot();
    });
    connect(m_document, &ProjectDocument::projectReplaced, this, &MainWindow::updateTitle);
    connect(m_document, &ProjectDocument::projectReplaced, this, &MainWindow::applyTask);
    connect(m_document, &ProjectDocument::ganChanged, this, &MainWindow::applyTask);
    connect(m_document, &ProjectDocument::dataChanged, this, &MainWindow::applyTask);
    // The Sweep tab starts its runs from the document as it is.
    const auto giveSweepProject = [this] {
        m_views->sweepView()->setProject(m_document->project(), m_document->baseDir());
    };
    for (auto signal : {&ProjectDocument::projectReplaced, &ProjectDocument::dataChanged,
                        &ProjectDocument::trainingChanged})
        connect(m_document, signal, this, giveSweepProject);
    connect(m_document, &ProjectDocument::networkChanged, this, giveSweepProject);
    connect(m_document, &ProjectDocument::filePathChanged, this, giveSweepProject);
    giveSweepProject();
    // A GAN's target drawn by hand: each stroke on the Samples plot is one undo step.
    connect(m_views->ganView(), &GanView::pointsDrawn, this, [this](const QVector<QPointF>& drawn) {
        std::vector<std::array<float, 2>> points;
        for (const QPointF& p : drawn)
            points.push_back({static_cast<float>(p.x()), static_cast<float>(p.y())});
        if (!addDrawnPoints(*m_document, points)) m_views->ganView()->clearStroke();
    });
    // Every project starts with both of a GAN's networks training.
    connect(m_document, &ProjectDocument::projectReplaced, this, [this] {
        m_toolBar->stepModeBox()->setCurrentIndex(0);
        m_training->send(&TrainingWorker::setGanStepMode, GanSession::StepMode::Both);
    });
    connect(m_lesson, &LessonController::lessonChanged, this, &MainWindow::showLesson);
    // A lesson's runs are named after their variants, so the Runs view compares them by name.
    connect(m_lesson, &LessonController::currentVariantChanged, this, [this](int index) {
        const auto& variants = m_lesson->lesson().variants;
        m_views->runs()->setRunName(
            index >= 0 && index < static_cast<int>(variants.size())
                ? QString::fromStdString(variants[static_cast<std::size_t>(index)].name)
                : QString());
    });
    // A presenter's clicker sends PageDown and PageUp.
    connect(m_presenter, &PresenterMode::nextVariantRequested, m_lesson,
            &LessonController::nextVariant);
    connect(m_presenter, &PresenterMode::previousVariantRequested, m_lesson,
            &LessonController::previousVariant);
    connect(m_lesson, &LessonController::hiddenControlsChanged, this,
            &MainWindow::hideLessonControls);
    connect(m_lesson, &LessonController::statusMessage, this,
            [this](const QString& message) { showStatus(message); });
    connect(m_document, &ProjectDocument::filePathChanged, this, &MainWindow::updateTitle);
    connect(m_document->undoStack(), &QUndoStack::cleanChanged, this, &MainWindow::updateTitle);

    connect(m_scene, &NetworkScene::layerSelected, m_properties, &PropertiesPanel::setLayer);
    connect(m_scene, &NetworkScene::validityChanged, this, &MainWindow::onValidityChanged);
    connect(m_scene, &NetworkScene::neuronHovered, this, &MainWindow::onNeuronHovered);
    m_scene->setParameterEditPreparer([this] { return m_sync->prepareParameterEdit(); });
    connect(m_palette, &LayerPalette::layerActivated, this, [this](const QString& type) {
        // Double-click: insert before the output activation, where new layers usually go.
        const int count = static_cast<int>(m_scene->shownNetwork().layers.size());
        m_scene->insertLayerAt(std::max(0, count - 1), type);
    });
    connect(m_dataPanel, &DataPanel::importFailed, this, [this](const QString& message) {
        m_files->showError(tr("Cannot import CSV"), message);
    });
    connect(m_ganDataPanel, &GanDataPanel::csvFailed, this, [this](const QString& message) {
        m_files->showError(tr("Cannot use this CSV file"), message);
    });
}

void MainWindow::connectTraining() {
    // While a step plays in slow motion, Space pauses its stages instead of training.
    connect(m_toolBar, &TrainingToolBar::playPauseRequested, this, [this] {
        m_slowMotion->active() ? m_slowMotion->togglePause() : m_training->togglePlay();
    });
    connect(m_toolBar, &TrainingToolBar::stepEpochRequested, this,
            [this] { m_training->send(&TrainingWorker::stepEpoch); });
    connect(m_toolBar, &TrainingToolBar::stepBatchRequested, this,
            [this] { m_training->send(&TrainingWorker::stepBatch); });
    connect(m_toolBar, &TrainingToolBar::slowMotionRequested, this,
            [this] { m_training->send(&TrainingWorker::stepInSlowMotion); });
    connect(m_toolBar, &TrainingToolBar::resetRequested, this, [this] {
        // Saving after a reset stores no weights: they are fresh random ones.
        std::vector<NamedNetwork> untrained = m_document->project().networks;
        for (NamedNetwork& network : untrained) network.spec.clearParams();
        m_document->setTrainedState(untrained, {});
        m_training->reset();
        m_scene->clearSnapshot();
        showStatus(tr("New random weights: training starts over."));
    });
    connect(m_toolBar, &TrainingToolBar::speedChanged, this,
            [this](int level) { m_training->send(&TrainingWorker::setSpeed, level); });
    connect(m_toolBar, &TrainingToolBar::ganStepModeChanged, this, [this](int mode) {
        m_training->send(&TrainingWorker::setGanStepMode, static_cast<GanSession::StepMode>(mode));
    });
    connect(m_training, &TrainingController::snapshotReady, this, &MainWindow::onSnapshot);
    connect(m_training, &TrainingController::errorOccurred, this,
            [this](const QString& message) { showStatus(message, 2 * kStatusMs); });
    connect(m_training, &TrainingController::loadingStarted, this, [this](const QString& message) {
        m_loadingStatus = message;
        showStatus(message);
    });
    connect(m_files, &ProjectFiles::statusMessage, this,
            [this](const QString& message) { showStatus(message); });
    connect(m_autosave, &AutosaveKeeper::statusMessage, this,
            [this](const QString& message) { showStatus(message); });
    connect(m_viewExport, &ViewExport::statusMessage, this,
            [this](const QString& message) { showStatus(message); });
}

void MainWindow::applyDefaultLayout() {
    // Sized for a 1366x768 projector: narrow panels, the canvas and the views share the rest.
    QDockWidget* palette = findChild<QDockWidget*>(QStringLiteral("paletteDock"));
    QDockWidget* data = findChild<QDockWidget*>(QStringLiteral("dataDock"));
    QDockWidget* training = findChild<QDockWidget*>(QStringLiteral("trainingDock"));
    QDockWidget* properties = findChild<QDockWidget*>(QStringLiteral("propertiesDock"));
    resizeDocks({palette, training}, {190, 205}, Qt::Horizontal);
    // The data panel keeps its own height; the palette takes the rest of the column.
    resizeDocks({palette, data}, {1000, data->minimumSizeHint().height()}, Qt::Vertical);
    // The training settings end with the augmentation strip: room for it above the properties.
    resizeDocks({training, properties}, {420, 210}, Qt::Vertical);
    m_centralSplitter->setSizes({500, 470});
    m_viewSplitter->setSizes({420, 240});
    sizeLessonDock();
}

void MainWindow::showLesson() {
    QDockWidget* dock = findChild<QDockWidget*>(QStringLiteral("lessonDock"));
    dock->toggleViewAction()->setEnabled(m_lesson->isLesson());
    const bool opens = m_lesson->isLesson() && dock->isHidden();
    dock->setVisible(m_lesson->isLesson());
    if (opens && isVisible()) sizeLessonDock();
}

void MainWindow::sizeLessonDock() {
    // Wide enough to read the lesson, tall enough to show its variants and steps; the training
    // settings (fewer while the lesson hides some) and the properties share the rest.
    QDockWidget* lesson = findChild<QDockWidget*>(QStringLiteral("lessonDock"));
    if (lesson->isHidden()) return;
    QDockWidget* training = findChild<QDockWidget*>(QStringLiteral("trainingDock"));
    QDockWidget* properties = findChild<QDockWidget*>(QStringLiteral("propertiesDock"));
    resizeDocks({lesson}, {std::max(250, width() * 19 / 100)}, Qt::Horizontal);
    m_centralSplitter->setSizes({550, 450});  // the canvas keeps room for a wide network
    const int settings = training->sizeHint().height();
    resizeDocks({lesson, training, properties}, {height() - settings - 100, settings, 100},
                Qt::Vertical);
}

void MainWindow::hideLessonControls(const std::vector<std::string>& names) {
    m_trainingPanel->setHiddenControls(names);
    m_dataPanel->setHiddenControls(names);
    m_scene->setHiddenControls(names);
    // The palette comes back only if the lesson hid it, not if the learner closed it.
    QDockWidget* palette = findChild<QDockWidget*>(QStringLiteral("paletteDock"));
    const bool hide = std::find(names.begin(), names.end(), "palette") != names.end();
    if (hide && !palette->isHidden()) {
        palette->hide();
        m_paletteHiddenByLesson = true;
    } else if (!hide && m_paletteHiddenByLesson) {
        palette->show();
        m_paletteHiddenByLesson = false;
    }
}

void MainWindow::showStatus(const QString& message, int timeoutMs) {
    statusBar()->showMessage(message, timeoutMs);
}

void MainWindow::showEvent(QShowEvent* event) {
    QMainWindow::showEvent(event);
    if (m_defaultLayoutPending) {
        m_defaultLayoutPending = false;
        applyDefaultLayout();
    }
}

void MainWindow::closeEvent(QCloseEvent* event) {
    if (!m_files->maybeSave()) {
        event->ignore();
        return;
    }
    m_training->send(&TrainingWorker::pause);
    m_autosave->finish();
    m_presenter->leave();  // the layout kept for next time is the window's own
    WindowSettings::save(*this);
    event->accept();
}

void MainWindow::applyTask() {
    const Project& project = m_document->project();
    const bool gan = project.task == Task::Gan;
    m_dataStack->setCurrentWidget(gan ? static_cast<QWidget*>(m_ganDataPanel) : m_dataPanel);
    m_trainingStack->setCurrentIndex(gan ? 1 : 0);
    m_toolBar->setGanMode(gan, project.gan.measureEvery);
    m_views->ganView()->setDrawingEnabled(gan && project.data.source == "points");
}

void MainWindow::updateTitle() {
    setWindowTitle(tr("%1[*] — nnplay").arg(m_files->displayName()));
    setWindowModified(m_document->isModified());
}

void MainWindow::onSnapshot(const TrainingSnapshot& snapshot) {
    if (snapshot.generation != m_generation) {
        m_generation = snapshot.generation;
        m_stopStatus.clear();          // a new session's stops are news, even in the same words
        clearStatus(m_loadingStatus);  // "Reading ..." is over once the session is there
        if (!snapshot.valid && !snapshot.stopMessage.isEmpty()) {
            showStatus(snapshot.stopMessage, 2 * kStatusMs);
        }
    }
    m_scene->setSnapshot(snapshot);
    if (snapshot.stages.gan.empty()) m_slowMotion->follow(snapshot);
    m_ganSlowMotion->follow(snapshot, m_document->project());
    m_views->setSnapshot(snapshot);
    m_trainingPanel->augmentation()->setData(snapshot.data);
    if (snapshot.running) {
        // "Trained the planned 200 epochs" is old news once training goes on.
        clearStatus(m_stopStatus);
    } else if (snapshot.valid && !snapshot.stopMessage.isEmpty() &&
               snapshot.stopMessage != m_stopStatus) {
        // Said once per stop, even when the run was too short for a snapshot of it running.
        m_stopStatus = snapshot.stopMessage;
        showStatus(m_stopStatus, 2 * kStatusMs);
    }
    m_toolBar->setRunning(snapshot.running);
    m_toolBar->setProgress(snapshot.epoch, snapshot.batches, snapshot.batchesPerEpoch);
    m_toolBar->setDiverged(snapshot.valid && snapshot.diverged, snapshot.stopMessage);
    m_toolBar->setTrainable(m_networkValid && snapshot.valid,
                            m_networkValid ? snapshot.stopMessage : m_scene->validityMessage());
    emit snapshotDrawn(snapshot);
}

void MainWindow::onValidityChanged(bool valid, const QString& message) {
    m_networkValid = valid;
    const TrainingSnapshot& last = m_training->lastSnapshot();
    const bool sessionOk = last.valid || last.generation != m_training->generation();
    m_toolBar->setTrainable(valid && sessionOk, valid ? last.stopMessage : message);
    if (!valid) {
        m_training->send(&TrainingWorker::pause);
        // The canvas keeps showing it; the status bar drops it once fixed.
        m_validityStatus = message;
        showStatus(message, 2 * kStatusMs);
    } else {
        clearStatus(m_validityStatus);
    }
}

void MainWindow::clearStatus(QString& shown) {
    if (!shown.isEmpty() && statusBar()->currentMessage() == shown) statusBar()->clearMessage();
    shown.clear();
}

void MainWindow::onNeuronHovered(int layerIndex, int unit) {
    DecisionBoundaryView* boundary = m_views->boundaryView();
    // A GAN has no view of one neuron over the plane (its canvas may show the discriminator).
    if (m_document->project().task == Task::Gan) return;
    if (layerIndex < 0) {
        boundary->showNeuron(-1, -1);
        return;
    }
    // The scene names the activation after a dense layer; the learner hovered the dense
    // layer's neuron, so name that one.
    const NetworkSpec& network = m_document->project().network();
    const auto& layers = network.layers;
    const LayerInfo* info =
        layerIndex < static_cast<int>(layers.size())
            ? LayerRegistry::builtin().find(layers[static_cast<std::size_t>(layerIndex)].type)
            : nullptr;
    const bool afterDense = info && info->isActivation && layerIndex > 0;
    const QString neuron =
        QString::fromStdString(describeLayer(network, afterDense ? layerIndex - 1 : layerIndex));
    const QString caption = afterDense ? tr("Neuron %1 of %2, after %3")
                                             .arg(unit + 1)
                                             .arg(neuron, QString::fromStdString(info->displayName))
                                       : tr("Neuron %1 of %2").arg(unit + 1).arg(neuron);
    m_views->showView(TrainingViews::View::Output);
    boundary->showNeuron(layerIndex, unit, caption);
}

}  // namespace nnplay::ui
