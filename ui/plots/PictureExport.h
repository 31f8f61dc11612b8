// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QImage>
#include <QSize>
#include <QString>
#include <optional>

class QCPPainter;
class QWidget;

namespace nnplay::ui {

/// Pictures of any view: a PNG at a chosen size and scale, an SVG or a PDF whose plots stay
/// vectors, and an image on the clipboard. A view is drawn with its children in place: a
/// QCustomPlot through QCustomPlot::toPainter (lines, text and axes as vectors, a colour map
/// as an image), a QGraphicsView through its scene's render, any other widget by its own
/// paint code. A size other than the view's lays the view out at that size for the picture
/// and back again, so its plots fit their ticks and legends to the picture as they do to a
/// window. Controls (buttons, check boxes, combo and spin boxes, sliders) are left out. Files are written atomically (QSaveFile).
class PictureExport {
public:
    enum class Format { Png, Svg, Pdf };

    /// The format a file name asks for by its suffix (.png, .svg or .pdf, in any case).
    static std::optional<Format> formatOf(const QString& path);
    /// The file dialog's filter naming the three formats.
    static QString fileFilter();

    /// The view drawn at `size` (logical pixels; the view's own size when empty) on its window
    /// colour, `scale` image pixels per logical pixel: the image is size * scale pixels.
    static QImage image(QWidget* view, QSize size = {}, double scale = 1.0);
    /// Writes the view to `path` in the format its suffix names (see image() for `size` and
    /// `scale`; scale applies to PNG only). Returns an empty string, or why the file could
    /// not be written (an unknown suffix, a folder that cannot be written).
    static QString save(QWidget* view, const QString& path, QSize size = {}, double scale = 1.0);
    /// Puts the view's picture at its own size and the screen's pixel ratio on the clipboard.
    static void copyToClipboard(QWidget* view);

private:
    /// Lays `view` out at `size` while `paint` draws it, then restores its size.
    template <typename Paint>
    static void atSize(QWidget* view, QSize size, Paint paint);
    /// Draws `widget` and its visible children with their top-left corner at the painter's
    /// origin.
    static void drawTree(QWidget* widget, QWidget* root, QCPPainter& painter);
};

}  // namespace nnplay::ui
