// SPDX-License-Identifier: GPL-3.0-or-later
#include "data/Dataset.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace nnplay {

void Standardizer::fit(const Matrix& inputs) {
    const Eigen::Index features = inputs.rows();
    const Eigen::Index samples = inputs.cols();
    mean.setZero(features);
    scale.setOnes(features);
    if (samples == 0) return;
    for (Eigen::Index f = 0; f < features; ++f) {
        // Accumulate in double: float sums of many samples lose the small spread.
        const Eigen::ArrayXd row = inputs.row(f).transpose().cast<double>().array();
        const double m = row.mean();
        const double deviation = std::sqrt((row - m).square().mean());
        mean(f) = static_cast<float>(m);
        // A constant feature keeps scale 1 (its standardised value is then exactly 0).
        if (deviation > 1e-7 * std::max(1.0, std::abs(m))) scale(f) = static_cast<float>(deviation);
    }
}

void Standardizer::apply(Matrix& inputs) const {
    if (!active()) return;
    if (inputs.rows() != mean.size()) {
        throw std::invalid_argument("Standardizer fitted on " + std::to_string(mean.size()) +
                                    " features applied to " + std::to_string(inputs.rows()));
    }
    inputs.colwise() -= mean;
    inputs.array().colwise() /= scale.array();
}

void Standardizer::restore(Matrix& values) const {
    if (!active()) return;
    values.array().colwise() *= scale.array();
    values.colwise() += mean;
}

bool Standardizer::operator==(const Standardizer& other) const {
    const auto same = [](const Vector& a, const Vector& b) {
        return a.size() == b.size() && (a.size() == 0 || a == b);
    };
    return same(mean, other.mean) && same(scale, other.scale);
}

}  // namespace nnplay
