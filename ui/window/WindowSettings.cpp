// SPDX-License-Identifier: GPL-3.0-or-later
#include "window/WindowSettings.h"

#include <QSettings>
#include <QSplitter>

#include "plots/DecisionBoundaryView.h"
#include "plots/LossCurveView.h"
#include "window/MainWindow.h"
#include "window/TrainingToolBar.h"
#include "window/TrainingViews.h"

namespace nnplay::ui {

namespace {

/// The QSettings keys of the window, all in one place.
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
constexpr char kTheme[] = "theme";
constexpr char kShowWelcome[] = "showWelcome";
}  // namespace Keys

QLatin1String key(const char* name) { return QLatin1String(name); }

}  // namespace

bool WindowSettings::restore(MainWindow& window) {
    QSettings settings;
    settings.beginGroup(key(Keys::kGroup));
    const QByteArray geometry = settings.value(key(Keys::kGeometry)).toByteArray();
    const bool restored = !geometry.isEmpty() && window.restoreGeometry(geometry);
    window.restoreState(settings.value(key(Keys::kState)).toByteArray());
    window.centralSplitter()->restoreState(
        settings.value(key(Keys::kCentralSplitter)).toByteArray());
    window.viewSplitter()->restoreState(settings.value(key(Keys::kViewSplitter)).toByteArray());
    TrainingToolBar* toolBar = window.trainingToolBar();
    toolBar->setSpeed(settings.value(key(Keys::kSpeed), toolBar->speed()).toInt());
    TrainingViews* views = window.views();
    views->boundaryView()->setShowTestData(
        settings.value(key(Keys::kShowTestData), false).toBool());
    views->boundaryView()->setDiscretize(settings.value(key(Keys::kDiscretize), false).toBool());
    views->lossView()->setLogScale(settings.value(key(Keys::kLogScale), false).toBool());
    settings.endGroup();
    return restored;
}

Theme::Kind WindowSettings::theme() {
    QSettings settings;
    settings.beginGroup(key(Keys::kGroup));
    const QString name = settings.value(key(Keys::kTheme)).toString();
    settings.endGroup();
    return Theme::parse(name).value_or(Theme::Kind::System);
}

bool WindowSettings::showWelcomeAtStart() {
    QSettings settings;
    settings.beginGroup(key(Keys::kGroup));
    const bool show = settings.value(key(Keys::kShowWelcome), true).toBool();
    settings.endGroup();
    return show;
}

void WindowSettings::setShowWelcomeAtStart(bool show) {
    QSettings settings;
    settings.beginGroup(key(Keys::kGroup));
    settings.setValue(key(Keys::kShowWelcome), show);
    settings.endGroup();
}

void WindowSettings::save(const MainWindow& window) {
    QSettings settings;
    settings.beginGroup(key(Keys::kGroup));
    settings.setValue(key(Keys::kGeometry), window.saveGeometry());
    settings.setValue(key(Keys::kState), window.saveState());
    settings.setValue(key(Keys::kCentralSplitter), window.centralSplitter()->saveState());
    settings.setValue(key(Keys::kViewSplitter), window.viewSplitter()->saveState());
    settings.setValue(key(Keys::kSpeed), window.trainingToolBar()->speed());
    const TrainingViews* views = window.views();
    settings.setValue(key(Keys::kShowTestData), views->boundaryView()->showTestData());
    settings.setValue(key(Keys::kDiscretize), views->boundaryView()->discretize());
    settings.setValue(key(Keys::kLogScale), views->lossView()->logScale());
    settings.endGroup();
}

}  // namespace nnplay::ui
