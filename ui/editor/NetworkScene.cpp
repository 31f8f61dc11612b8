// SPDX-License-Identifier: GPL-3.0-or-later
#include "editor/NetworkScene.h"

#include <QEvent>
#include <QGraphicsLineItem>
#include <QGraphicsTextItem>
#include <QLocale>
#include <QPainter>
#include <QTimer>
#include <algorithm>

#include "Project.h"
#include "data/Features.h"
#include "data/PlaneGenerators.h"
#include "document/DocumentEdits.h"
#include "document/ProjectDocument.h"
#include "editor/DivergingColorMap.h"
#include "editor/EditorStyle.h"
#include "editor/FeatureItem.h"
#include "editor/InputBlockItem.h"
#include "editor/LayerItem.h"
#include "editor/LinkBundleItem.h"
#include "editor/NeuronItem.h"
#include "editor/OutputItem.h"
#include "editor/UnitButtonItem.h"
#include "layers/LayerRegistry.h"
#include "train/NetworkCheck.h"
#include "train/TrainingSnapshot.h"

namespace nnplay::ui {

namespace {

using Kind = NetworkLayout::Kind;

QString qstr(const std::string& text) { return QString::fromStdString(text); }

/// "0.5", "0.01": a setting value without trailing zeros.
QString formatValue(double value) { return QLocale().toString(value, 'g', 4); }

/// "1 neuron", "4 neurons" (no translations ship yet, so English plurals are chosen here).
QString counted(long long n, const char* one, const char* many) {
    return NetworkScene::tr(n == 1 ? one : many).arg(QLocale().toString(n));
}

QString paramsText(long long count) { return counted(count, "%1 param", "%1 params"); }

/// Right-edge centre and left-edge centre of a node rect.
QPointF rightAnchor(const QRectF& r) { return {r.right(), r.center().y()}; }
QPointF leftAnchor(const QRectF& r) { return {r.left(), r.center().y()}; }

}  // namespace

NetworkScene::NetworkScene(ProjectDocument* document, QObject* parent)
    : QGraphicsScene(parent), m_document(document), m_loss(document->project().training.loss) {
    connect(m_document, &ProjectDocument::networkChanged, this, [this](bool structural) {
        if (structural) m_snapshot = {};
        rebuild();
    });
    connect(m_document, &ProjectDocument::dataChanged, this, [this] {
        m_snapshot = {};
        rebuild();
    });
    connect(m_document, &ProjectDocument::trainingChanged, this, [this] {
        // Only the loss matters here (it decides the expected outputs).
        if (m_document->project().training.loss == m_loss) return;
        m_loss = m_document->project().training.loss;
        rebuild();
    });
    connect(m_document, &ProjectDocument::projectReplaced, this, [this] {
        m_snapshot = {};
        m_loss = m_document->project().training.loss;
        selectLayer(-1);
        rebuild();
    });
    connect(this, &QGraphicsScene::selectionChanged, this, &NetworkScene::onSelectionChanged);
    rebuild();
}

NetworkScene::~NetworkScene() {
    // QGraphicsScene's destructor deletes the items and would report a selection change to
    // this half-destroyed object: delete them while it is whole, without listening.
    m_rebuilding = true;
    disconnect(this, &QGraphicsScene::selectionChanged, this, &NetworkScene::onSelectionChanged);
    clear();
    flushRetired();
}

void NetworkScene::setInputInfo(const nnplay::DataInfo& info) {
    m_inputInfo = info;
    m_inputInfoSource = m_document->project().data.source;
    m_inputInfoPath = m_document->project().data.path;
    rebuild();
}

void NetworkScene::clearInputInfo() {
    m_inputInfo.reset();
    rebuild();
}

void NetworkScene::setSnapshot(const TrainingSnapshot& snapshot) {
    m_snapshot.present = true;
    m_snapshot.thumbnailSize = snapshot.thumbnailSize;
    m_snapshot.thumbnails = snapshot.thumbnails;
    m_snapshot.weights = snapshot.weights;
    m_snapshot.gridSize = snapshot.gridSize;
    m_snapshot.boundary = snapshot.boundary;
    applySnapshot();
}

void NetworkScene::clearSnapshot() {
    m_snapshot = {};
    applySnapshot();
}

std::optional<nnplay::DataInfo> NetworkScene::effectiveDataInfo() const {
    const nnplay::Project& project = m_document->project();
    const bool infoFits = m_inputInfo && m_inputInfoSource == project.data.source &&
                          m_inputInfoPath == project.data.path && m_inputInfo->task == project.task;
    if (nnplay::isPlaneSource(project.data.source)) {
        nnplay::DataInfo info = infoFits ? *m_inputInfo : nnplay::DataInfo{};
        info.task = project.task;
        info.isPlane = true;
        info.inputShape = nnplay::Shape::flat(static_cast<int>(project.data.features.size()));
        info.featureNames = project.data.features;
        if (!infoFits) {
            if (project.task == nnplay::Task::Classification) info.classNames = {"-1", "+1"};
            info.targetCount = 1;
        }
        return info;
    }
    if (infoFits) return m_inputInfo;
    return std::nullopt;
}

NetworkLayout::Kind NetworkScene::kindOf(const nnplay::LayerSpec& layer) const {
    const nnplay::LayerInfo* info = nnplay::LayerRegistry::builtin().find(layer.type);
    if (!info) return Kind::Block;
    if (info->findSetting("units")) {
        return layer.setting("units") <= kMaxDrawnNeurons ? Kind::Neurons : Kind::Block;
    }
    if (info->isActivation) return Kind::Chip;
    try {
        if (info->paramCount(layer, nnplay::Shape::flat(4)) == 0) return Kind::Chip;
    } catch (const std::exception&) {
    }
    return Kind::Block;
}

int NetworkScene::thumbnailIndexFor(int denseIndex) const {
    // A neuron shows its output after the activations (and dropouts) that follow it.
    const auto& layers = m_document->project().network.layers;
    const auto& registry = nnplay::LayerRegistry::builtin();
    int index = denseIndex;
    while (index + 1 < static_cast<int>(layers.size())) {
        const auto& next = layers[static_cast<std::size_t>(index) + 1];
        const nnplay::LayerInfo* info = registry.find(next.type);
        const bool passThrough = info && (info->isActivation || kindOf(next) == Kind::Chip);
        if (!passThrough) break;
        ++index;
    }
    return index;
}

void NetworkScene::retireItems() {
    for (QGraphicsItem* item : items()) {
        if (item->parentItem()) continue;
        removeItem(item);
        m_retired.push_back(item);
    }
    m_layerItems.clear();
    m_neurons.clear();
    m_links.clear();
    m_features.clear();
    m_output = nullptr;
    m_outputLinks = nullptr;
    m_marker = nullptr;
    m_message = nullptr;
    // Items may be retired from inside their own event handlers: delete them on the next turn.
    if (!m_retired.empty()) QTimer::singleShot(0, this, &NetworkScene::flushRetired);
}

void NetworkScene::flushRetired() {
    std::vector<QGraphicsItem*> retired;
    retired.swap(m_retired);
    for (QGraphicsItem* item : retired) delete item;
}

void NetworkScene::rebuild() {
    m_rebuilding = true;
    retireItems();
    m_dragLayerId = -1;
    m_markerIndex = -1;
    if (m_neuronHovered) {
        m_neuronHovered = false;
        emit neuronHovered(-1, -1);
    }

    const nnplay::Project& project = m_document->project();
    const nnplay::NetworkSpec& spec = project.network;
    const auto& registry = nnplay::LayerRegistry::builtin();
    const int count = static_cast<int>(spec.layers.size());
    const std::optional<nnplay::DataInfo> info = effectiveDataInfo();
    const bool plane = nnplay::isPlaneSource(project.data.source);

    m_report = {};
    m_reportKnown = false;
    if (info) {
        try {
            m_report = nnplay::checkNetwork(spec, *info, project.training.loss);
            m_reportKnown = true;
        } catch (const std::exception& e) {
            m_report.error = e.what();
            m_report.errorLayer = count - 1;
            m_reportKnown = true;
        }
    }
    const auto layerReport = [&](int i) -> const nnplay::LayerShapeInfo* {
        if (!m_reportKnown || i < 0 || i >= static_cast<int>(m_report.layers.size()))
            return nullptr;
        return &m_report.layers[static_cast<std::size_t>(i)];
    };
    const int networkOutputs = [&] {
        for (int i = count - 1; i >= 0; --i) {
            if (const auto* shape = layerReport(i); shape && shape->error.empty())
                return shape->output.size();
        }
        return 1;
    }();

    // Geometry.
    const auto& featureNames = nnplay::planeFeatureNames();
    NetworkLayout::ColumnRequest input{plane ? Kind::Features : Kind::InputBlock,
                                       plane ? static_cast<int>(featureNames.size()) : 0};
    std::vector<NetworkLayout::ColumnRequest> columns;
    for (const auto& layer : spec.layers) {
        const Kind kind = kindOf(layer);
        columns.push_back(
            {kind, kind == Kind::Neurons ? static_cast<int>(layer.setting("units")) : 0});
    }
    const int outputNodeCount = plane && networkOutputs <= 4 ? networkOutputs : 0;
    m_layout.compute(input, columns, {Kind::Output, outputNodeCount});

    // Inputs.
    const NetworkLayout::Column& inputColumn = m_layout.input();
    std::vector<QPointF> anchors;  // right-edge anchors of the last column of drawn nodes
    if (plane) {
        const auto& selected = project.data.features;
        for (std::size_t f = 0; f < featureNames.size(); ++f) {
            const QString name = qstr(featureNames[f]);
            const bool active =
                std::find(selected.begin(), selected.end(), featureNames[f]) != selected.end();
            auto* item = new FeatureItem(
                name, active, inputColumn.nodes[f].translated(-inputColumn.rect.left(), 0));
            item->setPos(inputColumn.rect.left(), 0);
            addItem(item);
            m_features.push_back(item);
        }
        // Links leave the features in the order of the weight columns: DataSpec::features.
        for (const auto& name : selected) {
            const auto it = std::find(featureNames.begin(), featureNames.end(), name);
            if (it == featureNames.end()) continue;
            anchors.push_back(rightAnchor(
                inputColumn.nodes[static_cast<std::size_t>(it - featureNames.begin())]));
        }
        auto* header = addSimpleText(tr("Inputs"), EditorStyle::titleFont());
        header->setBrush(EditorStyle::text(palette()));
        header->setPos(inputColumn.rect.center().x() - header->boundingRect().width() / 2, 8);
    } else {
        QString headline = tr("Inputs");
        QString detail = tr("load the data to see them");
        QStringList names;
        if (info) {
            const int n = info->inputShape.size();
            if (info->imageShape.size() > 0) {
                headline = counted(n, "%1 pixel", "%1 pixels");
                detail = tr("%1×%2 image").arg(info->imageShape.height).arg(info->imageShape.width);
            } else {
                headline = counted(n, "%1 input", "%1 inputs");
                detail = project.data.source == "csv" ? tr("columns of the table") : QString();
                for (const auto& name : info->featureNames) names << qstr(name);
            }
        }
        auto* block = new InputBlockItem(inputColumn.rect.size(), headline, detail, names);
        block->setPos(inputColumn.rect.topLeft());
        addItem(block);
    }

    // Layers.
    m_layerItems.assign(static_cast<std::size_t>(count), nullptr);
    m_neurons.assign(static_cast<std::size_t>(count), {});
    m_links.assign(static_cast<std::size_t>(count), nullptr);
    std::vector<int>
        linkedGaps;  // gaps (between column g and g+1 of input, layers, output) with links
    int anchorColumn = plane ? 0 : -1;
    for (int i = 0; i < count; ++i) {
        const nnplay::LayerSpec& layer = spec.layers[static_cast<std::size_t>(i)];
        const nnplay::LayerInfo* layerInfo = registry.find(layer.type);
        const NetworkLayout::Column& column = m_layout.layer(i);
        const nnplay::LayerShapeInfo* shape = layerReport(i);

        LayerItem::Content content;
        content.type = layer.type;
        content.title = layerInfo ? qstr(layerInfo->displayName) : qstr(layer.type);
        const bool hasUnits = layerInfo && layerInfo->findSetting("units");
        const int units = hasUnits ? static_cast<int>(layer.setting("units")) : 0;
        if (hasUnits) {
            content.detail = counted(units, "%1 neuron", "%1 neurons");
        } else if (layerInfo) {
            QStringList parts;
            for (const auto& setting : layerInfo->settings) {
                parts << QStringLiteral("%1 %2").arg(qstr(setting.label).toLower(),
                                                     formatValue(layer.setting(setting.key)));
            }
            content.detail = parts.join(QStringLiteral(", "));
        }
        if (shape && shape->error.empty()) {
            content.shapeText = QStringLiteral("→ ") + qstr(shape->output.toString());
            content.paramsText = paramsText(shape->paramCount);
        } else {
            content.shapeText = QStringLiteral("→ ?");
            content.paramsText = m_reportKnown ? QString() : tr("load data for shapes");
        }
        if (shape && !shape->error.empty()) content.errorText = qstr(shape->error);
        if (m_reportKnown && m_report.errorLayer == i && content.errorText.isEmpty())
            content.errorText = qstr(m_report.error);
        QStringList tip{QStringLiteral("%1 (layer %2)").arg(content.title).arg(i + 1)};
        if (layerInfo) tip << qstr(layerInfo->description);
        if (shape && shape->error.empty())
            tip << tr("Output %1, %2").arg(qstr(shape->output.toString()), content.paramsText);
        if (m_reportKnown && m_report.errorLayer == i)
            tip << QStringLiteral("⚠ ") + qstr(m_report.error);
        else if (!content.errorText.isEmpty())
            tip << QStringLiteral("⚠ ") + content.errorText;
        tip << tr("Drag sideways to move it, Delete to remove it.");
        content.toolTip = tip.join(QStringLiteral("\n"));

        auto* item = new LayerItem(layer.id, i, column.kind, column.rect.size(), content);
        item->setPos(column.rect.topLeft());
        addItem(item);
        m_layerItems[static_cast<std::size_t>(i)] = item;

        if (hasUnits) {
            const int maximum = std::min<int>(
                kMaxUnitsFromButtons, static_cast<int>(layerInfo->findSetting("units")->maximum));
            auto* minus = new UnitButtonItem(layer.id, -1, units > 1, item);
            minus->setPos(4, 29);
            auto* plus = new UnitButtonItem(layer.id, +1, units < maximum, item);
            plus->setPos(column.rect.width() - 4 - UnitButtonItem::kSize, 29);
        }

        const int inputSize = i == 0
                                  ? (info ? info->inputShape.size() : -1)
                                  : (layerReport(i - 1) ? layerReport(i - 1)->output.size() : -1);
        if (column.kind == Kind::Neurons) {
            const int thumbIndex = thumbnailIndexFor(i);
            std::vector<QPointF> targets;
            std::vector<QPointF> outAnchors;
            for (int u = 0; u < static_cast<int>(column.nodes.size()); ++u) {
                const QRectF& node = column.nodes[static_cast<std::size_t>(u)];
                auto* neuron = new NeuronItem(thumbIndex, u, node.width(), item);
                neuron->setPos(node.topLeft() - column.rect.topLeft());
                neuron->setToolTip(
                    tr("Neuron %1 of %2 (layer %3)").arg(u + 1).arg(content.title).arg(i + 1));
                m_neurons[static_cast<std::size_t>(i)].push_back(neuron);
                targets.push_back(leftAnchor(node));
                outAnchors.push_back(rightAnchor(node));
            }
            const bool inputsMatch =
                !anchors.empty() &&
                (inputSize < 0 || inputSize == static_cast<int>(anchors.size()));
            if (inputsMatch) {
                auto* links = new LinkBundleItem(i, anchors, targets);
                addItem(links);
                m_links[static_cast<std::size_t>(i)] = links;
                for (int g = anchorColumn; g <= i; ++g) linkedGaps.push_back(g);
            }
            anchors = outAnchors;
            anchorColumn = i + 1;
        } else if (column.kind == Kind::Block) {
            anchors.clear();
        } else if (shape && inputSize >= 0 && shape->output.size() != inputSize) {
            anchors.clear();  // a chip that changes the shape breaks the links
        }
    }

    // Output.
    const NetworkLayout::Column& outputColumn = m_layout.output();
    QString headline = tr("Output");
    QString detail;
    if (info) {
        headline = info->task == nnplay::Task::Classification
                       ? counted(info->classCount(), "%1 class", "%1 classes")
                       : counted(info->targetCount, "%1 value", "%1 values");
        detail = counted(networkOutputs, "from %1 output", "from %1 outputs");
    } else {
        detail = tr("load the data to check");
    }
    std::vector<QRectF> outputNodes;
    for (const QRectF& node : outputColumn.nodes)
        outputNodes.push_back(node.translated(-outputColumn.rect.topLeft()));
    QStringList classNames;
    if (info && info->task == nnplay::Task::Classification && !plane) {
        for (const auto& name : info->classNames) classNames << qstr(name);
    }
    m_output = new OutputItem(outputColumn.rect.size(), headline, detail, outputNodes, classNames);
    m_output->setPos(outputColumn.rect.topLeft());
    addItem(m_output);
    if (!outputColumn.nodes.empty() && anchors.size() == outputColumn.nodes.size()) {
        std::vector<QPointF> targets;
        for (const QRectF& node : outputColumn.nodes) targets.push_back(leftAnchor(node));
        m_outputLinks = new LinkBundleItem(-1, anchors, targets, true);
        addItem(m_outputLinks);
        for (int g = anchorColumn; g <= count; ++g) linkedGaps.push_back(g);
    }

    // Flow lines through the gaps that no links cross.
    const QColor wire = EditorStyle::wire(palette());
    for (int g = 0; g <= count; ++g) {
        if (std::find(linkedGaps.begin(), linkedGaps.end(), g) != linkedGaps.end()) continue;
        const double left = g == 0 ? inputColumn.rect.right() : m_layout.layer(g - 1).rect.right();
        const double right = g == count ? outputColumn.rect.left() : m_layout.layer(g).rect.left();
        auto* line = addLine(left, NetworkLayout::centerY(), right, NetworkLayout::centerY(),
                             QPen(wire, 2.5, Qt::SolidLine, Qt::RoundCap));
        line->setZValue(1);
    }

    // The error sentence under everything, readable from the back of the room.
    QRectF bounds = m_layout.bounds();
    if (m_reportKnown && !m_report.ok()) {
        m_message = addText(QStringLiteral("⚠  ") + qstr(m_report.error), EditorStyle::titleFont());
        m_message->setDefaultTextColor(EditorStyle::error(palette()));
        m_message->setTextWidth(std::max(300.0, bounds.width()));
        m_message->setPos(bounds.left(), bounds.bottom() + 8);
        bounds = bounds.united(m_message->sceneBoundingRect());
    }

    m_marker = addLine(0, NetworkLayout::kContentTop - 16, 0,
                       NetworkLayout::kFooterTop + NetworkLayout::kFooterHeight - 8,
                       QPen(EditorStyle::accent(palette()), 4, Qt::SolidLine, Qt::RoundCap));
    m_marker->setZValue(20);
    m_marker->setVisible(false);

    setSceneRect(bounds.adjusted(-24, -16, 24, 16));

    // Keep the selection on the same layer id when it still exists.
    if (LayerItem* selected = layerItem(m_selectedId)) selected->setSelected(true);
    m_rebuilding = false;
    if (m_selectedId >= 0 && !layerItem(m_selectedId)) {
        m_selectedId = -1;
        emit layerSelected(-1);
    }
    applySnapshot();
    updateValidity();
    emit layoutChanged();
}

void NetworkScene::updateValidity() {
    const bool valid = !m_reportKnown || m_report.ok();
    const QString message = valid ? QString() : qstr(m_report.error);
    if (valid == m_valid && message == m_validityMessage) return;
    m_valid = valid;
    m_validityMessage = message;
    emit validityChanged(m_valid, m_validityMessage);
}

nnplay::Matrix NetworkScene::weightsOf(int layerIndex) const {
    const auto index = static_cast<std::size_t>(layerIndex);
    if (m_snapshot.present && index < m_snapshot.weights.size() &&
        m_snapshot.weights[index].size() > 0) {
        return m_snapshot.weights[index];
    }
    const auto& layers = m_document->project().network.layers;
    if (index < layers.size() && !layers[index].params.empty()) return layers[index].params[0];
    return {};
}

void NetworkScene::applySnapshot() {
    const auto& layers = m_document->project().network.layers;
    for (std::size_t i = 0; i < m_neurons.size(); ++i) {
        const auto& neurons = m_neurons[i];
        for (NeuronItem* neuron : neurons) {
            const auto index = static_cast<std::size_t>(neuron->layerIndex());
            QImage image;
            if (m_snapshot.present && index < m_snapshot.thumbnails.size() &&
                m_snapshot.thumbnails[index].size() == neurons.size()) {
                image = DivergingColorMap::gridImage(
                    m_snapshot.thumbnails[index][static_cast<std::size_t>(neuron->unit())],
                    m_snapshot.thumbnailSize);
            }
            neuron->setImage(image);
        }
    }
    for (std::size_t i = 0; i < m_links.size(); ++i) {
        if (m_links[i]) m_links[i]->setWeights(weightsOf(static_cast<int>(i)));
    }
    for (std::size_t i = 0; i < m_layerItems.size(); ++i) {
        LayerItem* item = m_layerItems[i];
        if (item && item->kind() == Kind::Block && i < layers.size() && layers[i].type == "dense")
            item->setHeatmap(DivergingColorMap::matrixImage(weightsOf(static_cast<int>(i))));
    }
    if (m_output) {
        std::vector<QImage> images;
        const std::size_t nodes = m_output->nodes().size();
        if (m_snapshot.present && m_snapshot.boundary.size() == nodes && m_snapshot.gridSize > 0) {
            // Probabilities (after sigmoid or softmax) are centred on 0.5; map them to -1..1.
            const std::string last = layers.empty() ? std::string() : layers.back().type;
            const bool probabilities = last == "sigmoid" || last == "softmax";
            for (const auto& grid : m_snapshot.boundary) {
                if (!probabilities) {
                    images.push_back(DivergingColorMap::gridImage(grid, m_snapshot.gridSize));
                    continue;
                }
                std::vector<float> centred(grid.size());
                std::transform(grid.begin(), grid.end(), centred.begin(),
                               [](float p) { return 2 * p - 1; });
                images.push_back(DivergingColorMap::gridImage(centred, m_snapshot.gridSize));
            }
        }
        m_output->setImages(images);
    }
}

void NetworkScene::onSelectionChanged() {
    if (m_rebuilding) return;
    int id = -1;
    for (QGraphicsItem* item : selectedItems()) {
        if (auto* layer = qgraphicsitem_cast<LayerItem*>(item)) id = layer->layerId();
    }
    if (id == m_selectedId) return;
    m_selectedId = id;
    emit layerSelected(id);
}

void NetworkScene::selectLayer(int layerId) {
    LayerItem* target = layerItem(layerId);
    {
        const QSignalBlocker blocker(this);
        clearSelection();
        if (target) target->setSelected(true);
    }
    const int id = target ? layerId : -1;
    if (id == m_selectedId) return;
    m_selectedId = id;
    emit layerSelected(id);
}

void NetworkScene::showInsertionMarker(int index) {
    if (!m_marker) return;
    index = std::clamp(index, 0, m_layout.layerCount());
    const double x = m_layout.insertionPoint(index).x();
    m_marker->setLine(x, m_marker->line().y1(), x, m_marker->line().y2());
    m_marker->setVisible(true);
    m_markerIndex = index;
}

void NetworkScene::hideInsertionMarker() {
    if (m_marker) m_marker->setVisible(false);
    m_markerIndex = -1;
}

LayerItem* NetworkScene::layerItem(int layerId) const {
    for (LayerItem* item : m_layerItems)
        if (item && item->layerId() == layerId) return item;
    return nullptr;
}

LayerItem* NetworkScene::layerItemAt(int index) const {
    if (index < 0 || index >= static_cast<int>(m_layerItems.size())) return nullptr;
    return m_layerItems[static_cast<std::size_t>(index)];
}

NeuronItem* NetworkScene::neuronItem(int layerIndex, int unit) const {
    if (layerIndex < 0 || layerIndex >= static_cast<int>(m_neurons.size())) return nullptr;
    const auto& neurons = m_neurons[static_cast<std::size_t>(layerIndex)];
    if (unit < 0 || unit >= static_cast<int>(neurons.size())) return nullptr;
    return neurons[static_cast<std::size_t>(unit)];
}

FeatureItem* NetworkScene::featureItem(const QString& name) const {
    for (FeatureItem* item : m_features)
        if (item->name() == name) return item;
    return nullptr;
}

UnitButtonItem* NetworkScene::unitButton(int layerId, int delta) const {
    LayerItem* layer = layerItem(layerId);
    if (!layer) return nullptr;
    for (QGraphicsItem* child : layer->childItems()) {
        auto* button = qgraphicsitem_cast<UnitButtonItem*>(child);
        if (button && (button->delta() > 0) == (delta > 0)) return button;
    }
    return nullptr;
}

LinkBundleItem* NetworkScene::linkBundle(int layerIndex) const {
    if (layerIndex < 0 || layerIndex >= static_cast<int>(m_links.size())) return nullptr;
    return m_links[static_cast<std::size_t>(layerIndex)];
}

int NetworkScene::insertLayerAt(int index, const QString& type) {
    const int id = insertLayer(*m_document, index, type.toStdString());
    if (id >= 0) selectLayer(id);
    return id;
}

bool NetworkScene::removeSelectedLayer() {
    if (m_selectedId < 0) return false;
    return removeLayer(*m_document, m_selectedId);
}

bool NetworkScene::moveLayer(int layerId, int gapIndex) {
    return nnplay::ui::moveLayer(*m_document, layerId, gapIndex);
}

bool NetworkScene::changeUnits(int layerId, int delta) {
    const nnplay::NetworkSpec& spec = m_document->project().network;
    const int index = spec.indexOf(layerId);
    if (index < 0) return false;
    const nnplay::LayerSpec& layer = spec.layers[static_cast<std::size_t>(index)];
    const nnplay::LayerInfo* info = nnplay::LayerRegistry::builtin().find(layer.type);
    const nnplay::SettingInfo* units = info ? info->findSetting("units") : nullptr;
    if (!units) return false;
    const double maximum = std::min<double>(kMaxUnitsFromButtons, units->maximum);
    const double value =
        std::clamp(layer.setting("units") + delta, std::max(1.0, units->minimum), maximum);
    return setLayerSetting(*m_document, layerId, "units", value);
}

bool NetworkScene::toggleFeature(const QString& name) {
    return togglePlaneFeature(*m_document, name.toStdString());
}

void NetworkScene::hoverNeuron(int layerIndex, int unit) {
    if (m_rebuilding) return;
    m_neuronHovered = layerIndex >= 0;
    emit neuronHovered(layerIndex, unit);
}

void NetworkScene::beginLayerDrag(int layerId) {
    LayerItem* item = layerItem(layerId);
    if (!item) return;
    m_dragLayerId = layerId;
    m_dragOrigin = item->pos();
    item->setZValue(30);
    item->setOpacity(0.85);
    for (LinkBundleItem* links : m_links)
        if (links) links->setOpacity(0.25);
    if (m_outputLinks) m_outputLinks->setOpacity(0.25);
}

void NetworkScene::updateLayerDrag(int layerId, const QPointF& scenePos,
                                   const QPointF& pressScenePos) {
    LayerItem* item = layerItem(layerId);
    if (!item || layerId != m_dragLayerId) return;
    item->setPos(m_dragOrigin + QPointF(scenePos.x() - pressScenePos.x(), 0));
    const int gap = insertionIndexAt(scenePos);
    const int from = item->layerIndex();
    if (gap == from || gap == from + 1)
        hideInsertionMarker();
    else
        showInsertionMarker(gap);
}

void NetworkScene::finishLayerDrag(int layerId, const QPointF& scenePos) {
    if (layerId != m_dragLayerId) return;
    m_dragLayerId = -1;
    hideInsertionMarker();
    if (!moveLayer(layerId, insertionIndexAt(scenePos))) rebuild();  // snap back
}

void NetworkScene::drawBackground(QPainter* painter, const QRectF& rect) {
    painter->fillRect(rect, EditorStyle::canvas(palette()));
}

bool NetworkScene::event(QEvent* event) {
    if (event->type() == QEvent::PaletteChange) rebuild();
    return QGraphicsScene::event(event);
}

}  // namespace nnplay::ui
