// SPDX-License-Identifier: GPL-3.0-or-later
#include "window/RecentFilesMenu.h"

#include <QFileInfo>
#include <QSettings>

namespace nnplay::ui {

namespace {

constexpr char kGroup[] = "RecentFilesMenu";
constexpr char kFiles[] = "files";

}  // namespace

RecentFilesMenu::RecentFilesMenu(const QString& title, QWidget* parent) : QMenu(title, parent) {
    QSettings settings;
    settings.beginGroup(QLatin1String(kGroup));
    m_files = settings.value(QLatin1String(kFiles)).toStringList().mid(0, kMaxFiles);
    settings.endGroup();
    rebuild();
}

void RecentFilesMenu::add(const QString& path) {
    m_files.removeAll(path);
    m_files.prepend(path);
    while (m_files.size() > kMaxFiles) m_files.removeLast();
    QSettings settings;
    settings.beginGroup(QLatin1String(kGroup));
    settings.setValue(QLatin1String(kFiles), m_files);
    settings.endGroup();
    rebuild();
}

void RecentFilesMenu::rebuild() {
    clear();
    for (int i = 0; i < m_files.size(); ++i) {
        const QString path = m_files.at(i);
        QAction* action =
            addAction(QStringLiteral("&%1 %2").arg(i + 1).arg(QFileInfo(path).fileName()), this,
                      [this, path] { emit fileChosen(path); });
        action->setToolTip(path);
        action->setStatusTip(path);
    }
    setToolTipsVisible(true);
    setEnabled(!m_files.isEmpty());
}

}  // namespace nnplay::ui
