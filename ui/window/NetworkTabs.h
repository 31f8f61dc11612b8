// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QTabBar>

namespace nnplay::ui {

class NetworkScene;
class ProjectDocument;

/// One tab per network of the project above the canvas (a GAN's generator and discriminator),
/// hidden while the project has only one. Choosing a tab makes the canvas show and edit that
/// network; a new project starts on its first.
class NetworkTabs : public QTabBar {
    Q_OBJECT
public:
    /// Neither is owned; both must outlive the tabs.
    NetworkTabs(ProjectDocument* document, NetworkScene* scene, QWidget* parent = nullptr);

    /// Shows the network with this name; false (no change) for a name the project lacks.
    bool showNetwork(const std::string& name);

private:
    void rebuild();

    ProjectDocument* m_document;
    NetworkScene* m_scene;
};

}  // namespace nnplay::ui
