// SPDX-License-Identifier: GPL-3.0-or-later
#include "data/GanTargets.h"

#include <algorithm>
#include <cmath>
#include <numbers>

#include "MessageText.h"
#include "Random.h"
#include "data/CsvTable.h"
#include "data/DataDescription.h"
#include "data/DigitsLoader.h"
#include "data/FashionMnist.h"
#include "data/PlaneGenerators.h"
#include "data/ResourcePath.h"
#include "data/TrainTestSplit.h"

namespace nnplay {

namespace {

constexpr int kClasses = 10;

/// The ring: 8 Gaussians on a circle of this radius, each this wide (neighbours lie 3.06
/// apart, six standard deviations, so 3-sigma discs of neighbours just touch).
constexpr float kRingRadius = 4.0f;
constexpr float kRingSigma = 0.5f;
/// The grid: 5x5 Gaussians this far apart, each this wide.
constexpr float kGridSpacing = 2.0f;
constexpr float kGridSigma = 0.2f;
/// The noise the moons and spiral generators draw with (DataSpec::noise's scale).
constexpr double kMoonsNoise = 0.1;
constexpr double kSpiralNoise = 0.3;

std::vector<std::string> planeFeatureNames() { return {"x1", "x2"}; }

/// Samples of a mixture: a mode chosen uniformly, then a Gaussian around its centre.
void drawMixture(const std::vector<GanMode>& modes, Random& rng, Matrix& points) {
    for (Eigen::Index i = 0; i < points.cols(); ++i) {
        const GanMode& m = modes[rng.below(static_cast<std::uint32_t>(modes.size()))];
        const double variance = static_cast<double>(m.sigma) * m.sigma;
        points(0, i) = static_cast<float>(rng.normal(m.x, variance));
        points(1, i) = static_cast<float>(rng.normal(m.y, variance));
    }
}

/// Uniform along the segment from (-4, -3) to (4, 3), moved by Gaussian noise of deviation 0.1.
void drawLine(Random& rng, Matrix& points) {
    for (Eigen::Index i = 0; i < points.cols(); ++i) {
        const double t = rng.uniform();
        points(0, i) = static_cast<float>(-4.0 + 8.0 * t + rng.normal(0.0, 0.01));
        points(1, i) = static_cast<float>(-3.0 + 6.0 * t + rng.normal(0.0, 0.01));
    }
}

/// Uniform in three disjoint regions of equal weight: a tall rectangle on the left, a wide one
/// at the top right and a disc of radius 1.5 around (1.5, -3).
void drawRegions(Random& rng, Matrix& points) {
    for (Eigen::Index i = 0; i < points.cols(); ++i) {
        double x = 0.0, y = 0.0;
        switch (rng.below(3)) {
            case 0:
                x = rng.uniform(-5.0, -3.0);
                y = rng.uniform(-2.0, 5.0);
                break;
            case 1:
                x = rng.uniform(-1.0, 5.0);
                y = rng.uniform(2.0, 4.5);
                break;
            default: {
                const double r = 1.5 * std::sqrt(rng.uniform());
                const double angle = rng.uniform(0.0, 2.0 * std::numbers::pi);
                x = 1.5 + r * std::cos(angle);
                y = -3.0 + r * std::sin(angle);
            }
        }
        points(0, i) = static_cast<float>(x);
        points(1, i) = static_cast<float>(y);
    }
}

/// A header and two numeric columns, every value inside the plane.
Matrix readCsvPoints(const DataSpec& spec, const std::string& baseDir) {
    const CsvTable table = readCsvSource(spec, baseDir);
    if (table.columnCount() != 2)
        throw InputError(table.fileName() + ": a GAN's CSV data needs exactly 2 columns (x1 and " +
                         "x2 of each point), but the file has " +
                         std::to_string(table.columnCount()));
    Matrix points(2, static_cast<Eigen::Index>(table.rows().size()));
    for (std::size_t r = 0; r < table.rows().size(); ++r) {
        const CsvTable::Record& record = table.rows()[r];
        for (int c = 0; c < 2; ++c) {
            const std::string& cell = record.cells[static_cast<std::size_t>(c)];
            float v = 0.0f;
            if (!parseCsvNumber(cell, v))
                throw InputError(table.where(record.line, c + 1) + ": " + whyNotACsvNumber(cell));
            if (std::abs(v) > kPlaneExtent)
                throw InputError(table.where(record.line, c + 1) + ": " + numberForMessage(v) +
                                 " lies outside the plot (from -" + numberForMessage(kPlaneExtent) +
                                 " to " + numberForMessage(kPlaneExtent) + "); rescale the data");
            points(c, static_cast<Eigen::Index>(r)) = v;
        }
    }
    return points;
}

/// The images of one class (all when `only` is empty), as one column each.
Dataset keepClass(const Dataset& all, const std::optional<int>& only) {
    if (!only) return all;
    std::vector<int> indices;
    for (int i = 0; i < all.sampleCount(); ++i)
        if (all.labels[static_cast<std::size_t>(i)] == *only) indices.push_back(i);
    return selectSamples(all, indices);
}

void checkClass(const std::optional<int>& value, const std::string& key) {
    if (value && (*value < 0 || *value >= kClasses))
        throw InputError("data." + key + " must be from 0 to " + std::to_string(kClasses - 1) +
                         ", not " + std::to_string(*value));
}

}  // namespace

bool insidePlane(float x, float y) {
    return std::abs(x) <= kPlaneExtent && std::abs(y) <= kPlaneExtent;
}

const std::vector<GanTargetInfo>& ganTargets() {
    static const std::vector<GanTargetInfo> targets{
        {"ring", "Ring of 8 Gaussians", true, false},
        {"grid", "Grid of 5x5 Gaussians", true, false},
        {"line", "Line", true, false},
        {"moons", "Two moons", true, false},
        {"spiral", "Spiral", true, false},
        {"regions", "Three disjoint regions", true, false},
        {"csv", "CSV file of points", false, false},
        {"points", "Points drawn by hand", false, false},
        {"digits", "Digits 8x8", false, true},
        {"fashion-mnist", "Fashion-MNIST 28x28", false, true},
    };
    return targets;
}

const GanTargetInfo* findGanTarget(const std::string& name) {
    const auto& targets = ganTargets();
    const auto it = std::find_if(targets.begin(), targets.end(),
                                 [&](const GanTargetInfo& t) { return t.name == name; });
    return it == targets.end() ? nullptr : &*it;
}

std::vector<GanMode> ganTargetModes(const std::string& source) {
    std::vector<GanMode> modes;
    if (source == "ring") {
        for (int k = 0; k < 8; ++k) {
            const double angle = 2.0 * std::numbers::pi * k / 8.0;
            modes.push_back({static_cast<float>(kRingRadius * std::cos(angle)),
                             static_cast<float>(kRingRadius * std::sin(angle)), kRingSigma});
        }
    } else if (source == "grid") {
        for (int row = -2; row <= 2; ++row)
            for (int col = -2; col <= 2; ++col)
                modes.push_back({col * kGridSpacing, row * kGridSpacing, kGridSigma});
    }
    return modes;
}

Shape ganTargetShape(const DataSpec& spec) {
    const GanTargetInfo* target = findGanTarget(spec.source);
    if (target == nullptr) {
        std::string names;
        for (const GanTargetInfo& t : ganTargets()) names += (names.empty() ? "" : ", ") + t.name;
        throw InputError("data.source " + quoteForMessage(spec.source) +
                         " is not a GAN target (known: " + names + ")");
    }
    if (spec.source == "digits") return digitsDataInfo().inputShape;
    if (spec.source == "fashion-mnist") return fashionMnistDataInfo().inputShape;
    return Shape::flat(2);
}

std::vector<std::string> ganSampleColumns(const DataSpec& spec) {
    const Shape shape = ganTargetShape(spec);
    if (!findGanTarget(spec.source)->image) return planeFeatureNames();
    std::vector<std::string> columns;
    for (int r = 0; r < shape.height; ++r)
        for (int c = 0; c < shape.width; ++c)
            columns.push_back("pixel_" + std::to_string(r) + "_" + std::to_string(c));
    return columns;
}

void checkGanTarget(const DataSpec& spec) {
    ganTargetShape(spec);
    const GanTargetInfo& target = *findGanTarget(spec.source);
    const auto belongs = [&](bool present, const std::string& key, const std::string& owner) {
        if (present && spec.source != owner)
            throw InputError("data." + key + " belongs to the " + owner + " target, not to " +
                             quoteForMessage(spec.source));
    };
    belongs(spec.digit.has_value(), "digit", "digits");
    belongs(spec.imageClass.has_value(), "class", "fashion-mnist");
    belongs(spec.trainLimit > 0, "train_limit", "fashion-mnist");
    belongs(!spec.points.empty(), "points", "points");
    checkClass(spec.digit, "digit");
    checkClass(spec.imageClass, "class");
    if (target.generated && (spec.samples < kGanMinSamples || spec.samples > kGanMaxSamples))
        throw InputError("data.samples must be from " + std::to_string(kGanMinSamples) + " to " +
                         std::to_string(kGanMaxSamples) + ", not " + std::to_string(spec.samples));
    if (spec.source == "csv" && spec.path.empty() && spec.csvText.empty())
        throw InputError("data.path (or data.csv_text) is needed when data.source is \"csv\"");
    if (spec.source == "points") {
        if (spec.points.size() < static_cast<std::size_t>(kGanMinSamples))
            throw InputError("data.points needs at least " + std::to_string(kGanMinSamples) +
                             " points to learn from, not " + std::to_string(spec.points.size()));
        if (spec.points.size() > static_cast<std::size_t>(kGanMaxSamples))
            throw InputError("data.points holds " + std::to_string(spec.points.size()) +
                             " points; at most " + std::to_string(kGanMaxSamples) + " are allowed");
        for (std::size_t i = 0; i < spec.points.size(); ++i)
            if (!insidePlane(spec.points[i][0], spec.points[i][1]))
                throw InputError("data.points[" + std::to_string(i) +
                                 "] lies outside the plot (each value from -" +
                                 numberForMessage(kPlaneExtent) + " to " +
                                 numberForMessage(kPlaneExtent) + ")");
    }
}

DataInfo describeGanTarget(const DataSpec& spec) {
    checkGanTarget(spec);
    DataInfo info;
    if (spec.source == "digits") info = digitsDataInfo();
    if (spec.source == "fashion-mnist") info = fashionMnistDataInfo();
    if (!findGanTarget(spec.source)->image) {
        info.featureNames = planeFeatureNames();
        info.isPlane = true;
    }
    info.task = Task::Gan;
    info.inputShape = ganTargetShape(spec);
    info.classNames.clear();
    return info;
}

DataSplit loadGanTarget(const DataSpec& spec, const std::string& baseDir) {
    checkGanTarget(spec);
    DataSplit split;
    DataInfo unusedInfo;
    Dataset& real = split.train;
    const std::string& source = spec.source;
    if (source == "digits" || source == "fashion-mnist") {
        Dataset all;
        if (source == "digits") {
            all = loadDigits(resourcePath("digits.csv.gz"), unusedInfo);
        } else {
            Dataset unusedTest;
            all = loadFashionMnist(spec.trainLimit, 1, unusedTest, unusedInfo);
        }
        real = keepClass(all, source == "digits" ? spec.digit : spec.imageClass);
        real.labels.clear();
    } else {
        Matrix& points = real.points;
        Random rng(spec.seed);
        if (source == "moons" || source == "spiral") {
            const double noise = source == "moons" ? kMoonsNoise : kSpiralNoise;
            points = generatePlaneData(source, spec.samples, noise, spec.seed).points;
        } else if (source == "csv") {
            points = readCsvPoints(spec, baseDir);
        } else if (source == "points") {
            points.resize(2, static_cast<Eigen::Index>(spec.points.size()));
            for (std::size_t i = 0; i < spec.points.size(); ++i)
                points.col(static_cast<Eigen::Index>(i)) << spec.points[i][0], spec.points[i][1];
        } else {
            points.resize(2, spec.samples);
            if (source == "line") drawLine(rng, points);
            if (source == "regions") drawRegions(rng, points);
            if (source == "ring" || source == "grid")
                drawMixture(ganTargetModes(source), rng, points);
        }
        real.inputs = points;
    }
    if (real.sampleCount() < kGanMinSamples)
        throw InputError("the " + findGanTarget(source)->displayName + " target has only " +
                         std::to_string(real.sampleCount()) + " sample; at least " +
                         std::to_string(kGanMinSamples) + " are needed");
    split.info = describeGanTarget(spec);
    return split;
}

}  // namespace nnplay
