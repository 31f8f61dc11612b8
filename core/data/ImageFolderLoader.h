// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <string>
#include <vector>

#include "data/Dataset.h"

namespace nnplay {

/// The most input values (images x channels x side x side) the image_folder data may hold:
/// 200 MB of floats.
inline constexpr long long kMaxImageFolderValues = 50'000'000;

/// The files of an image folder in the Keras and torchvision layout: one subfolder per class,
/// named after it, holding its PNG and JPEG files (.png, .jpg, .jpeg in any case; other files and
/// hidden entries are ignored).
struct ImageFolderListing {
    std::string folder;                           ///< the folder, for messages
    std::vector<std::string> classNames;          ///< the subfolders' names, sorted
    std::vector<std::vector<std::string>> files;  ///< per class, its image files' paths, sorted

    long long imageCount() const;
};

/// Lists `folder`. Throws InputError naming the folder when it does not exist or is not a
/// folder, has fewer than two class subfolders, or a class subfolder holds no image.
ImageFolderListing listImageFolder(const std::string& folder);

/// Checks that a test folder has the training folder's classes (the same subfolders). Throws
/// InputError naming the test folder and the classes that differ.
void checkSameClasses(const ImageFolderListing& test, const ImageFolderListing& train);

/// Decodes every image of `listing` (decodeImage) into one column each: inputs
/// channels*side*side x images in 0..1, labels the class index of each image's subfolder.
/// Throws InputError when the images would hold more than kMaxImageFolderValues values, or
/// naming the first file that cannot be decoded.
Dataset readImageFolder(const ImageFolderListing& listing, int side, int channels);

}  // namespace nnplay
