// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QWidget>
#include <vector>

#include "train/TrainingSnapshot.h"

class QCheckBox;
class QCustomPlot;
class QCPColorMap;
class QCPColorScale;
class QCPGraph;
class QCPScatterStyle;
class QGridLayout;
class QLabel;

namespace nnplay::ui {

/// The network's output over the 2-D plane as a heatmap with the data points on top.
/// Two classes: Playground's orange - white - blue by the probability of class +1; more
/// classes: each class its own colour, paler where the network is less sure; regression: the
/// predicted value. While a neuron is hovered on the canvas, shows that neuron's activation
/// over the plane instead. Hovering the plane asks (pointHovered) for what the point makes each
/// layer give and lists it in a panel on the plot (SessionViews::probe).
class DecisionBoundaryView : public QWidget {
    Q_OBJECT
public:
    explicit DecisionBoundaryView(QWidget* parent = nullptr);

    /// Draws a snapshot's boundary grid (or the hovered neuron's thumbnail) and, when the
    /// generation changed, its data points.
    void setSnapshot(const TrainingSnapshot& snapshot);
    /// Shows the activation of `unit` of layer `layerIndex` (a spec index) instead of the
    /// output; layerIndex < 0 goes back to the output. `caption` names the neuron.
    void showNeuron(int layerIndex, int unit, const QString& caption = QString());

    void setShowTestData(bool show);
    bool showTestData() const;
    /// Colours the output by the predicted class only (no shades of confidence).
    void setDiscretize(bool discretize);
    bool discretize() const;

    /// A small plot among others (the Ensemble tab's members): no caption, check boxes, colour
    /// scale, tick or axis labels, and a smaller least size. The colours stay the full view's.
    void setCompact(bool compact);

    QCustomPlot* plot() const { return m_plot; }
    /// For tests: the value drawn at grid cell (column, row) after the last update.
    double cellValue(int column, int row) const;
    /// The sentence saying what the colours show, beside the check boxes or, when it would
    /// take more than two lines there, on a row of its own above them.
    QLabel* caption() const { return m_caption; }
    /// The hovered point's activations last received, and the panel listing them.
    const SessionViews::Probe& probe() const { return m_probe; }
    QLabel* probePanel() const { return m_probePanel; }

signals:
    /// The mouse is over point (x1, x2) of the plane (data coordinates).
    void pointHovered(float x1, float x2);
    void hoverEnded();

protected:
    void changeEvent(QEvent* event) override;
    void showEvent(QShowEvent* event) override;
    bool eventFilter(QObject* watched, QEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;

private:
    /// Puts the caption beside the check boxes or above them (see caption()).
    void placeCaption();
    enum class Kind { None, TwoClass, MultiClass, Regression, Neuron };

    void updatePoints(const DataPreview& data);
    void updateMap();
    void fillOutput(Kind kind, int size);
    void fillNeuron(int size, const std::vector<float>& values);
    void configureScale(Kind kind);
    void fitSquare();
    QCPGraph* pointGraph(std::vector<QCPGraph*>& pool, std::size_t index);
    void applyStyle();
    /// Mouse moves over the plot: the point under it, or the end of the hover.
    void hoverAt(const QPoint& position);
    void endHover();
    void updateProbePanel();

    QWidget* m_plotArea;
    QCustomPlot* m_plot;
    QCPColorMap* m_map;
    QCPColorScale* m_scale;
    QLabel* m_caption;
    QLabel* m_probePanel;
    bool m_hovering = false;
    float m_hoverX1 = 0.0f, m_hoverX2 = 0.0f;
    SessionViews::Probe m_probe;
    QCheckBox* m_testBox;
    QCheckBox* m_discretizeBox;
    QGridLayout* m_options;
    bool m_captionAbove = false;
    bool m_compact = false;
    std::vector<QCPGraph*> m_trainGraphs;
    std::vector<QCPGraph*> m_testGraphs;

    TrainingSnapshot m_snapshot;
    int m_pointsGeneration = -1;
    Kind m_kind = Kind::None;
    Kind m_scaleKind = Kind::None;
    int m_scaleClasses = 0;
    int m_neuronLayer = -1;
    int m_neuronUnit = -1;
    QString m_neuronCaption;
    /// More than the map's cells changed since the last draw (points, scale, caption).
    bool m_fullReplot = true;
};

}  // namespace nnplay::ui
