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

enum class Task { Classification, Regression };

/// A problem in a project, network, data file or setting that the user can fix; the message
/// says what and where.
class InputError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

std::string toString(Task task);
/// Throws InputError for anything but "classification" or "regression".
Task taskFromString(const std::string& name);

}  // namespace nnplay
