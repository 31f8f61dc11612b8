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
/// Each sample is unfolded (im2col, P = OH*OW rows by C*k*k columns) into a per-thread buffer
/// and multiplied by the weights in one product; samples are spread over ThreadPool::shared().
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
    /// Work of one thread: its samples' columns, and its share of the weight gradients.
    struct Scratch {
        Matrix columns;      // P x C*k*k, one sample unfolded
        Matrix gradColumns;  // P x C*k*k, dLoss/dColumns of one sample
        Matrix weightsGrad;  // filters x C*k*k, this thread's sum (threads after the first)
        Matrix biasGrad;     // filters x 1
    };
    /// Samples [first, last) of the batch are task `task` of `tasks`.
    static void taskRange(int task, int tasks, Eigen::Index n, Eigen::Index& first,
                          Eigen::Index& last);
    int taskCount(Eigen::Index n) const;

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
