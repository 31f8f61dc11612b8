// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Workloads.h"

namespace nnplay::bench {

/// W2 in the window with the decision boundary drawn at 100x100: training speed as a fraction
/// of the same session headless, snapshots drawn per second, and the UI event loop's
/// 99th-percentile latency while training. Needs a QApplication.
std::vector<Figure> guiW2(double seconds);

}  // namespace nnplay::bench
