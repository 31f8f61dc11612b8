// SPDX-License-Identifier: GPL-3.0-or-later
#include "window/BundledProjects.h"

#include <QDir>
#include <QFileInfo>
#include <algorithm>
#include <exception>

#include "data/DataDescription.h"
#include "data/ResourcePath.h"
#include "io/ProjectFile.h"

namespace nnplay::ui {

QList<BundledProjects::Entry> BundledProjects::read(const QString& folder) {
    const QDir dir(folder);
    QList<Entry> entries;
    for (const QString& name :
         dir.entryList({QStringLiteral("*.nnplay")}, QDir::Files, QDir::Name)) {
        Entry entry;
        entry.path = QFileInfo(dir.filePath(name)).absoluteFilePath();
        try {
            entry.project = ProjectFile::load(entry.path.toStdString());
        } catch (const std::exception& e) {
            qWarning("%s", e.what());
            continue;
        }
        Project& project = entry.project;
        // It opens untitled, with no folder of its own: its CSV file is found from here.
        if (project.data.source == "csv" && !project.data.path.empty())
            project.data.path =
                resolveDataPath(project.data.path, dir.absolutePath().toStdString());
        entry.title = project.title.empty() ? QFileInfo(name).completeBaseName()
                                            : QString::fromStdString(project.title);
        entry.goal = QString::fromStdString(project.lesson.goal);
        entry.isLesson = !project.lesson.empty();
        entries.append(std::move(entry));
    }
    std::stable_sort(entries.begin(), entries.end(),
                     [](const Entry& a, const Entry& b) { return a.title < b.title; });
    return entries;
}

QList<BundledProjects::Entry> BundledProjects::lessons() {
    return read(QString::fromStdString(resourcePath("lessons")));
}

QList<BundledProjects::Entry> BundledProjects::examples() {
    return read(QString::fromStdString(resourcePath("examples")));
}

}  // namespace nnplay::ui
