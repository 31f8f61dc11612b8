// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>
#include <optional>

#include "Project.h"

namespace nnplay::ui {

/// The projects shipped in one folder (resources/examples, resources/lessons), read once and
/// listed by title: what File > Open Example and File > Lessons offer and `nnplay --lesson`
/// looks up. A file that does not read is left out (with a warning).
class ProjectCatalog {
    Q_DECLARE_TR_FUNCTIONS(ProjectCatalog)
public:
    struct Entry {
        /// The file name without ".nnplay": "xor-hidden-layer".
        QString baseName;
        /// The project's title, else the base name.
        QString title;
        /// The project, CSV paths made absolute against the folder.
        nnplay::Project project;
    };

    /// Reads every *.nnplay file in `folder`.
    explicit ProjectCatalog(const QString& folder);
    /// The shipped projects of resourcePath(`name`) ("examples", "lessons").
    static ProjectCatalog shipped(const char* name);

    /// In the order of their titles.
    const QList<Entry>& entries() const { return m_entries; }
    /// The entry whose base name or title is `name`, ignoring case, or nullptr.
    const Entry* find(const QString& name) const;
    /// "xor-hidden-layer (XOR needs a hidden layer)" per entry, in title order: what a
    /// lookup that found nothing can offer instead.
    QStringList describe() const;

    /// The shipped lesson called `name` (see find()), for `nnplay --lesson`. When there is
    /// none, nullopt and, in `error`, a sentence listing every lesson there is.
    static std::optional<nnplay::Project> findLesson(const QString& name, QString* error);

private:
    QList<Entry> m_entries;
};

}  // namespace nnplay::ui
