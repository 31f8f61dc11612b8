// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QPointer>
#include <algorithm>
#include <vector>

#include "train/SessionViews.h"

class QGraphicsEffect;
class QGraphicsItem;
class QTimer;

namespace nnplay::ui {

class NetworkScene;
struct TrainingSnapshot;

/// Backpropagation in slow motion: plays the stages of one recorded training step
/// (SessionViews::StepStages) on the canvas, one after another: the batch flowing forward
/// column by column, its loss, the gradients on the links from right to left, and the links
/// moving to the new weights. Not a widget: SlowMotionBar says what it shows. It only draws on
/// items of the scene (glows, LinkBundleItem::setGradients, setWeights) and draws again when
/// the scene rebuilds; the document and the weights are never touched.
class SlowMotionPlayer : public QObject {
    Q_OBJECT
public:
    enum class Stage { None, Forward, Loss, Backward, Update };
    /// How long the loss, backward and update stages show before the next one.
    static constexpr int kStageMs = 1500;
    /// How long the forward stage lights each column of the canvas.
    static constexpr int kColumnMs = 400;

    /// The scene is not owned and must outlive the player.
    explicit SlowMotionPlayer(NetworkScene* scene, QObject* parent = nullptr);
    ~SlowMotionPlayer() override;

    /// Starts playing `stages` from the forward stage (an empty record does nothing).
    void start(const nnplay::SessionViews::StepStages& stages);
    /// Follows the worker: a snapshot with recorded stages starts them; one of a running
    /// session, of another session or after another step ends slow motion.
    void follow(const TrainingSnapshot& snapshot);
    /// Skips to the next stage; after the update, ends slow motion.
    void nextStage();
    /// Back to the ordinary drawing of the canvas.
    void stop();
    /// Holds the current stage (or lets it go on) until told otherwise.
    void setPaused(bool paused);
    void togglePause() { setPaused(!m_paused); }

    bool active() const { return m_stage != Stage::None; }
    bool paused() const { return m_paused; }
    Stage stage() const { return m_stage; }
    /// 1..4 for the stages, 0 when none.
    int stageNumber() const { return static_cast<int>(m_stage); }
    /// During the forward stage, the lit column (0: the inputs, then one per layer, then the
    /// output); -1 otherwise.
    int forwardColumn() const { return m_stage == Stage::Forward ? m_column : -1; }
    /// During the backward stage, how many dense layers show their gradients (from the
    /// output back); 0 otherwise.
    int gradientsShown() const {
        return m_stage == Stage::Backward ? std::min(m_column + 1, int(gradientLayers().size()))
                                          : 0;
    }
    int forwardColumnCount() const;
    const nnplay::SessionViews::StepStages& stages() const { return m_stages; }
    /// The largest |gradient| over the whole network (what the thickest link shows).
    double largestGradient() const { return m_largest; }

signals:
    /// The stage, or the lit column of the forward stage, changed (also on stop()).
    void stageChanged();
    void pausedChanged(bool paused);

private:
    void advance();
    void show(Stage stage);
    /// Draws the current stage on the scene's items (again after a rebuild).
    void apply();
    void clearGlows();
    void glow(QGraphicsItem* item);
    /// The items that make up forward column `column`.
    std::vector<QGraphicsItem*> columnItems(int column) const;
    void restartTimer();
    /// Columns the current stage lights one after another (1 for a stage shown at once).
    int stepsWithinStage() const;
    /// Spec indices of the dense layers with gradients and links, from the output back.
    std::vector<int> gradientLayers() const;

    NetworkScene* m_scene;
    QTimer* m_timer;
    nnplay::SessionViews::StepStages m_stages;
    Stage m_stage = Stage::None;
    int m_generation = -1;  // of the snapshot that brought the stages
    int m_column = 0;
    bool m_paused = false;
    double m_largest = 0.0;
    // Effects are owned by their items, which a rebuild deletes.
    std::vector<QPointer<QGraphicsEffect>> m_glows;
};

}  // namespace nnplay::ui
