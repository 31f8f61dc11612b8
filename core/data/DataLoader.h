// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <string>
#include <vector>

#include "data/DataSpec.h"
#include "data/Dataset.h"

namespace nnplay {

/// Produces the train/validation/test split a DataSpec describes (for a GAN, loadGanTarget: all
/// real samples in the training part) (the validation part is cut
/// from the training part). Relative CSV paths are resolved against
/// baseDir (the project file's folder). Throws InputError with a precise message (file, line,
/// column) when the data cannot be read or does not fit the task.
DataSplit loadData(const DataSpec& spec, Task task, const std::string& baseDir);

/// Checks the settings without reading or generating anything (loadData does this first):
/// a known source, a task it supports, trainFraction in (0, 1), validationFraction in [0, 1); for
/// generators samples in 2..100000, noise in 0..0.5, known, distinct features and checkDataBalance;
/// for CSV a path; for "sine" checkSineSpec, for "text" checkTextSpec; for a GAN checkGanTarget.
/// Throws InputError.
void checkDataSpec(const DataSpec& spec, Task task);

/// The balance settings of the 2-D generators: positive_share in (0, 1) and only for
/// isBinaryPlaneSource() sources, minority_share from 0 to 1 and only for "groups". Throws
/// InputError naming the setting and its file key. checkDataSpec and the file reader's
/// checkProjectSettings both call it.
void checkDataBalance(const DataSpec& spec);

/// Clears the balance settings that spec.source does not take (after switching sources).
void dropForeignBalance(DataSpec& spec);

/// The sources a user can pick, in palette order, with whether each is a 2-D generator.
struct SourceInfo {
    std::string name;         ///< "circle"
    std::string displayName;  ///< "Exclusive or"
    std::string shortName;    ///< "XOR": under its picture in the window, and in its messages
    Task task;                ///< the only task the source supports, unless anyTask
    bool isPlane;
    bool anyTask = false;  ///< CSV: classification or regression, as the user chooses
    /// Drawn from a seed: `samples` and `noise` apply and a new seed draws new samples.
    bool generated = false;
    /// Its samples are sequences of `sequence_length` steps.
    bool sequence = false;
    /// Read from files or folders the user picks (`path`, or `images` and `labels`).
    bool fromFiles = false;
};
const std::vector<SourceInfo>& dataSources();
/// The source of this name, or nullptr.
const SourceInfo* findSource(const std::string& name);

}  // namespace nnplay
