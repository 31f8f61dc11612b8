// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QCoreApplication>
#include <QPointF>
#include <QRectF>
#include <optional>
#include <vector>

#include "NetworkSpec.h"
#include "Project.h"
#include "data/Dataset.h"
#include "editor/LayerItem.h"
#include "editor/NetworkLayout.h"

class QGraphicsLineItem;
class QGraphicsScene;
class QGraphicsTextItem;

namespace nnplay::ui {

class FeatureItem;
class LinkBundleItem;
class NeuronItem;
class OutputItem;

/// Draws a network spec into a NetworkScene: computes the NetworkLayout from the spec and the
/// data's shape, then adds the inputs (feature toggles or an input block), one LayerItem per
/// layer with its neurons and ± buttons, the links, the output, the flow lines, the error
/// sentence and the (hidden) insertion marker. The scene owns what is added; the builder
/// only reports which item is which. One builder per redraw.
class NetworkSceneBuilder {
    Q_DECLARE_TR_FUNCTIONS(NetworkSceneBuilder)
public:
    /// The items of one drawing, indexed like the spec's layers.
    struct Items {
        std::vector<LayerItem*> layers;
        std::vector<std::vector<NeuronItem*>> neurons;  ///< empty for non-neuron layers
        std::vector<LinkBundleItem*> links;             ///< links into a layer, or nullptr
        std::vector<FeatureItem*> features;
        OutputItem* output = nullptr;
        LinkBundleItem* outputLinks = nullptr;
        QGraphicsLineItem* marker = nullptr;
        QGraphicsTextItem* message = nullptr;
        /// Everything drawn plus a margin: the scene rect.
        QRectF sceneRect;
    };

    /// Items go into `scene`, the geometry into `layout`; neither is owned.
    NetworkSceneBuilder(QGraphicsScene* scene, NetworkLayout* layout);

    /// Draws `network`, one of `project`'s networks. `info` describes the project's data
    /// (nullopt: not known yet); `report` is the shape check of the network, or nullptr when
    /// there is none. A GAN's generator is drawn from its noise to a generated sample, its
    /// discriminator from a sample to its verdict.
    Items build(const nnplay::Project& project, const nnplay::NetworkSpec& network,
                const std::optional<nnplay::DataInfo>& info, const nnplay::ShapeReport* report);

    /// How a layer is drawn by its type and size: neurons, a block or a chip. (Off the plane,
    /// build() draws a column of neurons without links to any as a block.)
    static NetworkLayout::Kind kindOf(const nnplay::LayerSpec& layer);
    /// The spec index whose output the neurons of the dense layer `denseIndex` show: the last
    /// of the activations (and dropouts) that directly follow it, else the layer itself.
    static int thumbnailIndexFor(const nnplay::NetworkSpec& spec, int denseIndex);

private:
    // The sections of build(), in drawing order.
    void layOut();
    /// Off the plane: dense layers drawn as neurons that no links would reach become blocks.
    void showWeightsOfLoneNeurons(std::vector<NetworkLayout::Kind>& kinds);
    void drawInputs();
    /// Draws layer i; neuron layers continue the links from the anchors of the column before.
    void drawLayer(int i);
    void drawNeurons(int i, LayerItem* item, const QString& title);
    void drawOutput();
    /// The inputs and output of a GAN's network, in words.
    void drawGanInputs();
    void drawGanOutput();
    void drawFlowLines();
    void drawMessageAndMarker();

    LayerItem::Content layerContent(int i) const;
    /// The shape check of layer i, or nullptr when there is none.
    const nnplay::LayerShapeInfo* layerReport(int i) const;
    /// Values the network outputs (1 until shape inference reached the last layer).
    int networkOutputs() const;
    /// Values going into layer i, or -1 when not known.
    int inputSizeOf(int i) const;

    QGraphicsScene* m_scene;
    NetworkLayout* m_layout;
    Items m_items;
    // What the current build() draws (valid during the call only).
    const nnplay::NetworkSpec* m_spec = nullptr;
    const nnplay::DataSpec* m_data = nullptr;
    const nnplay::DataInfo* m_info = nullptr;
    const nnplay::ShapeReport* m_report = nullptr;
    const nnplay::Project* m_project = nullptr;
    /// A GAN's network: which of the two.
    enum class GanRole { None, Generator, Discriminator };
    GanRole m_ganRole = GanRole::None;
    bool m_plane = false;
    std::vector<QPointF> m_anchors;  // right-edge anchors of the last column of drawn nodes
    int m_anchorColumn = -1;         // the column those anchors belong to
    std::vector<int> m_linkedGaps;   // gaps (between columns g and g+1) that links cross
};

}  // namespace nnplay::ui
