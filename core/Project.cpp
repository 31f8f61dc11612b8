// SPDX-License-Identifier: GPL-3.0-or-later
#include "Project.h"

#include <set>

namespace nnplay {

NetworkSpec* Project::findNetwork(const std::string& name) {
    for (NamedNetwork& n : networks) {
        if (n.name == name) return &n.spec;
    }
    return nullptr;
}

const NetworkSpec* Project::findNetwork(const std::string& name) const {
    return const_cast<Project*>(this)->findNetwork(name);
}

int Project::freshLayerId() const {
    std::set<int> used;
    for (const NamedNetwork& n : networks)
        for (const LayerSpec& layer : n.spec.layers) used.insert(layer.id);
    return nnplay::freshLayerId(used);
}

Project Project::defaultProject() {
    Project p;
    p.task = Task::Classification;
    p.data.source = "circle";
    p.data.samples = 500;
    p.data.noise = 0.1;
    p.data.trainFraction = 0.5;
    p.data.seed = 1;
    p.data.features = {"x1", "x2"};
    p.network() = NetworkSpec::multilayer({4, 2, 1}, "tanh", "sigmoid");
    p.training.loss = LossKind::Bce;
    p.training.optimizer.kind = "adam";
    p.training.optimizer.learningRate = 0.03f;
    p.training.batchSize = 10;
    p.training.epochs = 200;
    return p;
}

Project Project::defaultGanProject() {
    Project p;
    p.task = Task::Gan;
    p.data.source = "ring";
    p.data.samples = 2000;
    p.data.seed = 1;
    NetworkSpec generator = NetworkSpec::multilayer({32, 2}, "relu", "");
    NetworkSpec discriminator = NetworkSpec::multilayer({32, 1}, "relu", "sigmoid");
    // One id space for both networks.
    int id = 0;
    for (NetworkSpec* net : {&generator, &discriminator})
        for (LayerSpec& layer : net->layers) layer.id = ++id;
    p.networks = {{kGenerator, generator}, {kDiscriminator, discriminator}};
    return p;
}

}  // namespace nnplay
