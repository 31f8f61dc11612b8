// SPDX-License-Identifier: GPL-3.0-or-later
#include "data/ImageFolderLoader.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>

#include "MessageText.h"
#include "data/ImageDecoder.h"

namespace nnplay {

namespace fs = std::filesystem;

namespace {

/// The largest image file read.
constexpr std::uintmax_t kMaxImageFileBytes = 64u << 20;

bool isImageFile(const fs::path& path) {
    std::string ext = path.extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return ext == ".png" || ext == ".jpg" || ext == ".jpeg";
}

bool isHidden(const fs::path& path) {
    const std::string name = path.filename().string();
    return !name.empty() && name[0] == '.';
}

std::string readBytes(const std::string& path) {
    std::error_code error;
    const std::uintmax_t size = fs::file_size(path, error);
    if (error) throw InputError(path + ": cannot be read (" + error.message() + ")");
    if (size > kMaxImageFileBytes)
        throw InputError(path + ": the file has " + std::to_string(size >> 20) +
                         " MiB, more than an image nnplay reads (" +
                         std::to_string(kMaxImageFileBytes >> 20) + " MiB)");
    std::ifstream in(path, std::ios::binary);
    if (!in) throw InputError(path + ": cannot be opened");
    std::string bytes(static_cast<std::size_t>(size), '\0');
    in.read(bytes.data(), static_cast<std::streamsize>(size));
    if (in.gcount() != static_cast<std::streamsize>(size))
        throw InputError(path + ": could not be read to its end");
    return bytes;
}

std::string classList(const std::vector<std::string>& names) {
    std::string list;
    for (const std::string& n : names) list += (list.empty() ? "" : ", ") + quoteForMessage(n);
    return list;
}

}  // namespace

long long ImageFolderListing::imageCount() const {
    long long count = 0;
    for (const auto& f : files) count += static_cast<long long>(f.size());
    return count;
}

ImageFolderListing listImageFolder(const std::string& folder) {
    std::error_code error;
    const fs::file_status status = fs::status(folder, error);
    if (!fs::exists(status))
        throw InputError(folder + ": there is no such folder (the image_folder data's path)");
    if (!fs::is_directory(status))
        throw InputError(folder +
                         ": is a file, not a folder; the image_folder data needs a folder with "
                         "one subfolder of images per class");
    ImageFolderListing listing;
    listing.folder = folder;
    std::vector<fs::path> classDirs;
    for (fs::directory_iterator it(folder, error), end; !error && it != end; it.increment(error))
        if (!isHidden(it->path()) && it->is_directory(error)) classDirs.push_back(it->path());
    if (error) throw InputError(folder + ": cannot be listed (" + error.message() + ")");
    std::sort(classDirs.begin(), classDirs.end());
    if (classDirs.empty())
        throw InputError(folder +
                         ": has no class subfolders; put the images of each class in a "
                         "subfolder named after the class (for example cats/ and dogs/)");
    if (classDirs.size() < 2)
        throw InputError(folder + ": has only one class subfolder, " +
                         quoteForMessage(classDirs.front().filename().string()) +
                         "; classification needs at least two classes");
    for (const fs::path& dir : classDirs) {
        std::vector<std::string> images;
        for (fs::directory_iterator it(dir, error), end; !error && it != end; it.increment(error))
            if (!isHidden(it->path()) && isImageFile(it->path()) && it->is_regular_file(error))
                images.push_back(it->path().string());
        if (error) throw InputError(dir.string() + ": cannot be listed (" + error.message() + ")");
        if (images.empty())
            throw InputError(dir.string() +
                             ": the class folder holds no PNG or JPEG images (.png, .jpg, .jpeg)");
        std::sort(images.begin(), images.end());
        listing.classNames.push_back(dir.filename().string());
        listing.files.push_back(std::move(images));
    }
    return listing;
}

void checkSameClasses(const ImageFolderListing& test, const ImageFolderListing& train) {
    if (test.classNames == train.classNames) return;
    std::vector<std::string> missing, extra;
    std::set_difference(train.classNames.begin(), train.classNames.end(), test.classNames.begin(),
                        test.classNames.end(), std::back_inserter(missing));
    std::set_difference(test.classNames.begin(), test.classNames.end(), train.classNames.begin(),
                        train.classNames.end(), std::back_inserter(extra));
    std::string message = test.folder + ": the test folder needs the class subfolders of " +
                          train.folder + " (" + classList(train.classNames) + ")";
    if (!missing.empty()) message += "; it lacks " + classList(missing);
    if (!extra.empty()) message += "; the training folder has no " + classList(extra);
    throw InputError(message);
}

Dataset readImageFolder(const ImageFolderListing& listing, int side, int channels) {
    const long long perImage = static_cast<long long>(channels) * side * side;
    const long long images = listing.imageCount();
    if (images * perImage > kMaxImageFolderValues)
        throw InputError(listing.folder + ": " + std::to_string(images) + " images of " +
                         std::to_string(channels) + "x" + std::to_string(side) + "x" +
                         std::to_string(side) + " would be " + std::to_string(images * perImage) +
                         " values, more than nnplay holds (" +
                         std::to_string(kMaxImageFolderValues) +
                         "); use a smaller size, one channel or fewer images");
    Dataset data;
    data.inputs.resize(perImage, images);
    data.labels.reserve(static_cast<std::size_t>(images));
    Eigen::Index column = 0;
    for (std::size_t c = 0; c < listing.files.size(); ++c)
        for (const std::string& file : listing.files[c]) {
            decodeImage(readBytes(file), file, side, channels, data.inputs.col(column).data());
            data.labels.push_back(static_cast<int>(c));
            ++column;
        }
    return data;
}

}  // namespace nnplay
