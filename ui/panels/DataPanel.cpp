// SPDX-License-Identifier: GPL-3.0-or-later
#include "panels/DataPanel.h"

#include <qcustomplot.h>

#include <QCheckBox>
#include <QCoreApplication>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QPainter>
#include <QPushButton>
#include <QSignalBlocker>
#include <QSlider>
#include <QSpinBox>
#include <QStyle>
#include <QVBoxLayout>
#include <algorithm>

#include "data/DataDescription.h"
#include "data/DataLoader.h"
#include "data/PlaneGenerators.h"
#include "document/DocumentEdits.h"
#include "document/MergeIds.h"
#include "document/ProjectDocument.h"
#include "panels/CsvImportDialog.h"
#include "panels/ShowValue.h"
#include "plots/PlotStyle.h"

namespace nnplay::ui {

namespace {

constexpr int kIconSize = 40;
constexpr int kColumns = 3;
constexpr int kVisibleRows = 4;
constexpr int kIconPoints = 220;

/// The label under a source's picture: short enough for three pictures in a row.
QString shortName(const SourceInfo& source) {
    // "CSV…": the click asks for a file.
    return source.name == "csv" ? QCoreApplication::translate("DataPanel", "CSV…")
                                : QString::fromStdString(source.shortName);
}

/// A small pixel-art digit, the way the 8x8 data looks.
QIcon digitsIcon(int size) {
    QImage glyph(8, 8, QImage::Format_Grayscale8);
    glyph.fill(Qt::white);
    {
        QPainter p(&glyph);
        QFont f;
        f.setPixelSize(9);
        f.setBold(true);
        p.setFont(f);
        p.setPen(Qt::black);
        p.drawText(QRect(0, -1, 8, 10), Qt::AlignCenter, QStringLiteral("7"));
    }
    QPixmap pixmap(size, size);
    pixmap.fill(Qt::white);
    QPainter p(&pixmap);
    p.drawImage(QRect(size / 8, size / 8, size * 3 / 4, size * 3 / 4), glyph);
    p.setPen(QPen(QColor(180, 180, 180)));
    p.drawRect(0, 0, size - 1, size - 1);
    return QIcon(pixmap);
}

/// A little table: what a CSV file is.
QIcon csvIcon(int size) {
    QPixmap pixmap(size, size);
    pixmap.fill(Qt::white);
    QPainter p(&pixmap);
    const int m = size / 6;
    const QRect table(m, m, size - 2 * m, size - 2 * m);
    p.fillRect(QRect(table.left(), table.top(), table.width(), table.height() / 4),
               PlotStyle::tint(PlotStyle::positiveColor(), 0.35));
    p.setPen(QPen(QColor(90, 90, 90), 1));
    p.drawRect(table);
    for (int i = 1; i < 4; ++i) {
        const int y = table.top() + i * table.height() / 4;
        p.drawLine(table.left(), y, table.right(), y);
    }
    for (int i = 1; i < 3; ++i) {
        const int x = table.left() + i * table.width() / 3;
        p.drawLine(x, table.top(), x, table.bottom());
    }
    p.setPen(QPen(QColor(180, 180, 180)));
    p.drawRect(0, 0, size - 1, size - 1);
    return QIcon(pixmap);
}

}  // namespace

QIcon DataPanel::planeIcon(const std::string& source, int size) {
    QPixmap pixmap(size, size);
    pixmap.fill(Qt::white);
    QPainter p(&pixmap);
    p.setRenderHint(QPainter::Antialiasing);
    const SourceInfo* info = findSource(source);
    try {
        const Dataset data = generatePlaneData(source, kIconPoints, 0.0, 1);
        QCPColorGradient gradient = PlotStyle::divergingGradient();
        const double radius = std::max(1.2, size / 36.0);
        p.setPen(Qt::NoPen);
        for (Eigen::Index i = 0; i < data.points.cols(); ++i) {
            QColor color;
            if (info && info->task == Task::Regression && data.targets.size() > 0) {
                color = QColor::fromRgba(
                    gradient.color((data.targets(0, i) + 1.0) / 2.0, QCPRange(0.0, 1.0)));
            } else {
                const bool one = !data.labels.empty() && data.labels[static_cast<std::size_t>(i)];
                color = one ? PlotStyle::positiveColor() : PlotStyle::negativeColor();
            }
            p.setBrush(color);
            const double x = (data.points(0, i) + kPlaneExtent) / (2 * kPlaneExtent) * size;
            const double y = (kPlaneExtent - data.points(1, i)) / (2 * kPlaneExtent) * size;
            p.drawEllipse(QPointF(x, y), radius, radius);
        }
    } catch (const std::exception&) {
        // An unknown generator draws as an empty square; the list still works.
    }
    p.setRenderHint(QPainter::Antialiasing, false);
    p.setPen(QPen(QColor(180, 180, 180)));
    p.setBrush(Qt::NoBrush);
    p.drawRect(0, 0, size - 1, size - 1);
    return QIcon(pixmap);
}

DataPanel::DataPanel(ProjectDocument* document, QWidget* parent)
    : QWidget(parent),
      m_document(document),
      m_form(new QFormLayout),
      m_sources(new QListWidget(this)),
      m_sourceInfo(new QLabel(this)),
      m_trainFraction(new QSlider(Qt::Horizontal, this)),
      m_trainFractionValue(new QLabel(this)),
      m_validation(new QSpinBox(this)),
      m_noise(new QSlider(Qt::Horizontal, this)),
      m_noiseValue(new QLabel(this)),
      m_noiseLabel(new QLabel(tr("Noise"), this)),
      m_samples(new QSpinBox(this)),
      m_samplesLabel(new QLabel(tr("Samples"), this)),
      m_share(new QSpinBox(this)),
      m_shareLabel(new QLabel(this)),
      m_regenerate(new QPushButton(tr("Regenerate"), this)),
      m_importCsv(new QPushButton(tr("Import CSV…"), this)),
      m_labelButton(new QPushButton(tr("Label column…"), this)),
      m_standardize(new QCheckBox(tr("Standardize inputs"), this)) {
    m_sources->setViewMode(QListView::IconMode);
    m_sources->setIconSize(QSize(kIconSize, kIconSize));
    m_sources->setGridSize(QSize(kIconSize + 16, kIconSize + fontMetrics().height() + 8));
    m_sources->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_sources->setVerticalScrollBarPolicy(Qt::ScrollBarAsNeeded);
    m_sources->setSpacing(0);
    m_sources->setMovement(QListView::Static);
    m_sources->setResizeMode(QListView::Adjust);
    m_sources->setWrapping(true);
    m_sources->setWordWrap(true);
    m_sources->setUniformItemSizes(true);
    m_sources->setSelectionMode(QAbstractItemView::SingleSelection);
    m_sources->setToolTip(tr("Which data the network learns from; click one to switch."));
    for (const SourceInfo& source : dataSources()) {
        const QIcon icon = source.isPlane         ? planeIcon(source.name, kIconSize)
                           : source.name == "csv" ? csvIcon(kIconSize)
                                                  : digitsIcon(kIconSize);
        auto* item = new QListWidgetItem(icon, shortName(source));
        item->setData(Qt::UserRole, QString::fromStdString(source.name));
        item->setTextAlignment(Qt::AlignHCenter | Qt::AlignTop);
        QString tip;
        if (source.isPlane) {
            tip = source.task == Task::Classification
                      ? tr("2-D points in two classes, orange and blue.")
                      : tr("2-D points whose colour is a number to predict (regression).");
        } else if (source.name == "digits") {
            tip = tr("1,797 handwritten digits of 8x8 pixels, ten classes.");
        } else {
            tip = tr("Your own table: pick a CSV file and the column to predict.");
        }
        item->setToolTip(QStringLiteral("<b>%1</b><br>%2")
                             .arg(QString::fromStdString(source.displayName).toHtmlEscaped(),
                                  tip.toHtmlEscaped()));
        m_sources->addItem(item);
    }
    // Cells as wide as the longest name ("Moons" in a large font), not only the icon.
    const int textMargin =
        m_sources->style()->pixelMetric(QStyle::PM_FocusFrameHMargin, nullptr, m_sources) + 1;
    int cellWidth = m_sources->gridSize().width();
    for (int i = 0; i < m_sources->count(); ++i) {
        cellWidth = std::max(
            cellWidth, m_sources->fontMetrics().horizontalAdvance(m_sources->item(i)->text()) +
                           2 * textMargin + 8);
    }
    m_sources->setGridSize(QSize(cellWidth, m_sources->gridSize().height()));
    for (int i = 0; i < m_sources->count(); ++i)
        m_sources->item(i)->setSizeHint(m_sources->gridSize() - QSize(4, 4));
    // At most kVisibleRows rows show at once (the window must fit 768 pixels); the rest scroll.
    const int rows = std::min((m_sources->count() + kColumns - 1) / kColumns, kVisibleRows);
    const int frame = 2 * m_sources->frameWidth() + 4;
    // The items are 4 px smaller than their cells, so the last row needs no more below it.
    m_sources->setFixedHeight(rows * m_sources->gridSize().height() + frame - 4);
    m_sources->setMinimumWidth(kColumns * m_sources->gridSize().width() + frame +
                               m_sources->style()->pixelMetric(QStyle::PM_ScrollBarExtent));
    m_sourceInfo->setWordWrap(true);

    m_trainFraction->setRange(10, 90);
    m_trainFraction->setSingleStep(5);
    m_trainFraction->setPageStep(10);
    m_trainFraction->setToolTip(
        tr("How much of the data the network trains on; the rest tests "
           "it on examples it has never seen."));
    m_validation->setRange(0, 50);
    m_validation->setSingleStep(5);
    m_validation->setSuffix(QStringLiteral("%"));
    m_validation->setSpecialValueText(tr("None"));
    m_validation->setKeyboardTracking(false);
    m_validation->setToolTip(
        tr("How much of the training data is held out to validate on: early stopping watches "
           "it, so the test data never chooses which weights are kept."));
    m_noise->setRange(0, 50);
    m_noise->setPageStep(5);
    m_noise->setToolTip(
        tr("How much the points are jittered, which makes the classes overlap "
           "and the task harder."));
    m_samples->setRange(10, 10000);
    m_samples->setSingleStep(50);
    m_samples->setKeyboardTracking(false);
    m_samples->setToolTip(
        tr("How many points are drawn in total, before the train/test "
           "split."));
    m_share->setSuffix(QStringLiteral("%"));
    m_share->setKeyboardTracking(false);
    m_regenerate->setToolTip(
        tr("Draw a fresh set of points from the same data set (a new "
           "random seed)."));
    m_importCsv->setToolTip(
        tr("Load a table of numbers from a CSV file and choose the column "
           "to predict."));
    m_labelButton->setToolTip(tr("Choose again which column of the CSV file is the label."));
    m_standardize->setToolTip(
        tr("Rescale every input column to mean 0 and spread 1, which "
           "helps when columns have very different ranges."));

    auto withValue = [this](QSlider* slider, QLabel* value) {
        auto* row = new QHBoxLayout;
        row->addWidget(slider, 1);
        value->setMinimumWidth(fontMetrics().horizontalAdvance(QStringLiteral("100%")));
        row->addWidget(value);
        return row;
    };
    QFormLayout* form = m_form;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->addRow(tr("Training data"), withValue(m_trainFraction, m_trainFractionValue));
    form->addRow(tr("Validation"), m_validation);
    form->addRow(m_noiseLabel, withValue(m_noise, m_noiseValue));
    form->addRow(m_samplesLabel, m_samples);
    form->addRow(m_shareLabel, m_share);
    auto* csvRow = new QHBoxLayout;
    csvRow->addWidget(m_importCsv);
    csvRow->addWidget(m_labelButton);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_sources);
    layout->addWidget(m_sourceInfo);
    layout->addLayout(form);
    layout->addWidget(m_regenerate);
    layout->addLayout(csvRow);
    layout->addWidget(m_standardize);
    layout->addStretch(1);

