// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <vector>

#include "NetworkSpec.h"
#include "layers/Layer.h"

namespace nnplay {

/// Batch normalisation with PyTorch's semantics, per feature of a flat input and per channel
/// of an image (over the batch and every pixel; for sequences also over the steps). Training
/// normalises with the batch's mean and biased variance and moves the running statistics
/// towards the batch's (running = (1 - momentum) * running + momentum * batch, the unbiased
/// variance); inference normalises with the running statistics. Then y = gamma * x^ + beta.
/// Tensors, all one value per channel: gamma and beta (trained), running_mean and
/// running_var (stored, not trained).
class BatchNormLayer : public Layer {
public:
    BatchNormLayer(float momentum, float epsilon) : m_momentum(momentum), m_epsilon(epsilon) {}

    std::string type() const override { return "batchnorm"; }
    void build(const Shape& input, InitScheme scheme, const std::string& nextActivation,
               Random& rng) override;
    ConstMatrixRef forward(const ConstMatrixRef& input, Mode mode) override;
    ConstMatrixRef backward(const ConstMatrixRef& gradOutput) override;
    std::vector<Param> params() override;

    /// gamma, beta (trained lists), running_mean, running_var (lists, not trained).
    static std::vector<ParamInfo> paramInfo();
    /// The input shape.
    static Shape outputShape(const LayerSpec& spec, const Shape& input);
    /// Four lists of one value per channel.
    static std::vector<std::pair<int, int>> paramShapes(const LayerSpec& spec, const Shape& input);

private:
    /// Calls f(channel, offset) for each run of `m_run` rows of one channel in a column.
    template <class F>
    void forEachRun(F&& f) const;

    float m_momentum, m_epsilon;
    int m_channels = 1;
    int m_run = 1;    // consecutive rows of one channel: H*W
    int m_steps = 1;  // a sequence repeats the channels every step
    bool m_trainMode = false;
    Matrix m_gamma, m_beta, m_runningMean, m_runningVar;  // channels x 1 each
    Matrix m_gammaGrad, m_betaGrad, m_meanGrad, m_varGrad;
    Eigen::ArrayXd m_sum, m_sumSquares;  // per channel, for the batch statistics
    Eigen::ArrayXf m_mean, m_invStd;     // per channel, of the last forward
    BatchBuffer m_normalized, m_output, m_gradInput;
};

}  // namespace nnplay
