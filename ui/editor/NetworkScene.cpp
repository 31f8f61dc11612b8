// SPDX-License-Identifier: GPL-3.0-or-later
#include "editor/NetworkScene.h"

#include <QEvent>
#include <QGraphicsLineItem>
#include <QGraphicsSceneContextMenuEvent>
#include <QGraphicsSceneMouseEvent>
#include <QGraphicsTextItem>
#include <QMenu>
#include <QPainter>
#include <QTimer>
#include <algorithm>
#include <cmath>
#include <memory>

#include "Project.h"
#include "document/DocumentEdits.h"
#include "document/ProjectDocument.h"
#include "editor/DivergingColorMap.h"
#include "editor/EditorStyle.h"
#include "editor/FeatureItem.h"
#include "editor/LayerItem.h"
#include "editor/LinkBundleItem.h"
#include "editor/LockItem.h"
#include "editor/NetworkSceneBuilder.h"
#include "editor/NeuronItem.h"
#include "editor/OutputItem.h"
#include "editor/UnitButtonItem.h"
#include "editor/ValueTagItem.h"
#include "layers/LayerRegistry.h"
#include "train/NetworkCheck.h"
#include "train/OutputReading.h"
#include "train/TrainingSnapshot.h"

namespace nnplay::ui {

namespace {

using Kind = NetworkLayout::Kind;

QString qstr(const std::string& text) { return QString::fromStdString(text); }

/// Where along a selected link its weight is shown: the middle, away from the neurons.
constexpr double kValueTagAlong = 0.5;

}  // namespace

NetworkScene::NetworkScene(ProjectDocument* document, QObject* parent)
    : QGraphicsScene(parent),
      m_document(document),
      m_loss(document->project().training.loss),
      m_noise(document->project().gan.noise) {
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
    connect(m_document, &ProjectDocument::ganChanged, this, [this] {
        // Of a GAN's settings only the noise is drawn: it is the generator's input.
        if (m_document->project().gan.noise == m_noise) return;
        m_noise = m_document->project().gan.noise;
        rebuild();
    });
    connect(m_document, &ProjectDocument::projectReplaced, this, [this] {
        m_snapshot = {};
        m_loss = m_document->project().training.loss;
        m_noise = m_document->project().gan.noise;
        if (!m_document->network(m_networkName)) m_networkName.clear();
        selectLayer(-1);
        rebuild();
    });
    connect(m_document, &ProjectDocument::parameterChanged, this,
            &NetworkScene::onParameterChanged);
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

void NetworkScene::setNetworkName(const std::string& name) {
    const std::string next = m_document->network(name) ? name : std::string();
    if (next == m_networkName) return;
    m_networkName = next;
    m_snapshot = {};
    selectLayer(-1);
    rebuild();
}

const nnplay::NetworkSpec& NetworkScene::shownNetwork() const {
    const nnplay::NetworkSpec* network = m_document->network(m_networkName);
    return network ? *network : m_document->project().network();
}

bool NetworkScene::showsFirstNetwork() const {
    return m_networkName.empty() || m_networkName == m_document->project().networks.front().name;
}

void NetworkScene::setSnapshot(const TrainingSnapshot& snapshot) {
    // Snapshots carry the first network's weights and pictures, and a GAN's discriminator
    // weights.
    if (!showsFirstNetwork()) {
        if (m_networkName != nnplay::Project::kDiscriminator) return;
        m_snapshot = {};
        m_snapshot.present = true;
        m_snapshot.weights = snapshot.gan.discriminatorWeights;
        applySnapshot();
        return;
    }
    m_snapshot.present = true;
    m_snapshot.thumbnailSize = snapshot.thumbnailSize;
    m_snapshot.thumbnails = snapshot.thumbnails;
    m_snapshot.weights = snapshot.weights;
    m_snapshot.unitStates = snapshot.unitStates;
    m_snapshot.gridSize = snapshot.gridSize;
    m_snapshot.boundary = snapshot.boundary;
    // A snapshot sent before the latest step of a drag must not show an older value.
    const ParameterRef& drag = m_parameterDrag;
    const auto index = static_cast<std::size_t>(drag.layerIndex);
    if (drag.layerIndex >= 0 && drag.tensor == 0 && index < m_snapshot.weights.size()) {
        nnplay::Matrix& weights = m_snapshot.weights[index];
        if (drag.row < weights.rows() && drag.col < weights.cols())
            weights(drag.row, drag.col) = m_parameterValue;
    }
    applySnapshot();
}

void NetworkScene::clearSnapshot() {
    m_snapshot = {};
    applySnapshot();
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
    m_valueTag = nullptr;
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
    const nnplay::NetworkSpec& spec = shownNetwork();
    const std::optional<nnplay::DataInfo>& info = m_document->dataInfo();

    m_report = {};
    m_reportKnown = false;
    m_otherNetworkError.clear();
    if (info) {
        try {
            if (project.task == nnplay::Task::Gan) {
                const nnplay::GanShapeReports reports = nnplay::checkGanNetworks(project);
                const bool discriminator = m_networkName == nnplay::Project::kDiscriminator;
                m_report = discriminator ? reports.discriminator : reports.generator;
                // Play needs both networks: the other one's problem counts too.
                const nnplay::ShapeReport& other =
                    discriminator ? reports.generator : reports.discriminator;
                if (!other.ok()) m_otherNetworkError = reports.error();
            } else {
                m_report = nnplay::checkNetwork(spec, *info, project.training.loss);
            }
            m_reportKnown = true;
        } catch (const std::exception& e) {
            m_report.error = e.what();
            m_report.errorLayer = static_cast<int>(spec.layers.size()) - 1;
            m_reportKnown = true;
        }
    }

    NetworkSceneBuilder builder(this, &m_layout);
    NetworkSceneBuilder::Items items =
        builder.build(project, spec, info, m_reportKnown ? &m_report : nullptr);
    m_layerItems = std::move(items.layers);
    m_neurons = std::move(items.neurons);
    m_links = std::move(items.links);
    m_features = std::move(items.features);
    for (FeatureItem* feature : m_features) {
        if (!m_featureChoiceHidden) continue;
        feature->setVisible(feature->isActive());
        feature->unsetCursor();
        feature->setToolTip(tr("Input %1: this lesson keeps the inputs as they are")
                                .arg(FeatureItem::label(feature->name())));
    }
    m_output = items.output;
    m_outputLinks = items.outputLinks;
    m_marker = items.marker;
    m_message = items.message;
    m_valueTag = new ValueTagItem;
    addItem(m_valueTag);
    setSceneRect(items.sceneRect);
    // Keep the selected weight or bias while its layer still has it.
    const ParameterRef selected = m_selectedParameter;
    const LinkBundleItem* bundle = linkBundle(selected.layerIndex);
    const bool selectionFits =
        selected.tensor == 0
            ? bundle && selected.row < bundle->targetCount() && selected.col < bundle->sourceCount()
            : neuronItem(selected.layerIndex, selected.row) != nullptr;
    if (!selectionFits) m_selectedParameter = {};
    m_parameterDrag = {};

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
    const bool shownValid = !m_reportKnown || m_report.ok();
    const bool valid = shownValid && m_otherNetworkError.empty();
    const QString message =
        valid ? QString() : qstr(shownValid ? m_otherNetworkError : m_report.error);
    if (valid == m_valid && message == m_validityMessage) return;
    m_valid = valid;
    m_validityMessage = message;
    emit validityChanged(m_valid, m_validityMessage);
}

nnplay::SessionViews::UnitState NetworkScene::unitState(int layerIndex, int unit) const {
    const auto index = static_cast<std::size_t>(layerIndex);
    if (!m_snapshot.present || index >= m_snapshot.unitStates.size())
        return nnplay::SessionViews::UnitState::Working;
    const auto& states = m_snapshot.unitStates[index];
    const auto u = static_cast<std::size_t>(unit);
    return u < states.size() ? states[u] : nnplay::SessionViews::UnitState::Working;
}

QString NetworkScene::unitStateNote(int layerIndex) const {
    using State = nnplay::SessionViews::UnitState;
    const auto index = static_cast<std::size_t>(layerIndex);
    if (!m_snapshot.present || index >= m_snapshot.unitStates.size()) return QString();
    const auto& states = m_snapshot.unitStates[index];
    const auto dead = std::count(states.begin(), states.end(), State::Dead);
    const auto saturated = std::count(states.begin(), states.end(), State::Saturated);
    const auto units = static_cast<int>(states.size());
    if (dead > 0) return tr("%1 of %2\ndead").arg(dead).arg(units);
    if (saturated > 0) return tr("%1 of %2\nsaturated").arg(saturated).arg(units);
    return QString();
}

nnplay::Matrix NetworkScene::weightsOf(int layerIndex) const {
    const auto index = static_cast<std::size_t>(layerIndex);
    if (m_snapshot.present && index < m_snapshot.weights.size() &&
        m_snapshot.weights[index].size() > 0) {
        return m_snapshot.weights[index];
    }
    const auto& layers = shownNetwork().layers;
    if (index < layers.size() && !layers[index].params.empty()) return layers[index].params[0];
    return {};
}

void NetworkScene::applySnapshot() {
    const auto& layers = shownNetwork().layers;
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
            neuron->setState(unitState(neuron->layerIndex(), neuron->unit()));
        }
    }
    for (std::size_t i = 0; i < m_links.size(); ++i) {
        if (!m_links[i]) continue;
        m_links[i]->setWeights(weightsOf(static_cast<int>(i)));
        const ParameterRef& p = m_selectedParameter;
        const bool selected = p.layerIndex == static_cast<int>(i) && p.tensor == 0;
        m_links[i]->setSelectedLink(selected ? p.row : -1, selected ? p.col : -1);
    }
    updateValueTag();
    for (std::size_t i = 0; i < m_layerItems.size(); ++i) {
        LayerItem* item = m_layerItems[i];
        if (item && item->kind() == Kind::Chip) item->setNote(unitStateNote(static_cast<int>(i)));
        if (!item || item->kind() != Kind::Block || i >= layers.size()) continue;
        const nnplay::LayerInfo* info = nnplay::LayerRegistry::builtin().find(layers[i].type);
        if (!info || !info->hasWeights()) continue;
        // The longer side down the tall block: one neuron shows a column of its inputs' weights.
        const nnplay::Matrix weights = weightsOf(static_cast<int>(i));
        item->setHeatmap(DivergingColorMap::matrixImage(
            weights.cols() > weights.rows() ? nnplay::Matrix(weights.transpose()) : weights));
    }
    if (m_output) {
        std::vector<QImage> images;
        const std::size_t nodes = m_output->nodes().size();
        if (m_snapshot.present && m_snapshot.boundary.size() == nodes && m_snapshot.gridSize > 0) {
            // Centred on the decision point, so the diverging colours split the classes.
            const nnplay::OutputReading reading(
                nnplay::LayerRegistry::builtin().outputKind(shownNetwork()),
                static_cast<int>(nodes));
            for (const auto& grid : m_snapshot.boundary) {
                std::vector<float> centred(grid.size());
                std::transform(grid.begin(), grid.end(), centred.begin(),
                               [&](float y) { return reading.centred(y); });
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

void NetworkScene::selectLink(int layerIndex, int unit, int input) {
    const LinkBundleItem* bundle = linkBundle(layerIndex);
    const bool fits = bundle && unit >= 0 && input >= 0 && unit < bundle->targetCount() &&
                      input < bundle->sourceCount();
    if (fits) selectLayer(-1);
    m_selectedParameter = fits ? ParameterRef{layerIndex, 0, unit, input} : ParameterRef{};
    applySnapshot();
}

std::optional<float> NetworkScene::parameterValue(const ParameterRef& parameter) const {
    if (parameter.layerIndex < 0 || parameter.row < 0 || parameter.col < 0) return std::nullopt;
    if (parameter.tensor == 0) {
        const nnplay::Matrix weights = weightsOf(parameter.layerIndex);
        if (parameter.row < weights.rows() && parameter.col < weights.cols())
            return weights(parameter.row, parameter.col);
        return std::nullopt;
    }
    const auto& layers = shownNetwork().layers;
    const auto layer = static_cast<std::size_t>(parameter.layerIndex);
    const auto tensor = static_cast<std::size_t>(parameter.tensor);
    if (layer >= layers.size() || tensor >= layers[layer].params.size()) return std::nullopt;
    const nnplay::Matrix& values = layers[layer].params[tensor];
    if (parameter.row >= values.rows() || parameter.col >= values.cols()) return std::nullopt;
    return values(parameter.row, parameter.col);
}

void NetworkScene::updateValueTag() {
    if (!m_valueTag) return;
    const ParameterRef& p = m_selectedParameter;
    const std::optional<float> value =
        isDraggingParameter() && p == m_parameterDrag ? m_parameterValue : parameterValue(p);
    QPointF anchor;
    if (p.tensor == 0) {
        if (const LinkBundleItem* bundle = linkBundle(p.layerIndex))
            anchor = bundle->linkPoint(p.row, p.col, kValueTagAlong);
    } else if (const NeuronItem* neuron = neuronItem(p.layerIndex, p.row)) {
        const QRectF box = neuron->sceneBoundingRect();
        anchor = QPointF(box.center().x(), box.top() - 12);
    }
    if (!value || anchor.isNull()) {
        m_valueTag->hide();
        return;
    }
    // Two decimals; three for a value a fine drag (Shift) left between hundredths.
    const double v = *value;
    const bool fine = std::abs(v * 1000 - std::round(v * 1000)) < 0.01 &&
                      std::abs(v * 100 - std::round(v * 100)) > 0.05;
    const QString number = QString::number(v, 'f', fine ? 3 : 2);
    m_valueTag->showValue(p.tensor == 0 ? tr("weight %1").arg(number) : tr("bias %1").arg(number),
                          anchor);
}

bool NetworkScene::beginParameterDrag(int layerIndex, int tensor, int row, int col) {
    // Weights are set by hand in the network the session shows (a GAN's generator).
    if (!showsFirstNetwork()) return false;
    if (m_prepareParameterEdit && !m_prepareParameterEdit()) return false;
    const ParameterRef parameter{layerIndex, tensor, row, col};
    // After the preparer the document holds the weights the session trains.
    const auto& layers = shownNetwork().layers;
    const auto layer = static_cast<std::size_t>(layerIndex);
    const auto index = static_cast<std::size_t>(tensor);
    if (layerIndex < 0 || layer >= layers.size() || tensor < 0 ||
        index >= layers[layer].params.size())
        return false;
    const nnplay::Matrix& values = layers[layer].params[index];
    if (row < 0 || col < 0 || row >= values.rows() || col >= values.cols()) return false;
    m_parameterDrag = parameter;
    m_parameterValue = values(row, col);
    ++m_parameterDrags;
    m_selectedParameter = parameter;
    applySnapshot();
    return true;
}

void NetworkScene::dragParameterBy(double pixels, bool fine) {
    if (!isDraggingParameter() || pixels == 0) return;
    const ParameterRef p = m_parameterDrag;
    const float before = m_parameterValue;
    const double step = fine ? kFineWeightStep : kWeightStep;
    m_parameterValue = static_cast<float>(std::round((before + pixels * step) / step) * step);
    setParameter(*m_document, p.layerIndex, p.tensor, p.row, p.col, before, m_parameterValue,
                 m_parameterDrags);
}

void NetworkScene::finishParameterDrag() {
    m_parameterDrag = {};
    updateValueTag();
}

void NetworkScene::onParameterChanged(int layerIndex, int tensor, int row, int col, float value) {
    const auto index = static_cast<std::size_t>(layerIndex);
    if (tensor == 0 && m_snapshot.present && index < m_snapshot.weights.size()) {
        nnplay::Matrix& weights = m_snapshot.weights[index];
        if (row >= 0 && col >= 0 && row < weights.rows() && col < weights.cols())
            weights(row, col) = value;
    }
    if (LinkBundleItem* bundle = linkBundle(layerIndex)) bundle->setWeights(weightsOf(layerIndex));
    updateValueTag();
}

void NetworkScene::mousePressEvent(QGraphicsSceneMouseEvent* event) {
    // A press anywhere drops the selected weight; a press on a link selects it again.
    if (!isDraggingParameter() && m_selectedParameter.layerIndex >= 0) {
        m_selectedParameter = {};
        applySnapshot();
    }
    QGraphicsScene::mousePressEvent(event);
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

LockItem* NetworkScene::lockItem(int layerId) const {
    LayerItem* layer = layerItem(layerId);
    if (!layer) return nullptr;
    for (QGraphicsItem* child : layer->childItems())
        if (auto* lock = qgraphicsitem_cast<LockItem*>(child)) return lock;
    return nullptr;
}

LinkBundleItem* NetworkScene::linkBundle(int layerIndex) const {
    if (layerIndex < 0 || layerIndex >= static_cast<int>(m_links.size())) return nullptr;
    return m_links[static_cast<std::size_t>(layerIndex)];
}

int NetworkScene::insertLayerAt(int index, const QString& type) {
    const int id = insertLayer(*m_document, index, type.toStdString(), m_networkName);
    if (id >= 0) selectLayer(id);
    return id;
}

bool NetworkScene::removeSelectedLayer() {
    if (m_selectedId < 0) return false;
    return removeLayer(*m_document, m_selectedId, m_networkName);
}

bool NetworkScene::setLayerFrozen(int layerId, bool frozen) {
    return nnplay::ui::setLayerFrozen(*m_document, layerId, frozen, m_networkName);
}

QMenu* NetworkScene::layerMenu(int layerId) {
    const nnplay::NetworkSpec& spec = shownNetwork();
    const int index = spec.indexOf(layerId);
    if (index < 0) return nullptr;
    const nnplay::LayerSpec& layer = spec.layers[static_cast<std::size_t>(index)];
    const nnplay::LayerInfo* info = nnplay::LayerRegistry::builtin().find(layer.type);
    auto* menu = new QMenu;
    if (info && info->hasWeights()) {
        QAction* freeze = menu->addAction(tr("Frozen (not trained)"));
        freeze->setObjectName(QStringLiteral("freeze"));
        freeze->setCheckable(true);
        freeze->setChecked(!layer.trainable);
        connect(freeze, &QAction::toggled, this,
                [this, layerId](bool on) { setLayerFrozen(layerId, on); });
        menu->addSeparator();
    }
    QAction* remove = menu->addAction(tr("Remove Layer"));
    remove->setObjectName(QStringLiteral("remove"));
    connect(remove, &QAction::triggered, this,
            [this, layerId] { removeLayer(*m_document, layerId, m_networkName); });
    return menu;
}

void NetworkScene::contextMenuEvent(QGraphicsSceneContextMenuEvent* event) {
    LayerItem* layer = nullptr;
    for (QGraphicsItem* item : items(event->scenePos())) {
        for (QGraphicsItem* up = item; up && !layer; up = up->parentItem())
            layer = qgraphicsitem_cast<LayerItem*>(up);
        if (layer) break;
    }
    if (!layer) {
        QGraphicsScene::contextMenuEvent(event);
        return;
    }
    selectLayer(layer->layerId());
    std::unique_ptr<QMenu> menu(layerMenu(layer->layerId()));
    if (menu) menu->exec(event->screenPos());
    event->accept();
}

bool NetworkScene::moveLayer(int layerId, int gapIndex) {
    return nnplay::ui::moveLayer(*m_document, layerId, gapIndex, m_networkName);
}

bool NetworkScene::changeUnits(int layerId, int delta) {
    const nnplay::NetworkSpec& spec = shownNetwork();
    const int index = spec.indexOf(layerId);
    if (index < 0) return false;
    const nnplay::LayerSpec& layer = spec.layers[static_cast<std::size_t>(index)];
    const nnplay::LayerInfo* info = nnplay::LayerRegistry::builtin().find(layer.type);
    const nnplay::SettingInfo* units = info ? info->findSetting("units") : nullptr;
    if (!units) return false;
    const double maximum = std::min<double>(kMaxUnitsFromButtons, units->maximum);
    const double value =
        std::clamp(layer.setting("units") + delta, std::max(1.0, units->minimum), maximum);
    return setLayerSetting(*m_document, layerId, "units", value, -1, m_networkName);
}

bool NetworkScene::toggleFeature(const QString& name) {
    if (m_featureChoiceHidden) return false;
    return togglePlaneFeature(*m_document, name.toStdString());
}

void NetworkScene::setHiddenControls(const std::vector<std::string>& names) {
    const bool hidden = std::find(names.begin(), names.end(), "features") != names.end();
    if (hidden == m_featureChoiceHidden) return;
    m_featureChoiceHidden = hidden;
    rebuild();
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
    if (!acceptsDropAt(scenePos) || gap == from || gap == from + 1)
        hideInsertionMarker();
    else
        showInsertionMarker(gap);
}

void NetworkScene::finishLayerDrag(int layerId, const QPointF& scenePos) {
    if (layerId != m_dragLayerId) return;
    m_dragLayerId = -1;
    hideInsertionMarker();
    if (!acceptsDropAt(scenePos) || !moveLayer(layerId, insertionIndexAt(scenePos))) {
        rebuild();  // snap back
    }
}

void NetworkScene::drawBackground(QPainter* painter, const QRectF& rect) {
    painter->fillRect(rect, EditorStyle::canvas(palette()));
}

bool NetworkScene::event(QEvent* event) {
    // The items' fonts start from the application's (EditorStyle), and so do their text
    // layouts.
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::FontChange) rebuild();
    return QGraphicsScene::event(event);
}

}  // namespace nnplay::ui
