// SPDX-License-Identifier: GPL-3.0-or-later
#include "plots/GanView.h"

#include <qcustomplot.h>

#include <QCheckBox>
#include <QEvent>
#include <QGridLayout>
#include <QLabel>
#include <QVBoxLayout>
#include <algorithm>
#include <cmath>

#include "data/PlaneGenerators.h"
#include "plots/GanGradientArrows.h"
#include "plots/GanManifoldMesh.h"
#include "plots/GanPictures.h"
#include "plots/PlaneStroke.h"
#include "plots/PlotFit.h"
#include "plots/PlotStyle.h"
#include "plots/SampleGallery.h"
#include "style/UiScale.h"

namespace nnplay::ui {

namespace {

constexpr double kExtent = nnplay::kPlaneExtent;
constexpr double kPointSize = 6.0;
/// How strong the heatmap's colours are next to the points' (1: the same).
/// Room left around the real data's extent, as a share of its half side.
constexpr double kAxisMargin = 0.15;

QCPScatterStyle pointStyle(const QColor& color) {
    return QCPScatterStyle(QCPScatterStyle::ssCircle, PlotStyle::pen(Qt::white, 1.0), QBrush(color),
                           kPointSize * UiScale::factor());
}

/// The layers' names in the plot, by GanView::Layer.
constexpr const char* kLayerNames[GanView::kLayerCount] = {"real", "generated", "discriminator",
                                                           "manifold", "gradients"};

int layerIndex(GanView::Layer layer) { return static_cast<int>(layer); }

}  // namespace

GanView::GanView(QWidget* parent)
    : QWidget(parent),
      m_plotArea(new QWidget(this)),
      m_plot(new QCustomPlot(m_plotArea)),
      m_side(new QWidget(this)),
      m_options(new QWidget(m_side)),
      m_caption(new QLabel(m_side)),
      m_gallery(new SampleGallery(this)) {
    const QString boxNames[kLayerCount] = {tr("Real samples"), tr("Generated samples"),
                                           tr("Discriminator"), tr("Manifold"), tr("Gradients")};
    const QString boxTips[kLayerCount] = {
        tr("The real samples the generator learns to imitate (green)."),
        tr("The generator's samples for a fixed batch of noise (purple): the same noise in "
           "every snapshot, so you can watch them move."),
        tr("The discriminator's output D(x) everywhere in the plane: green where it takes a "
           "point for real, purple where it takes it for generated."),
        tr("The generator's image of a regular grid of noise: how it warps its noise into the "
           "plane."),
        tr("Where the generator moves each generated sample next: against the gradient of "
           "its loss."),
    };
    m_boxGrid = new QGridLayout(m_options);
    m_boxGrid->setContentsMargins(0, 0, 0, 0);
    for (int i = 0; i < kLayerCount; ++i) {
        auto* box = new QCheckBox(boxNames[i], m_options);
        box->setChecked(true);
        box->setToolTip(boxTips[i]);
        m_boxes[static_cast<std::size_t>(i)] = box;
        const auto layer = static_cast<Layer>(i);
        connect(box, &QCheckBox::toggled, this,
                [this, layer](bool on) { setLayerVisible(layer, on); });
    }
    placeBoxes(2);
    updateCaption();
    m_caption->setWordWrap(true);
    m_caption->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);

    // The check boxes and the caption: under the plot, or beside it (arrange()).
    auto* sideLayout = new QVBoxLayout(m_side);
    sideLayout->setContentsMargins(0, 0, 0, 0);
    sideLayout->addWidget(m_options);
    sideLayout->addWidget(m_caption);
    sideLayout->addStretch(1);
    m_layout = new QBoxLayout(QBoxLayout::TopToBottom, this);
    m_layout->setContentsMargins(0, 0, 0, 0);
    m_layout->addWidget(m_plotArea, 1);
    m_layout->addWidget(m_side);
    m_layout->addWidget(m_gallery, 1);
    m_gallery->hide();
    // The plot is placed by hand inside m_plotArea so that the plane is drawn square.
    m_plotArea->installEventFilter(this);
    m_plotArea->setMinimumSize(200, 180);
    m_plot->setNotAntialiasedElements(QCP::aeNone);
    m_plot->xAxis->setLabel(QStringLiteral("x1"));
    m_plot->yAxis->setLabel(QStringLiteral("x2"));
    m_plot->xAxis->setRange(-kExtent, kExtent);
    m_plot->yAxis->setRange(-kExtent, kExtent);
    m_plot->xAxis->grid()->setVisible(false);
    m_plot->yAxis->grid()->setVisible(false);

