// SPDX-License-Identifier: GPL-3.0-or-later
#include "plots/DecisionBoundaryView.h"

#include <qcustomplot.h>

#include <QCheckBox>
#include <QCoreApplication>
#include <QEvent>
#include <QGridLayout>
#include <QLabel>
#include <QMouseEvent>
#include <QVBoxLayout>
#include <algorithm>
#include <cmath>
#include <iterator>

#include "data/PlaneGenerators.h"
#include "plots/PlotFit.h"
#include "plots/PlotStyle.h"
#include "style/UiScale.h"
#include "train/OutputReading.h"
#include "train/TrainingSnapshot.h"

namespace nnplay::ui {

namespace {

constexpr double kExtent = nnplay::kPlaneExtent;
/// Regression points are coloured in this many steps of their target value.
constexpr int kRegressionBins = 9;
constexpr double kPointSize = 6.5;

/// Data of groups of people: each group's marker, and what the caption calls it.
struct GroupMarker {
    QCPScatterStyle::ScatterShape shape;
    double size;  ///< a triangle drawn a little larger looks as heavy as a circle
    const char* plural;
};
constexpr GroupMarker kGroupMarkers[] = {
    {QCPScatterStyle::ssCircle, kPointSize, QT_TRANSLATE_NOOP("DecisionBoundaryView", "circles")},
    {QCPScatterStyle::ssTriangle, kPointSize + 2.5,
     QT_TRANSLATE_NOOP("DecisionBoundaryView", "triangles")},
    {QCPScatterStyle::ssSquare, kPointSize, QT_TRANSLATE_NOOP("DecisionBoundaryView", "squares")},
    {QCPScatterStyle::ssDiamond, kPointSize + 1.5,
     QT_TRANSLATE_NOOP("DecisionBoundaryView", "diamonds")},
};
constexpr int kGroupMarkerCount = static_cast<int>(std::size(kGroupMarkers));
/// How strong the heatmap's colours are next to the points' (1: the same).
constexpr double kMapStrength = 0.7;

/// A data point of `color` and `shape` (a group's marker): a training point outlined in white,
/// a test point in black, both as large as UiScale's zoom makes them.
QCPScatterStyle pointStyle(const QColor& color, bool test, QCPScatterStyle::ScatterShape shape) {
    const QPen outline =
        test ? PlotStyle::pen(QColor(20, 20, 20), 1.4) : PlotStyle::pen(Qt::white, 1.0);
    double size = kPointSize;
    for (const GroupMarker& marker : kGroupMarkers)
        if (marker.shape == shape) size = marker.size;
    return QCPScatterStyle(shape, outline, QBrush(color), size * UiScale::factor());
}

/// "; circles: group A, triangles: group B" for data of groups of people.
QString groupLegend(const std::vector<std::string>& names) {
    QStringList parts;
    for (std::size_t g = 0; g < names.size() && g < std::size(kGroupMarkers); ++g) {
        parts << QCoreApplication::translate("DecisionBoundaryView", "%1: group %2")
                     .arg(QCoreApplication::translate("DecisionBoundaryView",
                                                      kGroupMarkers[g].plural),
                          QString::fromStdString(names[g]));
    }
    return QStringLiteral("; ") + parts.join(QStringLiteral(", "));
}

}  // namespace

DecisionBoundaryView::DecisionBoundaryView(QWidget* parent)
    : QWidget(parent),
      m_plotArea(new QWidget(this)),
      m_plot(new QCustomPlot(m_plotArea)),
      m_caption(new QLabel(this)),
      m_probePanel(new QLabel(m_plot)),
      m_testBox(new QCheckBox(tr("Test data"), this)),
      m_discretizeBox(new QCheckBox(tr("Discretize"), this)) {
    m_testBox->setToolTip(
        tr("Also draw the test points (black outline), which the network never trains on."));
    m_discretizeBox->setToolTip(
        tr("Colour each spot by the class the network picks, hiding how sure it is."));
    m_caption->setToolTip(tr("What the background colours show."));
    m_caption->setWordWrap(true);
    m_caption->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);

