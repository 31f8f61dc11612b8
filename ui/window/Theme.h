// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QPalette>
#include <QString>
#include <optional>

namespace nnplay::ui {

/// The window's colours: the system's, or a light or dark Fusion palette forced by the
/// "theme" setting (WindowSettings) or `nnplay --theme`. Every view derives its colours from
/// the application palette, so applying a theme before the window opens is all it takes.
class Theme {
public:
    enum class Kind { System, Light, Dark };

    /// "system", "light" or "dark" (any case); nothing for other text.
    static std::optional<Kind> parse(const QString& name);
    static QString name(Kind kind);
    /// The palette a forced theme uses (System: the current style's standard palette).
    static QPalette palette(Kind kind);
    /// Light and Dark switch the application to the Fusion style with that palette; System
    /// leaves the platform's style and palette alone. Needs a QApplication.
    static void apply(Kind kind);
};

}  // namespace nnplay::ui
