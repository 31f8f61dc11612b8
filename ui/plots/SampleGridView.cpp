// SPDX-License-Identifier: GPL-3.0-or-later
#include "plots/SampleGridView.h"

#include <QHeaderView>
#include <QImage>
#include <QLabel>
#include <QPainter>
#include <QTableWidget>
#include <QVBoxLayout>
#include <algorithm>
#include <cmath>

namespace nnplay::ui {

namespace {

const QColor kWrong(200, 30, 30);

QString className(const DataPreview& data, int index) {
    const auto& names = data.info.classNames;
    if (index >= 0 && index < static_cast<int>(names.size())) {
        return QString::fromStdString(names[static_cast<std::size_t>(index)]);
    }
    return QString::number(index);
}

/// One sample (a column of `inputs`) as a grey picture: dark ink on white, scaled to its own
/// range so faint scans stay readable.
QImage sampleImage(const DataPreview& data, int sample) {
    const Shape& shape = data.info.imageShape;
    const int w = shape.width;
    const int h = shape.height;
    QImage image(w, h, QImage::Format_Grayscale8);
    const auto column = data.sampleInputs.col(sample);
    const float low = std::min(0.0f, column.minCoeff());
    const float high = std::max(low + 1e-6f, column.maxCoeff());
    for (int y = 0; y < h; ++y) {
        uchar* line = image.scanLine(y);
        for (int x = 0; x < w; ++x) {
            const float v = (column(y * w + x) - low) / (high - low);  // first channel only
            line[x] = static_cast<uchar>(std::lround(255.0f * (1.0f - std::clamp(v, 0.0f, 1.0f))));
        }
    }
    return image;
}

}  // namespace

SampleGridView::SampleGridView(QWidget* parent)
    : QWidget(parent), m_summary(new QLabel(this)), m_table(new QTableWidget(this)) {
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_summary);
    layout->addWidget(m_table, 1);
    layout->addStretch(0);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->verticalHeader()->setVisible(false);
    m_table->setAlternatingRowColors(true);
    m_table->hide();
    m_summary->setWordWrap(true);
    m_summary->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    m_summary->setText(tr("No test samples yet."));
    setToolTip(
        tr("Test samples the network never trained on, with its answers: red ones are "
           "wrong."));
}

void SampleGridView::setSnapshot(const TrainingSnapshot& snapshot) {
    m_snapshot = snapshot;
    const DataPreview* data = snapshot.data.get();
    m_images = data && data->info.imageShape.size() > 0 &&
               data->info.imageShape.size() == data->sampleInputs.rows();
    m_table->setVisible(data && !m_images);
    if (data && !m_images) fillTable();

    if (!data || data->sampleCount() == 0) {
        m_summary->setText(tr("No test samples yet."));
    } else if (data->info.task == nnplay::Task::Classification &&
               snapshot.samplePredictions.size() == static_cast<std::size_t>(data->sampleCount())) {
        m_summary->setText(tr("First %1 test samples: %2 wrong (in red).")
                               .arg(data->sampleCount())
                               .arg(wrongCount()));
    } else {
        m_summary->setText(tr("First %1 test samples.").arg(data->sampleCount()));
    }
    update();
}

int SampleGridView::wrongCount() const {
    const DataPreview* data = m_snapshot.data.get();
    if (!data) return 0;
    int wrong = 0;
    const std::size_t n = std::min(m_snapshot.samplePredictions.size(), data->sampleLabels.size());
    for (std::size_t i = 0; i < n; ++i) {
        if (m_snapshot.samplePredictions[i] != data->sampleLabels[i]) ++wrong;
    }
    return wrong;
}

