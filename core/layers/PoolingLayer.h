// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <vector>

#include "NetworkSpec.h"
#include "layers/Layer.h"

namespace nnplay {

/// 2-D max or average pooling over each channel of an image: pool_size x pool_size windows
/// moved by `stride` (windows may overlap), no padding, so OH = (H - pool) / stride + 1 as in
/// PyTorch. Samples are C*H*W per column, channel-major; the output is C x OH x OW.
class PoolingLayer : public Layer {
public:
    enum class Kind { Max, Average };

    PoolingLayer(Kind kind, int pool, int stride) : m_kind(kind), m_pool(pool), m_stride(stride) {}

    std::string type() const override { return m_kind == Kind::Max ? "maxpool2d" : "avgpool2d"; }
    void build(const Shape& input, InitScheme scheme, const std::string& nextActivation,
               Random& rng) override;
    ConstMatrixRef forward(const ConstMatrixRef& input, Mode mode) override;
    ConstMatrixRef backward(const ConstMatrixRef& gradOutput) override;

    /// C x OH x OW; a ShapeError for inputs that are not images or smaller than the window.
    static Shape outputShape(const LayerSpec& spec, const Shape& input);

private:
    /// One sample's C*H*W values pooled into y; for max pooling from[i] is the index of the
    /// value that output i took.
    void poolSample(const float* sample, float* y, int* from) const;
    /// One sample's input gradient dx from the gradient gy of its outputs.
    void unpoolSample(const float* gy, const int* from, float* dx) const;
    /// Samples per thread below which a batch is not split.
    std::int64_t minSamplesToShare() const;

    Kind m_kind;
    int m_pool, m_stride;
    Shape m_input, m_output;
    Eigen::Index m_batch = 0;
    /// Max: the input row each output took its value from, per output value of the batch.
    std::vector<int> m_argmax;
    BatchBuffer m_out, m_gradInput;
};

}  // namespace nnplay
