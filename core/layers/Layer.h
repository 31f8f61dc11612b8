// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <string>
#include <vector>

#include "Random.h"
#include "Shape.h"
#include "Types.h"

namespace nnplay {

enum class Mode { Train, Infer };

/// One trainable tensor and its gradient, side by side. Both are owned by the layer.
struct Param {
    Matrix* value;
    Matrix* grad;
    /// L1/L2 penalties apply to weights, not to biases.
    bool regularized;
};

/// How dense weights start: He/Glorot chosen by the following activation, Playground's
/// U(-0.5, 0.5) with bias 0.1, or PyTorch's default U(+-1/sqrt(fan_in)).
enum class InitScheme { Auto, Playground, PyTorch };

/// A layer of a sequential network. Batches hold one sample per column; a layer keeps the
/// buffers it returns, so the returned views stay valid until its next forward/backward.
/// Buffers only grow, so a training loop with a fixed batch size does not allocate.
class Layer {
public:
    virtual ~Layer() = default;

    /// Registry name, e.g. "dense".
    virtual std::string type() const = 0;
    /// Sizes the parameters for samples of shape `input` and initialises them.
    /// `nextActivation` is the type of the layer after this one ("" at the end).
    virtual void build(const Shape& input, InitScheme scheme, const std::string& nextActivation,
                       Random& rng);
    /// input: inputSize x batch. Returns outputSize x batch.
    virtual ConstMatrixRef forward(const ConstMatrixRef& input, Mode mode) = 0;
    /// gradOutput: dLoss/dOutput of the last forward (outputSize x batch). Overwrites the
    /// parameter gradients and returns dLoss/dInput (inputSize x batch).
    virtual ConstMatrixRef backward(const ConstMatrixRef& gradOutput) = 0;
    /// The trainable tensors, in a fixed order (for dense: weights then bias).
    virtual std::vector<Param> params() { return {}; }
    /// The first layer's input gradient is never read; a layer may then skip computing it
    /// and return any view from backward().
    void setInputGradientNeeded(bool needed) { m_inputGradientNeeded = needed; }

protected:
    bool m_inputGradientNeeded = true;
};

/// A buffer that holds up to `capacity` columns and hands out views of its leading columns.
class BatchBuffer {
public:
    /// A rows x cols view; reallocates only when rows change or cols exceed the capacity.
    MatrixBlock view(Eigen::Index rows, Eigen::Index cols) {
        if (m_storage.rows() != rows || m_storage.cols() < cols) m_storage.resize(rows, cols);
        return m_storage.leftCols(cols);
    }

private:
    Matrix m_storage;
};

}  // namespace nnplay
