// SPDX-License-Identifier: GPL-3.0-or-later
#include "data/ImageSources.h"

#include "data/FashionMnist.h"

namespace nnplay {

namespace {

void checkLimit(int limit, const char* key, const DataSpec& spec) {
    if (limit == 0) return;
    if (spec.source != "fashion-mnist")
        throw InputError(std::string("data.") + key +
                         " belongs to the fashion-mnist data, not to '" + spec.source + "'");
    if (limit < 0)
        throw InputError(std::string("data.") + key +
                         " must be at least 1 (leave it out to use every image), not " +
                         std::to_string(limit));
}

}  // namespace

bool isImageSource(const std::string& source) { return source == "fashion-mnist"; }

void checkImageDataSpec(const DataSpec& spec) {
    checkLimit(spec.trainLimit, "train_limit", spec);
    checkLimit(spec.testLimit, "test_limit", spec);
}

Dataset loadImageData(const DataSpec& spec, const std::string& /*baseDir*/, DataInfo& info,
                      Dataset& test) {
    return loadFashionMnist(spec.trainLimit, spec.testLimit, test, info);
}

DataInfo describeImageData(const DataSpec& /*spec*/, const std::string& /*baseDir*/) {
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
