// SPDX-License-Identifier: GPL-3.0-or-later
#include "io/AtomicFile.h"

#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <filesystem>

#include "Types.h"

namespace nnplay {

namespace {

/// Temporary files a signal handler must remove; a slot is in use while its path is set.
constexpr int kSlots = 8;
constexpr std::size_t kPathBytes = 4096;
char g_paths[kSlots][kPathBytes];
std::atomic<bool> g_used[kSlots];

int registerTemporary(const std::string& path) {
    if (path.size() >= kPathBytes) return -1;
    for (int i = 0; i < kSlots; ++i) {
        bool expected = false;
        if (!g_used[i].compare_exchange_strong(expected, true)) continue;
        std::memcpy(g_paths[i], path.c_str(), path.size() + 1);
        return i;
    }
    return -1;
}

void unregisterTemporary(int slot) {
    if (slot >= 0) g_used[slot].store(false);
}

extern "C" void removeAndReraise(int signal) {
    for (int i = 0; i < kSlots; ++i)
        if (g_used[i].load()) ::unlink(g_paths[i]);
    std::signal(signal, SIG_DFL);
    std::raise(signal);
}

}  // namespace

AtomicFile::AtomicFile(const std::string& path) : m_path(path) {
    namespace fs = std::filesystem;
    const fs::path target(path);
    std::error_code error;
    const fs::file_status status = fs::status(target, error);
    if (fs::exists(status) && !fs::is_regular_file(status)) {
        throw InputError(path + ": cannot save here: it is " +
                         (fs::is_directory(status) ? "a folder" : "not a regular file") +
                         " (choose a file name)");
    }
    const fs::path folder = target.has_parent_path() ? target.parent_path() : fs::path(".");
    std::string name = target.filename().string();
    name.insert(0, 1, '.');
    name.append(".XXXXXX");
    m_temporary = (folder / name).string();
    m_fd = ::mkstemp(m_temporary.data());
    if (m_fd < 0)
        throw InputError(path + ": cannot write in " + folder.string() + " (" +
                         std::strerror(errno) + ")");
    m_slot = registerTemporary(m_temporary);
}

AtomicFile::~AtomicFile() { discard(); }

void AtomicFile::discard() {
    if (m_fd >= 0) ::close(m_fd);
    m_fd = -1;
    if (!m_temporary.empty()) std::remove(m_temporary.c_str());
    m_temporary.clear();
    unregisterTemporary(m_slot);
    m_slot = -1;
}

void AtomicFile::commit(const std::string& content) {
    if (m_fd < 0) throw InputError(m_path + ": the file was already written");
    const auto fail = [&](const std::string& what) {
        const std::string reason = std::strerror(errno);
        discard();
        throw InputError(m_path + ": " + what + " (" + reason + ")");
    };
    std::size_t written = 0;
    while (written < content.size()) {
        const ssize_t n = ::write(m_fd, content.data() + written, content.size() - written);
        if (n < 0) {
            if (errno == EINTR) continue;
            fail("write failed");
        }
        written += static_cast<std::size_t>(n);
    }
    if (::fsync(m_fd) != 0) fail("write failed");
    const int fd = m_fd;
    m_fd = -1;
    if (::close(fd) != 0) fail("write failed");
    // mkstemp creates the file 0600; what this program writes is an ordinary document.
    ::chmod(m_temporary.c_str(), 0644);
    if (std::rename(m_temporary.c_str(), m_path.c_str()) != 0) fail("cannot replace the file");
    m_temporary.clear();
    unregisterTemporary(m_slot);
    m_slot = -1;
}

void AtomicFile::removeTemporaryFilesOnSignal() {
    struct sigaction action {};
    action.sa_handler = removeAndReraise;
    sigemptyset(&action.sa_mask);
    sigaction(SIGINT, &action, nullptr);
    sigaction(SIGTERM, &action, nullptr);
}

}  // namespace nnplay
