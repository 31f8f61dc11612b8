// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>
#include <string>
#include <vector>

class QComboBox;
class QDoubleSpinBox;
class QFormLayout;
class QLabel;
class QSpinBox;

namespace nnplay::ui {

class AugmentationGroup;
class EnsembleControls;
class ProjectDocument;

/// The training settings of the document: loss, optimizer, learning rate, L1/L2 penalties,
/// batch size, epochs, early stopping and augmentation (AugmentationGroup). Every change pushes one
/// undo command through editTraining() (typing or spinning one value merges into one step); the
/// panel redraws from the document on every change, undo included.
class TrainingPanel : public QWidget {
    Q_OBJECT
public:
    /// The document is not owned and must outlive the panel.
    explicit TrainingPanel(ProjectDocument* document, QWidget* parent = nullptr);

    /// Learning rates offered in the list (any other positive value can be typed; anything
    /// else is refused with a message under the field, which shows the rate in use again).
    static const QList<double>& learningRates();

    QComboBox* lossBox() const { return m_loss; }
    QComboBox* optimizerBox() const { return m_optimizer; }
    QComboBox* learningRateBox() const { return m_learningRate; }
    /// Says why a typed learning rate was refused; hidden while the last one was taken.
    QLabel* learningRateRefusal() const { return m_learningRateRefused; }
    QDoubleSpinBox* l1Box() const { return m_l1; }
    QDoubleSpinBox* l2Box() const { return m_l2; }
    QSpinBox* batchSizeBox() const { return m_batchSize; }
    QSpinBox* epochsBox() const { return m_epochs; }
    QSpinBox* patienceBox() const { return m_patience; }
    /// The augmentation settings and their preview.
    AugmentationGroup* augmentation() const { return m_augmentation; }
    EnsembleControls* ensembleControls() const { return m_ensemble; }

    /// Hides the rows of the controls a lesson names (nnplay::Lesson::kHideable: "optimizer"
    /// with its momentum, "learning_rate", "l1", "l2", "batch_size", "loss"); shows the others.
    void setHiddenControls(const std::vector<std::string>& names);
    /// Whether the row of this field is shown (false while a lesson hides it).
    bool rowShown(QWidget* field) const;

private:
    void refresh();
    void commitLearningRate();

    ProjectDocument* m_document;
    QFormLayout* m_form;
    std::vector<std::string> m_hidden;
    QComboBox* m_loss;
    QComboBox* m_optimizer;
    QDoubleSpinBox* m_momentum;
    QLabel* m_momentumLabel;
    QComboBox* m_learningRate;
    QLabel* m_learningRateRefused;  // why the last typed rate was not taken; hidden when it was
    QDoubleSpinBox* m_l1;
    QDoubleSpinBox* m_l2;
    QSpinBox* m_batchSize;
    QSpinBox* m_epochs;
    QSpinBox* m_patience;
    AugmentationGroup* m_augmentation;
    EnsembleControls* m_ensemble;
};

}  // namespace nnplay::ui
