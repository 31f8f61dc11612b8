// SPDX-License-Identifier: GPL-3.0-or-later
#include "layers/PoolingLayer.h"

#include <algorithm>
#include <limits>

#include "ShapeError.h"
#include "ThreadPool.h"
#include "layers/Avx512.h"

namespace nnplay {

namespace {

#ifdef NNPLAY_AVX512
/// Max pooling of one output row with 2x2 windows moved by 2, the common case, 16 outputs at
/// a time: each window row's pairs split into even and odd columns, the larger of each pair,
/// then the larger of the two rows. y[ox] is the window's largest value and from[ox] its index
/// in the sample, the first in reading order among equal values, as the general loop finds.
void maxRow2x2(const float* sample, int rowStart, int w, int ow, float* y, int* from) {
    const __m512i even =
        _mm512_set_epi32(30, 28, 26, 24, 22, 20, 18, 16, 14, 12, 10, 8, 6, 4, 2, 0);
    const __m512i odd = _mm512_add_epi32(even, _mm512_set1_epi32(1));
    for (int ox = 0; ox < ow; ox += 16) {
        const int n = std::min(16, ow - ox);
        const __mmask32 used = n == 16 ? ~__mmask32(0) : (__mmask32(1) << (2 * n)) - 1;
        const __mmask16 low = static_cast<__mmask16>(used),
                        high = static_cast<__mmask16>(used >> 16);
        const int corner = rowStart + 2 * ox;
        __m512 best[2];
        __m512i index[2];
        for (int dy = 0; dy < 2; ++dy) {
            const float* in = sample + corner + dy * w;
            const __m512 a = _mm512_maskz_loadu_ps(low, in),
                         b = _mm512_maskz_loadu_ps(high, in + 16);
            const __m512 left = _mm512_permutex2var_ps(a, even, b);
            const __m512 right = _mm512_permutex2var_ps(a, odd, b);
            const __mmask16 rightWins = _mm512_cmp_ps_mask(right, left, _CMP_GT_OQ);
            best[dy] = _mm512_mask_blend_ps(rightWins, left, right);
            index[dy] = _mm512_add_epi32(_mm512_set1_epi32(corner + dy * w), even);
            index[dy] =
                _mm512_mask_add_epi32(index[dy], rightWins, index[dy], _mm512_set1_epi32(1));
        }
        const __mmask16 lowerWins = _mm512_cmp_ps_mask(best[1], best[0], _CMP_GT_OQ);
        const __mmask16 stored = static_cast<__mmask16>((1u << n) - 1);
        _mm512_mask_storeu_ps(y + ox, stored, _mm512_mask_blend_ps(lowerWins, best[0], best[1]));
        _mm512_mask_storeu_epi32(from + ox, stored,
                                 _mm512_mask_blend_epi32(lowerWins, index[0], index[1]));
    }
}
#endif

}  // namespace

void PoolingLayer::build(const Shape& input, InitScheme, const std::string&, Random&) {
    m_input = input;
    m_output = {input.channels, (input.height - m_pool) / m_stride + 1,
                (input.width - m_pool) / m_stride + 1};
}

Shape PoolingLayer::outputShape(const LayerSpec& spec, const Shape& input) {
    const int pool = static_cast<int>(spec.setting("pool_size"));
    const int stride = static_cast<int>(spec.setting("stride"));
    if (input.isSequence() || input.isFlat())
        throw ShapeError(
            "an image (channels x height x width)",
            "put pooling after a Conv2D layer or on image data, before any Dense layer");
    if (input.height < pool || input.width < pool) {
        const std::string size = std::to_string(pool) + "x" + std::to_string(pool);
        throw ShapeError("an input of at least " + size + " for its " + size + " window",
                         "use a smaller pool_size, padding \"same\" or fewer layers that shrink "
                         "the image before it");
    }
    return {input.channels, (input.height - pool) / stride + 1, (input.width - pool) / stride + 1};
}

void PoolingLayer::poolSample(const float* sample, float* y, int* from) const {
    const int h = m_input.height, w = m_input.width, oh = m_output.height, ow = m_output.width;
    const float scale = 1.0f / static_cast<float>(m_pool * m_pool);
    const int s = m_stride;
    // One output row at a time, window offset after window offset, so that the loops over
    // the row have no branches and vectorize.
    for (int c = 0; c < m_input.channels; ++c) {
        for (int oy = 0; oy < oh; ++oy, y += ow) {
            const int rowStart = c * h * w + oy * s * w;
            if (m_kind == Kind::Average) {
                std::fill(y, y + ow, 0.0f);
                for (int dy = 0; dy < m_pool; ++dy)
                    for (int dx = 0; dx < m_pool; ++dx) {
                        const float* in = sample + rowStart + dy * w + dx;
                        for (int ox = 0; ox < ow; ++ox) y[ox] += in[ox * s];
                    }
                for (int ox = 0; ox < ow; ++ox) y[ox] *= scale;
                continue;
            }
#ifdef NNPLAY_AVX512
            if (m_pool == 2 && s == 2) {
                maxRow2x2(sample, rowStart, w, ow, y, from);
                from += ow;
                continue;
            }
#endif
            for (int ox = 0; ox < ow; ++ox) {
                y[ox] = sample[rowStart + ox * s];
                from[ox] = rowStart + ox * s;
            }
            for (int dy = 0; dy < m_pool; ++dy)
                for (int dx = dy == 0 ? 1 : 0; dx < m_pool; ++dx) {
                    const int base = rowStart + dy * w + dx;
                    for (int ox = 0; ox < ow; ++ox) {
                        const float v = sample[base + ox * s];
                        const bool larger = v > y[ox];
                        y[ox] = larger ? v : y[ox];
                        from[ox] = larger ? base + ox * s : from[ox];
                    }
                }
            from += ow;
        }
    }
}

void PoolingLayer::unpoolSample(const float* gy, const int* from, float* dx) const {
    std::fill(dx, dx + m_input.size(), 0.0f);
    const Eigen::Index outSize = m_output.size();
    if (m_kind == Kind::Max) {
        for (Eigen::Index i = 0; i < outSize; ++i) dx[from[i]] += gy[i];
        return;
    }
    const int h = m_input.height, w = m_input.width, oh = m_output.height, ow = m_output.width;
    const float scale = 1.0f / static_cast<float>(m_pool * m_pool);
    for (int c = 0; c < m_input.channels; ++c) {
        const int plane = c * h * w;
        for (int oy = 0; oy < oh; ++oy)
            for (int ox = 0; ox < ow; ++ox, ++gy) {
                const int corner = plane + oy * m_stride * w + ox * m_stride;
                const float share = *gy * scale;
                for (int dy = 0; dy < m_pool; ++dy)
                    for (int ddx = 0; ddx < m_pool; ++ddx) dx[corner + dy * w + ddx] += share;
            }
    }
}

std::int64_t PoolingLayer::minSamplesToShare() const {
    return std::max<std::int64_t>(1, ThreadPool::kMinValuesToShare / std::max(m_input.size(), 1));
}

ConstMatrixRef PoolingLayer::forward(const ConstMatrixRef& input, Mode) {
    const ConstMatrixMap x = contiguous(input);
    m_batch = x.cols();
    const Eigen::Index outSize = m_output.size();
    auto out = m_out.view(outSize, m_batch);
    if (m_kind == Kind::Max && static_cast<Eigen::Index>(m_argmax.size()) < outSize * m_batch)
        m_argmax.resize(static_cast<std::size_t>(outSize * m_batch));
    ThreadPool::shared().forRanges(
        m_batch, minSamplesToShare(), [&](std::int64_t first, std::int64_t last) {
            for (Eigen::Index j = first; j < last; ++j)
                poolSample(x.col(j).data(), out.col(j).data(),
                           m_kind == Kind::Max ? m_argmax.data() + j * outSize : nullptr);
        });
    return out;
}

ConstMatrixRef PoolingLayer::backward(const ConstMatrixRef& gradOutput) {
    const ConstMatrixMap g = contiguous(gradOutput);
    const Eigen::Index outSize = m_output.size();
    auto gradInput = m_gradInput.view(m_input.size(), m_batch);
    ThreadPool::shared().forRanges(
        m_batch, minSamplesToShare(), [&](std::int64_t first, std::int64_t last) {
            for (Eigen::Index j = first; j < last; ++j)
                unpoolSample(g.col(j).data(),
                             m_kind == Kind::Max ? m_argmax.data() + j * outSize : nullptr,
                             gradInput.col(j).data());
        });
    return gradInput;
}

}  // namespace nnplay
