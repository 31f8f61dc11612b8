// SPDX-License-Identifier: GPL-3.0-or-later
// The "augmentation" object of a project's training section.

#include "io/ProjectSections.h"

namespace nnplay::ProjectFile::sections {

using namespace fields;

AugmentationSpec readAugmentation(const json& j, const std::string& where) {
    requireObject(j, where);
    checkKeys(j, where, {"shift", "rotation", "noise", "flip", "jitter"});
    AugmentationSpec a;
    a.shift = integer(j, "shift", where, a.shift);
    a.rotation = static_cast<float>(number(j, "rotation", where, a.rotation));
    a.noise = static_cast<float>(number(j, "noise", where, a.noise));
    a.flip = boolean(j, "flip", where, a.flip);
    a.jitter = static_cast<float>(number(j, "jitter", where, a.jitter));
    return a;
}

json writeAugmentation(const AugmentationSpec& a) {
    json j = json::object();
    if (a.shift > 0) j["shift"] = a.shift;
    if (a.rotation > 0.0f) j["rotation"] = tidy(a.rotation);
    if (a.noise > 0.0f) j["noise"] = tidy(a.noise);
    if (a.flip) j["flip"] = true;
    if (a.jitter > 0.0f) j["jitter"] = tidy(a.jitter);
    return j;
}

}  // namespace nnplay::ProjectFile::sections
