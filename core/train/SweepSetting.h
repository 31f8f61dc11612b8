// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
#include <string>
#include <vector>

#include "Project.h"

namespace nnplay {

/// One setting of a project that a sweep varies, and how a value of it makes a project. A
/// value is applied to the project's JSON (ProjectFile::serialize), which is then read back
/// with ProjectFile::parse, so every check of the reader applies and a bad value gets the
/// reader's message naming the key.
///
/// Keys: the friendly names learning_rate, l1, l2, batch_size, optimizer, epochs, dropout (the
/// rate of every dropout layer), units (the first dense hidden layer's; units:N the layer at
/// spec index N), train_size (data.train_samples), or a dotted path into the project's JSON
/// (training.optimizer, data.noise, network.layers.0.units).
class SweepSetting {
public:
    /// Throws InputError for a GAN project, an unknown key, a dropout sweep without dropout
    /// layers and a units sweep of a layer that is not a dense hidden layer.
    SweepSetting(const Project& project, const std::string& key);

    /// The key as given ("learning_rate", "units:2", "data.noise").
    const std::string& key() const { return m_key; }
    /// The project with `value` applied, from fresh weights, without history and lesson.
    /// `value` is JSON text (a number, true/false) or else taken as a string. Throws
    /// InputError "KEY = VALUE: <the reader's message>".
    Project apply(const std::string& value) const;
    /// Whether the values are best drawn on a logarithmic axis (rates and penalties).
    bool logScale() const;
    /// Whether the values are numbers (so a plot can put them on an axis), else categories.
    bool numeric() const { return m_numeric; }
    /// The values a window offers first for this key on this project, comma-separated.
    std::string suggestedValues() const;

    /// The friendly keys, in the order a window lists them (units without an index).
    static const std::vector<std::string>& friendlyKeys();
    /// The keys of the project's dense hidden layers, "units:N" (N the spec index), in order.
    static std::vector<std::string> unitsKeys(const Project& project);
    /// Splits "a, b,c" into {"a", "b", "c"}; throws InputError for an empty list or value.
    static std::vector<std::string> splitValues(const std::string& list);

private:
    std::string m_key;
    Project m_base;
    /// Where a value goes: one or more paths into the project's JSON (object keys or array
    /// indices as text).
    std::vector<std::vector<std::string>> m_paths;
    bool m_numeric = true;
};

}  // namespace nnplay
