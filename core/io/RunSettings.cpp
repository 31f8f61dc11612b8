// SPDX-License-Identifier: GPL-3.0-or-later
#include "io/RunSettings.h"

#include <nlohmann/json.hpp>

#include <map>

#include "io/ProjectFile.h"

namespace nnplay::RunSettings {

using json = nlohmann::ordered_json;

namespace {

constexpr const char* kNone = "—";

/// A layer in one line: its type and settings ("dense units=32").
std::string layerText(const json& layer) {
    std::string text = layer.value("type", "?");
    for (const auto& [key, value] : layer.items())
        if (key != "type") text += " " + key + "=" + value.dump();
    return text;
}

void flatten(const json& j, const std::string& path, std::vector<std::string>& order,
             std::map<std::string, std::string>& values) {
    auto put = [&](const std::string& key, std::string value) {
        if (values.emplace(key, std::move(value)).second) order.push_back(key);
    };
    if (j.is_object()) {
        for (const auto& [key, value] : j.items())
            flatten(value, path.empty() ? key : path + "." + key, order, values);
    } else if (j.is_array() && !j.empty() && j.front().is_object()) {
        for (std::size_t i = 0; i < j.size(); ++i)
            flatten(j[i], path + "[" + std::to_string(i) + "]", order, values);
    } else {
        put(path, j.dump());
    }
}

json parsed(const std::string& text) {
    if (text.empty()) return json::object();
    json j = json::parse(text, nullptr, false);
    return j.is_object() ? j : json::object();
}

/// The layer lists of every network whose length differs between the two: each becomes one
/// value (the layers in a line each), so one inserted layer is one difference, not one per
/// later layer.
void joinUnequalNetworks(json& a, json& b) {
    for (const char* network : {"network", "generator", "discriminator"}) {
        if (!a.contains(network) || !b.contains(network)) continue;
        json& la = a[network]["layers"];
        json& lb = b[network]["layers"];
        if (!la.is_array() || !lb.is_array() || la.size() == lb.size()) continue;
        for (json* layers : {&la, &lb}) {
            std::string text;
            for (const json& layer : *layers) text += (text.empty() ? "" : ", ") + layerText(layer);
            *layers = text;
        }
    }
}

}  // namespace

std::string of(const Project& project) {
    Project settings;
    settings.task = project.task;
    settings.data = project.data;
    settings.data.csvText.clear();
    settings.networks = project.networks;
    for (NamedNetwork& network : settings.networks)
        for (LayerSpec& layer : network.spec.layers) layer.params.clear();
    settings.training = project.training;
    settings.gan = project.gan;
    json j = json::parse(ProjectFile::serialize(settings));
    for (const char* key : {"format", "version", "title"}) j.erase(key);
    for (const char* network : {"network", "generator", "discriminator"})
        if (j.contains(network))
            for (json& layer : j[network]["layers"]) layer.erase("id");
    return j.dump();
}

std::vector<Difference> differences(const std::string& first, const std::string& second) {
    json a = parsed(first), b = parsed(second);
    joinUnequalNetworks(a, b);
    std::vector<std::string> order;
    std::map<std::string, std::string> va, vb;
    flatten(a, "", order, va);
    std::vector<std::string> secondOrder;
    flatten(b, "", secondOrder, vb);
    for (const std::string& key : secondOrder)
        if (!va.count(key)) order.push_back(key);
    std::vector<Difference> out;
    for (const std::string& key : order) {
        const auto ia = va.find(key), ib = vb.find(key);
        const std::string x = ia == va.end() ? kNone : ia->second;
        const std::string y = ib == vb.end() ? kNone : ib->second;
        if (x != y) out.push_back({key, x, y});
    }
    return out;
}

}  // namespace nnplay::RunSettings
