// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QGraphicsScene>
#include <QPointF>
#include <QString>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "NetworkSpec.h"
#include "data/Dataset.h"
#include "editor/NetworkLayout.h"
#include "loss/Loss.h"
#include "train/GanSpec.h"
#include "train/SessionViews.h"

class QGraphicsLineItem;
class QGraphicsTextItem;

class QMenu;

namespace nnplay::ui {

class FeatureItem;
class LayerItem;
class LinkBundleItem;
class NeuronItem;
class OutputItem;
class ProjectDocument;
class LockItem;
class UnitButtonItem;
class ValueTagItem;
struct TrainingSnapshot;

/// The network canvas: a view of the document's NetworkSpec, redrawn from the spec whenever
/// the document changes. Inputs on the left (toggles of the 2-D features, or a block naming
/// the inputs), the layers left to right in spec order, the output on the right; each layer
/// shows its output shape and parameter count from shape inference, and an invalid network
/// marks the offending layer in red. Items hold layer ids, never layers; every edit made here
/// (drop, move, delete, units, features) pushes exactly one undo command on the document.
///
/// The inputs come from the document's description of its data (ProjectDocument::dataInfo).
/// The window connects: setSnapshot() for every training snapshot, layerSelected ->
/// PropertiesPanel::setLayer, validityChanged -> the Play action (read networkValid() once after
/// connecting), neuronHovered -> the boundary view, and setParameterEditPreparer() to
/// DocumentSync::prepareParameterEdit.
///
/// Weights and biases are set by hand on the canvas: a press on a link selects it (its weight
/// shows in a tag beside it) and a vertical drag sets it; a vertical drag on a neuron sets its
/// bias. Each drag is one undo step (setParameter in DocumentEdits.h), the layers stay as they
/// are, so the session keeps training from the new values.
class NetworkScene : public QGraphicsScene {
    Q_OBJECT
public:
    /// The document is not owned and must outlive the scene.
    explicit NetworkScene(ProjectDocument* document, QObject* parent = nullptr);
    ~NetworkScene() override;

    ProjectDocument* document() const { return m_document; }

    /// Shows the project's network with this name (empty, or a name the project lacks: the
    /// first); a GAN's canvas shows its generator or its discriminator. Edits made here go to
    /// that network. Only the first network takes training pictures and hand-set weights.
    void setNetworkName(const std::string& name);
    const std::string& networkName() const { return m_networkName; }
    /// The network the canvas shows.
    const nnplay::NetworkSpec& shownNetwork() const;

    /// Neuron thumbnails, link weights and output pictures from training (queued from the
    /// worker). Data that does not fit the current network is ignored.
    void setSnapshot(const TrainingSnapshot& snapshot);
    /// Back to untrained pictures (after a reset).
    void clearSnapshot();

    /// False when shape inference finds an error (Play should be disabled), in the shown
    /// network or in a GAN's other one. True when the inputs are not known (the data cannot be
    /// described).
    bool networkValid() const { return m_valid; }
    /// The error sentence naming the layer and the reason; empty when valid.
    const QString& validityMessage() const { return m_validityMessage; }
    /// The last shape inference (empty when the inputs are not known).
    const nnplay::ShapeReport& shapeReport() const { return m_report; }

    /// Id of the selected layer, or -1.
    int selectedLayerId() const { return m_selectedId; }
    /// Selects a layer by id (-1: none); emits layerSelected when it changes.
    void selectLayer(int layerId);

    /// A weight or bias of the first network: entry (row, col) of parameter tensor `tensor`
    /// (0 weights: row the neuron, col the input; 1 biases: col 0) of the dense layer at spec
    /// index `layerIndex`. layerIndex -1: none.
    struct ParameterRef {
        int layerIndex = -1;
        int tensor = 0;
        int row = -1;
        int col = -1;
        bool operator==(const ParameterRef&) const = default;
    };
    /// Selects the link from input `input` to neuron `unit` of the dense layer at spec index
    /// `layerIndex` (its weight shows beside it; the layer selection is cleared); -1 clears.
    void selectLink(int layerIndex, int unit, int input);
    /// The selected weight (tensor 0) or the bias last dragged (tensor 1); layerIndex -1: none.
    const ParameterRef& selectedParameter() const { return m_selectedParameter; }
    /// The tag showing the selected value (hidden when nothing is selected).
    ValueTagItem* valueTag() const { return m_valueTag; }
    /// The selected value as the canvas knows it: the snapshot's weights, else the document's.
    std::optional<float> parameterValue(const ParameterRef& parameter) const;

