// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <string>

#include "NetworkSpec.h"
#include "Project.h"
#include "train/Session.h"

namespace nnplay::cli {

/// The progress line of a GAN's history row: "step 100  d_loss 1.2345  g_loss 0.6789  js
/// 0.1234  modes 8/8" (js for 2-D data, modes for mixtures); a value that is not a number
/// reads "-".
std::string ganProgressLine(const History& history, std::size_t row);

/// Trains a GAN session `steps` more steps, printing a line per history row (with a progress
/// bar on a terminal) unless `quiet`. Stops early when the session stops.
void trainGanSteps(Session& session, long long steps, bool quiet);

/// nnplay-cli validate for a GAN project: both networks' shape tables. Returns the exit code.
int validateGan(const Project& project, const std::string& path);

/// nnplay-cli generate for a GAN project: `count` samples from noise drawn with `seed`, one a
/// row of CSV text with a header (x1,x2 for 2-D data; the pixels row by row for images).
std::string generateGanSamples(const Project& project, const std::string& baseDir, int count,
                               std::uint32_t seed);
/// The same for given noise (noise.dim x n): the samples of its columns.
std::string generateGanSamples(const Project& project, const std::string& baseDir,
                               const Matrix& noise);

/// The noise of a CSV file for generate --noise: one sample a row, `dim` numbers each (a first
/// row without any number is a header). Returns dim x rows. Throws InputError naming the file
/// for another number of columns, and its line and column for a cell that is not a number.
Matrix readNoiseRows(const std::string& path, int dim);

/// The table of layers, output shapes and parameter counts validate prints for one network,
/// each problem marked at its layer.
void printShapeTable(const NetworkSpec& network, const Shape& input, const ShapeReport& report);

}  // namespace nnplay::cli
