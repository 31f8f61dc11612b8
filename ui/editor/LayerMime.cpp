// SPDX-License-Identifier: GPL-3.0-or-later
#include "editor/LayerMime.h"

#include <QMimeData>

#include "layers/LayerRegistry.h"

namespace nnplay::ui {

QMimeData* LayerMime::encode(const QString& layerType) {
    auto* data = new QMimeData;
    data->setData(QString::fromLatin1(kMimeType), layerType.toUtf8());
    data->setText(layerType);
    return data;
}

QString LayerMime::decode(const QMimeData* data) {
    if (!data || !data->hasFormat(QString::fromLatin1(kMimeType))) return {};
    const QString type = QString::fromUtf8(data->data(QString::fromLatin1(kMimeType)));
    if (!nnplay::LayerRegistry::builtin().find(type.toStdString())) return {};
    return type;
}

bool LayerMime::canDecode(const QMimeData* data) { return !decode(data).isEmpty(); }

}  // namespace nnplay::ui
