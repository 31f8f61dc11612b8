// SPDX-License-Identifier: GPL-3.0-or-later
#include "plots/AugmentationPreview.h"

#include <QMouseEvent>
#include <QPainter>
#include <algorithm>

#include "data/PlaneGenerators.h"
#include "plots/PlotStyle.h"
#include "plots/SamplePicture.h"
#include "train/Augmenter.h"

namespace nnplay::ui {

namespace {

/// The preview's own stream: the same settings always show the same copies.
constexpr std::uint32_t kPreviewSeed = 20261203;
constexpr int kPicture = 40;  // side of one drawn picture, pixels
constexpr int kGap = 4;
constexpr int kSeparator = 12;  // between the stored picture and its copies
constexpr int kCaption = 16;    // height of the line of text above the pictures
constexpr int kPlane = 150;     // side of the 2-D plot

}  // namespace

AugmentationPreview::AugmentationPreview(QWidget* parent) : QWidget(parent) {
    setObjectName(QStringLiteral("augmentationPreview"));
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Fixed);
    setToolTip(
        tr("What the network sees in a batch: every epoch each training sample is changed "
           "anew. Test samples are never changed. Click for another training sample."));
}

void AugmentationPreview::setData(std::shared_ptr<const DataPreview> data) {
    if (data == m_data) return;
    m_data = std::move(data);
    rebuild();
}

void AugmentationPreview::setSpec(const AugmentationSpec& spec) {
    if (spec == m_spec) return;
    m_spec = spec;
    rebuild();
}

AugmentedData AugmentationPreview::shows() const {
    if (!m_data) return AugmentedData::None;
    if (m_data->info.isPlane && m_data->trainPoints.cols() > 0) return AugmentedData::Points;
    if (m_data->trainSampleInputs.cols() > 0) return AugmentedData::Images;
    return AugmentedData::None;
}

int AugmentationPreview::shownSample() const {
    const auto stored = static_cast<unsigned>(m_data ? m_data->trainSampleInputs.cols() : 0);
    return stored == 0 ? 0 : static_cast<int>(m_draw % stored);
}

int AugmentationPreview::pictureRows() const {
    return shows() == AugmentedData::Images ? static_cast<int>(m_copies.size()) / kCopies : 0;
}

Vector AugmentationPreview::copyOf(int row, int copy) const {
    return m_copies.at(static_cast<std::size_t>(row * kCopies + copy));
}

Matrix AugmentationPreview::jitteredPoints() const { return m_points; }

void AugmentationPreview::rebuild() {
    m_copies.clear();
    m_points.resize(2, 0);
    const AugmentedData kind = shows();
    if (kind != AugmentedData::None) {
        // Only the image or only the point settings apply: the other kind is left out, as the
        // session's check would refuse it.
        AugmentationSpec spec = m_spec;
        if (kind == AugmentedData::Images) spec.jitter = 0.0f;
        Augmenter augmenter(spec, m_data->info, {}, kPreviewSeed + m_draw);
        if (kind == AugmentedData::Images) {
            const Matrix& stored = m_data->trainSampleInputs;
            for (int c = 0; c < kCopies; ++c) {
                Vector out(stored.rows());
                augmenter.augmentImage(stored.col(shownSample()), out);
                m_copies.push_back(std::move(out));
            }
        } else {
            const Matrix& points = m_data->trainPoints;
            m_points.resize(2, points.cols() * kPointCopies);
            for (int c = 0; c < kPointCopies; ++c)
                for (Eigen::Index i = 0; i < points.cols(); ++i) {
                    const auto p = augmenter.jitterPoint(points(0, i), points(1, i));
                    m_points(0, c * points.cols() + i) = p[0];
                    m_points(1, c * points.cols() + i) = p[1];
                }
        }
    }
    updateGeometry();
    update();
}

QSize AugmentationPreview::sizeHint() const {
    switch (shows()) {
        case AugmentedData::Images:
            return {kPicture * (kCopies + 1) + kGap * kCopies + kSeparator,
                    kCaption + pictureRows() * (kPicture + kGap)};
        case AugmentedData::Points:
            return {kPlane, kCaption + kPlane};
        case AugmentedData::None:
            break;
    }
    return {0, 0};
}

void AugmentationPreview::paintEvent(QPaintEvent*) {
    QPainter painter(this);
    const AugmentedData kind = shows();
    if (kind == AugmentedData::Images) paintImages(painter);
    if (kind == AugmentedData::Points) paintPoints(painter);
}

