// SPDX-License-Identifier: GPL-3.0-or-later
#include "document/ProjectDocument.h"

#include <QDir>
#include <QFileInfo>
#include <exception>
#include <stdexcept>

#include "data/DataDescription.h"

namespace nnplay::ui {

ProjectDocument::ProjectDocument(QObject* parent)
    : QObject(parent), m_project(nnplay::Project::defaultProject()) {
    describeData();
}

std::vector<std::string> ProjectDocument::networkNames() const {
    std::vector<std::string> names;
    for (const nnplay::NamedNetwork& n : m_project.networks) names.push_back(n.name);
    return names;
}

const nnplay::NetworkSpec* ProjectDocument::network(const std::string& name) const {
    return name.empty() ? &m_project.network() : m_project.findNetwork(name);
}

const nnplay::NamedNetwork* ProjectDocument::networkHolding(int layerId) const {
    for (const nnplay::NamedNetwork& network : m_project.networks) {
        if (network.spec.indexOf(layerId) >= 0) return &network;
    }
    return nullptr;
}

nnplay::NetworkSpec& ProjectDocument::networkRef(const std::string& name) {
    nnplay::NetworkSpec* spec = name.empty() ? &m_project.network() : m_project.findNetwork(name);
    if (!spec) throw std::invalid_argument("the project has no network named '" + name + "'");
    return *spec;
}

void ProjectDocument::describeData() {
    try {
        m_dataInfo = nnplay::describeData(m_project.data, m_project.task, baseDir().toStdString());
    } catch (const std::exception&) {
        m_dataInfo.reset();
    }
}

void ProjectDocument::reset(const Project& project, const QString& filePath) {
    m_project = project;
    m_undo.clear();
    m_undo.setClean();
    const bool pathChanged = filePath != m_filePath;
    m_filePath = filePath;
    describeData();
    if (pathChanged) emit filePathChanged(m_filePath);
    emit projectReplaced();
}

void ProjectDocument::addRun(const nnplay::RunRecord& run) {
    auto& runs = m_project.runs;
    const std::string name = nnplay::uniqueRunName(runs, run.name);
    runs.push_back(run);
    runs.back().name = name;
    const auto excess = static_cast<std::ptrdiff_t>(runs.size()) - nnplay::RunRecord::kMaxRuns;
    if (excess > 0) runs.erase(runs.begin(), runs.begin() + excess);
    emit runsChanged();
}

void ProjectDocument::setRuns(const std::vector<nnplay::RunRecord>& runs) {
    m_project.runs = runs;
    emit runsChanged();
}

void ProjectDocument::setFilePath(const QString& path) {
    if (path == m_filePath) return;
    m_filePath = path;
    describeData();
    emit filePathChanged(m_filePath);
}

QString ProjectDocument::baseDir() const {
    if (m_filePath.isEmpty()) return QDir::currentPath();
    return QFileInfo(m_filePath).absolutePath();
}

void ProjectDocument::setNetwork(const std::string& name, const nnplay::NetworkSpec& network,
                                 bool structural) {
    networkRef(name) = network;
    emit networkChanged(structural);
}

void ProjectDocument::setNetwork(const std::string& name, const nnplay::NetworkSpec& network,
                                 bool structural, const nnplay::History& history) {
    networkRef(name) = network;
    m_project.history = history;
    emit networkChanged(structural);
}

void ProjectDocument::setData(const nnplay::DataSpec& data, nnplay::Task task) {
    m_project.data = data;
    m_project.task = task;
    describeData();
    emit dataChanged();
}

void ProjectDocument::setTraining(const nnplay::TrainingSpec& training) {
    m_project.training = training;
    emit trainingChanged();
}

void ProjectDocument::setGan(const nnplay::GanSpec& gan) {
    m_project.gan = gan;
    emit ganChanged();
}

void ProjectDocument::setParameter(int layerIndex, int tensor, int row, int col, float value) {
    auto& layers = m_project.network().layers;
    const auto layer = static_cast<std::size_t>(layerIndex);
    if (layer < layers.size() && tensor >= 0 &&
        static_cast<std::size_t>(tensor) < layers[layer].params.size()) {
        nnplay::Matrix& values = layers[layer].params[static_cast<std::size_t>(tensor)];
        if (row >= 0 && row < values.rows() && col >= 0 && col < values.cols())
            values(row, col) = value;
    }
    emit parameterChanged(layerIndex, tensor, row, col, value);
}

void ProjectDocument::setTrainedState(const std::vector<nnplay::NamedNetwork>& networks,
                                      const nnplay::History& history) {
    m_project.networks = networks;
    m_project.history = history;
}

}  // namespace nnplay::ui
