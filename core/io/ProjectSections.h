// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The sections of a project file that both kinds of project hold (core only, like JsonFields.h).

#include <set>
#include <string>

#include "NetworkSpec.h"
#include "Project.h"
#include "io/JsonFields.h"
#include "optim/Optimizer.h"
#include "train/AugmentationSpec.h"
#include "train/History.h"

namespace nnplay::ProjectFile::sections {

using fields::json;

/// Reads one network, the object under the project's key `name` ("network", "generator");
/// `ids` holds the ids of the networks read before (ids are unique in the whole project).
/// Layers without an id keep 0 until the whole project is read.
NetworkSpec readNetwork(const json& j, std::set<int>& ids, const std::string& name);
json writeNetwork(const NetworkSpec& network);

/// The optimizer keys of an object (`where` names it in messages): optimizer, learning_rate,
/// momentum, nesterov, rho, beta1, beta2, epsilon; the ones missing keep `o`'s values.
void readOptimizer(const json& j, const std::string& where, OptimizerSettings& o);
/// The keys of the optimizer's own kind besides "optimizer" and "learning_rate".
void writeOptimizerDetails(const OptimizerSettings& o, json& j);

/// A history: a list of records, each key a column; `indexColumn` ("epoch", "step") is a whole
/// number, zero or more, counted from 1 when a record leaves it out.
History readHistory(const json& j, const char* indexColumn);
json writeHistory(const History& history, const char* indexColumn);

/// The "augmentation" object of the training section (AugmentationSection.cpp): shift, rotation,
/// noise, flip and jitter, each off when missing. Checks keys and types; ranges are
/// checkAugmentationSpec's.
AugmentationSpec readAugmentation(const json& j, const std::string& where);
/// Only the settings that are on (an empty object when none is); writeTraining leaves the
/// object out then, so files without augmentation stay as they were.
json writeAugmentation(const AugmentationSpec& a);
/// An ensemble's members after the first (EnsembleSections.cpp): the "ensemble_members" list,
/// one object per member whose "layers" hold, per trained layer of `network`, its "id" and
/// its parameters under the names the network's layers use. Refuses ids the network does not
/// have and parameters of the wrong shape.
std::vector<Project::MemberParams> readEnsembleMembers(const json& j, const NetworkSpec& network);
json writeEnsembleMembers(const std::vector<Project::MemberParams>& members,
                          const NetworkSpec& network);

/// The parts of a GAN project (GanSections.cpp): data, noise, both networks, training and
/// history, from the project object `j` into `p`, whose task is already Gan. Checks keys and
/// values and that the networks fit the data (checkGanNetworks).
void readGanProject(const json& j, Project& p);
/// The same parts of `p` into `j`.
void writeGanProject(const Project& p, json& j);

}  // namespace nnplay::ProjectFile::sections
