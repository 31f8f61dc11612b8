// SPDX-License-Identifier: GPL-3.0-or-later
#include "window/MainWindow.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDir>
#include <QDockWidget>
#include <QFileDialog>
#include <QFileInfo>
#include <QKeySequence>
#include <QMenu>
#include <QMenuBar>
#include <QScreen>
#include <QSettings>
#include <QSplitter>
#include <QStatusBar>
#include <QTabWidget>
#include <QUndoStack>

#include "data/ResourcePath.h"
#include "document/ProjectDocument.h"
#include "editor/LayerPalette.h"
#include "editor/NetworkScene.h"
#include "editor/NetworkView.h"
#include "editor/PropertiesPanel.h"
#include "io/ProjectFile.h"
#include "layers/LayerRegistry.h"
#include "panels/DataPanel.h"
#include "panels/TrainingPanel.h"
#include "plots/ConfusionMatrixView.h"
#include "plots/DecisionBoundaryView.h"
#include "plots/LossCurveView.h"
#include "plots/SampleGridView.h"
#include "train/DocumentSync.h"
#include "train/TrainingController.h"
#include "window/RecentFilesMenu.h"
#include "window/TrainingToolBar.h"

namespace nnplay::ui {

namespace {

/// QSettings keys of the window, all in one place (group "MainWindow").
namespace Keys {
constexpr char kGroup[] = "MainWindow";
constexpr char kGeometry[] = "geometry";
constexpr char kState[] = "windowState";
constexpr char kCentralSplitter[] = "centralSplitter";
constexpr char kViewSplitter[] = "viewSplitter";
constexpr char kSpeed[] = "speed";
constexpr char kShowTestData[] = "showTestData";
constexpr char kDiscretize[] = "discretize";
constexpr char kLogScale[] = "logScale";
}  // namespace Keys

constexpr int kStatusMs = 6000;
constexpr char kFileFilter[] = "nnplay projects (*.nnplay);;All files (*)";
constexpr char kSuffix[] = "nnplay";

/// The network without its trained parameters: what an edit can change.
NetworkSpec withoutParams(NetworkSpec spec) {
    spec.clearParams();
    return spec;
}

/// CSV paths are absolute inside the document (so Save As to another folder keeps working)
/// and relative to the project file inside files.
void absolutizeCsvPath(Project& project, const QString& baseDir) {
    if (project.data.source != "csv" || project.data.path.empty()) return;
    project.data.path =
        QDir::cleanPath(QDir(baseDir).absoluteFilePath(QString::fromStdString(project.data.path)))
            .toStdString();
}

void relativizeCsvPath(Project& project, const QString& baseDir) {
    if (project.data.source != "csv" || project.data.path.empty()) return;
    project.data.path =
        QDir(baseDir).relativeFilePath(QString::fromStdString(project.data.path)).toStdString();
}

}  // namespace

MainWindow::MainWindow(QWidget* parent)
    : QMainWindow(parent),
      m_document(new ProjectDocument(this)),
      m_training(new TrainingController(this)),
      m_scene(new NetworkScene(m_document, this)),
      m_view(new NetworkView(m_scene)),
      m_palette(new LayerPalette),
      m_properties(new PropertiesPanel(m_document)),
      m_dataPanel(new DataPanel(m_document)),
      m_trainingPanel(new TrainingPanel(m_document)),
      m_toolBar(new TrainingToolBar(this)),
      m_tabs(new QTabWidget),
      m_boundary(new DecisionBoundaryView),
      m_confusion(new ConfusionMatrixView),
      m_samples(new SampleGridView),
      m_loss(new LossCurveView),
      m_sync(new DocumentSync(m_document, m_training, this)) {
    setObjectName(QStringLiteral("mainWindow"));

    addToolBar(Qt::TopToolBarArea, m_toolBar);
    buildViews();
    buildDocks();
    buildMenus();
    connectDocument();
    connectTraining();
    readSettings();

    m_training->setSpeed(m_toolBar->speed());
    m_sync->loadProject();
    onValidityChanged(m_scene->networkValid(), m_scene->validityMessage());
    updateTitle();
    // Not the palette's search field: there, Space would type instead of playing.
    m_view->setFocus();
    statusBar()->showMessage(tr("Drag layers from the palette into the network, then press "
                                "Play."),
                             kStatusMs);
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
    m_tabs->setDocumentMode(true);
    m_tabs->addTab(m_boundary, tr("Output"));
    m_tabs->addTab(m_confusion, tr("Confusion matrix"));
    m_tabs->addTab(m_samples, tr("Test samples"));
    m_tabs->setTabToolTip(0, tr("What the network answers at every point of the plane."));
    m_tabs->setTabToolTip(1, tr("Which classes the network mixes up on the test data."));
    m_tabs->setTabToolTip(2, tr("Test examples with the network's answers."));

    auto* views = new QSplitter(Qt::Vertical);
    views->setObjectName(QStringLiteral("viewSplitter"));
    views->addWidget(m_tabs);
    views->addWidget(m_loss);
    views->setStretchFactor(0, 3);
    views->setStretchFactor(1, 2);
    views->setChildrenCollapsible(false);

    auto* central = new QSplitter(Qt::Horizontal);
    central->setObjectName(QStringLiteral("centralSplitter"));
    central->addWidget(m_view);
    central->addWidget(views);
    central->setStretchFactor(0, 5);
    central->setStretchFactor(1, 4);
    central->setChildrenCollapsible(false);
    setCentralWidget(central);
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
    makeDock(tr("Data"), QStringLiteral("dataDock"), m_dataPanel, Qt::LeftDockWidgetArea);
    makeDock(tr("Training"), QStringLiteral("trainingDock"), m_trainingPanel,
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
    QAction* newAction = file->addAction(tr("&New"), this, [this] {
        if (maybeSave()) openProject(Project::defaultProject());
    });
    newAction->setShortcut(QKeySequence::New);
    QAction* open = file->addAction(tr("&Open…"), this, [this] {
        if (!maybeSave()) return;
        const QString dir = m_document->filePath().isEmpty()
                                ? QDir::homePath()
                                : QFileInfo(m_document->filePath()).absolutePath();
        const QString path =
            QFileDialog::getOpenFileName(this, tr("Open Project"), dir, tr(kFileFilter));
        if (!path.isEmpty()) openFile(path);
    });
    open->setShortcut(QKeySequence::Open);
    m_recentMenu = new RecentFilesMenu(tr("Open &Recent"), this);
    file->addMenu(m_recentMenu);
    connect(m_recentMenu, &RecentFilesMenu::fileChosen, this, [this](const QString& path) {
        if (maybeSave()) openFile(path);
    });
    m_examplesMenu = file->addMenu(tr("Open &Example"));
    file->addSeparator();
    QAction* saveAction = file->addAction(tr("&Save"), this, &MainWindow::save);
    saveAction->setShortcut(QKeySequence::Save);
    QAction* saveAsAction = file->addAction(tr("Save &As…"), this, &MainWindow::saveAs);
    saveAsAction->setShortcut(QKeySequence::SaveAs);
    file->addSeparator();
    QAction* quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);
    quit->setMenuRole(QAction::QuitRole);

    QMenu* edit = menuBar()->addMenu(tr("&Edit"));
    QAction* undo = m_document->undoStack()->createUndoAction(this, tr("&Undo"));
    undo->setShortcut(QKeySequence::Undo);
    QAction* redo = m_document->undoStack()->createRedoAction(this, tr("&Redo"));
    redo->setShortcut(QKeySequence::Redo);
    edit->addAction(undo);
    edit->addAction(redo);

    QMenu* train = menuBar()->addMenu(tr("&Train"));
    train->addAction(m_toolBar->playAction());
    train->addAction(m_toolBar->stepAction());
    train->addAction(m_toolBar->stepBatchAction());
    train->addAction(m_toolBar->resetAction());

    m_viewMenu = menuBar()->addMenu(tr("&View"));
    for (QDockWidget* dock : findChildren<QDockWidget*>()) {
        m_viewMenu->addAction(dock->toggleViewAction());
    }
    m_viewMenu->addAction(m_toolBar->toggleViewAction());

    QMenu* help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About nnplay"), this, [this] {
        ask(QMessageBox::Information, tr("About nnplay"),
            tr("nnplay %1: a neural-network playground.\n\nBuild a network from layers, "
               "press Play and watch it learn.")
                .arg(QCoreApplication::applicationVersion()),
            QMessageBox::Ok);
    });
    rebuildExamplesMenu();
}

