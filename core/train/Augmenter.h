// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "Random.h"
#include "Shape.h"
#include "Types.h"
#include "data/Dataset.h"
#include "train/AugmentationSpec.h"

namespace nnplay {

/// Makes the randomly changed copies of training samples that a mini-batch trains on
/// (AugmentationSpec): images moved, turned, mirrored and noised, or 2-D points jittered before
/// their derived features are computed. Its own random stream, seeded once, makes a run repeat
/// exactly. Buffers are sized in the constructor: augmenting allocates nothing.
class Augmenter {
public:
    /// `info` says what a sample is: a picture of info.imageShape, or (info.isPlane) a point
    /// whose network inputs are the derived `features` (DataSpec::features). The settings that
    /// do not apply to the data are ignored (checkAugmentationFits refuses them earlier).
    Augmenter(const AugmentationSpec& spec, const DataInfo& info,
              const std::vector<std::string>& features, std::uint32_t seed);

    /// New settings, keeping the random stream where it is (a change while paused).
    void setSpec(const AugmentationSpec& spec) { m_spec = spec; }
    const AugmentationSpec& spec() const { return m_spec; }
    /// Whether augment() changes anything for this data.
    bool active() const;

    /// Writes the augmented network input of sample `sample` of `set` into `out` (one column of
    /// set.inputs' height): from set.inputs for images, from set.points for 2-D data.
    void augment(const Dataset& set, int sample, Eigen::Ref<Vector> out);
    /// One picture (info.imageShape, channel by channel, row by row) augmented into `out` (same
    /// size; not overlapping `in`).
    void augmentImage(const Eigen::Ref<const Vector>& in, Eigen::Ref<Vector> out);
    /// One raw point with the jitter added.
    std::array<float, 2> jitterPoint(float x1, float x2);

    /// A geometric change of a picture: mirrored left to right first, then turned by `degrees`
    /// about its centre, then moved by (dx, dy) pixels (x to the right, y down).
    struct Move {
        int dx = 0;
        int dy = 0;
        float degrees = 0.0f;
        bool flip = false;
    };
    /// Resamples `in` into `out` (both shape.stepSize() values, not overlapping) under `move`,
    /// each channel alike: bilinear, 0 where the source falls outside the picture. Whole-pixel
    /// moves and flips without turning copy pixels exactly.
    static void moveImage(const float* in, const Shape& shape, const Move& move, float* out);

private:
    AugmentationSpec m_spec;
    Shape m_image;  // channels x height x width; 0 x 0 x 0 for data other than images
    bool m_plane = false;
    std::vector<std::string> m_features;
    Random m_rng;
    Matrix m_point;    // 2 x 1: the jittered point
    Matrix m_derived;  // features x 1: its derived features
};

}  // namespace nnplay
