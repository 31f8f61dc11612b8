// SPDX-License-Identifier: GPL-3.0-or-later
#include "window/PresenterMode.h"

#include <QAbstractSpinBox>
#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDockWidget>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QMainWindow>
#include <QMenu>
#include <QPlainTextEdit>
#include <QSplitter>
#include <QStatusBar>
#include <QTextEdit>
#include <QWheelEvent>
#include <algorithm>

#include "editor/NetworkView.h"
#include "style/UiScale.h"
#include "window/TrainingToolBar.h"

namespace nnplay::ui {

namespace {

/// Whether `widget` (or the spin box or list box it is part of) takes typed text.
bool takesTyping(const QWidget* widget) {
    for (int depth = 0; widget && depth < 2; ++depth, widget = widget->parentWidget()) {
        if (const auto* line = qobject_cast<const QLineEdit*>(widget)) return !line->isReadOnly();
        if (const auto* text = qobject_cast<const QTextEdit*>(widget)) return !text->isReadOnly();
        if (const auto* plain = qobject_cast<const QPlainTextEdit*>(widget))
            return !plain->isReadOnly();
        if (qobject_cast<const QAbstractSpinBox*>(widget)) return true;
        if (const auto* box = qobject_cast<const QComboBox*>(widget)) return box->isEditable();
    }
    return false;
}

/// One step of the wheel, in eighths of a degree (QWheelEvent::angleDelta).
constexpr int kWheelStep = 120;

}  // namespace

const QStringList PresenterMode::kPanelDocks{
    QStringLiteral("paletteDock"), QStringLiteral("propertiesDock"), QStringLiteral("dataDock"),
    QStringLiteral("trainingDock")};

PresenterMode::PresenterMode(QMainWindow* window, TrainingToolBar* toolBar)
    : QObject(window),
      m_window(window),
      m_toolBar(toolBar),
      m_toggle(new QAction(tr("&Presenter Mode"), this)),
      m_zoomIn(new QAction(tr("Zoom &In"), this)),
      m_zoomOut(new QAction(tr("Zoom &Out"), this)),
      m_zoomReset(new QAction(tr("&Actual Size"), this)),
      m_zoomLabel(new QLabel),
      m_normalPercent(UiScale::instance()->percent()) {
    m_toggle->setCheckable(true);
    m_toggle->setShortcut(QKeySequence(Qt::Key_F11));
    m_toggle->setToolTip(
        tr("Full screen with large, bold text and only the network and its views, for a class "
           "watching a projector (F11 or Esc leaves)."));
    // Ctrl+= as well, where plus needs Shift.
    m_zoomIn->setShortcuts({QKeySequence::ZoomIn, QKeySequence(Qt::CTRL | Qt::Key_Equal)});
    m_zoomOut->setShortcuts(QKeySequence::ZoomOut);
    m_zoomReset->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_0));
    for (QAction* action : {m_toggle, m_zoomIn, m_zoomOut, m_zoomReset}) {
        action->setShortcutContext(Qt::WindowShortcut);
        m_window->addAction(action);  // the keys work with the menu bar hidden, too
    }
    connect(m_toggle, &QAction::triggered, this, [this](bool on) { on ? enter() : leave(); });
    connect(m_zoomIn, &QAction::triggered, UiScale::instance(), &UiScale::zoomIn);
    connect(m_zoomOut, &QAction::triggered, UiScale::instance(), &UiScale::zoomOut);
    connect(m_zoomReset, &QAction::triggered, this,
            [] { UiScale::instance()->setPercent(UiScale::kMinPercent); });
    connect(UiScale::instance(), &UiScale::changed, this, [this] {
        showZoom();
        if (m_active) widenCanvas();
    });

    m_zoomLabel->setObjectName(QStringLiteral("zoomLabel"));
    m_zoomLabel->setToolTip(
        tr("Ctrl+plus and Ctrl+minus (or Ctrl+wheel) zoom; Ctrl+0 goes "
           "back to 100 %."));
    m_window->statusBar()->addPermanentWidget(m_zoomLabel);
    showZoom();
    qApp->installEventFilter(this);
}

