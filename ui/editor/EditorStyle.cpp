// SPDX-License-Identifier: GPL-3.0-or-later
#include "editor/EditorStyle.h"

#include <QFontInfo>
#include <QFontMetricsF>
#include <QGuiApplication>
#include <QPainter>
#include <QTextLayout>

namespace nnplay::ui {

namespace {

// Pixel sizes: scene units are pixels at zoom 1, so text keeps its size relative to the items
// whatever the screen's DPI; the view's zoom then scales both together (NetworkView keeps it
// at least as large as the window's text). The weight follows the window's text (UiScale's
// bold presenter text); titles are always bold.
QFont sizedFont(int pixels, bool bold) {
    QFont font = QGuiApplication::font();
    font.setPixelSize(pixels);
    if (bold) font.setWeight(QFont::Bold);
    return font;
}

}  // namespace

QColor EditorStyle::mix(const QColor& a, const QColor& b, double t) {
    return QColor::fromRgbF(static_cast<float>(a.redF() + (b.redF() - a.redF()) * t),
                            static_cast<float>(a.greenF() + (b.greenF() - a.greenF()) * t),
                            static_cast<float>(a.blueF() + (b.blueF() - a.blueF()) * t));
}

bool EditorStyle::isDark(const QPalette& palette) { return canvas(palette).lightnessF() < 0.5; }

QColor EditorStyle::dimText(const QPalette& palette) {
    return mix(text(palette), canvas(palette), 0.3);
}

QColor EditorStyle::cardFill(const QPalette& palette, bool emphasised) {
    return mix(canvas(palette), text(palette), emphasised ? 0.09 : 0.045);
}

QColor EditorStyle::cardBorder(const QPalette& palette) {
    return mix(canvas(palette), text(palette), 0.28);
}

QColor EditorStyle::wire(const QPalette& palette) {
    return mix(canvas(palette), text(palette), 0.38);
}

QColor EditorStyle::error(const QPalette& palette) {
    return isDark(palette) ? QColor(0xff, 0x6e, 0x6e) : QColor(0xc6, 0x28, 0x28);
}

QColor EditorStyle::warning(const QPalette& palette) {
    return isDark(palette) ? QColor(0xff, 0xb7, 0x4d) : QColor(0xc7, 0x6a, 0x00);
}

QColor EditorStyle::frozen(const QPalette& palette) {
    return isDark(palette) ? QColor(0x90, 0xa4, 0xae) : QColor(0x45, 0x5a, 0x64);
}

QColor EditorStyle::lossFalls(const QPalette& palette) {
    return isDark(palette) ? QColor(0x4d, 0xd0, 0xc4) : QColor(0x00, 0x79, 0x6b);
}

QFont EditorStyle::fittedFont(const QFont& font, const QString& text, double width, int minPixels) {
    QFont fitted = font;
    int pixels = font.pixelSize() > 0 ? font.pixelSize() : QFontInfo(font).pixelSize();
    while (pixels > minPixels && QFontMetricsF(fitted).horizontalAdvance(text) > width) {
        --pixels;
        fitted.setPixelSize(pixels);
    }
    return fitted;
}

void EditorStyle::drawFitted(QPainter* painter, const QRectF& rect, const QString& text,
                             const QFont& font, int minPixels) {
    const QFont fitted = fittedFont(font, text, rect.width(), minPixels);
    painter->setFont(fitted);
    painter->drawText(rect, Qt::AlignCenter,
                      QFontMetricsF(fitted).elidedText(text, Qt::ElideRight, rect.width()));
}

QStringList EditorStyle::wrapLines(const QString& text, const QFont& font, double width,
                                   int maxLines) {
    QStringList lines;
    QTextLayout layout(text, font);
    layout.beginLayout();
    for (QTextLine line = layout.createLine(); line.isValid(); line = layout.createLine()) {
        line.setLineWidth(width);
        lines << text.mid(line.textStart(), line.textLength()).trimmed();
    }
    layout.endLayout();
    if (maxLines > 0 && lines.size() > maxLines) {
        const QString rest = lines.mid(maxLines - 1).join(QLatin1Char(' '));
        lines = lines.mid(0, maxLines - 1);
        lines << QFontMetricsF(font).elidedText(rest, Qt::ElideRight, width);
    }
    return lines;
}

QFont EditorStyle::titleFont() { return sizedFont(19, true); }
QFont EditorStyle::labelFont() { return sizedFont(17, false); }
QFont EditorStyle::smallFont() { return sizedFont(15, false); }

}  // namespace nnplay::ui
