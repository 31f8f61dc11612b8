// SPDX-License-Identifier: GPL-3.0-or-later
#include "layers/Conv2DLayer.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <new>

#include "ShapeError.h"
#include "ThreadPool.h"

namespace nnplay {

namespace {

/// The output columns [first, last) where input column ox * stride - padLeft + kj lies in
/// the image.
void validColumns(const Conv2DLayer::Geometry& g, int kj, int& first, int& last) {
    const int offset = g.padLeft - kj;  // ix = ox * stride - offset
    first = offset > 0 ? (offset + g.stride - 1) / g.stride : 0;
    const int top = g.width - 1 + offset;  // ox * stride <= top
    last = top < 0 ? 0 : std::min(g.outWidth, top / g.stride + 1);
    first = std::min(first, last);
}

/// Unfolds one sample x (C*H*W) into columns (P x C*k*k, column-major): column (c, ki, kj)
/// holds input channel c at every output position shifted by (ki, kj), zero outside.
void unfold(const Conv2DLayer::Geometry& g, const float* x, float* columns) {
    const int k = g.kernel, s = g.stride, ow = g.outWidth, pixels = g.pixels();
    for (int kj = 0; kj < k; ++kj) {
        int first = 0, last = 0;
        validColumns(g, kj, first, last);
        const int shift = kj - g.padLeft;
        for (int c = 0; c < g.channels; ++c) {
            const float* plane = x + static_cast<std::ptrdiff_t>(c) * g.height * g.width;
            for (int ki = 0; ki < k; ++ki) {
                float* column =
                    columns + static_cast<std::ptrdiff_t>((c * k + ki) * k + kj) * pixels;
                for (int oy = 0; oy < g.outHeight; ++oy) {
                    float* out = column + oy * ow;
                    const int iy = oy * s - g.padTop + ki;
                    if (iy < 0 || iy >= g.height) {
                        std::fill(out, out + ow, 0.0f);
                        continue;
                    }
                    const float* row = plane + iy * g.width;
                    std::fill(out, out + first, 0.0f);
                    if (s == 1) {
                        std::memcpy(out + first, row + first + shift,
                                    sizeof(float) * static_cast<std::size_t>(last - first));
                    } else {
                        for (int ox = first; ox < last; ++ox) out[ox] = row[ox * s + shift];
                    }
                    std::fill(out + last, out + ow, 0.0f);
                }
            }
        }
    }
}

/// The reverse of unfold: adds each column's values back onto the input positions they came
/// from. dx (C*H*W) is overwritten.
void fold(const Conv2DLayer::Geometry& g, const float* columns, float* dx) {
    std::fill(dx, dx + g.inputSize(), 0.0f);
    const int k = g.kernel, s = g.stride, ow = g.outWidth, pixels = g.pixels();
    for (int kj = 0; kj < k; ++kj) {
        int first = 0, last = 0;
        validColumns(g, kj, first, last);
        const int shift = kj - g.padLeft;
        for (int c = 0; c < g.channels; ++c) {
            float* plane = dx + static_cast<std::ptrdiff_t>(c) * g.height * g.width;
            for (int ki = 0; ki < k; ++ki) {
                const float* column =
                    columns + static_cast<std::ptrdiff_t>((c * k + ki) * k + kj) * pixels;
                for (int oy = 0; oy < g.outHeight; ++oy) {
                    const int iy = oy * s - g.padTop + ki;
                    if (iy < 0 || iy >= g.height) continue;
                    const float* in = column + oy * ow;
                    float* row = plane + iy * g.width;
                    for (int ox = first; ox < last; ++ox) row[ox * s + shift] += in[ox];
                }
            }
        }
    }
}

Conv2DLayer::Padding paddingOf(const LayerSpec& spec) {
    return spec.setting("padding") == 1 ? Conv2DLayer::Padding::Valid : Conv2DLayer::Padding::Same;
}

/// Multiply-adds of a batch below which a convolution stays on one thread (waking a worker
/// costs more than it saves).
constexpr double kMinWorkToShare = 2e6;

}  // namespace

Conv2DLayer::Conv2DLayer(int filters, int kernel, int stride, Padding padding)
    : m_filters(filters), m_kernel(kernel), m_stride(stride), m_padding(padding) {}

Conv2DLayer::Geometry Conv2DLayer::geometry(const Shape& input, int kernel, int stride,
                                            Padding padding) {
    Geometry g;
    g.channels = input.channels;
    g.height = input.height;
    g.width = input.width;
    g.kernel = kernel;
    g.stride = stride;
    if (padding == Padding::Valid) {
        g.outHeight = (g.height - kernel) / stride + 1;
        g.outWidth = (g.width - kernel) / stride + 1;
    } else {
        g.outHeight = (g.height + stride - 1) / stride;
        g.outWidth = (g.width + stride - 1) / stride;
        g.padTop = std::max((g.outHeight - 1) * stride + kernel - g.height, 0) / 2;
        g.padLeft = std::max((g.outWidth - 1) * stride + kernel - g.width, 0) / 2;
    }
    return g;
}

std::vector<ParamInfo> Conv2DLayer::paramInfo() {
    return {{"weights", ParamStorage::Matrix, true, true},
            {"bias", ParamStorage::List, true, false}};
}

Shape Conv2DLayer::outputShape(const LayerSpec& spec, const Shape& input) {
    const int k = static_cast<int>(spec.setting("kernel_size"));
    if (input.isSequence() || input.isFlat())
        throw ShapeError("an image (channels x height x width)",
                         "use image data (such as the digits) and put Conv2D before any Dense "
                         "layer, which gives a flat list of values");
    const Padding padding = paddingOf(spec);
    if (padding == Padding::Valid && (input.height < k || input.width < k)) {
        const std::string size = std::to_string(k) + "x" + std::to_string(k);
        throw ShapeError(
            "an input of at least " + size + " for its " + size + " kernel with padding \"valid\"",
            "use padding \"same\", a smaller kernel_size or less pooling before it");
    }
    const Geometry g = geometry(input, k, static_cast<int>(spec.setting("stride")), padding);
    return {static_cast<int>(spec.setting("filters")), g.outHeight, g.outWidth};
}

std::vector<std::pair<int, int>> Conv2DLayer::paramShapes(const LayerSpec& spec,
                                                          const Shape& input) {
    const int filters = static_cast<int>(spec.setting("filters"));
    const int k = static_cast<int>(spec.setting("kernel_size"));
    return {{filters, input.channels * k * k}, {filters, 1}};
}

void Conv2DLayer::build(const Shape& input, InitScheme scheme, const std::string& nextActivation,
                        Random& rng) {
    m_geometry = geometry(input, m_kernel, m_stride, m_padding);
    const int fanIn = m_geometry.patch();
    const int fanOut = m_filters * m_kernel * m_kernel;
    m_weights.resize(m_filters, fanIn);
    m_bias.resize(m_filters, 1);
    initializeWeights(m_weights, m_bias, scheme, fanIn, fanOut, nextActivation, rng);
    m_weightsGrad.setZero(m_filters, fanIn);
    m_biasGrad.setZero(m_filters, 1);
}

int Conv2DLayer::taskCount(Eigen::Index n) const {
    const int threads = ThreadPool::shared().threadCount();
    const double work = static_cast<double>(m_geometry.pixels()) * m_geometry.patch() * m_filters;
    if (threads == 1 || work * static_cast<double>(n) < kMinWorkToShare) return 1;
    return static_cast<int>(std::min<Eigen::Index>(threads, n));
}

void Conv2DLayer::taskRange(int task, int tasks, Eigen::Index n, Eigen::Index& first,
                            Eigen::Index& last) {
    first = n * task / tasks;
    last = n * (task + 1) / tasks;
}

ConstMatrixRef Conv2DLayer::forward(const ConstMatrixRef& input, Mode) {
    new (&m_input) ConstMatrixMap(contiguous(input));
    const Geometry& g = m_geometry;
    const Eigen::Index n = input.cols(), pixels = g.pixels(), patch = g.patch();
    auto out = m_output.view(static_cast<Eigen::Index>(m_filters) * pixels, n);
    const int tasks = taskCount(n);
    if (static_cast<int>(m_scratch.size()) < tasks)
        m_scratch.resize(static_cast<std::size_t>(tasks));
    ThreadPool::shared().run(tasks, [&](int task) {
        Scratch& s = m_scratch[static_cast<std::size_t>(task)];
        if (s.columns.rows() != pixels || s.columns.cols() != patch)
            s.columns.resize(pixels, patch);
        Eigen::Index first = 0, last = 0;
        taskRange(task, tasks, n, first, last);
        for (Eigen::Index j = first; j < last; ++j) {
            unfold(g, m_input.col(j).data(), s.columns.data());
            Eigen::Map<Matrix> y(out.col(j).data(), pixels, m_filters);
            y.noalias() = s.columns * m_weights.transpose();
            for (int f = 0; f < m_filters; ++f) y.col(f).array() += m_bias(f);
        }
    });
    return out;
}

ConstMatrixRef Conv2DLayer::backward(const ConstMatrixRef& gradOutput) {
    const ConstMatrixMap grad = contiguous(gradOutput);
    const Geometry& g = m_geometry;
    const Eigen::Index n = grad.cols(), pixels = g.pixels(), patch = g.patch();
    const int tasks = taskCount(n);
    if (static_cast<int>(m_scratch.size()) < tasks)
        m_scratch.resize(static_cast<std::size_t>(tasks));
    auto gradInput = m_gradInput.view(g.inputSize(), m_inputGradientNeeded ? n : 0);
    ThreadPool::shared().run(tasks, [&](int task) {
        Scratch& s = m_scratch[static_cast<std::size_t>(task)];
        if (s.columns.rows() != pixels || s.columns.cols() != patch)
            s.columns.resize(pixels, patch);
        // The first task sums straight into the layer's gradients, the others into their own.
        Matrix& weightsGrad = task == 0 ? m_weightsGrad : s.weightsGrad;
        Matrix& biasGrad = task == 0 ? m_biasGrad : s.biasGrad;
        weightsGrad.setZero(m_filters, patch);
        biasGrad.setZero(m_filters, 1);
        if (m_inputGradientNeeded &&
            (s.gradColumns.rows() != pixels || s.gradColumns.cols() != patch))
            s.gradColumns.resize(pixels, patch);
        Eigen::Index first = 0, last = 0;
        taskRange(task, tasks, n, first, last);
        for (Eigen::Index j = first; j < last; ++j) {
            const Eigen::Map<const Matrix> gy(grad.col(j).data(), pixels, m_filters);
            unfold(g, m_input.col(j).data(), s.columns.data());
            weightsGrad.noalias() += gy.transpose() * s.columns;
            biasGrad.noalias() += gy.colwise().sum().transpose();
            if (!m_inputGradientNeeded) continue;
            s.gradColumns.noalias() = gy * m_weights;
            fold(g, s.gradColumns.data(), gradInput.col(j).data());
        }
    });
    for (int task = 1; task < tasks; ++task) {
        m_weightsGrad += m_scratch[static_cast<std::size_t>(task)].weightsGrad;
        m_biasGrad += m_scratch[static_cast<std::size_t>(task)].biasGrad;
    }
    if (!m_inputGradientNeeded) return grad;  // nobody reads it
    return gradInput;
}

std::vector<Param> Conv2DLayer::params() {
    static const std::vector<ParamInfo> info = paramInfo();
    return {param(m_weights, m_weightsGrad, info[0]), param(m_bias, m_biasGrad, info[1])};
}

}  // namespace nnplay