    m_options = new QGridLayout;
    m_options->setColumnStretch(0, 1);
    m_options->addWidget(m_caption, 0, 0);
    m_options->addWidget(m_testBox, 0, 1);
    m_options->addWidget(m_discretizeBox, 0, 2);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(m_options);
    layout->addWidget(m_plotArea, 1);
    // The plot is placed by hand inside m_plotArea so that the plane is drawn square.
    m_plotArea->installEventFilter(this);
    m_plot->setMouseTracking(true);
    m_plot->installEventFilter(this);
    m_probePanel->setObjectName(QStringLiteral("probePanel"));
    m_probePanel->setAutoFillBackground(true);
    m_probePanel->setMargin(6);
    m_probePanel->setAttribute(Qt::WA_TransparentForMouseEvents);
    m_probePanel->hide();
    m_plotArea->setMinimumSize(200, 180);
    m_plot->setNotAntialiasedElements(QCP::aeNone);
    m_plot->xAxis->setLabel(QStringLiteral("x1"));
    m_plot->yAxis->setLabel(QStringLiteral("x2"));
    m_plot->xAxis->setRange(-kExtent, kExtent);
    m_plot->yAxis->setRange(-kExtent, kExtent);
    m_plot->xAxis->grid()->setVisible(false);
    m_plot->yAxis->grid()->setVisible(false);

    // The heatmap changes with every snapshot, the points and axes only with new data: the map
    // gets a paint buffer of its own, so a new snapshot redraws the map alone (see updateMap).
    m_plot->addLayer(QStringLiteral("heatmap"), m_plot->layer(QStringLiteral("main")),
                     QCustomPlot::limBelow);
    QCPLayer* heatmapLayer = m_plot->layer(QStringLiteral("heatmap"));
    heatmapLayer->setMode(QCPLayer::lmBuffered);
    m_map = new QCPColorMap(m_plot->xAxis, m_plot->yAxis);
    m_map->setLayer(heatmapLayer);
    m_map->setInterpolate(true);
    m_map->setTightBoundary(false);
    m_map->data()->setRange(QCPRange(-kExtent, kExtent), QCPRange(-kExtent, kExtent));

    m_scale = new QCPColorScale(m_plot);
    m_scale->setType(QCPAxis::atRight);
    m_scale->setBarWidth(12);
    m_plot->plotLayout()->addElement(0, 1, m_scale);
    m_map->setColorScale(m_scale);
    auto* margins = new QCPMarginGroup(m_plot);
    m_plot->axisRect()->setMarginGroup(QCP::msBottom | QCP::msTop, margins);
    m_scale->setMarginGroup(QCP::msBottom | QCP::msTop, margins);

    connect(m_plot, &QCustomPlot::afterLayout, this, &DecisionBoundaryView::fitSquare,
            Qt::QueuedConnection);
    connect(m_testBox, &QCheckBox::toggled, this, &DecisionBoundaryView::setShowTestData);
    connect(m_discretizeBox, &QCheckBox::toggled, this, &DecisionBoundaryView::setDiscretize);
    applyStyle();
    updateMap();
}

void DecisionBoundaryView::setCompact(bool compact) {
    if (compact == m_compact) return;
    m_compact = compact;
    for (QWidget* option : {static_cast<QWidget*>(m_caption), static_cast<QWidget*>(m_testBox),
                            static_cast<QWidget*>(m_discretizeBox)})
        option->setVisible(!compact);
    if (compact) {
        m_plot->plotLayout()->take(m_scale);
        m_plot->plotLayout()->simplify();
        m_scale->setVisible(false);
    } else {
        m_plot->plotLayout()->addElement(0, 1, m_scale);
    }
    m_plot->xAxis->setTickLabels(!compact);
    m_plot->yAxis->setTickLabels(!compact);
    m_plot->xAxis->setLabel(compact ? QString() : QStringLiteral("x1"));
    m_plot->yAxis->setLabel(compact ? QString() : QStringLiteral("x2"));
    m_plotArea->setMinimumSize(compact ? QSize(90, 90) : QSize(200, 180));
    m_fullReplot = true;
    updateMap();
}

