// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The field readers and writers the sections of a project file share (core only: it includes
// nlohmann-json, which only core links).

#include <algorithm>
#include <charconv>
#include <cmath>
#include <nlohmann/json.hpp>
#include <set>
#include <string>

#include "Types.h"

namespace nnplay::ProjectFile::fields {

using json = nlohmann::ordered_json;

inline std::string typeName(const json& j) { return j.type_name(); }

/// The double that prints as the shortest decimal of a float (0.01f -> 0.01, not
/// 0.009999999776).
inline double tidy(float value) {
    if (!std::isfinite(value)) return value;
    char buffer[32];
    const auto end = std::to_chars(buffer, buffer + sizeof buffer, value).ptr;
    double out = value;
    std::from_chars(buffer, end, out);
    return out;
}

/// Rejects keys outside `allowed`, naming the first unknown one and the place.
inline void checkKeys(const json& object, const std::string& where,
                      const std::set<std::string>& allowed) {
    for (const auto& [key, value] : object.items()) {
        if (allowed.count(key)) continue;
        std::string list;
        for (const std::string& k : allowed) list += (list.empty() ? "" : ", ") + k;
        throw InputError("unknown key '" + key + "' in " + where + " (allowed: " + list + ")");
    }
}

inline const json& requireObject(const json& j, const std::string& where) {
    if (!j.is_object()) throw InputError(where + " must be an object, not " + typeName(j));
    return j;
}

inline double number(const json& object, const std::string& key, const std::string& where,
                     double fallback) {
    if (!object.contains(key)) return fallback;
    const json& v = object.at(key);
    if (!v.is_number())
        throw InputError(where + "." + key + " must be a number, not " + typeName(v));
    return v.get<double>();
}

inline int integer(const json& object, const std::string& key, const std::string& where,
                   int fallback) {
    const double v = number(object, key, where, fallback);
    if (v != std::floor(v) || std::abs(v) > 2e9)
        throw InputError(where + "." + key + " must be a whole number");
    return static_cast<int>(v);
}

inline std::uint32_t seed(const json& object, const std::string& key, const std::string& where,
                          std::uint32_t fallback) {
    const double v = number(object, key, where, fallback);
    if (v != std::floor(v) || v < 0 || v > 4294967295.0)
        throw InputError(where + "." + key + " must be a whole number from 0 to 4294967295");
    return static_cast<std::uint32_t>(v);
}

inline bool boolean(const json& object, const std::string& key, const std::string& where,
                    bool fallback) {
    if (!object.contains(key)) return fallback;
    const json& v = object.at(key);
    if (!v.is_boolean())
        throw InputError(where + "." + key + " must be true or false, not " + typeName(v));
    return v.get<bool>();
}

inline std::string text(const json& object, const std::string& key, const std::string& where,
                        const std::string& fallback) {
    if (!object.contains(key)) return fallback;
    const json& v = object.at(key);
    if (!v.is_string())
        throw InputError(where + "." + key + " must be a string, not " + typeName(v));
    return v.get<std::string>();
}

inline Matrix readMatrix(const json& v, const std::string& where, bool flat) {
    if (!v.is_array()) throw InputError(where + " must be a list of numbers");
    if (flat) {
        Matrix m(static_cast<Eigen::Index>(v.size()), 1);
        for (std::size_t i = 0; i < v.size(); ++i) {
            if (!v[i].is_number()) throw InputError(where + " must be a list of numbers");
            m(static_cast<Eigen::Index>(i), 0) = v[i].get<float>();
        }
        return m;
    }
    const std::size_t rows = v.size();
    const std::size_t cols = rows ? (v[0].is_array() ? v[0].size() : 0) : 0;
    Matrix m(static_cast<Eigen::Index>(rows), static_cast<Eigen::Index>(cols));
    for (std::size_t r = 0; r < rows; ++r) {
        if (!v[r].is_array() || v[r].size() != cols)
            throw InputError(where + " must be a list of rows of equal length (row " +
                             std::to_string(r + 1) + " differs)");
        for (std::size_t c = 0; c < cols; ++c) {
            if (!v[r][c].is_number()) throw InputError(where + " must hold only numbers");
            m(static_cast<Eigen::Index>(r), static_cast<Eigen::Index>(c)) = v[r][c].get<float>();
        }
    }
    return m;
}

inline json writeMatrix(const Matrix& m, bool flat) {
    json out = json::array();
    if (flat) {
        for (Eigen::Index i = 0; i < m.size(); ++i) out.push_back(tidy(m.data()[i]));
        return out;
    }
    for (Eigen::Index r = 0; r < m.rows(); ++r) {
        json row = json::array();
        for (Eigen::Index c = 0; c < m.cols(); ++c) row.push_back(tidy(m(r, c)));
        out.push_back(std::move(row));
    }
    return out;
}

}  // namespace nnplay::ProjectFile::fields
