// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <string>
#include <vector>

namespace nnplay::cli {

/// Exit codes of nnplay-cli.
enum ExitCode { kOk = 0, kFailed = 1, kBadInput = 2 };

/// Runs `nnplay-cli ARGS...` (args without the program name); returns the exit code. Output
/// goes to stdout, errors to stderr in one readable line.
int run(const std::vector<std::string>& args);

}  // namespace nnplay::cli
