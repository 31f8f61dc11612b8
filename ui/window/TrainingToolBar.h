// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QToolBar>

class QAction;
class QComboBox;
class QLabel;
class QSlider;

namespace nnplay::ui {

/// Reset, Play/Pause (Space), Step (one epoch; with Shift held, one batch), the epoch counter
/// and the speed slider; for a GAN a step counter and which networks a step trains. Only
/// buttons: it emits what the user asked for, and the window tells it what the worker reports.
class TrainingToolBar : public QToolBar {
    Q_OBJECT
public:
    explicit TrainingToolBar(QWidget* parent = nullptr);

    /// Shows Pause while training runs, Play otherwise.
    void setRunning(bool running);
    /// Play and Step need a valid network; `reason` becomes their tooltip when they cannot.
    void setTrainable(bool trainable, const QString& reason = QString());
    /// The counter: epochs, and how far into the next one (a GAN: its steps).
    void setProgress(int epoch, long long batches, int batchesPerEpoch);
    /// A GAN's toolbar: the counter counts steps, Step trains until the next measurement
    /// (`stepsPerRow` steps), the speeds say steps a second, slow motion shows one GAN step, and
    /// the step mode (GanSession::StepMode order: both, only D, only G) can be chosen.
    void setGanMode(bool gan, int stepsPerRow = 1);
    bool ganMode() const { return m_gan; }
    QComboBox* stepModeBox() const { return m_stepMode; }
    /// The speed level, 0 (slowest) .. TrainingWorker::kFullSpeed.
    void setSpeed(int level);
    int speed() const;
    /// What a speed level means, as shown beside the slider: "10 epochs/s", "full speed"; for
    /// a GAN that measures every `stepsPerRow` steps, in steps ("200 steps/s").
    static QString speedText(int level, int stepsPerRow = 0);

    QAction* playAction() const { return m_play; }
    QAction* stepAction() const { return m_step; }
    QAction* stepBatchAction() const { return m_stepBatch; }
    /// Train > Step in Slow Motion: one batch, then its stages played on the canvas.
    QAction* slowMotionAction() const { return m_slowMotion; }
    QAction* resetAction() const { return m_reset; }
    QSlider* speedSlider() const { return m_speed; }
    QLabel* speedLabel() const { return m_speedText; }
    QLabel* epochLabel() const { return m_epoch; }
    /// Shows (or hides) the "Diverged" mark next to the counter; `message` is its tooltip.
    void setDiverged(bool diverged, const QString& message);
    /// Whether the "Diverged" mark is shown.
    bool divergedShown() const { return m_divergedAction->isVisible(); }
    /// `value` with at least six digits, grouped by three: "000,042", "1,130,650".
    static QString groupedDigits(long long value);

signals:
    void playPauseRequested();
    void stepEpochRequested();
    void stepBatchRequested();
    void slowMotionRequested();
    void resetRequested();
    void speedChanged(int level);
    /// A GAN's step mode, as an index of GanSession::StepMode.
    void ganStepModeChanged(int mode);

protected:
    void changeEvent(QEvent* event) override;

private:
    /// The slow-motion button's tooltip, for a GAN or a supervised network.
    static QString slowMotionTip(bool gan);
    void updatePlayLook();
    /// Icons, the counter's font and the fixed widths, from the toolbar's font and UiScale.
    void applySizes();

    QAction* m_play;
    QAction* m_step;
    QAction* m_stepBatch;
    QAction* m_slowMotion;
    QAction* m_reset;
    QLabel* m_epoch;
    QLabel* m_diverged;
    QAction* m_divergedAction = nullptr;
    QSlider* m_speed;
    QLabel* m_speedText;
    QComboBox* m_stepMode;
    QAction* m_stepModeAction = nullptr;
    bool m_running = false;
    bool m_gan = false;
    int m_stepsPerRow = 0;
    QString m_playTip;
};

}  // namespace nnplay::ui
