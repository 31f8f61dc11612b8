// SPDX-License-Identifier: GPL-3.0-or-later
#include "Project.h"

namespace nnplay {

Project Project::defaultProject() {
    Project p;
    p.task = Task::Classification;
    p.data.source = "circle";
    p.data.samples = 500;
    p.data.noise = 0.1;
    p.data.trainFraction = 0.5;
    p.data.seed = 1;
    p.data.features = {"x1", "x2"};
    int id = 1;
    auto add = [&](const std::string& type, double units = 0) {
        LayerSpec layer;
        layer.id = id++;
        layer.type = type;
        if (units > 0) layer.settings["units"] = units;
        p.network.layers.push_back(layer);
    };
    add("dense", 4);
    add("tanh");
    add("dense", 2);
    add("tanh");
    add("dense", 1);
    add("sigmoid");
    p.training.loss = LossKind::Bce;
    p.training.optimizer.kind = "adam";
    p.training.optimizer.learningRate = 0.03f;
    p.training.batchSize = 10;
    p.training.epochs = 200;
    return p;
}

}  // namespace nnplay
