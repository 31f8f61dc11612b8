// SPDX-License-Identifier: GPL-3.0-or-later
#include "data/PlaneGenerators.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <numbers>

#include "Random.h"

namespace nnplay {

namespace {

constexpr double kPi = std::numbers::pi;

/// Collects samples into a Dataset; a label of -1 / +1 becomes class 0 / 1.
class SampleWriter {
public:
    SampleWriter(int samples, bool regression) {
        m_data.points.resize(2, samples);
        if (regression) {
            m_data.targets.resize(1, samples);
        } else {
            m_data.labels.reserve(static_cast<std::size_t>(samples));
        }
    }

    void addClass(double x, double y, int playgroundLabel) {
        m_data.labels.push_back(playgroundLabel > 0 ? 1 : 0);
        setPoint(x, y);
        ++m_count;
    }

    void addPerson(double x, double y, int playgroundLabel, int group) {
        m_data.groups.push_back(group);
        addClass(x, y, playgroundLabel);
    }

    void addTarget(double x, double y, double target) {
        m_data.targets(0, m_count) = static_cast<float>(target);
        setPoint(x, y);
        ++m_count;
    }

    Dataset take() { return std::move(m_data); }

private:
    void setPoint(double x, double y) {
        m_data.points(0, m_count) = static_cast<float>(x);
        m_data.points(1, m_count) = static_cast<float>(y);
    }

