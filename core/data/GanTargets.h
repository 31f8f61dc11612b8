// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <string>
#include <vector>

#include "Shape.h"
#include "data/DataSpec.h"
#include "data/Dataset.h"

namespace nnplay {

/// A distribution a GAN learns to imitate: the "source" of a GAN project's data.
struct GanTargetInfo {
    std::string name;         ///< "ring"
    std::string displayName;  ///< "Ring of 8 Gaussians"
    /// Drawn from a seed: `samples` applies and a new seed draws new samples.
    bool generated = false;
    /// Samples are images (pixels 0..1), not points in the plane.
    bool image = false;
};
/// How many real samples a generated target draws (data.samples), and a drawn target holds.
inline constexpr int kGanMinSamples = 2;
inline constexpr int kGanMaxSamples = 100000;

/// Whether (x, y) lies inside the plane a 2-D target's samples must keep to (kPlaneExtent).
bool insidePlane(float x, float y);

/// ring, grid, line, moons, spiral, regions, csv, points, digits, fashion-mnist.
const std::vector<GanTargetInfo>& ganTargets();
/// The target of this name, or nullptr.
const GanTargetInfo* findGanTarget(const std::string& name);

/// One Gaussian of a mixture target: its centre and standard deviation (the same on both axes).
struct GanMode {
    float x = 0.0f;
    float y = 0.0f;
    float sigma = 0.0f;
};
/// The modes of a mixture target (ring: 8, grid: 25); empty for the other targets.
std::vector<GanMode> ganTargetModes(const std::string& source);

/// The shape of one sample of the target: 2 values for the targets in the plane, 1x8x8 for the
/// digits and 1x28x28 for Fashion-MNIST. Throws InputError for an unknown source.
Shape ganTargetShape(const DataSpec& spec);

/// The columns a GAN's samples are written with (nnplay-cli generate, the PyTorch export):
/// x1,x2 for a target in the plane, pixel_R_C row by row for images.
std::vector<std::string> ganSampleColumns(const DataSpec& spec);

/// Checks a GAN target's settings without reading or drawing anything: a known source, samples
/// from 2 to 100000 for the generated ones, a CSV path or text, at least 2 drawn points inside
/// the plane, digit and class from 0 to 9, and no setting that belongs to another target
/// (digit, class, points, train_limit). Throws InputError naming the key.
void checkGanTarget(const DataSpec& spec);

/// What loadGanTarget() puts in its info, without reading or drawing the samples.
DataInfo describeGanTarget(const DataSpec& spec);

/// The real samples of a GAN target, all in the training part (a GAN has no test part):
/// inputs 2 x n (points also in `points`) inside the plane of kPlaneExtent, or images with one
/// column per image on their pixel scale 0..1. Info: task Gan, the sample shape, isPlane or
/// imageShape, feature names. Reuses the 2-D generators (moons, spiral), the digits and
/// Fashion-MNIST loaders and the CSV reader (a header and two numeric columns, every value
/// inside the plane). Throws InputError naming the file, line and column of a bad CSV cell.
DataSplit loadGanTarget(const DataSpec& spec, const std::string& baseDir);

}  // namespace nnplay
