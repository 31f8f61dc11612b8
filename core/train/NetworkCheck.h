// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "NetworkSpec.h"
#include "Project.h"
#include "data/Dataset.h"
#include "loss/Loss.h"

namespace nnplay {

/// Shape inference plus what the data and the loss ask of the output: the number of outputs
/// (one or one per class for two classes, one per class otherwise, one per target for
/// regression) and the output activation the loss needs (sigmoid for bce, softmax for cce).
/// The editor shows the result; a session refuses a network that fails it.
ShapeReport checkNetwork(const NetworkSpec& spec, const DataInfo& data, LossKind loss);

/// The shape of what network `name` of `project` takes in: a GAN generator's noise
/// (noise.dim values), else one sample of the data (`dataInput`).
Shape networkInputShape(const Project& project, const std::string& name, const Shape& dataInput);

/// What shape inference says about both networks of a GAN project.
struct GanShapeReports {
    ShapeReport generator;
    ShapeReport discriminator;

    bool ok() const { return generator.ok() && discriminator.ok(); }
    /// The first problem, naming the network (the file's key); empty when both fit.
    std::string error() const;
};

/// Shape inference for a GAN: the generator from noise.dim inputs to one sample of the data
/// (as many values as ganTargetShape gives), the discriminator from one sample to 1 output that
/// is a logit or a sigmoid (not a softmax or a tanh). Throws InputError only for a data source
/// that is not a GAN target.
GanShapeReports checkGanNetworks(const Project& project);

}  // namespace nnplay
