// SPDX-License-Identifier: GPL-3.0-or-later
#include "lesson/LessonPanel.h"

#include <QButtonGroup>
#include <QCheckBox>
#include <QEvent>
#include <QGridLayout>
#include <QLabel>
#include <QPushButton>
#include <QScrollArea>
#include <QScrollBar>
#include <QSignalBlocker>
#include <QVBoxLayout>
#include <algorithm>

#include "lesson/LessonController.h"

namespace nnplay::ui {

namespace {

QLabel* textLabel(const QString& name, QWidget* parent) {
    auto* label = new QLabel(parent);
    label->setObjectName(name);
    label->setTextFormat(Qt::PlainText);  // a lesson's "<" is text, not markup
    label->setWordWrap(true);
    label->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}

QLabel* heading(const QString& text, QWidget* parent) {
    auto* label = new QLabel(text, parent);
    QFont font = label->font();
    font.setBold(true);
    label->setFont(font);
    return label;
}

}  // namespace

LessonPanel::LessonPanel(LessonController* lesson, QWidget* parent)
    : QWidget(parent), m_lesson(lesson), m_scroll(new QScrollArea(this)) {
    auto* content = new QWidget;
    content->setObjectName(QStringLiteral("lessonContent"));
    m_title = textLabel(QStringLiteral("lessonTitle"), content);
    QFont titleFont = m_title->font();
    titleFont.setBold(true);
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.3);
    m_title->setFont(titleFont);
    m_goal = textLabel(QStringLiteral("lessonGoal"), content);
    m_variantsHeading = heading(tr("Variants"), content);
    m_buttonBox = new QWidget(content);
    m_buttonGrid = new QGridLayout(m_buttonBox);
    m_buttonGrid->setContentsMargins(0, 0, 0, 0);
    // The chosen variant must show from the back of a classroom: filled with the highlight.
    m_buttonBox->setStyleSheet(QStringLiteral(
        "QPushButton:checked { background: palette(highlight); color: palette(highlighted-text);"
        " border: 1px solid palette(highlight); border-radius: 3px; padding: 4px 8px; }"));
    m_group = new QButtonGroup(this);
    m_watchHeading = heading(tr("Watch"), content);
    m_watch = textLabel(QStringLiteral("lessonWatch"), content);
    m_stepsHeading = heading(tr("Try this"), content);
    m_stepBox = new QWidget(content);
    m_stepGrid = new QGridLayout(m_stepBox);
    m_stepGrid->setContentsMargins(0, 0, 0, 0);
    m_stepGrid->setColumnStretch(1, 1);
    m_questionHeading = heading(tr("Question"), content);
    m_question = textLabel(QStringLiteral("lessonQuestion"), content);
    QFont questionFont = m_question->font();
    questionFont.setItalic(true);
    m_question->setFont(questionFont);
    m_showAll = new QCheckBox(tr("Show all controls"), content);
    m_showAll->setObjectName(QStringLiteral("lessonShowAll"));
    m_showAll->setToolTip(
        tr("Bring back the settings this lesson hides, to change what the lesson keeps fixed."));

    auto* layout = new QVBoxLayout(content);
    layout->addWidget(m_title);
    layout->addWidget(m_goal);
    layout->addSpacing(4);
    layout->addWidget(m_variantsHeading);
    layout->addWidget(m_buttonBox);
    layout->addSpacing(4);
    layout->addWidget(m_watchHeading);
    layout->addWidget(m_watch);
    layout->addSpacing(4);
    layout->addWidget(m_stepsHeading);
    layout->addWidget(m_stepBox);
    layout->addSpacing(4);
    layout->addWidget(m_questionHeading);
    layout->addWidget(m_question);
    layout->addSpacing(4);
    layout->addWidget(m_showAll);
    layout->addStretch(1);

    m_scroll->setWidget(content);
    m_scroll->setWidgetResizable(true);
    m_scroll->setFrameShape(QFrame::NoFrame);
    m_scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_scroll->viewport()->installEventFilter(this);
    auto* outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    outer->addWidget(m_scroll);

    connect(m_group, &QButtonGroup::idClicked, m_lesson, &LessonController::switchToVariant);
    connect(m_showAll, &QCheckBox::toggled, m_lesson, &LessonController::setShowAllControls);
    connect(m_lesson, &LessonController::lessonChanged, this, &LessonPanel::rebuild);
    connect(m_lesson, &LessonController::currentVariantChanged, this, &LessonPanel::showCurrent);
    connect(m_lesson, &LessonController::hiddenControlsChanged, this, [this] {
        const QSignalBlocker blocker(m_showAll);
        m_showAll->setChecked(m_lesson->showsAllControls());
    });
    rebuild();
}

