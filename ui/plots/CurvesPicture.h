// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <string>

#include "Types.h"
#include "train/History.h"

namespace nnplay::ui {

/// A run's curves as a picture file, drawn by the view the window shows them in: LossCurveView
/// for a supervised run, GanCurveView for a GAN's; written by PictureExport (PNG, SVG or PDF by
/// the suffix). What `nnplay-cli train --plot` calls, so scripts and handouts get the window's
/// picture without a window.
class CurvesPicture {
public:
    static constexpr int kWidth = 1200;
    static constexpr int kHeight = 800;

    /// Whether `path` names a format write() can write (.png, .svg or .pdf).
    static bool knowsFormat(const std::string& path);
    /// Draws `history` (a run of `task`; `diverged` marks its last row as the window does) at
    /// kWidth x kHeight and writes it to `path`. Uses the running QApplication, or makes one on
    /// the offscreen platform for the time it draws. Returns an empty string, or why the file
    /// could not be written.
    static std::string write(const nnplay::History& history, nnplay::Task task, bool diverged,
                             const std::string& path);
};

}  // namespace nnplay::ui
