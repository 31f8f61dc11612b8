// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

#include "train/SnapshotRequest.h"
#include "train/TrainingSnapshot.h"

class QLabel;

namespace nnplay::ui {

class HiddenStateHeatmap;
class SeriesPredictionPlot;
class TextSampleView;

/// The Sequence tab: a sequence model run on its own predictions (SessionViews::sequence). For
/// a series the true wave with the one-step-ahead and free-running predictions
/// (SeriesPredictionPlot), for text the greedy continuation beside a sample at a chosen
/// temperature (TextSampleView); under either, a recurrent layer's hidden state and gates over
/// the same steps (HiddenStateHeatmap, the layer picked there), labelled with the characters
/// read.
/// The worker sends the sequence less often than other views, so a snapshot without one
/// leaves the last frame; a new generation starts empty.
class SequenceView : public QWidget {
    Q_OBJECT
public:
    explicit SequenceView(QWidget* parent = nullptr);

    void setSnapshot(const TrainingSnapshot& snapshot);
    /// Asks `request` for the sequence (at this view's temperature and seed) when `shown`,
    /// else for none.
    void request(SnapshotRequest& request, bool shown) const;

    /// Whether a sequence has been drawn (in this generation).
    bool hasSequence() const { return !m_sequence.empty(); }
    /// The last sequence drawn.
    const nnplay::SessionViews::SequenceViews& sequence() const { return m_sequence; }
    SeriesPredictionPlot* seriesPlot() const { return m_series; }
    TextSampleView* textView() const { return m_text; }
    HiddenStateHeatmap* heatmap() const { return m_heatmap; }
    /// The sentence above the views.
    QString summaryText() const;

    QSize sizeHint() const override { return {360, 300}; }

signals:
    /// The learner changed what the worker should send (the temperature, another sample).
    void requestChanged();

private:
    void draw();
    void showStates();

    QLabel* m_summary;
    SeriesPredictionPlot* m_series;
    TextSampleView* m_text;
    HiddenStateHeatmap* m_heatmap;
    nnplay::SessionViews::SequenceViews m_sequence;
    nnplay::DataInfo m_info;
    int m_generation = -1;
    int m_layer = -1;  // the layer the learner picked (ViewRequest::sequenceLayer)
};

}  // namespace nnplay::ui
