// SPDX-License-Identifier: GPL-3.0-or-later
#include "train/AugmentationSpec.h"

#include "data/ImageSources.h"
#include "data/PlaneGenerators.h"

namespace nnplay {

AugmentedData augmentedDataOf(const std::string& source) {
    if (source == "digits" || isImageSource(source)) return AugmentedData::Images;
    if (isPlaneSource(source)) return AugmentedData::Points;
    return AugmentedData::None;
}

bool flipMayChangeClass(const std::string& source) { return source == "digits" || source == "idx"; }

}  // namespace nnplay
