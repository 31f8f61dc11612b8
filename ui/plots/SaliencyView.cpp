// SPDX-License-Identifier: GPL-3.0-or-later
#include "plots/SaliencyView.h"

#include <QCheckBox>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QLabel>
#include <QPainter>
#include <QResizeEvent>
#include <QVBoxLayout>
#include <algorithm>
#include <cmath>

#include "data/TextLoader.h"
#include "plots/PlotStyle.h"
#include "plots/SamplePicture.h"
#include "train/InputSaliency.h"

namespace nnplay::ui {

namespace {

/// Black - red - yellow - white for 0..1: the brightest where the score moves most.
QColor heatColor(float v) {
    v = std::clamp(v, 0.0f, 1.0f);
    const auto part = [&](float from, float to) {
        return static_cast<int>(255 * std::clamp((v - from) / (to - from), 0.0f, 1.0f));
    };
    return QColor(part(0.0f, 0.4f), part(0.35f, 0.8f), part(0.75f, 1.0f));
}

/// -1..+1 on the plots' diverging colours (orange - white - blue).
QColor signedColor(float v) {
    v = std::clamp(v, -1.0f, 1.0f);
    return PlotStyle::tint(v < 0 ? PlotStyle::negativeColor() : PlotStyle::positiveColor(),
                           std::abs(v));
}

constexpr int kCaptionGap = 6;
/// The side of each of the three pictures and the height of the bars, in pixels.
constexpr int kPictureSide = 112;
constexpr int kBarHeight = 64;

}  // namespace

SaliencyView::SaliencyView(QWidget* parent)
    : QWidget(parent), m_caption(new QLabel(this)), m_signedBox(new QCheckBox(tr("Signed"), this)) {
    m_caption->setWordWrap(true);
    m_signedBox->setToolTip(
        tr("Show whether raising a value raises the score (blue) or lowers it (orange), "
           "instead of how much it moves it"));
    auto* top = new QHBoxLayout;
    top->setContentsMargins(0, 0, 0, 0);
    top->addWidget(m_caption, 1);
    top->addWidget(m_signedBox, 0, Qt::AlignTop);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(top);
    layout->addStretch(1);
    connect(m_signedBox, &QCheckBox::toggled, this, [this] {
        rebuild();
        fitHeight();
        update();
    });
    m_caption->setText(tr("Train or step once to see which inputs the answer depends on."));
}

void SaliencyView::setSigned(bool on) { m_signedBox->setChecked(on); }

bool SaliencyView::isSigned() const { return m_signedBox->isChecked(); }

QString SaliencyView::captionText() const { return m_caption->text(); }

void SaliencyView::resizeEvent(QResizeEvent* event) {
    QWidget::resizeEvent(event);
    fitHeight();
}

void SaliencyView::fitHeight() {
    const int labels = fontMetrics().height() + 2;
    int content = 0;
    if (m_kind == Kind::Picture) content = labels + kPictureSide;
    if (m_kind == Kind::Text) content = QFontMetrics(textFont()).height() + 10;
    if (m_kind == Kind::Bars) content = labels + kBarHeight;
    const int captionWidth = std::max(80, width() - m_signedBox->sizeHint().width() - 8);
    const int caption =
        std::max(m_caption->heightForWidth(captionWidth), m_signedBox->sizeHint().height());
    const int h = caption + kCaptionGap + content + kCaptionGap;
    if (h != height()) setFixedHeight(h);
}

QFont SaliencyView::textFont() const {
    QFont mono = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    mono.setPointSizeF(font().pointSizeF() * 1.5);
    return mono;
}

void SaliencyView::setSnapshot(const TrainingSnapshot& snapshot) {
    if (snapshot.saliency.empty() || !snapshot.data) return;
    m_saliency = snapshot.saliency;
    m_data = snapshot.data;
    rebuild();
    fitHeight();
    update();
}

QString SaliencyView::className(int klass) const {
    const auto& names = m_data->info.classNames;
    if (klass < 0 || klass >= static_cast<int>(names.size())) return QString::number(klass);
    const std::string& name = names[static_cast<std::size_t>(klass)];
    const std::string character = characterOfClassName(name);
    return QString::fromStdString(character.size() == 1 && character != " " ? character : name);
}

void SaliencyView::rebuild() {
    m_values.clear();
    m_labels.clear();
    m_kind = Kind::None;
    if (!m_data || m_saliency.empty()) return;
    const DataInfo& info = m_data->info;
    const std::vector<float>& g = m_saliency.gradient;
    const bool signedMap = isSigned();
    const Shape& picture = info.imageShape;
    const int sample = m_saliency.sample;
    const QString score = m_saliency.klass >= 0
                              ? tr("the score of \u201c%1\u201d (before softmax: %2)")
                                    .arg(className(m_saliency.klass))
                                    .arg(m_saliency.score, 0, 'f', 2)
                              : tr("the predicted value (now %1)").arg(m_saliency.score, 0, 'g', 3);

    // The drawn values: sizes (or signed values) over the largest size.
    auto normalise = [&](std::vector<float> values) {
        float largest = 0.0f;
        for (float v : values) largest = std::max(largest, std::abs(v));
        if (largest > 0.0f)
            for (float& v : values) v /= largest;
        return values;
    };
    const Shape& shape = m_saliency.shape;
    const auto column = m_data->sampleInputs.col(std::min(sample, m_data->sampleCount() - 1));
    const int width = shape.stepSize();
    const bool characters =
        shape.isSequence() && width > 1 && static_cast<int>(info.featureNames.size()) == width &&
        column.size() == shape.size() && (column.array() == 0.0f || column.array() == 1.0f).all();

    if (picture.size() > 0 && static_cast<int>(g.size()) == picture.size() &&
        sample < m_data->sampleCount()) {
        m_kind = Kind::Picture;
        const int pixels = picture.height * picture.width;
        std::vector<float> map = InputSaliency::pixelMap(picture, g);
        if (signedMap) {
            // Each pixel's gradient of the channel where it is largest, with its sign.
            for (std::size_t i = 0; i < g.size(); ++i)
                if (std::abs(g[i]) >= map[i % std::size_t(pixels)])
                    map[i % std::size_t(pixels)] = g[i];
        }
        m_values = normalise(std::move(map));
        m_picture = samplePicture(*m_data, sample).convertToFormat(QImage::Format_RGB32);
        m_heat = QImage(picture.width, picture.height, QImage::Format_RGB32);
        m_overlay = m_picture.scaled(picture.width, picture.height);
        for (int y = 0; y < picture.height; ++y)
            for (int x = 0; x < picture.width; ++x) {
                const float v = m_values[std::size_t(y * picture.width + x)];
                const QColor c = signedMap ? signedColor(v) : heatColor(v);
                m_heat.setPixel(x, y, c.rgb());
                // The heat laid over the sample, as strong as the value.
                const QColor base = m_overlay.pixelColor(x, y);
                const float a = std::clamp(std::abs(v) * 1.2f, 0.0f, 0.85f);
                const QColor over = signedMap ? c : heatColor(std::abs(v));
                m_overlay.setPixelColor(
                    x, y,
                    QColor::fromRgbF((1 - a) * base.redF() + a * over.redF(),
                                     (1 - a) * base.greenF() + a * over.greenF(),
                                     (1 - a) * base.blueF() + a * over.blueF()));
            }
        m_caption->setText(
            signedMap ? tr("Blue pixels: darkening them raises %1; orange ones lower it (the "
                           "gradient per pixel).")
                            .arg(score)
                      : tr("Bright pixels: where a small change moves %1 most (the size of the "
                           "gradient per pixel).")
                            .arg(score));
        return;
    }

    if (shape.isSequence()) {
        std::vector<float> steps = InputSaliency::stepMap(shape, g);
        if (signedMap) {
            // Per step the gradient of the value the step holds (the character read).
            for (int t = 0; t < shape.steps; ++t) {
                float sum = 0.0f;
                for (int f = 0; f < width; ++f)
                    sum +=
                        g[std::size_t(t * width + f)] * (characters ? column(t * width + f) : 1.0f);
                steps[std::size_t(t)] = sum;
            }
        }
        m_values = normalise(std::move(steps));
        for (int t = 0; t < shape.steps; ++t) {
            if (characters) {
                Eigen::Index hot = 0;
                column.segment(Eigen::Index(t) * width, width).maxCoeff(&hot);
                QString c = QString::fromStdString(
                    characterOfClassName(info.featureNames[std::size_t(hot)]));
                if (c == QLatin1String("\n")) c = QStringLiteral("\u23ce");
                if (c == QLatin1String(" ")) c = QStringLiteral("\u2423");
                m_labels << c;
            } else {
                m_labels << QString::number(t + 1);
            }
        }
        m_kind = characters ? Kind::Text : Kind::Bars;
        m_caption->setText(
            characters ? tr("Shading: how much %1, the next character, depends on each earlier "
                            "character (the size of the gradient, summed over the step).")
                             .arg(score)
                       : tr("Bars: how much %1 depends on each earlier step (the size of the "
                            "gradient, summed over the step).")
                             .arg(score));
        return;
    }

    // A table of numbers: one bar per input.
    std::vector<float> values(g.begin(), g.end());
    if (!signedMap)
        for (float& v : values) v = std::abs(v);
    m_values = normalise(std::move(values));
    for (std::size_t i = 0; i < m_values.size(); ++i)
        m_labels << (i < info.featureNames.size() ? QString::fromStdString(info.featureNames[i])
                                                  : QString::number(i + 1));
    m_kind = Kind::Bars;
    m_caption->setText(tr("Bars: how much a small change of each input moves %1 (the size of "
                          "the gradient per input).")
                           .arg(score));
}

QRect SaliencyView::drawingArea() const {
    const int top =
        std::max(m_caption->geometry().bottom(), m_signedBox->geometry().bottom()) + kCaptionGap;
    return QRect(0, top, width(), std::max(0, height() - top));
}

void SaliencyView::paintEvent(QPaintEvent*) {
    if (m_kind == Kind::None || m_values.empty()) return;
    QPainter painter(this);
    const QRect area = drawingArea();
    const QFontMetrics metrics = fontMetrics();
    const int labelHeight = metrics.height();
    painter.setPen(palette().color(QPalette::WindowText));

    if (m_kind == Kind::Picture) {
        const QString titles[] = {tr("The sample"), tr("Saliency"), tr("Overlay")};
        const QImage* images[] = {&m_picture, &m_heat, &m_overlay};
        const int gap = 16;
        const int side = std::max(16, std::min({(area.width() - 2 * gap) / 3,
                                                area.height() - labelHeight - 2, kPictureSide}));
        painter.setRenderHint(QPainter::SmoothPixmapTransform, false);
        for (int i = 0; i < 3; ++i) {
            const QRect box(area.left() + i * (side + gap), area.top() + labelHeight + 2, side,
                            side);
            painter.drawText(QRect(box.left(), area.top(), side, labelHeight),
                             Qt::AlignHCenter | Qt::AlignBottom, titles[i]);
            painter.drawImage(box, *images[i]);
            painter.drawRect(box.adjusted(0, 0, -1, -1));
        }
        return;
    }

    const int n = static_cast<int>(m_values.size());
    if (m_kind == Kind::Text) {
        const QFont mono = textFont();
        painter.setFont(mono);
        const QFontMetrics monoMetrics(mono);
        const int cell = std::clamp(area.width() / std::max(1, n), 6,
                                    monoMetrics.horizontalAdvance(QLatin1Char('M')) + 8);
        const int h = monoMetrics.height() + 10;
        for (int t = 0; t < n; ++t) {
            const QRect box(area.left() + t * cell, area.top(), cell, h);
            const float v = m_values[std::size_t(t)];
            painter.fillRect(box, isSigned()
                                      ? signedColor(v)
                                      : PlotStyle::tint(PlotStyle::negativeColor(), std::abs(v)));
            painter.setPen(palette().color(QPalette::WindowText));
            painter.drawText(box, Qt::AlignCenter, m_labels.value(t));
        }
        return;
    }

    // Bars, from a middle line when signed.
    const int barArea = std::min(kBarHeight, area.height() - labelHeight - 2);
    const int bar = std::max(2, area.width() / std::max(1, n));
    const bool labelled = metrics.horizontalAdvance(QStringLiteral("000")) < bar;
    const int base = isSigned() ? area.top() + barArea / 2 : area.top() + barArea;
    const int full = isSigned() ? barArea / 2 : barArea;
    for (int i = 0; i < n; ++i) {
        const float v = m_values[std::size_t(i)];
        const int length = static_cast<int>(std::lround(std::abs(v) * full));
        const QRect r(area.left() + i * bar + 1, v >= 0 ? base - length : base, bar - 2, length);
        painter.fillRect(r, v >= 0 ? PlotStyle::positiveColor() : PlotStyle::negativeColor());
        if (labelled)
            painter.drawText(
                QRect(area.left() + i * bar, area.top() + barArea + 2, bar, labelHeight),
                Qt::AlignHCenter | Qt::AlignTop,
                metrics.elidedText(m_labels.value(i), Qt::ElideRight, bar));
    }
    painter.setPen(palette().color(QPalette::Mid));
    painter.drawLine(area.left(), base, area.left() + n * bar, base);
}

}  // namespace nnplay::ui
