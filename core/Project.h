// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstddef>
#include <map>
#include <string>
#include <vector>

#include "Lesson.h"
#include "NetworkSpec.h"
#include "data/DataSpec.h"
#include "data/Preprocessing.h"
#include "train/GanSpec.h"
#include "train/History.h"
#include "train/RunRecord.h"
#include "train/TrainingSpec.h"

namespace nnplay {

/// A network of a project with the name the file and the views know it by.
struct NamedNetwork {
    /// "model" for a classifier or regressor; a GAN names "generator" and "discriminator".
    std::string name;
    NetworkSpec spec;

    bool operator==(const NamedNetwork&) const = default;
};

/// Everything a .nnplay file holds: the document the editor edits.
struct Project {
    /// The name of the one network of a classification or regression project.
    static constexpr const char* kModel = "model";
    /// The names of a GAN project's two networks, in the order `networks` holds them.
    static constexpr const char* kGenerator = "generator";
    static constexpr const char* kDiscriminator = "discriminator";
    /// The longest title a file may hold, in characters.
    static constexpr std::size_t kMaxTitleLength = 200;

    /// A name for people ("Circle: a first classifier"): the window title and the Examples
    /// menu show it. Empty: the file name stands in. One line, at most kMaxTitleLength
    /// characters.
    std::string title;
    Task task = Task::Classification;
    DataSpec data;
    /// The project's networks, never empty. Layer ids are unique across all of them.
    std::vector<NamedNetwork> networks{{kModel, {}}};
    /// Classification and regression: how to train the model.
    TrainingSpec training;
    /// GAN: the noise and how to train the two networks.
    GanSpec gan;
    /// Per-epoch history of the trained weights stored in the networks (empty when untrained).
    History history;
    /// An ensemble's trained members after the first (which network() holds): per member, per
    /// layer id of network(), the layer's parameters in LayerSpec::params' layout. Read only
    /// where network() holds trained weights; empty for one network.
    using MemberParams = std::map<int, std::vector<Matrix>>;
    std::vector<MemberParams> ensembleMembers;
    /// What the trained weights learned from the training data besides themselves (empty when
    /// untrained, and in files written before it was stored).
    Preprocessing preprocessing;
    /// Finished runs kept for comparison, oldest first (at most RunRecord::kMaxRuns); the run
    /// of the stored weights is `history`.
    std::vector<RunRecord> runs;
    /// The teaching text and variants when the project is a lesson (empty otherwise).
    Lesson lesson;

    bool operator==(const Project&) const = default;

    /// The first network: the one a classification or regression project trains.
    NetworkSpec& network() { return networks.front().spec; }
    const NetworkSpec& network() const { return networks.front().spec; }
    /// The network with this name, or nullptr.
    NetworkSpec* findNetwork(const std::string& name);
    const NetworkSpec* findNetwork(const std::string& name) const;
    /// An id no layer of any network uses yet.
    int freshLayerId() const;

    /// Circle data, 2-4-2-1 tanh with a sigmoid output: what a new window opens with.
    static Project defaultProject();
    /// A 2-D GAN on the ring of 8 Gaussians: 2-D uniform noise, generator dense 32, relu,
    /// dense 2; discriminator dense 32, relu, dense 1, sigmoid; non-saturating loss, Adam at
    /// 0.001 for both, batches of 64.
    static Project defaultGanProject();
};

}  // namespace nnplay
