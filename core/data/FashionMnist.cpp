// SPDX-License-Identifier: GPL-3.0-or-later
#include "data/FashionMnist.h"

#include <filesystem>
#include <mutex>

#include "data/IdxImageLoader.h"
#include "data/ImageSources.h"

namespace nnplay {

namespace {

constexpr const char* kDefaultDir = "/usr/share/datasets/fashion-mnist";
constexpr int kSide = 28;

std::mutex& dirMutex() {
    static std::mutex mutex;
    return mutex;
}

std::string& configuredDir() {
    static std::string dir;
    return dir;
}

std::string filePath(const char* name) {
    return (std::filesystem::path(fashionMnistDir()) / name).string();
}

const char* const kFiles[] = {"train-images-idx3-ubyte.gz", "train-labels-idx1-ubyte.gz",
                              "t10k-images-idx3-ubyte.gz", "t10k-labels-idx1-ubyte.gz"};

/// Images and labels of one part, checked for Fashion-MNIST's shape and classes.
Dataset readPart(const char* images, const char* labels, int limit) {
    Shape shape;
    Dataset part = readIdxImages(filePath(images), filePath(labels), limit > 0 ? limit : -1, shape);
    if (!(shape == Shape{1, kSide, kSide}))
        throw InputError(filePath(images) + ": Fashion-MNIST images are 28x28 pixels, these are " +
                         std::to_string(shape.height) + "x" + std::to_string(shape.width));
    const auto classes = static_cast<int>(fashionMnistClassNames().size());
    for (std::size_t i = 0; i < part.labels.size(); ++i) {
        if (part.labels[i] >= classes)
            throw InputError(filePath(labels) + ": label " + std::to_string(part.labels[i]) +
                             " of item " + std::to_string(i) +
                             " is out of range (Fashion-MNIST's classes are 0 to 9)");
    }
    return part;
}

}  // namespace

std::string fashionMnistDir() {
    std::lock_guard lock(dirMutex());
    return configuredDir().empty() ? kDefaultDir : configuredDir();
}

void setFashionMnistDir(const std::string& dir) {
    std::lock_guard lock(dirMutex());
    configuredDir() = dir;
}

const std::vector<std::string>& fashionMnistClassNames() {
    static const std::vector<std::string> names{"T-shirt/top", "Trouser",   "Pullover", "Dress",
                                                "Coat",        "Sandal",    "Shirt",    "Sneaker",
                                                "Bag",         "Ankle boot"};
    return names;
}

void checkFashionMnistInstalled() {
    for (const char* name : kFiles) {
        const std::string path = filePath(name);
        std::error_code error;
        if (!std::filesystem::is_regular_file(path, error))
            throw InputError("the Fashion-MNIST data is not installed (" + path +
                             " is missing); install Debian's package with: sudo apt-get "
                             "install dataset-fashion-mnist");
    }
}

Dataset loadFashionMnist(int trainLimit, int testLimit, Dataset& test, DataInfo& info) {
    checkFashionMnistInstalled();
    Dataset train = readPart(kFiles[0], kFiles[1], trainLimit);
    test = readPart(kFiles[2], kFiles[3], testLimit);
    info = fashionMnistDataInfo();
    return train;
}

DataInfo fashionMnistDataInfo() {
    return imageDataInfo(Shape{1, kSide, kSide}, fashionMnistClassNames());
}

}  // namespace nnplay
