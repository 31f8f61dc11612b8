// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cmath>
#include <cstdint>
#include <random>

namespace nnplay {

/// Uniform float in [lo, hi) from a 32-bit engine. Unlike std::uniform_real_distribution,
/// the sequence is the same with every standard library.
inline float uniform(std::mt19937& rng, float lo, float hi) {
    const double unit = static_cast<double>(rng()) / 4294967296.0;
    return static_cast<float>(lo + (hi - lo) * unit);
}

/// Integer in [0, n), the same with every standard library (n > 0).
inline std::uint32_t uniformIndex(std::mt19937& rng, std::uint32_t n) {
    return static_cast<std::uint32_t>((static_cast<std::uint64_t>(rng()) * n) >> 32);
}

/// Fisher-Yates shuffle with uniformIndex, reproducible across standard libraries.
template <typename Container>
void shuffle(Container& items, std::mt19937& rng) {
    for (std::size_t i = items.size(); i > 1; --i) {
        const std::size_t j = uniformIndex(rng, static_cast<std::uint32_t>(i));
        std::swap(items[i - 1], items[j]);
    }
}

}  // namespace nnplay
