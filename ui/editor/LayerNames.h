// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QCoreApplication>
#include <QString>
#include <QStringList>

#include "NetworkSpec.h"

namespace nnplay::ui {

/// A layer named in a few words, as the canvas shows it (its title, and the unit count a dense
/// layer's card shows under it), for views that speak of a network's layers outside the canvas.
class LayerNames {
    Q_DECLARE_TR_FUNCTIONS(LayerNames)
public:
    /// "Dense 32", "ReLU", "Leaky ReLU"; the registry type for a type it does not know.
    static QString of(const nnplay::LayerSpec& layer);
    /// One name per layer of `network`, by spec index.
    static QStringList of(const nnplay::NetworkSpec& network);
};

}  // namespace nnplay::ui
