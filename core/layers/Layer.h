// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <string>
#include <vector>

#include "Random.h"
#include "Shape.h"
#include "Types.h"

namespace nnplay {

enum class Mode { Train, Infer };

/// How the file stores a parameter: a list of rows (a weight matrix) or one flat list (a bias
/// or a per-unit statistic, rows x 1).
enum class ParamStorage { Matrix, List };

/// What a layer kind says about one of its tensors before any layer is built: the file format,
/// the optimizer and the penalties read it.
struct ParamInfo {
    /// Key of the tensor in the file: "weights", "bias".
    std::string name;
    ParamStorage storage = ParamStorage::Matrix;
    /// Whether the optimizer steps it (false for statistics that are stored but not trained).
    bool trainable = true;
    /// Whether L1/L2 penalties apply (to weights, not to biases).
    bool penalized = false;
};

/// One tensor and its gradient, side by side. Both are owned by the layer.
struct Param {
    Matrix* value;
    Matrix* grad;
    /// Whether the optimizer steps it: the kind's ParamInfo::trainable, false in a frozen layer.
    bool trainable = true;
    /// The kind's ParamInfo::penalized.
    bool penalized = false;

    /// L1/L2 penalties apply to penalized tensors that are trained.
    bool penaltyApplies() const { return trainable && penalized; }
};

/// How dense weights start: He/Glorot chosen by the following activation, Playground's
/// U(-0.5, 0.5) with bias 0.1, or PyTorch's default U(+-1/sqrt(fan_in)).
enum class InitScheme { Auto, Playground, PyTorch };

/// Fills a weight matrix and its bias as `scheme` says, weights first, from `rng`: Playground's
/// U(-0.5, 0.5) with bias 0.1; PyTorch's U(+-1/sqrt(fanIn)) for both; Auto's He (before a
/// rectifier, `nextActivation`) or Glorot uniform with bias 0. The matrices keep their sizes.
void initializeWeights(Matrix& weights, Matrix& bias, InitScheme scheme, int fanIn, int fanOut,
                       const std::string& nextActivation, Random& rng);

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
    /// The tensors, in the kind's ParamInfo order (for dense: weights then bias). A frozen
    /// layer's come out not trainable.
    virtual std::vector<Param> params() { return {}; }
    /// What a layer keeps per time step beyond its output, for the views: a recurrent layer's
    /// hidden state at every step of the last forward (steps*units x batch, step-major).
    /// Empty (0 rows) for the other kinds.
    virtual ConstMatrixRef stepStates() { return ConstMatrixMap(nullptr, 0, 0); }
    /// A gated recurrent layer's gates at every step of the last forward, after their
    /// activations: steps*G*units x batch, step-major, the G gates of a step in gateNames()
    /// order, each `units` rows. Empty (0 rows) for the other kinds.
    virtual ConstMatrixRef stepGates() { return ConstMatrixMap(nullptr, 0, 0); }
    /// What the gates of stepGates() are, in their order ("input gate", ...); empty for kinds
    /// without gates.
    virtual std::vector<std::string> gateNames() const { return {}; }
    /// When nobody reads the input gradient (the first layer of a model), a layer may skip
    /// computing it and return any view from backward().
    void setInputGradientNeeded(bool needed) { m_inputGradientNeeded = needed; }
    /// A frozen layer (trainable false) still passes gradients to the layers before it, but
    /// the optimizer does not step its tensors and no penalty applies to them.
    void setTrainable(bool trainable) { m_trainable = trainable; }
    bool trainable() const { return m_trainable; }

protected:
    /// The params() entry for a tensor described by `info`, honouring setTrainable().
    Param param(Matrix& value, Matrix& grad, const ParamInfo& info) const {
        return {&value, &grad, info.trainable && m_trainable, info.penalized};
    }

    bool m_inputGradientNeeded = true;
    bool m_trainable = true;
};

/// Appends steps [fromStep, toStep) of sample `column` of a layer's stepGates() (gates.rows()
/// = steps*G*units, G = perGate.size()) to perGate: gate k's `units` values of each step go,
/// step after step, to perGate[k].
void appendStepGates(const ConstMatrixRef& gates, Eigen::Index column, int units, int fromStep,
                     int toStep, std::vector<std::vector<float>>& perGate);

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
