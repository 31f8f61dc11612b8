// SPDX-License-Identifier: GPL-3.0-or-later
#include "layers/Conv2DLayer.h"

#include <algorithm>
#include <cmath>
#include <new>

#include "ShapeError.h"
#include "ThreadPool.h"
#include "layers/Avx512.h"

namespace nnplay {

namespace {

/// Output positions [ox0, ox1) x [oy0, oy1) of kernel offset (ki, kj) whose input lies in the
/// image, and the offset in a channel plane of the input under (ox0, oy0).
struct Window {
    int ox0 = 0, ox1 = 0, oy0 = 0, oy1 = 0;
    int input = 0;
    int columns() const { return ox1 - ox0; }
    int rows() const { return oy1 - oy0; }
};

/// [first, last) of the outputs o with 0 <= o * stride + shift < size.
void inside(int outputs, int stride, int shift, int size, int& first, int& last) {
    first = shift < 0 ? (-shift + stride - 1) / stride : 0;
    const int top = size - 1 - shift;  // o * stride <= top
    last = top < 0 ? 0 : std::min(outputs, top / stride + 1);
    first = std::min(first, last);
}

Window window(const Conv2DLayer::Geometry& g, int ki, int kj) {
    Window w;
    const int shiftY = ki - g.padTop, shiftX = kj - g.padLeft;
    inside(g.outHeight, g.stride, shiftY, g.height, w.oy0, w.oy1);
    inside(g.outWidth, g.stride, shiftX, g.width, w.ox0, w.ox1);
    w.input = (w.oy0 * g.stride + shiftY) * g.width + w.ox0 * g.stride + shiftX;
    return w;
}

/// Copies `rows` rows of n values, `inStride` apart in `in` and `outStride` in `out`. A
/// column's rows are OW values or fewer, too short for a memcpy call or a generic vector loop
/// to pay off: with AVX-512 one masked load and store moves up to 16 values, and the masks
/// are made once for all rows.
void copyRows(const float* in, int inStride, float* out, int outStride, int rows, int n) {
#ifdef NNPLAY_AVX512
    const int full = n / 16;
    const auto tail = static_cast<__mmask16>((1u << (n % 16)) - 1);
    for (int r = 0; r < rows; ++r, in += inStride, out += outStride) {
        for (int i = 0; i < full; ++i) _mm512_storeu_ps(out + 16 * i, _mm512_loadu_ps(in + 16 * i));
        if (tail)
            _mm512_mask_storeu_ps(out + 16 * full, tail,
                                  _mm512_maskz_loadu_ps(tail, in + 16 * full));
    }
#else
    for (int r = 0; r < rows; ++r, in += inStride, out += outStride) std::copy_n(in, n, out);
#endif
}

/// Unfolds one sample x (C*H*W) into its rows of columns (column-major with column stride
/// `stride`): column (c, ki, kj) holds input channel c at every output position shifted by
/// (ki, kj), zero outside the image.
void unfold(const Conv2DLayer::Geometry& g, const float* x, float* columns, Eigen::Index stride) {
    const int k = g.kernel, s = g.stride, ow = g.outWidth, plane = g.height * g.width;
    for (int ki = 0; ki < k; ++ki)
        for (int kj = 0; kj < k; ++kj) {
            const Window w = window(g, ki, kj);
            const bool partial = w.columns() != ow || w.rows() != g.outHeight;
            for (int c = 0; c < g.channels; ++c) {
                float* column = columns + ((c * k + ki) * k + kj) * stride;
                if (partial) std::fill(column, column + g.pixels(), 0.0f);
                const float* in = x + c * plane + w.input;
                float* out = column + w.oy0 * ow + w.ox0;
                if (s == 1) {
                    copyRows(in, g.width, out, ow, w.rows(), w.columns());
                    continue;
                }
                for (int oy = w.oy0; oy < w.oy1; ++oy, in += s * g.width, out += ow)
                    for (int i = 0; i < w.columns(); ++i) out[i] = in[i * s];
            }
        }
}

#ifdef NNPLAY_AVX512
/// fold for stride 1: each row of dx sums what the columns' rows give it in a register, 16
/// values at a time, and is stored once. Adding every column row onto dx in memory instead
/// makes each add wait for the store before it. A masked load reads none of its lanes outside
/// the mask, so the rows' edges need no special case. The sums come in the order of the
/// general loop, so both give the same values.
void foldStride1(const Conv2DLayer::Geometry& g, const float* columns, Eigen::Index stride,
                 float* dx) {
    const int k = g.kernel, oh = g.outHeight, ow = g.outWidth, w = g.width;
    for (int c = 0; c < g.channels; ++c)
        for (int y = 0; y < g.height; ++y, dx += w)
            for (int x0 = 0; x0 < w; x0 += 16) {
                __m512 sum = _mm512_setzero_ps();
                for (int ki = 0; ki < k; ++ki) {
                    const int oy = y - ki + g.padTop;
                    if (oy < 0 || oy >= oh) continue;
                    for (int kj = 0; kj < k; ++kj) {
                        // Column (c, ki, kj) at output x - shift holds input x.
                        const int shift = kj - g.padLeft;
                        const int lo = std::max({0, shift, x0}) - x0;
                        const int hi = std::min({w, shift + ow, x0 + 16}) - x0;
                        if (lo >= hi) continue;
                        const auto lanes =
                            static_cast<__mmask16>(((1u << hi) - 1) & ~((1u << lo) - 1));
                        const float* row =
                            columns + ((c * k + ki) * k + kj) * stride + oy * ow + x0 - shift;
                        sum = _mm512_add_ps(sum, _mm512_maskz_loadu_ps(lanes, row));
                    }
                }
                const int n = std::min(16, w - x0);
                _mm512_mask_storeu_ps(dx + x0, static_cast<__mmask16>((1u << n) - 1), sum);
            }
}
#endif

/// The reverse of unfold: adds each column's values back onto the input positions they came
/// from. dx (C*H*W) is overwritten.
void fold(const Conv2DLayer::Geometry& g, const float* columns, Eigen::Index stride, float* dx) {
#ifdef NNPLAY_AVX512
    if (g.stride == 1) {
        foldStride1(g, columns, stride, dx);
        return;
    }
#endif
    std::fill(dx, dx + g.inputSize(), 0.0f);
    const int k = g.kernel, s = g.stride, ow = g.outWidth, plane = g.height * g.width;
    for (int c = 0; c < g.channels; ++c)
        for (int ki = 0; ki < k; ++ki)
            for (int kj = 0; kj < k; ++kj) {
                const Window w = window(g, ki, kj);
                const float* in = columns + ((c * k + ki) * k + kj) * stride + w.oy0 * ow + w.ox0;
                float* out = dx + c * plane + w.input;
                for (int oy = w.oy0; oy < w.oy1; ++oy, in += ow, out += s * g.width)
                    for (int i = 0; i < w.columns(); ++i) out[i * s] += in[i];
            }
}

Conv2DLayer::Padding paddingOf(const LayerSpec& spec) {
    return spec.setting("padding") == 1 ? Conv2DLayer::Padding::Valid : Conv2DLayer::Padding::Same;
}

/// Multiply-adds of a batch below which a convolution stays on one thread (waking a worker
/// costs more than it saves).
constexpr double kMinWorkToShare = 2e6;

/// Unfolded values per product: samples are unfolded and multiplied in chunks of about this
/// many, which keeps a chunk's columns in the core's cache while the weights are packed once
/// per chunk rather than once per sample.
constexpr Eigen::Index kChunkValues = 1 << 16;

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

void Conv2DLayer::prepareScratch(int tasks, Eigen::Index n) {
    if (static_cast<int>(m_scratch.size()) < tasks)
        m_scratch.resize(static_cast<std::size_t>(tasks));
    const Eigen::Index patch = m_geometry.patch();
    const Eigen::Index rows =
        std::min(chunkSamples(), (n + tasks - 1) / tasks) * m_geometry.pixels();
    for (int task = 0; task < tasks; ++task) {
        Scratch& s = m_scratch[static_cast<std::size_t>(task)];
        // Buffers only grow, so the last, smaller batch of an epoch does not allocate.
        if (s.columns.rows() < rows || s.columns.cols() != patch) {
            s.columns.resize(rows, patch);
            s.products.resize(rows, m_filters);
        }
        if (m_inputGradientNeeded && s.gradColumns.rows() != s.columns.rows())
            s.gradColumns.resize(s.columns.rows(), patch);
    }
}

Eigen::Index Conv2DLayer::chunkSamples() const {
    const Eigen::Index values = static_cast<Eigen::Index>(m_geometry.pixels()) * m_geometry.patch();
    return std::max<Eigen::Index>(1, kChunkValues / values);
}

template <typename Work>
void Conv2DLayer::forEachChunk(int tasks, Eigen::Index n, Work work) {
    prepareScratch(tasks, n);
    ThreadPool::shared().run(tasks, [&](int task) {
        Scratch& s = m_scratch[static_cast<std::size_t>(task)];
        const Eigen::Index first = n * task / tasks, last = n * (task + 1) / tasks;
        const Eigen::Index chunk = s.columns.rows() / m_geometry.pixels();
        for (Eigen::Index j = first; j < last; j += chunk)
            work(task, s, j, std::min(chunk, last - j));
    });
}

ConstMatrixRef Conv2DLayer::forward(const ConstMatrixRef& input, Mode) {
    new (&m_input) ConstMatrixMap(contiguous(input));
    const Geometry& g = m_geometry;
    const Eigen::Index n = input.cols(), pixels = g.pixels();
    auto out = m_output.view(static_cast<Eigen::Index>(m_filters) * pixels, n);
    forEachChunk(taskCount(n), n, [&](int, Scratch& s, Eigen::Index first, Eigen::Index count) {
        const Eigen::Index rows = count * pixels, stride = s.columns.rows();
        for (Eigen::Index j = 0; j < count; ++j)
            unfold(g, m_input.col(first + j).data(), s.columns.data() + j * pixels, stride);
        // One product for the chunk: its samples' positions one under the other, then each
        // sample's maps back to filter-major order with the bias added.
        auto y = s.products.topRows(rows);
        y.noalias() = s.columns.topRows(rows) * m_weights.transpose();
        for (Eigen::Index j = 0; j < count; ++j) {
            Eigen::Map<Matrix> maps(out.col(first + j).data(), pixels, m_filters);
            for (int f = 0; f < m_filters; ++f)
                maps.col(f) = y.col(f).segment(j * pixels, pixels).array() + m_bias(f);
        }
    });
    return out;
}

ConstMatrixRef Conv2DLayer::backward(const ConstMatrixRef& gradOutput) {
    const ConstMatrixMap grad = contiguous(gradOutput);
    const Geometry& g = m_geometry;
    const Eigen::Index n = grad.cols(), pixels = g.pixels(), patch = g.patch();
    const int tasks = taskCount(n);
    auto gradInput = m_gradInput.view(g.inputSize(), m_inputGradientNeeded ? n : 0);
    prepareScratch(tasks, n);
    for (int task = 0; task < tasks; ++task) {
        // The first task sums straight into the layer's gradients, the others into their own.
        Scratch& s = m_scratch[static_cast<std::size_t>(task)];
        (task == 0 ? m_weightsGrad : s.weightsGrad).setZero(m_filters, patch);
        (task == 0 ? m_biasGrad : s.biasGrad).setZero(m_filters, 1);
    }
    forEachChunk(tasks, n, [&](int task, Scratch& s, Eigen::Index first, Eigen::Index count) {
        Matrix& weightsGrad = task == 0 ? m_weightsGrad : s.weightsGrad;
        Matrix& biasGrad = task == 0 ? m_biasGrad : s.biasGrad;
        const Eigen::Index rows = count * pixels, stride = s.columns.rows();
        auto gy = s.products.topRows(rows);
        for (Eigen::Index j = 0; j < count; ++j) {
            gy.middleRows(j * pixels, pixels) =
                Eigen::Map<const Matrix>(grad.col(first + j).data(), pixels, m_filters);
            unfold(g, m_input.col(first + j).data(), s.columns.data() + j * pixels, stride);
        }
        weightsGrad.noalias() += gy.transpose() * s.columns.topRows(rows);
        biasGrad.noalias() += gy.colwise().sum().transpose();
        if (!m_inputGradientNeeded) return;
        s.gradColumns.topRows(rows).noalias() = gy * m_weights;
        for (Eigen::Index j = 0; j < count; ++j)
            fold(g, s.gradColumns.data() + j * pixels, stride, gradInput.col(first + j).data());
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
