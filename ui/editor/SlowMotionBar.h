// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QFrame>

class QAction;
class QLabel;
class QToolButton;

namespace nnplay::ui {

class SlowMotionPlayer;

/// The numbered caption strip above the canvas while a step plays in slow motion: which stage
/// shows ("③ Backward") and what it means in a learner's words, with a Next stage button
/// (key N) for a teacher who goes at their own pace. Hidden while nothing plays.
class SlowMotionBar : public QFrame {
    Q_OBJECT
public:
    /// The player is not owned and must outlive the bar.
    explicit SlowMotionBar(SlowMotionPlayer* player, QWidget* parent = nullptr);

    /// "③ Backward"; empty while nothing plays.
    QString title() const;
    /// The sentence under the title.
    QString caption() const;
    /// Skips to the next stage (the button and the N key).
    QAction* nextStageAction() const { return m_next; }
    /// The caption of a stage (1..4) for a batch of `samples` with loss `loss`.
    static QString stageCaption(int stage, int samples, float loss);
    /// "① Forward" .. "④ Update".
    static QString stageTitle(int stage);

protected:
    void changeEvent(QEvent* event) override;

private:
    void refresh();
    void applyFonts();

    SlowMotionPlayer* m_player;
    QLabel* m_title;
    QLabel* m_text;
    QToolButton* m_nextButton;
    QAction* m_next;
};

}  // namespace nnplay::ui
