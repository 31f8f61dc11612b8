// SPDX-License-Identifier: GPL-3.0-or-later
#include "window/TrainingToolBar.h"

#include <QAction>
#include <QComboBox>
#include <QEvent>
#include <QFontMetrics>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QSlider>
#include <QStyle>
#include <QToolButton>
#include <algorithm>

#include "style/UiScale.h"
#include "train/TrainingWorker.h"

namespace nnplay::ui {

TrainingToolBar::TrainingToolBar(QWidget* parent)
    : QToolBar(tr("Training"), parent),
      m_play(new QAction(this)),
      m_step(new QAction(tr("Step"), this)),
      m_stepBatch(new QAction(tr("Step One Batch"), this)),
      m_slowMotion(new QAction(tr("Step in Slow Motion"), this)),
      m_reset(new QAction(tr("Reset"), this)),
      m_epoch(new QLabel(this)),
      m_diverged(new QLabel(this)),
      m_speed(new QSlider(Qt::Horizontal, this)),
      m_speedText(new QLabel(this)),
      m_stepMode(new QComboBox(this)) {
    setObjectName(QStringLiteral("trainingToolBar"));
    setToolButtonStyle(Qt::ToolButtonTextBesideIcon);

    m_reset->setIcon(style()->standardIcon(QStyle::SP_BrowserReload));
    m_reset->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_R));
    m_reset->setToolTip(tr("Start again from new random weights (Ctrl+R)."));
    m_play->setShortcut(QKeySequence(Qt::Key_Space));
    m_step->setIcon(style()->standardIcon(QStyle::SP_MediaSkipForward));
    m_step->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Right));
    m_step->setToolTip(
        tr("Train one epoch and pause (Ctrl+Right); hold Shift to train a "
           "single batch."));
    m_stepBatch->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Right));
    m_stepBatch->setToolTip(tr("Train one mini-batch and pause (Ctrl+Shift+Right)."));
    m_slowMotion->setIcon(style()->standardIcon(QStyle::SP_MediaSeekForward));
    m_slowMotion->setIconText(tr("Slow Motion"));  // the menu says it whole
    m_slowMotion->setShortcut(QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_Right));
    m_slowMotion->setToolTip(slowMotionTip(false));
    for (QAction* action : {m_play, m_step, m_stepBatch, m_slowMotion, m_reset}) {
        action->setShortcutContext(Qt::WindowShortcut);
    }

    addAction(m_reset);
    addAction(m_play);
    addAction(m_step);
    addAction(m_slowMotion);
    addSeparator();

    m_epoch->setToolTip(tr("Epochs trained: one epoch shows every training example once."));
    addWidget(m_epoch);

    auto* speedBox = new QWidget(this);
    auto* speedLayout = new QHBoxLayout(speedBox);
    speedLayout->setContentsMargins(4, 0, 4, 0);
    speedLayout->addWidget(new QLabel(tr("Speed"), speedBox));
    m_speed->setRange(0, TrainingWorker::kFullSpeed);
    m_speed->setPageStep(1);
    m_speed->setTickPosition(QSlider::TicksBelow);
    m_speed->setValue(TrainingWorker::kDefaultSpeed);
    m_speed->setToolTip(
        tr("Slow motion on the left shows every batch; full speed on the "
           "right trains as fast as the computer can."));
    speedLayout->addWidget(m_speed);
    speedLayout->addWidget(m_speedText);
    speedBox->setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Preferred);
    addWidget(speedBox);
    // GAN Lab's step modes, in GanSession::StepMode order.
    m_stepMode->setObjectName(QStringLiteral("ganStepMode"));
    m_stepMode->addItem(tr("Train D and G"));
    m_stepMode->addItem(tr("Train only D"));
    m_stepMode->addItem(tr("Train only G"));
    m_stepMode->setToolTip(
        tr("Which networks a step trains: both in turn, only the discriminator (D), or only "
           "the generator (G)."));
    m_stepModeAction = addWidget(m_stepMode);
    m_stepModeAction->setVisible(false);
    connect(m_stepMode, &QComboBox::activated, this, &TrainingToolBar::ganStepModeChanged);
    // Last, so that nothing moves when it appears.
    m_diverged->setObjectName(QStringLiteral("divergedLabel"));
    m_diverged->setText(tr("Diverged"));
    m_diverged->setStyleSheet(
        QStringLiteral("QLabel { color: white; background: #c0392b; "
                       "border-radius: 3px; padding: 2px 6px; }"));
    m_divergedAction = addWidget(m_diverged);
    m_divergedAction->setVisible(false);

    connect(m_play, &QAction::triggered, this, &TrainingToolBar::playPauseRequested);
    connect(m_step, &QAction::triggered, this, [this] {
        if (QGuiApplication::keyboardModifiers() & Qt::ShiftModifier) {
            emit stepBatchRequested();
        } else {
            emit stepEpochRequested();
        }
    });
    connect(m_stepBatch, &QAction::triggered, this, &TrainingToolBar::stepBatchRequested);
    connect(m_slowMotion, &QAction::triggered, this, &TrainingToolBar::slowMotionRequested);
    connect(m_reset, &QAction::triggered, this, &TrainingToolBar::resetRequested);
    connect(m_speed, &QSlider::valueChanged, this, [this](int level) {
        m_speedText->setText(speedText(level, m_gan ? m_stepsPerRow : 0));
        emit speedChanged(level);
    });
    m_speedText->setText(speedText(m_speed->value()));
    setProgress(0, 0, 0);
    updatePlayLook();
    applySizes();
}

