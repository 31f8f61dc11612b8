// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QImage>
#include <QWidget>
#include <vector>

#include "train/TrainingSnapshot.h"

class QCheckBox;
class QLabel;

namespace nnplay::ui {

/// What the traced test sample's answer depends on (SessionViews::saliency, the gradient of
/// the predicted class's score before the output activation): for pictures the sample, the
/// gradient's size per pixel as a heat map (or signed, on diverging colours) and the map laid
/// over the sample; for text the window's characters shaded by how much the score depends on
/// each; for series and tables a bar per step or input. A sentence above says what it means.
class SaliencyView : public QWidget {
    Q_OBJECT
public:
    explicit SaliencyView(QWidget* parent = nullptr);

    /// Shows the snapshot's saliency (a snapshot without one keeps the last).
    void setSnapshot(const TrainingSnapshot& snapshot);
    /// Draws the gradient with its sign (diverging colours) instead of its size.
    void setSigned(bool on);
    bool isSigned() const;

    /// The sample shown (-1: none yet).
    int sample() const { return m_saliency.sample; }
    bool hasMap() const { return !m_values.empty(); }
    /// Per pixel (pictures), per step (sequences) or per input: the drawn value, the gradient's
    /// size divided by the largest (signed: the gradient divided by the largest size).
    const std::vector<float>& values() const { return m_values; }
    /// Pictures: the heat map and the overlay as drawn (one pixel per input pixel).
    const QImage& heatImage() const { return m_heat; }
    const QImage& overlayImage() const { return m_overlay; }
    QString captionText() const;

protected:
    void paintEvent(QPaintEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;

private:
    enum class Kind { None, Picture, Text, Bars };
    void rebuild();
    /// Takes the height the caption (at the current width) and the map need.
    void fitHeight();
    QString className(int klass) const;
    /// Text: the monospace font the characters are drawn in.
    QFont textFont() const;
    /// The area below the caption row where the map is painted.
    QRect drawingArea() const;

    QLabel* m_caption;
    QCheckBox* m_signedBox;
    TrainingSnapshot::Saliency m_saliency;
    std::shared_ptr<const DataPreview> m_data;
    Kind m_kind = Kind::None;
    std::vector<float> m_values;
    QImage m_picture, m_heat, m_overlay;
    /// Text: the window's characters; bars: each bar's label.
    QStringList m_labels;
};

}  // namespace nnplay::ui