    // One plot layer per check box, bottom to top: the map, the mesh, the points, the arrows.
    for (const Layer layer :
         {Layer::Discriminator, Layer::Manifold, Layer::Real, Layer::Generated, Layer::Gradients}) {
        const QString name = QString::fromLatin1(kLayerNames[layerIndex(layer)]);
        m_plot->addLayer(name, m_plot->layer(QStringLiteral("main")), QCustomPlot::limBelow);
        m_layers[static_cast<std::size_t>(layerIndex(layer))] = m_plot->layer(name);
    }

    m_map = new QCPColorMap(m_plot->xAxis, m_plot->yAxis);
    m_map->setLayer(layerOf(Layer::Discriminator));
    m_map->setInterpolate(true);
    m_map->setTightBoundary(false);
    m_map->data()->setRange(QCPRange(-kExtent, kExtent), QCPRange(-kExtent, kExtent));
    m_map->setVisible(false);
    m_scale = PlotStyle::addVerdictScale(m_plot, m_map);

    auto makePoints = [&](Layer layer, const QColor& color) {
        auto* curve = new QCPCurve(m_plot->xAxis, m_plot->yAxis);
        curve->setLayer(layerOf(layer));
        curve->setLineStyle(QCPCurve::lsNone);
        curve->setScatterStyle(pointStyle(color));
        curve->setSelectable(QCP::stNone);
        return curve;
    };
    m_realPoints = makePoints(Layer::Real, PlotStyle::realSampleColor());
    m_generatedPoints = makePoints(Layer::Generated, PlotStyle::generatedSampleColor());
    m_stroke =
        new PlaneStroke(m_plot, makePoints(Layer::Real, PlotStyle::realSampleColor().darker(130)),
                        kExtent, kStrokeSpacing);
    connect(m_stroke, &PlaneStroke::pointsDrawn, this, &GanView::pointsDrawn);
    m_manifold = std::make_unique<GanManifoldMesh>(m_plot, layerOf(Layer::Manifold));
    m_arrows =
        std::make_unique<GanGradientArrows>(m_plot, layerOf(Layer::Gradients), kLongestArrow);

    connect(m_plot, &QCustomPlot::afterLayout, this, &GanView::fitSquare, Qt::QueuedConnection);
    // New axis margins (the first layout, other fonts) may change where the boxes fit best.
    connect(
        m_plot, &QCustomPlot::afterLayout, this,
        [this] {
            if (plotMargins() != m_plotMargins) arrange();
        },
        Qt::QueuedConnection);
    applyStyle();
}

GanView::~GanView() = default;

QCPLayer* GanView::layerOf(Layer layer) const {
    return m_layers[static_cast<std::size_t>(layerIndex(layer))];
}

QCheckBox* GanView::layerBox(Layer layer) const {
    return m_boxes[static_cast<std::size_t>(layerIndex(layer))];
}

