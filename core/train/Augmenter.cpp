// SPDX-License-Identifier: GPL-3.0-or-later
#include "train/Augmenter.h"

#include <cmath>
#include <numbers>

#include "data/Features.h"

namespace nnplay {

Augmenter::Augmenter(const AugmentationSpec& spec, const DataInfo& info,
                     const std::vector<std::string>& features, std::uint32_t seed)
    : m_spec(spec),
      m_image(info.imageShape),
      m_plane(info.isPlane),
      m_features(features),
      m_rng(seed),
      m_point(2, 1),
      m_derived(static_cast<Eigen::Index>(features.size()), 1) {
    if (m_image.height <= 1 && m_image.width <= 1) m_image = Shape{0, 0, 0};
}

bool Augmenter::active() const {
    if (m_plane) return m_spec.changesPoints();
    return m_image.size() > 0 && m_spec.changesImages();
}

void Augmenter::augment(const Dataset& set, int sample, Eigen::Ref<Vector> out) {
    if (m_plane) {
        const std::array<float, 2> p = jitterPoint(set.points(0, sample), set.points(1, sample));
        m_point(0, 0) = p[0];
        m_point(1, 0) = p[1];
        derivePlaneFeatures(m_point, m_features, m_derived);
        out = m_derived.col(0);
        return;
    }
    augmentImage(set.inputs.col(sample), out);
}

void Augmenter::augmentImage(const Eigen::Ref<const Vector>& in, Eigen::Ref<Vector> out) {
    Move move;
    if (m_spec.shift > 0) {
        const auto side = static_cast<std::uint32_t>(2 * m_spec.shift + 1);
        move.dx = static_cast<int>(m_rng.below(side)) - m_spec.shift;
        move.dy = static_cast<int>(m_rng.below(side)) - m_spec.shift;
    }
    if (m_spec.rotation > 0.0f)
        move.degrees = static_cast<float>(m_rng.uniform(-m_spec.rotation, m_spec.rotation));
    if (m_spec.flip) move.flip = m_rng.uniform() < 0.5;
    if (move.dx == 0 && move.dy == 0 && move.degrees == 0.0f && !move.flip)
        out = in;
    else
        moveImage(in.data(), m_image, move, out.data());
    if (m_spec.noise > 0.0f) {
        const double variance = static_cast<double>(m_spec.noise) * m_spec.noise;
        for (Eigen::Index i = 0; i < out.size(); ++i)
            out[i] += static_cast<float>(m_rng.normal(0.0, variance));
    }
}

std::array<float, 2> Augmenter::jitterPoint(float x1, float x2) {
    if (m_spec.jitter <= 0.0f) return {x1, x2};
    const double variance = static_cast<double>(m_spec.jitter) * m_spec.jitter;
    const auto a = static_cast<float>(m_rng.normal(0.0, variance));
    const auto b = static_cast<float>(m_rng.normal(0.0, variance));
    return {x1 + a, x2 + b};
}

void Augmenter::moveImage(const float* in, const Shape& shape, const Move& move, float* out) {
    const int w = shape.width;
    const int h = shape.height;
    const int plane = w * h;
    const float cx = 0.5f * static_cast<float>(w - 1);
    const float cy = 0.5f * static_cast<float>(h - 1);
    const double radians = static_cast<double>(move.degrees) * std::numbers::pi / 180.0;
    const auto c = static_cast<float>(std::cos(radians));
    const auto s = static_cast<float>(std::sin(radians));
    for (int y = 0; y < h; ++y)
        for (int x = 0; x < w; ++x) {
            // Back from the output pixel to where it came from: undo the move, the turn, the
            // mirror.
            const float u = static_cast<float>(x - move.dx) - cx;
            const float v = static_cast<float>(y - move.dy) - cy;
            float su = c * u + s * v;
            const float sv = -s * u + c * v;
            if (move.flip) su = -su;
            const float sx = su + cx;
            const float sy = sv + cy;
            const float fx0 = std::floor(sx);
            const float fy0 = std::floor(sy);
            const int x0 = static_cast<int>(fx0);
            const int y0 = static_cast<int>(fy0);
            const float fx = sx - fx0;
            const float fy = sy - fy0;
            const float weights[4] = {(1 - fx) * (1 - fy), fx * (1 - fy), (1 - fx) * fy, fx * fy};
            const int xs[4] = {x0, x0 + 1, x0, x0 + 1};
            const int ys[4] = {y0, y0, y0 + 1, y0 + 1};
            for (int ch = 0; ch < shape.channels; ++ch) {
                const float* source = in + ch * plane;
                float value = 0.0f;
                for (int k = 0; k < 4; ++k) {
                    if (weights[k] == 0.0f || xs[k] < 0 || xs[k] >= w || ys[k] < 0 || ys[k] >= h)
                        continue;
                    value += weights[k] * source[ys[k] * w + xs[k]];
                }
                out[ch * plane + y * w + x] = value;
            }
        }
}

}  // namespace nnplay
