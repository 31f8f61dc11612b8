// SPDX-License-Identifier: GPL-3.0-or-later
#include "plots/GanStepView.h"

#include <qcustomplot.h>

#include <QEvent>
#include <QLabel>
#include <QLocale>
#include <QStringList>
#include <QVBoxLayout>
#include <algorithm>
#include <cmath>

#include "data/PlaneGenerators.h"
#include "plots/GanPictures.h"
#include "plots/PlotFit.h"
#include "plots/PlotStyle.h"
#include "plots/SampleGallery.h"
#include "style/UiScale.h"
#include "train/DataPreview.h"

namespace nnplay::ui {

namespace {

constexpr double kExtent = nnplay::kPlaneExtent;
constexpr double kPointSize = 9.0;
constexpr double kAxisMargin = 0.15;
/// The longest arrow, as a share of the plot's side.
constexpr double kLongestArrow = 0.15;

QCPScatterStyle pointStyle(const QColor& fill, const QColor& ring, double ringWidth) {
    return QCPScatterStyle(QCPScatterStyle::ssCircle, PlotStyle::pen(ring, ringWidth), QBrush(fill),
                           kPointSize * UiScale::factor());
}

QString number(double value) { return QLocale().toString(value, 'f', 3); }

}  // namespace

GanStepView::GanStepView(QWidget* parent)
    : QWidget(parent),
      m_plotArea(new QWidget(this)),
      m_plot(new QCustomPlot(m_plotArea)),
      m_gallery(new SampleGallery(this)),
      m_note(new QLabel(this)) {
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_plotArea, 1);
    layout->addWidget(m_gallery, 1);
    layout->addWidget(m_note);
    m_note->setObjectName(QStringLiteral("ganStepNote"));
    m_note->setWordWrap(true);
    m_note->setAlignment(Qt::AlignCenter);
    m_gallery->hide();
    m_plotArea->installEventFilter(this);
    m_plotArea->setMinimumSize(200, 180);
    m_plot->setNotAntialiasedElements(QCP::aeNone);
    m_plot->xAxis->setLabel(QStringLiteral("x1"));
    m_plot->yAxis->setLabel(QStringLiteral("x2"));
    m_plot->xAxis->grid()->setVisible(false);
    m_plot->yAxis->grid()->setVisible(false);

    m_map = new QCPColorMap(m_plot->xAxis, m_plot->yAxis);
    m_map->setInterpolate(true);
    m_map->setTightBoundary(false);
    m_scale = PlotStyle::addVerdictScale(m_plot, m_map);

    auto curve = [this] {
        auto* c = new QCPCurve(m_plot->xAxis, m_plot->yAxis);
        c->setLineStyle(QCPCurve::lsNone);
        c->setSelectable(QCP::stNone);
        return c;
    };
    m_faded = curve();
    m_noise = curve();
    m_real = curve();
    m_fake = curve();
    for (QCPCurve*& c : m_verdicts) c = curve();
    applyStyle();
}

void GanStepView::setRecord(const nnplay::GanStepRecord& record, const DataPreview* data) {
    m_record = record;
    m_info = data ? data->info : nnplay::DataInfo();
    const nnplay::Matrix& some = record.trainedDiscriminator ? record.real : record.gFake;
    m_plane = some.rows() == 2;
    m_plotArea->setVisible(m_plane);
    m_gallery->setVisible(!m_plane);
    if (m_plane) {
        const nnplay::Matrix& points = data ? data->trainPoints : nnplay::Matrix();
        fitAxes(points.rows() == 2 && points.cols() > 0 ? points : some);
    }
    redraw();
}

void GanStepView::setLayerNames(const QStringList& generator, const QStringList& discriminator) {
    m_generatorNames = generator;
    m_discriminatorNames = discriminator;
    redraw();
}

void GanStepView::setPart(int part) {
    m_part = std::clamp(part, 1, 10);
    redraw();
}

void GanStepView::fitAxes(const nnplay::Matrix& points) {
    const double left = points.row(0).minCoeff(), right = points.row(0).maxCoeff();
    const double bottom = points.row(1).minCoeff(), top = points.row(1).maxCoeff();
    double half =
        std::max({0.5 * (right - left), 0.5 * (top - bottom), 0.25}) * (1.0 + kAxisMargin);
    double cx = 0.5 * (left + right), cy = 0.5 * (bottom + top);
    if (!std::isfinite(half) || !std::isfinite(cx) || !std::isfinite(cy)) {
        half = kExtent;
        cx = cy = 0.0;
    }
    m_plot->xAxis->setRange(cx - half, cx + half);
    m_plot->yAxis->setRange(cy - half, cy + half);
}