PresenterMode::~PresenterMode() {
    qApp->removeEventFilter(this);
    // The zoom belongs to the window: without it, text goes back to its own size.
    UiScale::instance()->setBold(false);
    UiScale::instance()->setPercent(UiScale::kMinPercent);
}

void PresenterMode::addActions(QMenu* menu) {
    menu->addSeparator();
    menu->addAction(m_toggle);
    menu->addAction(m_zoomIn);
    menu->addAction(m_zoomOut);
    menu->addAction(m_zoomReset);
}

void PresenterMode::enter(Screen screen) {
    if (m_active) return;
    m_active = true;
    m_toggle->setChecked(true);
    m_windowState = m_window->windowState();
    m_geometry = m_window->geometry();
    m_dockState = m_window->saveState();
    m_splitterStates.clear();
    const QList<QSplitter*> splitters = m_window->centralWidget()
                                            ? m_window->centralWidget()->findChildren<QSplitter*>()
                                            : QList<QSplitter*>();
    for (const QSplitter* splitter : splitters) m_splitterStates << splitter->saveState();
    if (auto* central = qobject_cast<QSplitter*>(m_window->centralWidget()))
        m_splitterStates.prepend(central->saveState());

    m_hiddenDocks.clear();
    for (const QString& name : kPanelDocks) {
        auto* dock = m_window->findChild<QDockWidget*>(name);
        if (dock && dock->isVisible()) {
            m_hiddenDocks << dock;
            dock->hide();
        }
    }
    m_normalPercent = UiScale::instance()->percent();
    UiScale::instance()->setBold(true);
    UiScale::instance()->setPercent(m_presenterPercent);
    m_wentFullScreen = screen == Screen::FullScreen;
    if (m_wentFullScreen) m_window->setWindowState(m_windowState | Qt::WindowFullScreen);
    widenCanvas();
    m_window->statusBar()->showMessage(
        tr("Presenter mode: Space plays or pauses, Right steps, R resets, PageDown and PageUp "
           "change the variant, Esc leaves."),
        8000);
    emit activeChanged(true);
}

void PresenterMode::leave() {
    if (!m_active) return;
    m_active = false;
    m_toggle->setChecked(false);
    m_presenterPercent = UiScale::instance()->percent();
    UiScale::instance()->setPercent(m_normalPercent);
    UiScale::instance()->setBold(false);
    if (m_wentFullScreen) m_window->setWindowState(m_windowState);
    // Also without full screen: larger text may have made the window grow.
    if (!(m_windowState & (Qt::WindowMaximized | Qt::WindowFullScreen)))
        m_window->setGeometry(m_geometry);
    // Docks other than the panels stay as they are now (shown or hidden since entering).
    QList<QPair<QDockWidget*, bool>> others;
    for (QDockWidget* dock : m_window->findChildren<QDockWidget*>()) {
        if (!kPanelDocks.contains(dock->objectName())) others.append({dock, dock->isVisible()});
    }
    m_window->restoreState(m_dockState);
    for (QDockWidget* dock : m_hiddenDocks) dock->show();
    for (const auto& [dock, visible] : others) dock->setVisible(visible);
    QList<QSplitter*> splitters = m_window->centralWidget()
                                      ? m_window->centralWidget()->findChildren<QSplitter*>()
                                      : QList<QSplitter*>();
    if (auto* central = qobject_cast<QSplitter*>(m_window->centralWidget()))
        splitters.prepend(central);
    for (qsizetype i = 0; i < splitters.size() && i < m_splitterStates.size(); ++i)
        splitters[i]->restoreState(m_splitterStates[i]);
    m_window->statusBar()->clearMessage();
    emit activeChanged(false);
}

