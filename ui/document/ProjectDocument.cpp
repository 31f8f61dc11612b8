// SPDX-License-Identifier: GPL-3.0-or-later
#include "document/ProjectDocument.h"

#include <QDir>
#include <QFileInfo>

namespace nnplay::ui {

ProjectDocument::ProjectDocument(QObject* parent)
    : QObject(parent), m_project(nnplay::Project::defaultProject()) {}

void ProjectDocument::reset(const Project& project, const QString& filePath) {
    m_project = project;
    m_undo.clear();
    m_undo.setClean();
    setFilePath(filePath);
    emit projectReplaced();
}

void ProjectDocument::setFilePath(const QString& path) {
    if (path == m_filePath) return;
    m_filePath = path;
    emit filePathChanged(m_filePath);
}

QString ProjectDocument::baseDir() const {
    if (m_filePath.isEmpty()) return QDir::currentPath();
    return QFileInfo(m_filePath).absolutePath();
}

void ProjectDocument::setNetwork(const nnplay::NetworkSpec& network, bool structural) {
    m_project.network() = network;
    emit networkChanged(structural);
}

void ProjectDocument::setNetwork(const nnplay::NetworkSpec& network, bool structural,
                                 const nnplay::History& history) {
    m_project.network() = network;
    m_project.history = history;
    emit networkChanged(structural);
}

void ProjectDocument::setData(const nnplay::DataSpec& data, nnplay::Task task) {
    m_project.data = data;
    m_project.task = task;
    emit dataChanged();
}

void ProjectDocument::setTraining(const nnplay::TrainingSpec& training) {
    m_project.training = training;
    emit trainingChanged();
}

void ProjectDocument::setTrainedState(const nnplay::NetworkSpec& network,
                                      const nnplay::History& history) {
    m_project.network() = network;
    m_project.history = history;
}

}  // namespace nnplay::ui
