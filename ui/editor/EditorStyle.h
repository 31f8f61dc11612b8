// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QColor>
#include <QFont>
#include <QPalette>
#include <QRectF>
#include <QStringList>

class QPainter;

namespace nnplay::ui {

/// Colours and fonts of the network editor, derived from the palette so the canvas follows
/// light and dark themes. Only the data colours (DivergingColorMap) and the error red are fixed.
class EditorStyle {
public:
    static QColor text(const QPalette& palette) { return palette.color(QPalette::Text); }
    static QColor dimText(const QPalette& palette);
    static QColor canvas(const QPalette& palette) { return palette.color(QPalette::Base); }
    /// Background of a layer card: the canvas nudged a little towards the text colour.
    static QColor cardFill(const QPalette& palette, bool emphasised = false);
    static QColor cardBorder(const QPalette& palette);
    /// Links without trained weights, the flow line, neutral outlines.
    static QColor wire(const QPalette& palette);
    static QColor accent(const QPalette& palette) { return palette.color(QPalette::Highlight); }
    /// The red of errors, readable on the canvas.
    static QColor error(const QPalette& palette);
    /// The amber of warnings (saturated units), readable on the canvas.
    static QColor warning(const QPalette& palette);
    /// The slate of frozen layers (their lock, hatching and border), apart from the accent.
    static QColor frozen(const QPalette& palette);
    /// Gradients in slow motion: growing the weight raises the loss (red) or lowers it (teal).
    static QColor lossRises(const QPalette& palette) { return error(palette); }
    static QColor lossFalls(const QPalette& palette);
    static bool isDark(const QPalette& palette);
    /// `a` moved towards `b` by t (0..1).
    static QColor mix(const QColor& a, const QColor& b, double t);

    /// `text` broken into at most maxLines lines of `width`, the last one elided.
    /// `font` made smaller, down to minPixels, until `text` fits into `width` (a long class
    /// count or parameter count in a narrow column). Elide what still does not fit.
    static QFont fittedFont(const QFont& font, const QString& text, double width,
                            int minPixels = 12);
    /// Draws `text` centred in `rect` with `font` fitted to its width, elided if need be.
    static void drawFitted(QPainter* painter, const QRectF& rect, const QString& text,
                           const QFont& font, int minPixels = 12);

    static QStringList wrapLines(const QString& text, const QFont& font, double width,
                                 int maxLines);

    /// Fonts in pixels of the scene (see NetworkLayout for the sizes they fit into).
    static QFont titleFont();  ///< column headers, the error sentence
    static QFont labelFont();  ///< feature names, output shapes, chip names
    static QFont smallFont();  ///< details and parameter counts
};

}  // namespace nnplay::ui
