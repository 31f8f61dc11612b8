// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QIcon>

namespace nnplay::ui {

/// nnplay's icon (resources/icons: a small network), built from PNGs rendered from the SVG at
/// 16 to 256 px so that it shows without Qt's SVG plugin. Never null.
QIcon applicationIcon();

}  // namespace nnplay::ui
