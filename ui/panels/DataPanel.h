// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QIcon>
#include <QString>
#include <QWidget>
#include <functional>
#include <string>
#include <vector>

#include "data/CsvTable.h"
#include "data/DataSpec.h"

class QCheckBox;
class QFormLayout;
class QLabel;
class QListWidget;
class QListWidgetItem;
class QPushButton;
class QSlider;
class QSpinBox;

namespace nnplay::ui {

class ProjectDocument;

/// Where the samples come from: the 2-D data sets, images (digits, Fashion-MNIST, IDX files),
/// sequences (sine waves, a text) as thumbnails, and CSV import (file, label column, task),
/// with what applies to the chosen source (noise, sample count and "regenerate" for generated
/// data, steps for sequences, the files for text and IDX) and the train/test ratio and the
/// validation share. Every change pushes one undo command
/// through editData(); the panel redraws from the document. (The batch size is a training
/// setting: TrainingPanel edits it.)
class DataPanel : public QWidget {
    Q_OBJECT
public:
    /// Asks for a file to read (CSV, text, IDX) with a dialog of this title and name filter;
    /// returns its path or "" (tests replace the file dialog).
    using FileChooser =
        std::function<QString(QWidget* parent, const QString& title, const QString& filter)>;

    /// The document is not owned and must outlive the panel.
    explicit DataPanel(ProjectDocument* document, QWidget* parent = nullptr);

    /// Replaces the file dialogs ("Import CSV…", a text file, IDX files).
    void setFileChooser(FileChooser chooser) { m_chooseFile = std::move(chooser); }
    /// Imports a CSV file: asks for the label column and task, then edits the document.
    /// Returns false when cancelled or when the file cannot be read (the message is shown).
    bool importCsv(const QString& path);

    QListWidget* sourceList() const { return m_sources; }
    QSlider* noiseSlider() const { return m_noise; }
    QSlider* trainFractionSlider() const { return m_trainFraction; }
    QSpinBox* samplesBox() const { return m_samples; }
    QSpinBox* validationBox() const { return m_validation; }
    /// Binary 2-D data: the share of positive samples (0: the generator's own balance);
    /// the groups data: the share of group B in the training part. Hidden for other data.
    QSpinBox* shareBox() const { return m_share; }
    QLabel* shareLabel() const { return m_shareLabel; }
    QPushButton* regenerateButton() const { return m_regenerate; }
    QPushButton* labelButton() const { return m_labelButton; }
    QLabel* sourceInfo() const { return m_sourceInfo; }
    /// Sequence data: the steps of one sample. Hidden for other data.
    QSpinBox* stepsBox() const { return m_steps; }
    /// Text, IDX and image-folder data: picks the file(s) or folder. Hidden for other data.
    QPushButton* chooseFilesButton() const { return m_chooseFiles; }
    /// Fashion-MNIST: how many of the 60,000 training images are used (0: all).
    QSpinBox* trainLimitBox() const { return m_trainLimit; }
    /// IDX data: uses `images` with the labels file beside it (MNIST's names: "labels-idx1"
    /// for "images-idx3"), asking for it when there is none, and the test pair ("t10k" for
    /// "train") when it is there. False when cancelled.
    bool useIdxImages(const QString& images);

    /// Hides the controls a lesson names (nnplay::Lesson::kHideable): "noise" (its row) and
    /// "data" (the choice of data set and the CSV import; the line saying which data are used
    /// stays); shows the others.
    void setHiddenControls(const std::vector<std::string>& names);
    /// Whether the noise row is shown (false while a lesson hides it).
    bool noiseRowShown() const;

signals:
    /// A CSV file could not be used: what the user should know.
    void importFailed(const QString& message);

private:
    void refresh();
    void onSourceClicked(QListWidgetItem* item);
    void chooseCsv();
    void chooseIdxFiles();
    void chooseTextFile();
    void chooseImageFolder();
    QString askForFile(const QString& title, const QString& filter);
    void chooseLabel();
    /// Asks for the label column, task and standardisation of `table`, then gives the
    /// document `data` with them (one undo step named `title`). False when cancelled.
    bool chooseColumns(nnplay::CsvTable table, nnplay::DataSpec data, const QString& title);

    ProjectDocument* m_document;
    FileChooser m_chooseFile;
    QFormLayout* m_form;
    bool m_dataChoiceHidden = false;
    bool m_noiseHidden = false;  // by a lesson
    QListWidget* m_sources;
    QLabel* m_sourceInfo;
    QSlider* m_trainFraction;
    QLabel* m_trainFractionValue;
    QSpinBox* m_validation;  // percent of the training part held out
    QSlider* m_noise;
    QLabel* m_noiseValue;
    QLabel* m_noiseLabel;
    QSpinBox* m_samples;
    QLabel* m_samplesLabel;
    QSpinBox* m_share;  // percent; see shareBox()
    QLabel* m_shareLabel;
    QPushButton* m_regenerate;
    QSpinBox* m_steps;
    QLabel* m_stepsLabel;
    QPushButton* m_chooseFiles;
    QSpinBox* m_trainLimit;
    QLabel* m_trainLimitLabel;
    QPushButton* m_importCsv;
    QPushButton* m_labelButton;
    QCheckBox* m_standardize;
};

}  // namespace nnplay::ui
