// SPDX-License-Identifier: GPL-3.0-or-later
#include "train/LayerTransfer.h"

#include <set>

#include "Types.h"
#include "layers/LayerRegistry.h"

namespace nnplay {

namespace {

const NetworkSpec& networkOf(const Project& project, const std::string& name, const char* which) {
    const NetworkSpec* spec = name.empty() ? &project.network() : project.findNetwork(name);
    if (!spec)
        throw InputError(std::string("The ") + which + " project has no network '" + name + "'");
    return *spec;
}

}  // namespace

std::vector<TransferableLayer> transferableLayers(const Project& source,
                                                  const std::string& network) {
    const NetworkSpec& spec = networkOf(source, network, "source");
    const LayerRegistry& registry = LayerRegistry::builtin();
    std::vector<TransferableLayer> out;
    for (std::size_t i = 0; i < spec.layers.size(); ++i) {
        const LayerSpec& layer = spec.layers[i];
        const LayerInfo* info = registry.find(layer.type);
        TransferableLayer entry;
        entry.name = describeLayer(spec, static_cast<int>(i));
        entry.summary = info && info->summary ? info->summary(layer) : std::string();
        entry.hasWeights = info && info->hasWeights();
        entry.trained = !layer.params.empty();
        for (const Matrix& m : layer.params) entry.storedValues += m.size();
        entry.frozen = !layer.trainable;
        out.push_back(std::move(entry));
    }
    return out;
}

void dropLearnedWeights(NetworkSpec& spec) {
    for (LayerSpec& layer : spec.layers)
        if (layer.trainable) layer.params.clear();
}

LayerTransfer transferLayers(const Project& source, const Project& target,
                             const LayerTransferRequest& request, const Shape& input) {
    const NetworkSpec& from = networkOf(source, request.sourceNetwork, "source");
    const NetworkSpec& into = networkOf(target, request.targetNetwork, "current");
    const int sourceCount = static_cast<int>(from.layers.size());
    const int targetCount = static_cast<int>(into.layers.size());
    if (request.count <= 0 || request.first < 0 || request.first + request.count > sourceCount)
        throw InputError("Choose layers 1 to " + std::to_string(sourceCount) +
                         " of the source network");
    if (request.replace < 0 || request.replace > targetCount)
        throw InputError("The current network has only " + std::to_string(targetCount) +
                         " layers to replace");

    std::set<int> used;
    for (const NamedNetwork& named : target.networks)
        for (const LayerSpec& layer : named.spec.layers) used.insert(layer.id);

    LayerTransfer result;
    for (int i = 0; i < request.count; ++i) {
        LayerSpec layer = from.layers[static_cast<std::size_t>(request.first + i)];
        layer.id = freshLayerId(used);
        used.insert(layer.id);
        if (request.freeze) layer.trainable = false;
        result.network.layers.push_back(std::move(layer));
    }
    for (int i = request.replace; i < targetCount; ++i) {
        LayerSpec layer = into.layers[static_cast<std::size_t>(i)];
        layer.params.clear();
        result.network.layers.push_back(std::move(layer));
    }

    // Stored weights that do not fit the new input start fresh, one layer at a time (a layer's
    // fresh weights can make the next one's input known).
    for (;;) {
        const ShapeReport report = inferShapes(result.network, input);
        if (report.ok()) break;
        const int bad = report.errorLayer;
        LayerSpec* layer = bad >= 0 && bad < request.count
                               ? &result.network.layers[static_cast<std::size_t>(bad)]
                               : nullptr;
        if (!layer || layer->params.empty()) throw InputError(report.error);
        LayerSpec fresh = *layer;
        fresh.params.clear();
        NetworkSpec probe = result.network;
        probe.layers[static_cast<std::size_t>(bad)] = fresh;
        const ShapeReport again = inferShapes(probe, input);
        if (!again.ok() && again.errorLayer == bad) throw InputError(again.error);
        const std::string why = report.layers[static_cast<std::size_t>(bad)].error;
        result.notes.push_back(describeLayer(result.network, bad) + " " + why +
                               ": its weights were trained on other data and start fresh");
        fresh.trainable = true;
        *layer = std::move(fresh);
        result.reinitialised.push_back(bad);
    }
    return result;
}

}  // namespace nnplay
