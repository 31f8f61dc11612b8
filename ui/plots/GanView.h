// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QImage>
#include <QLineF>
#include <QPointF>
#include <QRect>
#include <QVector>
#include <QWidget>
#include <array>
#include <memory>
#include <vector>

#include "train/TrainingSnapshot.h"

class QBoxLayout;
class QCheckBox;
class QCustomPlot;
class QCPColorMap;
class QCPColorScale;
class QCPCurve;
class QCPLayer;
class QGridLayout;
class QLabel;

namespace nnplay::ui {

class GanGradientArrows;
class GanManifoldMesh;
class PlaneStroke;
class SampleGallery;

/// What a GAN is doing, drawn from a snapshot's GanViews. 2-D data: GAN Lab's layered view of
/// the plane on one square plot, bottom to top the discriminator's output D(x) as a heatmap,
/// the generator's manifold (its image of a regular noise grid) as a warped mesh, the real
/// samples (green), the generated ones (purple; the same noise in every snapshot, so they can
/// be watched moving) and arrows showing where the generator moves each generated sample.
/// Each layer has a check box under the plot. The axes are fitted to the real data once per
/// generation, so moving samples never rescale the plot. Image data: a grid of generated
/// pictures beside a grid of real ones. For a drawn target the learner draws the real points
/// on the plot: a click adds one, a drag a stroke of them (pointsDrawn).
class GanView : public QWidget {
    Q_OBJECT
public:
    /// The layers of the plane view, in the order of their check boxes.
    enum class Layer { Real, Generated, Discriminator, Manifold, Gradients };
    static constexpr int kLayerCount = 5;
    /// The longest gradient arrow, as a share of the plot's side.
    static constexpr double kLongestArrow = 0.12;
    /// Image data: how many generated (and real) pictures the grids show, the first ones.
    static constexpr int kShownImages = 64;

    explicit GanView(QWidget* parent = nullptr);
    ~GanView() override;

    /// Draws the snapshot's GAN views; a new generation refits the axes to its real data.
    void setSnapshot(const TrainingSnapshot& snapshot);

    void setLayerVisible(Layer layer, bool visible);
    /// Whether the layer's check box is on.
    bool isLayerVisible(Layer layer) const;
    /// Whether the plot draws the layer now (on, and the snapshot had data for it).
    bool isLayerDrawn(Layer layer) const;
    QCheckBox* layerBox(Layer layer) const;

    QCustomPlot* plot() const { return m_plot; }
    /// The sentence under the plot saying what the colours are.
    QLabel* caption() const { return m_caption; }
    /// Whether the check boxes and the caption sit beside the plot (a wide view, as in
    /// presenter mode) rather than under it: whichever leaves the square plane more room.
    /// In a short view the caption gives way to the plane.
    bool optionsBeside() const { return m_beside; }
    /// True when the last snapshot was drawn as pictures (image data), else as the plane.
    bool showsImages() const { return m_images; }

    // For tests: what the plane view draws after the last snapshot.

    int realPointCount() const;
    int generatedPointCount() const;
    /// Generated sample `i` where it is drawn.
    QPointF generatedPoint(int i) const;
    /// The heatmap's value at grid cell (column, row), row 0 at the bottom.
    double cellValue(int column, int row) const;
    /// Lines of the manifold's mesh: manifoldSize rows (the second noise value fixed), then as
    /// many columns; each a polyline through its grid points.
    int manifoldLineCount() const;
    QVector<QPointF> manifoldLine(int line) const;
    /// Segments joining grid neighbours: 2 s (s - 1) for an s x s grid.
    int manifoldSegmentCount() const;
    /// Arrows shown, one per generated sample with a finite, non-zero gradient.
    int arrowCount() const;
    /// The arrow of generated sample `i`, from the sample to its tip (null when not shown).
    QLineF arrow(int i) const;

    // For tests: what the image view draws.

    int generatedImageCount() const;
    int realImageCount() const;
    QImage generatedPicture(int i) const;
    QImage realPicture(int i) const;
    /// Where generated picture `i` is drawn in the widget (empty when it is not).
    QRect generatedPictureRect(int i) const;

    /// Drawing real points (a GAN whose target is drawn by hand); off by default.
    void setDrawingEnabled(bool enabled);
    bool drawingEnabled() const { return m_drawing; }
    /// Takes the last stroke off the plot (its points were not taken).
    void clearStroke();
    /// Points of a stroke lie at least this far apart (in the plane's units).
    static constexpr double kStrokeSpacing = 0.25;

    QSize sizeHint() const override { return {520, 560}; }

signals:
    /// A click or a drag on the plot while drawing: its points in the plane, inside it.
    void pointsDrawn(const QVector<QPointF>& points);

protected:
    void changeEvent(QEvent* event) override;
    bool eventFilter(QObject* watched, QEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;

private:
    /// Puts the check boxes `perRow` to a row.
    void placeBoxes(int perRow);
    /// The width of the column beside the plot.
    int sideWidth() const;
    /// The check boxes and the caption under the plot or beside it; the caption is hidden
    /// when it would take too much of the plane's room.
    void arrange();
    /// The room the axes and the colour scale take around the plane (empty before the
    /// plot's first layout).
    QSize plotMargins() const;
    void showPlane(const TrainingSnapshot& snapshot);
    void showImages(const TrainingSnapshot& snapshot);
    void fitAxes(const TrainingSnapshot& snapshot);
    void updateMap(const TrainingSnapshot& snapshot);
    void fitSquare();
    void applyStyle();
    QCPLayer* layerOf(Layer layer) const;
    void updateCaption();

    /// Pictures in the gallery's group 0 (generated) or 1 (real).
    int pictureCount(int group) const;

    QWidget* m_plotArea;
    QCustomPlot* m_plot;
    QCPColorMap* m_map;
    QCPColorScale* m_scale;
    QCPCurve* m_realPoints;
    QCPCurve* m_generatedPoints;
    /// The stroke being drawn, until the new real samples replace it.
    PlaneStroke* m_stroke;
    bool m_drawing = false;
    std::unique_ptr<GanManifoldMesh> m_manifold;
    std::unique_ptr<GanGradientArrows> m_arrows;
    std::array<QCheckBox*, kLayerCount> m_boxes{};
    std::array<QCPLayer*, kLayerCount> m_layers{};
    QBoxLayout* m_layout;
    QWidget* m_side;  // holds m_options and m_caption
    QWidget* m_options;
    QGridLayout* m_boxGrid;
    QLabel* m_caption;
    bool m_beside = false;
    QSize m_plotMargins;  // that arrange() went by

    /// Image data: the generated pictures, then the real ones.
    SampleGallery* m_gallery;

    int m_generation = -1;
    bool m_images = false;
};

}  // namespace nnplay::ui