    /// Run before a weight or bias edit starts; returns false to refuse it. The window pauses
    /// training there and takes the session's weights into the document
    /// (DocumentSync::prepareParameterEdit). Without one, only weights the document holds can
    /// be set.
    void setParameterEditPreparer(std::function<bool()> prepare) {
        m_prepareParameterEdit = std::move(prepare);
    }
    /// Starts a drag setting a weight or bias (see ParameterRef); false when there are no
    /// weights to set. Called by the items.
    bool beginParameterDrag(int layerIndex, int tensor, int row, int col);
    /// Changes the dragged value by `pixels` screen pixels up (negative: down), by kWeightStep
    /// a pixel and rounded to it, or by kFineWeightStep when `fine` (Shift held).
    void dragParameterBy(double pixels, bool fine);
    void finishParameterDrag();
    bool isDraggingParameter() const { return m_parameterDrag.layerIndex >= 0; }
    /// Weight change per screen pixel of a vertical drag, and with Shift held.
    static constexpr double kWeightStep = 0.01;
    static constexpr double kFineWeightStep = 0.001;

    /// Scene position whose drop inserts a layer at `index` (0..layer count).
    QPointF insertionPoint(int index) const { return m_layout.insertionPoint(index); }
    /// The insertion index a drop at this scene position means.
    int insertionIndexAt(const QPointF& scenePos) const {
        return m_layout.insertionIndexAt(scenePos);
    }
    /// True over the drawn network (input to output, header to footer): only there does a
    /// drop insert or move a layer; a drop anywhere else cancels.
    bool acceptsDropAt(const QPointF& scenePos) const {
        return m_layout.bounds().contains(scenePos);
    }
    const NetworkLayout& layout() const { return m_layout; }

    /// The vertical insertion marker shown while a layer is dragged over the canvas.
    void showInsertionMarker(int index);
    void hideInsertionMarker();
    /// Index the marker shows, or -1 when hidden.
    int insertionMarkerIndex() const { return m_markerIndex; }

    // Items of the current drawing (valid until the next change of the document).
    LayerItem* layerItem(int layerId) const;
    LayerItem* layerItemAt(int index) const;
    /// A neuron of the dense layer at spec index `layerIndex`.
    NeuronItem* neuronItem(int layerIndex, int unit) const;
    FeatureItem* featureItem(const QString& name) const;
    /// The − (delta < 0) or + (delta > 0) button of a dense layer.
    UnitButtonItem* unitButton(int layerId, int delta) const;
    /// The padlock of a layer with weights, or nullptr.
    LockItem* lockItem(int layerId) const;
    /// The links into the dense layer at spec index `layerIndex`, or nullptr.
    LinkBundleItem* linkBundle(int layerIndex) const;
    OutputItem* outputItem() const { return m_output; }

    // Edits: each pushes one undo command when it changes something, and says whether it did.
    /// Inserts a layer of a registry type at `index` and selects it; returns its id or -1.
    int insertLayerAt(int index, const QString& type);
    bool removeSelectedLayer();
    /// Moves a layer into the gap `gapIndex` (see nnplay::ui::moveLayer()).
    bool moveLayer(int layerId, int gapIndex);
    /// Adds delta units to a dense layer, within 1..1024.
    bool changeUnits(int layerId, int delta);
    /// Freezes (training leaves its weights as they are) or unfreezes a layer with weights.
    bool setLayerFrozen(int layerId, bool frozen);
    /// The menu a right click on a layer opens (Freeze or Unfreeze, Remove), or nullptr for an
    /// unknown layer; the caller owns it.
    QMenu* layerMenu(int layerId);
    /// Turns a 2-D input feature on or off (at least one stays on); refused while the
    /// choice of features is hidden.
    bool toggleFeature(const QString& name);

    /// Hides the controls a lesson names (nnplay::Lesson::kHideable): for "features", the
    /// inputs not in use are not drawn and the ones in use no longer toggle.
    void setHiddenControls(const std::vector<std::string>& names);
    bool featureChoiceHidden() const { return m_featureChoiceHidden; }

