// SPDX-License-Identifier: GPL-3.0-or-later
// The trained members of an ensemble after the first: "ensemble_members".

#include "io/ProjectSections.h"
#include "layers/LayerRegistry.h"

namespace nnplay::ProjectFile::sections {

using namespace fields;

std::vector<Project::MemberParams> readEnsembleMembers(const json& j, const NetworkSpec& network) {
    if (!j.is_array()) throw InputError("ensemble_members must be a list of members");
    const LayerRegistry& registry = LayerRegistry::builtin();
    std::vector<Project::MemberParams> members;
    for (const json& m : j) {
        // Member 1 is the network itself: the list starts at member 2.
        const std::string where = "ensemble_members[" + std::to_string(members.size()) + "]";
        requireObject(m, where);
        checkKeys(m, where, {"layers"});
        if (!m.contains("layers") || !m.at("layers").is_array())
            throw InputError(where + ".layers must be a list of layers");
        Project::MemberParams member;
        for (const json& l : m.at("layers")) {
            const std::string at = where + ".layers[" + std::to_string(member.size()) + "]";
            requireObject(l, at);
            const int id = integer(l, "id", at, 0);
            const int index = network.indexOf(id);
            if (index < 0)
                throw InputError(at + " names layer id " + std::to_string(id) +
                                 ", which the network does not have");
            const LayerSpec& layer = network.layers[static_cast<std::size_t>(index)];
            const LayerInfo& info = registry.get(layer.type);
            std::set<std::string> allowed{"id"};
            for (const ParamInfo& p : info.params) allowed.insert(p.name);
            checkKeys(l, at + " (" + layer.type + ")", allowed);
            std::vector<Matrix> params;
            for (std::size_t i = 0; i < info.params.size(); ++i) {
                const ParamInfo& p = info.params[i];
                if (!l.contains(p.name)) throw InputError(at + " has no \"" + p.name + "\"");
                params.push_back(
                    readMatrix(l.at(p.name), at + "." + p.name, p.storage == ParamStorage::List));
                const Matrix& read = params.back();
                if (i < layer.params.size() && (read.rows() != layer.params[i].rows() ||
                                                read.cols() != layer.params[i].cols()))
                    throw InputError(at + "." + p.name + " is " + std::to_string(read.rows()) +
                                     " x " + std::to_string(read.cols()) +
                                     ", but the network's layer has " +
                                     std::to_string(layer.params[i].rows()) + " x " +
                                     std::to_string(layer.params[i].cols()));
            }
            if (!member.emplace(id, std::move(params)).second)
                throw InputError(at + " repeats layer id " + std::to_string(id));
        }
        members.push_back(std::move(member));
    }
    return members;
}

json writeEnsembleMembers(const std::vector<Project::MemberParams>& members,
                          const NetworkSpec& network) {
    const LayerRegistry& registry = LayerRegistry::builtin();
    json list = json::array();
    for (const Project::MemberParams& member : members) {
        json layers = json::array();
        for (const LayerSpec& layer : network.layers) {
            const auto found = member.find(layer.id);
            if (found == member.end()) continue;
            const LayerInfo& info = registry.get(layer.type);
            json l{{"id", layer.id}};
            for (std::size_t i = 0; i < found->second.size() && i < info.params.size(); ++i)
                l[info.params[i].name] =
                    writeMatrix(found->second[i], info.params[i].storage == ParamStorage::List);
            layers.push_back(std::move(l));
        }
        list.push_back(json{{"layers", std::move(layers)}});
    }
    return list;
}

}  // namespace nnplay::ProjectFile::sections
