// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "window/Theme.h"

namespace nnplay::ui {

class MainWindow;

/// What the window keeps between runs in QSettings (group "MainWindow"; every key is named in
/// WindowSettings.cpp): geometry, dock layout, splitter sizes, training speed and the views'
/// options (test data, discretized output, log scale), the theme and whether the welcome
/// screen shows at start.
class WindowSettings {
public:
    /// Restores everything saved. False when no window geometry was saved (first start): the
    /// window then has to lay itself out.
    static bool restore(MainWindow& window);
    static void save(const MainWindow& window);
    /// The theme the window starts with: key "theme" = system (default), light or dark.
    /// Read before the window exists (the palette must be set first); nothing writes it but
    /// the user, in the settings file.
    static Theme::Kind theme();
    /// Whether the welcome screen opens when nnplay starts without a project: key
    /// "showWelcome", true until the user unticks "Show at start".
    static bool showWelcomeAtStart();
    static void setShowWelcomeAtStart(bool show);
};

}  // namespace nnplay::ui
