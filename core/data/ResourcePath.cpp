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
    return NNPLAY_RESOURCE_DIR;
}

std::string resourcePath(const std::string& name) {
    return (std::filesystem::path(resourceDir()) / name).string();
}

}  // namespace nnplay
