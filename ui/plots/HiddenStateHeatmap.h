// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringList>
#include <QWidget>
#include <vector>

class QComboBox;
class QCustomPlot;
class QCPColorMap;
class QCPColorScale;
class QCPItemStraightLine;
class QCPItemText;
class QCPRange;
class QLabel;
class QMouseEvent;

namespace nnplay::ui {

/// A recurrent layer's hidden state, or one of its gates, over time as LSTMVis draws it: one
/// row per unit, one column per step, orange (-1) - white (0) - blue (+1) as the other views
/// colour values. Pickers above choose the layer (when there are several) and the state or a
/// gate (in the layer's gateNames order); the time axis is labelled with what each step read (the
/// characters of a text, one per column, in monospace: when they do not all fit, the plot shows as
/// many as do and drags sideways), a dashed line with "its own →" marks where the network starts
/// reading its own predictions, and hovering a cell says its unit, step and value.
class HiddenStateHeatmap : public QWidget {
    Q_OBJECT
public:
    /// One picture over time: steps x units values, step-major (SessionViews::GateTrace).
    struct Trace {
        QString name;
        std::vector<float> values;
    };

    explicit HiddenStateHeatmap(QWidget* parent = nullptr);

    /// Shows `traces` (the hidden state first, then the gates) of `layer`: units x steps each.
    /// `stepLabels` (one per step, or empty for step numbers) label the time axis, named
    /// `timeAxis`, or `shortTimeAxis` where that does not fit; from step `ownFrom` on, the
    /// layer reads the network's own predictions. Keeps the picked trace when the new traces
    /// have one of its name.
    void setTraces(const QString& layer, int units, int steps, std::vector<Trace> traces,
                   const QStringList& stepLabels, int ownFrom, const QString& timeAxis,
                   const QString& shortTimeAxis);
    /// Offers the layers named `layers` in a picker beside the title when there are several,
    /// layer `current` picked (layerPicked when the learner picks another).
    void setLayers(const QStringList& layers, int current);
    QComboBox* layerPicker() const { return m_layerPicker; }
    /// No layer to show: says `why` instead.
    void clear(const QString& why);

    QComboBox* picker() const { return m_picker; }
    /// The names the picker offers, in order.
    QStringList traceNames() const;
    /// The trace drawn now; "" when none.
    QString shownTrace() const;
    /// Picks the trace named `name`; false when there is none of that name.
    bool showTrace(const QString& name);
    QCustomPlot* plot() const { return m_plot; }
    QCPColorMap* map() const { return m_map; }
    int units() const { return m_units; }
    int steps() const { return m_steps; }
    /// The label of the time axis's tick at `step`, "" when it has none (labels are thinned
    /// to the width).
    QString tickLabel(int step) const;
    /// What hovering cell (unit, step) says.
    QString cellText(int unit, int step) const;
    /// Whether the steps do not all fit, so the plot shows some and drags sideways.
    bool scrolls() const { return m_shownSteps < m_steps; }
    /// The first and last step the time axis shows now.
    int firstShownStep() const;
    int lastShownStep() const;

signals:
    /// The learner picked layer `index` of those setLayers offered.
    void layerPicked(int index);

protected:
    void changeEvent(QEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;

private:
    void drawPicked();
    /// As many steps as fit at a readable width, with time-axis ticks as far apart as their
    /// labels need, the longest time-axis label that fits and as many unit labels as fit.
    void fitToSize();
    /// Keeps a dragged time axis within the steps.
    void keepInSteps(const QCPRange& range);
    void onMouseMove(QMouseEvent* event);
    void applyStyle();

    QLabel* m_title;
    QComboBox* m_layerPicker;
    QComboBox* m_picker;
    QCustomPlot* m_plot;
    QCPColorMap* m_map;
    QCPColorScale* m_scale;
    QCPItemStraightLine* m_ownLine;
    QCPItemText* m_ownText;
    std::vector<Trace> m_traces;
    QStringList m_stepLabels;
    QString m_layer;
    QString m_timeAxis, m_shortTimeAxis;  // the time axis's label, and where it is narrow
    int m_units = 0;
    int m_steps = 0;
    int m_ownFrom = 0;
    int m_shownSteps = 0;    // how many steps the time axis shows at once
    int m_fittedWidth = -1;  // the axis rect's width fitToSize() fitted
};

}  // namespace nnplay::ui
