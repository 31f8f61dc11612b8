// SPDX-License-Identifier: GPL-3.0-or-later
#include "editor/NetworkSceneBuilder.h"

#include <QGraphicsLineItem>
#include <QGraphicsScene>
#include <QGraphicsTextItem>
#include <QLocale>
#include <algorithm>
#include <utility>

#include "data/Features.h"
#include "data/PlaneGenerators.h"
#include "editor/EditorStyle.h"
#include "editor/FeatureItem.h"
#include "editor/InputBlockItem.h"
#include "editor/LayerItem.h"
#include "editor/LinkBundleItem.h"
#include "editor/LockItem.h"
#include "editor/NetworkScene.h"
#include "editor/NeuronItem.h"
#include "editor/OutputItem.h"
#include "editor/UnitButtonItem.h"
#include "layers/LayerRegistry.h"

namespace nnplay::ui {

namespace {

using Kind = NetworkLayout::Kind;

QString qstr(const std::string& text) { return QString::fromStdString(text); }

/// "0.5", "0.01": a setting value without trailing zeros.
QString formatValue(double value) { return QLocale().toString(value, 'g', 4); }

/// "1 neuron", "4 neurons" (no translations ship yet, so English plurals are chosen here).
QString counted(long long n, const char* one, const char* many) {
    return NetworkSceneBuilder::tr(n == 1 ? one : many).arg(QLocale().toString(n));
}

QString paramsText(long long count) { return counted(count, "%1 param", "%1 params"); }

/// Right-edge centre and left-edge centre of a node rect.
QPointF rightAnchor(const QRectF& r) { return {r.right(), r.center().y()}; }
QPointF leftAnchor(const QRectF& r) { return {r.left(), r.center().y()}; }

}  // namespace

NetworkSceneBuilder::NetworkSceneBuilder(QGraphicsScene* scene, NetworkLayout* layout)
    : m_scene(scene), m_layout(layout) {}

NetworkLayout::Kind NetworkSceneBuilder::kindOf(const nnplay::LayerSpec& layer) {
    const nnplay::LayerInfo* info = nnplay::LayerRegistry::builtin().find(layer.type);
    if (!info) return Kind::Block;
    if (info->drawsNeurons) {
        return layer.setting("units") <= NetworkScene::kMaxDrawnNeurons ? Kind::Neurons
                                                                        : Kind::Block;
    }
    if (info->isActivation) return Kind::Chip;
    try {
        if (info->paramCount(layer, nnplay::Shape::flat(4)) == 0) return Kind::Chip;
    } catch (const std::exception&) {
    }
    return Kind::Block;
}

int NetworkSceneBuilder::thumbnailIndexFor(const nnplay::NetworkSpec& spec, int denseIndex) {
    // A neuron shows its output after the activations (and dropouts) that follow it.
    const auto& layers = spec.layers;
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

NetworkSceneBuilder::Items NetworkSceneBuilder::build(const nnplay::Project& project,
                                                      const nnplay::NetworkSpec& network,
                                                      const std::optional<nnplay::DataInfo>& info,
                                                      const nnplay::ShapeReport* shapes) {
    m_items = {};
    m_project = &project;
    m_spec = &network;
    m_data = &project.data;
    m_info = info ? &*info : nullptr;
    m_report = shapes;
    m_ganRole = GanRole::None;
    if (project.task == nnplay::Task::Gan) {
        m_ganRole = &network == project.findNetwork(nnplay::Project::kDiscriminator)
                        ? GanRole::Discriminator
                        : GanRole::Generator;
    }
    // A GAN's networks read plain coordinates, never the 2-D feature toggles.
    m_plane = m_ganRole == GanRole::None && nnplay::isPlaneSource(project.data.source);
    m_anchors.clear();
    m_anchorColumn = m_plane ? 0 : -1;
    m_linkedGaps.clear();

    layOut();
    drawInputs();
    const int count = static_cast<int>(m_spec->layers.size());
    m_items.layers.assign(static_cast<std::size_t>(count), nullptr);
    m_items.neurons.assign(static_cast<std::size_t>(count), {});
    m_items.links.assign(static_cast<std::size_t>(count), nullptr);
    for (int i = 0; i < count; ++i) drawLayer(i);
    drawOutput();
    drawFlowLines();
    drawMessageAndMarker();
    return m_items;
}

const nnplay::LayerShapeInfo* NetworkSceneBuilder::layerReport(int i) const {
    if (!m_report || i < 0 || i >= static_cast<int>(m_report->layers.size())) return nullptr;
    return &m_report->layers[static_cast<std::size_t>(i)];
}

int NetworkSceneBuilder::networkOutputs() const {
    // Known once shape inference reached the last layer, even when the output itself does not
    // fit the data.
    const auto* last = layerReport(static_cast<int>(m_spec->layers.size()) - 1);
    return last && last->inferred ? last->output.size() : 1;
}

int NetworkSceneBuilder::inputSizeOf(int i) const {
    if (i == 0 && m_ganRole == GanRole::Generator) return m_project->gan.noise.dim;
    if (i == 0) return m_info ? m_info->inputShape.size() : -1;
    return layerReport(i - 1) ? layerReport(i - 1)->output.size() : -1;
}

void NetworkSceneBuilder::layOut() {
    const auto& featureNames = nnplay::planeFeatureNames();
    NetworkLayout::ColumnRequest input{m_plane ? Kind::Features : Kind::InputBlock,
                                       m_plane ? static_cast<int>(featureNames.size()) : 0};
    std::vector<Kind> kinds;
    for (const auto& layer : m_spec->layers) kinds.push_back(kindOf(layer));
    if (!m_plane) showWeightsOfLoneNeurons(kinds);
    std::vector<NetworkLayout::ColumnRequest> columns;
    for (std::size_t i = 0; i < kinds.size(); ++i) {
        const Kind kind = kinds[i];
        columns.push_back(
            {kind, kind == Kind::Neurons ? static_cast<int>(m_spec->layers[i].setting("units"))
                                         : 0});
    }
    const int outputs = networkOutputs();
    const int outputNodeCount = m_plane && outputs <= 4 ? outputs : 0;
    m_layout->compute(input, columns, {Kind::Output, outputNodeCount});
}

void NetworkSceneBuilder::showWeightsOfLoneNeurons(std::vector<Kind>& kinds) {
    // Off the plane a neuron has no picture: only links to or from a neighbouring column of
    // neurons (past the chips between) show anything of it. Without them the layer is drawn
    // as a block of its weights, like a large one.
    const int count = static_cast<int>(kinds.size());
    const auto neuronsBeside = [&](int i, int step) {
        for (int j = i + step; j >= 0 && j < count; j += step) {
            if (kinds[static_cast<std::size_t>(j)] != Kind::Chip)
                return kinds[static_cast<std::size_t>(j)] == Kind::Neurons;
        }
        return false;
    };
    std::vector<Kind> shown = kinds;
    for (int i = 0; i < count; ++i) {
        if (kinds[static_cast<std::size_t>(i)] == Kind::Neurons && !neuronsBeside(i, -1) &&
            !neuronsBeside(i, +1))
            shown[static_cast<std::size_t>(i)] = Kind::Block;
    }
    kinds = std::move(shown);
}

void NetworkSceneBuilder::drawInputs() {
    if (m_ganRole != GanRole::None) {
        drawGanInputs();
        return;
    }
    const auto& featureNames = nnplay::planeFeatureNames();
    const NetworkLayout::Column& inputColumn = m_layout->input();
    if (m_plane) {
        const auto& selected = m_data->features;
        for (std::size_t f = 0; f < featureNames.size(); ++f) {
            const QString name = qstr(featureNames[f]);
            const bool active =
                std::find(selected.begin(), selected.end(), featureNames[f]) != selected.end();
            auto* item = new FeatureItem(
                name, active, inputColumn.nodes[f].translated(-inputColumn.rect.left(), 0));
            item->setPos(inputColumn.rect.left(), 0);
            m_scene->addItem(item);
            m_items.features.push_back(item);
        }
        // Links leave the features in the order of the weight columns: DataSpec::features.
        for (const auto& name : selected) {
            const auto it = std::find(featureNames.begin(), featureNames.end(), name);
            if (it == featureNames.end()) continue;
            m_anchors.push_back(rightAnchor(
                inputColumn.nodes[static_cast<std::size_t>(it - featureNames.begin())]));
        }
        auto* header = m_scene->addSimpleText(tr("Inputs"), EditorStyle::titleFont());
        header->setBrush(EditorStyle::text(m_scene->palette()));
        header->setPos(inputColumn.rect.center().x() - header->boundingRect().width() / 2,
                       NetworkLayout::kTitleTop);
        return;
    }
    QString headline = tr("Inputs");
    QString detail = tr("load the data to see them");
    QStringList names;
    if (m_info) {
        const int n = m_info->inputShape.size();
        if (m_info->imageShape.size() > 0) {
            headline = counted(n, "%1 pixel", "%1 pixels");
            detail = tr("%1×%2 image").arg(m_info->imageShape.height).arg(m_info->imageShape.width);
        } else if (m_info->inputShape.isSequence()) {
            // A sequence: its steps, each of the same features (one-hot characters, a value).
            headline = counted(m_info->inputShape.steps, "%1 step", "%1 steps");
            detail = counted(m_info->inputShape.stepSize(), "of %1 value", "of %1 values");
            for (const auto& name : m_info->featureNames) names << qstr(name);
        } else {
            headline = counted(n, "%1 input", "%1 inputs");
            detail = m_data->source == "csv" ? tr("table columns") : QString();
            for (const auto& name : m_info->featureNames) names << qstr(name);
        }
    }
    auto* block = new InputBlockItem(inputColumn.rect.size(), headline, detail, names);
    block->setPos(inputColumn.rect.topLeft());
    m_scene->addItem(block);
}

LayerItem::Content NetworkSceneBuilder::layerContent(int i) const {
    const nnplay::LayerSpec& layer = m_spec->layers[static_cast<std::size_t>(i)];
    const nnplay::LayerInfo* layerInfo = nnplay::LayerRegistry::builtin().find(layer.type);
    const NetworkLayout::Column& column = m_layout->layer(i);
    const nnplay::LayerShapeInfo* shape = layerReport(i);
    const bool reportKnown = m_report != nullptr;

    LayerItem::Content content;
    content.type = layer.type;
    content.title = layerInfo ? qstr(layerInfo->displayName) : qstr(layer.type);
    if (layerInfo && layerInfo->findSetting("units")) {
        content.detail =
            counted(static_cast<int>(layer.setting("units")), "%1 neuron", "%1 neurons");
    } else if (layerInfo && layerInfo->summary) {
        content.detail = qstr(layerInfo->summary(layer));
    } else if (layerInfo) {
        QStringList parts;
        for (const auto& setting : layerInfo->settings) {
            const double value = layer.setting(setting.key);
            const QString label = qstr(setting.label).toLower();
            if (setting.kind == nnplay::SettingInfo::Kind::Flag) {
                if (value != 0) parts << label;
            } else if (setting.kind == nnplay::SettingInfo::Kind::Choice) {
                parts << QStringLiteral("%1 %2").arg(
                    label, qstr(setting.choices.at(static_cast<std::size_t>(value))));
            } else {
                parts << QStringLiteral("%1 %2").arg(label, formatValue(value));
            }
        }
        content.detail = parts.join(QStringLiteral(", "));
    }
    // Layers after an error have no shape yet: show "?" rather than a default.
    const bool shapeKnown = shape && shape->inferred && shape->error.empty();
    if (shapeKnown) {
        content.shapeText = QStringLiteral("→ ") + qstr(shape->output.toString());
        content.paramsText = paramsText(shape->paramCount);
    } else {
        content.shapeText = QStringLiteral("→ ?");
        content.paramsText = reportKnown ? QString() : tr("load data for shapes");
    }
    if (column.kind == Kind::Chip && shapeKnown && shape->paramCount == 0 &&
        shape->output.size() == inputSizeOf(i)) {
        content.shapeText.clear();
        content.paramsText.clear();
    }
    const bool errorHere = reportKnown && m_report->errorLayer == i;
    if (shape && !shape->error.empty()) content.errorText = qstr(shape->error);
    if (errorHere && content.errorText.isEmpty()) content.errorText = qstr(m_report->error);
    QStringList tip{QStringLiteral("%1 (layer %2)").arg(content.title).arg(i + 1)};
    if (layerInfo) tip << qstr(layerInfo->description);
    if (shapeKnown)
        tip << tr("Output %1, %2")
                   .arg(qstr(shape->output.toString()), paramsText(shape->paramCount));
    if (errorHere)
        tip << QStringLiteral("⚠ ") + qstr(m_report->error);
    else if (!content.errorText.isEmpty())
        tip << QStringLiteral("⚠ ") + content.errorText;
    content.frozen = !layer.trainable && layerInfo && layerInfo->hasWeights();
    if (content.frozen) {
        tip << tr("Frozen: training leaves its weights as they are.");
    } else if (layerInfo && layerInfo->hasWeights()) {
        tip << tr("Click the lock to freeze it (training then leaves its weights).");
    }
    tip << tr("Drag sideways to move it, Delete to remove it.");
    content.toolTip = tip.join(QStringLiteral("\n"));
    return content;
}

void NetworkSceneBuilder::drawLayer(int i) {
    const nnplay::LayerSpec& layer = m_spec->layers[static_cast<std::size_t>(i)];
    const nnplay::LayerInfo* layerInfo = nnplay::LayerRegistry::builtin().find(layer.type);
    const NetworkLayout::Column& column = m_layout->layer(i);
    const nnplay::LayerShapeInfo* shape = layerReport(i);
    const int inputSize = inputSizeOf(i);
    const LayerItem::Content content = layerContent(i);

    auto* item = new LayerItem(layer.id, i, column.kind, column.rect.size(), content);
    item->setPos(column.rect.topLeft());
    m_scene->addItem(item);
    m_items.layers[static_cast<std::size_t>(i)] = item;

    if (layerInfo && layerInfo->findSetting("units")) {
        const int units = static_cast<int>(layer.setting("units"));
        const int maximum =
            std::min<int>(NetworkScene::kMaxUnitsFromButtons,
                          static_cast<int>(layerInfo->findSetting("units")->maximum));
        auto* minus = new UnitButtonItem(layer.id, -1, units > 1, item);
        const double middle = column.rect.width() / 2;
        minus->setPos(middle - 4 - UnitButtonItem::kSize, NetworkLayout::kButtonTop);
        auto* plus = new UnitButtonItem(layer.id, +1, units < maximum, item);
        plus->setPos(middle + 4, NetworkLayout::kButtonTop);
    }

    if (layerInfo && layerInfo->hasWeights()) {
        // A badge on the card's top right corner, half above it, clear of the title.
        auto* lock = new LockItem(layer.id, !layer.trainable, item);
        lock->setPos(column.rect.width() - LockItem::kSize + 6, -LockItem::kSize / 2);
    }

    if (column.kind == Kind::Neurons) {
        drawNeurons(i, item, content.title);
    } else if (column.kind == Kind::Block) {
        m_anchors.clear();
    } else if (shape && inputSize >= 0 && shape->output.size() != inputSize) {
        m_anchors.clear();  // a chip that changes the shape breaks the links
    }
}

void NetworkSceneBuilder::drawNeurons(int i, LayerItem* item, const QString& title) {
    const NetworkLayout::Column& column = m_layout->layer(i);
    const int thumbIndex = thumbnailIndexFor(*m_spec, i);
    const int inputSize = inputSizeOf(i);
    std::vector<QPointF> targets;
    std::vector<QPointF> outAnchors;
    for (int u = 0; u < static_cast<int>(column.nodes.size()); ++u) {
        const QRectF& node = column.nodes[static_cast<std::size_t>(u)];
        auto* neuron = new NeuronItem(thumbIndex, u, node.width(), item);
        neuron->setPos(node.topLeft() - column.rect.topLeft());
        neuron->setDescription(
            tr("Neuron %1 of %2 (layer %3). Drag it up or down to change its bias.")
                .arg(u + 1)
                .arg(title)
                .arg(i + 1));
        m_items.neurons[static_cast<std::size_t>(i)].push_back(neuron);
        targets.push_back(leftAnchor(node));
        outAnchors.push_back(rightAnchor(node));
    }
    const bool inputsMatch =
        !m_anchors.empty() && (inputSize < 0 || inputSize == static_cast<int>(m_anchors.size()));
    if (inputsMatch) {
        auto* links = new LinkBundleItem(i, m_anchors, targets);
        m_scene->addItem(links);
        m_items.links[static_cast<std::size_t>(i)] = links;
        for (int g = m_anchorColumn; g <= i; ++g) m_linkedGaps.push_back(g);
    }
    m_anchors = outAnchors;
    m_anchorColumn = i + 1;
}

void NetworkSceneBuilder::drawGanInputs() {
    const NetworkLayout::Column& inputColumn = m_layout->input();
    QString headline;
    QString detail;
    QStringList names;
    if (m_ganRole == GanRole::Generator) {
        const nnplay::NoiseSpec& noise = m_project->gan.noise;
        headline = counted(noise.dim, "%1 noise value", "%1 noise values");
        detail = noise.distribution == nnplay::NoiseDistribution::Uniform
                     ? tr("uniform in [−1, 1]")
                     : tr("Gaussian, mean 0, sd 1");
        if (noise.dim <= 8) {
            for (int z = 1; z <= noise.dim; ++z) names << tr("z%1").arg(z);
        }
    } else if (m_info && m_info->imageShape.size() > 0) {
        headline = counted(m_info->inputShape.size(), "%1 pixel", "%1 pixels");
        detail = tr("%1×%2, real or fake")
                     .arg(m_info->imageShape.height)
                     .arg(m_info->imageShape.width);
    } else {
        headline = counted(m_info ? m_info->inputShape.size() : 2, "%1 input", "%1 inputs");
        detail = tr("real or fake");
        names << QStringLiteral("x1") << QStringLiteral("x2");
    }
    auto* block = new InputBlockItem(inputColumn.rect.size(), headline, detail, names);
    block->setPos(inputColumn.rect.topLeft());
    m_scene->addItem(block);
}

void NetworkSceneBuilder::drawGanOutput() {
    const NetworkLayout::Column& outputColumn = m_layout->output();
    // Short words: the output column is narrow.
    const QString headline = m_ganRole == GanRole::Discriminator ? tr("Real?") : tr("Fake");
    QString detail = counted(networkOutputs(), "from %1 output", "from %1 outputs");
    // Under the headline, what the outputs are: D's verdict, or the fake's coordinates.
    QStringList names;
    if (m_ganRole == GanRole::Discriminator) {
        names << tr("1 = real") << tr("0 = fake");
    } else if (m_info && m_info->imageShape.size() > 0) {
        detail = tr("%1×%2 image").arg(m_info->imageShape.height).arg(m_info->imageShape.width);
    } else if (networkOutputs() <= 8) {
        for (int x = 1; x <= networkOutputs(); ++x) names << tr("x%1").arg(x);
    }
    m_items.output = new OutputItem(outputColumn.rect.size(), headline, detail, {}, names);
    m_items.output->setPos(outputColumn.rect.topLeft());
    m_scene->addItem(m_items.output);
}

void NetworkSceneBuilder::drawOutput() {
    if (m_ganRole != GanRole::None) {
        drawGanOutput();
        return;
    }
    const NetworkLayout::Column& outputColumn = m_layout->output();
    QString headline = tr("Output");
    QString detail;
    if (m_info) {
        headline = m_info->task == nnplay::Task::Classification
                       ? counted(m_info->classCount(), "%1 class", "%1 classes")
                       : counted(m_info->targetCount, "%1 value", "%1 values");
        detail = counted(networkOutputs(), "from %1 output", "from %1 outputs");
    } else {
        detail = tr("load the data to check");
    }
    std::vector<QRectF> outputNodes;
    for (const QRectF& node : outputColumn.nodes)
        outputNodes.push_back(node.translated(-outputColumn.rect.topLeft()));
    QStringList classNames;
    if (m_info && m_info->task == nnplay::Task::Classification && !m_plane) {
        for (const auto& name : m_info->classNames) classNames << qstr(name);
    }
    m_items.output =
        new OutputItem(outputColumn.rect.size(), headline, detail, outputNodes, classNames);
    m_items.output->setPos(outputColumn.rect.topLeft());
    m_scene->addItem(m_items.output);
    if (!outputColumn.nodes.empty() && m_anchors.size() == outputColumn.nodes.size()) {
        std::vector<QPointF> targets;
        for (const QRectF& node : outputColumn.nodes) targets.push_back(leftAnchor(node));
        m_items.outputLinks = new LinkBundleItem(-1, m_anchors, targets, true);
        m_scene->addItem(m_items.outputLinks);
        const int count = static_cast<int>(m_spec->layers.size());
        for (int g = m_anchorColumn; g <= count; ++g) m_linkedGaps.push_back(g);
    }
}

void NetworkSceneBuilder::drawFlowLines() {
    // Flow lines through the gaps that no links cross.
    const int count = static_cast<int>(m_spec->layers.size());
    const NetworkLayout::Column& inputColumn = m_layout->input();
    const NetworkLayout::Column& outputColumn = m_layout->output();
    const QColor wire = EditorStyle::wire(m_scene->palette());
    for (int g = 0; g <= count; ++g) {
        if (std::find(m_linkedGaps.begin(), m_linkedGaps.end(), g) != m_linkedGaps.end()) continue;
        const double left = g == 0 ? inputColumn.rect.right() : m_layout->layer(g - 1).rect.right();
        const double right = g == count ? outputColumn.rect.left() : m_layout->layer(g).rect.left();
        auto* line =
            m_scene->addLine(left, NetworkLayout::centerY(), right, NetworkLayout::centerY(),
                             QPen(wire, 2.5, Qt::SolidLine, Qt::RoundCap));
        line->setZValue(1);
    }
}

void NetworkSceneBuilder::drawMessageAndMarker() {
    // The error sentence under everything, readable from the back of the room.
    QRectF bounds = m_layout->bounds();
    // When a layer is to blame, a dashed line leads from its column down to the sentence, which
    // its footer points to when the reason is too long for it.
    if (m_report && !m_report->ok()) {
        const QColor red = EditorStyle::error(m_scene->palette());
        const double gap = 28;
        m_items.message = m_scene->addText(QStringLiteral("⚠  ") + qstr(m_report->error),
                                           EditorStyle::titleFont());
        m_items.message->setDefaultTextColor(red);
        m_items.message->setTextWidth(std::max(300.0, bounds.width()));
        m_items.message->setPos(bounds.left(), bounds.bottom() + gap);
        const int errorLayer = m_report->errorLayer;
        if (errorLayer >= 0 && errorLayer < m_layout->layerCount()) {
            const QRectF column = m_layout->layer(errorLayer).rect;
            auto* pointer = m_scene->addLine(column.center().x(), column.bottom() + 2,
                                             column.center().x(), bounds.bottom() + gap - 2,
                                             QPen(red, 2, Qt::DashLine, Qt::RoundCap));
            pointer->setZValue(1);
        }
        bounds = bounds.united(m_items.message->sceneBoundingRect());
    }

    m_items.marker = m_scene->addLine(
        0, NetworkLayout::kContentTop - 16, 0,
        NetworkLayout::kFooterTop + NetworkLayout::kFooterHeight - 8,
        QPen(EditorStyle::accent(m_scene->palette()), 4, Qt::SolidLine, Qt::RoundCap));
    m_items.marker->setZValue(20);
    m_items.marker->setVisible(false);

    m_items.sceneRect = bounds.adjusted(-12, -12, 12, 12);
}

}  // namespace nnplay::ui
