// SPDX-License-Identifier: GPL-3.0-or-later
#include "data/CsvLoader.h"

#include <algorithm>
#include <array>
#include <limits>
#include <map>
#include <optional>

#include "MessageText.h"
#include "data/CsvTable.h"

namespace nnplay {

namespace {

std::string columnName(const CsvTable& table, int index) {
    const std::string& name = table.header()[static_cast<std::size_t>(index)];
    return name.empty() ? "column " + std::to_string(index + 1) : name;
}

/// "<file>, line 4, column 2 ('height')".
std::string cellPlace(const CsvTable& table, int line, int index) {
    return table.where(line, index + 1) + " (" + quoteForMessage(columnName(table, index)) + ")";
}

int findLabelColumn(const CsvTable& table, const std::string& labelColumn) {
    const auto& header = table.header();
    const auto it = std::find(header.begin(), header.end(), labelColumn);
    if (it == header.end()) {
        std::string names;
        for (int i = 0; i < table.columnCount(); ++i) {
            names += (i > 0 ? ", " : "") + quoteForMessage(columnName(table, i));
        }
        throw InputError(table.fileName() + ", line " + std::to_string(table.headerLine()) +
                         ", columns 1-" + std::to_string(table.columnCount()) +
                         ": the header has no label column named " + quoteForMessage(labelColumn) +
                         " (found: " + names + ")");
    }
    return static_cast<int>(it - header.begin());
}

void checkHeader(const CsvTable& table, int labelIndex) {
    const auto& header = table.header();
    for (int i = 0; i < table.columnCount(); ++i) {
        const auto& name = header[static_cast<std::size_t>(i)];
        if (name.empty()) continue;
        const auto first = std::find(header.begin(), header.end(), name) - header.begin();
        if (first != i) {
            throw InputError(table.where(table.headerLine(), i + 1) + ": the column name " +
                             quoteForMessage(name) + " is used twice (also column " +
                             std::to_string(first + 1) + ")");
        }
    }
    if (table.columnCount() < 2) {
        throw InputError(table.where(table.headerLine(), labelIndex + 1) +
                         ": besides the label the file needs at least one input column");
    }
    if (table.rows().empty()) {
        throw InputError(table.where(table.headerLine() + 1, 1) +
                         ": there are no data rows after the header");
    }
}

/// Classification labels: class names in order, and each row's class index.
void readClasses(const CsvTable& table, int labelIndex, DataInfo& info, Dataset& data) {
    const auto& rows = table.rows();
    std::vector<std::string> names(rows.size());
    bool allNumeric = true;
    for (std::size_t r = 0; r < rows.size(); ++r) {
        names[r] = trimCsvCell(rows[r].cells[static_cast<std::size_t>(labelIndex)]);
        if (names[r].empty()) {
            throw InputError(cellPlace(table, rows[r].line, labelIndex) + ": the label is empty");
        }
        float unused = 0.0f;
        allNumeric = allNumeric && parseCsvNumber(names[r], unused);
    }

    // Numeric labels are grouped by value ("1" and "1.0" are one class, named as first seen).
    std::map<float, std::string> numericClasses;
    std::map<std::string, int> textClasses;
    for (const auto& name : names) {
        if (allNumeric) {
            float value = 0.0f;
            parseCsvNumber(name, value);
            numericClasses.emplace(value, name);
        } else {
            textClasses.emplace(name, 0);
        }
    }
    std::map<float, int> numericIndex;
    for (const auto& [value, name] : numericClasses) {
        numericIndex[value] = info.classCount();
        info.classNames.push_back(name);
    }
    for (auto& [name, index] : textClasses) {
        index = info.classCount();
        info.classNames.push_back(name);
    }
    if (info.classCount() < 2) {
        throw InputError(table.fileName() + ", column " + std::to_string(labelIndex + 1) + " (" +
                         quoteForMessage(columnName(table, labelIndex)) + "), lines " +
                         std::to_string(rows.front().line) + "-" +
                         std::to_string(rows.back().line) + ": every row has the class " +
                         quoteForMessage(info.classNames.front()) +
                         "; classification needs at least two classes");
    }
    data.labels.reserve(rows.size());
    for (const auto& name : names) {
        float value = 0.0f;
        if (allNumeric && parseCsvNumber(name, value)) {
            data.labels.push_back(numericIndex.at(value));
        } else {
            data.labels.push_back(textClasses.at(name));
        }
    }
}

/// The smallest and largest target of a regression table; none when a cell is not a number
/// (loading says where).
std::optional<std::array<float, 2>> targetRange(const CsvTable& table, int labelIndex) {
    std::array<float, 2> range{std::numeric_limits<float>::max(),
                               std::numeric_limits<float>::lowest()};
    for (const auto& row : table.rows()) {
        float value = 0.0f;
        if (!parseCsvNumber(row.cells[static_cast<std::size_t>(labelIndex)], value)) {
            return std::nullopt;
        }
        range = {std::min(range[0], value), std::max(range[1], value)};
    }
    if (table.rows().empty()) return std::nullopt;
    return range;
}

/// The info of a checked table; classification also fills the class index of each row.
DataInfo describeTable(const CsvTable& table, int labelIndex, Task task, Dataset& data) {
    DataInfo info;
    info.task = task;
    info.inputShape = Shape::flat(table.columnCount() - 1);
    for (int c = 0; c < table.columnCount(); ++c) {
        if (c != labelIndex) info.featureNames.push_back(columnName(table, c));
    }
    if (task == Task::Classification) readClasses(table, labelIndex, info, data);
    info.targetCount = 1;
    if (task == Task::Regression) info.targetRange = targetRange(table, labelIndex);
    return info;
}

}  // namespace

Dataset loadCsvData(const std::string& path, const std::string& labelColumn, Task task,
                    DataInfo& info) {
    return loadCsvData(CsvTable::readFile(path), labelColumn, task, info);
}

Dataset loadCsvData(const CsvTable& table, const std::string& labelColumn, Task task,
                    DataInfo& info) {
    const int labelIndex = findLabelColumn(table, labelColumn);
    checkHeader(table, labelIndex);

    const auto& rows = table.rows();
    const auto samples = static_cast<Eigen::Index>(rows.size());
    const int inputCount = table.columnCount() - 1;
    Dataset data;
    data.inputs.resize(inputCount, samples);
    if (task == Task::Regression) data.targets.resize(1, samples);

    for (Eigen::Index s = 0; s < samples; ++s) {
        const auto& row = rows[static_cast<std::size_t>(s)];
        Eigen::Index feature = 0;
        for (int c = 0; c < table.columnCount(); ++c) {
            const std::string& cell = row.cells[static_cast<std::size_t>(c)];
            float value = 0.0f;
            const bool numeric = parseCsvNumber(cell, value);
            if (c == labelIndex) {
                if (task == Task::Regression) {
                    if (!numeric) {
                        throw InputError(cellPlace(table, row.line, c) +
                                         ": the target: " + whyNotACsvNumber(cell) +
                                         " (regression needs numeric labels)");
                    }
                    data.targets(0, s) = value;
                }
                continue;
            }
            if (!numeric) {
                throw InputError(cellPlace(table, row.line, c) + ": " + whyNotACsvNumber(cell));
            }
            data.inputs(feature++, s) = value;
        }
    }

    info = describeTable(table, labelIndex, task, data);
    return data;
}

DataInfo describeCsvData(const std::string& path, const std::string& labelColumn, Task task) {
    return describeCsvData(CsvTable::readFile(path), labelColumn, task);
}

DataInfo describeCsvData(const CsvTable& table, const std::string& labelColumn, Task task) {
    const int labelIndex = findLabelColumn(table, labelColumn);
    checkHeader(table, labelIndex);
    Dataset labels;
    return describeTable(table, labelIndex, task, labels);
}

}  // namespace nnplay
