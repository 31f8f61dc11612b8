// SPDX-License-Identifier: GPL-3.0-or-later
#include "data/ImageSources.h"

#include <algorithm>
#include <array>

#include "data/DataDescription.h"
#include "data/FashionMnist.h"
#include "data/IdxImageLoader.h"
#include "data/ImageDecoder.h"
#include "data/ImageFolderLoader.h"

namespace nnplay {

namespace {

void checkLimit(int limit, const char* key) {
    if (limit < 0)
        throw InputError(std::string("data.") + key +
                         " must be at least 1 (leave it out to use every image), not " +
                         std::to_string(limit));
}

void checkIdxSpec(const DataSpec& spec) {
    if (spec.images.empty() || spec.labels.empty())
        throw InputError(
            "the idx data needs two files: data.images (the images) and data.labels (their "
            "labels)");
    if (spec.testImages.empty() != spec.testLabels.empty())
        throw InputError(
            "the idx data's test part needs both data.test_images and data.test_labels (or "
            "neither, to split data.images by train_fraction)");
}

/// The classes of idx data: the label values of the training labels, in order.
std::vector<int> idxClassValues(const std::vector<int>& labels, const std::string& file) {
    std::array<bool, 256> seen{};
    for (const int label : labels) seen[static_cast<std::size_t>(label)] = true;
    std::vector<int> values;
    for (int v = 0; v < 256; ++v)
        if (seen[static_cast<std::size_t>(v)]) values.push_back(v);
    if (values.size() < 2)
        throw InputError(file + ": every label is " + std::to_string(values.front()) +
                         "; classification needs at least two classes");
    return values;
}

std::vector<std::string> idxClassNames(const std::vector<int>& values) {
    std::vector<std::string> names;
    for (const int v : values) names.push_back(std::to_string(v));
    return names;
}

/// Label values to class indices; a value no training label has is an error naming the file.
void mapIdxLabels(std::vector<int>& labels, const std::vector<int>& values,
                  const std::string& file) {
    std::array<int, 256> index;
    index.fill(-1);
    for (std::size_t i = 0; i < values.size(); ++i)
        index[static_cast<std::size_t>(values[i])] = static_cast<int>(i);
    for (std::size_t i = 0; i < labels.size(); ++i) {
        const int mapped = index[static_cast<std::size_t>(labels[i])];
        if (mapped < 0)
            throw InputError(
                file + ": label " + std::to_string(labels[i]) + " of item " + std::to_string(i) +
                " is out of range: no training image has it (training labels: " +
                std::to_string(values.front()) + " to " + std::to_string(values.back()) + ")");
        labels[i] = mapped;
    }
}

void checkSameShape(const Shape& test, const Shape& train, const std::string& testFile) {
    if (!(test == train))
        throw InputError(testFile + ": the test images are " + std::to_string(test.height) + "x" +
                         std::to_string(test.width) + " pixels, the training images " +
                         std::to_string(train.height) + "x" + std::to_string(train.width));
}

Dataset loadIdx(const DataSpec& spec, const std::string& baseDir, DataInfo& info, Dataset& test) {
    const std::string labels = resolveDataPath(spec.labels, baseDir);
    Shape shape;
    Dataset train = readIdxImages(resolveDataPath(spec.images, baseDir), labels, -1, shape);
    const std::vector<int> values = idxClassValues(train.labels, labels);
    mapIdxLabels(train.labels, values, labels);
    if (!spec.testImages.empty()) {
        const std::string testImages = resolveDataPath(spec.testImages, baseDir);
        const std::string testLabels = resolveDataPath(spec.testLabels, baseDir);
        Shape testShape;
        test = readIdxImages(testImages, testLabels, -1, testShape);
        checkSameShape(testShape, shape, testImages);
        mapIdxLabels(test.labels, values, testLabels);
    }
    info = imageDataInfo(shape, idxClassNames(values));
    return train;
}

DataInfo describeIdx(const DataSpec& spec, const std::string& baseDir) {
    const Shape shape = readIdxImageShape(resolveDataPath(spec.images, baseDir));
    const std::string labels = resolveDataPath(spec.labels, baseDir);
    const std::vector<int> values = idxClassValues(readIdxLabels(labels), labels);
    if (!spec.testImages.empty()) {
        const std::string testImages = resolveDataPath(spec.testImages, baseDir);
        checkSameShape(readIdxImageShape(testImages), shape, testImages);
    }
    return imageDataInfo(shape, idxClassNames(values));
}

void checkImageFolderSpec(const DataSpec& spec) {
    if (spec.path.empty())
        throw InputError(
            "the image_folder data needs data.path: a folder with one subfolder of PNG or JPEG "
            "images per class");
    if (spec.imageChannels != 1 && spec.imageChannels != 3)
        throw InputError(
            "data.channels of the image_folder data must be 1 (grey) or 3 (colour), "
            "not " +
            std::to_string(spec.imageChannels));
    if (spec.imageSize < kMinImageSide || spec.imageSize > kMaxImageSide)
        throw InputError(
            "data.size of the image_folder data (the side images are resized to) "
            "must be from " +
            std::to_string(kMinImageSide) + " to " + std::to_string(kMaxImageSide) +
            " pixels, not " + std::to_string(spec.imageSize));
}

Shape imageFolderShape(const DataSpec& spec) {
    return Shape{spec.imageChannels, spec.imageSize, spec.imageSize};
}

Dataset loadImageFolder(const DataSpec& spec, const std::string& baseDir, DataInfo& info,
                        Dataset& test) {
    const ImageFolderListing train = listImageFolder(resolveDataPath(spec.path, baseDir));
    if (!spec.testPath.empty()) {
        const ImageFolderListing testListing =
            listImageFolder(resolveDataPath(spec.testPath, baseDir));
        checkSameClasses(testListing, train);
        test = readImageFolder(testListing, spec.imageSize, spec.imageChannels);
    }
    info = imageDataInfo(imageFolderShape(spec), train.classNames);
    return readImageFolder(train, spec.imageSize, spec.imageChannels);
}

DataInfo describeImageFolder(const DataSpec& spec, const std::string& baseDir) {
    const ImageFolderListing train = listImageFolder(resolveDataPath(spec.path, baseDir));
    if (!spec.testPath.empty())
        checkSameClasses(listImageFolder(resolveDataPath(spec.testPath, baseDir)), train);
    return imageDataInfo(imageFolderShape(spec), train.classNames);
}

}  // namespace

bool isImageSource(const std::string& source) {
    return source == "fashion-mnist" || source == "idx" || source == "image_folder";
}

void checkImageDataSpec(const DataSpec& spec) {
    if (spec.source == "fashion-mnist") {
        checkLimit(spec.trainLimit, "train_limit");
        checkLimit(spec.testLimit, "test_limit");
    } else if (spec.source == "idx") {
        checkIdxSpec(spec);
    } else if (spec.source == "image_folder") {
        checkImageFolderSpec(spec);
    }
}

Dataset loadImageData(const DataSpec& spec, const std::string& baseDir, DataInfo& info,
                      Dataset& test) {
    if (spec.source == "idx") return loadIdx(spec, baseDir, info, test);
    if (spec.source == "image_folder") return loadImageFolder(spec, baseDir, info, test);
    return loadFashionMnist(spec.trainLimit, spec.testLimit, test, info);
}

DataInfo describeImageData(const DataSpec& spec, const std::string& baseDir) {
    if (spec.source == "idx") return describeIdx(spec, baseDir);
    if (spec.source == "image_folder") return describeImageFolder(spec, baseDir);
    checkFashionMnistInstalled();
    return fashionMnistDataInfo();
}

DataInfo imageDataInfo(const Shape& shape, std::vector<std::string> classNames) {
    DataInfo info;
    info.task = Task::Classification;
    info.inputShape = shape;
    info.imageShape = shape;
    static const char* const kChannelNames[] = {"red", "green", "blue"};
    info.featureNames.reserve(static_cast<std::size_t>(shape.size()));
    for (int c = 0; c < shape.channels; ++c) {
        const std::string channel = shape.channels == 3   ? kChannelNames[c]
                                    : shape.channels == 1 ? "pixel"
                                                          : "channel " + std::to_string(c + 1);
        for (int r = 0; r < shape.height; ++r)
            for (int col = 0; col < shape.width; ++col)
                info.featureNames.push_back(channel + " " + std::to_string(r) + "," +
                                            std::to_string(col));
    }
    info.classNames = std::move(classNames);
    return info;
}

}  // namespace nnplay
