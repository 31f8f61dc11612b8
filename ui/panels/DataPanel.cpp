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
#include "panels/SourceIcons.h"
#include "plots/PlotStyle.h"

namespace nnplay::ui {

namespace {

constexpr int kIconSize = 40;
constexpr int kColumns = 3;
constexpr int kVisibleRows = 4;

/// The label under a source's picture: short enough for three pictures in a row.
QString shortName(const SourceInfo& source) {
    // "CSV…": the click asks for a file.
    return source.name == "csv" ? QCoreApplication::translate("DataPanel", "CSV…")
                                : QString::fromStdString(source.shortName);
}

}  // namespace

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
      m_steps(new QSpinBox(this)),
      m_stepsLabel(new QLabel(tr("Steps"), this)),
      m_chooseFiles(new QPushButton(tr("Choose file…"), this)),
      m_trainLimit(new QSpinBox(this)),
      m_trainLimitLabel(new QLabel(tr("Training images"), this)),
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
        const QIcon icon = sourceIcon(source.name, kIconSize);
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
        } else if (source.name == "fashion-mnist") {
            tip =
                tr("70,000 photos of clothes of 28x28 pixels in ten classes (Debian's "
                   "dataset-fashion-mnist package).");
        } else if (source.name == "idx") {
            tip =
                tr("Your own images and labels in IDX files, such as the original MNIST "
                   "digits (gzip or plain).");
        } else if (source.name == "sine") {
            tip =
                tr("Windows of sine waves of random frequency and phase: predict the value "
                   "that comes next (regression).");
        } else if (source.name == "image_folder") {
            tip =
                tr("Your own pictures: a folder with one subfolder of PNG or JPEG files per "
                   "class.");
        } else if (source.name == "text") {
            tip =
                tr("A text read character by character: predict the character that comes "
                   "next.");
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
    m_steps->setRange(2, 500);
    m_steps->setKeyboardTracking(false);
    m_steps->setToolTip(
        tr("How many time steps one sample holds: the window the network reads "
           "before it predicts what comes next."));
    m_chooseFiles->setToolTip(tr("Pick the file the data is read from."));
    m_trainLimit->setRange(0, 60000);
    m_trainLimit->setSingleStep(1000);
    m_trainLimit->setSpecialValueText(tr("All"));
    m_trainLimit->setKeyboardTracking(false);
    m_trainLimit->setToolTip(
        tr("Train on the first images only: quicker epochs, and a way to "
           "see what less data does."));
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
    form->addRow(m_stepsLabel, m_steps);
    form->addRow(m_trainLimitLabel, m_trainLimit);
    auto* csvRow = new QHBoxLayout;
    csvRow->addWidget(m_importCsv);
    csvRow->addWidget(m_labelButton);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_sources);
    layout->addWidget(m_sourceInfo);
    layout->addLayout(form);
    layout->addWidget(m_regenerate);
    layout->addWidget(m_chooseFiles);
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
    connect(m_steps, &QSpinBox::valueChanged, this, [this](int v) {
        DataSpec d = m_document->project().data;
        d.sequenceLength = v;
        editData(*m_document, d, tr("Change steps per sample"), kMergeSequenceLength);
    });
    connect(m_trainLimit, &QSpinBox::valueChanged, this, [this](int v) {
        DataSpec d = m_document->project().data;
        d.trainLimit = v;
        editData(*m_document, d, tr("Change number of training images"), kMergeTrainLimit);
    });
    connect(m_chooseFiles, &QPushButton::clicked, this, [this] {
        const std::string& source = m_document->project().data.source;
        if (source == "idx")
            chooseIdxFiles();
        else if (source == "image_folder")
            chooseImageFolder();
        else
            chooseTextFile();
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
    const bool generated = source && source->generated;
    const bool csv = d.source == "csv";
    const QSignalBlocker b1(m_sources), b2(m_trainFraction), b3(m_noise), b4(m_samples),
        b5(m_standardize), b6(m_validation), b7(m_share), b8(m_steps), b9(m_trainLimit);
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

    // Only what applies to the source shows, so the panel stays short.
    m_form->setRowVisible(m_samplesLabel, generated);
    m_form->setRowVisible(m_noiseLabel, generated && !m_noiseHidden);
    m_regenerate->setVisible(generated);
    const bool sequence = source && source->sequence;
    m_form->setRowVisible(m_stepsLabel, sequence);
    showValue(m_steps, d.sequenceLength);
    const bool fashion = d.source == "fashion-mnist";
    m_form->setRowVisible(m_trainLimitLabel, fashion);
    showValue(m_trainLimit, d.trainLimit);
    m_chooseFiles->setVisible(source && source->fromFiles && !csv && !m_dataChoiceHidden);
    m_chooseFiles->setText(d.source == "idx"            ? tr("Choose images…")
                           : d.source == "image_folder" ? tr("Choose folder…")
                                                        : tr("Choose text file…"));
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
    } else if (d.source == "text" || d.source == "idx" || d.source == "image_folder") {
        const std::string& file = d.source == "idx" ? d.images : d.path;
        m_sourceInfo->setText(tr("%1: %2, %3")
                                  .arg(QString::fromStdString(source->displayName),
                                       file.empty()
                                           ? tr("no file chosen")
                                           : QFileInfo(QString::fromStdString(file)).fileName(),
                                       task));
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
    m_noiseHidden = hidden("noise");
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
    if (name == "idx") {
        chooseIdxFiles();
        return;
    }
    if (name == "image_folder") {
        chooseImageFolder();
        return;
    }
    const SourceInfo* source = findSource(name);
    if (!source) return;
    DataSpec d = project.data;
    d.source = name;
    // A text starts on the one that comes with nnplay; "Choose text file…" picks another.
    if (name == "text") d.path = "text/devils-dictionary.txt";
    editData(*m_document, d, source->task,
             tr("Use %1 data").arg(QString::fromStdString(source->displayName)));
    refresh();
}

QString DataPanel::askForFile(const QString& title, const QString& filter) {
    return m_chooseFile ? m_chooseFile(this, title, filter)
                        : QFileDialog::getOpenFileName(this, title, m_document->baseDir(), filter);
}

void DataPanel::chooseIdxFiles() {
    const QString images =
        askForFile(tr("Choose the images (IDX)"),
                   tr("IDX image files (*idx3* *.idx *.gz *ubyte);;All files (*)"));
    if (images.isEmpty() || !useIdxImages(images)) refresh();
}

void DataPanel::chooseImageFolder() {
    // The hook takes an empty filter as "a folder".
    const QString folder = m_chooseFile
                               ? m_chooseFile(this, tr("Choose a folder of images"), QString())
                               : QFileDialog::getExistingDirectory(this,
                                                                   tr("Choose a folder of images "
                                                                      "(one subfolder per class)"),
                                                                   m_document->baseDir());
    if (folder.isEmpty()) {
        refresh();
        return;
    }
    DataSpec d = m_document->project().data;
    d.source = "image_folder";
    d.path = QFileInfo(folder).absoluteFilePath().toStdString();
    editData(*m_document, d, Task::Classification,
             tr("Use images in %1").arg(QFileInfo(folder).fileName()));
    refresh();
}

void DataPanel::chooseTextFile() {
    const QString path =
        askForFile(tr("Choose a text file"), tr("Text files (*.txt *.md);;All files (*)"));
    if (path.isEmpty()) {
        refresh();
        return;
    }
    DataSpec d = m_document->project().data;
    d.source = "text";
    d.path = QFileInfo(path).absoluteFilePath().toStdString();
    editData(*m_document, d, Task::Classification,
             tr("Use text %1").arg(QFileInfo(path).fileName()));
    refresh();
}

bool DataPanel::useIdxImages(const QString& images) {
    const QFileInfo imagesFile(images);
    // MNIST's names: train-images-idx3-ubyte(.gz) beside train-labels-idx1-ubyte(.gz).
    auto counterpart = [](const QFileInfo& file, const QString& from, const QString& to) {
        QString name = file.fileName();
        if (!name.contains(from)) return QString();
        name.replace(from, to);
        const QString path = file.dir().filePath(name);
        return QFileInfo::exists(path) ? path : QString();
    };
    QString labels =
        counterpart(imagesFile, QStringLiteral("images-idx3"), QStringLiteral("labels-idx1"));
    if (labels.isEmpty()) {
        labels = askForFile(tr("Choose the labels (IDX) of %1").arg(imagesFile.fileName()),
                            tr("IDX label files (*idx1* *.idx *.gz *ubyte);;All files (*)"));
    }
    if (labels.isEmpty()) return false;
    DataSpec d = m_document->project().data;
    d.source = "idx";
    d.images = imagesFile.absoluteFilePath().toStdString();
    d.labels = QFileInfo(labels).absoluteFilePath().toStdString();
    d.testImages.clear();
    d.testLabels.clear();
    const QString testImages =
        counterpart(imagesFile, QStringLiteral("train-"), QStringLiteral("t10k-"));
    const QString testLabels =
        counterpart(QFileInfo(labels), QStringLiteral("train-"), QStringLiteral("t10k-"));
    if (!testImages.isEmpty() && !testLabels.isEmpty()) {
        d.testImages = QFileInfo(testImages).absoluteFilePath().toStdString();
        d.testLabels = QFileInfo(testLabels).absoluteFilePath().toStdString();
    }
    editData(*m_document, d, Task::Classification, tr("Use images %1").arg(imagesFile.fileName()));
    refresh();
    return true;
}

void DataPanel::chooseCsv() {
    const QString path =
        askForFile(tr("Import CSV"), tr("CSV files (*.csv *.csv.gz *.txt);;All files (*)"));
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
