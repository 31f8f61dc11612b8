// SPDX-License-Identifier: GPL-3.0-or-later
#include "data/Features.h"

#include <algorithm>

namespace nnplay {

namespace {

enum class PlaneFeature { X1, X2, X1Squared, X2Squared, X1TimesX2, SinX1, SinX2 };

PlaneFeature planeFeatureFromName(const std::string& name) {
    const auto& names = planeFeatureNames();
    const auto it = std::find(names.begin(), names.end(), name);
    if (it == names.end()) {
        std::string known;
        for (const auto& n : names) known += (known.empty() ? "" : ", ") + n;
        throw InputError("unknown input feature '" + name + "' (known: " + known + ")");
    }
    return static_cast<PlaneFeature>(it - names.begin());
}

}  // namespace

const std::vector<std::string>& planeFeatureNames() {
    static const std::vector<std::string> names{"x1",    "x2",      "x1^2",   "x2^2",
                                                "x1*x2", "sin(x1)", "sin(x2)"};
    return names;
}

void checkPlaneFeatures(const std::vector<std::string>& features) {
    if (features.empty()) throw InputError("no input features selected; pick at least one");
    for (std::size_t i = 0; i < features.size(); ++i) {
        planeFeatureFromName(features[i]);
        if (std::find(features.begin(), features.begin() + static_cast<std::ptrdiff_t>(i),
                      features[i]) != features.begin() + static_cast<std::ptrdiff_t>(i)) {
            throw InputError("input feature '" + features[i] + "' is listed twice");
        }
    }
}

void derivePlaneFeatures(const ConstMatrixRef& points, const std::vector<std::string>& features,
                         Matrix& out) {
    if (features.empty()) throw InputError("no input features selected; pick at least one");
    if (points.rows() != 2) {
        throw InputError("plane features need 2 x n points, got " + std::to_string(points.rows()) +
                         " rows");
    }
    const Eigen::Index rows = static_cast<Eigen::Index>(features.size());
    if (out.rows() != rows || out.cols() != points.cols()) out.resize(rows, points.cols());

    const auto x1 = points.row(0).array();
    const auto x2 = points.row(1).array();
    for (Eigen::Index f = 0; f < rows; ++f) {
        auto row = out.row(f).array();
        switch (planeFeatureFromName(features[static_cast<std::size_t>(f)])) {
            case PlaneFeature::X1:
                row = x1;
                break;
            case PlaneFeature::X2:
                row = x2;
                break;
            case PlaneFeature::X1Squared:
                row = x1.square();
                break;
            case PlaneFeature::X2Squared:
                row = x2.square();
                break;
            case PlaneFeature::X1TimesX2:
                row = x1 * x2;
                break;
            case PlaneFeature::SinX1:
                row = x1.sin();
                break;
            case PlaneFeature::SinX2:
                row = x2.sin();
                break;
        }
    }
}

}  // namespace nnplay