void GanView::setLayerVisible(Layer layer, bool visible) {
    QCheckBox* box = layerBox(layer);
    if (box->isChecked() != visible) box->setChecked(visible);  // comes back here once
    layerOf(layer)->setVisible(visible);
    if (layer == Layer::Discriminator) m_scale->setVisible(visible && m_map->visible());
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

bool GanView::isLayerVisible(Layer layer) const { return layerBox(layer)->isChecked(); }

bool GanView::isLayerDrawn(Layer layer) const {
    if (m_images || !layerOf(layer)->visible()) return false;
    switch (layer) {
        case Layer::Real:
            return realPointCount() > 0;
        case Layer::Generated:
            return generatedPointCount() > 0;
        case Layer::Discriminator:
            return m_map->visible();
        case Layer::Manifold:
            return manifoldSegmentCount() > 0;
        case Layer::Gradients:
            return arrowCount() > 0;
    }
    return false;
}

void GanView::setSnapshot(const TrainingSnapshot& snapshot) {
    const DataPreview* data = snapshot.data.get();
    const bool images = data && !data->info.isPlane && data->info.imageShape.size() > 0;
    if (images != m_images) {
        m_images = images;
        m_plotArea->setVisible(!images);
        m_side->setVisible(!images);
        m_gallery->setVisible(images);
        m_stroke->setEnabled(m_drawing && !images);
    }
    if (images) {
        showImages(snapshot);
    } else {
        showPlane(snapshot);
    }
    m_generation = snapshot.generation;
}

void GanView::showPlane(const TrainingSnapshot& snapshot) {
    m_gallery->setGroups({});
    if (snapshot.generation != m_generation) {
        fitAxes(snapshot);
        clearStroke();  // the drawn points are real samples now
    }
    const SessionViews::GanViews& gan = snapshot.gan;
    auto setPoints = [](QCPCurve* curve, const nnplay::Matrix& samples) {
        QVector<double> xs, ys;
        if (samples.rows() >= 2) {
            xs.resize(static_cast<int>(samples.cols()));
            ys.resize(static_cast<int>(samples.cols()));
            for (Eigen::Index i = 0; i < samples.cols(); ++i) {
                xs[static_cast<int>(i)] = samples(0, i);
                ys[static_cast<int>(i)] = samples(1, i);
            }
        }
        curve->setData(xs, ys);
    };
    setPoints(m_realPoints, gan.real);
    setPoints(m_generatedPoints, gan.generated);
    updateMap(snapshot);
    m_manifold->update(gan.manifold, gan.manifoldSize);
    m_arrows->update(gan.generated, gan.gradients);
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

void GanView::fitAxes(const TrainingSnapshot& snapshot) {
    // All the real points when the preview has them, else the snapshot's first ones.
    const nnplay::Matrix& real = snapshot.data && snapshot.data->trainPoints.cols() > 0
                                     ? snapshot.data->trainPoints
                                     : snapshot.gan.real;
    QCPRange x(-kExtent, kExtent), y(-kExtent, kExtent);
    // While drawing, the whole plane is there to draw on.
    if (!m_drawing && real.rows() >= 2 && real.cols() > 0) {
        const double left = real.row(0).minCoeff(), right = real.row(0).maxCoeff();
        const double bottom = real.row(1).minCoeff(), top = real.row(1).maxCoeff();
        // A square around the data, so the plane keeps its proportions.
        const double half =
            std::max({0.5 * (right - left), 0.5 * (top - bottom), 0.25}) * (1.0 + kAxisMargin);
        const double cx = 0.5 * (left + right), cy = 0.5 * (bottom + top);
        if (std::isfinite(half) && std::isfinite(cx) && std::isfinite(cy)) {
            x = QCPRange(cx - half, cx + half);
            y = QCPRange(cy - half, cy + half);
        }
    }
    m_plot->xAxis->setRange(x);
    m_plot->yAxis->setRange(y);
}

void GanView::updateMap(const TrainingSnapshot& snapshot) {
    const int size = snapshot.gridSize;
    const bool has = size > 1 && !snapshot.boundary.empty() &&
                     snapshot.boundary[0].size() == static_cast<std::size_t>(size) * size;
    m_map->setVisible(has);
    m_scale->setVisible(has && isLayerVisible(Layer::Discriminator));
    if (!has) return;
    QCPColorMapData* data = m_map->data();
    if (data->keySize() != size || data->valueSize() != size) {
        data->setSize(size, size);
        // The grid's points sit on the plane's edges (fillGridPoints): so do the cells' centres.
        data->setRange(QCPRange(-kExtent, kExtent), QCPRange(-kExtent, kExtent));
    }
    const std::vector<float>& values = snapshot.boundary[0];
    for (int row = 0; row < size; ++row)
        for (int col = 0; col < size; ++col)
            data->setCell(col, row, values[static_cast<std::size_t>(row) * size + col]);
    m_map->setDataRange(QCPRange(0.0, 1.0));
}

int GanView::realPointCount() const { return m_realPoints->dataCount(); }

int GanView::generatedPointCount() const { return m_generatedPoints->dataCount(); }

QPointF GanView::generatedPoint(int i) const {
    if (i < 0 || i >= generatedPointCount()) return {};
    const auto point = m_generatedPoints->data()->at(i);
    return {point->key, point->value};
}

double GanView::cellValue(int column, int row) const { return m_map->data()->cell(column, row); }

int GanView::manifoldLineCount() const { return m_manifold->lineCount(); }

QVector<QPointF> GanView::manifoldLine(int line) const { return m_manifold->line(line); }

int GanView::manifoldSegmentCount() const { return m_manifold->segmentCount(); }

int GanView::arrowCount() const { return m_arrows->count(); }

QLineF GanView::arrow(int i) const { return m_arrows->arrow(i); }

void GanView::showImages(const TrainingSnapshot& snapshot) {
    const nnplay::DataInfo& info = snapshot.data->info;
    std::vector<SampleGallery::Group> groups(2);
    groups[0].title = tr("Generated (fixed noise)");
    groups[0].pictures = GanPictures::samples(info, snapshot.gan.generated, kShownImages);
    groups[1].title = tr("Real");
    // The real samples are the same in every snapshot of a generation.
    const auto realCount =
        static_cast<std::size_t>(std::min<Eigen::Index>(snapshot.gan.real.cols(), kShownImages));
    const bool sameReal = snapshot.generation == m_generation && m_gallery->groups().size() == 2 &&
                          m_gallery->groups()[1].pictures.size() == realCount;
    groups[1].pictures = sameReal ? m_gallery->groups()[1].pictures
                                  : GanPictures::samples(info, snapshot.gan.real, kShownImages);
    m_gallery->setGroups(std::move(groups));
}

int GanView::generatedImageCount() const { return pictureCount(0); }

int GanView::realImageCount() const { return pictureCount(1); }

int GanView::pictureCount(int group) const {
    const auto& groups = m_gallery->groups();
    return group < static_cast<int>(groups.size())
               ? static_cast<int>(groups[static_cast<std::size_t>(group)].pictures.size())
               : 0;
}

QImage GanView::generatedPicture(int i) const {
    if (i < 0 || i >= generatedImageCount()) return {};
    return m_gallery->groups()[0].pictures[static_cast<std::size_t>(i)];
}

QImage GanView::realPicture(int i) const {
    if (i < 0 || i >= realImageCount()) return {};
    return m_gallery->groups()[1].pictures[static_cast<std::size_t>(i)];
}

QRect GanView::generatedPictureRect(int i) const {
    if (!m_images) return {};
    const QRect rect = m_gallery->pictureRect(0, i);
    return rect.isEmpty() ? rect : rect.translated(m_gallery->pos());
}

void GanView::changeEvent(QEvent* event) {
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::FontChange) applyStyle();
    QWidget::changeEvent(event);
    if (event->type() == QEvent::FontChange) arrange();
}

void GanView::applyStyle() {
    PlotStyle::apply(m_plot, palette());
    PlotStyle::apply(m_scale, palette());
    m_realPoints->setScatterStyle(pointStyle(PlotStyle::realSampleColor()));
    m_generatedPoints->setScatterStyle(pointStyle(PlotStyle::generatedSampleColor()));
    m_arrows->restyle();
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

void GanView::setDrawingEnabled(bool enabled) {
    if (enabled == m_drawing) return;
    m_drawing = enabled;
    m_stroke->setEnabled(m_drawing && !m_images);
    m_plot->setCursor(enabled ? Qt::CrossCursor : Qt::ArrowCursor);
    m_generation = -1;  // the next snapshot fits the axes for drawing or for the data
    updateCaption();
}

void GanView::clearStroke() { m_stroke->clear(); }

void GanView::updateCaption() {
    const QString colours =
        tr("Green: real samples, purple: generated ones and the generator's manifold; "
           "background: D(x), green where the discriminator says real.");
    m_caption->setText(
        m_drawing ? tr("Click or drag on the plot to draw real points. %1").arg(colours) : colours);
}

void GanView::placeBoxes(int perRow) {
    for (int i = 0; i < kLayerCount; ++i) {
        QCheckBox* box = m_boxes[static_cast<std::size_t>(i)];
        m_boxGrid->removeWidget(box);
        m_boxGrid->addWidget(box, i / perRow, i % perRow);
    }
    for (int column = 0; column <= kLayerCount; ++column)
        m_boxGrid->setColumnStretch(column, column == perRow ? 1 : 0);
}

int GanView::sideWidth() const {
    // One box a row, or the width of a short sentence, whichever is wider.
    int widest = 0;
    for (const QCheckBox* box : m_boxes) widest = std::max(widest, box->sizeHint().width());
    return std::max(widest, 22 * fontMetrics().averageCharWidth());
}

QSize GanView::plotMargins() const {
    const QRect plane = m_plot->axisRect()->rect();
    if (plane.width() <= 0 || plane.height() <= 0) return {};
    return {m_plot->width() - plane.width(), m_plot->height() - plane.height()};
}

void GanView::arrange() {
    if (m_images) return;
    const int w = width(), h = height();
    const int spacing = std::max(0, m_layout->spacing());
    m_plotMargins = plotMargins();
    const int across = m_plotMargins.width(), down = m_plotMargins.height();
    // The plane is square: the arrangement that leaves it the larger side wins. Under the
    // plot the boxes go two a row, so they fit a narrow window.
    const int rows = (kLayerCount + 1) / 2;
    const int boxes = rows * m_boxes[0]->sizeHint().height() +
                      (rows - 1) * std::max(0, m_boxGrid->verticalSpacing());
    const int bare = std::min(w - across, h - down - boxes - spacing);
    const int under =
        std::min(w - across, h - down - boxes - m_caption->heightForWidth(w) - 2 * spacing);
    const int side = sideWidth();
    const int beside = std::min(w - across - side - spacing, h - down);
    // The caption explains the colours, which the colour scale also names: it gives way
    // when keeping it would cost the plane more than a fifth of its side.
    const bool caption = std::max(under, beside) >= 0.8 * bare;
    const bool wanted = caption && beside > under;
    m_caption->setVisible(caption);
    if (wanted != m_beside) {
        m_beside = wanted;
        placeBoxes(m_beside ? 1 : 2);
        m_layout->setDirection(m_beside ? QBoxLayout::LeftToRight : QBoxLayout::TopToBottom);
    }
    if (m_beside) {
        m_side->setFixedWidth(side);
        // A column's layout gives a wrapped label no more than its one-line height.
        m_caption->setMinimumHeight(m_caption->heightForWidth(side));
    } else {
        m_side->setMinimumWidth(0);
        m_side->setMaximumWidth(QWIDGETSIZE_MAX);
        m_caption->setMinimumHeight(0);
    }
}

void GanView::resizeEvent(QResizeEvent* event) {
    QWidget::resizeEvent(event);
    arrange();
}

bool GanView::eventFilter(QObject* watched, QEvent* event) {
    if (watched == m_plotArea && event->type() == QEvent::Resize) fitSquare();
    return QWidget::eventFilter(watched, event);
}

void GanView::fitSquare() {
    // The plane is square.
    PlotFit::fitSquare(m_plot, m_plotArea->rect());
}

}  // namespace nnplay::ui
