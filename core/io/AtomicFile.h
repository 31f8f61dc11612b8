// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <string>

namespace nnplay {

/// A file written in full or not at all: the constructor creates a temporary file beside the
/// target (refusing a target that exists but is not a regular file: a folder, a device such
/// as /dev/full, a pipe); commit() writes, syncs and renames it over the target. A temporary
/// file that was not committed is removed by the destructor and, once
/// removeTemporaryFilesOnSignal() was called, by SIGINT and SIGTERM. Not copyable.
class AtomicFile {
public:
    /// Throws InputError naming the path and the reason.
    explicit AtomicFile(const std::string& path);
    ~AtomicFile();
    AtomicFile(const AtomicFile&) = delete;
    AtomicFile& operator=(const AtomicFile&) = delete;

    /// Writes `content` and replaces the target. Throws InputError; the old file stays whole.
    void commit(const std::string& content);

    /// Installs SIGINT and SIGTERM handlers that remove the uncommitted temporary files and
    /// then end the program as the signal would have.
    static void removeTemporaryFilesOnSignal();

private:
    void discard();

    std::string m_path;
    std::string m_temporary;
    int m_fd = -1;
    int m_slot = -1;
};

}  // namespace nnplay
