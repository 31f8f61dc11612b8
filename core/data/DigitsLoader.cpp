// SPDX-License-Identifier: GPL-3.0-or-later
#include "data/DigitsLoader.h"

#include <cmath>

#include "data/CsvTable.h"

namespace nnplay {

namespace {

constexpr int kSide = 8;
constexpr int kPixels = kSide * kSide;
constexpr float kMaxPixel = 16.0f;
constexpr int kClasses = 10;

/// The cell as a whole number in [0, max], or an InputError pointing at it.
int readWholeNumber(const CsvTable& table, const CsvTable::Record& row, int column, int max) {
    float value = 0.0f;
    const std::string& cell = row.cells[static_cast<std::size_t>(column)];
    if (!parseCsvNumber(cell, value) || value != std::floor(value) || value < 0.0f ||
        value > static_cast<float>(max)) {
        throw InputError(table.where(row.line, column + 1) + ": '" + cell +
                         "' is not a whole number from 0 to " + std::to_string(max));
    }
    return static_cast<int>(value);
}

}  // namespace

Dataset loadDigits(const std::string& path, DataInfo& info) {
    const CsvTable table = CsvTable::readFile(path, false);
    if (table.columnCount() != kPixels + 1) {
        throw InputError(table.where(table.rows().front().line, 1) + ": expected " +
                         std::to_string(kPixels + 1) + " cells (64 pixels and the digit), found " +
                         std::to_string(table.columnCount()));
    }
    const auto samples = static_cast<Eigen::Index>(table.rows().size());
    Dataset data;
    data.inputs.resize(kPixels, samples);
    data.labels.reserve(table.rows().size());
    for (Eigen::Index s = 0; s < samples; ++s) {
        const auto& row = table.rows()[static_cast<std::size_t>(s)];
        for (int p = 0; p < kPixels; ++p) {
            data.inputs(p, s) =
                static_cast<float>(readWholeNumber(table, row, p, static_cast<int>(kMaxPixel))) /
                kMaxPixel;
        }
        data.labels.push_back(readWholeNumber(table, row, kPixels, kClasses - 1));
    }

    info = digitsDataInfo();
    return data;
}

DataInfo digitsDataInfo() {
    DataInfo info;
    info.task = Task::Classification;
    info.inputShape = Shape{1, kSide, kSide};
    info.imageShape = info.inputShape;
    for (int r = 0; r < kSide; ++r) {
        for (int c = 0; c < kSide; ++c) {
            info.featureNames.push_back("pixel " + std::to_string(r) + "," + std::to_string(c));
        }
    }
    for (int d = 0; d < kClasses; ++d) info.classNames.push_back(std::to_string(d));
    return info;
}

}  // namespace nnplay