void LessonPanel::rebuild() {
    const nnplay::Lesson& lesson = m_lesson->lesson();
    m_title->setText(m_lesson->title());
    m_goal->setText(QString::fromStdString(lesson.goal));
    m_watch->setText(QString::fromStdString(lesson.watch));
    m_watchHeading->setVisible(!lesson.watch.empty());
    m_watch->setVisible(!lesson.watch.empty());
    m_question->setText(QString::fromStdString(lesson.question));
    m_questionHeading->setVisible(!lesson.question.empty());
    m_question->setVisible(!lesson.question.empty());

    qDeleteAll(m_stepBox->findChildren<QLabel*>(Qt::FindDirectChildrenOnly));
    m_steps.clear();
    for (std::size_t i = 0; i < lesson.steps.size(); ++i) {
        auto* number = new QLabel(tr("%1.").arg(i + 1), m_stepBox);
        number->setAlignment(Qt::AlignRight | Qt::AlignTop);
        auto* step = textLabel(QStringLiteral("lessonStep%1").arg(i + 1), m_stepBox);
        step->setText(QString::fromStdString(lesson.steps[i]));
        m_stepGrid->addWidget(number, static_cast<int>(i), 0);
        m_stepGrid->addWidget(step, static_cast<int>(i), 1);
        m_steps << step;
    }
    m_stepsHeading->setVisible(!m_steps.isEmpty());
    m_stepBox->setVisible(!m_steps.isEmpty());

    for (QAbstractButton* button : m_buttons) {
        m_group->removeButton(button);
        delete button;
    }
    m_buttons.clear();
    for (int i = 0; i < m_lesson->variantCount(); ++i) {
        auto* button = new QPushButton(
            QString::fromStdString(lesson.variants[static_cast<std::size_t>(i)].name), m_buttonBox);
        button->setObjectName(QStringLiteral("lessonVariant%1").arg(i));
        button->setCheckable(true);
        button->setEnabled(m_lesson->variantProject(i) != nullptr);
        button->setToolTip(
            tr("Switch to “%1” (fresh weights), then press Play").arg(button->text()));
        m_group->addButton(button, i);
        m_buttons << button;
    }
    m_variantsHeading->setVisible(!m_buttons.isEmpty());
    m_buttonBox->setVisible(!m_buttons.isEmpty());
    m_columns = 0;
    arrangeButtons();
    m_showAll->setVisible(!lesson.hide.empty());
    {
        const QSignalBlocker blocker(m_showAll);
        m_showAll->setChecked(m_lesson->showsAllControls());
    }
    showCurrent(m_lesson->currentVariant());
    m_scroll->verticalScrollBar()->setValue(0);
}

void LessonPanel::showCurrent(int index) {
    if (index >= 0 && index < m_buttons.size()) {
        m_buttons[index]->setChecked(true);
        return;
    }
    // An exclusive group never lets its last checked button go: loosen it for a moment.
    m_group->setExclusive(false);
    for (QAbstractButton* button : m_buttons) button->setChecked(false);
    m_group->setExclusive(true);
}

void LessonPanel::arrangeButtons() {
    if (m_buttons.isEmpty()) return;
    int widest = 0;
    for (QAbstractButton* button : m_buttons) widest = std::max(widest, button->sizeHint().width());
    const int spacing =
        m_buttonGrid->horizontalSpacing() > 0 ? m_buttonGrid->horizontalSpacing() : 6;
    const QMargins margins = m_scroll->widget()->layout()->contentsMargins();
    const int available = m_scroll->viewport()->width() - margins.left() - margins.right();
    const int columns = std::clamp((available + spacing) / (widest + spacing), 1,
                                   static_cast<int>(m_buttons.size()));
    if (columns == m_columns) return;
    m_columns = columns;
    for (QAbstractButton* button : m_buttons) m_buttonGrid->removeWidget(button);
    for (int i = 0; i < m_buttons.size(); ++i)
        m_buttonGrid->addWidget(m_buttons[i], i / columns, i % columns);
}

bool LessonPanel::eventFilter(QObject* watched, QEvent* event) {
    if (watched == m_scroll->viewport() && event->type() == QEvent::Resize) arrangeButtons();
    return QWidget::eventFilter(watched, event);
}

}  // namespace nnplay::ui
