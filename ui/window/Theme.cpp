// SPDX-License-Identifier: GPL-3.0-or-later
#include "window/Theme.h"

#include <QApplication>
#include <QStyle>
#include <QStyleFactory>

namespace nnplay::ui {

namespace {

QPalette darkPalette() {
    QPalette p;
    const QColor window(0x2b, 0x2d, 0x30);
    const QColor base(0x1e, 0x1f, 0x22);
    const QColor text(0xe6, 0xe6, 0xe6);
    const QColor dim(0x8c, 0x8f, 0x94);
    const QColor highlight(0x3d, 0x8e, 0xe0);
    p.setColor(QPalette::Window, window);
    p.setColor(QPalette::WindowText, text);
    p.setColor(QPalette::Base, base);
    p.setColor(QPalette::AlternateBase, QColor(0x26, 0x28, 0x2b));
    p.setColor(QPalette::ToolTipBase, QColor(0x3a, 0x3c, 0x40));
    p.setColor(QPalette::ToolTipText, text);
    p.setColor(QPalette::PlaceholderText, dim);
    p.setColor(QPalette::Text, text);
    p.setColor(QPalette::Button, QColor(0x35, 0x37, 0x3b));
    p.setColor(QPalette::ButtonText, text);
    p.setColor(QPalette::BrightText, QColor(0xff, 0x6e, 0x6e));
    p.setColor(QPalette::Light, QColor(0x4a, 0x4c, 0x50));
    p.setColor(QPalette::Midlight, QColor(0x3e, 0x40, 0x44));
    p.setColor(QPalette::Mid, QColor(0x55, 0x57, 0x5c));
    p.setColor(QPalette::Dark, QColor(0x18, 0x19, 0x1b));
    p.setColor(QPalette::Shadow, QColor(0x0c, 0x0c, 0x0d));
    p.setColor(QPalette::Highlight, highlight);
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::Link, QColor(0x6c, 0xb0, 0xf5));
    p.setColor(QPalette::LinkVisited, QColor(0xb0, 0x8c, 0xf0));
    for (const QPalette::ColorRole role :
         {QPalette::WindowText, QPalette::Text, QPalette::ButtonText}) {
        p.setColor(QPalette::Disabled, role, dim);
    }
    p.setColor(QPalette::Disabled, QPalette::Highlight, QColor(0x50, 0x52, 0x56));
    return p;
}

}  // namespace

std::optional<Theme::Kind> Theme::parse(const QString& name) {
    const QString n = name.trimmed().toLower();
    if (n == QLatin1String("system")) return Kind::System;
    if (n == QLatin1String("light")) return Kind::Light;
    if (n == QLatin1String("dark")) return Kind::Dark;
    return std::nullopt;
}

QString Theme::name(Kind kind) {
    switch (kind) {
        case Kind::System:
            return QStringLiteral("system");
        case Kind::Light:
            return QStringLiteral("light");
        case Kind::Dark:
            return QStringLiteral("dark");
    }
    return QStringLiteral("system");
}

QPalette Theme::palette(Kind kind) {
    if (kind == Kind::Dark) return darkPalette();
    if (kind == Kind::Light) {
        if (QStyle* fusion = QStyleFactory::create(QStringLiteral("Fusion"))) {
            const QPalette p = fusion->standardPalette();
            delete fusion;
            return p;
        }
    }
    return QApplication::style() ? QApplication::style()->standardPalette() : QPalette();
}

void Theme::apply(Kind kind) {
    if (kind == Kind::System) return;
    QApplication::setStyle(QStringLiteral("Fusion"));
    QApplication::setPalette(palette(kind));
}

}  // namespace nnplay::ui