void MainWindow::connectDocument() {
    connect(m_sync, &DocumentSync::statusMessage, this,
            [this](const QString& message) { statusBar()->showMessage(message, kStatusMs); });
    connect(m_sync, &DocumentSync::sessionReplaced, this, [this](bool freshWeights) {
        if (freshWeights) m_scene->clearSnapshot();
    });
    connect(m_document, &ProjectDocument::projectReplaced, this, &MainWindow::updateTitle);
    connect(m_document, &ProjectDocument::filePathChanged, this, &MainWindow::updateTitle);
    connect(m_document->undoStack(), &QUndoStack::cleanChanged, this, &MainWindow::updateTitle);

    connect(m_scene, &NetworkScene::layerSelected, m_properties, &PropertiesPanel::setLayer);
    connect(m_scene, &NetworkScene::validityChanged, this, &MainWindow::onValidityChanged);
    connect(m_scene, &NetworkScene::neuronHovered, this, &MainWindow::onNeuronHovered);
    connect(m_palette, &LayerPalette::layerActivated, this, [this](const QString& type) {
        // Double-click: insert before the output activation, where new layers usually go.
        const int count = static_cast<int>(m_document->project().network().layers.size());
        m_scene->insertLayerAt(std::max(0, count - 1), type);
    });
    connect(m_dataPanel, &DataPanel::importFailed, this,
            [this](const QString& message) { showError(tr("Cannot import CSV"), message); });
}

