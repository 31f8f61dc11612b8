// SPDX-License-Identifier: GPL-3.0-or-later
#include "editor/SlowMotionBar.h"

#include <QAction>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QToolButton>
#include <QVBoxLayout>

#include "editor/SlowMotionPlayer.h"

namespace nnplay::ui {

SlowMotionBar::SlowMotionBar(SlowMotionPlayer* player, QWidget* parent)
    : QFrame(parent),
      m_player(player),
      m_title(new QLabel(this)),
      m_text(new QLabel(this)),
      m_nextButton(new QToolButton(this)),
      m_next(new QAction(tr("Next Stage"), this)) {
    setObjectName(QStringLiteral("slowMotionBar"));
    // Palette roles, so the strip follows the light and the dark theme.
    setStyleSheet(
        QStringLiteral("#slowMotionBar { background: palette(alternate-base); "
                       "border: 2px solid palette(highlight); border-radius: 4px; }"));
    m_title->setObjectName(QStringLiteral("slowMotionTitle"));
    m_text->setObjectName(QStringLiteral("slowMotionCaption"));
    m_text->setWordWrap(true);
    m_text->setTextFormat(Qt::PlainText);
    m_next->setShortcut(QKeySequence(Qt::Key_N));
    m_next->setShortcutContext(Qt::WindowShortcut);
    m_next->setToolTip(tr("Show the next stage now (N)."));
    addAction(m_next);
    m_nextButton->setDefaultAction(m_next);
    m_nextButton->setToolButtonStyle(Qt::ToolButtonTextOnly);

    auto* texts = new QVBoxLayout;
    texts->setSpacing(2);
    texts->addWidget(m_title);
    texts->addWidget(m_text);
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(10, 6, 10, 6);
    layout->addLayout(texts, 1);
    layout->addWidget(m_nextButton, 0, Qt::AlignVCenter);

    connect(m_next, &QAction::triggered, m_player, &SlowMotionPlayer::nextStage);
    connect(m_player, &SlowMotionPlayer::stageChanged, this, &SlowMotionBar::refresh);
    connect(m_player, &SlowMotionPlayer::pausedChanged, this, &SlowMotionBar::refresh);
    applyFonts();
    refresh();
}

QString SlowMotionBar::title() const { return m_title->text(); }

QString SlowMotionBar::caption() const { return m_text->text(); }

QString SlowMotionBar::stageTitle(int stage) {
    switch (stage) {
        case 1:
            return tr("\u2460 Forward");
        case 2:
            return tr("\u2461 Loss");
        case 3:
            return tr("\u2462 Backward");
        case 4:
            return tr("\u2463 Update");
        default:
            return {};
    }
}

QString SlowMotionBar::stageCaption(int stage, int samples, float loss) {
    switch (stage) {
        case 1:
            if (samples == 1)
                return tr(
                    "One sample goes in at the left and flows through each layer to the "
                    "output.");
            return tr("A batch of %1 samples goes in at the left and flows through each layer "
                      "to the output.")
                .arg(samples);
        case 2:
            return tr("On %1 the loss is %2: how far the outputs are from the right answers. "
                      "Training tries to make it smaller.")
                .arg(samples == 1 ? tr("this sample") : tr("these %1 samples").arg(samples),
                     QLocale().toString(loss, 'g', 3));
        case 3:
            return tr(
                "Each weight's gradient says how the loss changes when it grows. Thick red: "
                "growing it would raise the loss a lot. Thick teal: it would lower the loss.");
        case 4:
            return tr(
                "Every weight takes a small step against its gradient, so the loss on this "
                "batch goes down. The links now show the new weights.");
        default:
            return {};
    }
}

void SlowMotionBar::refresh() {
    setVisible(m_player->active());
    m_next->setEnabled(m_player->active());
    if (!m_player->active()) {
        m_title->clear();
        m_text->clear();
        return;
    }
    const int stage = m_player->stageNumber();
    QString title = stageTitle(stage);
    if (m_player->paused()) title += tr("   (paused: Space goes on)");
    m_title->setText(title);
    m_text->setText(stageCaption(stage, static_cast<int>(m_player->stages().samples.size()),
                                 m_player->stages().loss));
    m_next->setText(stage == 4 ? tr("Done") : tr("Next Stage"));
}

void SlowMotionBar::applyFonts() {
    QFont big = font();
    big.setBold(true);
    big.setPointSizeF(font().pointSizeF() * 1.3);
    m_title->setFont(big);
    QFont text = font();
    text.setPointSizeF(font().pointSizeF() * 1.1);
    m_text->setFont(text);
}

void SlowMotionBar::changeEvent(QEvent* event) {
    QFrame::changeEvent(event);
    if (event->type() == QEvent::FontChange) applyFonts();
}

}  // namespace nnplay::ui
