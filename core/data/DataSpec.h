// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace nnplay {

/// Where the samples come from: the "data" object of a project file.
struct DataSpec {
    /// "circle", "xor", "gaussian", "spiral", "moons", "groups", "plane", "multigauss", "digits",
    /// "csv", "sine", "text" or an image source (ImageSources.h); for a GAN one of its targets
    /// (GanTargets.h).
    std::string source = "circle";
    int samples = 500;   ///< generators (2-D and "sine") only
    double noise = 0.0;  ///< generators only: 0..0.5 as in Playground's slider / 100
    /// The two-class 2-D generators but "groups" (isBinaryPlaneSource): the share of class-1
    /// ("positive") samples, drawn exactly (rounded, at least one of each class); empty: the
    /// generator's own balance.
    std::optional<double> positiveShare;
    /// "groups" only: the share of group B in the training part (before validation is cut
    /// from it); the test part is half A, half B. Empty: 0.5.
    std::optional<double> minorityShare;
    double trainFraction = 0.5;
    /// Share of the training part held out for validation (early stopping watches it): 0 for
    /// none, below 1. Drawn with a seed derived from `seed`.
    double validationFraction = 0.0;
    /// Keep only the first trainSamples samples of the training part after the split (and
    /// after the validation part is cut from it); 0 for all of them. A learning curve sweeps it.
    int trainSamples = 0;
    std::uint32_t seed = 1;
    /// Derived input features for 2-D sources (see Features.h). Ignored for other sources.
    std::vector<std::string> features{"x1", "x2"};
    /// CSV only: file path (relative to the project file), label column, standardise inputs
    /// ("text" and "image_folder" read `path` too).
    /// With csvText, the path only says where the data came from.
    std::string path;
    /// CSV only: the CSV file's text kept inside the project, read instead of `path` when not
    /// empty, so the project works on any machine. At most kMaxCsvTextBytes.
    std::string csvText;
    std::string label = "label";
    bool standardize = false;
    /// CSV regression only: standardise the target (predictions are mapped back).
    bool standardizeTarget = false;

    /// fashion-mnist only: use the first trainLimit training and testLimit test images of the
    /// package's own split; 0 for all of them.
    int trainLimit = 0;
    int testLimit = 0;
    /// "sine" and "text": time steps of one sample (a window of the series or the text).
    int sequenceLength = 20;
    /// "sine": each sample's frequency (cycles per step) and phase (cycles) are drawn uniformly
    /// from these ranges; the sample predicts the `horizon` values after its window.
    double frequencyMin = 0.02;
    double frequencyMax = 0.1;
    double phaseMin = 0.0;
    double phaseMax = 1.0;
    int horizon = 1;
    /// "text": characters from one window's start to the next; at most the first `maxChars`
    /// characters of the file are used (empty: all of them).
    int stride = 1;
    std::optional<int> maxChars;
    /// idx only: the images and labels files (relative to the project file, plain or gzip);
    /// the test pair is optional (both or neither), else trainFraction splits.
    std::string images;
    std::string labels;
    std::string testImages;
    std::string testLabels;
    /// image_folder only: `path` is a folder with one subfolder of PNG or JPEG files per class;
    /// each image is resized to imageSize x imageSize pixels of imageChannels (1 grey, 3 colour).
    /// testPath, when set, is a folder with the same class subfolders holding the test images;
    /// else trainFraction splits.
    int imageSize = 28;
    int imageChannels = 1;
    std::string testPath;

    /// GAN "points" target: the points drawn by hand, (x1, x2) each, inside the plane.
    std::vector<std::array<float, 2>> points;
    /// GAN "digits" target: only this digit (0..9); empty: all ten.
    std::optional<int> digit;
    /// GAN "fashion-mnist" target: only this class (0..9, as fashionMnistClassNames()); empty:
    /// all ten.
    std::optional<int> imageClass;

    bool operator==(const DataSpec&) const = default;

    /// The most CSV text a project may keep inside itself.
    static constexpr std::size_t kMaxCsvTextBytes = 32u << 20;
};

}  // namespace nnplay
