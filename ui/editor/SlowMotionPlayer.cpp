// SPDX-License-Identifier: GPL-3.0-or-later
#include "editor/SlowMotionPlayer.h"

#include <QGraphicsDropShadowEffect>
#include <QGraphicsItem>
#include <QTimer>
#include <algorithm>

#include "editor/EditorStyle.h"
#include "editor/FeatureItem.h"
#include "editor/InputBlockItem.h"
#include "editor/LayerItem.h"
#include "editor/LinkBundleItem.h"
#include "editor/NetworkScene.h"
#include "editor/NeuronItem.h"
#include "editor/OutputItem.h"
#include "train/TrainingSnapshot.h"

namespace nnplay::ui {

SlowMotionPlayer::SlowMotionPlayer(NetworkScene* scene, QObject* parent)
    : QObject(parent), m_scene(scene), m_timer(new QTimer(this)) {
    m_timer->setSingleShot(true);
    connect(m_timer, &QTimer::timeout, this, &SlowMotionPlayer::advance);
    // A rebuild replaces every item: draw the stage again on the new ones.
    connect(m_scene, &NetworkScene::layoutChanged, this, [this] {
        if (active()) apply();
    });
}

SlowMotionPlayer::~SlowMotionPlayer() = default;

void SlowMotionPlayer::start(const nnplay::SessionViews::StepStages& stages) {
    if (stages.empty()) return;
    m_stages = stages;
    m_largest = 0.0;
    for (const nnplay::Matrix& g : m_stages.gradients)
        if (g.size() > 0) m_largest = std::max(m_largest, double(g.cwiseAbs().maxCoeff()));
    m_column = 0;
    if (m_paused) {
        m_paused = false;
        emit pausedChanged(false);
    }
    show(Stage::Forward);
}

void SlowMotionPlayer::follow(const TrainingSnapshot& snapshot) {
    if (!snapshot.stages.empty()) {
        m_generation = snapshot.generation;
        start(snapshot.stages);
    } else if (snapshot.running || snapshot.generation != m_generation ||
               snapshot.batches != m_stages.step) {
        stop();
    }
}

int SlowMotionPlayer::forwardColumnCount() const { return m_scene->layout().layerCount() + 2; }

void SlowMotionPlayer::nextStage() {
    switch (m_stage) {
        case Stage::None:
            return;
        case Stage::Forward:
            show(Stage::Loss);
            return;
        case Stage::Loss:
            show(Stage::Backward);
            return;
        case Stage::Backward:
            show(Stage::Update);
            return;
        case Stage::Update:
            stop();
            return;
    }
}

void SlowMotionPlayer::advance() {
    if (stepsWithinStage() > m_column + 1) {
        ++m_column;
        apply();
        restartTimer();
        emit stageChanged();
        return;
    }
    // The update stays on the canvas until the teacher goes on.
    if (m_stage != Stage::Update) nextStage();
}

void SlowMotionPlayer::stop() {
    if (!active()) return;
    m_timer->stop();
    m_stage = Stage::None;
    apply();
    m_stages = {};
    if (m_paused) {
        m_paused = false;
        emit pausedChanged(false);
    }
    emit stageChanged();
}

void SlowMotionPlayer::setPaused(bool paused) {
    if (!active() || paused == m_paused) return;
    m_paused = paused;
    if (m_paused)
        m_timer->stop();
    else
        restartTimer();
    emit pausedChanged(m_paused);
}

int SlowMotionPlayer::stepsWithinStage() const {
    if (m_stage == Stage::Forward) return forwardColumnCount();
    if (m_stage == Stage::Backward) return static_cast<int>(gradientLayers().size());
    return 1;
}

std::vector<int> SlowMotionPlayer::gradientLayers() const {
    std::vector<int> layers;
    for (int layer = m_scene->layout().layerCount() - 1; layer >= 0; --layer) {
        const auto index = static_cast<std::size_t>(layer);
        if (m_scene->linkBundle(layer) && index < m_stages.gradients.size() &&
            m_stages.gradients[index].size() > 0)
            layers.push_back(layer);
    }
    return layers;
}

void SlowMotionPlayer::show(Stage stage) {
    m_stage = stage;
    m_column = 0;
    apply();
    restartTimer();
    emit stageChanged();
}

void SlowMotionPlayer::restartTimer() {
    if (m_paused || m_stage == Stage::None || m_stage == Stage::Update) {
        m_timer->stop();
        return;
    }
    // Within a stage the columns follow each other faster; the last one stays a full stage.
    m_timer->start(m_column + 1 < stepsWithinStage() ? kColumnMs : kStageMs);
}

void SlowMotionPlayer::apply() {
    clearGlows();
    const int layers = m_scene->layout().layerCount();
    // The backward stage reveals the gradients from the output back to the inputs.
    std::vector<int> revealed;
    if (m_stage == Stage::Backward) {
        revealed = gradientLayers();
        revealed.resize(std::min<std::size_t>(revealed.size(), std::size_t(m_column) + 1));
    }
    for (int layer = 0; layer < layers; ++layer) {
        LinkBundleItem* links = m_scene->linkBundle(layer);
        if (!links) continue;
        const auto index = static_cast<std::size_t>(layer);
        if (std::find(revealed.begin(), revealed.end(), layer) != revealed.end())
            links->setGradients(m_stages.gradients[index], m_largest);
        else
            links->setGradients({}, 0.0);
        // Until the update the links show the weights the batch went forward with; after
        // slow motion, the weights the network now has.
        if ((m_stage == Stage::Update || !active()) && index < m_stages.weightsAfter.size())
            links->setWeights(m_stages.weightsAfter[index]);
        else if (active() && index < m_stages.weightsBefore.size())
            links->setWeights(m_stages.weightsBefore[index]);
    }
    switch (m_stage) {
        case Stage::Forward:
            for (QGraphicsItem* item : columnItems(m_column)) glow(item);
            break;
        case Stage::Loss:
            for (QGraphicsItem* item : columnItems(forwardColumnCount() - 1)) glow(item);
            break;
        case Stage::Backward:
            if (!revealed.empty()) glow(m_scene->linkBundle(revealed.back()));
            break;
        default:
            break;
    }
}

std::vector<QGraphicsItem*> SlowMotionPlayer::columnItems(int column) const {
    std::vector<QGraphicsItem*> items;
    const int layers = m_scene->layout().layerCount();
    if (column == 0) {
        for (QGraphicsItem* item : m_scene->items()) {
            if (!item->isVisible()) continue;
            if (qgraphicsitem_cast<FeatureItem*>(item) || qgraphicsitem_cast<InputBlockItem*>(item))
                items.push_back(item);
        }
    } else if (column <= layers) {
        const int layer = column - 1;
        if (LayerItem* item = m_scene->layerItemAt(layer)) items.push_back(item);
        if (LinkBundleItem* links = m_scene->linkBundle(layer)) items.push_back(links);
        for (int unit = 0; NeuronItem* neuron = m_scene->neuronItem(layer, unit); ++unit)
            items.push_back(neuron);
    } else if (OutputItem* output = m_scene->outputItem()) {
        items.push_back(output);
    }
    return items;
}

void SlowMotionPlayer::glow(QGraphicsItem* item) {
    auto* effect = new QGraphicsDropShadowEffect;
    effect->setColor(EditorStyle::accent(m_scene->palette()));
    effect->setOffset(0, 0);
    effect->setBlurRadius(28);
    item->setGraphicsEffect(effect);  // the item owns it
    m_glows.emplace_back(effect);
}

void SlowMotionPlayer::clearGlows() {
    for (const QPointer<QGraphicsEffect>& effect : m_glows)
        delete effect.data();  // the item's effect becomes null
    m_glows.clear();
}

}  // namespace nnplay::ui