    Dataset m_data;
    Eigen::Index m_count = 0;
};

double distance(double x, double y) { return std::sqrt(x * x + y * y); }

/// A sample a generator proposes before knowing whether its class still has room.
struct Candidate {
    double x, y;
    int label;  ///< -1 or +1
};

/// Keeps exactly `positives` samples of class +1 and `negatives` of class -1 from the
/// candidates `draw(wantPositive)` proposes (asked for a positive while positives are missing),
/// so a class balance holds exactly where noise decides the label.
template <typename Draw>
void keepByQuota(SampleWriter& out, int positives, int negatives, Draw draw) {
    int pos = 0, neg = 0;
    while (pos < positives || neg < negatives) {
        const Candidate c = draw(pos < positives);
        if (c.label > 0 && pos < positives) {
            out.addClass(c.x, c.y, 1);
            ++pos;
        } else if (c.label < 0 && neg < negatives) {
            out.addClass(c.x, c.y, -1);
            ++neg;
        }
    }
}

/// Playground's d3 linear scale from [d0, d1] to [r0, r1].
double linearScale(double value, double d0, double d1, double r0, double r1) {
    return r0 + (value - d0) / (d1 - d0) * (r1 - r0);
}

// Playground: half the points inside radius 2.5, half in the ring 3.5..5. The label comes from
// the point moved by noise, so noise flips labels near the boundary; the point itself is kept.
// With `exact`, points are drawn inside (while positives are missing) or in the ring until
// each class has its count.
void circle(SampleWriter& out, int positives, int negatives, double noise, bool exact,
            Random& rng) {
    const double radius = 5.0;
    auto draw = [&](double rMin, double rMax) {
        const double r = rng.uniform(rMin, rMax);
        const double angle = rng.uniform(0.0, 2.0 * kPi);
        const double x = r * std::sin(angle);
        const double y = r * std::cos(angle);
        const double noiseX = rng.uniform(-radius, radius) * noise;
        const double noiseY = rng.uniform(-radius, radius) * noise;
        return Candidate{x, y, distance(x + noiseX, y + noiseY) < radius * 0.5 ? 1 : -1};
    };
    if (exact) {
        keepByQuota(out, positives, negatives, [&](bool inside) {
            return inside ? draw(0.0, radius * 0.5) : draw(radius * 0.7, radius);
        });
        return;
    }
    auto add = [&](double rMin, double rMax) {
        const Candidate c = draw(rMin, rMax);
        out.addClass(c.x, c.y, c.label);
    };
    for (int i = 0; i < positives; ++i) add(0.0, radius * 0.5);
    for (int i = 0; i < negatives; ++i) add(radius * 0.7, radius);
}

// Playground: uniform in [-5, 5]^2 pushed 0.3 away from the axes; label = sign of x*y of the
// noisy point. With `exact`, points are drawn until each class has its count.
void xorData(SampleWriter& out, int positives, int negatives, double noise, bool exact,
             Random& rng) {
    const double padding = 0.3;
    auto draw = [&] {
        double x = rng.uniform(-5.0, 5.0);
        x += x > 0 ? padding : -padding;
        double y = rng.uniform(-5.0, 5.0);
        y += y > 0 ? padding : -padding;
        const double noiseX = rng.uniform(-5.0, 5.0) * noise;
        const double noiseY = rng.uniform(-5.0, 5.0) * noise;
        return Candidate{x, y, (x + noiseX) * (y + noiseY) >= 0 ? 1 : -1};
    };
    if (exact) {
        keepByQuota(out, positives, negatives, [&](bool) { return draw(); });
        return;
    }
    for (int i = 0; i < positives + negatives; ++i) {
        const Candidate c = draw();
        out.addClass(c.x, c.y, c.label);
    }
}

// Playground: two Gaussians at (2, 2) (+1) and (-2, -2) (-1); noise widens the variance from
// 0.5 to 4.
void twoGauss(SampleWriter& out, int positives, int negatives, double noise, Random& rng) {
    const double variance = linearScale(noise, 0.0, 0.5, 0.5, 4.0);
    auto gen = [&](int count, double cx, double cy, int label) {
        for (int i = 0; i < count; ++i) {
            const double x = rng.normal(cx, variance);
            const double y = rng.normal(cy, variance);
            out.addClass(x, y, label);
        }
    };
    gen(positives, 2.0, 2.0, 1);
    gen(negatives, -2.0, -2.0, -1);
}

// Playground: two arms of radius up to 5 turning 1.75 times, the second rotated by pi; noise
// moves points by up to +-noise.
void spiral(SampleWriter& out, int positives, int negatives, double noise, Random& rng) {
    auto gen = [&](int count, double deltaT, int label) {
        for (int i = 0; i < count; ++i) {
            const double fraction = static_cast<double>(i) / count;
            const double r = fraction * 5.0;
            const double t = 1.75 * fraction * 2.0 * kPi + deltaT;
            const double x = r * std::sin(t) + rng.uniform(-1.0, 1.0) * noise;
            const double y = r * std::cos(t) + rng.uniform(-1.0, 1.0) * noise;
            out.addClass(x, y, label);
        }
    };
    gen(positives, 0.0, 1);
    gen(negatives, kPi, -1);
}

// scikit-learn's make_moons: an upper half circle (class 0) and a lower one shifted to (1, 0.5)
// (class 1), evenly spaced, plus Gaussian noise of standard deviation `noise`. Centred on the
// origin and scaled by 3 so it spans about [-4.5, 4.5] x [-2.25, 2.25].
void moons(SampleWriter& out, int inner, int outer, double noise, Random& rng) {
    const double scale = 3.0;
    auto angle = [](int i, int count) { return count > 1 ? kPi * i / (count - 1) : 0.0; };
    auto add = [&](double x, double y, int label) {
        const double nx = x + rng.normal(0.0, noise * noise);
        const double ny = y + rng.normal(0.0, noise * noise);
        out.addClass((nx - 0.5) * scale, (ny - 0.25) * scale, label);
    };
    for (int i = 0; i < outer; ++i) {
        add(std::cos(angle(i, outer)), std::sin(angle(i, outer)), -1);
    }
    for (int i = 0; i < inner; ++i) {
        add(1.0 - std::cos(angle(i, inner)), 1.0 - std::sin(angle(i, inner)) - 0.5, 1);
    }
}

// Two groups of people with the same task and a slightly different rule. Group A lives on the
// left (x1 in [-5, -0.5]) and is class +1 above the level line x2 = 0; group B lives on the
// right (x1 in [0.5, 5]) and is class +1 above a line that climbs from x2 = -4.5 to x2 = 4.5
// across its half. The label comes from the point moved by noise, as for the circle.
void groups(SampleWriter& out, int groupA, int groupB, double noise, Random& rng) {
    auto add = [&](double xMin, double xMax, int group) {
        const double x = rng.uniform(xMin, xMax);
        const double y = rng.uniform(-5.0, 5.0);
        const double noiseY = rng.uniform(-5.0, 5.0) * noise;
        const double boundary = group == 0 ? 0.0 : 2.0 * (x - 2.75);
        out.addPerson(x, y, y + noiseY > boundary ? 1 : -1, group);
    };
    for (int i = 0; i < groupA; ++i) add(-5.0, -0.5, 0);
    for (int i = 0; i < groupB; ++i) add(0.5, 5.0, 1);
}

// Playground: uniform in the plane [-kPlaneExtent, kPlaneExtent]^2, target (x + y) / 10 of the
// noisy point.
void regressPlane(SampleWriter& out, int samples, double noise, Random& rng) {
    const double radius = kPlaneExtent;
    for (int i = 0; i < samples; ++i) {
        const double x = rng.uniform(-radius, radius);
        const double y = rng.uniform(-radius, radius);
        const double noiseX = rng.uniform(-radius, radius) * noise;
        const double noiseY = rng.uniform(-radius, radius) * noise;
        out.addTarget(x, y, linearScale(x + noiseX + y + noiseY, -10.0, 10.0, -1.0, 1.0));
    }
}

// Playground: six signed bumps; the target is the strongest one at the noisy point, each
// falling linearly from 1 at its centre to 0 at distance 2.
void regressGaussian(SampleWriter& out, int samples, double noise, Random& rng) {
    struct Bump {
        double cx, cy, sign;
    };
    static constexpr std::array<Bump, 6> kBumps{
        {{-4, 2.5, 1}, {0, 2.5, -1}, {4, 2.5, 1}, {-4, -2.5, -1}, {0, -2.5, 1}, {4, -2.5, -1}}};
    auto target = [](double x, double y) {
        double best = 0.0;
        for (const Bump& b : kBumps) {
            const double d = distance(x - b.cx, y - b.cy);
            const double value = b.sign * std::clamp(linearScale(d, 0.0, 2.0, 1.0, 0.0), 0.0, 1.0);
            if (std::abs(value) > std::abs(best)) best = value;
        }
        return best;
    };
    const double radius = kPlaneExtent;
    for (int i = 0; i < samples; ++i) {
        const double x = rng.uniform(-radius, radius);
        const double y = rng.uniform(-radius, radius);
        const double noiseX = rng.uniform(-radius, radius) * noise;
        const double noiseY = rng.uniform(-radius, radius) * noise;
        out.addTarget(x, y, target(x + noiseX, y + noiseY));
    }
}

}  // namespace

bool isPlaneSource(const std::string& source) {
    static const std::array<const char*, 8> kSources{"circle", "xor",    "gaussian", "spiral",
                                                     "moons",  "groups", "plane",    "multigauss"};
    return std::find(kSources.begin(), kSources.end(), source) != kSources.end();
}

bool isBinaryPlaneSource(const std::string& source) {
    static const std::array<const char*, 5> kSources{"circle", "xor", "gaussian", "spiral",
                                                     "moons"};
    return std::find(kSources.begin(), kSources.end(), source) != kSources.end();
}

int positiveSampleCount(int samples, double positiveShare) {
    if (samples < 2) return samples;
    const int count = static_cast<int>(std::lround(samples * positiveShare));
    return std::clamp(count, 1, samples - 1);
}

void fillGridPoints(int size, float halfSide, Matrix& points) {
    if (size < 1)
        throw InputError("a grid needs at least 1 point per side, not " + std::to_string(size));
    points.resize(2, static_cast<Eigen::Index>(size) * size);
    const float step = size > 1 ? 2.0f * halfSide / static_cast<float>(size - 1) : 0.0f;
    for (int row = 0; row < size; ++row) {
        for (int col = 0; col < size; ++col) {
            const Eigen::Index i = static_cast<Eigen::Index>(row) * size + col;
            points(0, i) = -halfSide + step * static_cast<float>(col);
            points(1, i) = -halfSide + step * static_cast<float>(row);
        }
    }
}

const std::vector<std::string>& planeGroupNames() {
    static const std::vector<std::string> names{"A", "B"};
    return names;
}

Dataset generatePlaneData(const std::string& source, int samples, double noise, std::uint32_t seed,
                          const PlaneBalance& balance) {
    if (!isPlaneSource(source)) throw InputError("'" + source + "' is not a 2-D data generator");
    if (samples < 0) throw InputError("the number of samples cannot be negative");
    const auto outOfRange = [&](const std::optional<int>& count) {
        return count && (*count < 0 || *count > samples);
    };
    if (outOfRange(balance.positives) || outOfRange(balance.groupB))
        throw InputError(
            "a class or group cannot have more samples than the data, nor fewer than 0");
    if (balance.positives && !isBinaryPlaneSource(source))
        throw InputError("the " + source + " data has no share of positive samples to set");
    if (balance.groupB && source != "groups")
        throw InputError("the " + source + " data has no groups");
    Random rng(seed);
    const bool regression = source == "plane" || source == "multigauss";
    SampleWriter out(samples, regression);
    const bool exact = balance.positives.has_value();
    const int positives = balance.positives.value_or(samples - samples / 2);
    const int negatives = samples - positives;
    if (source == "circle") circle(out, positives, negatives, noise, exact, rng);
    if (source == "xor") xorData(out, positives, negatives, noise, exact, rng);
    if (source == "groups") {
        const int groupB = balance.groupB.value_or(samples / 2);
        groups(out, samples - groupB, groupB, noise, rng);
    }
    if (source == "gaussian") twoGauss(out, positives, negatives, noise, rng);
    if (source == "spiral") spiral(out, positives, negatives, noise, rng);
    if (source == "moons") moons(out, positives, negatives, noise, rng);
    if (source == "plane") regressPlane(out, samples, noise, rng);
    if (source == "multigauss") regressGaussian(out, samples, noise, rng);
    return out.take();
}

}  // namespace nnplay
