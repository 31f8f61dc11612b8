// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QIcon>
#include <QString>
#include <QWidget>
#include <array>
#include <functional>
#include <string>
#include <vector>

#include "data/DataSpec.h"

class QComboBox;
class QFormLayout;
class QLabel;
class QListWidget;
class QListWidgetItem;
class QPushButton;
class QSpinBox;

namespace nnplay::ui {

class ProjectDocument;

/// The picture of a GAN target in the GAN data panel, `size` pixels square: the real samples of
/// a generated target (loadGanTarget() with a fixed seed, drawn once per size and kept), a line
/// of hand-drawn points for "points", and the data panel's pictures for CSV, the digits and
/// Fashion-MNIST (sourceIcon()). An unknown name gets an empty square.
QIcon ganTargetIcon(const std::string& target, int size);

/// Where a GAN's real samples come from: its targets (nnplay::ganTargets()) as pictures, and
/// what applies to the chosen one: the number of samples and "Draw new samples" for the
/// generated targets, the digit for the digits, the class for Fashion-MNIST, the file for CSV,
/// and where to draw for the hand-drawn points. Switching target keeps only the settings the
/// new one takes (nnplay::checkGanTarget() accepts the result). Every change pushes one undo
/// command through editData() (spinning the sample count merges into one step); the panel
/// redraws from the document on every change, undo and a new project included, without
/// pushing anything back. Disabled while the project is not a GAN.
class GanDataPanel : public QWidget {
    Q_OBJECT
public:
    /// Asks for a file to read with a dialog of this title and name filter; returns its path or
    /// "" (tests replace the file dialog).
    using FileChooser =
        std::function<QString(QWidget* parent, const QString& title, const QString& filter)>;

    /// The document is not owned and must outlive the panel.
    explicit GanDataPanel(ProjectDocument* document, QWidget* parent = nullptr);

    /// Replaces the file dialog of the CSV target.
    void setFileChooser(FileChooser chooser) { m_chooseFile = std::move(chooser); }
    /// Makes the CSV file at `path` (a header and two numeric columns) the target, as one undo
    /// step. False, with csvFailed() and nothing changed, when the file cannot be used.
    bool useCsvFile(const QString& path);

    /// The points the hand-drawn target starts from when none have been drawn yet: a few points
    /// on the diagonal, so the project stays valid until the learner draws their own.
    static std::vector<std::array<float, 2>> defaultDrawnPoints();

    /// One item per target; Qt::UserRole holds its name ("ring").
    QListWidget* targetList() const { return m_targets; }
    /// One line on the chosen target (its name and what it holds, or why it cannot be read).
    QLabel* targetInfo() const { return m_targetInfo; }
    /// Generated targets: the number of real samples. Hidden for the others.
    QSpinBox* samplesBox() const { return m_samples; }
    /// Generated targets: a new seed, the same settings. Hidden for the others.
    QPushButton* newSamplesButton() const { return m_newSamples; }
    /// Digits: "All digits" (index 0), then 0 to 9. Hidden for the other targets.
    QComboBox* digitBox() const { return m_digit; }
    /// Fashion-MNIST: "All classes" (index 0), then the ten classes in label order. Hidden for
    /// the other targets.
    QComboBox* classBox() const { return m_class; }
    /// CSV: picks another file. Hidden for the other targets.
    QPushButton* chooseCsvButton() const { return m_chooseCsv; }
    /// Hand-drawn points: says where they are drawn. Hidden for the other targets.
    QLabel* pointsHint() const { return m_pointsHint; }
    /// Hand-drawn points: back to defaultDrawnPoints(), one undo step. Hidden for the others.
    QPushButton* clearPointsButton() const { return m_clearPoints; }

signals:
    /// A CSV file could not be used as the target: what the learner should know.
    void csvFailed(const QString& message);

private:
    void refresh();
    void onTargetClicked(QListWidgetItem* item);
    void chooseCsv();
    /// The document's data switched to `target`, keeping only what it takes.
    nnplay::DataSpec switchedTo(const std::string& target) const;

    ProjectDocument* m_document;
    FileChooser m_chooseFile;
    /// The last points drawn in this project: switching back to "points" brings them back.
    std::vector<std::array<float, 2>> m_lastDrawnPoints;
    QListWidget* m_targets;
    QLabel* m_targetInfo;
    QFormLayout* m_form;
    QSpinBox* m_samples;
    QLabel* m_samplesLabel;
    QComboBox* m_digit;
    QLabel* m_digitLabel;
    QComboBox* m_class;
    QLabel* m_classLabel;
    QPushButton* m_newSamples;
    QPushButton* m_chooseCsv;
    QLabel* m_pointsHint;
    QPushButton* m_clearPoints;
};

}  // namespace nnplay::ui
