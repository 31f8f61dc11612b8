// SPDX-License-Identifier: GPL-3.0-or-later
#include "layers/DenseKernels.h"

#include <cstring>
#include <type_traits>
#include <utility>

namespace nnplay::kernels {

namespace {

using Index = Eigen::Index;

// The widest vector the target has, in floats, and how many of its registers a tile may use:
// a tile keeps kRowVectors x 4 sums in registers and reads a column of `a` kRowVectors vectors
// at a time.
#if defined(__AVX512F__)
constexpr int kWidth = 16;
constexpr int kRowVectors = 4;
#elif defined(__AVX__)
constexpr int kWidth = 8;
constexpr int kRowVectors = 2;
#else
constexpr int kWidth = 4;
constexpr int kRowVectors = 2;
#endif

template <int Lanes>
struct VectorOf {
    typedef float type __attribute__((vector_size(Lanes * sizeof(float))));
};
template <int Lanes>
using Vec = typename VectorOf<Lanes>::type;

template <class V>
constexpr int kLanes = sizeof(V) / sizeof(float);

template <class V>
inline V load(const float* p) {
    V v;
    std::memcpy(&v, p, sizeof v);
    return v;
}

template <class V>
inline void store(float* p, V v) {
    std::memcpy(p, &v, sizeof v);
}

template <class V, std::size_t... K>
inline V splat(float s, std::index_sequence<K...>) {
    return V{((void)K, s)...};
}

template <class V>
inline V splat(float s) {
    if constexpr (std::is_same_v<V, float>)
        return s;
    else
        return splat<V>(s, std::make_index_sequence<kLanes<V>>());
}

/// Step `D` of a transpose of a block of kWidth x kWidth floats held in vectors: swaps the
/// off-diagonal D x D sub-blocks of every 2D x 2D block, by lanes of row pairs (i, i + D).
template <int D, std::size_t... K>
inline void transposeStep(Vec<kWidth>* rows, std::index_sequence<K...>) {
    for (int i = 0; i < kWidth; ++i) {
        if (i & D) continue;
        const Vec<kWidth> a = rows[i], b = rows[i + D];
        rows[i] = __builtin_shufflevector(a, b, ((K & D) ? kWidth + K - D : K)...);
        rows[i + D] = __builtin_shufflevector(a, b, ((K & D) ? kWidth + K : K + D)...);
    }
}

/// dst = src^T for one kWidth x kWidth block (column-major, leading dimensions lds, ldd).
inline void transposeBlock(const float* src, Eigen::Index lds, float* dst, Eigen::Index ldd) {
    Vec<kWidth> rows[kWidth];
    for (int i = 0; i < kWidth; ++i) rows[i] = load<Vec<kWidth>>(src + i * lds);
    constexpr auto lanes = std::make_index_sequence<kWidth>();
    if constexpr (kWidth >= 16) transposeStep<8>(rows, lanes);
    if constexpr (kWidth >= 8) transposeStep<4>(rows, lanes);
    transposeStep<2>(rows, lanes);
    transposeStep<1>(rows, lanes);
    for (int i = 0; i < kWidth; ++i) store(dst + i * ldd, rows[i]);
}

/// Makes the compiler load `v` once into a register instead of folding the load into each
/// multiply-add that uses it: NC loads of the same column would saturate the load ports.
template <class V>
inline void keepInRegister(V& v) {
#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
    if constexpr (!std::is_same_v<V, float>) asm("" : "+v"(v));
#else
    (void)v;
#endif
}

/// out (RV vectors x NC columns) = a (RV vectors x k) * b (k x NC) [+ bias], the sums held in
/// registers for the whole k loop.
template <class V, int RV, int NC>
inline void tile(Index k, const float* a, Index lda, const float* b, Index bRow, Index bCol,
                 float* out, Index ldo, const float* bias) {
    constexpr int L = kLanes<V>;
    V sum[RV][NC];
    for (int r = 0; r < RV; ++r) {
        const V start = bias ? load<V>(bias + r * L) : V{};
        for (int j = 0; j < NC; ++j) sum[r][j] = start;
    }
    for (Index p = 0; p < k; ++p, a += lda, b += bRow) {
        V column[RV];
        for (int r = 0; r < RV; ++r) {
            column[r] = load<V>(a + r * L);
            keepInRegister(column[r]);
        }
        for (int j = 0; j < NC; ++j) {
            const V x = splat<V>(b[j * bCol]);
            for (int r = 0; r < RV; ++r) sum[r][j] += column[r] * x;
        }
    }
    for (int j = 0; j < NC; ++j)
        for (int r = 0; r < RV; ++r) store(out + j * ldo + r * L, sum[r][j]);
}

/// One band of RV vectors of rows across all n columns: tiles of NC columns, then halves.
template <class V, int RV, int NC>
void band(Index n, Index k, const float* a, Index lda, StridedMatrix b, float* out, Index ldo,
          const float* bias) {
    Index j = 0;
    for (; j + NC <= n; j += NC)
        tile<V, RV, NC>(k, a, lda, b.data + j * b.colStride, b.rowStride, b.colStride,
                        out + j * ldo, ldo, bias);
    if constexpr (NC > 1) {
        if (j < n)
            band<V, RV, NC / 2>(n - j, k, a, lda,
                                {b.data + j * b.colStride, b.rowStride, b.colStride}, out + j * ldo,
                                ldo, bias);
    }
}

}  // namespace

void multiply(Index m, Index n, Index k, const float* a, Index lda, StridedMatrix b, float* out,
              Index ldo, const float* bias) {
    if (m <= 0 || n <= 0) return;
    if (m == 1 && ldo == 1 && lda == 1) {
        // A single output row (a one-unit layer) has too few rows for vectors down the
        // columns: use vectors along b's rows or columns, whichever is contiguous.
        using ConstVector = Eigen::Map<const Eigen::VectorXf>;
        const float start = bias ? bias[0] : 0.0f;
        if (b.rowStride == 1) {
            const ConstVector weights(a, k);
            for (Index j = 0; j < n; ++j)
                out[j] = start + weights.dot(ConstVector(b.data + j * b.colStride, k));
            return;
        }
        if (b.colStride == 1) {
            Eigen::Map<Eigen::VectorXf> row(out, n);
            row.setConstant(start);
            for (Index p = 0; p < k; ++p) row += a[p] * ConstVector(b.data + p * b.rowStride, n);
            return;
        }
    }
    Index i = 0;
    auto at = [&](Index row) { return bias ? bias + row : nullptr; };
    // Wide bands first; a single vector (or scalar) row band takes 8 columns at a time so
    // that enough independent sums hide the latency of a multiply-add.
    for (; i + kRowVectors * kWidth <= m; i += kRowVectors * kWidth)
        band<Vec<kWidth>, kRowVectors, 4>(n, k, a + i, lda, b, out + i, ldo, at(i));
    for (; i + kWidth <= m; i += kWidth)
        band<Vec<kWidth>, 1, 8>(n, k, a + i, lda, b, out + i, ldo, at(i));
    if constexpr (kWidth > 8) {
        if (i + 8 <= m) {
            band<Vec<8>, 1, 8>(n, k, a + i, lda, b, out + i, ldo, at(i));
            i += 8;
        }
    }
    if constexpr (kWidth > 4) {
        if (i + 4 <= m) {
            band<Vec<4>, 1, 8>(n, k, a + i, lda, b, out + i, ldo, at(i));
            i += 4;
        }
    }
    for (; i < m; ++i) band<float, 1, 8>(n, k, a + i, lda, b, out + i, ldo, at(i));
}

void transpose(Index rows, Index cols, const float* src, float* dst) {
    // Whole blocks by vector shuffles, the edges one value at a time.
    const Index fullRows = rows - rows % kWidth, fullCols = cols - cols % kWidth;
    for (Index c = 0; c < fullCols; c += kWidth)
        for (Index r = 0; r < fullRows; r += kWidth)
            transposeBlock(src + c * rows + r, rows, dst + r * cols + c, cols);
    for (Index c = 0; c < cols; ++c) {
        const Index r0 = c < fullCols ? fullRows : 0;
        for (Index r = r0; r < rows; ++r) dst[r * cols + c] = src[c * rows + r];
    }
}

void rowSums(Index rows, Index cols, const float* g, float* out) {
    for (Index r = 0; r < rows; ++r) out[r] = 0.0f;
    for (Index c = 0; c < cols; ++c, g += rows)
        for (Index r = 0; r < rows; ++r) out[r] += g[r];
}

}  // namespace nnplay::kernels
