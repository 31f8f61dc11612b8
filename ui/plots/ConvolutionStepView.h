// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

#include "train/ConvolutionStep.h"
#include "train/TrainingSnapshot.h"

class QTimer;

namespace nnplay::ui {

/// One filter of a convolution sliding over its input, as CNN Explainer animates it: the
/// input map with the kernel's window on it (the padding drawn as empty cells), the filter's
/// weights, their products with the window and the sum with the bias, and the output map
/// filling in position by position. Plays by itself; clicking an output cell goes there.
class ConvolutionStepView : public QWidget {
    Q_OBJECT
public:
    /// Milliseconds between positions while playing.
    static constexpr int kStepMs = 350;

    explicit ConvolutionStepView(QWidget* parent = nullptr);

    /// Explains filter `filter` of layer `layer` of the snapshot's trace; false when that
    /// layer slides no kernel.
    bool show(const TrainingSnapshot& snapshot, int layer, int filter);
    /// Output position shown (row-major index into the map).
    int position() const { return m_position; }
    void setPosition(int position);
    void setPlaying(bool playing);
    bool isPlaying() const;
    /// The step at the current position (what the sentence under the grids says).
    const nnplay::ConvolutionStep& step() const { return m_step; }
    /// The sentence: "0.31 + 0.12 + … = 0.87, plus the bias 0.05: 0.92".
    QString sumText() const;

    QSize sizeHint() const override { return {420, 320}; }

protected:
    void paintEvent(QPaintEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;

private:
    struct Geometry {
        int cell = 0;  ///< input and output cells
        int kernelCell = 0;
        QRect input, kernel, products, output, text;
    };
    Geometry geometry() const;
    void updateStep();

    TrainingSnapshot m_snapshot;
    int m_layer = -1;
    int m_filter = 0;
    int m_position = 0;
    nnplay::Shape m_inputShape;
    std::vector<float> m_input;
    nnplay::ConvolutionStep m_step;
    QTimer* m_timer;
};

}  // namespace nnplay::ui
