// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QImage>
#include <vector>

#include "Types.h"
#include "data/Dataset.h"

namespace nnplay::ui {

/// Small pictures of an image GAN's matrices (one sample per column), for the Samples tab and
/// the slow motion: the samples themselves, the noise they come from and the gradients on
/// their pixels. Each takes the first `count` columns at most.
class GanPictures {
public:
    /// Samples (pixels 0..1) in SamplePicture's ink on white, on the data's 0..1 scale, so a
    /// washed-out sample looks washed out instead of stretched; first channel only. Empty when
    /// the rows are not info's image.
    static std::vector<QImage> samples(const nnplay::DataInfo& info, const nnplay::Matrix& samples,
                                       int count);
    /// Noise vectors as near-square pictures, one pixel per value, row by row (16 values: 4x4),
    /// in the diverging colours (DivergingColorMap) scaled to the largest |value| of all.
    static std::vector<QImage> noise(const nnplay::Matrix& noise, int count);
    /// Per-pixel gradients, negated (the way the generator moves each pixel), as pictures of
    /// info's image in the diverging colours: blue where the pixel gains ink, orange where it
    /// loses some, each scaled to its own largest |value| and drawn by the square root of
    /// that share (where, not how much).
    static std::vector<QImage> moves(const nnplay::DataInfo& info, const nnplay::Matrix& gradients,
                                     int count);
};

}  // namespace nnplay::ui