void SampleGridView::fillTable() {
    const DataPreview& data = *m_snapshot.data;
    const bool classification = data.info.task == nnplay::Task::Classification;
    const int features = static_cast<int>(data.sampleInputs.rows());
    const int rows = data.sampleCount();
    if (m_tableGeneration != m_snapshot.generation) {
        m_tableGeneration = m_snapshot.generation;
        QStringList headers;
        for (int f = 0; f < features; ++f) {
            headers << (f < static_cast<int>(data.info.featureNames.size())
                            ? QString::fromStdString(
                                  data.info.featureNames[static_cast<std::size_t>(f)])
                            : tr("input %1").arg(f + 1));
        }
        headers << tr("True") << tr("Predicted") << (classification ? tr("Sure") : tr("Error"));
        m_table->clear();
        m_table->setColumnCount(static_cast<int>(headers.size()));
        m_table->setRowCount(rows);
        m_table->setHorizontalHeaderLabels(headers);
        for (int r = 0; r < rows; ++r) {
            for (int c = 0; c < static_cast<int>(headers.size()); ++c) {
                auto* item = new QTableWidgetItem;
                item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
                m_table->setItem(r, c, item);
            }
            for (int f = 0; f < features; ++f) {
                m_table->item(r, f)->setText(QString::number(data.sampleInputs(f, r), 'g', 4));
            }
            m_table->item(r, features)
                ->setText(classification
                              ? className(data, data.sampleLabels[static_cast<std::size_t>(r)])
                              : QString::number(data.sampleTargets(0, r), 'g', 4));
        }
        m_table->resizeColumnsToContents();
    }
    const auto& predicted = m_snapshot.samplePredictions;
    const auto& outputs = m_snapshot.sampleOutputs;
    for (int r = 0; r < rows && r < static_cast<int>(outputs.size()); ++r) {
        QTableWidgetItem* answer = m_table->item(r, features + 1);
        QTableWidgetItem* extra = m_table->item(r, features + 2);
        const float output = outputs[static_cast<std::size_t>(r)];
        bool wrong = false;
        if (classification && r < static_cast<int>(predicted.size())) {
            const int p = predicted[static_cast<std::size_t>(r)];
            answer->setText(className(data, p));
            extra->setText(QString::number(std::lround(100.0 * output)) + QLatin1Char('%'));
            wrong = p != data.sampleLabels[static_cast<std::size_t>(r)];
        } else if (!classification) {
            answer->setText(QString::number(output, 'g', 4));
            extra->setText(QString::number(output - data.sampleTargets(0, r), 'g', 3));
        }
        const QBrush brush = wrong ? QBrush(kWrong) : palette().brush(QPalette::Text);
        answer->setForeground(brush);
        extra->setForeground(brush);
        QFont f = answer->font();
        f.setBold(wrong);
        answer->setFont(f);
    }
}

void SampleGridView::gridGeometry(int& columns, int& rows, int& cell) const {
    const int n = m_snapshot.data ? m_snapshot.data->sampleCount() : 0;
    const QRect area = rect().adjusted(4, m_summary->geometry().bottom() + 6, -4, -4);
    const int label = fontMetrics().height() + 2;
    columns = 1;
    rows = std::max(n, 1);
    cell = 0;
    for (int c = 1; c <= std::max(n, 1); ++c) {
        const int r = (n + c - 1) / std::max(c, 1);
        const int side = std::min(area.width() / c, area.height() / std::max(r, 1) - label);
        if (side > cell) {
            cell = side;
            columns = c;
            rows = r;
        }
    }
}

void SampleGridView::paintEvent(QPaintEvent* event) {
    QWidget::paintEvent(event);
    const DataPreview* data = m_snapshot.data.get();
    if (!m_images || !data || data->sampleCount() == 0) return;
    int columns = 0, rows = 0, cell = 0;
    gridGeometry(columns, rows, cell);
    if (cell < 4) return;
    QPainter painter(this);
    painter.setRenderHint(QPainter::SmoothPixmapTransform, false);
    const int label = fontMetrics().height() + 2;
    const int top = m_summary->geometry().bottom() + 6;
    const int gridWidth = columns * cell;
    const int left = std::max(4, (width() - gridWidth) / 2);
    const int pad = std::max(2, cell / 10);
    const auto& predicted = m_snapshot.samplePredictions;
    for (int i = 0; i < data->sampleCount(); ++i) {
        const int x = left + (i % columns) * cell;
        const int y = top + (i / columns) * (cell + label);
        const QRect picture(x + pad, y + pad, cell - 2 * pad, cell - 2 * pad);
        painter.drawImage(picture, sampleImage(*data, i));
        const int truth = i < static_cast<int>(data->sampleLabels.size())
                              ? data->sampleLabels[static_cast<std::size_t>(i)]
                              : -1;
        const bool known = i < static_cast<int>(predicted.size());
        const int guess = known ? predicted[static_cast<std::size_t>(i)] : -1;
        const bool wrong = known && guess != truth;
        painter.setPen(wrong ? QPen(kWrong, 2) : QPen(palette().color(QPalette::Mid), 1));
        painter.setBrush(Qt::NoBrush);
        painter.drawRect(picture.adjusted(-1, -1, 0, 0));
        const QString text =
            !known  ? className(*data, truth)
            : wrong ? tr("%1 (is %2)").arg(className(*data, guess), className(*data, truth))
                    : className(*data, guess);
        QFont f = font();
        f.setBold(wrong);
        painter.setFont(f);
        painter.setPen(wrong ? kWrong : palette().color(QPalette::WindowText));
        painter.drawText(QRect(x, y + cell - pad + 1, cell, label), Qt::AlignHCenter | Qt::AlignTop,
                         text);
    }
}

}  // namespace nnplay::ui
