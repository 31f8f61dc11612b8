// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QImage>
#include <QString>
#include <QWidget>
#include <vector>

#include "train/TrainingSnapshot.h"

namespace nnplay::ui {

/// What NetworkTraceView draws inside its scroll area: the traced sample, then one row per
/// layer with what that layer gives for it. Image-shaped outputs are one map per channel (a
/// convolution's filters above its maps), sequences and recurrent hidden states a units x steps
/// heat map, flat outputs a strip of cells (with their values when there are few). Colours are
/// the editor's diverging map, scaled per row to its largest magnitude. Hovering a map of a
/// convolution frames the filter that made it and the maps it slid over.
class TraceCanvas : public QWidget {
    Q_OBJECT
public:
    /// One picture of the canvas.
    struct Tile {
        enum class Kind { Input, Map, Filter, Cells, Steps };
        Kind kind = Kind::Map;
        /// Index of the layer in the network (-1 for the input) and the channel, filter or
        /// -1 for a tile showing the whole layer.
        int layer = -1;
        int channel = -1;
        QRect rect;
        QImage image;
        QString toolTip;
        /// Cells tiles: the values written in the cells (empty when there are too many).
        std::vector<float> labels;
    };
    /// A layer's row: its title and where it starts.
    struct Row {
        QString title;
        int top = 0;
    };

    explicit TraceCanvas(QWidget* parent = nullptr);

    /// Takes the trace of `snapshot` (SessionViews::trace) and the sample's input.
    void setSnapshot(const TrainingSnapshot& snapshot);
    bool hasTrace() const { return !m_tiles.empty(); }
    const std::vector<Tile>& tiles() const { return m_tiles; }
    const std::vector<Row>& rows() const { return m_rows; }
    /// The tile under `point`, or -1.
    int tileAt(const QPoint& point) const;
    /// Tiles framed while tile `hovered` is under the mouse: for a convolution's map, the
    /// filter that made it and every map of the layer before (its input).
    std::vector<int> relatedTiles(int hovered) const;

    bool hasHeightForWidth() const override { return true; }
    int heightForWidth(int width) const override;
    QSize sizeHint() const override;

signals:
    /// A map or filter of a layer that slides kernels was clicked: explain filter `filter`.
    void convolutionClicked(int layer, int filter);

protected:
    void paintEvent(QPaintEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void leaveEvent(QEvent* event) override;
    bool event(QEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;

private:
    /// Lays the tiles out for `width`; returns the height they need.
    int layout(int width, std::vector<Tile>* tiles, std::vector<Row>* rows) const;
    void relayout();

    TrainingSnapshot m_snapshot;
    std::vector<Tile> m_tiles;
    std::vector<Row> m_rows;
    int m_hovered = -1;
};

}  // namespace nnplay::ui
