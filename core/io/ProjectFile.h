// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <string>

#include "Project.h"

namespace nnplay {

/// The .nnplay format (JSON, versioned; docs/file-format.md). One reader and one writer for
/// the CLI, the GUI and the tests.
namespace ProjectFile {

/// The newest format version this program reads and writes.
inline constexpr int kVersion = 1;

/// Parses a project from JSON text. Throws InputError naming the key and the problem
/// (syntax errors with line and column, unknown keys, wrong types, newer versions).
Project parse(const std::string& text);
/// Serialises a project (pretty-printed JSON, trained weights inside their layers).
std::string serialize(const Project& project);

/// The project with the variant's changes (a JSON merge patch on its JSON) applied, keeping
/// its lesson. Throws InputError naming the variant when the result is not a valid project.
Project applyVariant(const Project& project, const LessonVariant& variant);

/// Reads a file; throws InputError prefixed with the path.
Project load(const std::string& path);
/// Writes atomically (temporary file in the same folder, then rename): on any failure the old
/// file stays whole. Throws InputError with the reason.
void save(const std::string& path, const Project& project);
/// Writes text atomically (used for every file this program produces).
void writeFileAtomically(const std::string& path, const std::string& text);

}  // namespace ProjectFile
}  // namespace nnplay
