// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

#include "train/TrainingSnapshot.h"

class QLabel;
class QScrollArea;
class QSpinBox;

namespace nnplay::ui {

class TraceCanvas;

/// One test sample followed through the network, as CNN Explainer and ConvNetJS show it: a
/// choice of sample with the network's answer for it, and below (scrolling) what every layer
/// makes of it (TraceCanvas). Which sample it shows is asked of the worker through
/// ViewRequest::traceSample.
class NetworkTraceView : public QWidget {
    Q_OBJECT
public:
    explicit NetworkTraceView(QWidget* parent = nullptr);

    void setSnapshot(const TrainingSnapshot& snapshot);
    /// Index of the traced test sample among the first DataPreview::kSampleCount.
    int sample() const;
    void setSample(int sample);
    TraceCanvas* canvas() const { return m_canvas; }
    /// The line above the trace: which sample, its true answer and the network's.
    QString summaryText() const;

    QSize sizeHint() const override { return {360, 300}; }

signals:
    void sampleChanged(int sample);

private:
    void updateSummary();

    QSpinBox* m_sample;
    QLabel* m_summary;
    QScrollArea* m_scroll;
    TraceCanvas* m_canvas;
    TrainingSnapshot m_snapshot;
};

}  // namespace nnplay::ui