    connect(m_sources, &QListWidget::itemClicked, this, &DataPanel::onSourceClicked);
    connect(m_trainFraction, &QSlider::valueChanged, this, [this](int v) {
        DataSpec d = m_document->project().data;
        d.trainFraction = v / 100.0;
        editData(*m_document, d, tr("Change training ratio"), kMergeTrainFraction);
    });
    connect(m_validation, &QSpinBox::valueChanged, this, [this](int v) {
        DataSpec d = m_document->project().data;
        d.validationFraction = v / 100.0;
        editData(*m_document, d, tr("Change validation share"), kMergeValidationFraction);
    });
    connect(m_noise, &QSlider::valueChanged, this, [this](int v) {
        DataSpec d = m_document->project().data;
        d.noise = v / 100.0;
        editData(*m_document, d, tr("Change noise"), kMergeNoise);
    });
    connect(m_samples, &QSpinBox::valueChanged, this, [this](int v) {
        DataSpec d = m_document->project().data;
        d.samples = v;
        editData(*m_document, d, tr("Change sample count"), kMergeSamples);
    });
    connect(m_share, &QSpinBox::valueChanged, this, [this](int v) {
        DataSpec d = m_document->project().data;
        if (d.source == "groups") {
            d.minorityShare = v / 100.0;
        } else {
            d.positiveShare = v > 0 ? std::optional<double>(v / 100.0) : std::nullopt;
        }
        editData(*m_document, d,
                 d.source == "groups" ? tr("Change share of group B") : tr("Change positive share"),
                 kMergeClassOrGroupShare);
    });
    connect(m_regenerate, &QPushButton::clicked, this, [this] {
        DataSpec d = m_document->project().data;
        d.seed += 1;
        editData(*m_document, d, tr("Regenerate data"));
    });
    connect(m_importCsv, &QPushButton::clicked, this, &DataPanel::chooseCsv);
    connect(m_labelButton, &QPushButton::clicked, this, &DataPanel::chooseLabel);
    connect(m_standardize, &QCheckBox::toggled, this, [this](bool on) {
        DataSpec d = m_document->project().data;
        d.standardize = on;
        editData(*m_document, d, on ? tr("Standardize inputs") : tr("Use raw inputs"));
    });
    connect(m_document, &ProjectDocument::dataChanged, this, &DataPanel::refresh);
    connect(m_document, &ProjectDocument::projectReplaced, this, &DataPanel::refresh);
    refresh();
}

