// SPDX-License-Identifier: GPL-3.0-or-later
#include "data/IdxImageLoader.h"

#include <Eigen/Core>
#include <limits>

#include "data/IdxReader.h"

namespace nnplay {

namespace {

constexpr int kUnsignedByte = 0x08;

void checkImages(const IdxHeader& h, const std::string& path) {
    if (h.type != kUnsignedByte)
        throw InputError(path + ": the images are of IDX type " + std::to_string(h.type) +
                         "; nnplay reads images of unsigned bytes (type 0x08, as MNIST's)");
    if (h.dims.size() != 3)
        throw InputError(path + ": images must have 3 dimensions (count x rows x columns), but " +
                         "this file has " + std::to_string(h.dims.size()) + " (" + h.dimsText() +
                         "); is it a labels file?");
    if (h.itemCount() == 0) throw InputError(path + ": the file holds no images");
    if (h.dims[1] == 0 || h.dims[2] == 0 ||
        h.dims[1] * h.dims[2] > std::numeric_limits<int>::max() / 4)
        throw InputError(path + ": images of " + std::to_string(h.dims[1]) + " x " +
                         std::to_string(h.dims[2]) + " pixels cannot be read");
}

void checkLabels(const IdxHeader& h, const std::string& path) {
    if (h.type != kUnsignedByte)
        throw InputError(path + ": the labels are of IDX type " + std::to_string(h.type) +
                         "; nnplay reads labels of unsigned bytes (type 0x08, as MNIST's)");
    if (h.dims.size() != 1)
        throw InputError(path + ": labels must be a list (1 dimension), but this file has " +
                         std::to_string(h.dims.size()) + " (" + h.dimsText() +
                         "); is it an images file?");
}

}  // namespace

Shape readIdxImageShape(const std::string& imagesPath, std::int64_t* count) {
    const IdxHeader h = IdxReader::readHeader(imagesPath);
    checkImages(h, imagesPath);
    if (count) *count = h.itemCount();
    return Shape{1, static_cast<int>(h.dims[1]), static_cast<int>(h.dims[2])};
}

std::vector<int> readIdxLabels(const std::string& labelsPath) {
    const IdxArray labels = IdxReader::readFile(labelsPath);
    checkLabels(labels.header, labelsPath);
    return std::vector<int>(labels.values.begin(), labels.values.end());
}

Dataset readIdxImages(const std::string& imagesPath, const std::string& labelsPath,
                      std::int64_t maxItems, Shape& shape) {
    // Labels first: small, and a mismatch in counts is found before the images are decoded.
    const IdxArray labels = IdxReader::readFile(labelsPath, maxItems);
    checkLabels(labels.header, labelsPath);
    const IdxHeader imagesHeader = IdxReader::readHeader(imagesPath);
    checkImages(imagesHeader, imagesPath);
    if (imagesHeader.itemCount() != labels.header.itemCount())
        throw InputError(labelsPath + " holds " + std::to_string(labels.header.itemCount()) +
                         " labels, but " + imagesPath + " holds " +
                         std::to_string(imagesHeader.itemCount()) +
                         " images; every image needs one label");
    const IdxArray images = IdxReader::readFile(imagesPath, maxItems);
    checkImages(images.header, imagesPath);
    if (images.header.dims != imagesHeader.dims)
        throw InputError(imagesPath + ": the file changed while it was read");

    shape =
        Shape{1, static_cast<int>(images.header.dims[1]), static_cast<int>(images.header.dims[2])};
    Dataset data;
    const auto items = static_cast<Eigen::Index>(images.items);
    data.inputs.resize(shape.size(), items);
    // One pass: IDX stores image after image, row by row, as the columns of `inputs` are.
    const Eigen::Map<const Eigen::Array<std::uint8_t, Eigen::Dynamic, 1>> pixels(
        images.values.data(), static_cast<Eigen::Index>(images.values.size()));
    Eigen::Map<Eigen::ArrayXf>(data.inputs.data(), data.inputs.size()) =
        pixels.cast<float>() / 255.0f;
    data.labels.assign(labels.values.begin(), labels.values.begin() + items);
    return data;
}

}  // namespace nnplay
