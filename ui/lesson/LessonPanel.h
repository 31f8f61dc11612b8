// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QWidget>

class QAbstractButton;
class QButtonGroup;
class QCheckBox;
class QGridLayout;
class QLabel;
class QScrollArea;

namespace nnplay::ui {

class LessonController;

/// The lesson's text and its variants, for the Lesson dock: the title, the goal, one
/// exclusive checkable button per variant (clicking one switches to it through the
/// LessonController; the checked one follows the document, none when it matches no variant),
/// what to watch, the numbered "Try this" steps, the question, and "Show all controls". Text
/// wraps and the whole scrolls when the dock is short; colours come from the palette.
class LessonPanel : public QWidget {
    Q_OBJECT
public:
    /// The controller is not owned and must outlive the panel.
    explicit LessonPanel(LessonController* lesson, QWidget* parent = nullptr);

    QLabel* titleLabel() const { return m_title; }
    QLabel* goalLabel() const { return m_goal; }
    QLabel* watchLabel() const { return m_watch; }
    QLabel* questionLabel() const { return m_question; }
    /// One label per "try" step, in order (numbers not included).
    const QList<QLabel*>& stepLabels() const { return m_steps; }
    /// One button per variant, in the lesson's order.
    const QList<QAbstractButton*>& variantButtons() const { return m_buttons; }
    QCheckBox* showAllBox() const { return m_showAll; }
    QScrollArea* scrollArea() const { return m_scroll; }

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void rebuild();
    void showCurrent(int index);
    /// Puts the variant buttons in as many columns as fit the width.
    void arrangeButtons();

    LessonController* m_lesson;
    QScrollArea* m_scroll;
    QLabel* m_title;
    QLabel* m_goal;
    QLabel* m_variantsHeading;
    QWidget* m_buttonBox;
    QGridLayout* m_buttonGrid;
    QButtonGroup* m_group;
    QLabel* m_watchHeading;
    QLabel* m_watch;
    QLabel* m_stepsHeading;
    QWidget* m_stepBox;
    QGridLayout* m_stepGrid;
    QLabel* m_questionHeading;
    QLabel* m_question;
    QCheckBox* m_showAll;
    QList<QLabel*> m_steps;
    QList<QAbstractButton*> m_buttons;
    int m_columns = 0;
};

}  // namespace nnplay::ui
