// SPDX-License-Identifier: GPL-3.0-or-later
#include "plots/TextSampleView.h"

#include <QDoubleSpinBox>
#include <QEvent>
#include <QFontDatabase>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QSlider>
#include <QTextEdit>
#include <QVBoxLayout>
#include <algorithm>
#include <cmath>

#include "data/TextLoader.h"

namespace nnplay::ui {

namespace {

QTextEdit* makeBox(QWidget* parent) {
    auto* box = new QTextEdit(parent);
    box->setReadOnly(true);
    box->setLineWrapMode(QTextEdit::WidgetWidth);
    box->setWordWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
    // As tall as the layout's share, not as QTextEdit's own hint: the heatmap below needs room.
    box->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Ignored);
    return box;
}

/// `classes` as HTML that keeps every space, a newline shown as "⏎" before the break.
QString html(const nnplay::DataInfo& info, const std::vector<int>& classes) {
    QString out;
    for (const int c : classes) {
        const QString character = TextSampleView::characterOf(info, c);
        out += character == QLatin1String("\n") ? QStringLiteral("\u23ce<br>")
                                                : character.toHtmlEscaped();
    }
    return out;
}

QString plain(const nnplay::DataInfo& info, const std::vector<int>& classes) {
    QString out;
    for (const int c : classes) out += TextSampleView::characterOf(info, c);
    return out;
}

}  // namespace

TextSampleView::TextSampleView(QWidget* parent)
    : QWidget(parent),
      m_slider(new QSlider(Qt::Horizontal, this)),
      m_spin(new QDoubleSpinBox(this)),
      m_another(new QPushButton(tr("New sample"), this)),
      m_greedyTitle(new QLabel(tr("Greedy (temperature 0)"), this)),
      m_sampleTitle(new QLabel(this)),
      m_greedy(makeBox(this)),
      m_sample(makeBox(this)) {
    m_slider->setRange(kMinTenths, kMaxTenths);
    m_spin->setRange(kMinTenths / 10.0, kMaxTenths / 10.0);
    m_spin->setSingleStep(0.1);
    m_spin->setDecimals(1);
    const QString tip =
        tr("How boldly the sample is drawn: low temperatures keep to the likeliest "
           "characters, high ones take more chances (1 draws each character "
           "with the probability the network gives it).");
    m_slider->setToolTip(tip);
    m_spin->setToolTip(tip);
    m_another->setToolTip(tr("Draw another sample at the same temperature."));
    m_slider->setMinimumWidth(60);
    m_greedyTitle->setToolTip(tr("Always the likeliest character: the same text every time."));
    m_greedy->setToolTip(
        tr("Grey: the test window it starts from; after it, what the network "
           "writes, one character at a time."));
    m_sample->setToolTip(m_greedy->toolTip());
    auto* label = new QLabel(tr("Temperature"), this);
    label->setBuddy(m_spin);

    auto* controls = new QHBoxLayout;
    controls->setContentsMargins(0, 0, 0, 0);
    controls->addWidget(label);
    controls->addWidget(m_slider, 1);
    controls->addWidget(m_spin);
    controls->addWidget(m_another);

    for (QLabel* title : {m_greedyTitle, m_sampleTitle}) {
        title->setWordWrap(true);
        title->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    }
    auto* boxes = new QGridLayout;
    boxes->setContentsMargins(0, 0, 0, 0);
    boxes->setVerticalSpacing(2);
    boxes->addWidget(m_greedyTitle, 0, 0);
    boxes->addWidget(m_sampleTitle, 0, 1);
    boxes->addWidget(m_greedy, 1, 0);
    boxes->addWidget(m_sample, 1, 1);
    boxes->setColumnStretch(0, 1);
    boxes->setColumnStretch(1, 1);
    boxes->setRowStretch(1, 1);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);
    layout->addLayout(controls);
    layout->addLayout(boxes, 1);

    connect(m_slider, &QSlider::valueChanged, this,
            [this](int tenths) { setTemperature(tenths / 10.0); });
    connect(m_spin, &QDoubleSpinBox::valueChanged, this, &TextSampleView::setTemperature);
    connect(m_another, &QPushButton::clicked, this, &TextSampleView::drawAnother);
    setTemperature(kDefaultTemperature);
    m_sampleTitle->setText(tr("At temperature %1").arg(temperature(), 0, 'f', 1));
    applyFont();
}

void TextSampleView::applyFont() {
    // Monospace at the size (and weight) of the window's text, which UiScale sets.
    QFont fixed = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    fixed.setPointSizeF(font().pointSizeF());
    fixed.setBold(font().bold());
    for (QTextEdit* box : {m_greedy, m_sample}) {
        box->setFont(fixed);
        box->document()->setDefaultFont(fixed);
        box->setMinimumHeight(3 * QFontMetrics(fixed).lineSpacing());
    }
}

void TextSampleView::changeEvent(QEvent* event) {
    if (event->type() == QEvent::FontChange) applyFont();
    QWidget::changeEvent(event);
}

double TextSampleView::temperature() const { return m_spin->value(); }

void TextSampleView::setTemperature(double temperature) {
    const double t =
        std::round(std::clamp(temperature, kMinTenths / 10.0, kMaxTenths / 10.0) * 10) / 10;
    const bool changed = m_spin->value() != t || m_slider->value() != std::lround(t * 10);
    {
        const QSignalBlocker blockSpin(m_spin), blockSlider(m_slider);
        m_spin->setValue(t);
        m_slider->setValue(static_cast<int>(std::lround(t * 10)));
    }
    if (changed) emit requestChanged();
}

void TextSampleView::drawAnother() {
    ++m_seed;
    emit requestChanged();
}

void TextSampleView::setText(const nnplay::SessionViews::SequenceViews& sequence,
                             const nnplay::DataInfo& info) {
    const QColor start = palette().color(QPalette::PlaceholderText);
    const QString primed = QStringLiteral("<span style=\"color:%1\">%2</span>")
                               .arg(start.name(), html(info, sequence.start));
    const auto show = [&](QTextEdit* box, const std::vector<int>& classes, QString& text) {
        box->setHtml(QStringLiteral("<p style=\"white-space:pre-wrap\">%1<b>%2</b></p>")
                         .arg(primed, html(info, classes)));
        text = plain(info, sequence.start) + plain(info, classes);
    };
    show(m_greedy, sequence.greedy, m_greedyPlain);
    show(m_sample, sequence.sample, m_samplePlain);
    m_sampleTitle->setText(tr("At temperature %1").arg(sequence.temperature, 0, 'f', 1));
}

QString TextSampleView::greedyText() const { return m_greedyPlain; }

QString TextSampleView::sampleText() const { return m_samplePlain; }

QString TextSampleView::characterOf(const nnplay::DataInfo& info, int index) {
    if (index < 0 || index >= info.classCount()) return QStringLiteral("?");
    return QString::fromStdString(
        nnplay::characterOfClassName(info.classNames[static_cast<std::size_t>(index)]));
}

QString TextSampleView::visibleCharacter(const nnplay::DataInfo& info, int index) {
    const QString c = characterOf(info, index);
    if (c == QLatin1String(" ")) return QStringLiteral("\u2423");
    if (c == QLatin1String("\n")) return QStringLiteral("\u23ce");
    if (c == QLatin1String("\t")) return QStringLiteral("\u21e5");
    return c;
}

}  // namespace nnplay::ui