void GanStepView::clear() {
    for (QCPCurve* c : {m_real, m_fake, m_faded, m_noise}) c->data()->clear();
    for (QCPCurve* c : m_verdicts) c->data()->clear();
    for (QCPItemLine* a : m_arrows) a->setVisible(false);
    m_note->clear();
}

void GanStepView::showMap(const std::vector<float>& grid) {
    const int size = m_record.gridSize;
    const bool has = size > 1 && grid.size() == static_cast<std::size_t>(size) * size;
    m_map->setVisible(has);
    m_scale->setVisible(has);
    if (!has) return;
    QCPColorMapData* data = m_map->data();
    if (data->keySize() != size || data->valueSize() != size) {
        data->setSize(size, size);
        data->setRange(QCPRange(-kExtent, kExtent), QCPRange(-kExtent, kExtent));
    }
    for (int row = 0; row < size; ++row)
        for (int col = 0; col < size; ++col)
            data->setCell(col, row, grid[static_cast<std::size_t>(row) * size + col]);
    m_map->setDataRange(QCPRange(0.0, 1.0));
}

void GanStepView::showPoints(bool real, const nnplay::Matrix& samples, const nnplay::Matrix& values,
                             bool verdicts) {
    if (samples.rows() < 2) return;
    if (!verdicts) {
        QCPCurve* curve = real ? m_real : m_fake;
        for (Eigen::Index i = 0; i < samples.cols(); ++i)
            curve->addData(samples(0, i), samples(1, i));
        return;
    }
    for (Eigen::Index i = 0; i < samples.cols() && i < values.cols(); ++i) {
        const double v = std::clamp<double>(m_record.verdict(values(0, i)), 0.0, 1.0);
        if (!std::isfinite(v)) continue;
        const int step = std::min(kVerdictSteps - 1, static_cast<int>(v * kVerdictSteps));
        m_verdicts[static_cast<std::size_t>((real ? 0 : kVerdictSteps) + step)]->addData(
            samples(0, i), samples(1, i));
    }
}

QCPItemLine* GanStepView::arrowItem(std::size_t index) {
    while (m_arrows.size() <= index) {
        auto* line = new QCPItemLine(m_plot);
        line->setSelectable(false);
        line->setHead(QCPLineEnding(QCPLineEnding::esSpikeArrow, 7 * UiScale::factor(),
                                    9 * UiScale::factor()));
        m_arrows.push_back(line);
    }
    return m_arrows[index];
}

void GanStepView::showArrows(const nnplay::Matrix& from, const nnplay::Matrix& delta, double scale,
                             const QColor& color) {
    if (from.rows() < 2 || delta.rows() < 2 || delta.cols() != from.cols()) return;
    std::size_t used = 0;
    for (Eigen::Index i = 0; i < from.cols(); ++i) {
        const double dx = scale * delta(0, i), dy = scale * delta(1, i);
        if (!std::isfinite(dx) || !std::isfinite(dy) || std::hypot(dx, dy) <= 0.0) continue;
        QCPItemLine* arrow = arrowItem(used++);
        arrow->setPen(PlotStyle::pen(color, 1.6));
        arrow->start->setCoords(from(0, i), from(1, i));
        arrow->end->setCoords(from(0, i) + dx, from(1, i) + dy);
        arrow->setVisible(true);
    }
}

QString GanStepView::gradientNote(const QString& network, const std::vector<float>& norms,
                                  const QStringList& names) {
    QStringList sizes;
    for (std::size_t l = 0; l < norms.size(); ++l) {
        if (norms[l] <= 0.0f) continue;
        const auto index = static_cast<qsizetype>(l);
        const QString name = index < names.size() ? names[index] : tr("layer %1").arg(l + 1);
        // Each entry kept on one line: the note wraps between layers only.
        sizes << tr("%1 in %2").arg(number(norms[l]), name).replace(QLatin1Char(' '), QChar::Nbsp);
    }
    return tr("Size of %1's gradients: %2").arg(network, sizes.join(QStringLiteral(", ")));
}

