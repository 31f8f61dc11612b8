// SPDX-License-Identifier: GPL-3.0-or-later
#include "data/ResourcePath.h"

#include <cstdlib>
#include <filesystem>
#include <mutex>

namespace nnplay {

namespace {

std::mutex& dirMutex() {
    static std::mutex mutex;
    return mutex;
}

std::string& configuredDir() {
    static std::string dir;
    return dir;
}

/// The installed resource folder relative to the running program (NNPLAY_INSTALLED_RESOURCES,
/// the data folder seen from the bin folder), or an empty string when the program does not
/// run from an installation that has it.
std::string installedDir() {
    std::error_code error;
    const std::filesystem::path program = std::filesystem::read_symlink("/proc/self/exe", error);
    if (error) return {};
    const std::filesystem::path dir =
        (program.parent_path() / NNPLAY_INSTALLED_RESOURCES).lexically_normal();
    if (!std::filesystem::is_directory(dir / "lessons", error)) return {};
    return dir.string();
}

}  // namespace

void setResourceDir(const std::string& dir) {
    std::lock_guard lock(dirMutex());
    configuredDir() = dir;
}

std::string resourceDir() {
    {
        std::lock_guard lock(dirMutex());
        if (!configuredDir().empty()) return configuredDir();
    }
    if (const char* env = std::getenv("NNPLAY_RESOURCE_DIR"); env != nullptr && *env != '\0') {
        return env;
    }
    static const std::string installed = installedDir();
    if (!installed.empty()) return installed;
    return NNPLAY_RESOURCE_DIR;
}

std::string resourcePath(const std::string& name) {
    return (std::filesystem::path(resourceDir()) / name).string();
}

}  // namespace nnplay
