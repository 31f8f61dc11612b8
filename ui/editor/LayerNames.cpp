// SPDX-License-Identifier: GPL-3.0-or-later
#include "editor/LayerNames.h"

#include <QLocale>

#include "layers/LayerRegistry.h"

namespace nnplay::ui {

QString LayerNames::of(const nnplay::LayerSpec& layer) {
    const nnplay::LayerInfo* info = nnplay::LayerRegistry::builtin().find(layer.type);
    if (!info) return QString::fromStdString(layer.type);
    const QString title = QString::fromStdString(info->displayName);
    if (!info->findSetting("units")) return title;
    return tr("%1 %2").arg(title, QLocale().toString(static_cast<int>(layer.setting("units"))));
}

QStringList LayerNames::of(const nnplay::NetworkSpec& network) {
    QStringList names;
    for (const nnplay::LayerSpec& layer : network.layers) names << of(layer);
    return names;
}

}  // namespace nnplay::ui