void MainWindow::connectTraining() {
    connect(m_toolBar, &TrainingToolBar::playPauseRequested, m_training,
            &TrainingController::togglePlay);
    connect(m_toolBar, &TrainingToolBar::stepEpochRequested, m_training,
            &TrainingController::stepEpoch);
    connect(m_toolBar, &TrainingToolBar::stepBatchRequested, m_training,
            &TrainingController::stepBatch);
    connect(m_toolBar, &TrainingToolBar::resetRequested, this, [this] {
        // Saving after a reset stores no weights: they are fresh random ones.
        m_document->setTrainedState(withoutParams(m_document->project().network()), {});
        m_training->reset();
        m_scene->clearSnapshot();
        statusBar()->showMessage(tr("New random weights: training starts over."), kStatusMs);
    });
    connect(m_toolBar, &TrainingToolBar::speedChanged, m_training, &TrainingController::setSpeed);
    connect(m_training, &TrainingController::snapshotReady, this, &MainWindow::onSnapshot);
    connect(m_training, &TrainingController::errorOccurred, this,
            [this](const QString& message) { statusBar()->showMessage(message, 2 * kStatusMs); });
    connect(m_tabs, &QTabWidget::currentChanged, this, &MainWindow::updateSnapshotRequest);
}

void MainWindow::readSettings() {
    QSettings settings;
    settings.beginGroup(QLatin1String(Keys::kGroup));
    const QByteArray geometry = settings.value(QLatin1String(Keys::kGeometry)).toByteArray();
    if (geometry.isEmpty() || !restoreGeometry(geometry)) {
        const QSize available = screen() ? screen()->availableSize() : QSize(1366, 768);
        resize(QSize(1366, 768).boundedTo(available));
        m_defaultLayoutPending = true;  // docks and splitters size themselves once shown
    }
    restoreState(settings.value(QLatin1String(Keys::kState)).toByteArray());
    if (auto* central = qobject_cast<QSplitter*>(centralWidget())) {
        central->restoreState(settings.value(QLatin1String(Keys::kCentralSplitter)).toByteArray());
    }
    if (auto* views = findChild<QSplitter*>(QStringLiteral("viewSplitter"))) {
        views->restoreState(settings.value(QLatin1String(Keys::kViewSplitter)).toByteArray());
    }
    m_toolBar->setSpeed(settings.value(QLatin1String(Keys::kSpeed), m_toolBar->speed()).toInt());
    m_boundary->setShowTestData(settings.value(QLatin1String(Keys::kShowTestData), false).toBool());
    m_boundary->setDiscretize(settings.value(QLatin1String(Keys::kDiscretize), false).toBool());
    m_loss->setLogScale(settings.value(QLatin1String(Keys::kLogScale), false).toBool());
    settings.endGroup();
}