void DataPanel::refresh() {
    const Project& project = m_document->project();
    const DataSpec& d = project.data;
    const SourceInfo* source = findSource(d.source);
    const bool plane = source && source->isPlane;
    const bool csv = d.source == "csv";
    const QSignalBlocker b1(m_sources), b2(m_trainFraction), b3(m_noise), b4(m_samples),
        b5(m_standardize), b6(m_validation), b7(m_share);
    for (int i = 0; i < m_sources->count(); ++i) {
        QListWidgetItem* item = m_sources->item(i);
        if (item->data(Qt::UserRole).toString().toStdString() == d.source) {
            m_sources->setCurrentItem(item);
        }
    }
    showValue(m_trainFraction, static_cast<int>(std::lround(d.trainFraction * 100.0)));
    m_trainFractionValue->setText(QStringLiteral("%1%").arg(m_trainFraction->value()));
    showValue(m_validation, static_cast<int>(std::lround(d.validationFraction * 100.0)));
    showValue(m_noise, static_cast<int>(std::lround(d.noise * 100.0)));
    m_noiseValue->setText(QString::number(m_noise->value()));
    showValue(m_samples, d.samples);
    m_standardize->setChecked(d.standardize);

    for (QWidget* w :
         {static_cast<QWidget*>(m_noise), static_cast<QWidget*>(m_noiseValue),
          static_cast<QWidget*>(m_noiseLabel), static_cast<QWidget*>(m_samples),
          static_cast<QWidget*>(m_samplesLabel), static_cast<QWidget*>(m_regenerate)}) {
        w->setEnabled(plane);
    }
    m_labelButton->setVisible(csv && !m_dataChoiceHidden);
    m_standardize->setVisible(csv && !m_dataChoiceHidden);
    // One row for the balance: of the classes for binary 2-D data, of the groups for groups.
    const bool groups = d.source == "groups";
    const bool balance = groups || isBinaryPlaneSource(d.source);
    m_share->setVisible(balance);
    m_shareLabel->setVisible(balance);
    if (groups) {
        m_shareLabel->setText(tr("Group B in training"));
        m_share->setRange(0, 100);
        m_share->setSpecialValueText(QString());
        m_share->setToolTip(
            tr("How many of the training points are people of group B; the test points are "
               "always half A, half B, so each group's accuracy is measured fairly."));
        showValue(m_share, static_cast<int>(std::lround(d.minorityShare.value_or(0.5) * 100.0)));
    } else if (balance) {
        m_shareLabel->setText(tr("Positive share"));
        m_share->setRange(0, 99);
        m_share->setSpecialValueText(tr("About half"));
        m_share->setToolTip(
            tr("How many of the points are of the positive (blue) class. A small share makes "
               "the positives rare, like a rare illness among many healthy people."));
        // A share set in a file shows as at least 1%, never as the generator's own balance.
        showValue(m_share,
                  d.positiveShare
                      ? std::max(1, static_cast<int>(std::lround(*d.positiveShare * 100.0)))
                      : 0);
    }

    const QString task =
        project.task == Task::Classification ? tr("classification") : tr("regression");
    if (csv) {
        const QString file = QFileInfo(QString::fromStdString(d.path)).fileName();
        m_sourceInfo->setText(
            tr("%1, label column “%2”, %3")
                .arg(d.csvText.empty() ? file : tr("%1 (kept in the project)").arg(file),
                     QString::fromStdString(d.label), task));
    } else if (source) {
        m_sourceInfo->setText(tr("%1: %2").arg(QString::fromStdString(source->displayName), task));
    } else {
        m_sourceInfo->setText(tr("Unknown data source “%1”").arg(QString::fromStdString(d.source)));
    }
}

