// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <string>

#include "data/CsvTable.h"
#include "data/Dataset.h"

namespace nnplay {

/// Reads a CSV file with a header row: the column named `labelColumn` is the label, every other
/// column a numeric input. Classification: label cells are class names (text or numbers); the
/// classes are sorted numerically when all are numbers, else as text. Regression: the label is
/// one numeric target. Returns all samples (inputs features x n, labels or targets 1 x n) and
/// fills `info` (task, inputShape, featureNames, classNames, targetCount). Throws InputError
/// naming file, line and column for a malformed file, a missing label column, no data rows or
/// a single class.
Dataset loadCsvData(const std::string& path, const std::string& labelColumn, Task task,
                    DataInfo& info);

/// What loadCsvData() puts in its `info`, from the header and the label column only (the
/// input cells are not parsed). Throws InputError as loadCsvData() does for the file, the
/// header and the labels.
DataInfo describeCsvData(const std::string& path, const std::string& labelColumn, Task task);

/// As above, for a table already read (CSV text kept inside a project).
Dataset loadCsvData(const CsvTable& table, const std::string& labelColumn, Task task,
                    DataInfo& info);
DataInfo describeCsvData(const CsvTable& table, const std::string& labelColumn, Task task);

}  // namespace nnplay
