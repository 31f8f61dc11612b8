// SPDX-License-Identifier: GPL-3.0-or-later
// nnplay-cli: trains, validates and runs projects without a window.
#include "cli/CliCommands.h"
#include "io/AtomicFile.h"

int main(int argc, char** argv) {
    nnplay::AtomicFile::removeTemporaryFilesOnSignal();
    return nnplay::cli::run(std::vector<std::string>(argv + 1, argv + argc));
}