void MainWindow::applyDefaultLayout() {
    // Sized for a 1366x768 projector: narrow panels, the canvas and the views share the rest.
    QDockWidget* palette = findChild<QDockWidget*>(QStringLiteral("paletteDock"));
    QDockWidget* data = findChild<QDockWidget*>(QStringLiteral("dataDock"));
    QDockWidget* training = findChild<QDockWidget*>(QStringLiteral("trainingDock"));
    QDockWidget* properties = findChild<QDockWidget*>(QStringLiteral("propertiesDock"));
    resizeDocks({palette, training}, {190, 205}, Qt::Horizontal);
    resizeDocks({palette, data}, {190, 480}, Qt::Vertical);
    resizeDocks({training, properties}, {330, 300}, Qt::Vertical);
    if (auto* central = qobject_cast<QSplitter*>(centralWidget())) central->setSizes({500, 470});
    if (auto* views = findChild<QSplitter*>(QStringLiteral("viewSplitter"))) {
        views->setSizes({420, 240});
    }
}

void MainWindow::writeSettings() const {
    QSettings settings;
    settings.beginGroup(QLatin1String(Keys::kGroup));
    settings.setValue(QLatin1String(Keys::kGeometry), saveGeometry());
    settings.setValue(QLatin1String(Keys::kState), saveState());
    if (auto* central = qobject_cast<QSplitter*>(centralWidget())) {
        settings.setValue(QLatin1String(Keys::kCentralSplitter), central->saveState());
    }
    if (auto* views = findChild<QSplitter*>(QStringLiteral("viewSplitter"))) {
        settings.setValue(QLatin1String(Keys::kViewSplitter), views->saveState());
    }
    settings.setValue(QLatin1String(Keys::kSpeed), m_toolBar->speed());
    settings.setValue(QLatin1String(Keys::kShowTestData), m_boundary->showTestData());
    settings.setValue(QLatin1String(Keys::kDiscretize), m_boundary->discretize());
    settings.setValue(QLatin1String(Keys::kLogScale), m_loss->logScale());
    settings.endGroup();
}

QMessageBox::StandardButton MainWindow::ask(QMessageBox::Icon icon, const QString& title,
                                            const QString& text,
                                            QMessageBox::StandardButtons buttons) {
    if (m_messageHook) return m_messageHook(icon, title, text, buttons);
    QMessageBox box(icon, title, text, buttons, this);
    return static_cast<QMessageBox::StandardButton>(box.exec());
}

void MainWindow::showError(const QString& title, const QString& text) {
    ask(QMessageBox::Warning, title, text, QMessageBox::Ok);
}

// ---- Files -----------------------------------------------------------------------------

bool MainWindow::openFile(const QString& path) {
    Project project;
    try {
        project = ProjectFile::load(path.toStdString());
    } catch (const std::exception& e) {
        showError(tr("Cannot open project"), QString::fromStdString(e.what()));
        return false;
    }
    const QString absolute = QFileInfo(path).absoluteFilePath();
    absolutizeCsvPath(project, QFileInfo(absolute).absolutePath());
    openProject(project, absolute);
    m_recentMenu->add(absolute);
    statusBar()->showMessage(tr("Opened %1").arg(QFileInfo(path).fileName()), kStatusMs);
    return true;
}