void DecisionBoundaryView::resizeEvent(QResizeEvent* event) {
    QWidget::resizeEvent(event);
    placeCaption();
}

void DecisionBoundaryView::placeCaption() {
    const int spacing = m_options->horizontalSpacing() > 0 ? m_options->horizontalSpacing() : 6;
    const int beside =
        width() - m_testBox->sizeHint().width() - m_discretizeBox->sizeHint().width() - 2 * spacing;
    const bool above = beside <= 0 || m_caption->heightForWidth(beside) >
                                          2 * m_caption->fontMetrics().lineSpacing();
    if (above == m_captionAbove) return;
    m_captionAbove = above;
    m_options->removeWidget(m_caption);
    if (above)
        m_options->addWidget(m_caption, 1, 0, 1, 3);
    else
        m_options->addWidget(m_caption, 0, 0);
    // Above: the caption goes on the first row, the check boxes below it, on the right.
    m_options->removeWidget(m_testBox);
    m_options->removeWidget(m_discretizeBox);
    m_options->addWidget(m_testBox, above ? 2 : 0, 1);
    m_options->addWidget(m_discretizeBox, above ? 2 : 0, 2);
}

void DecisionBoundaryView::setSnapshot(const TrainingSnapshot& snapshot) {
    // Only what the map needs.
    m_snapshot.generation = snapshot.generation;
    m_snapshot.data = snapshot.data;
    m_snapshot.gridSize = snapshot.gridSize;
    m_snapshot.boundary = snapshot.boundary;
    m_snapshot.thumbnailSize = snapshot.thumbnailSize;
    m_snapshot.thumbnails = snapshot.thumbnails;
    // A probe of the point under the mouse (an older one is on its way out).
    if (snapshot.probe.valid && m_hovering && std::abs(snapshot.probe.x1 - m_hoverX1) < 1e-4f &&
        std::abs(snapshot.probe.x2 - m_hoverX2) < 1e-4f) {
        m_probe = snapshot.probe;
        updateProbePanel();
    }
    if (snapshot.data && snapshot.generation != m_pointsGeneration) {
        m_pointsGeneration = snapshot.generation;
        updatePoints(*snapshot.data);
        m_fullReplot = true;
    }
    updateMap();
}

void DecisionBoundaryView::showNeuron(int layerIndex, int unit, const QString& caption) {
    m_neuronLayer = layerIndex;
    m_neuronUnit = unit;
    m_neuronCaption = caption;
    updateMap();
}

void DecisionBoundaryView::setShowTestData(bool show) {
    if (m_testBox->isChecked() != show) m_testBox->setChecked(show);
    for (QCPGraph* graph : m_testGraphs) graph->setVisible(show && !graph->data()->isEmpty());
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

bool DecisionBoundaryView::showTestData() const { return m_testBox->isChecked(); }

void DecisionBoundaryView::setDiscretize(bool discretize) {
    if (m_discretizeBox->isChecked() != discretize) m_discretizeBox->setChecked(discretize);
    updateMap();
}

bool DecisionBoundaryView::discretize() const { return m_discretizeBox->isChecked(); }

double DecisionBoundaryView::cellValue(int column, int row) const {
    return m_map->data()->cell(column, row);
}

void DecisionBoundaryView::showEvent(QShowEvent* event) {
    QWidget::showEvent(event);
    // Updates made while hidden are drawn now, before the first paint.
    m_fullReplot = false;
    m_plot->replot(QCustomPlot::rpQueuedRefresh);
}

void DecisionBoundaryView::changeEvent(QEvent* event) {
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::FontChange) applyStyle();
    QWidget::changeEvent(event);
}

