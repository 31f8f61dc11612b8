// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <vector>

#include "NetworkSpec.h"
#include "layers/Layer.h"

namespace nnplay {

/// A 2-D convolution over images: `filters` kernels of kernel_size x kernel_size over all input
/// channels, moved by `stride`. Samples are C*H*W values per column, channel-major, then row,
/// then column (PyTorch's NCHW flattened); the output is filters x OH x OW in the same order.
/// Weights are filters x (C*k*k) (PyTorch's Conv2d.weight flattened), the bias one per filter.
/// Samples are unfolded (im2col, P = OH*OW rows by C*k*k columns each) in chunks into a
/// per-thread buffer, and each chunk multiplied by the weights in one product; the batch is
/// spread over ThreadPool::shared().
class Conv2DLayer : public Layer {
public:
    /// "same" pads so that OH = ceil(H / stride) (half the padding before, the rest after, as
    /// Keras does; with stride 1 it is PyTorch's padding='same'); "valid" does not pad.
    enum class Padding { Same, Valid };

    /// Where the kernel goes over an input, worked out from the input shape and the settings.
    struct Geometry {
        int channels = 1, height = 1, width = 1;
        int kernel = 1, stride = 1;
        int outHeight = 1, outWidth = 1;
        int padTop = 0, padLeft = 0;
        /// Values under one kernel position: C*k*k.
        int patch() const { return channels * kernel * kernel; }
        /// Output positions per filter: OH*OW.
        int pixels() const { return outHeight * outWidth; }
        int inputSize() const { return channels * height * width; }
    };

    Conv2DLayer(int filters, int kernel, int stride, Padding padding);

    std::string type() const override { return "conv2d"; }
    void build(const Shape& input, InitScheme scheme, const std::string& nextActivation,
               Random& rng) override;
    ConstMatrixRef forward(const ConstMatrixRef& input, Mode mode) override;
    ConstMatrixRef backward(const ConstMatrixRef& gradOutput) override;
    std::vector<Param> params() override;

    static Geometry geometry(const Shape& input, int kernel, int stride, Padding padding);
    /// "weights" (filters x C*k*k, penalized) and "bias" (a list of filters values).
    static std::vector<ParamInfo> paramInfo();
    /// filters x OH x OW; a ShapeError for inputs that are not images or smaller than a
    /// "valid" kernel.
    static Shape outputShape(const LayerSpec& spec, const Shape& input);
    static std::vector<std::pair<int, int>> paramShapes(const LayerSpec& spec, const Shape& input);

private:
    /// Work of one thread: a chunk of its samples unfolded and multiplied at once.
    struct Scratch {
        Matrix columns;      // chunk*P x C*k*k: the chunk's samples unfolded, one under another
        Matrix products;     // chunk*P x filters: their outputs, or the gradient of them
        Matrix gradColumns;  // chunk*P x C*k*k: dLoss/dColumns
        Matrix weightsGrad;  // filters x C*k*k, this thread's sum (threads after the first)
        Matrix biasGrad;     // filters x 1
    };
    int taskCount(Eigen::Index n) const;
    /// Samples per chunk, from the unfolded size of one sample.
    Eigen::Index chunkSamples() const;
    /// Sizes the scratch of `tasks` tasks for a batch of n.
    void prepareScratch(int tasks, Eigen::Index n);
    /// Runs work(task, scratch, first, count) over chunks of the batch's n samples, the
    /// tasks' ranges on the shared thread pool.
    template <typename Work>
    void forEachChunk(int tasks, Eigen::Index n, Work work);

    int m_filters, m_kernel, m_stride;
    Padding m_padding;
    Geometry m_geometry;
    Matrix m_weights, m_bias;          // filters x C*k*k, filters x 1
    Matrix m_weightsGrad, m_biasGrad;  // same shapes
    std::vector<Scratch> m_scratch;
    ConstMatrixMap m_input{nullptr, 0, 0};  // the last forward's input
    BatchBuffer m_output, m_gradInput;
};

}  // namespace nnplay
