// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

class QMimeData;

namespace nnplay::ui {

/// The drag-and-drop format of a layer kind: MIME type application/x-nnplay-layer whose
/// payload is the registry type name in UTF-8 ("dense", "leaky_relu"). The palette encodes,
/// the network view decodes, the tests build the same data.
class LayerMime {
public:
    static constexpr const char* kMimeType = "application/x-nnplay-layer";

    /// New MIME data carrying a layer type (the caller, usually a QDrag, takes ownership).
    static QMimeData* encode(const QString& layerType);
    /// True when the data carries a layer type the registry knows.
    static bool canDecode(const QMimeData* data);
    /// The layer type carried by the data, or an empty string.
    static QString decode(const QMimeData* data);
};

}  // namespace nnplay::ui
