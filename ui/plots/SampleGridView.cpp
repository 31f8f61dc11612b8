// SPDX-License-Identifier: GPL-3.0-or-later
#include "plots/SampleGridView.h"

#include <QFontInfo>
#include <QHeaderView>
#include <QImage>
#include <QLabel>
#include <QMouseEvent>
#include <QPainter>
#include <QPixmap>
#include <QTableWidget>
#include <QVBoxLayout>
#include <algorithm>
#include <cmath>

#include "data/TextLoader.h"
#include "plots/PlotStyle.h"
#include "plots/SamplePicture.h"

namespace nnplay::ui {

namespace {

/// The red of wrong answers, readable on the light or the dark theme's background.
QColor wrongColor(const QPalette& palette) {
    return palette.color(QPalette::Base).lightnessF() < 0.5 ? QColor(255, 110, 110)
                                                            : QColor(200, 30, 30);
}

QString className(const DataPreview& data, int index) {
    const auto& names = data.info.classNames;
    if (index >= 0 && index < static_cast<int>(names.size())) {
        return QString::fromStdString(names[static_cast<std::size_t>(index)]);
    }
    return QString::number(index);
}

/// A sequence sample in one line: one-hot characters as the text they spell ("the dev"), other
/// steps as their values ("0.12 0.48 0.81").
QString sequenceText(const DataPreview& data, int sample) {
    const Shape& shape = data.info.inputShape;
    const int width = shape.stepSize();
    const auto column = data.sampleInputs.col(sample);
    const bool characters = static_cast<int>(data.info.featureNames.size()) == width && width > 1 &&
                            (column.array() == 0.0f || column.array() == 1.0f).all() &&
                            std::abs(column.sum() - static_cast<float>(shape.steps)) < 0.5f;
    QString text;
    for (int t = 0; t < shape.steps; ++t) {
        if (characters) {
            Eigen::Index hot = 0;
            column.segment(static_cast<Eigen::Index>(t) * width, width).maxCoeff(&hot);
            const QString c = QString::fromStdString(nnplay::characterOfClassName(
                data.info.featureNames[static_cast<std::size_t>(hot)]));
            text += c == QLatin1String("\n") ? QStringLiteral("\u23ce") : c;
        } else {
            if (t > 0) text += QLatin1Char(' ');
            for (int f = 0; f < width; ++f)
                text += (f > 0 ? QStringLiteral(",") : QString()) +
                        QString::number(column(t * width + f), 'g', 3);
        }
    }
    return characters ? QStringLiteral("\u201c%1\u201d").arg(text) : text;
}

/// A series of one value per step as a small line, the first target as a dot after it.
QPixmap sparkline(const DataPreview& data, int sample, const QPalette& palette) {
    const int steps = data.info.inputShape.steps;
    const auto column = data.sampleInputs.col(sample);
    const bool target = sample < data.sampleTargets.cols() && data.sampleTargets.rows() > 0;
    float low = column.minCoeff(), high = column.maxCoeff();
    if (target) {
        low = std::min(low, data.sampleTargets(0, sample));
        high = std::max(high, data.sampleTargets(0, sample));
    }
    const QSize size(8 * (steps + 2), 26);
    QPixmap pixmap(size);
    pixmap.fill(Qt::transparent);
    QPainter p(&pixmap);
    p.setRenderHint(QPainter::Antialiasing);
    auto at = [&](int step, float value) {
        const float y = high > low ? (value - low) / (high - low) : 0.5f;
        return QPointF(4 + 8.0 * step, size.height() - 3 - y * (size.height() - 6));
    };
    QPolygonF line;
    for (int t = 0; t < steps; ++t) line << at(t, column(t));
    p.setPen(QPen(palette.color(QPalette::Text), 1.5));
    p.drawPolyline(line);
    if (target) {
        p.setPen(Qt::NoPen);
        p.setBrush(PlotStyle::positiveColor());
        p.drawEllipse(at(steps, data.sampleTargets(0, sample)), 3, 3);
    }
    return pixmap;
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
    // Another session's classes: the mark no longer means anything.
    if (snapshot.generation != m_markGeneration) m_markTrue = m_markPredicted = -1;
    m_markGeneration = snapshot.generation;
    showMark();

    updateSummary();
    update();
}

void SampleGridView::resizeEvent(QResizeEvent* event) {
    QWidget::resizeEvent(event);
    updateSummary();
}

void SampleGridView::updateSummary() {
    const DataPreview* data = m_snapshot.data.get();
    const int shown = m_images ? grid().count : data ? data->sampleCount() : 0;
    if (!data || data->sampleCount() == 0) {
        m_summary->setText(tr("No test samples yet."));
    } else if (data->info.task == nnplay::Task::Classification &&
               m_snapshot.samplePredictions.size() ==
                   static_cast<std::size_t>(data->sampleCount())) {
        QString text = tr("First %1 test samples: %2 wrong (in red).").arg(shown).arg(wrongCount());
        if (m_markTrue >= 0) {
            const auto count = static_cast<int>(markedSamples().size());
            text += QLatin1Char(' ') +
                    tr("%n of them are %1 and taken for %2 (shown strong).", nullptr, count)
                        .arg(className(*data, m_markTrue), className(*data, m_markPredicted));
        }
        m_summary->setText(text);
    } else {
        m_summary->setText(tr("First %1 test samples.").arg(shown));
    }
}

int SampleGridView::wrongCount() const {
    const DataPreview* data = m_snapshot.data.get();
    if (!data) return 0;
    int wrong = 0;
    std::size_t n = std::min(m_snapshot.samplePredictions.size(), data->sampleLabels.size());
    if (m_images) n = std::min(n, static_cast<std::size_t>(grid().count));
    for (std::size_t i = 0; i < n; ++i) {
        if (m_snapshot.samplePredictions[i] != data->sampleLabels[i]) ++wrong;
    }
    return wrong;
}

void SampleGridView::fillTable() {
    const DataPreview& data = *m_snapshot.data;
    const bool classification = data.info.task == nnplay::Task::Classification;
    // A sequence is one column: its steps in a line.
    const bool sequence = data.info.inputShape.isSequence();
    const int features = sequence ? 1 : static_cast<int>(data.sampleInputs.rows());
    const int rows = data.sampleCount();
    if (m_tableGeneration != m_snapshot.generation) {
        m_tableGeneration = m_snapshot.generation;
        QStringList headers;
        if (sequence) headers << tr("%1 steps").arg(data.info.inputShape.steps);
        for (int f = 0; f < features && !sequence; ++f) {
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
            if (sequence) {
                QTableWidgetItem* item = m_table->item(r, 0);
                item->setTextAlignment(Qt::AlignLeft | Qt::AlignVCenter);
                if (data.info.inputShape.stepSize() == 1 && !classification) {
                    // A series of numbers: drawn as a line, with the value to predict after it.
                    item->setData(Qt::DecorationRole, sparkline(data, r, palette()));
                    item->setToolTip(sequenceText(data, r));
                } else {
                    item->setText(sequenceText(data, r));
                }
            }
            for (int f = 0; f < features && !sequence; ++f) {
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
        const QBrush brush =
            wrong ? QBrush(wrongColor(palette())) : palette().brush(QPalette::Text);
        answer->setForeground(brush);
        extra->setForeground(brush);
        QFont f = answer->font();
        f.setBold(wrong);
        answer->setFont(f);
    }
    // The answers arrive after the first fill: their columns follow their width.
    m_table->resizeColumnToContents(features + 1);
    m_table->resizeColumnToContents(features + 2);
}

bool SampleGridView::isKnown(int sample) const {
    return sample >= 0 && sample < static_cast<int>(m_snapshot.samplePredictions.size());
}

bool SampleGridView::isWrong(int sample) const {
    const DataPreview* data = m_snapshot.data.get();
    if (!data || !isKnown(sample) || sample >= static_cast<int>(data->sampleLabels.size()))
        return false;
    return m_snapshot.samplePredictions[static_cast<std::size_t>(sample)] !=
           data->sampleLabels[static_cast<std::size_t>(sample)];
}

QString SampleGridView::labelText(int sample) const {
    const DataPreview* data = m_snapshot.data.get();
    if (!data || sample < 0 || sample >= data->sampleCount()) return {};
    const int truth = sample < static_cast<int>(data->sampleLabels.size())
                          ? data->sampleLabels[static_cast<std::size_t>(sample)]
                          : -1;
    if (!isKnown(sample)) return className(*data, truth);
    const int guess = m_snapshot.samplePredictions[static_cast<std::size_t>(sample)];
    return guess != truth ? tr("%1 (is %2)").arg(className(*data, guess), className(*data, truth))
                          : className(*data, guess);
}

QFont SampleGridView::labelFont(int sample, int pixelSize) const {
    QFont f = font();
    if (pixelSize > 0) f.setPixelSize(pixelSize);
    f.setBold(isWrong(sample));
    return f;
}

QFont SampleGridView::labelFont(int sample) const { return labelFont(sample, grid().labelPixels); }

SampleGridView::Grid SampleGridView::grid() const {
    const int n = m_snapshot.data ? m_snapshot.data->sampleCount() : 0;
    const Grid all = gridFor(n);
    if (all.cell >= kMinCell || n <= 1) return all;
    // As many samples as fit at kMinCell with columns as wide as the widest label.
    const int top = m_summary->geometry().bottom() + 6;
    const QRect area = rect().adjusted(4, top, -4, -4);
    const int columns = std::max(1, area.width() / std::max(kMinCell, all.labelWidth));
    const int rows = std::max(1, area.height() / (kMinCell + all.label));
    return gridFor(std::clamp(columns * rows, 1, n));
}

SampleGridView::Grid SampleGridView::gridFor(int n) const {
    const int top = m_summary->geometry().bottom() + 6;
    const QRect area = rect().adjusted(4, top, -4, -4);
    // Columns are at least as wide as the longest label (a wrong answer, in bold), so
    // "5 (is 9)" never runs into its neighbour. Where the labels' width is what keeps the
    // pictures small, a smaller label font (down to 10 px) may win bigger pictures.
    const int fullPixels = QFontInfo(font()).pixelSize();
    Grid best;
    for (const int pixels : {fullPixels, std::max(10, fullPixels * 5 / 6)}) {
        Grid g;
        g.top = top;
        g.labelPixels = pixels == fullPixels ? 0 : pixels;
        g.label = QFontMetrics(labelFont(0, g.labelPixels)).height() + 2;
        int labelWidth = 0;
        for (int i = 0; i < n; ++i) {
            labelWidth = std::max(
                labelWidth,
                QFontMetrics(labelFont(i, g.labelPixels)).horizontalAdvance(labelText(i)) + 6);
        }
        g.rows = std::max(n, 1);
        g.count = n;
        g.labelWidth = labelWidth;
        g.pitch = std::min(labelWidth, area.width());
        for (int c = 1; c <= std::max(n, 1); ++c) {
            const int slot = area.width() / c;
            if (c > 1 && slot < labelWidth) break;
            const int r = (n + c - 1) / c;
            const int side = std::min(slot, area.height() / std::max(r, 1) - g.label);
            if (side > g.cell) {
                g.cell = side;
                g.columns = c;
                g.rows = r;
                g.pitch = std::max(side, std::min(labelWidth, area.width()));
            }
        }
        g.left = std::max(4, (width() - g.columns * g.pitch) / 2);
        // The smaller font only when it makes the pictures clearly bigger.
        if (best.cell == 0 || g.cell * 4 > best.cell * 5) best = g;
    }
    return best;
}

QRect SampleGridView::labelRect(int sample) const {
    const Grid g = grid();
    if (g.cell < 4 || sample < 0 || sample >= g.count) return {};
    const int pad = std::max(2, g.cell / 10);
    const int x = g.left + (sample % g.columns) * g.pitch;
    const int y = g.top + (sample / g.columns) * (g.cell + g.label);
    return QRect(x, y + g.cell - pad + 1, g.pitch, g.label);
}

void SampleGridView::paintEvent(QPaintEvent* event) {
    QWidget::paintEvent(event);
    const DataPreview* data = m_snapshot.data.get();
    if (!m_images || !data || data->sampleCount() == 0) return;
    const Grid g = grid();
    if (g.cell < 4) return;
    QPainter painter(this);
    painter.setRenderHint(QPainter::SmoothPixmapTransform, false);
    const int pad = std::max(2, g.cell / 10);
    for (int i = 0; i < g.count; ++i) {
        const int x = g.left + (i % g.columns) * g.pitch + (g.pitch - g.cell) / 2;
        const int y = g.top + (i / g.columns) * (g.cell + g.label);
        const QRect picture(x + pad, y + pad, g.cell - 2 * pad, g.cell - 2 * pad);
        // A marked confusion cell leaves the other samples faint.
        painter.setOpacity(marked(i) || m_markTrue < 0 ? 1.0 : 0.2);
        painter.drawImage(picture, samplePicture(*data, i));
        const bool wrong = isWrong(i);
        painter.setPen(wrong ? QPen(wrongColor(palette()), 2)
                             : QPen(palette().color(QPalette::Mid), 1));
        painter.setBrush(Qt::NoBrush);
        painter.drawRect(picture.adjusted(-1, -1, 0, 0));
        const QFont f = labelFont(i, g.labelPixels);
        const QRect box = labelRect(i);
        painter.setFont(f);
        painter.setPen(wrong ? wrongColor(palette()) : palette().color(QPalette::WindowText));
        painter.drawText(box, Qt::AlignHCenter | Qt::AlignTop,
                         QFontMetrics(f).elidedText(labelText(i), Qt::ElideRight, box.width()));
    }
}

bool SampleGridView::marked(int sample) const {
    const DataPreview* data = m_snapshot.data.get();
    if (m_markTrue < 0 || !data || !isKnown(sample) ||
        sample >= static_cast<int>(data->sampleLabels.size()))
        return false;
    return data->sampleLabels[static_cast<std::size_t>(sample)] == m_markTrue &&
           m_snapshot.samplePredictions[static_cast<std::size_t>(sample)] == m_markPredicted;
}

void SampleGridView::markCell(int trueClass, int predictedClass) {
    m_markTrue = trueClass;
    m_markPredicted = trueClass < 0 ? -1 : predictedClass;
    showMark();
    updateSummary();
    update();
}

std::vector<int> SampleGridView::markedSamples() const {
    std::vector<int> out;
    const int n = m_snapshot.data ? m_snapshot.data->sampleCount() : 0;
    const int shown = m_images ? std::min(n, grid().count) : n;
    for (int i = 0; i < shown; ++i)
        if (marked(i)) out.push_back(i);
    return out;
}

void SampleGridView::showMark() {
    if (m_images) return;
    m_table->clearSelection();
    for (int row : markedSamples()) m_table->selectRow(row);
}

int SampleGridView::sampleAt(const QPoint& point) const {
    const DataPreview* data = m_snapshot.data.get();
    if (!m_images || !data) return -1;
    const Grid g = grid();
    if (g.pitch <= 0 || point.x() < g.left || point.y() < g.top) return -1;
    const int column = (point.x() - g.left) / g.pitch;
    const int row = (point.y() - g.top) / (g.cell + g.label);
    const int sample = row * g.columns + column;
    return column < g.columns && sample < g.count ? sample : -1;
}

void SampleGridView::mousePressEvent(QMouseEvent* event) {
    const int sample = sampleAt(event->position().toPoint());
    if (sample >= 0 && event->button() == Qt::LeftButton) emit sampleClicked(sample);
    QWidget::mousePressEvent(event);
}

}  // namespace nnplay::ui