void DecisionBoundaryView::applyStyle() {
    PlotStyle::apply(m_plot, palette());
    PlotStyle::apply(m_scale, palette());
    for (const bool test : {false, true}) {
        for (QCPGraph* graph : test ? m_testGraphs : m_trainGraphs)
            graph->setScatterStyle(pointStyle(graph->scatterStyle().brush().color(), test,
                                              graph->scatterStyle().shape()));
    }
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

QCPGraph* DecisionBoundaryView::pointGraph(std::vector<QCPGraph*>& pool, std::size_t index) {
    while (pool.size() <= index) {
        QCPGraph* graph = m_plot->addGraph();
        graph->setLineStyle(QCPGraph::lsNone);
        graph->setAdaptiveSampling(false);
        graph->setSelectable(QCP::stNone);
        pool.push_back(graph);
    }
    return pool[index];
}

void DecisionBoundaryView::updatePoints(const DataPreview& data) {
    for (QCPGraph* graph : m_trainGraphs) graph->data()->clear();
    for (QCPGraph* graph : m_testGraphs) graph->data()->clear();
    if (!data.info.isPlane) {
        setShowTestData(showTestData());
        return;
    }
    const bool regression = data.info.task == Task::Regression;
    const int groups = regression ? kRegressionBins : std::max(1, data.info.classCount());

    // Which group (class, or target bin) a sample falls in, and that group's colour.
    auto groupOf = [&](const std::vector<int>& labels, const Matrix& targets, Eigen::Index i) {
        if (!regression) return labels.empty() ? 0 : labels[static_cast<std::size_t>(i)];
        const double t = targets.size() > 0 ? std::clamp<double>(targets(0, i), -1.0, 1.0) : 0.0;
        return std::clamp(static_cast<int>(std::lround((t + 1.0) / 2.0 * (groups - 1))), 0,
                          groups - 1);
    };
    auto colorOf = [&](int group) {
        if (!regression) {
            return groups == 2
                       ? (group == 0 ? PlotStyle::negativeColor() : PlotStyle::positiveColor())
                       : PlotStyle::classColor(group);
        }
        return QColor::fromRgba(
            PlotStyle::divergingGradient().color(double(group) / (groups - 1), QCPRange(0, 1)));
    };

    // Data of groups of people: one graph per group and class, each group its own marker.
    const int people = regression ? 1 : std::clamp(data.info.groupCount(), 1, kGroupMarkerCount);
    auto fill = [&](std::vector<QCPGraph*>& pool, const Matrix& points,
                    const std::vector<int>& labels, const std::vector<int>& personGroups,
                    const Matrix& targets, bool test) {
        const auto graphs = static_cast<std::size_t>(people * groups);
        std::vector<QVector<double>> xs(graphs), ys(graphs);
        for (Eigen::Index i = 0; i < points.cols(); ++i) {
            const int g = std::clamp(groupOf(labels, targets, i), 0, groups - 1);
            const int person =
                people > 1 && static_cast<std::size_t>(i) < personGroups.size()
                    ? std::clamp(personGroups[static_cast<std::size_t>(i)], 0, people - 1)
                    : 0;
            const auto index = static_cast<std::size_t>(person * groups + g);
            xs[index].push_back(points(0, i));
            ys[index].push_back(points(1, i));
        }
        for (std::size_t index = 0; index < graphs; ++index) {
            const int g = static_cast<int>(index) % groups;
            const GroupMarker& marker = kGroupMarkers[static_cast<int>(index) / groups];
            QCPGraph* graph = pointGraph(pool, index);
            const QColor color = colorOf(g);
            graph->setScatterStyle(
                pointStyle(color, test, people > 1 ? marker.shape : QCPScatterStyle::ssCircle));
            graph->setData(xs[index], ys[index], true);
            if (!regression && g < static_cast<int>(data.info.classNames.size())) {
                QString name =
                    QString::fromStdString(data.info.classNames[static_cast<std::size_t>(g)]);
                if (people > 1) {
                    name = tr("%1, group %2")
                               .arg(name,
                                    QString::fromStdString(data.info.groupNames[index / groups]));
                }
                graph->setName(name);
            }
            graph->setVisible(!test || showTestData());
        }
        // Graphs left from data with more groups draw nothing now.
        for (std::size_t index = graphs; index < pool.size(); ++index) pool[index]->data()->clear();
    };
    fill(m_trainGraphs, data.trainPoints, data.trainLabels, data.trainGroups, data.trainTargets,
         false);
    fill(m_testGraphs, data.testPoints, data.testLabels, data.testGroups, data.testTargets, true);
    // Test points sit on top of training points; both above the heatmap.
    for (QCPGraph* graph : m_testGraphs)
        graph->setVisible(showTestData() && !graph->data()->isEmpty());
    for (QCPGraph* graph : m_trainGraphs) graph->setVisible(!graph->data()->isEmpty());
}

void DecisionBoundaryView::updateMap() {
    const TrainingSnapshot& s = m_snapshot;
    // What else than the map's cells an update can change: then the whole plot is redrawn.
    const Kind kindBefore = m_kind;
    const bool visibleBefore = m_map->visible();
    const QCPRange rangeBefore = m_map->dataRange();
    const QString labelBefore = m_scale->axis()->label();
    Kind kind = Kind::None;
    if (m_neuronLayer >= 0) {
        const auto layer = static_cast<std::size_t>(m_neuronLayer);
        const auto unit = static_cast<std::size_t>(std::max(m_neuronUnit, 0));
        if (layer < s.thumbnails.size() && unit < s.thumbnails[layer].size() &&
            s.thumbnailSize > 1) {
            kind = Kind::Neuron;
            fillNeuron(s.thumbnailSize, s.thumbnails[layer][unit]);
        }
    }
    if (kind == Kind::None && s.data && s.data->info.isPlane && s.gridSize > 1 &&
        !s.boundary.empty()) {
        if (s.data->info.task == Task::Regression) {
            kind = Kind::Regression;
        } else if (s.boundary.size() <= 2) {
            kind = Kind::TwoClass;
        } else {
            kind = Kind::MultiClass;
        }
        fillOutput(kind, s.gridSize);
    }
    m_kind = kind;
    m_map->setVisible(kind != Kind::None);
    m_scale->setVisible(kind != Kind::None && !m_compact);
    configureScale(kind);

    QString caption;
    switch (kind) {
        case Kind::None:
            caption = s.data && !s.data->info.isPlane
                          ? tr("This data is not 2-D: see the confusion matrix and samples.")
                          : tr("No output yet.");
            break;
        case Kind::Neuron:
            caption = m_neuronCaption.isEmpty() ? tr("Activation of the hovered neuron")
                                                : m_neuronCaption;
            break;
        case Kind::TwoClass:
        case Kind::MultiClass:
            caption = tr("Output: the class the network predicts at each point");
            if (s.data->info.groupCount() > 1) caption += groupLegend(s.data->info.groupNames);
            break;
        case Kind::Regression:
            caption = tr("Output: the value the network predicts at each point");
            break;
    }
    m_caption->setText(caption);
    placeCaption();
    const bool onlyCells = kind == kindBefore && m_map->visible() == visibleBefore &&
                           m_map->dataRange() == rangeBefore &&
                           m_scale->axis()->label() == labelBefore;
    if (!onlyCells) m_fullReplot = true;
    if (!m_plot->isVisible()) return;  // in a hidden tab: showEvent() draws it
    if (!m_fullReplot) {
        // Only the map's own paint buffer (QCustomPlot replots all when the buffers are new).
        m_map->layer()->replot();
    } else {
        m_fullReplot = false;
        m_plot->replot(QCustomPlot::rpQueuedReplot);
    }
}

void DecisionBoundaryView::fillOutput(Kind kind, int size) {
    const TrainingSnapshot& s = m_snapshot;
    QCPColorMapData* data = m_map->data();
    if (data->keySize() != size || data->valueSize() != size) {
        data->setSize(size, size);
        data->setRange(QCPRange(-kExtent, kExtent), QCPRange(-kExtent, kExtent));
    }
    const bool discrete = discretize();
    const int classes = static_cast<int>(s.boundary.size());
    // Two classes: the probability of class 1, from the single output or the second unit.
    const OutputReading reading(s.data->outputKind, classes);
    for (int row = 0; row < size; ++row) {
        for (int col = 0; col < size; ++col) {
            const auto i = static_cast<std::size_t>(row) * size + col;
            double v = 0.0;
            if (kind == Kind::TwoClass) {
                v = reading.unitProbability(s.boundary[static_cast<std::size_t>(classes - 1)][i]);
                if (discrete) v = v >= 0.5 ? 1.0 : 0.0;
            } else if (kind == Kind::MultiClass) {
                int best = 0;
                for (int k = 1; k < classes; ++k) {
                    if (s.boundary[static_cast<std::size_t>(k)][i] >
                        s.boundary[static_cast<std::size_t>(best)][i]) {
                        best = k;
                    }
                }
                const double p =
                    reading.unitProbability(s.boundary[static_cast<std::size_t>(best)][i]);
                const double chance = 1.0 / classes;
                double confidence = std::clamp((p - chance) / (1.0 - chance), 0.0, 1.0);
                if (discrete) confidence = 1.0;
                // Class k owns [k, k+1) / classes; the shade inside says how sure.
                v = (best + 0.02 + 0.96 * confidence) / classes;
            } else {
                v = s.boundary[0][i];
                if (discrete) v = v >= 0.0 ? 1.0 : -1.0;
            }
            data->setCell(col, row, v);
        }
    }
    m_map->setInterpolate(!discrete);
}

void DecisionBoundaryView::fillNeuron(int size, const std::vector<float>& values) {
    QCPColorMapData* data = m_map->data();
    if (data->keySize() != size || data->valueSize() != size) {
        data->setSize(size, size);
        data->setRange(QCPRange(-kExtent, kExtent), QCPRange(-kExtent, kExtent));
    }
    double extent = 1e-6;
    for (float v : values) extent = std::max(extent, std::abs(static_cast<double>(v)));
    for (int row = 0; row < size; ++row) {
        for (int col = 0; col < size; ++col) {
            data->setCell(col, row, values[static_cast<std::size_t>(row) * size + col]);
        }
    }
    m_map->setInterpolate(true);
    // Symmetric around zero so white always means "zero"; a tanh or sigmoid unit fills
    // [-1, 1] at most, a ReLU unit its own largest value.
    m_map->setDataRange(QCPRange(-extent, extent));
}

void DecisionBoundaryView::configureScale(Kind kind) {
    const int classes = static_cast<int>(m_snapshot.boundary.size());
    if (kind == Kind::MultiClass && (m_scaleKind != kind || m_scaleClasses != classes)) {
        QCPColorGradient gradient;
        gradient.clearColorStops();
        for (int k = 0; k < classes; ++k) {
            const QColor color = PlotStyle::classColor(k);
            gradient.setColorStopAt((k + 0.001) / classes, PlotStyle::tint(color, 0.12));
            gradient.setColorStopAt((k + 0.999) / classes, PlotStyle::tint(color, kMapStrength));
        }
        gradient.setLevelCount(std::min(1024, 96 * classes));
        m_map->setGradient(gradient);
        auto ticker = QSharedPointer<QCPAxisTickerText>::create();
        const auto& names = m_snapshot.data->info.classNames;
        for (int k = 0; k < classes; ++k) {
            const QString name = k < static_cast<int>(names.size())
                                     ? QString::fromStdString(names[static_cast<std::size_t>(k)])
                                     : QString::number(k);
            ticker->addTick((k + 0.5) / classes, name);
        }
        m_scale->axis()->setTicker(ticker);
        m_scale->axis()->setLabel(tr("Predicted class (paler: less sure)"));
    } else if (kind != Kind::MultiClass && kind != Kind::None && m_scaleKind != kind) {
        m_map->setGradient(PlotStyle::divergingGradient(kMapStrength));
        m_scale->axis()->setTicker(QSharedPointer<QCPAxisTicker>::create());
    }
    switch (kind) {
        case Kind::TwoClass: {
            m_map->setDataRange(QCPRange(0.0, 1.0));
            const auto& names = m_snapshot.data->info.classNames;
            m_scale->axis()->setLabel(
                names.size() == 2
                    ? tr("Probability of class %1").arg(QString::fromStdString(names[1]))
                    : tr("Probability"));
            break;
        }
        case Kind::MultiClass:
            m_map->setDataRange(QCPRange(0.0, 1.0));
            break;
        case Kind::Regression:
            m_map->setDataRange(QCPRange(-1.0, 1.0));
            m_scale->axis()->setLabel(tr("Predicted value"));
            break;
        case Kind::Neuron:
            m_scale->axis()->setLabel(tr("Activation"));
            break;
        case Kind::None:
            break;
    }
    m_scaleKind = kind;
    m_scaleClasses = classes;
}

bool DecisionBoundaryView::eventFilter(QObject* watched, QEvent* event) {
    if (watched == m_plotArea && event->type() == QEvent::Resize) fitSquare();
    if (watched == m_plot && event->type() == QEvent::MouseMove)
        hoverAt(static_cast<QMouseEvent*>(event)->position().toPoint());
    if (watched == m_plot && event->type() == QEvent::Leave) endHover();
    return QWidget::eventFilter(watched, event);
}

void DecisionBoundaryView::hoverAt(const QPoint& position) {
    if (!m_plot->axisRect()->rect().contains(position)) {
        endHover();
        return;
    }
    m_hovering = true;
    m_hoverX1 = static_cast<float>(m_plot->xAxis->pixelToCoord(position.x()));
    m_hoverX2 = static_cast<float>(m_plot->yAxis->pixelToCoord(position.y()));
    emit pointHovered(m_hoverX1, m_hoverX2);
}

void DecisionBoundaryView::endHover() {
    if (!m_hovering) return;
    m_hovering = false;
    m_probe = {};
    m_probePanel->hide();
    emit hoverEnded();
}

void DecisionBoundaryView::updateProbePanel() {
    if (!m_hovering || !m_probe.valid) return;
    auto valuesText = [](const std::vector<float>& values) {
        constexpr std::size_t kShown = 8;
        QStringList parts;
        for (std::size_t i = 0; i < std::min(kShown, values.size()); ++i)
            parts << QString::number(values[i], 'f', 2);
        if (values.size() > kShown) parts << tr("… (%1 in all)").arg(values.size());
        return parts.join(QStringLiteral("  "));
    };
    QStringList lines;
    lines << tr("<b>Point (%1, %2)</b> through the network:")
                 .arg(m_probe.x1, 0, 'f', 2)
                 .arg(m_probe.x2, 0, 'f', 2);
    lines << tr("Input: %1").arg(valuesText(m_probe.input));
    for (const SessionViews::Probe::Layer& layer : m_probe.layers)
        lines << QStringLiteral("%1: %2").arg(QString::fromStdString(layer.name).toHtmlEscaped(),
                                              valuesText(layer.values));
    m_probePanel->setText(lines.join(QStringLiteral("<br>")));
    m_probePanel->adjustSize();
    // In the corner of the half the point is not in, so that it stays in sight.
    const QRect area = m_plot->axisRect()->rect();
    const double pointY = m_plot->yAxis->coordToPixel(m_probe.x2);
    const int top =
        pointY < area.center().y() ? area.bottom() - m_probePanel->height() - 4 : area.top() + 4;
    m_probePanel->move(area.left() + 4, top);
    m_probePanel->show();
    m_probePanel->raise();
}

void DecisionBoundaryView::fitSquare() {
    // Playground's plane is square.
    PlotFit::fitSquare(m_plot, m_plotArea->rect());
}

}  // namespace nnplay::ui
