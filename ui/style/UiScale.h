// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QFont>
#include <QObject>

namespace nnplay::ui {

/// The one rule for how big things are in the window: a zoom in percent (kMinPercent ..
/// kMaxPercent, in steps of kStepPercent) and whether text is bold. It sets the application
/// font to the font the window started with, scaled by the zoom; everything else follows
/// that font: widgets inherit it, the views restyle their plots from it on
/// QEvent::FontChange (PlotStyle), NetworkView keeps the canvas labels at least as large as
/// it, and sizes that are not text (pens, icons) multiply by factor(). At 100 % and not bold
/// the application font is exactly the one it replaced.
class UiScale : public QObject {
    Q_OBJECT
public:
    static constexpr int kMinPercent = 100;
    static constexpr int kMaxPercent = 250;
    static constexpr int kStepPercent = 25;

    /// The application's one scale (created on first use, lives as long as the application).
    static UiScale* instance();

    int percent() const { return m_percent; }
    /// percent() / 100.
    static double factor() { return instance()->m_percent / 100.0; }
    /// `size` (in pixels at 100 %) at the current zoom, rounded.
    static int scaled(int size);
    bool bold() const { return m_bold; }

    /// Clamps `percent` to kMinPercent .. kMaxPercent and applies it.
    void setPercent(int percent);
    /// One step up or down, within the range.
    void zoomIn() { setPercent(m_percent + kStepPercent); }
    void zoomOut() { setPercent(m_percent - kStepPercent); }
    void setBold(bool bold);

signals:
    /// The zoom or the weight changed; the application font already has.
    void changed();

private:
    explicit UiScale(QObject* parent);
    void apply();

    int m_percent = kMinPercent;
    bool m_bold = false;
    bool m_scaling = false;  // whether m_baseFont was replaced by a scaled copy
    QFont m_baseFont;        // the application font at 100 %, while scaling
};

}  // namespace nnplay::ui
