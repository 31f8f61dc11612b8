// SPDX-License-Identifier: GPL-3.0-or-later
#include "window/ProjectCatalog.h"

#include <QDir>
#include <QFileInfo>
#include <QRegularExpression>
#include <algorithm>
#include <exception>

#include "data/ResourcePath.h"
#include "io/ProjectFile.h"

namespace nnplay::ui {

ProjectCatalog::ProjectCatalog(const QString& folder) {
    const QDir dir(folder);
    for (const QString& name :
         dir.entryList({QStringLiteral("*.nnplay")}, QDir::Files, QDir::Name)) {
        try {
            Entry entry;
            entry.path = QFileInfo(dir.filePath(name)).absoluteFilePath();
            entry.project = ProjectFile::load(entry.path.toStdString());
            DataSpec& data = entry.project.data;
            if (data.source == "csv" && !data.path.empty())
                data.path = QDir::cleanPath(dir.absoluteFilePath(QString::fromStdString(data.path)))
                                .toStdString();
            entry.baseName = QFileInfo(name).completeBaseName();
            static const QRegularExpression numbered(QStringLiteral("^(\\d+)-(.+)$"));
            if (const QRegularExpressionMatch m = numbered.match(entry.baseName); m.hasMatch()) {
                entry.number = m.captured(1).toInt();
                entry.baseName = m.captured(2);
            }
            entry.title = entry.project.title.empty() ? entry.baseName
                                                      : QString::fromStdString(entry.project.title);
            m_entries.push_back(std::move(entry));
        } catch (const std::exception& e) {
            qWarning("%s", e.what());
        }
    }
    std::stable_sort(m_entries.begin(), m_entries.end(), [](const Entry& a, const Entry& b) {
        if ((a.number > 0) != (b.number > 0)) return a.number > 0;
        if (a.number != b.number) return a.number < b.number;
        return a.title.localeAwareCompare(b.title) < 0;
    });
}

ProjectCatalog ProjectCatalog::shipped(const char* name) {
    return ProjectCatalog(QString::fromStdString(resourcePath(name)));
}

const ProjectCatalog::Entry* ProjectCatalog::find(const QString& name) const {
    const QString wanted = name.trimmed();
    for (const Entry& entry : m_entries)
        if (entry.baseName.compare(wanted, Qt::CaseInsensitive) == 0 ||
            entry.title.compare(wanted, Qt::CaseInsensitive) == 0)
            return &entry;
    return nullptr;
}

QStringList ProjectCatalog::describe() const {
    QStringList lines;
    for (const Entry& entry : m_entries)
        lines << (entry.title == entry.baseName
                      ? entry.baseName
                      : QStringLiteral("%1 (%2)").arg(entry.baseName, entry.title));
    return lines;
}

std::optional<Project> ProjectCatalog::findLesson(const QString& name, QString* error) {
    const ProjectCatalog lessons = shipped("lessons");
    if (const Entry* entry = lessons.find(name)) return entry->project;
    if (error)
        *error = tr("There is no lesson called “%1”. The lessons are:\n  %2")
                     .arg(name, lessons.describe().join(QStringLiteral("\n  ")));
    return std::nullopt;
}

}  // namespace nnplay::ui
