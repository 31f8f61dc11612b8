// SPDX-License-Identifier: GPL-3.0-or-later
#include "layers/BatchNormLayer.h"

#include <cmath>

namespace nnplay {

void BatchNormLayer::build(const Shape& input, InitScheme, const std::string&, Random&) {
    m_channels = input.channels;
    m_run = input.height * input.width;
    m_steps = input.steps;
    m_gamma.setOnes(m_channels, 1);
    m_beta.setZero(m_channels, 1);
    m_runningMean.setZero(m_channels, 1);
    m_runningVar.setOnes(m_channels, 1);
    m_gammaGrad.setZero(m_channels, 1);
    m_betaGrad.setZero(m_channels, 1);
    m_meanGrad.setZero(m_channels, 1);
    m_varGrad.setZero(m_channels, 1);
    m_sum.setZero(m_channels);
    m_sumSquares.setZero(m_channels);
    m_mean.setZero(m_channels);
    m_invStd.setOnes(m_channels);
}

template <class F>
void BatchNormLayer::forEachRun(F&& f) const {
    for (int t = 0; t < m_steps; ++t)
        for (int c = 0; c < m_channels; ++c) f(c, (t * m_channels + c) * m_run);
}

ConstMatrixRef BatchNormLayer::forward(const ConstMatrixRef& input, Mode mode) {
    const ConstMatrixMap x = contiguous(input);
    const Eigen::Index rows = x.rows(), n = x.cols();
    m_trainMode = mode == Mode::Train;
    if (m_trainMode) {
        m_sum.setZero();
        m_sumSquares.setZero();
        for (Eigen::Index j = 0; j < n; ++j)
            forEachRun([&](int c, int offset) {
                const auto v = x.col(j).segment(offset, m_run).array().cast<double>();
                m_sum(c) += v.sum();
                m_sumSquares(c) += v.square().sum();
            });
        const double count = static_cast<double>(n) * m_run * m_steps;
        for (int c = 0; c < m_channels; ++c) {
            const double mean = m_sum(c) / count;
            const double var = std::max(m_sumSquares(c) / count - mean * mean, 0.0);
            m_mean(c) = static_cast<float>(mean);
            m_invStd(c) = static_cast<float>(1.0 / std::sqrt(var + m_epsilon));
            const double unbiased = count > 1 ? var * count / (count - 1) : var;
            m_runningMean(c) =
                static_cast<float>((1.0 - m_momentum) * m_runningMean(c) + m_momentum * mean);
            m_runningVar(c) =
                static_cast<float>((1.0 - m_momentum) * m_runningVar(c) + m_momentum * unbiased);
        }
    } else {
        m_mean = m_runningMean.array();
        m_invStd = (m_runningVar.array() + m_epsilon).rsqrt();
    }
    auto normalized = m_normalized.view(rows, n);
    auto out = m_output.view(rows, n);
    for (Eigen::Index j = 0; j < n; ++j)
        forEachRun([&](int c, int offset) {
            auto xh = normalized.col(j).segment(offset, m_run).array();
            xh = (x.col(j).segment(offset, m_run).array() - m_mean(c)) * m_invStd(c);
            out.col(j).segment(offset, m_run).array() = xh * m_gamma(c) + m_beta(c);
        });
    return out;
}

ConstMatrixRef BatchNormLayer::backward(const ConstMatrixRef& gradOutput) {
    const ConstMatrixMap g = contiguous(gradOutput);
    const Eigen::Index rows = g.rows(), n = g.cols();
    const auto normalized = m_normalized.view(rows, n);
    // dbeta = sum g, dgamma = sum g * x^ (per channel).
    m_betaGrad.setZero();
    m_gammaGrad.setZero();
    for (Eigen::Index j = 0; j < n; ++j)
        forEachRun([&](int c, int offset) {
            const auto gs = g.col(j).segment(offset, m_run).array();
            m_betaGrad(c) += gs.sum();
            m_gammaGrad(c) += (gs * normalized.col(j).segment(offset, m_run).array()).sum();
        });
    auto gradInput = m_gradInput.view(rows, n);
    if (!m_inputGradientNeeded) return gradInput;
    const float count = static_cast<float>(n) * static_cast<float>(m_run * m_steps);
    for (Eigen::Index j = 0; j < n; ++j)
        forEachRun([&](int c, int offset) {
            const float scale = m_gamma(c) * m_invStd(c);
            auto dx = gradInput.col(j).segment(offset, m_run).array();
            const auto gs = g.col(j).segment(offset, m_run).array();
            if (!m_trainMode) {
                dx = gs * scale;
                return;
            }
            // dx = gamma / std * (g - mean(g) - x^ * mean(g * x^)), the means over the channel.
            const auto xh = normalized.col(j).segment(offset, m_run).array();
            dx = scale * (gs - m_betaGrad(c) / count - xh * (m_gammaGrad(c) / count));
        });
    return gradInput;
}

std::vector<ParamInfo> BatchNormLayer::paramInfo() {
    return {{"gamma", ParamStorage::List, true, false},
            {"beta", ParamStorage::List, true, false},
            {"running_mean", ParamStorage::List, false, false},
            {"running_var", ParamStorage::List, false, false}};
}

Shape BatchNormLayer::outputShape(const LayerSpec&, const Shape& input) { return input; }

std::vector<std::pair<int, int>> BatchNormLayer::paramShapes(const LayerSpec&, const Shape& input) {
    return {{input.channels, 1}, {input.channels, 1}, {input.channels, 1}, {input.channels, 1}};
}

std::vector<Param> BatchNormLayer::params() {
    static const std::vector<ParamInfo> info = paramInfo();
    return {param(m_gamma, m_gammaGrad, info[0]), param(m_beta, m_betaGrad, info[1]),
            param(m_runningMean, m_meanGrad, info[2]), param(m_runningVar, m_varGrad, info[3])};
}

}  // namespace nnplay