void GanStepView::redraw() {
    clear();
    m_mapAfter = m_part >= 5;
    if (m_plane) {
        drawPlane();
    } else {
        showPictures();
    }
    m_note->setText(partNote());
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

QString GanStepView::partNote() const {
    const nnplay::GanStepRecord& r = m_record;
    switch (m_part) {
        case 3:
            return tr("D loss = %1").arg(number(r.dLoss));
        case 4:
            return gradientNote(tr("D"), r.dGradientNorms, m_discriminatorNames);
        case 5:
            return m_plane ? tr("D(x) after the update") : QString();
        case 6:
            return m_plane ? tr("noise z (grey): %1 random numbers a sample").arg(r.gNoise.rows())
                           : tr("noise z: %1 random numbers a sample, a square of them each")
                                 .arg(r.gNoise.rows());
        case 8:
            return tr("G loss = %1").arg(number(r.gLoss));
        case 9:
            return gradientNote(tr("G"), r.gGradientNorms, m_generatorNames);
        case 10: {
            double moved = 0.0;
            if (r.gFakeAfter.cols() == r.gFake.cols() && r.gFakeAfter.rows() == r.gFake.rows()) {
                for (Eigen::Index i = 0; i < r.gFake.cols(); ++i)
                    moved = std::max<double>(moved, (r.gFakeAfter.col(i) - r.gFake.col(i)).norm());
            }
            return tr("Largest move: %1").arg(number(moved));
        }
        default:
            return {};
    }
}

std::vector<QColor> GanStepView::verdictColors(const nnplay::GanStepRecord& record,
                                               const nnplay::Matrix& values) {
    QCPColorGradient gradient = PlotStyle::verdictGradient(1.0);  // color() is not const
    std::vector<QColor> colors;
    for (Eigen::Index i = 0; i < values.cols(); ++i) {
        double v = std::clamp<double>(record.verdict(values(0, i)), 0.0, 1.0);
        if (!std::isfinite(v)) v = 0.5;
        colors.push_back(QColor::fromRgb(gradient.color(v, QCPRange(0.0, 1.0))));
    }
    return colors;
}

void GanStepView::showPictures() {
    const nnplay::GanStepRecord& r = m_record;
    const auto pictures = [&](const nnplay::Matrix& samples) {
        return GanPictures::samples(m_info, samples, static_cast<int>(samples.cols()));
    };
    std::vector<SampleGallery::Group> groups;
    const auto add = [&](const QString& title, std::vector<QImage> images,
                         std::vector<QColor> frames = {}) {
        if (!frames.empty() && frames.size() != images.size()) frames.clear();
        groups.push_back({title, std::move(images), std::move(frames)});
    };
    switch (m_part) {
        case 1:
        case 4:
        case 5:
            add(tr("Real"), pictures(r.real));
            add(tr("Fakes"), pictures(r.dFake));
            break;
        case 2:
        case 3: {
            const Eigen::Index n = r.real.cols();
            const bool values = r.dValues.cols() == 2 * n;
            add(tr("Real"), pictures(r.real),
                values ? verdictColors(r, r.dValues.leftCols(n)) : std::vector<QColor>());
            add(tr("Fakes"), pictures(r.dFake),
                values ? verdictColors(r, r.dValues.rightCols(n)) : std::vector<QColor>());
            break;
        }
        case 6:
            add(tr("Noise z"), GanPictures::noise(r.gNoise, static_cast<int>(r.gNoise.cols())));
            break;
        case 7:
        case 8:
            add(tr("Fakes"), pictures(r.gFake), verdictColors(r, r.gValues));
            break;
        case 9:
            add(tr("Fakes"), pictures(r.gFake));
            add(tr("Where G moves the pixels"),
                GanPictures::moves(m_info, r.fakeGradients,
                                   static_cast<int>(r.fakeGradients.cols())));
            break;
        case 10:
            add(tr("Before the update"), pictures(r.gFake));
            add(tr("After it"), pictures(r.gFakeAfter));
            break;
        default:
            break;
    }
    m_gallery->setGroups(std::move(groups));
}

void GanStepView::drawPlane() {
    const nnplay::GanStepRecord& r = m_record;
    showMap(m_mapAfter ? r.dGridAfter : r.dGridBefore);
    const double side = std::min(m_plot->xAxis->range().size(), m_plot->yAxis->range().size());
    switch (m_part) {
        case 1:
        case 4:
        case 5:
            showPoints(true, r.real, {}, false);
            showPoints(false, r.dFake, {}, false);
            break;
        case 2:
        case 3: {
            const Eigen::Index n = r.real.cols();
            if (r.dValues.cols() == 2 * n) {
                showPoints(true, r.real, r.dValues.leftCols(n), true);
                showPoints(false, r.dFake, r.dValues.rightCols(n), true);
            }
            break;
        }
        case 6:
            if (r.gNoise.rows() >= 2)
                for (Eigen::Index i = 0; i < r.gNoise.cols(); ++i)
                    m_noise->addData(r.gNoise(0, i), r.gNoise(1, i));
            break;
        case 7:
        case 8:
            showPoints(false, r.gFake, r.gValues, true);
            break;
        case 9: {
            showPoints(false, r.gFake, {}, false);
            double longest = 0.0;
            for (Eigen::Index i = 0; i < r.fakeGradients.cols(); ++i) {
                const double norm = std::hypot(r.fakeGradients(0, i), r.fakeGradients(1, i));
                if (std::isfinite(norm)) longest = std::max(longest, norm);
            }
            if (longest > 0.0)
                showArrows(r.gFake, r.fakeGradients, -kLongestArrow * side / longest,
                           PlotStyle::generatedSampleColor().darker(170));
            break;
        }
        case 10:
            for (Eigen::Index i = 0; i < r.gFake.cols(); ++i)
                m_faded->addData(r.gFake(0, i), r.gFake(1, i));
            showPoints(false, r.gFakeAfter, {}, false);
            if (r.gFakeAfter.cols() == r.gFake.cols() && r.gFake.rows() >= 2)
                showArrows(r.gFake, r.gFakeAfter - r.gFake, 1.0,
                           PlotStyle::generatedSampleColor().darker(170));
            break;
        default:
            break;
    }
}

int GanStepView::realPointCount() const { return m_real->dataCount(); }

int GanStepView::fakePointCount() const { return m_fake->dataCount(); }

int GanStepView::verdictPointCount() const {
    int count = 0;
    for (const QCPCurve* c : m_verdicts) count += c->dataCount();
    return count;
}

int GanStepView::noisePointCount() const { return m_noise->dataCount(); }

int GanStepView::arrowCount() const {
    return static_cast<int>(std::count_if(m_arrows.begin(), m_arrows.end(),
                                          [](QCPItemLine* a) { return a->visible(); }));
}

bool GanStepView::showsMap() const { return m_map->visible(); }

QString GanStepView::note() const { return m_note->text(); }

void GanStepView::applyStyle() {
    PlotStyle::apply(m_plot, palette());
    PlotStyle::apply(m_scale, palette());
    m_map->setGradient(PlotStyle::verdictGradient(PlotStyle::kVerdictMapStrength));
    m_scale->setGradient(PlotStyle::verdictGradient(PlotStyle::kVerdictMapStrength));
    m_real->setScatterStyle(pointStyle(PlotStyle::realSampleColor(), Qt::white, 1.0));
    m_fake->setScatterStyle(pointStyle(PlotStyle::generatedSampleColor(), Qt::white, 1.0));
    QColor faded = PlotStyle::generatedSampleColor();
    faded.setAlphaF(0.3);
    m_faded->setScatterStyle(pointStyle(faded, Qt::transparent, 0.0));
    m_noise->setScatterStyle(
        QCPScatterStyle(QCPScatterStyle::ssCircle, PlotStyle::pen(QColor(90, 90, 90), 1.5),
                        QBrush(QColor(200, 200, 200)), kPointSize * UiScale::factor()));
    // A verdict point: filled with D's verdict at full strength, ringed in what it truly is.
    QCPColorGradient gradient = PlotStyle::verdictGradient(1.0);
    for (int k = 0; k < 2 * kVerdictSteps; ++k) {
        const bool real = k < kVerdictSteps;
        const double v = ((k % kVerdictSteps) + 0.5) / kVerdictSteps;
        const QColor fill = QColor::fromRgb(gradient.color(v, QCPRange(0.0, 1.0)));
        m_verdicts[static_cast<std::size_t>(k)]->setScatterStyle(
            pointStyle(fill,
                       real ? PlotStyle::realSampleColor().darker(140)
                            : PlotStyle::generatedSampleColor().darker(140),
                       2.2));
    }
    QFont noteFont = font();
    noteFont.setBold(true);
    noteFont.setPointSizeF(font().pointSizeF() * 1.15);
    m_note->setFont(noteFont);
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

void GanStepView::changeEvent(QEvent* event) {
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::FontChange) applyStyle();
    QWidget::changeEvent(event);
}

bool GanStepView::eventFilter(QObject* watched, QEvent* event) {
    if (watched == m_plotArea && event->type() == QEvent::Resize)
        PlotFit::fitSquare(m_plot, m_plotArea->rect());
    return QWidget::eventFilter(watched, event);
}

}  // namespace nnplay::ui
