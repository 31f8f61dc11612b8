// SPDX-License-Identifier: GPL-3.0-or-later
// Feeds arbitrary bytes to the project reader. A project it accepts must be saved and read back
// unchanged: a saved file is always readable again.
#include <cstdint>
#include <cstdlib>
#include <string>

#include "io/ProjectFile.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace nnplay;
    Project project;
    try {
        project = ProjectFile::parse(std::string(reinterpret_cast<const char*>(data), size));
    } catch (const InputError&) {
        return 0;
    }
    const std::string saved = ProjectFile::serialize(project);
    try {
        if (ProjectFile::serialize(ProjectFile::parse(saved)) != saved) std::abort();
    } catch (const InputError&) {
        std::abort();
    }
    return 0;
}
