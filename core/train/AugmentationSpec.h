// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <string>

namespace nnplay {

/// Random changes made to every training mini-batch (never to validation or test samples): the
/// "augmentation" object of a project file's "training" section. Every field's default is off.
struct AugmentationSpec {
    /// Images: each sample moves by a whole number of pixels from -shift to +shift in x and in
    /// y, drawn uniformly; pixels moved in are 0 (background).
    int shift = 0;
    /// Images: each sample turns about its centre by an angle drawn uniformly from -rotation to
    /// +rotation degrees, read back with bilinear interpolation.
    float rotation = 0.0f;
    /// Images: Gaussian noise of this standard deviation (pixel units, 0..1 for digits) is added
    /// to every pixel.
    float noise = 0.0f;
    /// Images: each sample is mirrored left to right with probability 0.5.
    bool flip = false;
    /// 2-D points: Gaussian noise of this standard deviation is added to the raw (x1, x2) of each
    /// sample, and the derived features (x1², sin(x1), ...) are computed from the moved point.
    float jitter = 0.0f;

    /// The largest values the settings may take (SettingsCheck).
    static constexpr int kMaxShift = 8;
    static constexpr float kMaxRotation = 45.0f;
    static constexpr float kMaxNoise = 1.0f;
    static constexpr float kMaxJitter = 2.0f;

    /// Any image change asked for.
    bool changesImages() const { return shift > 0 || rotation > 0.0f || noise > 0.0f || flip; }
    /// Point jitter asked for.
    bool changesPoints() const { return jitter > 0.0f; }
    bool active() const { return changesImages() || changesPoints(); }
    bool operator==(const AugmentationSpec&) const = default;
};

/// Which augmentation settings a data source takes.
enum class AugmentedData {
    None,    ///< CSV tables, sequences (sine, text): no augmentation
    Images,  ///< digits and the image sources (ImageSources.h): shift, rotation, noise, flip
    Points,  ///< the 2-D generators (PlaneGenerators.h): jitter
};

/// What `source` (DataSpec::source) takes. The session's check, the training panel and the
/// preview ask this one function.
AugmentedData augmentedDataOf(const std::string& source);

/// Whether mirroring the samples of `source` may turn them into other things: digits (a
/// mirrored 2 is no 2) and idx files (MNIST's handwritten digits). The panel warns then.
bool flipMayChangeClass(const std::string& source);

}  // namespace nnplay
