// SPDX-License-Identifier: GPL-3.0-or-later
#include "window/NetworkTabs.h"

#include <QSignalBlocker>

#include "Project.h"
#include "document/ProjectDocument.h"
#include "editor/NetworkScene.h"

namespace nnplay::ui {

namespace {

/// "Generator" for "generator": how a tab names a network.
QString title(const std::string& name) {
    QString text = QString::fromStdString(name);
    if (!text.isEmpty()) text[0] = text[0].toUpper();
    return text;
}

}  // namespace

NetworkTabs::NetworkTabs(ProjectDocument* document, NetworkScene* scene, QWidget* parent)
    : QTabBar(parent), m_document(document), m_scene(scene) {
    setObjectName(QStringLiteral("networkTabs"));
    setDocumentMode(true);
    setExpanding(false);
    connect(this, &QTabBar::currentChanged, this, [this](int index) {
        if (index >= 0) m_scene->setNetworkName(tabData(index).toString().toStdString());
    });
    connect(m_document, &ProjectDocument::projectReplaced, this, &NetworkTabs::rebuild);
    rebuild();
}

bool NetworkTabs::showNetwork(const std::string& name) {
    for (int i = 0; i < count(); ++i) {
        if (tabData(i).toString().toStdString() != name) continue;
        setCurrentIndex(i);
        return true;
    }
    return false;
}

void NetworkTabs::rebuild() {
    {
        const QSignalBlocker blocker(this);
        while (count() > 0) removeTab(0);
        for (const std::string& name : m_document->networkNames()) {
            const int index = addTab(title(name));
            setTabData(index, QString::fromStdString(name));
            if (name == nnplay::Project::kGenerator)
                setTabToolTip(index, tr("The generator turns noise into samples that should "
                                        "pass for real ones."));
            if (name == nnplay::Project::kDiscriminator)
                setTabToolTip(index, tr("The discriminator tells real samples from generated "
                                        "ones."));
        }
        setCurrentIndex(0);
    }
    m_scene->setNetworkName({});
    setVisible(count() > 1);
}

}  // namespace nnplay::ui
