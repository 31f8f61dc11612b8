// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

namespace nnplay::ui {

class MainWindow;

/// What the window keeps between runs in QSettings (group "MainWindow"; every key is named in
/// WindowSettings.cpp): geometry, dock layout, splitter sizes, training speed and the views'
/// options (test data, discretized output, log scale).
class WindowSettings {
public:
    /// Restores everything saved. False when no window geometry was saved (first start): the
    /// window then has to lay itself out.
    static bool restore(MainWindow& window);
    static void save(const MainWindow& window);
};

}  // namespace nnplay::ui
