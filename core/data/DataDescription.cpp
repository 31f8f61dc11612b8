// SPDX-License-Identifier: GPL-3.0-or-later
#include "data/DataDescription.h"

#include <filesystem>

#include "data/CsvLoader.h"
#include "data/DataLoader.h"
#include "data/DigitsLoader.h"
#include "data/GanTargets.h"
#include "data/ImageSources.h"
#include "data/PlaneGenerators.h"
#include "data/SineGenerator.h"
#include "data/TextLoader.h"

namespace nnplay {

DataInfo describeData(const DataSpec& spec, Task task, const std::string& baseDir) {
    if (task == Task::Gan) return describeGanTarget(spec);
    checkDataSpec(spec, task);
    if (isPlaneSource(spec.source)) {
        DataInfo info;
        info.task = task;
        info.inputShape = Shape::flat(static_cast<int>(spec.features.size()));
        info.featureNames = spec.features;
        if (task == Task::Classification) info.classNames = {"-1", "+1"};
        info.targetCount = 1;
        if (task == Task::Regression) info.targetRange = std::array<float, 2>{-1.0f, 1.0f};
        info.isPlane = true;
        if (spec.source == "groups") info.groupNames = planeGroupNames();
        return info;
    }
    if (spec.source == "digits") return digitsDataInfo();
    if (isImageSource(spec.source)) return describeImageData(spec, baseDir);
    if (spec.source == "sine") return sineDataInfo(spec);
    if (spec.source == "text")  // reads the text, builds no window
        return textDataInfo(readTextSource(spec, baseDir), spec.sequenceLength, spec.stride);
    DataInfo info = describeCsvData(readCsvSource(spec, baseDir), spec.label, task);
    // Standardised targets have a range in other units, known only after the split.
    if (spec.standardizeTarget) info.targetRange.reset();
    return info;
}

std::string resolveDataPath(const std::string& path, const std::string& baseDir) {
    const std::filesystem::path file(path);
    if (file.is_absolute() || baseDir.empty()) return file.lexically_normal().string();
    return (std::filesystem::path(baseDir) / file).lexically_normal().string();
}

CsvTable readCsvSource(const DataSpec& spec, const std::string& baseDir) {
    if (spec.csvText.empty()) return CsvTable::readFile(resolveDataPath(spec.path, baseDir));
    const std::string name = spec.path.empty()
                                 ? std::string("the CSV data")
                                 : std::filesystem::path(spec.path).filename().string();
    return CsvTable::parse(spec.csvText, name + " (kept in the project)");
}

}  // namespace nnplay
