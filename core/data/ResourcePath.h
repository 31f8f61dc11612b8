// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <string>

namespace nnplay {

/// Sets the folder that holds shipped resources (digits.csv.gz, lessons). An empty string
/// restores the default. Call once at start-up, before any worker thread reads it.
void setResourceDir(const std::string& dir);

/// The resource folder: the one set by setResourceDir(), else the environment variable
/// NNPLAY_RESOURCE_DIR, else the installed folder beside the running program
/// (bin/../share/nnplay, wherever the prefix is) when it has the lessons, else the source
/// tree's resources/ folder compiled in (a build tree's programs).
std::string resourceDir();

/// resourceDir() joined with a file name: resourcePath("digits.csv.gz").
std::string resourcePath(const std::string& name);

}  // namespace nnplay
