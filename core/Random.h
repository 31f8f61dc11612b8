// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <random>
#include <utility>
#include <vector>

namespace nnplay {

/// A seeded random source that gives the same numbers on every platform: std::mt19937's output
/// is fixed by the standard, but the std distributions are not, so the conversions to uniform,
/// normal and integer values are written out here.
class Random {
public:
    explicit Random(std::uint32_t seed) : m_engine(seed) {}

    /// Uniform in [0, 1), 53 random bits.
    double uniform();
    /// Uniform in [a, b).
    double uniform(double a, double b) { return a + (b - a) * uniform(); }
    /// Normal with the given mean and variance (Marsaglia's polar method, as in Playground).
    double normal(double mean = 0.0, double variance = 1.0);
    /// Uniform integer in [0, n); n must be positive. Unbiased (rejection sampling).
    std::uint32_t below(std::uint32_t n);

    /// Fisher-Yates shuffle of any random-access container.
    template <typename T>
    void shuffle(std::vector<T>& items) {
        for (std::size_t i = items.size(); i > 1; --i) {
            const std::size_t j = below(static_cast<std::uint32_t>(i));
            std::swap(items[i - 1], items[j]);
        }
    }

private:
    std::mt19937 m_engine;
};

}  // namespace nnplay
