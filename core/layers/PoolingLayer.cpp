// SPDX-License-Identifier: GPL-3.0-or-later
#include "layers/PoolingLayer.h"

#include <algorithm>
#include <limits>

#include "ShapeError.h"

namespace nnplay {

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

ConstMatrixRef PoolingLayer::forward(const ConstMatrixRef& input, Mode) {
    const ConstMatrixMap x = contiguous(input);
    m_batch = x.cols();
    const int h = m_input.height, w = m_input.width, oh = m_output.height, ow = m_output.width;
    const Eigen::Index outSize = m_output.size();
    auto out = m_out.view(outSize, m_batch);
    if (m_kind == Kind::Max && static_cast<Eigen::Index>(m_argmax.size()) < outSize * m_batch)
        m_argmax.resize(static_cast<std::size_t>(outSize * m_batch));
    const float scale = 1.0f / static_cast<float>(m_pool * m_pool);
    const int s = m_stride;
    // One output row at a time, window offset after window offset, so that the loops over
    // the row have no branches and vectorize.
    for (Eigen::Index j = 0; j < m_batch; ++j) {
        const float* sample = x.col(j).data();
        float* y = out.col(j).data();
        int* from = m_kind == Kind::Max ? m_argmax.data() + j * outSize : nullptr;
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
    return out;
}

ConstMatrixRef PoolingLayer::backward(const ConstMatrixRef& gradOutput) {
    const ConstMatrixMap g = contiguous(gradOutput);
    const int h = m_input.height, w = m_input.width, oh = m_output.height, ow = m_output.width;
    const Eigen::Index outSize = m_output.size();
    auto gradInput = m_gradInput.view(m_input.size(), m_batch);
    gradInput.setZero();
    const float scale = 1.0f / static_cast<float>(m_pool * m_pool);
    for (Eigen::Index j = 0; j < m_batch; ++j) {
        const float* gy = g.col(j).data();
        float* dx = gradInput.col(j).data();
        if (m_kind == Kind::Max) {
            const int* from = m_argmax.data() + j * outSize;
            for (Eigen::Index i = 0; i < outSize; ++i) dx[from[i]] += gy[i];
            continue;
        }
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
    return gradInput;
}

}  // namespace nnplay