void TrainingToolBar::applySizes() {
    const QFont text = font();
    setIconSize(QSize(1, 1) * UiScale::scaled(style()->pixelMetric(QStyle::PM_ToolBarIconSize)));
    QFont counterFont = text;
    counterFont.setPointSizeF(text.pointSizeF() * 1.35);
    counterFont.setStyleHint(QFont::Monospace);
    counterFont.setFamily(QStringLiteral("monospace"));
    m_epoch->setFont(counterFont);
    m_epoch->setContentsMargins(UiScale::scaled(8), 0, UiScale::scaled(12), 0);
    // Wide enough for a long run in the middle of a big epoch (a GAN: for a long run of steps),
    // so that nothing is cut and the widgets after it do not move as the text grows.
    const QString longest = m_gan ? tr("Step %1").arg(groupedDigits(999999999))
                                  : tr("Epoch %1").arg(groupedDigits(9999999)) +
                                        tr(" + %1/%2").arg(99999).arg(99999);
    m_epoch->setMinimumWidth(QFontMetrics(counterFont).horizontalAdvance(longest) +
                             m_epoch->contentsMargins().left() +
                             m_epoch->contentsMargins().right());
    // Above 100 % (a projector) the slow-motion button keeps its place as an icon, so the
    // counter and the speed control still fit; its tooltip and the Train menu name it.
    if (auto* slow = qobject_cast<QToolButton*>(widgetForAction(m_slowMotion)))
        slow->setToolButtonStyle(UiScale::factor() > 1.0 ? Qt::ToolButtonIconOnly
                                                         : toolButtonStyle());
    m_speed->setFixedWidth(UiScale::scaled(110));
    // As wide as its longest text, so the toolbar never shifts when the speed changes.
    int widest = 0;
    for (int level = 0; level <= TrainingWorker::kFullSpeed; ++level) {
        widest = std::max(widest, QFontMetrics(text).horizontalAdvance(
                                      speedText(level, m_gan ? m_stepsPerRow : 0)));
    }
    m_speedText->setFixedWidth(widest + 4);
}

QString TrainingToolBar::slowMotionTip(bool gan) {
    return gan ? tr("Train one GAN step and show it part by part: D's update, then G's, each "
                    "numbered, on the plane and on the networks' overview (Ctrl+Alt+Right).")
               : tr("Train one batch and show each stage of it on the canvas: forward, loss, "
                    "backward, update (Ctrl+Alt+Right).");
}

void TrainingToolBar::setRunning(bool running) {
    if (running == m_running) return;
    m_running = running;
    updatePlayLook();
}

void TrainingToolBar::setTrainable(bool trainable, const QString& reason) {
    m_play->setEnabled(trainable || m_running);
    m_step->setEnabled(trainable);
    m_stepBatch->setEnabled(trainable);
    m_slowMotion->setEnabled(trainable);
    const QString tip = trainable ? QString() : reason;
    if (tip == m_playTip) return;  // called for every snapshot: the look is already right
    m_playTip = tip;
    updatePlayLook();
}

