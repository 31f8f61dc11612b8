// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QGroupBox>
#include <QHash>
#include <memory>

class QCheckBox;
class QDoubleSpinBox;
class QGridLayout;
class QLabel;
class QSpinBox;

namespace nnplay::ui {

class AugmentationPreview;
class ProjectDocument;
struct DataPreview;

/// The "Augmentation" group of the training settings: the controls of
/// training.augmentation that the data take (nnplay::augmentedDataOf: shift, rotation, noise and
/// flip for images, jitter for 2-D points; a setting the data do not take stays shown while it is
/// on, so it can be turned off), each edit one undo command (typing or spinning one value merges
/// into one step), and a preview of augmented training samples that follows every change. Hidden
/// for data that take none.
class AugmentationGroup : public QGroupBox {
    Q_OBJECT
public:
    /// The document is not owned and must outlive the group.
    explicit AugmentationGroup(ProjectDocument* document, QWidget* parent = nullptr);

    /// The session's data, whose training samples the preview changes.
    void setData(std::shared_ptr<const DataPreview> data);

    QSpinBox* shiftBox() const { return m_shift; }
    QDoubleSpinBox* rotationBox() const { return m_rotation; }
    QDoubleSpinBox* noiseBox() const { return m_noise; }
    QCheckBox* flipBox() const { return m_flip; }
    QDoubleSpinBox* jitterBox() const { return m_jitter; }
    /// Shown while flip is on for data whose classes a mirror may change (digits).
    QLabel* flipWarning() const { return m_flipWarning; }
    AugmentationPreview* preview() const { return m_preview; }
    /// Whether this control (and its label) is shown.
    bool rowShown(QWidget* field) const;

private:
    void refresh();
    /// Shows or hides a control with its label.
    void showField(QWidget* field, bool on);

    ProjectDocument* m_document;
    QGridLayout* m_grid;
    QHash<QWidget*, QLabel*> m_labels;  // the label of each control that has one
    QSpinBox* m_shift;
    QDoubleSpinBox* m_rotation;
    QDoubleSpinBox* m_noise;
    QCheckBox* m_flip;
    QLabel* m_flipWarning;
    QDoubleSpinBox* m_jitter;
    AugmentationPreview* m_preview;
};

}  // namespace nnplay::ui