void MainWindow::openProject(const Project& project, const QString& filePath) {
    m_document->reset(project, filePath);
}

Project MainWindow::projectToSave() {
    m_sync->flush();
    Project project = m_document->project();
    NetworkSpec network;
    History history;
    if (m_training->fetchTrainedState(network, history) &&
        withoutParams(network) == withoutParams(project.network())) {
        project.network() = network;
        project.history = history;
        m_document->setTrainedState(network, history);
    }
    return project;
}

bool MainWindow::saveFile(const QString& path) {
    const QString absolute = QFileInfo(path).absoluteFilePath();
    Project project = projectToSave();
    relativizeCsvPath(project, QFileInfo(absolute).absolutePath());
    try {
        ProjectFile::save(absolute.toStdString(), project);
    } catch (const std::exception& e) {
        showError(tr("Cannot save project"), QString::fromStdString(e.what()));
        return false;
    }
    m_document->setFilePath(absolute);
    m_document->markSaved();
    m_recentMenu->add(absolute);
    updateTitle();
    statusBar()->showMessage(tr("Saved %1").arg(QFileInfo(absolute).fileName()), kStatusMs);
    return true;
}

bool MainWindow::save() {
    if (m_document->filePath().isEmpty()) return saveAs();
    return saveFile(m_document->filePath());
}

bool MainWindow::saveAs() {
    const QString start = m_document->filePath().isEmpty()
                              ? QDir::home().filePath(tr("untitled.nnplay"))
                              : m_document->filePath();
    QString path =
        QFileDialog::getSaveFileName(this, tr("Save Project As"), start, tr(kFileFilter));
    if (path.isEmpty()) return false;
    if (QFileInfo(path).suffix().isEmpty()) path += QLatin1Char('.') + QLatin1String(kSuffix);
    return saveFile(path);
}

bool MainWindow::maybeSave() {
    if (!m_document->isModified()) return true;
    const QString name = m_document->filePath().isEmpty()
                             ? tr("Untitled")
                             : QFileInfo(m_document->filePath()).fileName();
    const auto answer = ask(QMessageBox::Warning, tr("Unsaved changes"),
                            tr("“%1” has changes that are not saved. Save them first?").arg(name),
                            QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel);
    if (answer == QMessageBox::Save) return save();
    return answer == QMessageBox::Discard;
}

void MainWindow::showEvent(QShowEvent* event) {
    QMainWindow::showEvent(event);
    if (m_defaultLayoutPending) {
        m_defaultLayoutPending = false;
        applyDefaultLayout();
    }
}

void MainWindow::closeEvent(QCloseEvent* event) {
    if (!maybeSave()) {
        event->ignore();
        return;
    }
    m_training->pause();
    writeSettings();
    event->accept();
}

QStringList MainWindow::recentFiles() const { return m_recentMenu->files(); }

void MainWindow::rebuildExamplesMenu() {
    m_examplesMenu->clear();
    const QDir dir(QString::fromStdString(resourcePath("examples")));
    const QStringList files = dir.entryList({QStringLiteral("*.nnplay")}, QDir::Files, QDir::Name);
    for (const QString& name : files) {
        const QString path = dir.filePath(name);
        m_examplesMenu->addAction(QFileInfo(name).completeBaseName(), this, [this, path] {
            if (!maybeSave()) return;
            Project project;
            try {
                project = ProjectFile::load(path.toStdString());
            } catch (const std::exception& e) {
                showError(tr("Cannot open example"), QString::fromStdString(e.what()));
                return;
            }
            // Examples open untitled: Save asks where, the shipped file stays as it is.
            absolutizeCsvPath(project, QFileInfo(path).absolutePath());
            openProject(project);
        });
    }
    m_examplesMenu->setEnabled(!files.isEmpty());
}

