// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <string>
#include <vector>

#include "train/History.h"

namespace nnplay {

/// A finished training run kept in the project so runs can be compared: the name it trained
/// under, the settings it trained with and its history.
struct RunRecord {
    /// The most runs a project keeps: the oldest goes first.
    static constexpr int kMaxRuns = 50;

    std::string name;
    /// The project's settings the run trained with, as RunSettings::of gives them (JSON text
    /// of the data, network and training sections without weights); empty when unknown.
    std::string settings;
    History history;
    bool diverged = false;

    bool operator==(const RunRecord&) const = default;
};

/// `name`, or when a run in `runs` has it, "name (2)", "name (3)", ...: the first one free.
std::string uniqueRunName(const std::vector<RunRecord>& runs, const std::string& name);

}  // namespace nnplay