void AugmentationPreview::paintImages(QPainter& painter) {
    const Shape& shape = m_data->info.imageShape;
    const Matrix& stored = m_data->trainSampleInputs;
    const int copiesLeft = kPicture + kSeparator;
    painter.setPen(palette().color(QPalette::WindowText));
    QFont small = font();
    small.setPointSizeF(small.pointSizeF() * 0.9);
    painter.setFont(small);
    painter.drawText(QRect(0, 0, kPicture + kSeparator, kCaption), Qt::AlignLeft | Qt::AlignVCenter,
                     tr("stored"));
    painter.drawText(QRect(copiesLeft, 0, width() - copiesLeft, kCaption),
                     Qt::AlignLeft | Qt::AlignVCenter,
                     m_spec.changesImages() ? tr("as batches see it") : tr("augmentation off"));
    const QColor frame = PlotStyle::tint(palette().color(QPalette::WindowText), 0.6);
    for (int row = 0; row < pictureRows(); ++row) {
        const int top = kCaption + row * (kPicture + kGap);
        const auto original = stored.col(shownSample());
        // One grey scale for the stored picture and its copies, so noise shows as speckles.
        const float low = std::min(0.0f, original.minCoeff());
        const float high = std::max(low + 1e-6f, original.maxCoeff());
        auto draw = [&](const QImage& image, int left) {
            const QRect box(left, top, kPicture, kPicture);
            painter.drawImage(box, image);
            painter.setPen(frame);
            painter.drawRect(box.adjusted(0, 0, -1, -1));
        };
        draw(imagePicture(original, shape, low, high), 0);
        for (int c = 0; c < kCopies; ++c)
            draw(imagePicture(copyOf(row, c), shape, low, high),
                 copiesLeft + c * (kPicture + kGap));
    }
}

void AugmentationPreview::paintPoints(QPainter& painter) {
    painter.setRenderHint(QPainter::Antialiasing);
    const int side = std::min(width(), height() - kCaption);
    const QRectF plot((width() - side) / 2.0, kCaption, side, side);
    painter.setPen(palette().color(QPalette::WindowText));
    QFont small = font();
    small.setPointSizeF(small.pointSizeF() * 0.9);
    painter.setFont(small);
    const QString caption =
        m_spec.changesPoints() ? tr("grey: stored, colour: jittered") : tr("augmentation off");
    painter.drawText(QRect(0, 0, width(), kCaption), Qt::AlignHCenter | Qt::AlignVCenter,
                     painter.fontMetrics().elidedText(caption, Qt::ElideRight, width()));
    painter.fillRect(plot, palette().color(QPalette::Base));
    painter.setPen(PlotStyle::tint(palette().color(QPalette::WindowText), 0.6));
    painter.drawRect(plot);
    const auto at = [&](float x1, float x2) {
        return QPointF(plot.left() + (x1 + kPlaneExtent) / (2 * kPlaneExtent) * plot.width(),
                       plot.bottom() - (x2 + kPlaneExtent) / (2 * kPlaneExtent) * plot.height());
    };
    painter.setClipRect(plot);
    const Matrix& stored = m_data->trainPoints;
    const std::vector<int>& labels = m_data->trainLabels;
    const Eigen::Index n = stored.cols();
    if (m_spec.changesPoints()) {
        painter.setPen(Qt::NoPen);
        for (Eigen::Index i = 0; i < m_points.cols(); ++i) {
            const Eigen::Index sample = i % n;
            QColor color =
                labels.empty() ? PlotStyle::classColor(0) : PlotStyle::classColor(labels[sample]);
            color.setAlphaF(0.55f);
            painter.setBrush(color);
            painter.drawEllipse(at(m_points(0, i), m_points(1, i)), 2.2, 2.2);
        }
    }
    for (Eigen::Index i = 0; i < n; ++i) {
        const QColor color = m_spec.changesPoints() ? QColor(90, 90, 90)
                             : labels.empty()       ? PlotStyle::classColor(0)
                                                    : PlotStyle::classColor(labels[i]);
        painter.setPen(Qt::NoPen);
        painter.setBrush(color);
        painter.drawEllipse(at(stored(0, i), stored(1, i)), 1.6, 1.6);
    }
}

void AugmentationPreview::mousePressEvent(QMouseEvent* event) {
    if (event->button() != Qt::LeftButton) return QWidget::mousePressEvent(event);
    ++m_draw;
    rebuild();
}

}  // namespace nnplay::ui
