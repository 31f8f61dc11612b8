// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QWidget>
#include <vector>

#include "data/Dataset.h"
#include "train/SessionViews.h"

class QDoubleSpinBox;
class QLabel;
class QPushButton;
class QSlider;
class QTextEdit;

namespace nnplay::ui {

/// A text model writing, as Karpathy's demos show it: the greedy continuation (always the
/// likeliest character, temperature 0) beside a sample drawn at the temperature the learner
/// picks (a slider and a spin box; low is cautious, high is adventurous), each after the
/// start window it was primed with (greyed), in monospace boxes. "New sample" draws
/// again with a new seed. The temperature and seed go to the worker through
/// ViewRequest::temperature and ViewRequest::sequenceSeed (requestChanged).
class TextSampleView : public QWidget {
    Q_OBJECT
public:
    /// The temperatures the controls offer, in tenths.
    static constexpr int kMinTenths = 1;
    static constexpr int kMaxTenths = 20;
    static constexpr double kDefaultTemperature = 0.8;

    explicit TextSampleView(QWidget* parent = nullptr);

    /// Shows the text part of `sequence`, its classes named by `info`.
    void setText(const nnplay::SessionViews::SequenceViews& sequence, const nnplay::DataInfo& info);

    double temperature() const;
    void setTemperature(double temperature);
    unsigned seed() const { return m_seed; }
    /// Draws again: a new seed.
    void drawAnother();

    QSlider* temperatureSlider() const { return m_slider; }
    QDoubleSpinBox* temperatureBox() const { return m_spin; }
    QPushButton* anotherButton() const { return m_another; }
    /// The plain text of each box: the start window followed by the continuation.
    QString greedyText() const;
    QString sampleText() const;

    /// The character class `index` stands for (characterOfClassName), "?" when none.
    static QString characterOf(const nnplay::DataInfo& info, int index);
    /// The same, drawn visibly where a label needs it: a space as "␣", a newline as "⏎".
    static QString visibleCharacter(const nnplay::DataInfo& info, int index);

protected:
    void changeEvent(QEvent* event) override;

signals:
    /// The temperature or the seed changed.
    void requestChanged();

private:
    void applyFont();

    QSlider* m_slider;
    QDoubleSpinBox* m_spin;
    QPushButton* m_another;
    QLabel* m_greedyTitle;
    QLabel* m_sampleTitle;
    QTextEdit* m_greedy;
    QTextEdit* m_sample;
    QString m_greedyPlain, m_samplePlain;
    unsigned m_seed = 1;
};

}  // namespace nnplay::ui
