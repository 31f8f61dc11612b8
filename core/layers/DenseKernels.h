// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <Eigen/Core>

namespace nnplay::kernels {

/// A read-only matrix given by its first element and the distance between consecutive rows
/// and columns (in floats), so a transposed view is the same matrix with the strides swapped.
struct StridedMatrix {
    const float* data;
    Eigen::Index rowStride, colStride;
    float operator()(Eigen::Index row, Eigen::Index col) const {
        return data[row * rowStride + col * colStride];
    }
};

/// out = a * b, plus `bias` (m values) added to every column when it is not null.
/// a: m x k, column-major with leading dimension lda; b: k x n, any strides;
/// out: m x n, column-major with leading dimension ldo, fully overwritten (never read).
/// The products of dense layers: small enough to stay in cache, where a register-blocked
/// loop without packing beats a general matrix product several times over.
void multiply(Eigen::Index m, Eigen::Index n, Eigen::Index k, const float* a, Eigen::Index lda,
              StridedMatrix b, float* out, Eigen::Index ldo, const float* bias);

/// dst = src^T; src: rows x cols, column-major with leading dimension rows; dst: cols x rows.
void transpose(Eigen::Index rows, Eigen::Index cols, const float* src, float* dst);

/// out[r] = sum over columns of g(r, c); g: rows x cols, column-major, contiguous.
void rowSums(Eigen::Index rows, Eigen::Index cols, const float* g, float* out);

}  // namespace nnplay::kernels
