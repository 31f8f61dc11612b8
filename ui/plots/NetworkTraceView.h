// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

#include "train/TrainingSnapshot.h"

class QLabel;
class QPushButton;
class QScrollArea;
class QSpinBox;
class QStackedWidget;

namespace nnplay::ui {

class ConvolutionStepView;
class SaliencyView;
class TraceCanvas;

/// One test sample followed through the network, as CNN Explainer and ConvNetJS show it: a
/// choice of sample with the network's answer for it, and below (scrolling) what every layer
/// makes of it (TraceCanvas), with what the answer depends on above (SaliencyView). Which
/// sample it shows is asked of the worker through ViewRequest::traceSample and
/// saliencySample.
class NetworkTraceView : public QWidget {
    Q_OBJECT
public:
    explicit NetworkTraceView(QWidget* parent = nullptr);

    void setSnapshot(const TrainingSnapshot& snapshot);
    /// Index of the traced test sample among the first DataPreview::kSampleCount.
    int sample() const;
    void setSample(int sample);
    TraceCanvas* canvas() const { return m_canvas; }
    SaliencyView* saliencyView() const { return m_saliency; }
    ConvolutionStepView* stepView() const { return m_step; }
    /// Shows filter `filter` of layer `layer` sliding over its input, playing; false when the
    /// layer slides no kernel. showAllLayers() goes back.
    bool explainConvolution(int layer, int filter);
    void showAllLayers();
    bool explainsConvolution() const;
    /// The line above the trace: which sample, its true answer and the network's.
    QString summaryText() const;

    QSize sizeHint() const override { return {360, 300}; }

signals:
    void sampleChanged(int sample);

private:
    void updateSummary();

    QSpinBox* m_sample;
    QLabel* m_summary;
    SaliencyView* m_saliency;
    QStackedWidget* m_pages;
    QScrollArea* m_scroll;
    TraceCanvas* m_canvas;
    QWidget* m_explainer;
    QLabel* m_explainerTitle;
    QPushButton* m_playStep;
    ConvolutionStepView* m_step;
    int m_explainedLayer = -1;
    int m_explainedFilter = 0;
    TrainingSnapshot m_snapshot;
};

}  // namespace nnplay::ui
