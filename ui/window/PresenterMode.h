// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QRect>
#include <QStringList>

class QAction;
class QDockWidget;
class QKeyEvent;
class QLabel;
class QMainWindow;
class QMenu;
class QWidget;

namespace nnplay::ui {

class TrainingToolBar;

/// Presenter mode, for a class watching a projector, and the window's zoom.
///
/// Entering goes full screen (or keeps the window's size, for scripted pictures), hides the
/// panels a class does not need (kPanelDocks; any other dock stays as it is), sets UiScale to
/// the presenter zoom (kDefaultPercent at first) with bold text, and takes these keys, from
/// whatever widget of the window has the focus unless it is a field the learner types into:
/// Space plays or pauses, Right or S steps one epoch, R resets, Escape leaves. PageDown and
/// PageUp (what presenter clickers send) emit nextVariantRequested / previousVariantRequested
/// even from a text field. Leaving restores the window's state, geometry, docks, splitters
/// and zoom exactly as they were.
///
/// The zoom (View > Zoom In / Zoom Out / Actual Size: Ctrl+plus, Ctrl+minus, Ctrl+0, and
/// Ctrl+wheel anywhere over the window) steps UiScale in and out of presenter mode; the two
/// modes keep their own zoom. The canvas's own fitted zoom (NetworkView) is not this one: it
/// keeps fitting the network to the canvas, never smaller than UiScale's text. A label in the
/// status bar says the zoom when it is not 100 %.
class PresenterMode : public QObject {
    Q_OBJECT
public:
    /// Whether entering makes the window full screen or keeps its size (--size, --screenshot).
    enum class Screen { FullScreen, KeepSize };

    /// The zoom presenter mode starts with.
    static constexpr int kDefaultPercent = 150;
    /// Object names of the docks presenter mode hides.
    static const QStringList kPanelDocks;

    /// Installs its event filter on the application; `window` and `toolBar` are not owned.
    PresenterMode(QMainWindow* window, TrainingToolBar* toolBar);
    /// Sets UiScale back to 100 % and regular text.
    ~PresenterMode() override;

    /// Presenter mode (checkable, F11), then the three zoom actions.
    void addActions(QMenu* menu);
    QAction* toggleAction() const { return m_toggle; }
    QAction* zoomInAction() const { return m_zoomIn; }
    QAction* zoomOutAction() const { return m_zoomOut; }
    QAction* zoomResetAction() const { return m_zoomReset; }
    /// "Zoom 150 %" in the status bar, hidden at 100 %.
    QLabel* zoomLabel() const { return m_zoomLabel; }

    bool isActive() const { return m_active; }
    void enter(Screen screen = Screen::FullScreen);
    void leave();

signals:
    void activeChanged(bool active);
    /// PageDown in presenter mode: show the lesson's next variant.
    void nextVariantRequested();
    /// PageUp in presenter mode: show the lesson's previous variant.
    void previousVariantRequested();

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    enum class Command { None, PlayPause, Step, Reset, Leave, NextVariant, PreviousVariant };

    /// What `key` asks for in presenter mode with `focus` holding the keyboard focus.
    static Command commandFor(const QKeyEvent& key, const QWidget* focus);
    void run(Command command);
    void showZoom();
    /// Gives the canvas (NetworkView) the width its network needs at the presenter zoom,
    /// up to two thirds of the splitter it shares with the views (on entering and on each
    /// zoom step in presenter mode).
    void widenCanvas();

    QMainWindow* m_window;
    TrainingToolBar* m_toolBar;
    QAction* m_toggle;
    QAction* m_zoomIn;
    QAction* m_zoomOut;
    QAction* m_zoomReset;
    QLabel* m_zoomLabel;
    bool m_active = false;
    int m_wheelAngle = 0;  // Ctrl+wheel turned since the last zoom step, in 1/8 degree
    int m_normalPercent;   // the zoom outside presenter mode, while in it
    int m_presenterPercent = kDefaultPercent;

    // The window as it was before entering.
    bool m_wentFullScreen = false;
    Qt::WindowStates m_windowState;
    QRect m_geometry;
    QByteArray m_dockState;
    QList<QByteArray> m_splitterStates;
    QList<QDockWidget*> m_hiddenDocks;
};

}  // namespace nnplay::ui
