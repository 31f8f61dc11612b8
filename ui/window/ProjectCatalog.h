// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>
#include <optional>

#include "Project.h"

namespace nnplay::ui {

/// The projects shipped in one folder (resources/examples, resources/lessons), read once: what
/// File > Open Example and File > Lessons offer, what the welcome screen shows and what
/// `nnplay --lesson` looks up. Files named with a number first ("02-xor-hidden-layer") come
/// first, in the order of their numbers (the order a course takes), the others after them by
/// title. A file that does not read is left out (with a warning).
class ProjectCatalog {
    Q_DECLARE_TR_FUNCTIONS(ProjectCatalog)
public:
    struct Entry {
        /// The file it was read from, absolute.
        QString path;
        /// The file name without its number and ".nnplay": "xor-hidden-layer".
        QString baseName;
        /// The number the file name starts with, 0 for none.
        int number = 0;
        /// The project's title, else the base name.
        QString title;
        /// The project, CSV paths made absolute against the folder.
        nnplay::Project project;
    };

    /// Reads every *.nnplay file in `folder`.
    explicit ProjectCatalog(const QString& folder);
    /// The shipped projects of resourcePath(`name`) ("examples", "lessons").
    static ProjectCatalog shipped(const char* name);

    /// Numbered ones first, by number; then by title.
    const QList<Entry>& entries() const { return m_entries; }
    /// The entry whose base name or title is `name`, ignoring case, or nullptr.
    const Entry* find(const QString& name) const;
    /// "xor-hidden-layer (XOR needs a hidden layer)" per entry, in entries() order: what a
    /// lookup that found nothing can offer instead.
    QStringList describe() const;

    /// The shipped lesson called `name` (see find()), for `nnplay --lesson`. When there is
    /// none, nullopt and, in `error`, a sentence listing every lesson there is.
    static std::optional<nnplay::Project> findLesson(const QString& name, QString* error);

private:
    QList<Entry> m_entries;
};

}  // namespace nnplay::ui
