// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QPointF>
#include <QRectF>
#include <vector>

namespace nnplay::ui {

/// Where everything of the network editor goes, in scene coordinates: columns left to right
/// (the inputs, one per layer of the spec, the output) and, inside them, the nodes (input
/// features or neurons). Pure geometry, computed from counts alone, so the scene, the drop
/// logic and the tests agree on one answer.
class NetworkLayout {
public:
    enum class Kind {
        Features,    ///< the 2-D input toggles (one node per feature, all 7 shown)
        InputBlock,  ///< any other input, drawn as one block
        Neurons,     ///< a small dense layer, one node per neuron
        Block,       ///< a large dense layer or another layer with parameters
        Chip,        ///< an activation, dropout or other layer without parameters
        Output,      ///< the output column (one node per output shown)
    };

    struct Column {
        Kind kind = Kind::Chip;
        /// The whole column, header to footer.
        QRectF rect;
        /// Node rects in scene coordinates (features, neurons, output thumbnails).
        std::vector<QRectF> nodes;
    };

    /// What a column needs to be laid out: its kind and how many nodes it shows.
    struct ColumnRequest {
        Kind kind = Kind::Chip;
        int nodes = 0;
    };

    // Vertical bands shared by all columns: a header (title, detail, ± buttons), the content
    // band with the nodes, a footer (shape and parameter count). Sized for legibility when
    // the whole network is scaled into a narrow canvas on a projector.
    static constexpr double kTitleTop = 6;
    static constexpr double kDetailTop = 32;
    static constexpr double kButtonTop = 58;
    static constexpr double kHeaderHeight = 88;
    static constexpr double kContentTop = 94;
    static constexpr double kContentHeight = 440;
    static constexpr double kFooterTop = kContentTop + kContentHeight + 8;
    static constexpr double kFooterHeight = 50;
    /// Space between two columns; around a chip (activation, dropout) much less, the chip
    /// sitting on the links between the layers it separates.
    static constexpr double kColumnGap = 20;
    static constexpr double kChipGap = 6;
    /// Input feature nodes: 7 of them fill the content band.
    static constexpr double kNodePitch = 62;
    static constexpr double kNodeSize = 48;
    /// Largest neuron thumbnail; crowded layers shrink theirs to fit the content band.
    static constexpr double kNeuronSize = 54;
    static constexpr double kFeatureLabelWidth = 64;

    /// Lays out input, layers (in spec order) and output.
    void compute(const ColumnRequest& input, const std::vector<ColumnRequest>& layers,
                 const ColumnRequest& output);

    const Column& input() const { return m_input; }
    const Column& layer(int index) const { return m_layers[static_cast<std::size_t>(index)]; }
    int layerCount() const { return static_cast<int>(m_layers.size()); }
    const Column& output() const { return m_output; }
    /// Everything that is drawn.
    QRectF bounds() const;
    /// The vertical middle of the content band.
    static double centerY() { return kContentTop + kContentHeight / 2; }

    /// Scene point in the gap before layer `index` (0..layerCount); dropping there inserts
    /// at `index`.
    QPointF insertionPoint(int index) const;
    /// The gap a scene point falls into: how many layer columns have their centre left of it.
    int insertionIndexAt(const QPointF& scenePos) const;

private:
    static double widthOf(Kind kind);
    static std::vector<QRectF> nodeRects(const QRectF& column, Kind kind, int count);

    Column m_input;
    std::vector<Column> m_layers;
    Column m_output;
};

}  // namespace nnplay::ui