void DataPanel::setHiddenControls(const std::vector<std::string>& names) {
    const auto hidden = [&names](const char* name) {
        return std::find(names.begin(), names.end(), name) != names.end();
    };
    m_form->setRowVisible(m_noiseLabel, !hidden("noise"));
    m_dataChoiceHidden = hidden("data");
    m_sources->setVisible(!m_dataChoiceHidden);
    m_importCsv->setVisible(!m_dataChoiceHidden);
    refresh();  // the CSV buttons
}

bool DataPanel::noiseRowShown() const {
    int row = -1;
    QFormLayout::ItemRole role;
    m_form->getWidgetPosition(m_noiseLabel, &row, &role);
    return row >= 0 && m_form->isRowVisible(row);
}

void DataPanel::onSourceClicked(QListWidgetItem* item) {
    const std::string name = item->data(Qt::UserRole).toString().toStdString();
    const Project& project = m_document->project();
    if (name == project.data.source) return;
    if (name == "csv") {
        chooseCsv();
        return;
    }
    const SourceInfo* source = findSource(name);
    if (!source) return;
    DataSpec d = project.data;
    d.source = name;
    editData(*m_document, d, source->task,
             tr("Use %1 data").arg(QString::fromStdString(source->displayName)));
    refresh();
}

void DataPanel::chooseCsv() {
    const QString path = m_chooseFile ? m_chooseFile(this)
                                      : QFileDialog::getOpenFileName(
                                            this, tr("Import CSV"), m_document->baseDir(),
                                            tr("CSV files (*.csv *.csv.gz *.txt);;All files (*)"));
    if (path.isEmpty()) {
        refresh();
        return;
    }
    importCsv(path);
}

