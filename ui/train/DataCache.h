// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <optional>

#include "Types.h"
#include "data/DataSpec.h"
#include "data/Dataset.h"

namespace nnplay::ui {

/// The data of the last session the worker built, so that changing the network or the training
/// settings, or a reset, does not read and decode the files again (Fashion-MNIST takes a
/// while). Kept per data section, task and folder, and per size and modification time of the
/// files the section names, so a file changed on disk is read again.
class DataCache {
public:
    /// Whether get() would answer from what it keeps.
    bool holds(const nnplay::DataSpec& spec, nnplay::Task task, const QString& baseDir) const;
    /// The data for these settings: the kept split, or loaded by nnplay::loadData (which throws
    /// InputError for data that cannot be used; nothing is kept then).
    const nnplay::DataSplit& get(const nnplay::DataSpec& spec, nnplay::Task task,
                                 const QString& baseDir);

private:
    struct Key {
        nnplay::DataSpec spec;
        nnplay::Task task;
        QString baseDir;
        QString files;  ///< size and time of each file the spec names
        bool operator==(const Key&) const = default;
    };
    static Key keyFor(const nnplay::DataSpec& spec, nnplay::Task task, const QString& baseDir);

    std::optional<Key> m_key;
    nnplay::DataSplit m_split;
};

}  // namespace nnplay::ui