void MainWindow::updateTitle() {
    const QString name = m_document->filePath().isEmpty()
                             ? tr("Untitled")
                             : QFileInfo(m_document->filePath()).fileName();
    setWindowTitle(tr("%1[*] — nnplay").arg(name));
    setWindowModified(m_document->isModified());
}

void MainWindow::onSnapshot(const TrainingSnapshot& snapshot) {
    if (snapshot.generation != m_viewsGeneration) {
        m_viewsGeneration = snapshot.generation;
        updateViewTabs(snapshot.data.get());
        if (snapshot.data && !snapshot.data->info.isPlane) {
            m_scene->setInputInfo(snapshot.data->info);
        }
        if (!snapshot.valid && !snapshot.stopMessage.isEmpty()) {
            statusBar()->showMessage(snapshot.stopMessage, 2 * kStatusMs);
        }
    }
    // Views in hidden tabs take the data too, but draw it only once they are shown.
    m_scene->setSnapshot(snapshot);
    m_boundary->setSnapshot(snapshot);
    m_loss->setSnapshot(snapshot);
    if (m_tabs->isTabVisible(1)) m_confusion->setSnapshot(snapshot);
    if (m_tabs->isTabVisible(2)) m_samples->setSnapshot(snapshot);
    const bool stoppedNow = m_wasRunning && !snapshot.running;
    m_wasRunning = snapshot.running;
    m_toolBar->setRunning(snapshot.running);
    m_toolBar->setProgress(snapshot.epoch, snapshot.batches, snapshot.batchesPerEpoch);
    m_toolBar->setTrainable(m_networkValid && snapshot.valid,
                            m_networkValid ? snapshot.stopMessage : m_scene->validityMessage());
    if (stoppedNow && !snapshot.stopMessage.isEmpty()) {
        statusBar()->showMessage(snapshot.stopMessage, 2 * kStatusMs);
    }
    emit snapshotDrawn(snapshot);
}

void MainWindow::onValidityChanged(bool valid, const QString& message) {
    m_networkValid = valid;
    const TrainingSnapshot& last = m_training->lastSnapshot();
    const bool sessionOk = last.valid || last.generation != m_training->generation();
    m_toolBar->setTrainable(valid && sessionOk, valid ? last.stopMessage : message);
    if (!valid) {
        m_training->pause();
        statusBar()->showMessage(message, 2 * kStatusMs);
    }
}

void MainWindow::onNeuronHovered(int layerIndex, int unit) {
    if (layerIndex < 0) {
        m_boundary->showNeuron(-1, -1);
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
    if (m_tabs->isTabVisible(0)) m_tabs->setCurrentWidget(m_boundary);
    m_boundary->showNeuron(layerIndex, unit, caption);
}

void MainWindow::updateViewTabs(const DataPreview* data) {
    const bool plane = !data || data->info.isPlane;
    const bool classification = !data || data->info.task == Task::Classification;
    m_tabs->setTabVisible(0, plane);
    m_tabs->setTabVisible(1, classification && data);
    m_tabs->setTabVisible(2, !plane);
    // A new kind of data starts on its most telling view: the plane, the pictures, or (for
    // a table of numbers) the confusion matrix.
    const bool images = data && data->info.imageShape.size() > 0;
    const int kind = plane ? 0 : images ? 2 : 1;
    if (kind != m_viewKind) {
        m_viewKind = kind;
        m_tabs->setCurrentIndex(m_tabs->isTabVisible(kind) ? kind : 2);
    }
    updateSnapshotRequest();
}

void MainWindow::updateSnapshotRequest() {
    // Only what depends on the tabs; the grid sizes stay as whoever set them wants.
    SnapshotRequest request = m_training->snapshotRequest();
    request.metrics = m_tabs->isTabVisible(1);
    request.samples = m_tabs->isTabVisible(2);
    m_training->setSnapshotRequest(request);
}

}  // namespace nnplay::ui