void DataPanel::chooseLabel() {
    // From the data the project uses: the file, or the copy it keeps when the file is elsewhere.
    const DataSpec& d = m_document->project().data;
    try {
        chooseColumns(readCsvSource(d, m_document->baseDir().toStdString()), d, tr("Label column"));
    } catch (const std::exception& e) {
        refresh();
        emit importFailed(QString::fromStdString(e.what()));
    }
}

bool DataPanel::importCsv(const QString& path) {
    DataSpec d = m_document->project().data;
    d.source = "csv";
    // Absolute in the document; saving writes it relative to the project file.
    d.path = QFileInfo(path).absoluteFilePath().toStdString();
    d.csvText.clear();  // the file chosen now is the data, not a copy kept before
    try {
        return chooseColumns(CsvTable::readFile(path.toStdString()), d,
                             tr("Import %1").arg(QFileInfo(path).fileName()));
    } catch (const std::exception& e) {
        refresh();
        emit importFailed(QString::fromStdString(e.what()));
        return false;
    }
}

bool DataPanel::chooseColumns(CsvTable table, DataSpec data, const QString& title) {
    CsvImportDialog dialog(std::move(table), title, QString::fromStdString(data.label), this);
    if (dialog.exec() != QDialog::Accepted) {
        refresh();
        return false;
    }
    data.label = dialog.labelColumn().toStdString();
    data.standardize = dialog.standardize();
    editData(*m_document, data, dialog.task(), title);
    refresh();
    return true;
}

}  // namespace nnplay::ui