void PresenterMode::widenCanvas() {
    auto* canvas = m_window->findChild<NetworkView*>();
    if (!canvas) return;
    // The splitter the canvas sits in, and the pane that holds it.
    QWidget* pane = canvas;
    auto* splitter = qobject_cast<QSplitter*>(pane->parentWidget());
    while (pane->parentWidget() && !splitter) {
        pane = pane->parentWidget();
        splitter = qobject_cast<QSplitter*>(pane->parentWidget());
    }
    if (!splitter || splitter->orientation() != Qt::Horizontal || splitter->count() != 2) return;
    // The whole network at the readable zoom, as long as the views keep a third.
    const int index = splitter->indexOf(pane);
    QList<int> sizes = splitter->sizes();
    const int total = sizes[0] + sizes[1];
    const int wanted =
        std::min(canvas->readableWidth() + pane->width() - canvas->width(), total * 2 / 3);
    if (sizes[index] >= wanted) return;
    sizes[index] = wanted;
    sizes[1 - index] = total - wanted;
    splitter->setSizes(sizes);
}

PresenterMode::Command PresenterMode::commandFor(const QKeyEvent& key, const QWidget* focus) {
    if ((key.modifiers() & ~Qt::KeypadModifier) != Qt::NoModifier) return Command::None;
    // A clicker's keys always turn the page.
    if (key.key() == Qt::Key_PageDown) return Command::NextVariant;
    if (key.key() == Qt::Key_PageUp) return Command::PreviousVariant;
    if (takesTyping(focus)) return Command::None;
    switch (key.key()) {
        case Qt::Key_Space:
            return Command::PlayPause;
        case Qt::Key_Right:
        case Qt::Key_S:
            return Command::Step;
        case Qt::Key_R:
            return Command::Reset;
        case Qt::Key_Escape:
            return Command::Leave;
        default:
            return Command::None;
    }
}

void PresenterMode::run(Command command) {
    auto trigger = [](QAction* action) {
        if (action->isEnabled()) action->trigger();
    };
    switch (command) {
        case Command::PlayPause:
            trigger(m_toolBar->playAction());
            break;
        case Command::Step:
            trigger(m_toolBar->stepAction());
            break;
        case Command::Reset:
            trigger(m_toolBar->resetAction());
            break;
        case Command::Leave:
            leave();
            break;
        case Command::NextVariant:
            emit nextVariantRequested();
            break;
        case Command::PreviousVariant:
            emit previousVariantRequested();
            break;
        case Command::None:
            break;
    }
}

bool PresenterMode::eventFilter(QObject* watched, QEvent* event) {
    const QEvent::Type type = event->type();
    if (type != QEvent::ShortcutOverride && type != QEvent::KeyPress && type != QEvent::Wheel)
        return false;
    auto* widget = qobject_cast<QWidget*>(watched);
    if (!widget || widget->window() != m_window) return false;  // not in dialogs or menus
    if (type == QEvent::Wheel) {
        const auto* wheel = static_cast<QWheelEvent*>(event);
        if (!(wheel->modifiers() & Qt::ControlModifier)) return false;
        m_wheelAngle += wheel->angleDelta().y();
        for (; m_wheelAngle >= kWheelStep; m_wheelAngle -= kWheelStep)
            UiScale::instance()->zoomIn();
        for (; m_wheelAngle <= -kWheelStep; m_wheelAngle += kWheelStep)
            UiScale::instance()->zoomOut();
        return true;  // no view scrolls or zooms by itself with Ctrl held
    }
    if (!m_active) return false;
    const auto* key = static_cast<QKeyEvent*>(event);
    // A key the focus widget ignores comes here again for each of its parents: decide by
    // the widget that has the focus.
    const QWidget* focus = QApplication::focusWidget();
    const Command command = commandFor(*key, focus ? focus : widget);
    if (command == Command::None) return false;
    if (type == QEvent::ShortcutOverride) {
        // Accepted: no shortcut takes the key, and the key press comes here.
        event->accept();
        return true;
    }
    if (!key->isAutoRepeat() || command == Command::Step) run(command);
    return true;
}

void PresenterMode::showZoom() {
    const int percent = UiScale::instance()->percent();
    m_zoomLabel->setText(tr("Zoom %1 %").arg(percent));
    m_zoomLabel->setVisible(percent != UiScale::kMinPercent);
    m_zoomIn->setEnabled(percent < UiScale::kMaxPercent);
    m_zoomOut->setEnabled(percent > UiScale::kMinPercent);
}

}  // namespace nnplay::ui
