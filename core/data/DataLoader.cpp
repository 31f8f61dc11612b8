// SPDX-License-Identifier: GPL-3.0-or-later
#include "data/DataLoader.h"

#include <algorithm>
#include <cmath>
#include <functional>

#include "MessageText.h"
#include "data/CsvLoader.h"
#include "data/DataDescription.h"
#include "data/DigitsLoader.h"
#include "data/Features.h"
#include "data/GanTargets.h"
#include "data/ImageSources.h"
#include "data/PlaneGenerators.h"
#include "data/ResourcePath.h"
#include "data/SineGenerator.h"
#include "data/TextLoader.h"
#include "data/TrainTestSplit.h"

namespace nnplay {

namespace {

constexpr int kMinSamples = 2;
constexpr int kMaxSamples = 100000;
constexpr double kMaxNoise = 0.5;

std::string sourceList(const std::function<bool(const SourceInfo&)>& keep) {
    std::string names;
    for (const auto& s : dataSources()) {
        if (keep(s)) names += (names.empty() ? "" : ", ") + s.name;
    }
    return names;
}

/// The split seed is derived from the data seed so shuffling does not replay the numbers that
/// drew the points.
std::uint32_t splitSeed(std::uint32_t seed) { return seed * 2654435761u + 0x9E3779B9u; }

/// Keeps the first spec.trainSamples samples of split.train (all for 0).
void keepTrainSamples(const DataSpec& spec, DataSplit& split) {
    const int have = split.train.sampleCount();
    if (spec.trainSamples <= 0 || spec.trainSamples == have) return;
    if (spec.trainSamples > have)
        throw InputError("data.train_samples asks for " + std::to_string(spec.trainSamples) +
                         " training samples, but the training part holds only " +
                         std::to_string(have) + " (use at most that many, or 0 for all of them)");
    std::vector<int> first(static_cast<std::size_t>(spec.trainSamples));
    for (int i = 0; i < spec.trainSamples; ++i) first[static_cast<std::size_t>(i)] = i;
    split.train = selectSamples(split.train, first);
}

/// Cuts the validation part from split.train, then keeps spec.trainSamples of what remains.
void cutValidation(const DataSpec& spec, DataSplit& split) {
    if (spec.validationFraction > 0.0) {
        const Dataset trainAll = std::move(split.train);
        splitTrainTest(trainAll, 1.0 - spec.validationFraction, splitSeed(splitSeed(spec.seed)),
                       split.train, split.validation);
    }
    keepTrainSamples(spec, split);
}

/// Cuts train and test (with exactly trainPerGroup[g] samples of group g for training when
/// given), then the validation part from the training part.
void splitInto(const Dataset& all, const DataSpec& spec, DataSplit& split,
               const std::vector<int>& trainPerGroup = {}) {
    if (trainPerGroup.empty())
        splitTrainTest(all, spec.trainFraction, splitSeed(spec.seed), split.train, split.test);
    else
        splitTrainTestByGroup(all, trainPerGroup, splitSeed(spec.seed), split.train, split.test);
    cutValidation(spec, split);
}

/// How many samples of groups A and B the training part of groups data holds: group B at
/// spec.minorityShare (rounded). The test part is half each (A takes an odd one), so accuracy
/// per group is measured on equal footing.
std::vector<int> groupTrainCounts(const DataSpec& spec) {
    const int trainCount = trainSampleCount(spec.samples, spec.trainFraction);
    const int trainB = static_cast<int>(std::lround(trainCount * spec.minorityShare.value_or(0.5)));
    return {trainCount - trainB, trainB};
}

DataSplit loadPlane(const DataSpec& spec, Task task) {
    DataSplit split;
    PlaneBalance balance;
    if (spec.positiveShare)
        balance.positives = positiveSampleCount(spec.samples, *spec.positiveShare);
    const bool groups = spec.source == "groups";
    const std::vector<int> trainPerGroup = groups ? groupTrainCounts(spec) : std::vector<int>{};
    if (groups) {
        const int testCount = spec.samples - trainPerGroup[0] - trainPerGroup[1];
        balance.groupB = trainPerGroup[1] + testCount / 2;
    }
    Dataset all = generatePlaneData(spec.source, spec.samples, spec.noise, spec.seed, balance);
    derivePlaneFeatures(all.points, spec.features, all.inputs);
    splitInto(all, spec, split, trainPerGroup);
    split.info = describeData(spec, task, {});
    return split;
}

}  // namespace

const SourceInfo* findSource(const std::string& name) {
    const auto& sources = dataSources();
    const auto it = std::find_if(sources.begin(), sources.end(),
                                 [&](const SourceInfo& s) { return s.name == name; });
    return it == sources.end() ? nullptr : &*it;
}

const std::vector<SourceInfo>& dataSources() {
    static const std::vector<SourceInfo> sources{
        // name, display name, short name, task, plane, any task, generated, sequence, files
        {"circle", "Circle", "Circle", Task::Classification, true, false, true},
        {"xor", "Exclusive or", "XOR", Task::Classification, true, false, true},
        {"gaussian", "Gaussian", "Gauss", Task::Classification, true, false, true},
        {"spiral", "Spiral", "Spiral", Task::Classification, true, false, true},
        {"moons", "Moons", "Moons", Task::Classification, true, false, true},
        {"groups", "Two groups of people", "Groups", Task::Classification, true, false, true},
        {"plane", "Plane", "Plane", Task::Regression, true, false, true},
        {"multigauss", "Hills of Gaussians", "Hills", Task::Regression, true, false, true},
        {"digits", "Digits 8x8", "Digits", Task::Classification, false},
        {"csv", "CSV file", "CSV", Task::Classification, false, true, false, false, true},
        {"fashion-mnist", "Fashion-MNIST 28x28", "Fashion", Task::Classification, false},
        {"sine", "Sine waves", "Sine", Task::Regression, false, false, true, true},
        {"text", "Text file", "Text", Task::Classification, false, false, false, true, true},
        {"idx", "IDX image files", "IDX", Task::Classification, false, false, false, false, true},
        {"image_folder", "Folder of images", "Images", Task::Classification, false, false, false,
         false, true},
    };
    return sources;
}

void checkDataBalance(const DataSpec& spec) {
    if (spec.positiveShare) {
        const double share = *spec.positiveShare;
        if (!isBinaryPlaneSource(spec.source))
            throw InputError(
                "the share of positive samples (data.positive_share) can be set for "
                "the two-class 2-D data (circle, xor, gaussian, spiral, moons), not "
                "for " +
                quoteForMessage(spec.source));
        if (!(share > 0.0 && share < 1.0))
            throw InputError(
                "the share of positive samples (data.positive_share) must be between "
                "0 and 1 (both excluded), not " +
                numberForMessage(share));
    }
    if (spec.minorityShare) {
        const double share = *spec.minorityShare;
        if (spec.source != "groups")
            throw InputError(
                "the share of group B in the training data (data.minority_share) "
                "belongs to the 'groups' data, not to " +
                quoteForMessage(spec.source));
        if (!(share >= 0.0 && share <= 1.0))
            throw InputError(
                "the share of group B in the training data (data.minority_share) "
                "must be from 0 to 1, not " +
                numberForMessage(share));
    }
}

void dropForeignBalance(DataSpec& spec) {
    if (!isBinaryPlaneSource(spec.source)) spec.positiveShare.reset();
    if (spec.source != "groups") spec.minorityShare.reset();
}

void checkDataSpec(const DataSpec& spec, Task task) {
    if (task == Task::Gan) {
        checkGanTarget(spec);
        return;
    }
    const SourceInfo* source = findSource(spec.source);
    if (source == nullptr) {
        throw InputError("unknown data source '" + spec.source +
                         "' (known: " + sourceList([](const SourceInfo&) { return true; }) + ")");
    }
    if (!source->anyTask && source->task != task) {
        throw InputError("the " + source->displayName + " data is for " + toString(source->task) +
                         ", not " + toString(task) + "; for " + toString(task) +
                         " pick one of: " + sourceList([&](const SourceInfo& s) {
                             return s.anyTask || s.task == task;
                         }));
    }
    if (!(spec.trainFraction > 0.0 && spec.trainFraction < 1.0)) {
        throw InputError("the training fraction must be between 0 and 1 (both excluded), not " +
                         numberForMessage(spec.trainFraction));
    }
    if (!(spec.validationFraction >= 0.0 && spec.validationFraction < 1.0)) {
        throw InputError(
            "the validation fraction must be from 0 (no validation part) to below 1, "
            "not " +
            numberForMessage(spec.validationFraction));
    }
    if (spec.trainSamples < 0)
        throw InputError("data.train_samples must be 0 (all training samples) or more, not " +
                         std::to_string(spec.trainSamples));
    if (source->isPlane) {
        if (spec.samples < kMinSamples || spec.samples > kMaxSamples) {
            throw InputError("the number of samples must be from " + std::to_string(kMinSamples) +
                             " to " + std::to_string(kMaxSamples) + ", not " +
                             std::to_string(spec.samples));
        }
        if (!(spec.noise >= 0.0 && spec.noise <= kMaxNoise)) {
            throw InputError("the noise must be from 0 to " + numberForMessage(kMaxNoise) +
                             ", not " + numberForMessage(spec.noise));
        }
        checkPlaneFeatures(spec.features);
    }
    checkDataBalance(spec);
    checkImageDataSpec(spec);
    if (spec.source == "sine") checkSineSpec(spec);
    if (spec.source == "text") checkTextSpec(spec);
    if (spec.source == "csv") {
        if (spec.path.empty() && spec.csvText.empty())
            throw InputError("no CSV file chosen for the data");
        if (spec.label.empty()) throw InputError("no label column named for the CSV data");
    }
    if (spec.standardizeTarget && (spec.source != "csv" || task != Task::Regression))
        throw InputError("standardize_target applies to CSV data for regression only");
}

DataSplit loadData(const DataSpec& spec, Task task, const std::string& baseDir) {
    if (task == Task::Gan) return loadGanTarget(spec, baseDir);
    checkDataSpec(spec, task);
    const SourceInfo& source = *findSource(spec.source);
    if (source.isPlane) return loadPlane(spec, task);

    DataSplit split;
    Dataset all;
    Dataset givenTest;  // the test part of a source that has its own
    std::string file;
    if (isImageSource(spec.source)) {
        file = spec.source;
        all = loadImageData(spec, baseDir, split.info, givenTest);
    } else if (spec.source == "digits") {
        file = resourcePath("digits.csv.gz");
        all = loadDigits(file, split.info);
    } else if (spec.source == "sine") {
        file = "the sine data";
        all = generateSineData(spec);
        split.info = sineDataInfo(spec);
    } else if (spec.source == "text") {
        const CharacterText text = readTextSource(spec, baseDir);
        file = text.name;
        all = makeTextWindows(text, spec.sequenceLength, spec.stride);
        split.info = textDataInfo(text, spec.sequenceLength, spec.stride);
    } else {
        const CsvTable table = readCsvSource(spec, baseDir);
        file = table.fileName();
        all = loadCsvData(table, spec.label, task, split.info);
    }
    if (all.sampleCount() < kMinSamples) {
        throw InputError(file + ": the data has only " + std::to_string(all.sampleCount()) +
                         " sample; at least " + std::to_string(kMinSamples) +
                         " are needed to train and test");
    }
    if (givenTest.sampleCount() > 0) {
        split.train = std::move(all);
        split.test = std::move(givenTest);
        cutValidation(spec, split);
    } else {
        splitInto(all, spec, split);
    }
    if (spec.source == "csv" && spec.standardize) {
        split.standardizer.fit(split.train.inputs);
        split.standardizer.apply(split.train.inputs);
        if (split.validation.sampleCount() > 0) split.standardizer.apply(split.validation.inputs);
        split.standardizer.apply(split.test.inputs);
    }
    if (spec.standardizeTarget) {
        split.info.targetRange.reset();  // as describeData says: in other units now
        split.targetStandardizer.fit(split.train.targets);
        split.targetStandardizer.apply(split.train.targets);
        if (split.validation.sampleCount() > 0)
            split.targetStandardizer.apply(split.validation.targets);
        split.targetStandardizer.apply(split.test.targets);
    }
    return split;
}

}  // namespace nnplay