    // Called by the items.
    void hoverNeuron(int layerIndex, int unit);
    void beginLayerDrag(int layerId);
    void updateLayerDrag(int layerId, const QPointF& scenePos, const QPointF& pressScenePos);
    /// Ends a drag: moves the layer into the gap under scenePos (one undo step); outside the
    /// network (acceptsDropAt) the layer goes back where it was.
    void finishLayerDrag(int layerId, const QPointF& scenePos);
    bool isDraggingLayer() const { return m_dragLayerId >= 0; }

    static constexpr int kMaxUnitsFromButtons = 1024;
    /// Dense layers with more units than this are drawn as a block.
    static constexpr int kMaxDrawnNeurons = 16;

signals:
    /// The selected layer changed (-1: none).
    void layerSelected(int layerId);
    /// The pointer entered a neuron (-1, -1 when it left). layerIndex is the spec index whose
    /// snapshot thumbnail the neuron shows: the activation after a dense layer when there is
    /// one, else the dense layer itself.
    void neuronHovered(int layerIndex, int unit);
    /// Shape inference changed its verdict or its message.
    void validityChanged(bool valid, const QString& message);
    /// The drawing was rebuilt (the view refits the scene rect).
    void layoutChanged();

protected:
    void mousePressEvent(QGraphicsSceneMouseEvent* event) override;
    void contextMenuEvent(QGraphicsSceneContextMenuEvent* event) override;
    void drawBackground(QPainter* painter, const QRectF& rect) override;
    bool event(QEvent* event) override;

private:
    struct SnapshotViews {
        bool present = false;
        int thumbnailSize = 0;
        std::vector<std::vector<std::vector<float>>> thumbnails;
        std::vector<nnplay::Matrix> weights;
        std::vector<std::vector<nnplay::SessionViews::UnitState>> unitStates;
        int gridSize = 0;
        std::vector<std::vector<float>> boundary;
    };

    /// The canvas shows the first network, which the session's snapshots describe.
    bool showsFirstNetwork() const;
    void rebuild();
    void retireItems();
    void flushRetired();
    void updateValidity();
    void applySnapshot();
    void onSelectionChanged();
    void onParameterChanged(int layerIndex, int tensor, int row, int col, float value);
    /// Shows the selected value in the tag, or hides it.
    void updateValueTag();
    /// Weights (units x inputs) of a layer: from the snapshot, else the spec's trained params.
    nnplay::Matrix weightsOf(int layerIndex) const;
    /// What the snapshot says of a unit of an activation layer.
    nnplay::SessionViews::UnitState unitState(int layerIndex, int unit) const;
    /// An activation chip's warning on two lines: "2 of 8\ndead", "3 of 8\nsaturated", else
    /// empty.
    QString unitStateNote(int layerIndex) const;

    ProjectDocument* m_document;
    std::string m_networkName;  // empty: the first
    NetworkLayout m_layout;
    nnplay::ShapeReport m_report;
    bool m_reportKnown = false;
    /// A GAN's network the canvas does not show, when it does not fit: what is wrong with it.
    std::string m_otherNetworkError;
    bool m_valid = true;
    QString m_validityMessage;
    nnplay::LossKind m_loss;
    nnplay::NoiseSpec m_noise;  // a GAN's, as last drawn
    SnapshotViews m_snapshot;

    std::vector<LayerItem*> m_layerItems;             // per spec index
    std::vector<std::vector<NeuronItem*>> m_neurons;  // per spec index (dense layers)
    std::vector<LinkBundleItem*> m_links;             // per spec index, nullptr if none
    std::vector<FeatureItem*> m_features;
    OutputItem* m_output = nullptr;
    LinkBundleItem* m_outputLinks = nullptr;
    QGraphicsLineItem* m_marker = nullptr;
    QGraphicsTextItem* m_message = nullptr;
    ValueTagItem* m_valueTag = nullptr;
    ParameterRef m_selectedParameter;
    ParameterRef m_parameterDrag;  // layerIndex -1 when no weight is being dragged
    float m_parameterValue = 0;    // the dragged value as last set
    int m_parameterDrags = 0;      // drags so far: each one's commands merge into one step
    std::function<bool()> m_prepareParameterEdit;
    std::vector<QGraphicsItem*> m_retired;  // removed from the scene, deleted on the next turn

    int m_selectedId = -1;
    int m_markerIndex = -1;
    int m_dragLayerId = -1;
    QPointF m_dragOrigin;
    bool m_rebuilding = false;
    bool m_featureChoiceHidden = false;
    bool m_neuronHovered = false;
};

}  // namespace nnplay::ui
