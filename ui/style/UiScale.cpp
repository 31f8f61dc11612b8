// SPDX-License-Identifier: GPL-3.0-or-later
#include "style/UiScale.h"

#include <QApplication>
#include <QFontInfo>
#include <algorithm>
#include <cmath>

namespace nnplay::ui {

UiScale::UiScale(QObject* parent) : QObject(parent) {}

UiScale* UiScale::instance() {
    static UiScale* scale = new UiScale(qApp);
    return scale;
}

int UiScale::scaled(int size) { return static_cast<int>(std::lround(size * factor())); }

void UiScale::setPercent(int percent) {
    percent = std::clamp(percent, kMinPercent, kMaxPercent);
    if (percent == m_percent) return;
    m_percent = percent;
    apply();
}

void UiScale::setBold(bool bold) {
    if (bold == m_bold) return;
    m_bold = bold;
    apply();
}

void UiScale::apply() {
    const bool scaling = m_percent != kMinPercent || m_bold;
    if (scaling && !m_scaling) m_baseFont = QApplication::font();
    m_scaling = scaling;
    if (!scaling) {
        QApplication::setFont(m_baseFont);
    } else {
        QFont font = m_baseFont;
        if (font.pointSizeF() > 0)
            font.setPointSizeF(font.pointSizeF() * factor());
        else
            font.setPixelSize(scaled(QFontInfo(m_baseFont).pixelSize()));
        if (m_bold) font.setWeight(QFont::DemiBold);
        QApplication::setFont(font);
    }
    // Qt posts the change to the widgets; deliver it now, so that every size has followed
    // before anyone hears of it (presenter mode restores the layout right after).
    QCoreApplication::sendPostedEvents(nullptr, QEvent::ApplicationFontChange);
    emit changed();
}

}  // namespace nnplay::ui
