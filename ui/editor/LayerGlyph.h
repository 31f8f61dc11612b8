// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QColor>
#include <QIcon>
#include <QRectF>
#include <string>

class QPainter;

namespace nnplay::ui {

/// A small picture of a layer kind, as its registry Glyph says: the curve of an activation,
/// dots and links for a dense layer, bars for softmax, a dotted grid for dropout, a plain box
/// otherwise and for kinds the registry does not know.
/// Used by the palette's icons and the network scene's layer chips.
class LayerGlyph {
public:
    /// Draws the glyph of `type` inside `rect` with strokes of `color`.
    static void paint(QPainter* painter, const QRectF& rect, const std::string& type,
                      const QColor& color);
    /// A square icon of the glyph (for item views), drawn at 1x and 2x.
    static QIcon icon(const std::string& type, const QColor& color);
};

}  // namespace nnplay::ui
