// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QString>

#include "Project.h"

namespace nnplay::ui {

/// The projects nnplay ships: the lessons (resources/lessons) and the examples
/// (resources/examples), read once and listed by title. What the welcome screen shows and
/// what the File menu lists.
class BundledProjects {
public:
    /// One shipped project.
    struct Entry {
        /// The file it was read from, absolute.
        QString path;
        /// The project's title, else the file's base name.
        QString title;
        /// The lesson's goal (one sentence); empty for an example.
        QString goal;
        bool isLesson = false;
        /// The project as it opens: untitled, a CSV path absolute.
        nnplay::Project project;
    };

    /// Every *.nnplay file in `folder` that reads, in the order of their titles; a file that
    /// does not read is left out with a warning.
    static QList<Entry> read(const QString& folder);
    /// read() of the shipped lessons and examples.
    static QList<Entry> lessons();
    static QList<Entry> examples();
};

}  // namespace nnplay::ui
