// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QString>
#include <QUndoStack>
#include <optional>
#include <string>
#include <vector>

#include "Project.h"
#include "data/Dataset.h"

namespace nnplay::ui {

/// The open project and its undo history. Every edit is a QUndoCommand pushed on undoStack();
/// commands call the set* functions below, which emit what changed. Nothing else changes the
/// project. Networks are addressed by name; an empty name means the first network (the one a
/// classification or regression project trains). Layer ids are unique across all networks.
class ProjectDocument : public QObject {
    Q_OBJECT
public:
    explicit ProjectDocument(QObject* parent = nullptr);

    const Project& project() const { return m_project; }
    /// Names of the project's networks in file order (never empty).
    std::vector<std::string> networkNames() const;
    /// The network with this name (empty: the first), or nullptr.
    const nnplay::NetworkSpec* network(const std::string& name = {}) const;
    /// The network holding the layer with this id, or nullptr.
    const nnplay::NamedNetwork* networkHolding(int layerId) const;
    /// What the data settings describe without loading samples (input shape and names,
    /// classes, image shape); nullopt when they cannot be described (a missing CSV file).
    /// Worked out again when the data settings or the file's folder change.
    const std::optional<nnplay::DataInfo>& dataInfo() const { return m_dataInfo; }
    QUndoStack* undoStack() { return &m_undo; }

    /// Replaces the whole project (New, Open): clears the undo history, marks it clean.
    void reset(const Project& project, const QString& filePath);
    const QString& filePath() const { return m_filePath; }
    void setFilePath(const QString& path);
    /// Folder against which relative data paths resolve.
    QString baseDir() const;
    bool isModified() const { return !m_undo.isClean(); }
    void markSaved() { m_undo.setClean(); }

    // Called by undo commands only. `name` must name a network (empty: the first).
    void setNetwork(const std::string& name, const nnplay::NetworkSpec& network, bool structural);
    /// As above, also replacing the training history that belongs to the network's weights
    /// (a structural edit drops both; its undo brings both back). Emits networkChanged once.
    void setNetwork(const std::string& name, const nnplay::NetworkSpec& network, bool structural,
                    const nnplay::History& history);
    void setData(const nnplay::DataSpec& data, nnplay::Task task);
    void setTraining(const nnplay::TrainingSpec& training);
    /// Sets a GAN project's noise and training settings (Project::gan).
    void setGan(const nnplay::GanSpec& gan);
    /// Sets entry (row, col) of parameter tensor `tensor` (0 weights, 1 biases) of the first
    /// network's layer at spec index `layerIndex`, when the document holds it; emits
    /// parameterChanged either way (the session holds the truth while it trains).
    void setParameter(int layerIndex, int tensor, int row, int col, float value);
    /// Stores the networks' trained weights and history (not an undoable edit; marks nothing,
    /// emits nothing: the views already show the training that produced them). `networks`
    /// must have the layers the project has (nnplay::sameLayers).
    void setTrainedState(const std::vector<nnplay::NamedNetwork>& networks,
                         const nnplay::History& history);
    /// Keeps a finished run (not an undoable edit, like the trained state), renamed
    /// (nnplay::uniqueRunName) when its name is taken; the oldest goes when there are more than
    /// nnplay::RunRecord::kMaxRuns. Emits runsChanged.
    void addRun(const nnplay::RunRecord& run);
    /// Replaces the kept runs (called by undo commands only). Emits runsChanged.
    void setRuns(const std::vector<nnplay::RunRecord>& runs);

signals:
    /// The network changed; `structural` when trained weights no longer fit (a reset).
    void networkChanged(bool structural);
    void dataChanged();
    void trainingChanged();
    /// The GAN settings (Project::gan) changed.
    void ganChanged();
    /// One parameter of the first network was set by hand (see setParameter); the layers and
    /// the other weights are unchanged, so nothing is rebuilt.
    void parameterChanged(int layerIndex, int tensor, int row, int col, float value);
    /// A run was kept, or the kept runs were deleted or renamed.
    void runsChanged();
    /// reset() was called.
    void projectReplaced();
    void filePathChanged(const QString& path);

private:
    nnplay::NetworkSpec& networkRef(const std::string& name);
    void describeData();

    nnplay::Project m_project;
    std::optional<nnplay::DataInfo> m_dataInfo;
    QUndoStack m_undo;
    QString m_filePath;
};

}  // namespace nnplay::ui
