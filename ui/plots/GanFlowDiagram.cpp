// SPDX-License-Identifier: GPL-3.0-or-later
#include "plots/GanFlowDiagram.h"

#include <QPainter>
#include <QPainterPath>
#include <QtMath>
#include <algorithm>
#include <cmath>

#include "plots/PlotStyle.h"
#include "style/UiScale.h"

namespace nnplay::ui {

namespace {

/// GAN Lab's colours, as the Samples plot uses them: green real, purple generated.
QColor realColor() { return PlotStyle::classColor(2); }
QColor generatedColor() { return PlotStyle::classColor(4); }
/// The gradients going back.
QColor gradientColor() { return PlotStyle::negativeColor().darker(120); }

/// Where the line from the centre of `rect` towards `to` leaves the rectangle.
QPointF edgePoint(const QRectF& rect, const QPointF& to) {
    const QPointF c = rect.center();
    const QPointF d = to - c;
    if (d.isNull()) return c;
    const double sx = d.x() != 0 ? (rect.width() / 2) / std::abs(d.x()) : 1e9;
    const double sy = d.y() != 0 ? (rect.height() / 2) / std::abs(d.y()) : 1e9;
    return c + d * std::min(sx, sy);
}

void drawArrow(QPainter& p, QPointF from, QPointF to, const QPen& pen, double head) {
    p.setPen(pen);
    p.drawLine(from, to);
    const QPointF d = to - from;
    const double length = std::hypot(d.x(), d.y());
    if (length < 1e-6) return;
    const QPointF u = d / length;
    const QPointF n(-u.y(), u.x());
    QPolygonF tip;
    tip << to << to - u * head + n * head * 0.5 << to - u * head - n * head * 0.5;
    p.setBrush(pen.color());
    p.setPen(Qt::NoPen);
    p.drawPolygon(tip);
}

}  // namespace

GanFlowDiagram::GanFlowDiagram(QWidget* parent) : QWidget(parent) {
    setObjectName(QStringLiteral("ganFlowDiagram"));
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    setToolTip(tr("The two networks and what feeds what. The network being trained in this part "
                  "is outlined; the thick arrows are this part's flow."));
}

void GanFlowDiagram::setPart(int part) {
    part = std::clamp(part, 0, 10);
    if (part == m_part) return;
    m_part = part;
    update();
}

GanFlowDiagram::Network GanFlowDiagram::updatedNetwork(int part) {
    if (part >= 1 && part <= 5) return Network::Discriminator;
    if (part >= 6 && part <= 10) return Network::Generator;
    return Network::None;
}

bool GanFlowDiagram::isFlowStrong(int part, Flow flow) {
    using F = Flow;
    switch (part) {
        case 1:  // noise and real data; the fakes are made from the noise
            return flow == F::NoiseToGenerator || flow == F::GeneratorToFake;
        case 2:  // D classifies real and fake
            return flow == F::FakeToDiscriminator || flow == F::RealToDiscriminator ||
                   flow == F::DiscriminatorToVerdict;
        case 3:
        case 8:  // the loss of D's verdicts
            return flow == F::VerdictToLoss;
        case 4:  // D's gradients
            return flow == F::LossToDiscriminator;
        case 6:  // fresh noise into G
            return flow == F::NoiseToGenerator;
        case 7:  // G makes fakes, D classifies them
            return flow == F::NoiseToGenerator || flow == F::GeneratorToFake ||
                   flow == F::FakeToDiscriminator || flow == F::DiscriminatorToVerdict;
        case 9:  // G's gradients come back through D and the fakes
            return flow == F::LossToDiscriminator || flow == F::DiscriminatorToFake ||
                   flow == F::FakeToGenerator;
        default:  // 5, 10: an update moves weights, no data flows
            return false;
    }
}

QSize GanFlowDiagram::minimumSizeHint() const {
    // The top row and the middle one (Generator, Discriminator) are 0.29 of the height apart:
    // room for half of each network box (2.6 lines tall) and a gap.
    QFont bold = font();
    bold.setBold(true);
    const double boxHeight = 2.6 * QFontMetricsF(bold).height();
    return {300, std::max(130, static_cast<int>(std::ceil((boxHeight + 6.0) / 0.29)))};
}

QSize GanFlowDiagram::sizeHint() const {
    return {460, std::max(170, minimumSizeHint().height())};
}

QSizeF GanFlowDiagram::nodeSize(Node node) const {
    const bool network = node == Generator || node == Discriminator;
    QFont f = font();
    f.setBold(network);
    const QFontMetricsF metrics(f);
    const QString label = node == Generator ? tr("Generator") : tr("Discriminator");
    const double textWidth = network ? metrics.horizontalAdvance(label) : metrics.height() * 2.6;
    return {textWidth + metrics.height() * (network ? 1.0 : 0.6),
            metrics.height() * (network ? 2.6 : 1.6)};
}

QRectF GanFlowDiagram::nodeRect(Node node) const {
    struct Place {
        double x, y;
    };
    static constexpr Place kPlaces[kNodeCount] = {{0.09, 0.22}, {0.30, 0.22}, {0.50, 0.22},
                                                  {0.50, 0.80}, {0.70, 0.51}, {0.91, 0.22},
                                                  {0.91, 0.80}};
    // The top row, noise z -> G -> fake x ... D(x), at its places; where that makes boxes
    // touch (a narrow panel, large text) it is packed evenly instead, and the boxes below
    // keep to the ones above them (real x under fake x, loss under D(x), D between).
    constexpr Node kTop[] = {Noise, Generator, Fake, Verdict};
    const double minGap = 6.0;
    double x[kNodeCount];
    for (int i = 0; i < kNodeCount; ++i) x[i] = kPlaces[i].x * width();
    bool touching = false;
    double total = 0.0;
    for (int k = 0; k < 4; ++k) {
        total += nodeSize(kTop[k]).width();
        if (k > 0)
            touching |= x[kTop[k]] - x[kTop[k - 1]] <
                        (nodeSize(kTop[k]).width() + nodeSize(kTop[k - 1]).width()) / 2 + minGap;
    }
    touching |= x[Noise] < nodeSize(Noise).width() / 2 ||
                x[Verdict] > width() - nodeSize(Verdict).width() / 2;
    if (touching) {
        const double gap = std::max(2.0, (width() - total) / 5);
        double left = gap;
        for (const Node top : kTop) {
            x[top] = left + nodeSize(top).width() / 2;
            left += nodeSize(top).width() + gap;
        }
        x[Real] = x[Fake];
        x[Loss] = x[Verdict];
        // Left of the arrow from D(x) down to the loss.
        x[Discriminator] = std::max(nodeSize(Discriminator).width() / 2 + 2,
                                    std::min((x[Fake] + x[Verdict]) / 2,
                                             x[Verdict] - nodeSize(Discriminator).width() / 2 -
                                                 minGap));
    }
    const QSizeF size = nodeSize(node);
    const QPointF c(x[node], kPlaces[node].y * height());
    return {c.x() - size.width() / 2, c.y() - size.height() / 2, size.width(), size.height()};
}

std::vector<QRectF> GanFlowDiagram::boxRects() const {
    std::vector<QRectF> rects;
    for (int i = 0; i < kNodeCount; ++i) rects.push_back(nodeRect(static_cast<Node>(i)));
    return rects;
}

bool GanFlowDiagram::isNodeActive(Node node) const {
    using F = Flow;
    auto any = [this](std::initializer_list<F> flows) {
        return std::any_of(flows.begin(), flows.end(), [this](F f) { return isFlowStrong(f); });
    };
    switch (node) {
        case Noise:
            return any({F::NoiseToGenerator});
        case Generator:
            return updatedNetwork() == Network::Generator ||
                   any({F::NoiseToGenerator, F::GeneratorToFake, F::FakeToGenerator});
        case Fake:
            return any({F::GeneratorToFake, F::FakeToDiscriminator, F::DiscriminatorToFake});
        case Real:
            return m_part == 1 || any({F::RealToDiscriminator});
        case Discriminator:
            return updatedNetwork() == Network::Discriminator ||
                   any({F::FakeToDiscriminator, F::RealToDiscriminator,
                        F::DiscriminatorToVerdict, F::LossToDiscriminator});
        case Verdict:
            return any({F::DiscriminatorToVerdict, F::VerdictToLoss});
        case Loss:
            return any({F::VerdictToLoss, F::LossToDiscriminator});
        default:
            return false;
    }
}

void GanFlowDiagram::paintEvent(QPaintEvent*) {
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    const double scale = UiScale::factor();
    const QColor text = palette().color(QPalette::WindowText);
    QColor faint = text;
    faint.setAlphaF(0.25);
    const QColor strong = palette().color(QPalette::Highlight);

    // Arrows first, under the boxes.
    struct Arrow {
        Flow flow;
        Node from, to;
        bool back;
    };
    const Arrow arrows[kFlowCount] = {
        {Flow::NoiseToGenerator, Noise, Generator, false},
        {Flow::GeneratorToFake, Generator, Fake, false},
        {Flow::FakeToDiscriminator, Fake, Discriminator, false},
        {Flow::RealToDiscriminator, Real, Discriminator, false},
        {Flow::DiscriminatorToVerdict, Discriminator, Verdict, false},
        {Flow::VerdictToLoss, Verdict, Loss, false},
        {Flow::LossToDiscriminator, Loss, Discriminator, true},
        {Flow::DiscriminatorToFake, Discriminator, Fake, true},
        {Flow::FakeToGenerator, Fake, Generator, true},
    };
    const double offset = 5.0 * scale;
    for (const Arrow& a : arrows) {
        const bool on = isFlowStrong(a.flow);
        const QRectF from = nodeRect(a.from), to = nodeRect(a.to);
        QPointF start = edgePoint(from, to.center());
        QPointF end = edgePoint(to, from.center());
        // A gradient runs beside the forward arrow it goes back along, dashed.
        const QPointF d = end - start;
        const double length = std::hypot(d.x(), d.y());
        if (length > 0) {
            const QPointF n(-d.y() / length, d.x() / length);
            start += n * offset;
            end += n * offset;
        }
        QColor color = a.back ? gradientColor() : text;
        if (on) color = a.back ? gradientColor() : strong;
        if (!on) color.setAlphaF(a.back ? 0.3 : 0.35);
        QPen pen(color, (on ? 3.5 : 1.2) * scale, a.back ? Qt::DashLine : Qt::SolidLine);
        pen.setCapStyle(Qt::FlatCap);
        drawArrow(p, start, end, pen, (on ? 12.0 : 7.0) * scale);
    }

    const Network updated = updatedNetwork();
    for (int i = 0; i < kNodeCount; ++i) {
        const auto node = static_cast<Node>(i);
        const QRectF rect = nodeRect(node);
        const bool network = node == Generator || node == Discriminator;
        const bool active = m_part == 0 || isNodeActive(node);
        const bool learning = (node == Generator && updated == Network::Generator) ||
                              (node == Discriminator && updated == Network::Discriminator);
        QColor fill = node == Real                          ? PlotStyle::tint(realColor(), 0.35)
                      : node == Fake || node == Generator ? PlotStyle::tint(generatedColor(), 0.3)
                      : node == Loss || node == Verdict   ? PlotStyle::neutralColor()
                                                          : PlotStyle::tint(realColor(), 0.15);
        if (!active) fill = fill.lighter(112);
        QColor border = active ? text : faint;
        double borderWidth = 1.0 * scale;
        if (learning) {
            border = strong;
            borderWidth = 4.0 * scale;
        }
        p.setPen(QPen(border, borderWidth));
        p.setBrush(fill);
        p.drawRoundedRect(rect, 6 * scale, 6 * scale);
        QFont f = font();
        f.setBold(network);
        p.setFont(f);
        QColor ink = QColor(20, 20, 20);  // the fills are pale in both themes
        if (!active) ink.setAlphaF(0.45);
        p.setPen(ink);
        QString label;
        switch (node) {
            case Noise:
                label = tr("noise z");
                break;
            case Generator:
                label = tr("Generator");
                break;
            case Fake:
                label = tr("fake x");
                break;
            case Real:
                label = tr("real x");
                break;
            case Discriminator:
                label = tr("Discriminator");
                break;
            case Verdict:
                label = tr("D(x)");
                break;
            case Loss:
                label = tr("loss");
                break;
            default:
                break;
        }
        if (!network || m_part == 0) {
            p.drawText(rect, Qt::AlignCenter, label);
            continue;
        }
        const QRectF top(rect.left(), rect.top(), rect.width(), rect.height() * 0.55);
        const QRectF bottom(rect.left(), rect.top() + rect.height() * 0.5, rect.width(),
                            rect.height() * 0.45);
        p.drawText(top, Qt::AlignHCenter | Qt::AlignBottom, label);
        QFont small = font();
        small.setPointSizeF(font().pointSizeF() * 0.85);
        small.setBold(learning);
        p.setFont(small);
        p.setPen(learning ? strong.darker(130) : ink);
        p.drawText(bottom, Qt::AlignHCenter | Qt::AlignTop,
                   learning ? tr("learning") : tr("held fixed"));
    }
}

}  // namespace nnplay::ui
