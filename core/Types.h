// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <Eigen/Core>
#include <stdexcept>
#include <string>

namespace nnplay {

/// A batch: one sample per column (features x batch), column-major floats.
using Matrix = Eigen::MatrixXf;
using Vector = Eigen::VectorXf;
/// A read-only view of a batch (a whole matrix or its leading columns), never a copy.
using ConstMatrixRef = Eigen::Ref<const Eigen::MatrixXf>;
/// The leading columns of a matrix: a writable view with contiguous columns.
using MatrixBlock = Eigen::Block<Matrix, Eigen::Dynamic, Eigen::Dynamic, true>;

/// A batch view known to be contiguous (every view the engine hands out is: whole matrices
/// and runs of columns), so Eigen can vectorise across columns.
using ConstMatrixMap = Eigen::Map<const Eigen::MatrixXf>;

/// `view` as a contiguous map; the engine's views always have outerStride() == rows().
inline ConstMatrixMap contiguous(const ConstMatrixRef& view) {
    eigen_assert(view.outerStride() == view.rows() || view.cols() <= 1);
    return {view.data(), view.rows(), view.cols()};
}

/// All values of a contiguous view as one flat array, for element-wise work.
inline Eigen::Map<const Eigen::ArrayXf> flat(const ConstMatrixRef& view) {
    eigen_assert(view.outerStride() == view.rows() || view.cols() <= 1);
    return {view.data(), view.size()};
}
inline Eigen::Map<Eigen::ArrayXf> flat(MatrixBlock view) { return {view.data(), view.size()}; }

/// What a project trains: a supervised model (classification, regression) or a generative
/// adversarial pair (a generator against a discriminator).
enum class Task { Classification, Regression, Gan };

/// A problem in a project, network, data file or setting that the user can fix; the message
/// says what and where.
class InputError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

std::string toString(Task task);
/// Throws InputError for anything but "classification", "regression" or "gan".
Task taskFromString(const std::string& name);

}  // namespace nnplay
