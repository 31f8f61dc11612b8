// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <string>

#include "Types.h"
#include "data/CsvTable.h"
#include "data/DataSpec.h"
#include "data/Dataset.h"

namespace nnplay {

/// What the data `spec` describes, without generating or loading its samples: the DataInfo that
/// loadData() gives for the same arguments. 2-D generators: one input per selected feature, two
/// classes or one target, isPlane; digits: 1x8x8 images of ten classes; sine: sineDataInfo; text:
/// textDataInfo (reads the text); CSV: the header's columns besides the label and the label
/// column's classes (reads the file, parses no input cell). Throws InputError as loadData() does
/// for bad settings or an unreadable CSV file.
DataInfo describeData(const DataSpec& spec, Task task, const std::string& baseDir);

/// A CSV path of a project resolved against its folder (unchanged when absolute or when
/// baseDir is empty).
std::string resolveDataPath(const std::string& path, const std::string& baseDir);

/// The table of CSV data: the text the project keeps (spec.csvText; messages name it "iris.csv
/// (kept in the project)") when there is one, else the file at spec.path resolved against
/// baseDir. Throws InputError naming the file, line and column.
CsvTable readCsvSource(const DataSpec& spec, const std::string& baseDir);

}  // namespace nnplay
