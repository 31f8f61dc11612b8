// SPDX-License-Identifier: GPL-3.0-or-later
#include "Random.h"

#include <cmath>

namespace nnplay {

double Random::uniform() {
    const std::uint64_t high = m_engine() >> 5;  // 27 bits
    const std::uint64_t low = m_engine() >> 6;   // 26 bits
    return static_cast<double>((high << 26) | low) * 0x1.0p-53;
}

double Random::normal(double mean, double variance) {
    double v1 = 0.0;
    double s = 0.0;
    do {
        v1 = 2.0 * uniform() - 1.0;
        const double v2 = 2.0 * uniform() - 1.0;
        s = v1 * v1 + v2 * v2;
    } while (s >= 1.0 || s == 0.0);
    return mean + std::sqrt(variance) * v1 * std::sqrt(-2.0 * std::log(s) / s);
}

std::uint32_t Random::below(std::uint32_t n) {
    // Reject the top partial block of the 32-bit range so every residue is equally likely.
    const std::uint64_t range = std::uint64_t{1} << 32;
    const std::uint64_t limit = range - range % n;
    std::uint64_t value = 0;
    do {
        value = m_engine();
    } while (value >= limit);
    return static_cast<std::uint32_t>(value % n);
}

}  // namespace nnplay
