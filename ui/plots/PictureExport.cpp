// SPDX-License-Identifier: GPL-3.0-or-later
#include "plots/PictureExport.h"

#include <qcustomplot.h>

#include <QAbstractButton>
#include <QAbstractSlider>
#include <QAbstractSpinBox>
#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QDir>
#include <QFileInfo>
#include <QGraphicsView>
#include <QLayout>
#include <QPageSize>
#include <QPdfWriter>
#include <QSaveFile>
#include <QSvgGenerator>
#include <cmath>

namespace nnplay::ui {

namespace {

constexpr double kInchesPerMetre = 39.3700787;

/// Paints with the settings QCustomPlot's own exports use: no cached labels, and for
/// vector devices none of the screen's antialiasing fixes.
void prepare(QCPPainter& painter, bool vector) {
    painter.setMode(QCPPainter::pmNoCaching);
    if (vector) painter.setMode(QCPPainter::pmVectorized);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setRenderHint(QPainter::TextAntialiasing);
    painter.setRenderHint(QPainter::SmoothPixmapTransform);
}

/// Buttons, boxes and sliders work the view; a picture of it shows what it shows.
bool isControl(const QWidget* widget) {
    return qobject_cast<const QAbstractButton*>(widget) || qobject_cast<const QComboBox*>(widget) ||
           qobject_cast<const QAbstractSpinBox*>(widget) ||
           qobject_cast<const QAbstractSlider*>(widget);
}

QString writeError(const QString& path, const QSaveFile& file) {
    return QObject::tr("Cannot write %1: %2")
        .arg(QDir::toNativeSeparators(path), file.errorString());
}

}  // namespace

std::optional<PictureExport::Format> PictureExport::formatOf(const QString& path) {
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix == QLatin1String("png")) return Format::Png;
    if (suffix == QLatin1String("svg")) return Format::Svg;
    if (suffix == QLatin1String("pdf")) return Format::Pdf;
    return std::nullopt;
}

QString PictureExport::fileFilter() {
    return QObject::tr("PNG image (*.png);;SVG drawing (*.svg);;PDF document (*.pdf)");
}

template <typename Paint>
void PictureExport::atSize(QWidget* view, QSize size, Paint paint) {
    const QSize own = view->size();
    const bool resized = size.isValid() && size != own;
    auto layOut = [view](QSize s) {
        view->resize(s);
        if (view->layout()) view->layout()->activate();
    };
    if (resized) layOut(size);
    paint(view->size());
    if (resized) layOut(own);
}

void PictureExport::drawTree(QWidget* widget, QWidget* root, QCPPainter& painter) {
    if (auto* plot = qobject_cast<QCustomPlot*>(widget)) {
        plot->toPainter(&painter, plot->width(), plot->height());
        return;
    }
    if (auto* graphics = qobject_cast<QGraphicsView*>(widget)) {
        // The scene as the viewport shows it; the frame and scroll bars are left out.
        const QWidget* viewport = graphics->viewport();
        painter.save();
        painter.translate(viewport->pos());
        graphics->render(&painter, QRectF(QPointF(), viewport->size()), viewport->rect());
        painter.restore();
        return;
    }
    widget->render(&painter, QPoint(), QRegion(), QWidget::DrawWindowBackground);
    for (QObject* object : widget->children()) {
        auto* child = qobject_cast<QWidget*>(object);
        if (child == nullptr || child->isWindow() || !child->isVisibleTo(root) || isControl(child))
            continue;
        painter.save();
        painter.translate(child->pos());
        drawTree(child, root, painter);
        painter.restore();
    }
}

QImage PictureExport::image(QWidget* view, QSize size, double scale) {
    QImage out;
    atSize(view, size, [&](QSize laidOut) {
        out = QImage((QSizeF(laidOut) * scale).toSize(), QImage::Format_ARGB32_Premultiplied);
        out.setDevicePixelRatio(scale);
        const int dotsPerMetre =
            static_cast<int>(std::lround(view->logicalDpiX() * kInchesPerMetre));
        out.setDotsPerMeterX(dotsPerMetre);
        out.setDotsPerMeterY(dotsPerMetre);
        out.fill(view->palette().color(QPalette::Window));
        QCPPainter painter(&out);
        prepare(painter, false);
        drawTree(view, view, painter);
    });
    return out;
}

QString PictureExport::save(QWidget* view, const QString& path, QSize size, double scale) {
    const std::optional<Format> format = formatOf(path);
    if (!format)
        return QObject::tr("%1 names no picture format: end the name in .png, .svg or .pdf")
            .arg(QFileInfo(path).fileName());
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) return writeError(path, file);
    bool written = true;
    if (*format == Format::Png) {
        written = image(view, size, scale).save(&file, "PNG");
    } else {
        atSize(view, size, [&](QSize laidOut) {
            const QColor window = view->palette().color(QPalette::Window);
            const int dpi = view->logicalDpiX();
            auto paint = [&](QPaintDevice* device) {
                QCPPainter painter(device);
                prepare(painter, true);
                painter.fillRect(QRect(QPoint(), laidOut), window);
                drawTree(view, view, painter);
            };
            if (*format == Format::Svg) {
                QSvgGenerator svg;
                svg.setOutputDevice(&file);
                svg.setSize(laidOut);
                svg.setViewBox(QRect(QPoint(), laidOut));
                // Fonts sized in points come out as large as on the screen the view is on.
                svg.setResolution(dpi);
                svg.setTitle(QFileInfo(path).completeBaseName());
                svg.setDescription(QObject::tr("Drawn by nnplay"));
                paint(&svg);
            } else {
                QPdfWriter pdf(&file);
                pdf.setResolution(dpi);
                pdf.setPageSize(QPageSize(QSizeF(laidOut) * 72.0 / dpi, QPageSize::Point, QString(),
                                          QPageSize::ExactMatch));
                pdf.setPageMargins(QMarginsF());
                pdf.setCreator(QStringLiteral("nnplay"));
                pdf.setTitle(QFileInfo(path).completeBaseName());
                paint(&pdf);
            }
        });
        written = file.error() == QFileDevice::NoError;
    }
    if (!written || !file.commit()) return writeError(path, file);
    return {};
}

void PictureExport::copyToClipboard(QWidget* view) {
    QApplication::clipboard()->setImage(image(view, {}, view->devicePixelRatioF()));
}

}  // namespace nnplay::ui
