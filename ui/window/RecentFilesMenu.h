// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QMenu>
#include <QStringList>

namespace nnplay::ui {

/// "Open Recent": the files most recently opened or saved, newest first, kept in QSettings
/// (group "RecentFilesMenu") so the next start shows them too.
class RecentFilesMenu : public QMenu {
    Q_OBJECT
public:
    static constexpr int kMaxFiles = 8;

    explicit RecentFilesMenu(const QString& title, QWidget* parent = nullptr);

    /// Puts `path` first (once) and saves the list.
    void add(const QString& path);
    const QStringList& files() const { return m_files; }

signals:
    void fileChosen(const QString& path);

private:
    void rebuild();

    QStringList m_files;
};

}  // namespace nnplay::ui