void TrainingToolBar::setGanMode(bool gan, int stepsPerRow) {
    if (gan == m_gan && stepsPerRow == m_stepsPerRow) return;
    m_gan = gan;
    m_stepsPerRow = std::max(1, stepsPerRow);
    m_stepModeAction->setVisible(gan);
    m_slowMotion->setToolTip(slowMotionTip(gan));
    m_stepBatch->setText(gan ? tr("Step One GAN Step") : tr("Step One Batch"));
    m_epoch->setToolTip(gan ? tr("Steps trained: each step trains the discriminator, then the "
                                 "generator, on one batch.")
                            : tr("Epochs trained: one epoch shows every training example once."));
    m_speedText->setText(speedText(m_speed->value(), gan ? m_stepsPerRow : 0));
    applySizes();
    updatePlayLook();
}

void TrainingToolBar::setProgress(int epoch, long long batches, int batchesPerEpoch) {
    if (m_gan) {
        m_epoch->setText(tr("Step %1").arg(groupedDigits(batches)));
        return;
    }
    QString text = tr("Epoch %1").arg(groupedDigits(epoch));
    if (batchesPerEpoch > 0) {
        const long long into = batches - static_cast<long long>(epoch) * batchesPerEpoch;
        if (into > 0 && into < batchesPerEpoch) {
            text += tr(" + %1/%2").arg(into).arg(batchesPerEpoch);
        }
    }
    m_epoch->setText(text);
}

QString TrainingToolBar::groupedDigits(long long value) {
    // Playground's counter: at least six digits, grouped by three, "000,042", "1,130,650".
    QString digits = QStringLiteral("%1").arg(value, 6, 10, QLatin1Char('0'));
    for (qsizetype at = digits.size() - 3; at > 0 && digits[at - 1] != QLatin1Char('-'); at -= 3) {
        digits.insert(at, QLatin1Char(','));
    }
    return digits;
}

void TrainingToolBar::setDiverged(bool diverged, const QString& message) {
    m_divergedAction->setVisible(diverged);
    m_diverged->setToolTip(message);
}

void TrainingToolBar::setSpeed(int level) { m_speed->setValue(level); }

QString TrainingToolBar::speedText(int level, int stepsPerRow) {
    if (level < 0 || level >= TrainingWorker::kFullSpeed) return tr("full speed");
    const TrainingWorker::Pace& pace = TrainingWorker::kPaces[level];
    if (stepsPerRow > 0)
        return tr("%1 steps/s").arg(pace.epochs ? pace.perSecond * stepsPerRow : pace.perSecond);
    return pace.epochs ? tr("%1 epochs/s").arg(pace.perSecond)
                       : tr("%1 batches/s").arg(pace.perSecond);
}

int TrainingToolBar::speed() const { return m_speed->value(); }

void TrainingToolBar::changeEvent(QEvent* event) {
    if (event->type() == QEvent::StyleChange) updatePlayLook();
    if (event->type() == QEvent::FontChange || event->type() == QEvent::StyleChange) applySizes();
    QToolBar::changeEvent(event);
}

void TrainingToolBar::updatePlayLook() {
    m_play->setText(m_running ? tr("Pause") : tr("Play"));
    m_play->setIcon(
        style()->standardIcon(m_running ? QStyle::SP_MediaPause : QStyle::SP_MediaPlay));
    if (!m_playTip.isEmpty()) {
        m_play->setToolTip(tr("Cannot train: %1").arg(m_playTip));
        m_step->setToolTip(m_play->toolTip());
    } else {
        m_play->setToolTip(m_running ? tr("Pause training (Space).")
                                     : tr("Train continuously (Space)."));
        m_step->setToolTip(m_gan ? tr("Train up to the next measurement (%1 steps) and pause "
                                      "(Ctrl+Right); hold Shift to train a single step.")
                                       .arg(m_stepsPerRow)
                                 : tr("Train one epoch and pause (Ctrl+Right); hold Shift to "
                                      "train a single batch."));
    }
}

}  // namespace nnplay::ui
