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

/// Where the samples come from: the 2-D data sets as thumbnails, the 8x8 digits and CSV
/// import (file, label column, task), with noise, sample count, the train/test ratio, the
/// validation share and "regenerate" (a new seed). Every change pushes one undo command
/// through editData(); the panel redraws from the document. (The batch size is a training
/// setting: TrainingPanel edits it.)
class DataPanel : public QWidget {
    Q_OBJECT
public:
    /// Asks for a CSV file to import; returns its path or "" (tests replace the file dialog).
    using FileChooser = std::function<QString(QWidget* parent)>;

    /// The document is not owned and must outlive the panel.
    explicit DataPanel(ProjectDocument* document, QWidget* parent = nullptr);

    /// Replaces the file dialog of "Import CSV…".
    void setFileChooser(FileChooser chooser) { m_chooseFile = std::move(chooser); }
    /// Imports a CSV file: asks for the label column and task, then edits the document.
    /// Returns false when cancelled or when the file cannot be read (the message is shown).
    bool importCsv(const QString& path);

    /// A picture of a 2-D data set's points (for the source list).
    static QIcon planeIcon(const std::string& source, int size);

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
    void chooseLabel();
    /// Asks for the label column, task and standardisation of `table`, then gives the
    /// document `data` with them (one undo step named `title`). False when cancelled.
    bool chooseColumns(nnplay::CsvTable table, nnplay::DataSpec data, const QString& title);

    ProjectDocument* m_document;
    FileChooser m_chooseFile;
    QFormLayout* m_form;
    bool m_dataChoiceHidden = false;
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
    QPushButton* m_importCsv;
    QPushButton* m_labelButton;
    QCheckBox* m_standardize;
};

}  // namespace nnplay::ui
