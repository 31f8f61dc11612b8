// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>
#include <array>
#include <cstddef>

class QComboBox;
class QDoubleSpinBox;
class QGroupBox;
class QLabel;
class QSpinBox;

namespace nnplay::ui {

class ProjectDocument;

/// The training settings of a GAN project (Project::gan): steps, batch size, discriminator and
/// generator updates per step, the GAN loss, the noise, how often to measure, the seed, and a
/// group per network with its optimizer and learning rate. Every change pushes one undo
/// command through editGan() (spinning or typing one value merges into one step); the panel
/// redraws from the document on every change, undo and a new project included. The ranges are
/// the ones a project file accepts (nnplay::checkGanSpec).
class GanTrainingPanel : public QWidget {
    Q_OBJECT
public:
    /// The network a group of fields belongs to.
    enum class Network { Generator, Discriminator };

    /// The document is not owned and must outlive the panel.
    explicit GanTrainingPanel(ProjectDocument* document, QWidget* parent = nullptr);

    QSpinBox* stepsBox() const { return m_steps; }
    QSpinBox* batchSizeBox() const { return m_batchSize; }
    QSpinBox* dStepsBox() const { return m_dSteps; }
    QSpinBox* gStepsBox() const { return m_gSteps; }
    /// Item data: int(nnplay::GanLoss); each item's tooltip says what the loss does.
    QComboBox* lossBox() const { return m_loss; }
    QSpinBox* noiseDimBox() const { return m_noiseDim; }
    /// Item data: int(nnplay::NoiseDistribution).
    QComboBox* noiseDistributionBox() const { return m_noiseDistribution; }
    QSpinBox* measureEveryBox() const { return m_measureEvery; }
    /// A seed is any whole number from 0 to 4294967295, beyond what a QSpinBox holds: this one
    /// shows no decimals.
    QDoubleSpinBox* seedBox() const { return m_seed; }
    /// The group titled "Generator" or "Discriminator".
    QGroupBox* group(Network network) const { return fields(network).group; }
    /// Item data: the optimizer's file name ("sgd", "rmsprop", "adam").
    QComboBox* optimizerBox(Network network) const { return fields(network).optimizer; }
    /// Offers TrainingPanel::learningRates(); any other positive value can be typed, anything
    /// else is refused with a message under the field, which shows the rate in use again.
    QComboBox* learningRateBox(Network network) const { return fields(network).learningRate; }
    /// Says why a typed learning rate was refused; hidden while the last one was taken.
    QLabel* learningRateRefusal(Network network) const { return fields(network).refusal; }

private:
    /// The fields of one network's group.
    struct NetworkFields {
        QGroupBox* group = nullptr;
        QComboBox* optimizer = nullptr;
        QComboBox* learningRate = nullptr;
        QLabel* refusal = nullptr;
    };

    const NetworkFields& fields(Network network) const {
        return m_networks[static_cast<std::size_t>(network)];
    }
    /// Builds the group of one network and connects its fields.
    QGroupBox* buildNetworkGroup(Network network);
    void commitLearningRate(Network network);
    void hideRefusals();
    void refresh();

    ProjectDocument* m_document;
    QSpinBox* m_steps;
    QSpinBox* m_batchSize;
    QSpinBox* m_dSteps;
    QSpinBox* m_gSteps;
    QComboBox* m_loss;
    QSpinBox* m_noiseDim;
    QComboBox* m_noiseDistribution;
    QSpinBox* m_measureEvery;
    QDoubleSpinBox* m_seed;
    std::array<NetworkFields, 2> m_networks;
};

}  // namespace nnplay::ui
